import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes small .xlsx files with exceljs for tests that go through the real .xlsx host
 * (readXlsxFile), the way a workbook saved by Excel would arrive.
 */
export type XlsxCell =
  | null
  | string
  | number
  | boolean
  | { readonly v: string | number; readonly fmt: string }
  | { readonly date: string; readonly fmt?: string }
  | { readonly formula: string; readonly result: string | number; readonly fmt?: string }
  | { readonly error: '#N/A' | '#DIV/0!' | '#VALUE!' | '#REF!' };

export interface XlsxTable {
  readonly name: string;
  /** Top-left cell of the header, e.g. `B4`. */
  readonly ref: string;
  readonly columns: ReadonlyArray<{
    readonly name: string;
    readonly totalsRowLabel?: string;
    readonly totalsRowFunction?: 'sum' | 'average' | 'count';
  }>;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  readonly totalsRow?: boolean;
}

export interface XlsxSheet {
  readonly name: string;
  readonly rows?: ReadonlyArray<ReadonlyArray<XlsxCell>>;
  readonly merges?: readonly string[];
  /** 1-based */
  readonly hiddenRows?: readonly number[];
  readonly tables?: readonly XlsxTable[];
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

function cellValue(cell: XlsxCell): { value: ExcelJS.CellValue; fmt?: string } {
  if (cell === null || typeof cell !== 'object') return { value: cell };
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-').map(Number);
    return { value: new Date(Date.UTC(y!, m! - 1, d!)), fmt: cell.fmt ?? 'dd/mm/yyyy' };
  }
  if ('formula' in cell)
    return { value: { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue, ...(cell.fmt ? { fmt: cell.fmt } : {}) };
  if ('error' in cell) return { value: { error: cell.error } as ExcelJS.CellErrorValue };
  return { value: cell.v, fmt: cell.fmt };
}

export function excelWorkbook(sheets: readonly XlsxSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.state ? { state: sheet.state } : {});
    (sheet.rows ?? []).forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        const { value, fmt } = cellValue(cell);
        const target = ws.getCell(r + 1, c + 1);
        target.value = value;
        if (fmt) target.numFmt = fmt;
      });
    });
    for (const table of sheet.tables ?? []) {
      ws.addTable({
        name: table.name,
        ref: table.ref,
        headerRow: true,
        totalsRow: table.totalsRow ?? false,
        columns: table.columns.map((column) => ({ ...column })),
        rows: table.rows.map((row) => [...row]),
      });
    }
    for (const merge of sheet.merges ?? []) ws.mergeCells(merge);
    for (const row of sheet.hiddenRows ?? []) ws.getRow(row).hidden = true;
  }
  return wb;
}

export async function writeXlsx(path: string, sheets: readonly XlsxSheet[]): Promise<string> {
  await excelWorkbook(sheets).xlsx.writeFile(path);
  return path;
}

/** A fresh temporary folder for one test file; call `cleanup` in afterAll. */
export function tempFolder(prefix: string): { dir: string; path: (file: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `kpi-tracker-${prefix}-`));
  return { dir, path: (file) => join(dir, file), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
