/**
 * Period labels as they appear in column headers (and as the officer picks a period):
 * the UK financial year runs April–March, `fy` is the year it starts in (2024 for 2024/25).
 */
import fc from 'fast-check';
import { parsePeriodLabel } from '../../../src/core/periods/parse-period-label';
import { financialYearOf, periodLabel, type Period } from '../../../src/core/periods/period';

describe('parsePeriodLabel: periods', () => {
  test.each<[string, Period]>([
    // quarters
    ['Q1 2024/25', { kind: 'quarter', quarter: 1, fy: 2024 }],
    ['Q4 2024/25', { kind: 'quarter', quarter: 4, fy: 2024 }],
    ['Q1 2024-25', { kind: 'quarter', quarter: 1, fy: 2024 }],
    ['Q2 2024/2025', { kind: 'quarter', quarter: 2, fy: 2024 }],
    ['Q1', { kind: 'quarter', quarter: 1 }],
    ['Qtr 1', { kind: 'quarter', quarter: 1 }],
    ['Quarter 2', { kind: 'quarter', quarter: 2 }],
    ['Qtr 3 2023/24', { kind: 'quarter', quarter: 3, fy: 2023 }],
    ['quarter 4 2023/24', { kind: 'quarter', quarter: 4, fy: 2023 }],
    // the year first (the Ombudsman's "2017-18 Quarter 4")
    ['2017-18 Quarter 4', { kind: 'quarter', quarter: 4, fy: 2017 }],
    ['2023/24 Q3', { kind: 'quarter', quarter: 3, fy: 2023 }],
    ['2024/25 H1', { kind: 'half', half: 1, fy: 2024 }],
    ['2024/25 YTD', { kind: 'ytd', fy: 2024 }],
    // a calendar year (a survey's "2023")
    ['2024', { kind: 'year', fy: 2024, calendar: true }],
    ['Calendar year 2023', { kind: 'year', fy: 2023, calendar: true }],
    ['2nd Quarter', { kind: 'quarter', quarter: 2 }],
    ['Q1\n2024/25', { kind: 'quarter', quarter: 1, fy: 2024 }],
    ['  q2  ', { kind: 'quarter', quarter: 2 }],
    ['Q3 Actual', { kind: 'quarter', quarter: 3 }],
    // months: Apr-24 is April 2024, in 2024/25; Jan-25 is January 2025, still in 2024/25
    ['Apr-24', { kind: 'month', month: 4, fy: 2024 }],
    ['Mar-25', { kind: 'month', month: 3, fy: 2024 }],
    ['Jan-25', { kind: 'month', month: 1, fy: 2024 }],
    ['Dec-24', { kind: 'month', month: 12, fy: 2024 }],
    ['Sep-24', { kind: 'month', month: 9, fy: 2024 }],
    ['Sept-24', { kind: 'month', month: 9, fy: 2024 }],
    ['April 2024', { kind: 'month', month: 4, fy: 2024 }],
    ['Apr-2024', { kind: 'month', month: 4, fy: 2024 }],
    ['April', { kind: 'month', month: 4 }],
    ['March', { kind: 'month', month: 3 }],
    ['Jun', { kind: 'month', month: 6 }],
    // financial months: M1 is April, M12 is March
    ['M1', { kind: 'month', month: 4 }],
    ['M9', { kind: 'month', month: 12 }],
    ['M10', { kind: 'month', month: 1 }],
    ['M12', { kind: 'month', month: 3 }],
    ['Month 1', { kind: 'month', month: 4 }],
    // year to date, halves, years
    ['YTD', { kind: 'ytd' }],
    ['Year to date', { kind: 'ytd' }],
    ['YTD 2024/25', { kind: 'ytd', fy: 2024 }],
    ['H1', { kind: 'half', half: 1 }],
    ['H2 2024/25', { kind: 'half', half: 2, fy: 2024 }],
    ['2014/2015', { kind: 'year', fy: 2014 }],
    ['2024-25', { kind: 'year', fy: 2024 }],
    ['2024/25', { kind: 'year', fy: 2024 }],
    ['2024 – 25', { kind: 'year', fy: 2024 }],
    ['FY 2024/25', { kind: 'year', fy: 2024 }],
    ['1999/00', { kind: 'year', fy: 1999 }],
    ['Actual 2023/24', { kind: 'year', fy: 2023 }],
    ['Outturn 2023/24', { kind: 'year', fy: 2023 }],
    // the year so far, however a committee report writes it (Nottinghamshire FRS, "1 April to 31 December 2023")
    ['April to December 2023', { kind: 'ytd', fy: 2023 }],
    ['Apr-Dec 2023', { kind: 'ytd', fy: 2023 }],
    ['April 2023 to December 2023', { kind: 'ytd', fy: 2023 }],
    ['YTD December 2023', { kind: 'ytd', fy: 2023 }],
    ['Year to date Dec 2023', { kind: 'ytd', fy: 2023 }],
    ['Q1-Q3 2023/24', { kind: 'ytd', fy: 2023 }],
    ['9 months to Dec-23', { kind: 'ytd', fy: 2023 }],
    // a rolling year, dated by the month it ends with (Lancashire Constabulary's "May-14 to Apr-15")
    ['May-14 to Apr-15', { kind: 'month', month: 4, fy: 2015 }],
    ['Year ending June 2024', { kind: 'month', month: 6, fy: 2024 }],
    ['November 2021 to April 2022', { kind: 'month', month: 4, fy: 2022 }],
    // a Texas budget book's "FY 16-17" (City of Azle); "16-17" alone is left alone (an age band)
    ['FY 16-17', { kind: 'year', fy: 2016 }],
  ])('%j → %j', (label, period) => {
    expect(parsePeriodLabel(label)).toEqual(period);
  });
});

