import type HolidaysLibrary from 'date-holidays';
import { dateFromIso, dateFromSerial, serialFromDate, type CalendarDate } from '../model/serial-dates';

/**
 * Working days: Monday to Friday, less the bank holidays of the chosen part of the UK.
 *
 * The bank holidays come from the maintained `date-holidays` library (holidays of type
 * `public` only: Mother's Day, Father's Day and the like are observances, not days off).
 * England and Wales share one list (the library's ENG and WLS agree); Scotland and
 * Northern Ireland have their own (2 January, St Andrew's Day; St Patrick's Day, 12 July).
 * One-off days such as the Queen's funeral (19 September 2022) and the coronation
 * (8 May 2023), and substitute days when a holiday falls at a weekend, are included.
 *
 * ## How working days are counted
 *
 * The way UK councils count "answered within N working days": the day of receipt is
 * day 0, and the count is the number of working days after it, up to and including
 * the day of the answer. Received Monday, answered Tuesday: 1. Answered the same day: 0.
 * Received Friday, answered the following Monday: 1.
 *
 * A date that is not a working day (a weekend or bank holiday) is first moved forward to
 * the next working day. For the start this is the rule the ICO gives for information
 * requests: a request that arrives on a Saturday is received on the Monday. For the end
 * it means an answer sent on a Saturday counts as sent on the Monday, so a weekend never
 * flatters the figure. When both dates are working days this is exactly the rule above.
 *
 * Put another way, `workingDaysBetween(start, end)` is the number of working days on or
 * after `start` and before `end`. If `end` is before `start` the count is negative:
 * `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`. It never returns NaN or
 * undefined and never throws for real dates.
 */
export type WorkingDayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

export const DEFAULT_REGION: WorkingDayRegion = 'england-and-wales';

export const WORKING_DAY_REGIONS: readonly WorkingDayRegion[] = ['england-and-wales', 'scotland', 'northern-ireland'];

const REGION_LABELS: Record<WorkingDayRegion, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** "England and Wales", "Scotland", "Northern Ireland". */
export function regionLabel(region: WorkingDayRegion): string {
  return REGION_LABELS[region];
}

/** The `date-holidays` state code. England's list stands for England and Wales (the two agree). */
const LIBRARY_STATE: Record<WorkingDayRegion, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const REGION_WORDS: ReadonlyMap<string, WorkingDayRegion> = new Map([
  ['england and wales', 'england-and-wales'],
  ['england & wales', 'england-and-wales'],
  ['eng & wales', 'england-and-wales'],
  ['e & w', 'england-and-wales'],
  ['ew', 'england-and-wales'],
  ['england', 'england-and-wales'],
  ['eng', 'england-and-wales'],
  ['gb eng', 'england-and-wales'],
  ['wales', 'england-and-wales'],
  ['cymru', 'england-and-wales'],
  ['wls', 'england-and-wales'],
  ['gb wls', 'england-and-wales'],
  ['scotland', 'scotland'],
  ['scot', 'scotland'],
  ['sct', 'scotland'],
  ['gb sct', 'scotland'],
  ['northern ireland', 'northern-ireland'],
  ['n ireland', 'northern-ireland'],
  ['ni', 'northern-ireland'],
  ['n i', 'northern-ireland'],
  ['nir', 'northern-ireland'],
  ['gb nir', 'northern-ireland'],
]);

/**
 * Reads a region as an officer might type it: "England", "England and Wales", "E&W",
 * "Wales", "Scotland", "NI", "N. Ireland", "Northern Ireland", the region ids themselves
 * ("england-and-wales") and the ISO codes ("GB-SCT"). Case, dots and spacing do not
 * matter. Anything else (including "UK", which has no single list) gives undefined.
 */
export function parseRegion(text: string | undefined | null): WorkingDayRegion | undefined {
  if (typeof text !== 'string') return undefined;
  const key = text
    .toLowerCase()
    .replace(/[-._]+/g, ' ')
    .replace(/\s*[&+/]\s*/g, ' & ')
    .replace(/\s+/g, ' ')
    .trim();
  return REGION_WORDS.get(key) ?? REGION_WORDS.get(key.replace(/^the /, ''));
}

// ---------------------------------------------------------------------------------------
// Bank holidays, cached per region and year.

