/* global Excel */
import { parseRangeAddress } from '../../core/model/address';
import { isDateFormat } from '../../core/model/cell-text';
import type { Cell, CellRange, CellValue, Sheet, SheetVisibility, TableObject, Workbook } from '../../core/model/workbook';
import { CHANGE_LOG_SHEET } from '../../core/plan/change-log';
import { describeExcelError } from './excel-errors';
import { excelApiSupported, MERGED_AREAS_API } from './requirement-sets';
import { SETTINGS_SHEET } from '../../core/settings/settings-store';

/** Sheets looked at in the first request; a workbook with more takes one more request to list the rest. */
export const SHEETS_IN_FIRST_REQUEST = 40;
/** Bytes a cell costs in a response (value, type and number format), as measured on KPI sheets. */
export const BYTES_PER_CELL_READ = 32;
/** Bytes a cell's fill adds to a response. */
export const BYTES_PER_FILL_READ = 40;
/** A settings cell holds up to 30,000 characters of JSON, quoted and escaped in the response. */
const SETTINGS_CELL_BYTES = 36_000;
/** Excel on the web refuses responses over 5 MB; reads are cut well under it. */
export const READ_BUDGET_BYTES = 4_000_000;

interface SheetProbe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  /** Absent where this Excel cannot list merged areas (before ExcelApi 1.13). */
  readonly merged: Excel.RangeAreas | undefined;
}

function visibilityOf(value: string): SheetVisibility {
  if (value === 'VeryHidden' || value === 'veryHidden') return 'veryHidden';
  if (value === 'Hidden' || value === 'hidden') return 'hidden';
  return 'visible';
}

/** "Sheet1!B3:K40" → the range; a quoted sheet name may itself contain "!". */
export function rangeOfAddress(address: string): CellRange | undefined {
  return parseRangeAddress(address.slice(address.lastIndexOf('!') + 1));
}

function cellFrom(value: unknown, type: string, format: string, formula: unknown, fill: string | undefined): Cell | undefined {
  // `formula` comes from the sheet's formula cells only (getSpecialCells), so quote-prefixed text
  // such as '=Met never reaches here as a formula.
  const formulaText = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  const fmt = format && format !== 'General' ? format : undefined;
  let cellValue: CellValue;
  switch (type) {
    case 'Empty':
      cellValue = { kind: 'empty' };
      break;
    case 'Error':
      cellValue = { kind: 'error', code: String(value) };
      break;
    case 'Boolean':
      cellValue = { kind: 'boolean', value: Boolean(value) };
      break;
    case 'Double':
      cellValue = isDateFormat(fmt) ? { kind: 'date', serial: Number(value) } : { kind: 'number', value: Number(value) };
      break;
    default:
      cellValue = value === '' || value === null || value === undefined ? { kind: 'empty' } : { kind: 'text', value: String(value) };
  }
  if (cellValue.kind === 'empty' && !formulaText && !fill && !fmt) return undefined;
  return {
    value: cellValue,
    ...(fmt ? { format: fmt } : {}),
    ...(formulaText !== undefined ? { formula: formulaText } : {}),
    ...(fill ? { fill } : {}),
  };
}

export function fillOfProperties(properties: Excel.CellProperties | undefined): string | undefined {
  const colour = properties?.format?.fill?.color;
  return colour && /^#[0-9A-Fa-f]{6}$/.test(colour) && colour.toUpperCase() !== '#FFFFFF' ? colour.toUpperCase() : undefined;
}

/** Sheets reached from the first by getNext, in one request (no sync per sheet). */
function probeSheets(context: Excel.RequestContext, from: Excel.Worksheet | undefined): SheetProbe[] {
  const probes: SheetProbe[] = [];
  const mergesReadable = excelApiSupported(MERGED_AREAS_API);
  let sheet: Excel.Worksheet = from ? from.getNextOrNullObject() : context.workbook.worksheets.getFirst();
  for (let i = 0; i < SHEETS_IN_FIRST_REQUEST; i++) {
    sheet.load('name,visibility');
    sheet.protection.load('protected');
    sheet.tables.load('items/name,items/showTotals,items/showHeaders');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount');
    let merged: Excel.RangeAreas | undefined;
    if (mergesReadable) {
      merged = used.getMergedAreasOrNullObject();
      merged.load('areas/items/address');
    }
    probes.push({ sheet, used, merged });
    sheet = sheet.getNextOrNullObject();
  }
  return probes;
}

