import { cellText, isMonthOnlyFormat, numberFormatKind } from '../model/cell-text';
import { dateFromSerial, daysInMonth, isRealDate, type CalendarDate } from '../model/serial-dates';
import type { Cell } from '../model/workbook';
import { MONTH_NAMES } from '../periods/period';
import type { Direction, RatePeriod, Target, Unit } from './target-types';
import { memoByText } from '../model/memo';
import { plainDashes } from '../model/dashes';
import { readDuration } from './time-units';

/** A share within a time, written as the standard is: "90 in 10 days", "95% within 5 working days". */
export const SHARE_IN_TIME =
  /^(\d+(?:\.\d+)?)\s*(%|per ?cent)?\s+(?:with)?in\s+\d+\s+(?:working |calendar )?(?:days?|hours?|weeks?|minutes?)$/i;

/** Unicode minus, dashes and odd spaces as they arrive from email and Word. */
export function normaliseText(text: string): string {
  return plainDashes(text)
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const NO_TARGET =
  /^(n\/?a|na|none|no target( set)?|no tgt|no official target\b.*|no target\b.*|not applicable|-+|tbc|tbd|tba|(baseline |target )?to be (confirmed|set|determined|agreed|established)|monitor(ing)?( only)?|for info(rmation)?( only)?|info only|data only|baseline( year)?|contextual|no target - monitoring only|new|new kpi|new measure|new indicator|(to )?(establish|set)( a)? baseline|new (kpi|measure|indicator)\s*[-–:]\s*baseline( year)?|(monitor(ing)?|for info(rmation)?|info|data)( only)?\s*[-–:(]\s*(baseline( year)?|no target|new (kpi|measure|indicator))\)?|n\/?a\s*[-–:(]\s*(contextual|context|for info(rmation)?( only)?|monitor(ing)?( only)?|no target( set)?|baseline( year)?)\)?)$/;

const UNIT_WORDS: ReadonlyArray<{ pattern: RegExp; unit: Unit }> = [
  { pattern: /^(working days?|work days?|wd|business days?|clear working days?)$/, unit: 'working days' },
  { pattern: /^(calendar days?|days?|d)$/, unit: 'days' },
  { pattern: /^(hours?|hrs?|h)$/, unit: 'hours' },
  { pattern: /^(minutes?|mins?)$/, unit: 'minutes' },
  // "90 seconds" (999 call handling, Warwickshire Fire), "30 seconds" (101 calls, West Mercia).
  { pattern: /^(seconds?|secs?)$/, unit: 'seconds' },
  { pattern: /^(weeks?|wks?)$/, unit: 'weeks' },
  { pattern: /^(months?|mths?)$/, unit: 'months' },
  { pattern: /^(years?|yrs?)$/, unit: 'years' },
  { pattern: /^(points?|score|out of \d+)$/, unit: 'score' },
];

const RATE_WORDS: ReadonlyArray<{ pattern: RegExp; per: RatePeriod }> = [
  { pattern: /^(per|a|each|every|\/)\s*(week|wk)$|^pw$|^weekly$/, per: 'week' },
  { pattern: /^(per|a|each|every|\/)\s*(month|mth|calendar month)$|^pcm$|^pm$|^monthly$/, per: 'month' },
  { pattern: /^(per|a|each|every|\/)\s*(quarter|qtr|q)$|^pq$|^quarterly$/, per: 'quarter' },
  { pattern: /^(per|a|each|every|\/)\s*(half[- ]year|six months|6 months)$/, per: 'half' },
  { pattern: /^(per|a|each|every|\/)\s*(year|annum|yr)$|^p\.?\s?a\.?$|^pa$|^annually$|^yearly$|^per year$/, per: 'year' },
];

const RECURRING: ReadonlyArray<{ pattern: RegExp; every: RatePeriod }> = [
  { pattern: /^(yearly|annually|annual|once a year|every year|each year)$/, every: 'year' },
  { pattern: /^(6[- ]monthly|six[- ]monthly|half[- ]yearly|bi-?annually|twice yearly)$/, every: 'half' },
  { pattern: /^(quarterly|every quarter|each quarter)$/, every: 'quarter' },
  { pattern: /^(monthly|every month|each month)$/, every: 'month' },
  { pattern: /^(weekly|every week)$/, every: 'week' },
];

const HIGHER_PREFIX =
  /^(>=|≥|=>|at least|minimum( of)?|min\.?|not less than|no less than|no fewer than|greater than or equal to|equal to or (more|greater) than)\s*/;
const HIGHER_STRICT_PREFIX = /^(>|more than|greater than|over|above|exceed(ing)?)\s*/;
const LOWER_PREFIX =
  /^(<=|≤|=<|at most|maximum( of)?|max\.?|no more than|not more than|not to exceed|up to|within|no longer than|in|less than or equal to|equal to or (less|fewer) than)\s*/;
const LOWER_STRICT_PREFIX = /^(<|less than|fewer than|under|below)\s*/;
const HIGHER_SUFFIX = /\s*(or (above|more|higher|better|greater|over)|\+|plus|and above|and over|minimum|min)$/;
const LOWER_SUFFIX = /\s*(or (below|less|lower|fewer|under)|and below|maximum|max)$/;

// "£1.2m" is a million and "5k" a thousand; the "m" of "7 minutes" is no million.
const NUMBER = String.raw`([£$])?\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|-?\.\d+)\s*((?:k|m)(?![a-z])|%)?`;

const NUMBER_THEN_WORDS = new RegExp(String.raw`^${NUMBER}\s*(.*)$`);
// "5 to 10 days", "4-6 hours": a range may name its unit after it.
const RANGE = new RegExp(String.raw`^(?:between\s+)?${NUMBER}\s*(?:-|to|and)\s*${NUMBER}(?:\s+([a-z][a-z ]*))?$`);
const RATE = new RegExp(
  String.raw`^${NUMBER}\s*([a-z' -]*?)\s*(per\s+\S+(?:\s+year)?|a\s+(?:week|month|quarter|year)|each\s+\S+|every\s+\S+|/\s*\S+|p\.?\s?a\.?|pa|pcm|pq|pw|pm|annually|yearly|quarterly|monthly|weekly)$`,
);

interface NumberWithUnit {
  value: number;
  unit: Unit;
  unitWritten: boolean;
}

const SCALE_WORD = /^(thousand|million|billion|bn)\b/i;
const SCALES: Readonly<Record<string, number>> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, bn: 1_000_000_000 };

