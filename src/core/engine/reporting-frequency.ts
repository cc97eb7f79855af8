import type { ColumnMapping, DetectedTable } from '../detect/types';
import { cellText } from '../model/cell-text';
import { cellAt, type Sheet } from '../model/workbook';
import { financialMonthSpan } from '../periods/period';
import { parseActualCell } from './parse-actual';
import { columnsOf } from './table-columns';
import type { Actual } from './target-types';

const ONCE_A_YEAR = /^(annual(ly)?|yearly|once a year|year[- ]end( only)?|end of year)$/i;

/**
 * The actual of a row in one period's column, where the row's Frequency column says the
 * indicator is reported once a year ("Annual"): a blank quarter before the year's end is not due,
 * not a figure missing. Before, a quarterly report's annual measures were No data every quarter.
 */
export function actualInColumn(table: DetectedTable, sheet: Sheet, row: number, column: ColumnMapping): Actual {
  const actual = parseActualCell(cellAt(sheet, row, column.col));
  if (actual.kind !== 'no-data' || actual.text.trim() !== '' || !column.period) return actual;
  if (financialMonthSpan(column.period).last >= 12) return actual;
  const frequencyCol = columnsOf(table, 'frequency')[0]?.col;
  if (frequencyCol === undefined) return actual;
  const frequency = cellText(cellAt(sheet, row, frequencyCol)).trim();
  if (!ONCE_A_YEAR.test(frequency)) return actual;
  return { kind: 'not-due', text: '', why: `it is reported once a year (its frequency is "${frequency}")` };
}
