import { MONTH_NAMES, calendarMonthOf, financialYearOf, type Period } from './period';

const FY_PART = String.raw`(?:\s*[-,]?\s*(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2}))?`;
const QUARTER = new RegExp(String.raw`^(?:q|qtr|quarter)\s*([1-4])${FY_PART}$`);
const ORDINAL_QUARTER = new RegExp(String.raw`^([1-4])(?:st|nd|rd|th)\s+(?:quarter|qtr)${FY_PART}$`);
const HALF = new RegExp(String.raw`^(?:h|half)\s*([12])${FY_PART}$`);
const YEAR_TO_DATE = new RegExp(String.raw`^(?:ytd|year to date|cumulative|cumulative ytd|to date|actual to date)${FY_PART}$`);
const MONTH_NUMBER = new RegExp(String.raw`^(?:m|month)\s*(1[0-2]|[1-9])${FY_PART}$`);

/**
 * Reads the period a column header or a chosen period stands for:
 * `Q1 2024/25`, `Quarter 2`, `Apr-24`, `April`, `M1`, `YTD`, `2014/2015`, `2024-25`, `H1`.
 * Returns undefined for text that is not a period, so headers can be told apart.
 */
export function parsePeriodLabel(text: string): Period | undefined {
  const t = text
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(actuals?|outturn|performance|result|figures?)\s+/, '')
    .replace(/\s+(actuals?|outturn|performance|results?|figures?)$/, '');
  if (t === '') return undefined;

  // A label longer than any period label cannot be one (descriptions reach here from detection).
  if (t.length > 40) return undefined;

  let m = QUARTER.exec(t);
  if (m) return withFy({ kind: 'quarter', quarter: Number(m[1]) as 1 | 2 | 3 | 4 }, m[2], m[3]);

  m = ORDINAL_QUARTER.exec(t);
  if (m) return withFy({ kind: 'quarter', quarter: Number(m[1]) as 1 | 2 | 3 | 4 }, m[2], m[3]);

  m = HALF.exec(t);
  if (m) return withFy({ kind: 'half', half: Number(m[1]) as 1 | 2 }, m[2], m[3]);

  m = YEAR_TO_DATE.exec(t);
  if (m) return withFy({ kind: 'ytd' }, m[1], m[2]);

  m = MONTH_NUMBER.exec(t);
  if (m) return withFy({ kind: 'month', month: calendarMonthOf(Number(m[1])) }, m[2], m[3]);

  m = /^(?:fy\s*|financial year\s*|year\s*)?(\d{4})\s*[/-]\s*(\d{4}|\d{2})$/.exec(t) ?? /^(?:fy\s*)?(\d{2})\s*\/\s*(\d{2})$/.exec(t);
  if (m) {
    const fy = financialYearFrom(m[1]!, m[2]!);
    return fy === undefined ? undefined : { kind: 'year', fy };
  }

  m = /^([a-z]+)\.?(?:\s*[-' ]\s*(\d{4}|\d{2}))?$/.exec(t);
  if (m) {
    const month = monthFromName(m[1]!);
    if (month === undefined) return undefined;
    if (m[2] === undefined) return { kind: 'month', month };
    const year = fullYear(m[2]);
    return { kind: 'month', month, fy: financialYearOf({ year, month, day: 1 }) };
  }
  return undefined;
}

function monthFromName(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * The financial year a sheet name names ("End of year 2014-15", "2007-08 results"), if any.
 * Detection and judging both ask, and must get the same answer for the same sheet.
 */
export function financialYearInName(name: string): number | undefined {
  const match = /(\d{4}|\d{2})\s*[-/]\s*(\d{2,4})/.exec(name);
  return match ? financialYearFrom(match[1]!, match[2]!) : undefined;
}

/** Two-digit years: 70–99 are the 1900s, the rest the 2000s. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return n >= 70 ? 1900 + n : 2000 + n;
}

/** `2024/25`, `2024/2025`, `24/25`: the second year must follow the first. */
function financialYearFrom(first: string, second: string): number | undefined {
  const start = fullYear(first);
  const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number(second) : Number(second);
  const normalisedEnd = end < start ? end + 100 : end;
  return normalisedEnd === start + 1 ? start : undefined;
}

function withFy<P extends Period>(period: P, first: string | undefined, second: string | undefined): P | undefined {
  if (first === undefined || second === undefined) return period;
  const fy = financialYearFrom(first, second);
  if (fy === undefined) return undefined;
  return { ...period, fy };
}
