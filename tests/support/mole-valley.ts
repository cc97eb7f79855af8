import type { XlsxCell, XlsxSheet } from './xlsx-writer';

/**
 * A monthly KPI workbook built differently from the samples, from real published wording and
 * figures: Mole Valley District Council's performance indicators for 2023/24.
 *
 * Sources (molevalley.gov.uk, "My council › Performance"):
 * - "2023/24 Performance Indicators": each indicator's number, wording, "Target 2023/24", "SLT Lead"
 *   and "Business Area", under the Council Strategy headings "Community Wellbeing" ("Active
 *   communities and support for those who need it").
 * - "Performance Indicators Report April 2023 – January 2024": the monthly figures for 2022/23 and
 *   2023/24 of community transport journeys and of households in bed and breakfast, up to January
 *   2024 (the February and March 2024 cells were empty on that page), and the quarterly telecare
 *   users, Q1 2022/23 to Q3 2023/24 ("Status: Data Only" on the page for the monthly ones).
 * - "Performance Indicators Report April – July 2024": households on the Housing Register, April
 *   2023 to January 2024 (the figures given there for 2023/24).
 *
 * As an officer would keep them: one row per indicator, a column per month (April 2022 to March
 * 2024, so the same month last year sits in the same row), the empty Status and Commentary columns
 * KPI Tracker fills; the quarterly indicator in a quarterly table of its own below. The latest month
 * with figures is January 2024, and it has gaps: the Housing Register has no 2022/23 figures on the
 * pages, and telecare users are counted quarterly, so they have no figure for January 2024. Nothing
 * here is invented: a cell the pages leave empty is empty.
 */
export const MOLE_VALLEY_SOURCE =
  'Mole Valley District Council, "2023/24 Performance Indicators" and "Performance Indicators Report April 2023 – January 2024", molevalley.gov.uk';

const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
/** "Apr-22" … "Mar-24": April 2022 to March 2024. */
const MONTH_HEADERS = [2022, 2023].flatMap((fy) => MONTHS.map((m, i) => `${m}-${String((i < 9 ? fy : fy + 1) % 100).padStart(2, '0')}`));

const blank = (n: number): null[] => Array<null>(n).fill(null);

/** Figures for April 2022 … March 2023, then April 2023 … January 2024 (February and March 2024 empty). */
const JOURNEYS_2022 = [393, 436, 451, 394, 517, 439, 570, 570, 450, 534, 550, 628];
const JOURNEYS_2023 = [552, 622, 566, 560, 563, 599, 583, 735, 447, 513];
const BED_AND_BREAKFAST_2022 = [17, 17, 20, 14, 17, 15, 14, 15, 18, 23, 21, 24];
const BED_AND_BREAKFAST_2023 = [23, 23, 13, 16, 15, 19, 22, 21, 18, 20];
const HOUSING_REGISTER_2023 = [661, 683, 646, 635, 622, 628, 640, 634, 626, 630];
/** Q1 2022/23 … Q3 2023/24. */
const TELECARE = [1265, 1245, 1220, 1179, 1186, 1162, 1153];

const monthly = (
  ref: number,
  indicator: string,
  target: string,
  lead: string,
  area: string,
  y2022: readonly number[],
  y2023: readonly number[],
) => [String(ref), indicator, target, lead, area, ...(y2022.length ? y2022 : blank(12)), ...y2023, ...blank(12 - y2023.length), null, null];

export function moleValleySheets(): XlsxSheet[] {
  const header = ['No.', 'Performance Indicator', 'Target 2023/24', 'SLT Lead', 'Business Area', ...MONTH_HEADERS, 'Status', 'Commentary'];
  const quarterHeader = [
    'No.',
    'Performance Indicator',
    'Target 2023/24',
    'SLT Lead',
    'Business Area',
    'Q1 2022/23',
    'Q2 2022/23',
    'Q3 2022/23',
    'Q4 2022/23',
    'Q1 2023/24',
    'Q2 2023/24',
    'Q3 2023/24',
    'Q4 2023/24',
    'Status',
    'Commentary',
  ];
  const rows: XlsxCell[][] = [
    ['Performance Indicators Report April 2023 – January 2024'],
    [],
    ['Community Wellbeing: Active communities and support for those who need it'],
    header,
    monthly(2, 'Number of community transport journeys', 'Data only', 'Community', 'Mole Valley Life', JOURNEYS_2022, JOURNEYS_2023),
    monthly(
      3,
      'Number of households in bed and breakfast',
      'Data only',
      'Community',
      'Housing',
      BED_AND_BREAKFAST_2022,
      BED_AND_BREAKFAST_2023,
    ),
    monthly(4, 'Number of households on the Housing Register', 'Data only', 'Community', 'Housing', [], HOUSING_REGISTER_2023),
    [],
    [],
    ['Community Wellbeing: Active communities and support for those who need it'],
    quarterHeader,
    ['1', 'Number of Telecare service users', 'Higher than previous year', 'Community', 'Mole Valley Life', ...TELECARE, null, null, null],
  ];
  return [{ name: 'PIs 2023-24', rows }];
}
