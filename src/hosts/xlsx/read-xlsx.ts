import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseRangeAddress } from '../../core/model/address';
import { dateFromJsDate, serialFromDate } from '../../core/model/serial-dates';
import type { Cell, CellRange, CellValue, Sheet, SheetVisibility, TableObject, Workbook } from '../../core/model/workbook';

/** A reason a file could not be opened, in words an officer can act on. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File (OLE2): password-protected .xlsx files and old .xls files both use it. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export interface XlsxRead {
  readonly workbook: Workbook;
  readonly excel: ExcelJS.Workbook;
  /** Parts of the file exceljs cannot write back (charts, pivot tables…), in words; empty when none. */
  readonly cannotKeep: readonly string[];
  /** The workbook's structure is protected (sheets can't be added or removed). */
  readonly structureProtected: boolean;
}

export async function readXlsxFile(path: string): Promise<XlsxRead> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookFileError(`Can't open ${path}: there is no such file.`);
    if (code === 'EISDIR') throw new WorkbookFileError(`Can't open ${path}: it is a folder, not a workbook.`);
    if (code === 'EACCES') throw new WorkbookFileError(`Can't open ${path}: you don't have permission to read it.`);
    throw new WorkbookFileError(`Can't open ${path}: ${(error as Error).message}`);
  }
  return readXlsxBytes(bytes, name);
}

export async function readXlsxBytes(bytes: Uint8Array, name: string): Promise<XlsxRead> {
  if (bytes.length === 0) throw new WorkbookFileError(`${name} is empty (0 bytes); it is not an Excel workbook.`);
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new WorkbookFileError(
      `${name} is password-protected (encrypted) or an old-style .xls file. KPI Tracker reads .xlsx only: open it in Excel, remove the password or use Save As → Excel Workbook (.xlsx), and try again.`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookFileError(`${name} is not an Excel workbook (.xlsx). Save it from Excel as "Excel Workbook (.xlsx)" and try again.`);
  }
  const excel = new ExcelJS.Workbook();
  try {
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookFileError(`${name} looks like a zip file but Excel's workbook parts could not be read (${(error as Error).message}). It may be damaged.`);
  }
  if (excel.worksheets.length === 0) {
    const parts = Object.keys((await JSZip.loadAsync(bytes)).files);
    if (parts.some((part) => part.startsWith('xl/chartsheets/'))) {
      throw new WorkbookFileError(`${name} holds only chart sheets: there is no worksheet with cells, so there is no KPI table to find.`);
    }
    throw new WorkbookFileError(`${name} is a zip file but not an Excel workbook (.xlsx): it has no worksheets inside. Save it from Excel as "Excel Workbook (.xlsx)" and try again.`);
  }
  // Only a sheet with an AutoFilter can have filter criteria; most workbooks need no second look.
  const anyFilter = excel.worksheets.some((ws) => Boolean((ws as unknown as { autoFilter?: unknown }).autoFilter));
  const { cannotKeep, structureProtected } = await inspectParts(bytes, anyFilter);
  return { workbook: workbookFromExcelJs(excel), excel, cannotKeep, structureProtected };
}

const UNKEEPABLE: ReadonlyArray<{ pattern: RegExp; one: string; many: string }> = [
  { pattern: /^xl\/charts\/chart\d+\.xml$/, one: 'a chart', many: 'charts' },
  { pattern: /^xl\/pivotTables\/pivotTable\d+\.xml$/, one: 'a pivot table', many: 'pivot tables' },
  { pattern: /^xl\/slicers\/slicer\d+\.xml$/, one: 'a slicer', many: 'slicers' },
  { pattern: /^xl\/timelines\/timeline\d+\.xml$/, one: 'a timeline', many: 'timelines' },
  { pattern: /^xl\/vbaProject\.bin$/, one: 'macros', many: 'macros' },
  { pattern: /^xl\/externalLinks\/externalLink\d+\.xml$/, one: 'a link to another workbook', many: 'links to other workbooks' },
];

/**
 * exceljs drops charts, pivot tables, slicers and macros when it writes a workbook, so the
 * command line looks for them first and refuses rather than lose an officer's work.
 */
async function inspectParts(bytes: Uint8Array, anyFilter: boolean): Promise<{ cannotKeep: string[]; structureProtected: boolean }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const cannotKeep: string[] = [];
  for (const part of UNKEEPABLE) {
    const count = names.filter((n) => part.pattern.test(n)).length;
    if (count === 1) cannotKeep.push(part.one);
    else if (count > 1) cannotKeep.push(`${count} ${part.many}`);
  }
  // exceljs keeps a filter's range but drops its criteria, which would leave the rows it hides
  // hidden with no filter on.
  let filtered = 0;
  for (const part of anyFilter ? names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) : []) {
    if (/<filterColumn\b/.test(await zip.file(part)!.async('string'))) filtered++;
  }
  if (filtered > 0) cannotKeep.push(filtered === 1 ? 'a filter in use' : `filters in use on ${filtered} sheets`);
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const structureProtected = workbookXml !== undefined && /<workbookProtection\b[^>]*\blockStructure="(1|true)"/.test(workbookXml);
  return { cannotKeep, structureProtected };
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
