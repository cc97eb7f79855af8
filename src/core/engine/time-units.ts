import type { Unit } from './target-types';

/**
 * Calendar lengths of time in minutes, so "37 days" can be judged against "6 weeks" (5.3 weeks).
 * Working days are not on this scale: how many calendar days they span depends on the dates.
 */
const MINUTES: Partial<Record<Unit, number>> = {
  seconds: 1 / 60,
  minutes: 1,
  hours: 60,
  days: 60 * 24,
  weeks: 60 * 24 * 7,
  // A month and a year as averages of the calendar (365.25 days a year).
  months: (60 * 24 * 365.25) / 12,
  years: 60 * 24 * 365.25,
};

export function isTimeUnit(unit: Unit | undefined): boolean {
  return unit !== undefined && (MINUTES[unit] !== undefined || unit === 'working days');
}

/** A length of time in another unit, or undefined where the two are not on one scale. */
export function convertTime(value: number, from: Unit, to: Unit): number | undefined {
  const a = MINUTES[from];
  const b = MINUTES[to];
  return a === undefined || b === undefined ? undefined : (value * a) / b;
}

/** The unit a word names: "days", "wks", "mins", "working days". */
export function timeUnitOfWord(word: string): Unit | undefined {
  const w = word.trim().toLowerCase();
  if (/^(working|work|business|clear working) days?$|^wd$/.test(w)) return 'working days';
  if (/^(calendar )?days?$|^d$/.test(w)) return 'days';
  if (/^(weeks?|wks?)$/.test(w)) return 'weeks';
  if (/^(months?|mths?)$/.test(w)) return 'months';
  if (/^(years?|yrs?)$/.test(w)) return 'years';
  if (/^(hours?|hrs?|h)$/.test(w)) return 'hours';
  if (/^(minutes?|mins?)$/.test(w)) return 'minutes';
  if (/^(seconds?|secs?)$/.test(w)) return 'seconds';
  return undefined;
}

/** "4m 40s", "4 minutes 22 seconds", "7m 47 seconds", "1 hr 5 mins", "00:12:34": a duration in minutes. */
export function readDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
  if (m) return m[3] === undefined ? Number(m[1]) + Number(m[2]) / 60 : Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) / 60;
  m =
    /^(?:(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\s*(?:(?:and|,)\s*)?)?(?:(\d+(?:\.\d+)?)\s*(?:m|mins?|minutes?)\s*(?:(?:and|,)\s*)?)?(?:(\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?))?$/.exec(
      t,
    );
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  // A single part alone ("40 minutes") is a figure with a unit, read elsewhere.
  const parts = [m[1], m[2], m[3]].filter((part) => part !== undefined).length;
  if (parts < 2) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
}
