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
 * The column a table's commentary is read from and written to, where a header names it twice
 * ("Notes" beside "Comments"): the one whose cells hold the officer's words, most filled on the
 * indicators' rows, so footnote numbers ("1", "2") are never it and an empty "Comments" never
 * hides words typed under "Notes"; alike, the one headed as comments.
 */
export function commentaryColumn(table: DetectedTable, sheet: Sheet | undefined): ColumnMapping | undefined {
  const all = columnsOf(table, 'commentary');
  if (all.length < 2 || !sheet) return all[0];
  return getOrInsert(COMMENTARY_COLUMN, table, () => {
    const words = (column: ColumnMapping): number =>
      table.indicators.filter((indicator) => /[a-z]{3}/i.test(textAt(sheet, indicator.row, column.col))).length;
    const commentLike = (column: ColumnMapping): number => (/comment|narrative|explanation|update/i.test(column.header) ? 1 : 0);
    return [...all].sort((a, b) => words(b) - words(a) || commentLike(b) - commentLike(a))[0]!;
  });
}
const COMMENTARY_COLUMN = new WeakMap<DetectedTable, ColumnMapping>();

/** A cell's text as the sheet shows it, trimmed; '' for no column. */
export function textAt(sheet: Sheet, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col)).trim();
}

/** The figure in a column of a row, where it holds one. */
export function figureIn(sheet: Sheet, row: number, column: ColumnMapping): number | undefined {
  const actual = parseActualCell(cellAt(sheet, row, column.col));
  return actual.kind === 'number' ? actual.value : undefined;
}