/** A number's size written after it in words ("1.7 million", "2 billion"): its factor, and the words after it. */
export function takeScaleWord(words: string): { factor: number; rest: string } {
  const trimmed = words.trim();
  const scale = SCALE_WORD.exec(trimmed);
  return scale ? { factor: SCALES[scale[1]!.toLowerCase()]!, rest: trimmed.slice(scale[0].length) } : { factor: 1, rest: words };
}

function readNumber(text: string): NumberWithUnit | undefined {
  const match = NUMBER_THEN_WORDS.exec(text);
  if (!match) return undefined;
  const [, pound, digits, rawSuffix, rawRest] = match;
  // "95 per cent" is 95%.
  const perCent = /^per ?cent\b/.test(rawRest!.trim());
  const suffix = perCent ? '%' : rawSuffix;
  // "1.7 million", "2 billion": the number written out in full.
  const scale = perCent ? { factor: 1, rest: rawRest!.trim().replace(/^per ?cent\b/, '') } : takeScaleWord(rawRest!);
  const rest = scale.rest;
  let value = Number(digits!.replace(/,/g, ''));
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) return undefined;
  if (suffix === 'k') value *= 1_000;
  if (suffix === 'm') value *= 1_000_000;
  value *= scale.factor;
  const words = rest!.trim().replace(/[.;]$/, '');
  if (suffix === '%') return words === '' ? { value, unit: 'percent', unitWritten: true } : undefined;
  if (pound) return words === '' ? { value, unit: 'money', unitWritten: true } : undefined;
  if (words === '') return { value, unit: 'count', unitWritten: false };
  const unitWord = UNIT_WORDS.find((u) => u.pattern.test(words));
  if (unitWord) return { value, unit: unitWord.unit, unitWritten: true };
  // "264 households", "40 cases": a count of things.
  if (/^[a-z][a-z' -]{1,40}$/.test(words) && !RATE_WORDS.some((r) => r.pattern.test(words)))
    return { value, unit: 'count', unitWritten: true };
  return undefined;
}

function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w));
  return i >= 0 ? i + 1 : undefined;
}