interface YearHolidays {
  /** Serials of every bank holiday in the year (weekend ones included). */
  readonly all: ReadonlySet<number>;
  /** Serials of the bank holidays that fall on a weekday, ascending. */
  readonly weekdays: readonly number[];
  /** Names by serial, for explanations. */
  readonly names: ReadonlyMap<number, string>;
}

const libraries = new Map<WorkingDayRegion, HolidaysLibrary>();

/** Loaded on first use: most runs never count working days, and the library is large. */
function holidaysConstructor(): typeof HolidaysLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('date-holidays') as { default?: typeof HolidaysLibrary } & typeof HolidaysLibrary;
  return loaded.default ?? loaded;
}
/** The library's public holidays for a year, as it returns them (keyed `${region} ${year}`). */
const listed = new Map<string, readonly { serial: number; year: number; name: string }[]>();
const cache = new Map<WorkingDayRegion, Map<number, YearHolidays>>();

function library(region: WorkingDayRegion): HolidaysLibrary {
  let lib = libraries.get(region);
  if (!lib) {
    const Holidays = holidaysConstructor();
    lib = new Holidays('GB', LIBRARY_STATE[region]);
    libraries.set(region, lib);
  }
  return lib;
}

function listedFor(region: WorkingDayRegion, year: number): readonly { serial: number; year: number; name: string }[] {
  const key = `${region} ${year}`;
  const hit = listed.get(key);
  if (hit) return hit;
  const out: { serial: number; year: number; name: string }[] = [];
  try {
    for (const h of library(region).getHolidays(year) ?? []) {
      // Bank holidays only: Mother's Day, Father's Day and the like are observances.
      if (h.type !== 'public') continue;
      const date = dateFromIso(String(h.date).slice(0, 10));
      if (date) out.push({ serial: serialFromDate(date), year: date.year, name: h.name });
    }
  } catch {
    // A year the library cannot compute has no bank holidays rather than an error.
  }
  listed.set(key, out);
  return out;
}

function holidaysFor(region: WorkingDayRegion, year: number): YearHolidays {
  let byYear = cache.get(region);
  if (!byYear) {
    byYear = new Map();
    cache.set(region, byYear);
  }
  const hit = byYear.get(year);
  if (hit) return hit;

  const names = new Map<number, string>();
  // A substitute day could in principle land in the next or previous calendar year, so look
  // at the neighbours' lists too and keep what falls in this year.
  for (const y of [year - 1, year, year + 1]) {
    for (const h of listedFor(region, y)) {
      if (h.year === year && !names.has(h.serial)) names.set(h.serial, h.name);
    }
  }
  const all = new Set(names.keys());
  const weekdays = [...all].filter((s) => !isWeekendSerial(s)).sort((a, b) => a - b);
  const entry: YearHolidays = { all, weekdays, names };
  byYear.set(year, entry);
  return entry;
}

/** The bank holidays of a year in a region, in date order, with their names. */
export function bankHolidays(year: number, region: WorkingDayRegion = DEFAULT_REGION): { date: CalendarDate; name: string }[] {
  const { names } = holidaysFor(region, year);
  return [...names.entries()].sort((a, b) => a[0] - b[0]).map(([serial, name]) => ({ date: dateFromSerial(serial), name }));
}

/** The name of the bank holiday on this date ("Boxing Day"), or undefined. */
export function bankHolidayName(date: CalendarDate, region: WorkingDayRegion = DEFAULT_REGION): string | undefined {
  return holidaysFor(region, date.year).names.get(serialFromDate(date));
}

// ---------------------------------------------------------------------------------------
// Day arithmetic on serials (days since 1899-12-30, which was a Saturday).

/** 0 = Monday … 6 = Sunday. Serial 2 is Monday 1 January 1900. */
function weekdayIndex(serial: number): number {
  return (((serial - 2) % 7) + 7) % 7;
}

function isWeekendSerial(serial: number): boolean {
  return weekdayIndex(serial) >= 5;
}

/** Number of weekdays before `serial`, counted from Monday 1 January 1900 (negative before it). */
function weekdaysBefore(serial: number): number {
  const t = serial - 2;
  const weeks = Math.floor(t / 7);
  return weeks * 5 + Math.min(t - weeks * 7, 5);
}

/** Move a weekday by n weekdays (weekends skipped, holidays not). */
function addWeekdays(serial: number, n: number): number {
  const t = serial - 2;
  const weeks = Math.floor(t / 7);
  const index = weeks * 5 + (t - weeks * 7) + n;
  const newWeeks = Math.floor(index / 5);
  return 2 + newWeeks * 7 + (index - newWeeks * 5);
}