interface Block {
  readonly sheet: string;
  readonly range: Excel.Range;
  readonly formulas?: Excel.RangeAreas;
  readonly top: number;
  readonly left: number;
  readonly fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  readonly valuesOnly?: boolean;
}

/**
 * Reads the workbook into the core's model. The first request lists the sheets with their used
 * ranges, protection, merged areas and tables; then the cells are read in as few requests as the
 * response limit allows (one, for any ordinary KPI workbook), fills included when they fit.
 */
export async function readWorkbookFromExcel(
  context: Excel.RequestContext,
): Promise<{ workbook: Workbook; fillsRead: boolean; syncs: number }> {
  let syncs = 0;
  const probes: SheetProbe[] = [];
  let batch = probeSheets(context, undefined);
  // Sheets are listed 40 to a request: one request for any ordinary workbook, and one more for each
  // further 40 sheets. Like the writes' split by size (write-queue.ts), a request per bounded batch,
  // never one per sheet.
  for (;;) {
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per 40 sheets, as said above
    await context.sync();
    syncs++;
    const found = batch.filter((probe) => !probe.sheet.isNullObject);
    probes.push(...found);
    if (found.length < batch.length) break;
    batch = probeSheets(context, found[found.length - 1]!.sheet);
  }

  // The change log only grows: its size tells where the next rows go, and its cells are not needed.
  // The settings sheet is KPI Tracker's own text in column A: its values are enough.
  const modeOf = (probe: SheetProbe): 'size' | 'values' | 'cells' =>
    probe.sheet.name === CHANGE_LOG_SHEET ? 'size' : probe.sheet.name === SETTINGS_SHEET ? 'values' : 'cells';
  const cellProbes = probes.filter((p) => !p.used.isNullObject && modeOf(p) === 'cells');
  const totalCells = cellProbes.reduce((sum, p) => sum + p.used.rowCount * p.used.columnCount, 0);
  const fillsRead = totalCells * (BYTES_PER_CELL_READ + BYTES_PER_FILL_READ) <= READ_BUDGET_BYTES;
  const cellCost = BYTES_PER_CELL_READ + (fillsRead ? BYTES_PER_FILL_READ : 0);

  // Cut every used range into row blocks, and pack the blocks into requests under the budget.
  const requests: Array<Array<{ probe: SheetProbe; firstRow: number; rowCount: number }>> = [[]];
  let budget = READ_BUDGET_BYTES;
  for (const probe of probes) {
    const mode = modeOf(probe);
    if (probe.used.isNullObject || mode === 'size') continue;
    const rowBytes = mode === 'values' ? probe.used.columnCount * SETTINGS_CELL_BYTES : probe.used.columnCount * cellCost;
    let row = 0;
    while (row < probe.used.rowCount) {
      if (budget < rowBytes) {
        requests.push([]);
        budget = READ_BUDGET_BYTES;
      }
      const rowCount = Math.max(1, Math.min(probe.used.rowCount - row, Math.floor(budget / rowBytes)));
      requests[requests.length - 1]!.push({ probe, firstRow: row, rowCount });
      budget -= rowCount * rowBytes;
      row += rowCount;
    }
  }

  const tableRanges: Array<{ sheet: string; name: string; totals: boolean; headers: boolean; range: Excel.Range }> = [];
  for (const probe of probes) {
    for (const table of probe.sheet.tables.items) {
      const range = table.getRange();
      range.load('address');
      tableRanges.push({ sheet: probe.sheet.name, name: table.name, totals: table.showTotals, headers: table.showHeaders, range });
    }
  }

  const rowsBySheet = new Map<string, (Cell | undefined)[][]>();
  for (const probe of probes) {
    if (probe.used.isNullObject || modeOf(probe) !== 'size') continue;
    const rows: (Cell | undefined)[][] = [];
    rows.length = rangeOfAddress(probe.used.address)!.top + probe.used.rowCount;
    rowsBySheet.set(probe.sheet.name, rows);
  }
  const cellRequests = requests.filter((r) => r.length > 0);
  if (cellRequests.length === 0 && tableRanges.length > 0) {
    await context.sync();
    syncs++;
  }
  type Part = { probe: SheetProbe; firstRow: number; rowCount: number };
  const queueBlock = ({ probe, firstRow, rowCount }: Part): Block => {
    const origin = rangeOfAddress(probe.used.address)!;
    const range = probe.used.getRow(firstRow).getResizedRange(rowCount - 1, 0);
    if (modeOf(probe) === 'values') {
      range.load('values');
      return { sheet: probe.sheet.name, range, top: origin.top + firstRow, left: origin.left, valuesOnly: true };
    }
    range.load('values,valueTypes,numberFormat');
    // Formulas are read only where there are some, rather than a second copy of every cell.
    const formulas = range.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType);
    formulas.load('areas/items/address,areas/items/formulas');
    return {
      sheet: probe.sheet.name,
      range,
      formulas,
      top: origin.top + firstRow,
      left: origin.left,
      ...(fillsRead ? { fills: range.getCellProperties({ format: { fill: { color: true } } }) } : {}),
    };
  };
  /**
   * Sends one request's reads. The budget is an estimate (long formulas cost more than it allows),
   * so a response Excel finds too large is read again in two halves rather than failing the run.
   */
  const readParts = async (parts: Part[]): Promise<Block[]> => {
    const blocks = parts.map(queueBlock);
    try {
      await context.sync();
      syncs++;
      return blocks;
    } catch (error) {
      const code = describeExcelError(error).code;
      const splittable = parts.some((part) => part.rowCount > 1) || parts.length > 1;
      if (code !== 'ResponsePayloadSizeLimitExceeded' || !splittable) throw error;
      syncs++;
      const halves: Part[] = [];
      for (const part of parts) {
        if (part.rowCount === 1) halves.push(part);
        else {
          const first = Math.ceil(part.rowCount / 2);
          halves.push({ ...part, rowCount: first }, { ...part, firstRow: part.firstRow + first, rowCount: part.rowCount - first });
        }
      }
      const middle = Math.ceil(halves.length / 2);
      return [...(await readParts(halves.slice(0, middle))), ...(await readParts(halves.slice(middle)))];
    }
  };
  for (const request of cellRequests) {
    const blocks = await readParts(request);
    for (const block of blocks) {
      const rows = rowsBySheet.get(block.sheet) ?? [];
      const formulaAt = new Map<string, unknown>();
      if (block.formulas && !block.formulas.isNullObject) {
        for (const area of block.formulas.areas.items) {
          const at = rangeOfAddress(area.address)!;
          area.formulas.forEach((line, r) => line.forEach((formula, c) => formulaAt.set(`${at.top + r}:${at.left + c}`, formula)));
        }
      }
      block.range.values.forEach((row, r) => {
        const out: (Cell | undefined)[] = [];
        row.forEach((value, c) => {
          const cell = block.valuesOnly
            ? cellFrom(
                value,
                typeof value === 'string' && value !== ''
                  ? 'String'
                  : value === ''
                    ? 'Empty'
                    : typeof value === 'number'
                      ? 'Double'
                      : 'String',
                '',
                undefined,
                undefined,
              )
            : cellFrom(
                value,
                String(block.range.valueTypes[r]![c]),
                String(block.range.numberFormat[r]![c] ?? ''),
                formulaAt.get(`${block.top + r}:${block.left + c}`),
                fillOfProperties(block.fills?.value[r]?.[c]),
              );
          if (cell) out[block.left + c] = cell;
        });
        rows[block.top + r] = out;
      });
      rowsBySheet.set(block.sheet, rows);
    }
  }

  const sheets: Sheet[] = probes.map((probe) => {
    const merges =
      !probe.merged || probe.merged.isNullObject
        ? []
        : probe.merged.areas.items.map((area) => rangeOfAddress(area.address)).filter((range): range is CellRange => range !== undefined);
    const tables: TableObject[] = tableRanges
      .filter((t) => t.sheet === probe.sheet.name)
      .map((t) => ({ name: t.name, range: rangeOfAddress(t.range.address)!, hasHeaderRow: t.headers, hasTotalsRow: t.totals }));
    return {
      name: probe.sheet.name,
      visibility: visibilityOf(String(probe.sheet.visibility)),
      isProtected: probe.sheet.protection.protected,
      rows: rowsBySheet.get(probe.sheet.name) ?? [],
      merges,
      hiddenRows: new Set<number>(),
      hiddenColumns: new Set<number>(),
      tables,
    };
  });
  return { workbook: { sheets }, fillsRead, syncs };
}
