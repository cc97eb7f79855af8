import { compareDates, daysInMonth, formatDateGB, isRealDate, type CalendarDate } from '../model/serial-dates';
import { MONTH_NAMES } from '../periods/period';
import { getOrInsert } from '../model/memo';

export type ActionStatus = 'Complete' | 'Overdue' | 'On track' | 'Not started';

export interface DueReading {
  /** The last date the text names (a month means its last day), if any. */
  readonly due?: CalendarDate;
  /** The text says the action is done: "(completed)", "Completed and to be monitored". */
  readonly complete: boolean;
  /** "ongoing", "and ongoing", "monthly": it carries on after its date. */
  readonly ongoing: boolean;
}

const MONTH_WORD = MONTH_NAMES.map((name) => `${name}|${name.slice(0, 3)}${name === 'September' ? '|Sept' : ''}`).join('|');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_WORD})\.?,?\s+(\d{4})\b`, 'gi');
const MONTH_YEAR = new RegExp(String.raw`\b(${MONTH_WORD})\.?(?:\s*/\s*(?:${MONTH_WORD}))*,?\s+(\d{4})\b`, 'gi');
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_WORD})\b(?!\s*\d)`, 'gi');
const MONTH_WORD_GLOBAL = new RegExp(MONTH_WORD, 'gi');
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/g;

function monthNumber(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w)) + 1;
}

/**
 * Reads the `By` column of an action plan as officers write it: "July 2010 (completed)",
 * "September/October 2010", "December 2010 (and ongoing)", "Ongoing from October 2010",
 * "1st August (completed)", "Training roll out to commence 1st September 2010, full roll out … by
 * December 2010". The due date is the last date named; "September/October 2010" is due at the end
 * of October. A day and month without a year take the year of the nearest dated text before it.
 */
export function readDueText(text: string, yearHint?: number): DueReading {
  const dates: Array<{ at: number; date: CalendarDate }> = [];
  const lower = text.replace(/[\u2013\u2014]/g, '-');
  // Text already read as a full date ("25th June 2010") is not read again as a month ("June 2010").
  const taken: Array<[number, number]> = [];
  const isTaken = (start: number, end: number): boolean => taken.some(([a, b]) => start < b && end > a);
  for (const m of lower.matchAll(DAY_MONTH_YEAR)) {
    const date = { year: Number(m[3]), month: monthNumber(m[2]!), day: Number(m[1]) };
    if (isRealDate(date)) {
      dates.push({ at: m.index!, date });
      taken.push([m.index!, m.index! + m[0].length]);
    }
  }
  for (const m of lower.matchAll(MONTH_YEAR)) {
    if (isTaken(m.index!, m.index! + m[0].length)) continue;
    // "September/October 2010": the last month named before the year.
    const months = [...m[0].matchAll(MONTH_WORD_GLOBAL)].map((x) => monthNumber(x[0]));
    const month = months[months.length - 1]!;
    const year = Number(m[2]);
    dates.push({ at: m.index!, date: { year, month, day: daysInMonth(year, month) } });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of lower.matchAll(NUMERIC)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = { year, month: Number(m[2]), day: Number(m[1]) };
    if (isRealDate(date)) dates.push({ at: m.index!, date });
  }
  const yearKnown = dates.length > 0 ? dates.sort((a, b) => a.at - b.at)[dates.length - 1]!.date.year : yearHint;
  if (yearKnown !== undefined) {
    for (const m of lower.matchAll(DAY_MONTH)) {
      const date = { year: yearKnown, month: monthNumber(m[2]!), day: Number(m[1]) };
      if (isRealDate(date) && !dates.some((d) => d.at === m.index)) dates.push({ at: m.index!, date });
    }
  }
  dates.sort((a, b) => a.at - b.at);
  const latest = dates.reduce<CalendarDate | undefined>((best, d) => (!best || compareDates(d.date, best) > 0 ? d.date : best), undefined);
  // "Customer sign off - July 2010 (completed). Board sign off - September 2010." is not complete:
  // only a completion word after the last date named counts.
  const lastAt = dates.length > 0 ? dates[dates.length - 1]!.at : 0;
  const completion = /\bcomplet(ed|e)\b|\bdone\b|\bdelivered\b|\bin place\b/gi;
  const complete =
    [...text.matchAll(completion)].some((m) => m.index! >= lastAt || /^\s*complet/i.test(text)) &&
    !/\bto be completed\b|\bnot complete/i.test(text);
  const ongoing = /\bon-?going\b|\b(monthly|quarterly|weekly|annually|yearly)\b|\beach (year|quarter|month)\b|\bcontinuous\b/i.test(text);
  return { ...(latest ? { due: latest } : {}), complete, ongoing };
}

/**
 * An action's status from its By text, its progress and today: Complete when either says so,
 * Overdue when its date has passed, On track when work is recorded, otherwise Not started.
 */
export function actionStatus(
  byText: string,
  progress: string,
  today: CalendarDate,
  yearHint?: number,
): { status: ActionStatus; reason: string } {
  const by = readDueText(byText, yearHint);
  // Progress says the action is done only when it says so outright ("Completed …", "… (done)"),
  // not when one step of it is ("cool off period complete").
  const progressSaysDone =
    /^\s*(completed?|done|delivered|achieved|finished)\b/i.test(progress) || /\((completed?|done)\)\s*\.?\s*$/i.test(progress);
  if (by.complete || (progressSaysDone && !by.ongoing))
    return { status: 'Complete', reason: by.complete ? 'the By column says it is complete' : 'the progress says it is done' };
  if (by.due && compareDates(today, by.due) > 0 && !by.ongoing) {
    return { status: 'Overdue', reason: `due by ${formatDateGB(by.due)} and not marked complete` };
  }
  if (by.due && by.ongoing && compareDates(today, by.due) > 0)
    return { status: 'On track', reason: `ongoing since ${formatDateGB(by.due)}` };
  if (progress.trim())
    return { status: 'On track', reason: by.due ? `due by ${formatDateGB(by.due)}; progress recorded` : 'progress recorded' };
  return {
    status: 'Not started',
    reason: by.due ? `due by ${formatDateGB(by.due)}; no progress recorded yet` : 'no date and no progress recorded yet',
  };
}

/**
 * actionStatus for one day, working out each distinct pair of By and progress texts once: an
 * action plan repeats them ("", "Ongoing", "March 2026") row after row.
 */
export function actionStatusReader(
  today: CalendarDate,
  yearHint?: number,
): (byText: string, progress: string) => { status: ActionStatus; reason: string } {
  const statuses = new Map<string, Map<string, { status: ActionStatus; reason: string }>>();
  return (byText, progress) =>
    getOrInsert(
      getOrInsert(statuses, byText, () => new Map<string, { status: ActionStatus; reason: string }>()),
      progress,
      () => actionStatus(byText, progress, today, yearHint),
    );
}
