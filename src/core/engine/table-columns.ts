import type { ColumnMapping, ColumnRole, DetectedTable } from '../detect/types';
import { cellText } from '../model/cell-text';
import { getOrInsert } from '../model/memo';
import { cellAt, type Sheet } from '../model/workbook';
import { parseActualCell } from './parse-actual';

// Asked for each indicator of a table, and a detected table never changes: each role is looked up once.
const COLUMNS_BY_ROLE = new WeakMap<DetectedTable, Map<ColumnRole, ColumnMapping[]>>();

/** A detected table's columns of one role, left to right. */
export function columnsOf(table: DetectedTable, role: ColumnRole): readonly ColumnMapping[] {
  const byRole = getOrInsert(COLUMNS_BY_ROLE, table, () => new Map<ColumnRole, ColumnMapping[]>());
  return getOrInsert(byRole, role, () => table.columns.filter((column) => column.role === role));
}

/**
 * The column a table's commentary is read from and written to: its comments where a header has
 * notes too ("Notes" of footnote numbers beside "Comments", Queensland Police with an officer's
 * comments column), otherwise its first.
 */
export function commentaryColumn(table: DetectedTable): ColumnMapping | undefined {
  const all = columnsOf(table, 'commentary');
  return all.length > 1 ? (all.find((column) => /comment|narrative|explanation|update/i.test(column.header)) ?? all[0]) : all[0];
}

/** A cell's text as the sheet shows it, trimmed; '' for no column. */
export function textAt(sheet: Sheet, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col)).trim();
}

/** The figure in a column of a row, where it holds one. */
export function figureIn(sheet: Sheet, row: number, column: ColumnMapping): number | undefined {
  const actual = parseActualCell(cellAt(sheet, row, column.col));
  return actual.kind === 'number' ? actual.value : undefined;
}
