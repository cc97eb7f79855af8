import { formatNumberGB } from './format-number';
import { memoByText } from './memo';
import { dateFromSerial, formatDateGB } from './serial-dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// A workbook uses a handful of number formats on thousands of cells: each is read once.
const monthOnlyFormat = memoByText((format: string): boolean => {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /m/i.test(bare) && /y/i.test(bare) && !/d/i.test(bare);
}, 1000);
const percentFormat = memoByText((format: string): boolean => /%/.test(format.replace(/"[^"]*"/g, '')), 1000);
const dateFormat = memoByText((format: string): boolean => {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dy]/i.test(bare) || /(^|[^h:])m{3,}/i.test(bare);
}, 1000);
const decimalsIn = memoByText((format: string): number => {
  const match = /0\.(0+)/.exec(format);
  return match ? match[1]!.length : 0;
}, 1000);

/** A date format with no day in it (`mmmm yyyy`) names a month. */
export function isMonthOnlyFormat(format: string | undefined): boolean {
  return format ? monthOnlyFormat(format) : false;
}

function formatDateCell(serial: number, format: string | undefined): string {
  const date = dateFromSerial(serial);
  if (isMonthOnlyFormat(format))
    return `${/mmmm/i.test(format!) ? MONTHS[date.month - 1] : MONTHS[date.month - 1]!.slice(0, 3)} ${date.year}`;
  return formatDateGB(date);
}
import type { Cell } from './workbook';

const GB_NUMBER = { format: (n: number): string => formatNumberGB(n, 10) };

export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && percentFormat(format);
}

/** True for number formats Excel shows as a date (d, m, y tokens outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  return format ? dateFormat(format) : false;
}

/** How a number cell reads by its format: a percentage, a date, pounds, or a plain figure (in that order of precedence). */
export type NumberFormatKind = 'percent' | 'date' | 'money' | 'plain';

// Asked of every figure a run reads: one lookup answers all the questions above.
const numberFormatKindOf = memoByText(
  (format: string): NumberFormatKind =>
    percentFormat(format) ? 'percent' : dateFormat(format) ? 'date' : /£/.test(format) ? 'money' : 'plain',
  1000,
);

export function numberFormatKind(format: string | undefined): NumberFormatKind {
  return format ? numberFormatKindOf(format) : 'plain';
}

/**
 * The text an officer sees in the cell, near enough for reading headers and
 * showing values back: percentages as `90.2%`, dates as `31/03/2025`.
 */
export function cellText(cell: Cell): string {
  const value = cell.value;
  switch (value.kind) {
    case 'empty':
      return '';
    case 'text':
      return value.value;
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'error':
      return value.code;
    case 'date':
      return formatDateCell(value.serial, cell.format);
    case 'number':
      switch (numberFormatKind(cell.format)) {
        case 'percent':
          return `${(value.value * 100).toFixed(decimalsIn(cell.format!))}%`;
        case 'date':
          return formatDateCell(value.value, cell.format);
        case 'money':
          return `£${GB_NUMBER.format(value.value)}`;
        case 'plain':
          return GB_NUMBER.format(value.value);
      }
  }
}
