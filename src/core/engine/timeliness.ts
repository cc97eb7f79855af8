import { formatDateGB, isRealDate, serialFromDate, type CalendarDate } from '../model/serial-dates';
import { DEFAULT_REGION, workingDaysBetween, type WorkingDayRegion } from './working-days';

/**
 * Timeliness from a case list (layout C, "decisions within 33 working days", "letters within
 * 15 working days"): each case has a start (receipt, referral) and an end (answer, visit,
 * decision). The day of the start is day 0; a case is within target when the days taken are
 * no more than the target. Calendar days are the plain difference of the dates; working days
 * follow `workingDaysBetween` (weekends and the region's bank holidays skipped).
 *
 * The summary gives the "Numbers | Target met Yes | No" of layout C: `numbers` is the closed
 * cases that could be judged, and the shares are of those. Open cases (no end date) and
 * cases that cannot be read (no start date, a date that does not exist, an end before the
 * start) are counted apart and never enter the shares.
 */

export interface TimelinessCase {
  readonly ref?: string;
  readonly start: CalendarDate | undefined;
  readonly end: CalendarDate | undefined;
}

export interface TimeTarget {
  /** 14 for "target 14 days", 15 for "15 working days". */
  readonly amount: number;
  readonly unit: 'days' | 'working days';
}

export interface TimelinessOptions {
  /** Whose bank holidays count, for working-day targets. England and Wales by default. */
  readonly region?: WorkingDayRegion;
  /** When given, open cases already past the target on this date are counted as `openOverdue`. */
  readonly today?: CalendarDate;
  /** The verb for a closed case in the reasons: "answered" by default ("visited", "decided" …). */
  readonly verb?: string;
}

export type CaseStatus = 'within' | 'outside' | 'open' | 'unreadable';

export interface CaseResult {
  /** Position in the input list (0-based). */
  readonly index: number;
  readonly ref?: string;
  readonly status: CaseStatus;
  /** Days taken (in the target's unit) for closed cases; days so far for open cases when `today` is given. */
  readonly days?: number;
  /** True for an open case already past the target on `today`. */
  readonly overdue?: boolean;
  /** Plain British English, e.g. "answered in 12 working days, within 15". */
  readonly reason: string;
}