function yearOfSerial(serial: number): number {
  return dateFromSerial(serial).year;
}

function isHolidaySerial(serial: number, region: WorkingDayRegion): boolean {
  return holidaysFor(region, yearOfSerial(serial)).all.has(serial);
}

function isWorkingSerial(serial: number, region: WorkingDayRegion): boolean {
  return !isWeekendSerial(serial) && !isHolidaySerial(serial, region);
}

/** First index in the sorted array whose value is >= x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weekday bank holidays h with from <= h < to (from <= to). */
function weekdayHolidaysIn(from: number, to: number, region: WorkingDayRegion): number {
  if (to <= from) return 0;
  const firstYear = yearOfSerial(from);
  const lastYear = yearOfSerial(to - 1);
  let count = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    const list = holidaysFor(region, year).weekdays;
    count += lowerBound(list, to) - lowerBound(list, from);
  }
  return count;
}

/** Working days w with from <= w < to (from <= to). */
function workingDaysInHalfOpen(from: number, to: number, region: WorkingDayRegion): number {
  if (to <= from) return 0;
  return weekdaysBefore(to) - weekdaysBefore(from) - weekdayHolidaysIn(from, to, region);
}

function nextWorkingSerial(serial: number, region: WorkingDayRegion): number {
  let s = serial;
  while (!isWorkingSerial(s, region)) s++;
  return s;
}

function toSerial(date: CalendarDate): number {
  const serial = serialFromDate(date);
  if (!Number.isFinite(serial)) throw new RangeError(`Not a date: ${JSON.stringify(date)}`);
  return serial;
}

// ---------------------------------------------------------------------------------------
// Public API.

/** True on Monday to Friday unless the day is a bank holiday in the region. */
export function isWorkingDay(date: CalendarDate, region: WorkingDayRegion = DEFAULT_REGION): boolean {
  return isWorkingSerial(toSerial(date), region);
}

/** True when the date is a bank holiday in the region (whatever day of the week it falls on). */
export function isBankHoliday(date: CalendarDate, region: WorkingDayRegion = DEFAULT_REGION): boolean {
  return isHolidaySerial(toSerial(date), region);
}

/**
 * Working days taken from `start` to `end`: the day of receipt is day 0, and each working
 * day after it up to and including `end` adds one (Monday → Tuesday is 1, same day is 0).
 * A start or end that is not a working day counts as the next working day. Negative,
 * and mirror-symmetric, when `end` is before `start`.
 */
export function workingDaysBetween(start: CalendarDate, end: CalendarDate, region: WorkingDayRegion = DEFAULT_REGION): number {
  const s = toSerial(start);
  const e = toSerial(end);
  if (e >= s) return workingDaysInHalfOpen(s, e, region);
  return 0 - workingDaysInHalfOpen(e, s, region); // 0 - x, never -0
}

/**
 * The working day `n` working days after `start` (before it when `n` is negative): the
 * deadline for "within n working days" of a receipt on `start`. The result is always a
 * working day; a start that is not a working day is first moved to the next working day,
 * so `addWorkingDays(saturday, 0)` is the Monday (or the next working day after it).
 * Always `workingDaysBetween(start, addWorkingDays(start, n)) === n`.
 */
export function addWorkingDays(start: CalendarDate, n: number, region: WorkingDayRegion = DEFAULT_REGION): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}`);
  let current = nextWorkingSerial(toSerial(start), region);
  let remaining = Math.abs(n);
  if (n >= 0) {
    // Step over weekdays, then step again over the bank holidays that were passed, until none.
    while (remaining > 0) {
      const next = addWeekdays(current, remaining);
      remaining = weekdayHolidaysIn(current + 1, next + 1, region);
      current = next;
    }
  } else {
    while (remaining > 0) {
      const next = addWeekdays(current, -remaining);
      remaining = weekdayHolidaysIn(next, current, region);
      current = next;
    }
  }
  return dateFromSerial(current);
}

/** The next working day on or after the date (the date itself when it is one). */
export function nextWorkingDay(date: CalendarDate, region: WorkingDayRegion = DEFAULT_REGION): CalendarDate {
  return dateFromSerial(nextWorkingSerial(toSerial(date), region));
}
