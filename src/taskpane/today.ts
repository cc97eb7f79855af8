import type { CalendarDate } from '../core/model/serial-dates';

/** Today's date where the officer is (the pane runs on their machine). */
export function todayHere(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