export interface TimelinessSummary {
  /** Closed cases judged: within + outside (the "Numbers" column). */
  readonly numbers: number;
  readonly within: number;
  readonly outside: number;
  /** Cases with a start but no end date. */
  readonly open: number;
  /** Open cases already past the target on `today` (0 without `today`). */
  readonly openOverdue: number;
  /** Cases with no start date, a date that does not exist, or an end before the start. */
  readonly unreadable: number;
  /** within / numbers, 0–1; undefined when no case was closed. */
  readonly shareWithin: number | undefined;
  /** outside / numbers, 0–1; undefined when no case was closed. */
  readonly shareOutside: number | undefined;
  /** Mean days taken by the closed cases, in the target's unit; undefined when none. */
  readonly averageDays: number | undefined;
  /** Most days taken by a closed case; undefined when none. */
  readonly longest: number | undefined;
  /** The ref (or "case N") of the case that took longest. */
  readonly longestRef: string | undefined;
  readonly target: TimeTarget;
  /** e.g. "10 of 12 cases within 14 days (83%); 2 outside (17%); 1 still open". */
  readonly reason: string;
  readonly cases: readonly CaseResult[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function unitWords(unit: TimeTarget['unit'], n: number): string {
  return unit === 'working days' ? (n === 1 ? 'working day' : 'working days') : n === 1 ? 'day' : 'days';
}

/** "12 working days", "1 day". */
export function describeDuration(days: number, unit: TimeTarget['unit']): string {
  return `${days} ${unitWords(unit, days)}`;
}

/** "15 working days", "14 days". */
export function describeTimeTarget(target: TimeTarget): string {
  return describeDuration(target.amount, target.unit);
}

/** 0.8333 → "83%", the way the seeds round their shares. */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function daysTaken(start: CalendarDate, end: CalendarDate, unit: TimeTarget['unit'], region: WorkingDayRegion): number {
  return unit === 'working days' ? workingDaysBetween(start, end, region) : serialFromDate(end) - serialFromDate(start);
}

function checkTarget(target: TimeTarget): void {
  if (!Number.isFinite(target.amount) || target.amount < 0) {
    throw new RangeError(`A time target must be a number of days of 0 or more, not ${String(target.amount)}`);
  }
  if (target.unit !== 'days' && target.unit !== 'working days') {
    throw new RangeError(`A time target is in "days" or "working days", not ${JSON.stringify(target.unit)}`);
  }
}

/** Judges one case against the target. */
export function judgeCase(item: TimelinessCase, target: TimeTarget, options: TimelinessOptions = {}, index = 0): CaseResult {
  checkTarget(target);
  const region = options.region ?? DEFAULT_REGION;
  const verb = options.verb ?? 'answered';
  const base = item.ref !== undefined ? { index, ref: item.ref } : { index };
  const { start, end } = item;

  if (!start) {
    return { ...base, status: 'unreadable', reason: end ? "can't read: no start date" : "can't read: no start or end date" };
  }
  if (!isRealDate(start)) {
    return { ...base, status: 'unreadable', reason: `can't read: the start date ${start.day}/${start.month}/${start.year} does not exist` };
  }
  if (end && !isRealDate(end)) {
    return { ...base, status: 'unreadable', reason: `can't read: the end date ${end.day}/${end.month}/${end.year} does not exist` };
  }

  if (!end) {
    if (!options.today || !isRealDate(options.today)) return { ...base, status: 'open', reason: 'still open (no end date)' };
    const sofar = daysTaken(start, options.today, target.unit, region);
    if (sofar < 0) return { ...base, status: 'open', reason: `still open; starts ${formatDateGB(start)}, after today` };
    const overdue = sofar > target.amount;
    const reason = overdue
      ? `still open after ${describeDuration(sofar, target.unit)}, already past the ${target.amount}`
      : `still open after ${describeDuration(sofar, target.unit)}, ${plural(target.amount - sofar, unitWords(target.unit, 1), unitWords(target.unit, 2))} left`;
    return { ...base, status: 'open', days: sofar, overdue, reason };
  }

  if (serialFromDate(end) < serialFromDate(start)) {
    return { ...base, status: 'unreadable', reason: `can't read: ends ${formatDateGB(end)}, before it starts ${formatDateGB(start)}` };
  }

  const days = daysTaken(start, end, target.unit, region);
  const taken = days === 0 ? `${verb} the same day` : `${verb} in ${describeDuration(days, target.unit)}`;
  if (days <= target.amount) {
    return { ...base, status: 'within', days, reason: `${taken}, within ${target.amount}` };
  }
  return { ...base, status: 'outside', days, reason: `${taken}, ${days - target.amount} over the ${target.amount}` };
}

/** Judges every case and counts them up. */
export function timeliness(cases: readonly TimelinessCase[], target: TimeTarget, options: TimelinessOptions = {}): TimelinessSummary {
  checkTarget(target);
  const results = cases.map((item, index) => judgeCase(item, target, options, index));

  let within = 0;
  let outside = 0;
  let open = 0;
  let openOverdue = 0;
  let unreadable = 0;
  let total = 0;
  let longest: number | undefined;
  let longestRef: string | undefined;
  for (const r of results) {
    switch (r.status) {
      case 'within':
        within++;
        break;
      case 'outside':
        outside++;
        break;
      case 'open':
        open++;
        if (r.overdue) openOverdue++;
        break;
      case 'unreadable':
        unreadable++;
        break;
    }
    if ((r.status === 'within' || r.status === 'outside') && r.days !== undefined) {
      total += r.days;
      if (longest === undefined || r.days > longest) {
        longest = r.days;
        longestRef = r.ref ?? `case ${r.index + 1}`;
      }
    }
  }
  const numbers = within + outside;
  const shareWithin = numbers > 0 ? within / numbers : undefined;
  const shareOutside = numbers > 0 ? outside / numbers : undefined;
  const averageDays = numbers > 0 ? total / numbers : undefined;

  const words = describeTimeTarget(target);
  const parts: string[] = [];
  if (numbers === 0) {
    parts.push(`no closed cases to judge against ${words}`);
  } else {
    parts.push(`${within} of ${plural(numbers, 'case', 'cases')} within ${words} (${percentText(shareWithin!)})`);
    parts.push(`${outside} outside (${percentText(shareOutside!)})`);
  }
  if (open > 0) parts.push(`${open} still open${openOverdue > 0 ? `, ${openOverdue} of them already past the target` : ''}`);
  if (unreadable > 0) parts.push(`${unreadable} could not be read`);

  return {
    numbers,
    within,
    outside,
    open,
    openOverdue,
    unreadable,
    shareWithin,
    shareOutside,
    averageDays,
    longest,
    longestRef,
    target,
    reason: parts.join('; '),
    cases: results,
  };
}

// ---------------------------------------------------------------------------------------
// Satisfaction-count tables (layout C, KPI 10): answers per rating → share "good or better".

/** Ratings that count as good when no list is given (matched whole, case-insensitively). */
export const DEFAULT_GOOD_LABELS: readonly string[] = ['Good', 'Very Good', 'Excellent', 'Satisfied', 'Very Satisfied', 'Fairly satisfied'];

function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface SatisfactionShare {
  /** All answers counted (blanks count as 0). */
  readonly total: number;
  /** Answers with a good rating. */
  readonly good: number;
  /** good / total, 0–1; undefined when there were no answers. */
  readonly share: number | undefined;
}

/**
 * The share of answers with a good rating, from a row of counts per rating
 * (`{ 'Very Poor': 0, Poor: 0, Good: 1, 'Very Good': 1, Excellent: 7 }` → 9 of 9).
 * Blank counts (undefined, NaN) count as 0, and so does a negative count. Rating names are
 * matched whole, ignoring case and punctuation, so "Dissatisfied" is never "satisfied".
 */
export function satisfactionShare(
  counts: Readonly<Record<string, number | undefined>>,
  goodLabels: readonly string[] = DEFAULT_GOOD_LABELS,
): SatisfactionShare {
  const good = new Set(goodLabels.map(normaliseLabel));
  let total = 0;
  let goodCount = 0;
  for (const [label, value] of Object.entries(counts)) {
    const n = typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
    total += n;
    if (good.has(normaliseLabel(label))) goodCount += n;
  }
  return { total, good: goodCount, share: total > 0 ? goodCount / total : undefined };
}
