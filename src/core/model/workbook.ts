/**
 * The workbook as the pure core sees it. Hosts (Office.js, .xlsx files, in-memory)
 * translate their own objects into this shape; nothing here knows where it came from.
 * Rows and columns are 0-based.
 */

export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** Excel keeps dates as serial day numbers (1900 date system); so do we. */
  | { readonly kind: 'date'; readonly serial: number }
  | { readonly kind: 'error'; readonly code: string };

export interface Cell {
  readonly value: CellValue;
  /** Excel number format, e.g. `0.0%`; absent means General. */
  readonly format?: string;
  /** The formula without its leading `=`; when present, `value` is the cached result. */
  readonly formula?: string;
  /** A solid fill as `#RRGGBB`, where the host reports one (status cells need it to stay idempotent). */
  readonly fill?: string;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** An Excel table (ListObject). */
export interface TableObject {
  readonly name: string;
  readonly range: CellRange;
  readonly hasHeaderRow: boolean;
  readonly hasTotalsRow: boolean;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface Sheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly isProtected: boolean;
  /** rows[r][c]; a missing entry is an empty cell. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly merges: readonly CellRange[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenColumns: ReadonlySet<number>;
  readonly tables: readonly TableObject[];
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
}

export const EMPTY_VALUE: CellValue = Object.freeze({ kind: 'empty' });
export const EMPTY_CELL: Cell = Object.freeze({ value: EMPTY_VALUE });

export function cellAt(sheet: Sheet, row: number, col: number): Cell {
  return sheet.rows[row]?.[col] ?? EMPTY_CELL;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function columnCount(sheet: Sheet): number {
  let widest = 0;
  for (const row of sheet.rows) if (row && row.length > widest) widest = row.length;
  return widest;
}

export function isEmptyCell(cell: Cell): boolean {
  return cell.value.kind === 'empty' || (cell.value.kind === 'text' && cell.value.value.trim() === '');
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  return workbook.sheets.find((sheet) => sheet.name === name);
}
