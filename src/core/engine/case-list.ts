import type { DetectedTable } from '../detect/types';
import { cellText } from '../model/cell-text';
import { dateFromSerial, type CalendarDate } from '../model/serial-dates';
import { cellAt, type Cell, type Sheet, type Workbook } from '../model/workbook';
import { readDate } from './parse-target';
import type { TimeTarget, TimelinessCase } from './timeliness';

const TIME_TARGET = /(?:target|within|standard|no (?:more|longer) than)\D{0,25}?(\d{1,3})\s*(working|clear working|calendar)?\s*days?/i;
const STOP_WORDS = new Set([
  'log',
  'logs',
  'list',
  'lists',
  'cases',
  'case',
  'register',
  'sheet',
  'data',
  'table',
  'tracker',
  'the',
  'and',
  'of',
]);

/** A date from a cell: a real date, a number formatted as one, or text such as 03/04/2008. */
export function caseDate(cell: Cell): CalendarDate | undefined {
  switch (cell.value.kind) {
    case 'date':
      return dateFromSerial(cell.value.serial);
    case 'number':
      return cell.value.value > 0 ? dateFromSerial(cell.value.value) : undefined;
    case 'text':
      return readDate(cell.value.value.trim().toLowerCase());
    default:
      return undefined;
  }
}

export function casesOf(sheet: Sheet, table: DetectedTable): TimelinessCase[] {
  const start = table.columns.find((column) => column.role === 'caseStart')!.col;
  const end = table.columns.find((column) => column.role === 'caseEnd')!.col;
  const ref = table.columns.find((column) => column.role === 'reference')?.col;
  return table.indicators.map((indicator) => {
    const refText = ref === undefined ? '' : cellText(cellAt(sheet, indicator.row, ref)).trim();
    return {
      ...(refText ? { ref: refText } : {}),
      start: caseDate(cellAt(sheet, indicator.row, start)),
      end: caseDate(cellAt(sheet, indicator.row, end)),
    };
  });
}

/** The words a case list is known by: "Letters log" → letter; a table named LettersLog → letter. */
function keyWords(sheetName: string, tableName: string | undefined): string[] {
  const words = `${sheetName} ${(tableName ?? '').replace(/([a-z])([A-Z])/g, '$1 $2')}`
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word));
  return [...new Set(words.map((word) => word.replace(/s$/, '')))];
}

/**
 * The time a case list is judged against, from the workbook's own words: a line above the table
 * ("target 15 working days"), or a line elsewhere that names what the cases are ("Monitoring of
 * letter response times (target 15 working days from receipt of incoming letter)").
 */
export function findTimeTarget(workbook: Workbook, sheet: Sheet, table: DetectedTable): { target: TimeTarget; source: string } | undefined {
  const read = (text: string): TimeTarget | undefined => {
    const match = TIME_TARGET.exec(text);
    if (!match) return undefined;
    return { amount: Number(match[1]), unit: match[2] && !/calendar/i.test(match[2]) ? 'working days' : 'days' };
  };
  for (let r = table.range.top - 1; r >= Math.max(0, table.range.top - 5); r--) {
    for (const cell of sheet.rows[r] ?? []) {
      const text = cell ? cellText(cell) : '';
      const target = text ? read(text) : undefined;
      if (target) return { target, source: text.trim() };
    }
  }
  const keys = keyWords(sheet.name, table.excelTable);
  if (keys.length === 0) return undefined;
  for (const other of workbook.sheets) {
    for (const row of other.rows) {
      for (const cell of row ?? []) {
        if (!cell || cell.value.kind !== 'text') continue;
        const text = cell.value.value;
        const lower = text.toLowerCase();
        if (!keys.some((key) => lower.includes(key))) continue;
        const target = read(text);
        if (target) return { target, source: text.trim() };
      }
    }
  }
  return undefined;
}
