import type { CalendarDate } from '../core/model/serial-dates';

/**
 * Today's date on the officer's own computer: the pane, the ribbon commands, the custom functions
 * and the command line all judge deadlines against it (the core never reads the clock).
 */
export function todayHere(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
