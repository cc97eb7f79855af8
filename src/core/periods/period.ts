import { daysInMonth, type CalendarDate } from '../model/serial-dates';

/**
 * A reporting period on the UK financial year (April to March).
 * `fy` is the calendar year the financial year starts in: 2024 for 2024/25.
 * A calendar year (a survey's "2023", a snapshot's year) is a year with `calendar` set: `fy` is
 * then the year itself, so it sorts with the financial year that starts in it.
 */
export type Period =
  | { readonly kind: 'month'; readonly month: number; readonly fy?: number }
  | { readonly kind: 'quarter'; readonly quarter: 1 | 2 | 3 | 4; readonly fy?: number }
  | { readonly kind: 'half'; readonly half: 1 | 2; readonly fy?: number }
  | { readonly kind: 'year'; readonly fy?: number; readonly calendar?: true }
  | { readonly kind: 'ytd'; readonly fy?: number };

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** April is month 1 of the financial year. */
export function financialMonthOf(calendarMonth: number): number {
  return ((calendarMonth + 8) % 12) + 1;
}

export function calendarMonthOf(financialMonth: number): number {
  return ((financialMonth + 2) % 12) + 1;
}

export function financialYearOf(date: CalendarDate): number {
  return date.month >= 4 ? date.year : date.year - 1;
}

export function financialYearLabel(fy: number): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

/** The financial months (1–12) a period covers. */
export function financialMonthSpan(period: Period): { first: number; last: number } {
  switch (period.kind) {
    case 'month': {
      const m = financialMonthOf(period.month);
      return { first: m, last: m };
    }
    case 'quarter':
      return { first: (period.quarter - 1) * 3 + 1, last: period.quarter * 3 };
    case 'half':
      return { first: (period.half - 1) * 6 + 1, last: period.half * 6 };
    case 'year':
    case 'ytd':
      return { first: 1, last: 12 };
  }
}

/** How many months the period stands for; used to scale rates such as "15 per quarter". */
export function monthsIn(period: Period): number {
  const span = financialMonthSpan(period);
  return span.last - span.first + 1;
}

function calendarOf(fy: number, financialMonth: number): { year: number; month: number } {
  const month = calendarMonthOf(financialMonth);
  return { year: month >= 4 ? fy : fy + 1, month };
}

/** First and last day of the period, when its year is known. */
export function periodDates(period: Period): { start: CalendarDate; end: CalendarDate } | undefined {
  if (period.fy === undefined) return undefined;
  if (period.kind === 'year' && period.calendar)
    return { start: { year: period.fy, month: 1, day: 1 }, end: { year: period.fy, month: 12, day: 31 } };
  const span = financialMonthSpan(period);
  const first = calendarOf(period.fy, span.first);
  const last = calendarOf(period.fy, span.last);
  return {
    start: { year: first.year, month: first.month, day: 1 },
    end: { year: last.year, month: last.month, day: daysInMonth(last.year, last.month) },
  };
}

export function periodLabel(period: Period): string {
  const fy = period.fy !== undefined ? financialYearLabel(period.fy) : undefined;
  switch (period.kind) {
    case 'month': {
      const name = MONTH_NAMES[period.month - 1]!.slice(0, 3);
      if (period.fy === undefined) return name;
      return `${name} ${period.month >= 4 ? period.fy : period.fy + 1}`;
    }
    case 'quarter':
      return fy ? `Q${period.quarter} ${fy}` : `Q${period.quarter}`;
    case 'half':
      return fy ? `H${period.half} ${fy}` : `H${period.half}`;
    case 'year':
      return period.calendar && period.fy !== undefined ? String(period.fy) : (fy ?? 'Year');
    case 'ytd':
      return fy ? `YTD ${fy}` : 'YTD';
  }
}

/** Orders periods within a financial year by their last month, then by length. */
export function comparePeriods(a: Period, b: Period): number {
  const fyA = a.fy ?? 0;
  const fyB = b.fy ?? 0;
  if (fyA !== fyB) return fyA - fyB;
  const spanA = financialMonthSpan(a);
  const spanB = financialMonthSpan(b);
  return spanA.last - spanB.last || spanB.first - spanA.first;
}

export function samePeriod(a: Period, b: Period): boolean {
  return periodLabel(a) === periodLabel(b) && a.kind === b.kind;
}

export { MONTH_NAMES };