describe('parsePeriodLabel: not periods', () => {
  test.each([
    'Target',
    'Status',
    'Commentary',
    'Marketing',
    '2014/2016',
    '16-17',
    '2024/23',
    '1850',
    'Q5',
    'Q0',
    'M13',
    'M0',
    'H3',
    '',
    '   ',
    'Indicator No.',
    'KPI Description',
    'Annual Target 2024/25',
    'Key Performance Indicator',
    'Numbers',
    'Comments',
    'Ma',
    'Jane Smith',
    '01234 567890',
    '15 per quarter',
    '31/03/2025',
  ])('%j → undefined', (label) => {
    expect(parsePeriodLabel(label)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const fyArb = fc.integer({ min: 1950, max: 2150 });
const maybeFy = fc.option(fyArb, { nil: undefined });
const withFy = <P extends Period>(period: P, fy: number | undefined): P => (fy === undefined ? period : { ...period, fy });

/**
 * Any period the model can hold. A year without its year ("Year") is left out: it is not a label a
 * workbook uses, and there is nothing to read back.
 */
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 12 }), maybeFy).map(([month, fy]) => withFy<Period>({ kind: 'month', month }, fy)),
  fc
    .tuple(fc.constantFrom(1, 2, 3, 4 as const), maybeFy)
    .map(([quarter, fy]) => withFy<Period>({ kind: 'quarter', quarter: quarter as 1 | 2 | 3 | 4 }, fy)),
  fc.tuple(fc.constantFrom(1, 2 as const), maybeFy).map(([half, fy]) => withFy<Period>({ kind: 'half', half: half as 1 | 2 }, fy)),
  fyArb.map((fy): Period => ({ kind: 'year', fy })),
  maybeFy.map((fy) => withFy<Period>({ kind: 'ytd' }, fy)),
);

/** Header-ish text: period words, years, separators and noise, so the interesting branches are reached. */
const headerishArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Q',
        'Qtr',
        'Quarter',
        'M',
        'Month',
        'H',
        'Half',
        'YTD',
        'FY',
        'Year to date',
        'Actual',
        'Target',
        'Apr',
        'Sept',
        'March',
        'Mar',
        'fy',
      ),
      fc.constantFrom('/', '-', '–', ' ', '.', "'", '\n', '\t', '(', ')', '%', '*'),
      fc.integer({ min: 0, max: 3000 }).map(String),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('parsePeriodLabel: properties', () => {
  test('never throws, on any text at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), headerishArb),
        (text) => {
          parsePeriodLabel(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('whatever it returns is a well-formed period', () => {
    fc.assert(
      fc.property(headerishArb, (text) => {
        const period = parsePeriodLabel(text);
        if (period === undefined) return;
        if (period.fy !== undefined) expect(Number.isInteger(period.fy)).toBe(true);
        if (period.kind === 'month') expect(period.month >= 1 && period.month <= 12).toBe(true);
        if (period.kind === 'quarter') expect([1, 2, 3, 4]).toContain(period.quarter);
        if (period.kind === 'half') expect([1, 2]).toContain(period.half);
      }),
      { numRuns: 2000 },
    );
  });

  test('periodLabel(parse(label(p))) gives the same label, and parse(label(p)) is p itself', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        const label = periodLabel(period);
        const parsed = parsePeriodLabel(label);
        expect(parsed).toBeDefined();
        expect(periodLabel(parsed!)).toBe(label);
        expect(parsed).toEqual(period);
      }),
      { numRuns: 1000 },
    );
  });

  test('reading is case- and spacing-insensitive', () => {
    fc.assert(
      fc.property(periodArb, fc.constantFrom('upper', 'lower', 'spaced'), (period, style) => {
        const label = periodLabel(period);
        const variant =
          style === 'upper' ? label.toUpperCase() : style === 'lower' ? label.toLowerCase() : `  ${label.replace(/ /g, '   ')} `;
        expect(parsePeriodLabel(variant)).toEqual(parsePeriodLabel(label));
      }),
      { numRuns: 500 },
    );
  });

  test('a month written as Mmm-YY falls in the financial year that starts the April before (or the same April)', () => {
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      // Two-digit years 70–99 are read as the 1900s ("Dec-99" is December 1999).
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1970, max: 2069 }), (month, year) => {
        const parsed = parsePeriodLabel(`${names[month - 1]}-${String(year % 100).padStart(2, '0')}`);
        expect(parsed).toEqual({ kind: 'month', month, fy: financialYearOf({ year, month, day: 1 }) });
        expect(parsed!.fy).toBe(month >= 4 ? year : year - 1);
      }),
      { numRuns: 300 },
    );
  });

  test('a financial year must run into the next year: YYYY/YY only when the second year follows the first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 0, max: 99 }), (start, endTwoDigits) => {
        const label = `${start}/${String(endTwoDigits).padStart(2, '0')}`;
        const follows = (start + 1) % 100 === endTwoDigits;
        expect(parsePeriodLabel(label)).toEqual(follows ? { kind: 'year', fy: start } : undefined);
      }),
      { numRuns: 500 },
    );
  });
});
