import { parseRangeAddress, columnIndex } from '../../core/model/address';
import { dateFromIso, serialFromDate } from '../../core/model/serial-dates';
import type { Cell, CellRange, Sheet, SheetVisibility, TableObject, Workbook } from '../../core/model/workbook';

/**
 * A compact way to write a workbook by hand, for tests and the browser workbench.
 * A bare string is always text (never parsed), a bare number is a number.
 */
export type CellInput =
  | null
  | undefined
  | string
  | number
  | boolean
  | {
      /** cached value for a formula, or the value itself */
      readonly v?: string | number | boolean | null;
      /** formula without `=` */
      readonly f?: string;
      /** number format */
      readonly fmt?: string;
      /** ISO date (yyyy-mm-dd), stored as an Excel serial */
      readonly date?: string;
      /** Excel error such as `#N/A` */
      readonly error?: string;
      /** solid fill, '#RRGGBB' */
      readonly fill?: string;
    };

export interface SheetInput {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<CellInput>>;
  /** A1-style ranges */
  readonly merges?: readonly string[];
  /** 1-based row numbers, as Excel shows them */
  readonly hiddenRows?: readonly number[];
  /** column letters */
  readonly hiddenColumns?: readonly string[];
  readonly tables?: ReadonlyArray<{ readonly name: string; readonly ref: string; readonly totalsRow?: boolean }>;
  readonly isProtected?: boolean;
  readonly visibility?: SheetVisibility;
}

export function cellFromInput(input: CellInput): Cell | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'string') return input === '' ? undefined : { value: { kind: 'text', value: input } };
  if (typeof input === 'number') return { value: { kind: 'number', value: input } };
  if (typeof input === 'boolean') return { value: { kind: 'boolean', value: input } };
  const extras = {
    ...(input.fmt !== undefined ? { format: input.fmt } : {}),
    ...(input.f !== undefined ? { formula: input.f.replace(/^=/, '') } : {}),
    ...(input.fill !== undefined ? { fill: input.fill.toUpperCase() } : {}),
  };
  if (input.error !== undefined) return { value: { kind: 'error', code: input.error }, ...extras };
  if (input.date !== undefined) {
    const date = dateFromIso(input.date);
    if (!date) throw new Error(`Not an ISO date: ${input.date}`);
    return {
      value: { kind: 'date', serial: serialFromDate(date) },
      format: input.fmt ?? 'dd/mm/yyyy',
      ...(extras.formula ? { formula: extras.formula } : {}),
    };
  }
  const v = input.v;
  if (v === null || v === undefined || v === '') return { value: { kind: 'empty' }, ...extras };
  const inner = cellFromInput(v);
  return { value: inner!.value, ...extras };
}

function rangeOrThrow(address: string): CellRange {
  const range = parseRangeAddress(address);
  if (!range) throw new Error(`Not a range: ${address}`);
  return range;
}

export function buildSheet(input: SheetInput): Sheet {
  const tables: TableObject[] = (input.tables ?? []).map((table) => ({
    name: table.name,
    range: rangeOrThrow(table.ref),
    hasHeaderRow: true,
    hasTotalsRow: table.totalsRow ?? false,
  }));
  return {
    name: input.name,
    visibility: input.visibility ?? 'visible',
    isProtected: input.isProtected ?? false,
    rows: input.rows.map((row) => row.map(cellFromInput)),
    merges: (input.merges ?? []).map(rangeOrThrow),
    hiddenRows: new Set((input.hiddenRows ?? []).map((n) => n - 1)),
    hiddenColumns: new Set((input.hiddenColumns ?? []).map(columnIndex)),
    tables,
  };
}

export function buildWorkbook(sheets: readonly SheetInput[]): Workbook {
  return { sheets: sheets.map(buildSheet) };
}