/** `April 2015`, `31/03/2025`, `1st October 2010`, `30 June 2025`, `end of June 2025`. */
export function readDate(text: string): CalendarDate | undefined {
  const t = text
    .trim()
    .replace(/^(the\s+)?(end of|close of|by end of|by the end of)\s+/, '')
    .replace(/[.,]$/, '');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = { year, month: Number(m[2]), day: Number(m[1]) };
    return isRealDate(date) ? date : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return isRealDate(date) ? date : undefined;
  }
  // "31 March 2004", and "31 Mar 04" with the year in two digits.
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const month = monthIndex(m[2]!);
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = month ? { year, month, day: Number(m[1]) } : undefined;
    return date && isRealDate(date) ? date : undefined;
  }
  m = /^([a-z]+)\.?,?\s*[-']?\s*(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const month = monthIndex(m[1]!);
    if (!month) return undefined;
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return { year, month, day: daysInMonth(year, month) };
  }
  return undefined;
}

/** Quarter deadlines such as `Q3 2024/25`: the last day of that quarter. */
function readQuarterDeadline(text: string): CalendarDate | undefined {
  const m = /^(?:end of\s+)?q([1-4])\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const fy = Number(m[2]);
  const lastFinancialMonth = Number(m[1]) * 3;
  const month = ((lastFinancialMonth + 2) % 12) + 1;
  const year = month >= 4 ? fy : fy + 1;
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * Reads a target as an officer wrote it. Never throws: what it cannot read comes back as
 * `unreadable` with the reason, and the verdict shows it.
 */
export function parseTargetText(raw: string): Target {
  const read = parseTargetWords(raw);
  // "Less than 0.15% of applications received", "Not to exceed 0.01% of tests conducted" (the
  // Driver and Vehicle Testing Agency's targets): a share of what it counts, the share the target.
  const shareOf = read.kind === 'unreadable' ? SHARE_OF_WHAT.exec(raw.trim()) : null;
  if (shareOf) {
    const share = parseTargetWords(shareOf[1]!);
    if (share.kind === 'threshold') return { ...share, text: raw };
  }
  // "no more than three for the year" (St Helens and Knowsley's MRSA target): a number written in
  // words, read as the figure it names where the words alone could not be read.
  if (read.kind !== 'unreadable' || !NUMBER_WORD.test(raw)) return read;
  const inFigures = parseTargetWords(
    raw.replace(new RegExp(NUMBER_WORD.source, 'gi'), (word) => String(NUMBER_WORDS.indexOf(word.toLowerCase()))),
  );
  return inFigures.kind === 'unreadable' ? read : { ...inFigures, text: raw };
}

// Only a plain limit: "Within 2% of the national average" is a band around another figure.
const SHARE_OF_WHAT =
  /^((?:less than|fewer than|no more than|not more than|not to exceed|under|below|at most|maximum(?: of)?|max\.?|more than|at least|no less than|minimum(?: of)?|min\.?|over|above)\s.*\d\s*(?:%|per ?cent\.?))\s+of\s+(?:the\s+|all\s+)?[a-z][a-z ]{2,60}$/i;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const NUMBER_WORD = new RegExp(String.raw`\b(${NUMBER_WORDS.join('|')})\b`, 'i');

function parseTargetWords(raw: string): Target {
  const text = raw;
  // "Top quartile (97.3%)", "National average (3.6%)": the comparator's figure is written beside
  // it, and is the figure to reach.
  const stated = /^(.*\b(quartile|average|median))\s*\(\s*([<>≤≥]?\s*\d[\d,.]*\s*%?)\s*\)\s*$/i.exec(normaliseText(raw).trim());
  if (stated) {
    const comparator = parseTargetText(stated[1]!);
    const figure = parseTargetText(stated[3]!);
    if (comparator.kind === 'benchmark' && figure.kind === 'threshold')
      return { ...figure, text, ...(comparator.direction ? { direction: comparator.direction } : {}) };
  }
  const t = normaliseText(raw)
    .toLowerCase()
    // A footnote marker ("N/A **", "86% *") is not part of the target.
    .replace(/\s*\*+$/, '')
    .replace(/\s*\((?:[^()]*)\)\s*$/, '')
    .replace(/[.;:]+$/, '')
    .trim();
  if (t === '') return { kind: 'none', text, why: 'no target is set (the cell is blank)' };
  if (NO_TARGET.test(t)) return { kind: 'none', text, why: `the target reads "${raw.trim()}"` };
  if (/^(annual (indicator|measure|kpi|target)|reported (annually|yearly)|year end (only|measure)|measured (annually|yearly))$/.test(t))
    return { kind: 'not-due', text, why: `the target reads "${raw.trim()}": it is reported once a year` };
  // "Target: 0.85%. We aim to minimise our rent loss as much as we can" (Network Homes): a target,
  // then a sentence about it.
  const explained = t.length <= 300 ? /^(.*?\d.*?)\.\s+[a-z][a-z' ,]{6,}/.exec(t) : null;
  // "1. Reduce by 5%" is a numbered list, not a target of 1.
  if (explained && !/^\d+$/.test(explained[1]!.trim())) {
    const inner = parseTargetText(explained[1]!);
    if (inner.kind !== 'unreadable' && inner.kind !== 'none') return { ...inner, text };
  }
  // "Target: 70%", "A maximum of 30 weeks", "Achieve 95%": the words around a target say nothing more.
  // "Our target is 98%", "our target 100%" (Horton Housing) say no more than "Target: 98%".
  const bare = t
    .replace(/^(?:our\s+)?target(?:\s+is\b|\s*[:=-])\s*|^our\s+target\s+(?=\d)/, '')
    .replace(/^(an?|to|achieve|to achieve|aim for|aim to be)\s+(?=\S)/, '');
  if (bare !== t) {
    const inner = parseTargetText(bare);
    if (inner.kind === 'unreadable')
      return { ...inner, text, why: `"${raw.trim()}" is not a target KPI Tracker can read (a figure, a rate, a date, a range or N/A)` };
    if (inner.kind === 'none') return { ...inner, text, why: `the target reads "${raw.trim()}"` };
    return { ...inner, text };
  }
  // "90 in 10 days", "93 in 14 days" (the Criminal Records Bureau's service standards): so many
  // per cent of cases within the time; the share is the figure held to it.
  const shareInTime = SHARE_IN_TIME.exec(t);
  if (shareInTime && (shareInTime[2] || Number(shareInTime[1]) >= 50))
    return { kind: 'threshold', text, value: Number(shareInTime[1]), unit: 'percent', direction: 'higher' };
  // "5 per 1,000 homes", "50 per 100,000": a rate per so many, compared as the figure it is.
  const perMany = /^(\d+(?:\.\d+)?) per (1,000|1000|10,000|10000|100,000|100000)( [a-z ]+)?$/.exec(t);
  if (perMany) return { kind: 'threshold', text, value: Number(perMany[1]), unit: 'count' };
  // "Better than 2023/24", "Improve on last year": better than the figure before, whichever way
  // the measure is better (see aimSaysWhichWay).
  if (
    /^(better than|improve on|improvement on|beat) (last year|the previous year|last year's( outturn| figure)?|\d{4}\s*[/-]\s*\d{2,4}( outturn)?)$/.test(
      t,
    )
  )
    return { kind: 'change', text, aim: 'increase' };
  // "01:30", "08:00" (999 call handling and fire attendance, written as the times are): minutes and
  // seconds, held as a time.
  const duration = /^\d{1,3}:[0-5]\d(:[0-5]\d)?$/.test(t) ? readDuration(t) : undefined;
  // Rounded as a figure's own time is (parse-actual), so "01:20" against "01:20" is met, not 0 above.
  if (duration !== undefined) return { kind: 'threshold', text, value: roundFloat(duration), unit: 'minutes' };
  // "All" (every council meeting webcast) is all of them; "Zero" none at all.
  if (t === 'all') return { kind: 'threshold', text, value: 100, unit: 'percent', direction: 'higher' };
  // "Nil" (NZ Corrections' standards): none at all, as "Zero" is.
  if (t === 'zero' || t === 'nil' || t === 'zero tolerance')
    return { kind: 'threshold', text, value: 0, unit: 'count', direction: 'lower' };
  const change =
    /^(maintain|keep|sustain|reduce|decrease|lower|increase|improve|raise|grow)(\s+(performance|the (figure|level|rate)|current (level|performance)|(or|and) (improve|reduce|decrease|lower|increase|raise)|levels?))*$/.exec(
      t,
    );
  if (change) {
    const verb = change[1]!;
    const aim = /^(maintain|keep|sustain)$/.test(verb) ? 'maintain' : /^(reduce|decrease|lower)$/.test(verb) ? 'reduce' : 'increase';
    return { kind: 'change', text, aim };
  }
  // "Continue downward trend in accident rate", "Reduction in number of fatalities" (the
  // Transportation Safety Board's results): a way to move, named with what moves.
  const trend =
    /^(continue (the |a )?)?(?<way>downward|upward|decreasing|increasing|declining|rising) trend( (in|of) .{1,80})?$|^(an? )?(?<change>reduction|decrease|fall|increase|rise) in (the )?.{1,80}$/.exec(
      t,
    );
  if (trend) {
    const way = trend.groups!.way ?? trend.groups!.change!;
    return { kind: 'change', text, aim: /^(downward|decreasing|declining|reduction|decrease|fall)$/.test(way) ? 'reduce' : 'increase' };
  }
  // "Within budget" beside a Budget column (spending), "Meet or exceed budget" (income): the
  // budget on the row is the figure to hold the actual to.
  const budget = /^(within|on|under|at or below|not over|meet or exceed|meet|exceed|at or above|above)( the)? budget$/.exec(t);
  if (budget)
    return {
      kind: 'benchmark',
      text,
      comparator: 'budget',
      direction: /^(within|on|under|at or below|not over)$/.test(budget[1]!) ? 'lower' : 'higher',
    };
  const benchmark =
    /^(?:(at or above|at or below|above|below|better than|in|within|be in|achieve|reach|match|equal to|in line with)\s+(?:the\s+)?)?(top|upper|bottom|lower) quartile$|^(?:(at or above|at or below|above|below|better than|in line with|achieve|reach|match|equal to)\s+(?:the\s+)?)?((?:national|england|regional|welsh|scottish|uk|london|family group|nearest neighbours?|peer|comparator|sector|cipfa) (?:average|median|mean|rate|figure))$/.exec(
      t,
    );
  if (benchmark) {
    const quartile = benchmark[2];
    const comparator = quartile ? `${quartile === 'upper' ? 'top' : quartile} quartile` : benchmark[4]!;
    const words = benchmark[1] ?? benchmark[3] ?? '';
    const lower = /below/.test(words) || quartile === 'bottom' || quartile === 'lower';
    // "Better than national average" says better, not higher: arrears are better below it.
    const higher = words !== '' && !/^better than$/.test(words);
    return {
      kind: 'benchmark',
      text,
      comparator,
      ...(lower ? { direction: 'lower' as const } : higher ? { direction: 'higher' as const } : {}),
    };
  }
  // "Within 2% of budget (£14.6m)", "Within 5% of last year (61%)": a band either side of the figure in brackets.
  const band =
    /^within\s+(\d+(?:\.\d+)?)\s*%\s+(?:either side\s+)?of\s+[a-z0-9][a-z0-9 /'-]*\(\s*(£?)(\d+(?:,\d{3})*(?:\.\d+)?)\s*(m|k|bn|%)?\s*\)$/.exec(
      normaliseText(raw).toLowerCase().trim(),
    );
  if (band) {
    const scale = band[4] === 'm' ? 1e6 : band[4] === 'k' ? 1e3 : band[4] === 'bn' ? 1e9 : 1;
    const centre = Number(band[3]!.replace(/,/g, '')) * scale;
    const share = Number(band[1]) / 100;
    return {
      kind: 'range',
      text,
      low: roundFloat(centre * (1 - share)),
      high: roundFloat(centre * (1 + share)),
      unit: band[4] === '%' ? 'percent' : band[2] ? 'money' : 'count',
    };
  }
  // "Below 3-year average", "Below MSG average" (a comparator of the sheet's own, named in a
  // column beside): held against that column's figure on the row.
  const ownComparator =
    /^(at or above|at or below|above|below|over|under|lower than|higher than|better than|in line with)\s+(?:the\s+)?((?:[a-z0-9][a-z0-9-]*\s+){1,3}(?:average|median|mean))(?:\s*\([^)]*\))?$/.exec(
      t,
    );
  if (ownComparator) {
    const words = ownComparator[1]!;
    const direction = /below|under|lower/.test(words) ? 'lower' : /above|over|higher/.test(words) ? 'higher' : undefined;
    // The comparator as written ("MSG average"): the reason names it so.
    const written = normaliseText(raw).slice(t.indexOf(ownComparator[2]!), t.indexOf(ownComparator[2]!) + ownComparator[2]!.length);
    return { kind: 'benchmark', text, comparator: written.trim() || ownComparator[2]!.trim(), ...(direction ? { direction } : {}) };
  }
  // "100%+ of rent due for the year", "Max. 2.0% of gross rent for the year": a share, with what it is a share of.
  const share =
    /^(>=|≥|=>|at least|min(imum)?\.?( of)?|<=|≤|=<|at most|max(imum)?\.?( of)?|no more than|not more than|up to)?\s*(\d+(?:\.\d+)?)\s*%\s*(\+|or more|or less|and above|and below)?\s+of\s+[a-z].*$/.exec(
      t,
    );
  if (share && (share[1] || share[7])) {
    const lower = /^(<=|≤|=<|at most|max|no more|not more|up to)/.test(share[1] ?? '') || /less|below/.test(share[7] ?? '');
    return { kind: 'threshold', text, value: Number(share[6]), unit: 'percent', direction: lower ? 'lower' : 'higher' };
  }
  // "18% reduction by 2023": a cut of a share on a baseline the sheet may hold.
  // "5% reduction on 2023/24": on a year's figure the sheet may hold beside it.
  const cut = /^(\d+(?:\.\d+)?)\s*%\s*(reduction|decrease|cut|increase|rise|improvement)(\s+(by|in|on|from)\s+(.*))?$/.exec(t);
  if (cut) {
    const on = cut[4] === 'on' || cut[4] === 'from' ? cut[5]!.trim() : undefined;
    return {
      kind: 'relative',
      text,
      percent: Number(cut[1]),
      direction: /reduction|decrease|cut/.test(cut[2]!) ? 'below' : 'above',
      ...(on ? { baselineLabel: on } : {}),
    };
  }

  for (const recurring of RECURRING) if (recurring.pattern.test(t)) return { kind: 'recurring', text, every: recurring.every };

  // A range: 95%-105%, 95 - 105%, between 95% and 105%.
  let m = RANGE.exec(t);
  if (m) {
    // NUMBER has three groups (£, digits, suffix), so the second figure's digits are group 5.
    // "£1m-£1.2m": each figure's k or m scales it (before, this read as £1 to £1.20).
    const scaled = (digits: string, suffix: string | undefined): number =>
      Number(digits.replace(/,/g, '')) * (suffix === 'm' ? 1e6 : suffix === 'k' ? 1e3 : 1);
    // "£5-6m": a scale written once, after the second figure, scales both.
    const low = scaled(m[2]!, m[3] ?? (m[6] === 'm' || m[6] === 'k' ? m[6] : undefined));
    const high = scaled(m[5]!, m[6]);
    const percent = m[3] === '%' || m[6] === '%';
    const unitWord = m[7] === undefined ? undefined : UNIT_WORDS.find((u) => u.pattern.test(m![7]!.trim()))?.unit;
    if (Number.isFinite(low) && Number.isFinite(high) && low < high && (m[7] === undefined || unitWord)) {
      const unit = percent ? 'percent' : m[1] || m[4] ? 'money' : (unitWord ?? 'count');
      return { kind: 'range', text, low: roundFloat(low), high: roundFloat(high), unit };
    }
  }

  // Relative to a baseline: "5% above 2014 baseline", "10% below baseline", "increase by 5% on 2014".
  m =
    /^(?:an?\s+)?(?:increase(?:d)? (?:of |by )?)?(\d+(?:\.\d+)?)\s*%\s*(above|more than|higher than|over|increase on|up on|below|less than|lower than|under|reduction on|down on)\s*(?:the\s+)?(\d{4}(?:\s*[/-]\s*\d{2,4})?)?\s*(?:baseline|base|level|figure|outturn)?(?:\s+(\d{4}(?:\s*[/-]\s*\d{2,4})?))?$/.exec(
      t,
    );
  if (m && Number.isFinite(Number(m[1]))) {
    const above = /above|more|higher|over|increase|up/.test(m[2]!);
    const label = m[3] ?? m[4];
    return {
      kind: 'relative',
      text,
      percent: Number(m[1]),
      direction: above ? 'above' : 'below',
      ...(label ? { baselineLabel: label.replace(/\s+/g, '') } : {}),
    };
  }
  m =
    /^(increase|reduce|reduction|decrease|cut)\s+(?:of\s+|by\s+)?(\d+(?:\.\d+)?)\s*%\s*(?:on|from|against)?\s*(?:the\s+)?(\d{4}(?:\s*[/-]\s*\d{2,4})?)?\s*(?:baseline|base|level|figure)?$/.exec(
      t,
    );
  if (m && Number.isFinite(Number(m[2]))) {
    const label = m[3];
    return {
      kind: 'relative',
      text,
      percent: Number(m[2]),
      direction: m[1] === 'increase' ? 'above' : 'below',
      ...(label ? { baselineLabel: label.replace(/\s+/g, '') } : {}),
    };
  }

  // Success measures: "100% of properties have a safety certificate", "85% of customers … satisfied".
  m = /^(\d+(?:\.\d+)?)\s*%\s+(?:of\s+)?[a-z].*$/.exec(t);
  if (m && Number.isFinite(Number(m[1])) && !/\b(above|below|more|less|higher|lower|increase|reduction)\b/.test(t)) {
    return { kind: 'threshold', text, value: Number(m[1]), unit: 'percent', direction: 'higher' };
  }
  // "increase the number of repairs reported on the web to 789 per month"
  m = /^(increase|raise|improve|grow|reduce|decrease|cut|lower)\b.*?\bto\s+(.+)$/.exec(t);
  if (m) {
    const inner = parseTargetText(m[2]!);
    const direction: Direction = /^(increase|raise|improve|grow)$/.test(m[1]!) ? 'higher' : 'lower';
    if (inner.kind === 'threshold' || inner.kind === 'rate') return { ...inner, text, direction };
  }

  // Deadlines: "April 2015", "by March 2011", "31/03/2025", "Q3 2024/25".
  const deadlineText = t.replace(/^(by|before|on or before|due|due by|deadline|complete by|completed by|no later than)\s+/, '');
  const due = readDate(deadlineText) ?? readQuarterDeadline(deadlineText);
  if (due) return { kind: 'deadline', text, due };

  // Direction words around a figure.
  let body = t;
  let direction: Direction | undefined;
  let strict = false;
  const prefixes: Array<[RegExp, Direction, boolean]> = [
    [HIGHER_PREFIX, 'higher', false],
    [HIGHER_STRICT_PREFIX, 'higher', true],
    // "<=" before "<": the longer sign is the one written.
    [LOWER_PREFIX, 'lower', false],
    [LOWER_STRICT_PREFIX, 'lower', true],
  ];
  for (const [pattern, dir, isStrict] of prefixes) {
    if (pattern.test(body)) {
      body = body.replace(pattern, '');
      direction = dir;
      strict = isStrict;
      break;
    }
  }
  if (!direction) {
    if (HIGHER_SUFFIX.test(body)) {
      body = body.replace(HIGHER_SUFFIX, '');
      direction = 'higher';
    } else if (LOWER_SUFFIX.test(body)) {
      body = body.replace(LOWER_SUFFIX, '');
      direction = 'lower';
    }
  }
  body = body.replace(/^target\s*(of|:)?\s*/, '').trim();

  // A rate: "15 per quarter", "2 p.a.", "40 per month", "350 households per year".
  m = RATE.exec(body);
  if (m) {
    const per = RATE_WORDS.find((r) => r.pattern.test(m![5]!.replace(/\s+/g, ' ').trim()))?.per;
    // "£2.5m per year" and "£2.5 million a year" are two and a half million a year.
    const value = Number(m[2]!.replace(/,/g, '')) * (m[3] === 'k' ? 1_000 : m[3] === 'm' ? 1_000_000 : 1) * takeScaleWord(m[4]!).factor;
    if (per && Number.isFinite(value) && Math.abs(value) <= 1e15) {
      const unit: Unit = m[3] === '%' ? 'percent' : m[1] ? 'money' : 'count';
      return { kind: 'rate', text, value, unit, per, ...(direction ? { direction } : {}) };
    }
  }

  const figure = readNumber(body);
  if (figure) {
    return {
      kind: 'threshold',
      text,
      value: figure.value,
      unit: figure.unit,
      ...(direction ? { direction } : {}),
      ...(strict ? { strict } : {}),
    };
  }
  return {
    kind: 'unreadable',
    text,
    why: `"${raw.trim()}" is not a target KPI Tracker can read (a figure, a rate, a date, a range or N/A)`,
  };
}

/** Reads a target cell: numbers keep their percentage format, dates become deadlines. */
// Officers reuse the same target phrases ("28 days", "5 per month"): each is read once.
const readTargetText = memoByText(parseTargetText);

export function parseTargetCell(cell: Cell): Target {
  const value = cell.value;
  const shown = cellText(cell);
  switch (value.kind) {
    case 'empty':
      return { kind: 'none', text: '', why: 'no target is set (the cell is blank)' };
    case 'error':
      return { kind: 'unreadable', text: value.code, why: `the target cell shows the error ${value.code}` };
    case 'boolean':
      return { kind: 'unreadable', text: shown, why: `the target cell holds ${shown}, not a figure` };
    case 'date':
      return { kind: 'deadline', text: shown, due: deadlineFromSerial(value.serial, cell.format) };
    case 'number':
      return targetFromNumber(value.value, cell.format, shown);
    case 'text':
      return readTargetText(value.value);
  }
}

function targetFromNumber(value: number, format: string | undefined, shown: string): Target {
  switch (numberFormatKind(format)) {
    case 'percent':
      return {
        kind: 'threshold',
        text: shown,
        value: roundFloat(value * 100),
        unit: 'percent',
        unitFrom: 'the cell is formatted as a percentage',
      };
    case 'date':
      return { kind: 'deadline', text: shown, due: deadlineFromSerial(value, format) };
    case 'money':
      return { kind: 'threshold', text: shown, value, unit: 'money' };
    case 'plain':
      return { kind: 'threshold', text: shown, value, unit: 'count' };
  }
}

/** A date shown as a month ("April 2015") is due by the end of that month. */
function deadlineFromSerial(serial: number, format: string | undefined): CalendarDate {
  const date = dateFromSerial(serial);
  return isMonthOnlyFormat(format) ? { ...date, day: daysInMonth(date.year, date.month) } : date;
}

/** Removes binary noise from ×100 (0.035 × 100 = 3.5000000000000004). */
export function roundFloat(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
