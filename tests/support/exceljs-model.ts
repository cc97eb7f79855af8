import ExcelJS from 'exceljs';
import { parseRangeAddress } from '../../src/core/model/address';
import { dateFromJsDate, serialFromDate } from '../../src/core/model/serial-dates';
import type { Cell, CellRange, CellValue, Sheet, SheetVisibility, TableObject, Workbook } from '../../src/core/model/workbook';

/**
 * The workbook model as exceljs reads a file: an independent reading of the same .xlsx that the
 * tests hold KPI Tracker's own reader (src/hosts/xlsx/read-xlsx.ts) against.
 */
export async function readWithExcelJs(path: string): Promise<Workbook> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(path);
  return workbookFromExcelJs(excel);
}

export function workbookFromExcelJs(excel: ExcelJS.Workbook): Workbook {
  return { sheets: excel.worksheets.map(sheetFromWorksheet) };
}

function sheetFromWorksheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.add(rowNumber - 1);
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const converted = cellFromExcelJs(cell);
      if (converted) cells[colNumber - 1] = converted;
    });
    rows[rowNumber - 1] = cells;
  });
  const hiddenColumns = new Set<number>();
  const columnCount = ws.columnCount;
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);

  const merges: CellRange[] = [];
  for (const address of (ws.model as { merges?: string[] }).merges ?? []) {
    const range = parseRangeAddress(address);
    if (range) merges.push(range);
  }
  const tables: TableObject[] = [];
  for (const table of ws.getTables() as unknown as Array<{ table?: TableModel } & TableModel>) {
    const model: TableModel = table.table ?? table;
    const range = model.tableRef ? parseRangeAddress(model.tableRef) : model.ref ? parseRangeAddress(model.ref) : undefined;
    if (!range || !model.name) continue;
    tables.push({ name: model.name, range, hasHeaderRow: model.headerRow !== false, hasTotalsRow: model.totalsRow === true });
  }
  const protection = (ws as unknown as { sheetProtection?: unknown }).sheetProtection as { sheet?: boolean } | null | undefined;
  return {
    name: ws.name,
    visibility: (ws.state as SheetVisibility | undefined) ?? 'visible',
    isProtected: Boolean(protection && protection.sheet !== false),
    rows,
    merges,
    hiddenRows,
    hiddenColumns,
    tables,
  };
}

interface TableModel {
  name?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/** '#RRGGBB' for a solid fill with an RGB colour; theme and indexed colours are not read. */
export function solidFillOf(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = (fill.fgColor as { argb?: string } | undefined)?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

function cellFromExcelJs(cell: ExcelJS.Cell): Cell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  const fill = solidFillOf(cell.fill);
  const raw = cell.value;
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date) && ('formula' in raw || 'sharedFormula' in raw)) {
    const formulaValue = raw as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const formula = cell.formula ?? formulaValue.formula ?? formulaValue.sharedFormula ?? '';
    return { value: valueFromRaw(formulaValue.result, format), formula, ...(format ? { format } : {}), ...(fill ? { fill } : {}) };
  }
  const value = valueFromRaw(raw, format);
  if (value.kind === 'empty' && !format && !fill) return undefined;
  return { value, ...(format ? { format } : {}), ...(fill ? { fill } : {}) };
}

function valueFromRaw(raw: unknown, format: string | undefined): CellValue {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'number', value: raw } : { kind: 'error', code: '#NUM!' };
  if (typeof raw === 'string') return raw === '' ? { kind: 'empty' } : { kind: 'text', value: raw };
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { kind: 'error', code: '#VALUE!' };
    const serial = serialFromDate(dateFromJsDate(raw));
    const fraction = (raw.getUTCHours() * 3600 + raw.getUTCMinutes() * 60 + raw.getUTCSeconds()) / 86400;
    return { kind: 'date', serial: serial + fraction };
  }
  if (typeof raw === 'object') {
    const obj = raw as { error?: string; richText?: Array<{ text: string }>; text?: unknown; hyperlink?: string };
    if (typeof obj.error === 'string') return { kind: 'error', code: obj.error };
    if (Array.isArray(obj.richText)) {
      const text = obj.richText.map((run) => run.text).join('');
      return text === '' ? { kind: 'empty' } : { kind: 'text', value: text };
    }
    if (obj.text !== undefined) return valueFromRaw(obj.text, format);
  }
  return { kind: 'text', value: String(raw) };
}
