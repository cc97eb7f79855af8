import { plainDashes } from '../model/dashes';
import { MONTH_NAMES, calendarMonthOf, financialMonthOf, financialYearOf, type Period } from './period';

const FY_PART = String.raw`(?:\s*[-,]?\s*(?:fy\s*)?(\d{4}|\d{2})\s*(?:[/-]|\bto\b)\s*(\d{4}|\d{2}))?`;
const QUARTER = new RegExp(String.raw`^(?:q|qtr|quarter)\s*([1-4])${FY_PART}$`);
const ORDINAL_QUARTER = new RegExp(String.raw`^([1-4])(?:st|nd|rd|th)\s+(?:quarter|qtr)${FY_PART}$`);
const HALF = new RegExp(String.raw`^(?:h|half)\s*([12])${FY_PART}$`);
// "YTD (Q3)", "YTD to Dec": how far the year has run says no more than "YTD" (its kind has no end).
const RUN_TO = String.raw`(?:\s*\(?(?:to\s+)?(?:q[1-4]|quarter [1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\)?)?`;
const YEAR_TO_DATE = new RegExp(String.raw`^(?:ytd|year to date|cumulative|cumulative ytd|to date|actual to date)${RUN_TO}${FY_PART}$`);
const PART_THEN_YEAR_TO_DATE =
  /^(?:q[1-4]|qtr [1-4]|quarter [1-4]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(?:(\S.*?)\s+)?(?:ytd|year to date)$/;
const YEAR_THEN_PART =
  /^(\d{4}\s*[/-]\s*(?:\d{4}|\d{2}))[\s,:]+((?:q|qtr|quarter|h|half|m|month)\s*\d.*|ytd\b.*|[1-4](?:st|nd|rd|th)\s.*)$/;
// "M7", "Month 7", "Period 7": the financial year's seventh month (October).
const MONTH_NUMBER = new RegExp(String.raw`^(?:m|month|period)\s*(1[0-2]|[1-9])${FY_PART}$`);

/**
 * Reads the period a column header or a chosen period stands for:
 * `Q1 2024/25`, `Quarter 2`, `Apr-24`, `April`, `M1`, `YTD`, `2014/2015`, `2024-25`, `H1`.
 * Returns undefined for text that is not a period, so headers can be told apart.
 */
export function parsePeriodLabel(text: string): Period | undefined {
  const t = plainDashes(text)
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(actuals?|outturn|performance|result|figures?|value)\s+/, '')
    .replace(/\s+(actuals?|outturn|performance|results?|figures?|value)$/, '')
    // "12 months to Dec 2023", "Rolling 12 months ending March 2025": the year to that month's
    // end, dated by the month it ends with (a police force's rolling figures).
    // "Year ending June 2024" over a column (the Home Office's fire statistics) is such a year too.
    // Not "Year ended March 2024", the financial year itself (read by yearEnding).
    .replace(
      /^(?:rolling\s+)?(?:(?:12|twelve)\s+months?\s+(?:to|ending|ended|up to)|year\s+(?:ending|ended)(?=\s+(?!mar)))\s+(?=[a-z]{3})/,
      '',
    )
    // "End of Sept", "As at end of March 2025": a month's figure, counted at its end.
    .replace(/^(?:(?:as )?at |position at )?(?:the )?end of\s+(?=[a-z]{3})/, '')
    // "2018-19 (unaudited)": how final the figure is says nothing of its period.
    .replace(/\s*\(?(unaudited|audited|provisional|draft|validated|unvalidated)\)?$/, '')
    // "Quarter two", "2nd quarter": a quarter's number in words.
    .replace(/\b(quarter|qtr)\s+(one|two|three|four)\b/, (_, word: string, n: string) => `${word} ${QUARTER_WORDS[n]}`)
    // "FY25", "Q1 FY25": the financial year written out.
    .replace(FY_ENDING, fyWrittenOut)
    // "Q3 YTD", "Q3 2024/25 YTD", "Dec year to date": how far the year has run, as "YTD (Q3)" says it.
    .replace(PART_THEN_YEAR_TO_DATE, (_, year: string | undefined) => `ytd${year ? ` ${year}` : ''}`);
  if (t === '') return undefined;

  // A label longer than any period label cannot be one (descriptions reach here from detection).
  if (t.length > 40) return undefined;

  // "2017-18 Quarter 4", "2023/24 Q3": the year first, then the part of it.
  let m = YEAR_THEN_PART.exec(t);
  if (m) {
    const part = parsePeriodLabel(m[2]!);
    if (part && part.fy === undefined && part.kind !== 'year') return parsePeriodLabel(`${m[2]} ${m[1]}`);
  }

  m = QUARTER.exec(t);
  if (m) return withFy({ kind: 'quarter', quarter: Number(m[1]) as 1 | 2 | 3 | 4 }, m[2], m[3]);

  m = ORDINAL_QUARTER.exec(t);
  if (m) return withFy({ kind: 'quarter', quarter: Number(m[1]) as 1 | 2 | 3 | 4 }, m[2], m[3]);

  m = HALF.exec(t);
  if (m) return withFy({ kind: 'half', half: Number(m[1]) as 1 | 2 }, m[2], m[3]);

  m = YEAR_TO_DATE.exec(t);
  if (m) return withFy({ kind: 'ytd' }, m[1], m[2]);

  const span = partOfYearSpan(t);
  if (span) return span;

  m = MONTH_NUMBER.exec(t);
  if (m) return withFy({ kind: 'month', month: calendarMonthOf(Number(m[1])) }, m[2], m[3]);

  // "FY 16-17" (a Texas budget book): two-digit years joined by a dash only after "FY", as "16-17"
  // alone may be an age band.
  m =
    /^(?:fy\s*|financial year\s*|year\s*)?(\d{4})\s*[/-]\s*(\d{4}|\d{2})$/.exec(t) ??
    /^(?:fy\s*)?(\d{2})\s*\/\s*(\d{2})$/.exec(t) ??
    /^fy\s*(\d{2})\s*-\s*(\d{2})$/.exec(t);
  if (m) {
    const fy = financialYearFrom(m[1]!, m[2]!);
    return fy === undefined ? undefined : { kind: 'year', fy };
  }

  // "2023", "Calendar year 2023": a calendar year (a survey's, a snapshot's).
  m = /^(?:calendar year\s*|cy\s*)?((?:19|20)\d{2})$/.exec(t);
  if (m) return { kind: 'year', fy: Number(m[1]), calendar: true };

  // "2016 to 2017": a financial year written out.
  m = /^(\d{4})\s+to\s+(\d{4})$/.exec(t);
  if (m) {
    const fy = financialYearFrom(m[1]!, m[2]!);
    return fy === undefined ? undefined : { kind: 'year', fy };
  }

  // "Q1 (April to June 2019)", "April to June 2019", "July - September 2024": the months say the period.
  const months = monthRange(t);
  if (months) return months;

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

const QUARTER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4' };

const QUARTERS_SPAN = new RegExp(String.raw`^q([1-4])\s*(?:-|to)\s*q([1-4])${FY_PART}$`);
const YEAR_TO_DATE_OF_MONTH = /^(?:ytd|year to date)\s+(?:to\s+)?(?:(?:the\s+)?end of\s+)?([a-z]{3,9})\.?[-' ]?(\d{4}|\d{2})$/;
const MONTHS_TO_MONTH = /^(\d{1,2}|three|six|nine|twelve)\s+months?\s+(?:to|ending|ended|up to)\s+([a-z]{3,9})\.?[-' ]?(\d{4}|\d{2})$/;
const MONTH_YEAR_SPAN = /^([a-z]{3,9})\.?[-' ](\d{4}|\d{2})\s*(?:-|to)\s*([a-z]{3,9})\.?[-' ](\d{4}|\d{2})$/;

/**
 * Part of a year, or a year, written as a span in a column's heading: "Q1-Q3 2023/24" and "YTD
 * December 2023" (the year to date), "9 months to Dec-23" (the same, as statedSpan reads it in a
 * title), and "May-14 to Apr-15" (a police force's rolling year, dated by the month it ends with,
 * as "12 months to Apr-15" is). Spans of more than twelve months are none.
 */
function partOfYearSpan(t: string): Period | undefined {
  let m = QUARTERS_SPAN.exec(t);
  if (m) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (from !== 1 || to <= from) return undefined;
    return withFy(to === 4 ? { kind: 'year' } : { kind: 'ytd' }, m[3], m[4]);
  }
  m = YEAR_TO_DATE_OF_MONTH.exec(t);
  if (m) {
    const month = monthFromName(m[1]!);
    return month === undefined ? undefined : { kind: 'ytd', fy: financialYearOf({ year: fullYear(m[2]!), month, day: 1 }) };
  }
  m = MONTHS_TO_MONTH.exec(t);
  if (m) {
    const month = monthFromName(m[2]!);
    return month === undefined ? undefined : monthsTo(MONTH_COUNT[m[1]!] ?? Number(m[1]), month, fullYear(m[3]!));
  }
  m = MONTH_YEAR_SPAN.exec(t);
  if (m) {
    const [from, to] = [monthFromName(m[1]!), monthFromName(m[3]!)];
    if (from === undefined || to === undefined) return undefined;
    const [fromYear, toYear] = [fullYear(m[2]!), fullYear(m[4]!)];
    const months = (toYear - fromYear) * 12 + to - from + 1;
    if (months < 2 || months > 12) return undefined;
    return monthsTo(months, to, toYear);
  }
  return undefined;
}

/**
 * The span of `count` months ending with a month: the quarter, half, year or year to date it is
 * where it starts in April or ends a quarter or half; any other span (a rolling year, "November
 * 2021 to April 2022") is dated by its last month, as "12 months to Apr-15" is.
 */
function monthsTo(count: number, month: number, year: number): Period {
  const fy = financialYearOf({ year, month, day: 1 });
  const last = financialMonthOf(month);
  if (count === last) {
    if (count === 12) return { kind: 'year', fy };
    if (count === 6) return { kind: 'half', half: 1, fy };
    if (count === 3) return { kind: 'quarter', quarter: 1, fy };
    return { kind: 'ytd', fy };
  }
  if (count === 3 && last % 3 === 0) return { kind: 'quarter', quarter: (last / 3) as 1 | 2 | 3 | 4, fy };
  if (count === 6 && last === 12) return { kind: 'half', half: 2, fy };
  return { kind: 'month', month, fy };
}

/**
 * "FY21", "FY 2023": the financial year ending in that year (Fort Worth's budget book, and most
 * British annual reports: "FY24" ends on 31 March 2024), written out as "2020/21" so that "Q1 FY25"
 * reads as "Q1 2024/25". A year pair after it ("FY 2023/24") is left alone.
 */
const FY_ENDING = /\bfy\s*'?(\d{4}|\d{2})\b(?!\s*[/-]\s*\d)/gi;
function fyWrittenOut(_: string, year: string): string {
  const end = fullYear(year);
  return `${end - 1}/${String(end % 100).padStart(2, '0')}`;
}

/**
 * A span of months ("April to June 2019", "q1 april to june 2019", "Jul-Sep 2024", "Oct-Dec 23",
 * or "Apr.–June" under a year named elsewhere): a month, a financial quarter or half, or the
 * financial year, when the span is one of those. Without a year the period has none, and the
 * table's title or sheet dates it as it dates "Q1".
 */
function monthRange(text: string): Period | undefined {
  const m =
    /^(?:(?:q|qtr|quarter)\s*([1-4])\s+)?([a-z]{3,9})\.?\s*(\d{4})?\s*(?:-|to)\s*([a-z]{3,9})\.?(?:\s*'?(\d{4}|\d{2})(?:\s*[/-]\s*(\d{2}|\d{4}))?)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const from = monthFromName(m[2]!);
  const to = monthFromName(m[4]!);
  if (from === undefined || to === undefined) return undefined;
  const first = financialMonthOf(from);
  const last = financialMonthOf(to);
  if (last < first) return undefined;
  let fy: number | undefined;
  if (m[5] !== undefined) {
    // "April to March 2017/18": the year written is the financial year.
    const writtenFy = m[6] !== undefined ? financialYearFrom(m[5], m[6]) : undefined;
    if (m[6] !== undefined && writtenFy === undefined) return undefined;
    const endYear = writtenFy !== undefined ? (to >= 4 ? writtenFy : writtenFy + 1) : fullYear(m[5]);
    const startYear = m[3]
      ? Number(m[3])
      : writtenFy !== undefined
        ? from >= 4
          ? writtenFy
          : writtenFy + 1
        : from <= to
          ? endYear
          : endYear - 1;
    fy = financialYearOf({ year: startYear, month: from, day: 1 });
    if (financialYearOf({ year: endYear, month: to, day: 1 }) !== fy) return undefined;
  } else if (m[3] !== undefined) return undefined;
  const dated = fy === undefined ? {} : { fy };
  let period: Period | undefined;
  if (first === last) period = { kind: 'month', month: from, ...dated };
  else if (last - first === 2 && first % 3 === 1) period = { kind: 'quarter', quarter: ((first + 2) / 3) as 1 | 2 | 3 | 4, ...dated };
  else if (last - first === 5 && (first === 1 || first === 7)) period = { kind: 'half', half: first === 1 ? 1 : 2, ...dated };
  else if (first === 1 && last === 12) period = { kind: 'year', ...dated };
  // "April to December 2023": the year so far, as "9 months to December 2023" is. Only with its
  // year: "Apr-May" alone is left to the table's title.
  else if (first === 1 && fy !== undefined && !m[1]) period = { kind: 'ytd', fy };
  // A quarter number written beside its months must agree with them.
  if (period && m[1] && !(period.kind === 'quarter' && period.quarter === Number(m[1]))) return undefined;
  return period;
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
  const match = /(\d{4}|\d{2})\s*[-/\u2010-\u2015]\s*(\d{2,4})/.exec(name);
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

const IN_TEXT: readonly RegExp[] = [
  // "2017-18 Quarter 4", "2023/24 Q3"
  /\b\d{4}\s*[/-]\s*\d{2,4},?\s+(?:q|qtr|quarter)\s*(?:[1-4]|one|two|three|four)\b/gi,
  // "quarter two, 2024/25", "Q2 2024-25", "Quarter 4 2022/23"
  /\b(?:q|qtr|quarter)\s*(?:[1-4]|one|two|three|four)\b,?\s*(?:of\s+)?(?:\d{4}\s*(?:[/-]|\bto\b)\s*\d{2,4}|\d{2}\/\d{2}(?![\d/]))?/gi,
  // "April to June 2019", "July to September 2024", "1 October to 31 December 2023"
  /\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[a-z]{3,9}\.?\s*(?:\d{4})?\s*(?:-|to)\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[a-z]{3,9}\.?\s*\d{4}(?:\s*[/-]\s*\d{2,4})?\b/gi,
  // "January 2018", "Dec 2023" (not "March 2017/18", a financial year)
  /\b[a-z]{3,9}\.?\s+\d{4}\b(?!\s*[/-]\s*\d)/gi,
  // "2024/25", "2011/12", "2016 to 2017"
  /\b\d{4}\s*(?:[/-]|to)\s*\d{2,4}\b/gi,
  // "08/09 TH Index Report": a financial year in two digits each, not part of a date ("31/03/2024")
  /(?<![\d/])\d{2}\/\d{2}(?![\d/])/g,
  // "Our 2023 Results", "Tenant Satisfaction Survey 2022": a calendar year alone, not part of a
  // financial year or a span ("2019/2020", "2020-2025", "2020 to 2025")
  // nor a plan's horizon ("Vision 2030", "Council Plan 2023", "by 2030", "2030 strategy")
  /(?<!(?:[\d/-]|\bfy|\bto|\bby|\buntil|\bvision|\bplan|\bstrategy|\bambition|\bgoals?|\btargets?|\bzero)\s*)\b(?:19|20)\d{2}\b(?!\s*(?:(?:[/-]|to\b)\s*\d|vision|plan|strategy|ambition))/gi,
];

/**
 * The period a line of text names somewhere inside it: a title row ("Rent Collection January
 * 2018", "Here's our results for quarter two, 2024/25 which is July to September 2024") or a sheet
 * name. The most specific period named wins (a quarter with its year over the year alone); a
 * span of years ("2024-28") names none.
 */
export function periodInText(written: string): Period | undefined {
  if (written.length > 300) return undefined;
  // "2023–24": typeset dashes are the hyphens the patterns look for; "FY23" is 2022/23.
  const text = plainDashes(written).replace(FY_ENDING, fyWrittenOut);
  const stated = statedSpan(text);
  if (stated) return stated;
  const found: Period[] = [];
  // A month inside a span already read ("April 2023-March 2024", Tamworth) is part of it, not a period of its own.
  const read: Array<readonly [number, number]> = [];
  // "Financial year ending 30 June 2001" names the year, which a quarter named beside it outranks.
  const ending = yearEnding(text);
  if (ending) {
    found.push(ending.period);
    read.push(ending.at);
  }
  for (const pattern of IN_TEXT) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (read.some(([from, to]) => from <= start && end <= to)) continue;
      // The days of a span ("1 October to 31 December 2023") say no more than its months (the
      // "18" of "2017-18 Quarter 4" is a year's).
      const words = match[0]
        .replace(/,/g, ' ')
        .replace(/\bof\b/g, ' ')
        .replace(/(?<![/-])\b\d{1,2}(?:st|nd|rd|th)?\s+(?=[a-z]{3})/gi, '');
      const period = parsePeriodLabel(words);
      if (period) {
        found.push(period);
        read.push([start, end]);
      }
    }
  }
  // "Q2 performance (30 September 2013)": a quarter named with a day inside it is that quarter of
  // the day's financial year, not the day's month.
  const quarter = found.find((period) => period.kind === 'quarter' && period.fy === undefined);
  const day = found.find((period) => period.kind === 'month' && period.fy !== undefined);
  if (quarter?.kind === 'quarter' && day?.kind === 'month' && Math.ceil(financialMonthOf(day.month) / 3) === quarter.quarter)
    return { ...quarter, fy: day.fy };
  const dated = found.filter((period) => period.fy !== undefined);
  const pool = dated.length > 0 ? dated : found;
  // A calendar year is the last resort: "2024/25 (published 2025)" reports on 2024/25.
  const rank = (period: Period): number => (period.kind === 'year' ? (period.calendar ? -1 : 0) : period.kind === 'ytd' ? 1 : 2);
  const best = pool.sort((a, b) => rank(b) - rank(a))[0];
  // A four-digit number alone in a paragraph is as often a count ("the department received 1945
  // enquiries", the Attorney-General's Department) as a year: only a title's or a short line's dates it.
  if (best?.kind === 'year' && best.calendar && written.length > 100) return undefined;
  return best;
}

const LABELLED_SPAN = /\b(h[12]|fy)\s*(\d{4}\s*[/-]\s*\d{2,4})\b/i;
const MONTHS_TO =
  /\b(\d{1,2}|three|six|nine|twelve)\s+months?\s+(?:to|ended|ending|up to)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
const MONTH_COUNT: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12 };
const YEAR_ENDING =
  /(?<!\b(?:half|quarter|rolling|12[- ]month)[- ])\b(?:(?:financial|fiscal) year\s+(?:ending|ended|to)|year\s+(?:ending|ended))\s*(\d{1,2}(?:st|nd|rd|th)?\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b/i;

/**
 * A span the words state outright, which outranks any month or year inside them: "(H1 2018/19)",
 * "(FY 2017/18)", "6 months to 30 September 2018" (the first half), "twelve months ended 31 March
 * 2019" (the year), "9 months to 31 December 2023" (the year to date). A year ending on a date
 * (yearEnding) is not among them: a quarter named beside it outranks it.
 */
function statedSpan(text: string): Period | undefined {
  const labelled = LABELLED_SPAN.exec(text);
  if (labelled) {
    const part = labelled[1]!.toLowerCase();
    const period = parsePeriodLabel(part === 'fy' ? labelled[2]! : `${part} ${labelled[2]}`);
    if (period) return period;
  }
  const twelve = twelveMonths(text);
  if (twelve) return twelve;
  const m = MONTHS_TO.exec(text);
  if (!m) return undefined;
  const count = MONTH_COUNT[m[1]!.toLowerCase()] ?? Number(m[1]);
  const month = monthFromName(m[2]!.toLowerCase());
  if (month === undefined) return undefined;
  const period = monthsTo(count, month, Number(m[3]));
  // Twelve months to a month in a title are left to the month itself, read after.
  return period.kind === 'month' ? undefined : period;
}

/** "Jul-19 - Jun-20", "July 2019 to June 2020": a month and its year, to the month before it a year on (or December of the same year). */
const TWELVE_MONTHS = /\b([a-z]{3,9})\.?[-' ]?(\d{4}|\d{2})\s*(?:-|to)\s*([a-z]{3,9})\.?[-' ]?(\d{4}|\d{2})\b/i;

/**
 * Twelve months from a month other than April ("Period: Jul-19 - Jun-20", Waikato District
 * Council's scorecard): a year, labelled as the financial year it starts in (2019/20), as a
 * financial year ending in June is; January to December is the calendar year. From April it is the
 * financial year, read elsewhere.
 */
function twelveMonths(text: string): Period | undefined {
  // Named as the period ("Period: Jul-19 - Jun-20"), not a rolling year beside the years.
  if (!/\b(period|year|financial|fiscal)\b/i.test(text) || /\brolling\b/i.test(text)) return undefined;
  const m = TWELVE_MONTHS.exec(text);
  if (!m) return undefined;
  const from = monthFromName(m[1]!.toLowerCase());
  const to = monthFromName(m[3]!.toLowerCase());
  if (from === undefined || to === undefined || from === 4 || to !== (from === 1 ? 12 : from - 1)) return undefined;
  const startYear = fullYear(m[2]!);
  const endYear = fullYear(m[4]!);
  if (endYear !== startYear + (from === 1 ? 0 : 1)) return undefined;
  return from === 1 ? { kind: 'year', fy: startYear, calendar: true } : { kind: 'year', fy: startYear };
}

/**
 * "Financial year ending 30 June 2001" (ACT Policing), "year ended 31 March 2019": the year that
 * closes then, labelled as the financial year it ends (2000/01). Without "financial" or "fiscal",
 * only a year ended on a day in March is one: "Year ending Jun 2024" is a rolling year, left to its
 * month; a half year ended is no year at all.
 */
function yearEnding(text: string): { period: Period; at: readonly [number, number] } | undefined {
  const ending = YEAR_ENDING.exec(text);
  if (!ending) return undefined;
  const month = monthFromName(ending[2]!.toLowerCase());
  // "Year ended 31 March 2019" is the financial year; "Year ending Mar 2024" over a column may be one of four rolling years.
  const financial = /^(financial|fiscal)/i.test(ending[0]) || (month === 3 && ending[1] !== undefined);
  if (month === undefined || month === 12 || !financial) return undefined;
  return { period: { kind: 'year', fy: Number(ending[3]) - 1 }, at: [ending.index, ending.index + ending[0].length] };
}

/** A date or period written alone, "31 March 2020", "As at 31 March 2020", "Q2 2024/25": its period. */
export function dateAlone(text: string): Period | undefined {
  const t = text.trim();
  if (t.length > 30) return undefined;
  return parsePeriodLabel(t) ?? (/^(as at\s+)?\d{1,2}(st|nd|rd|th)?\s+[a-z]+\s+\d{4}$/i.test(t) ? periodInText(t) : undefined);
}
