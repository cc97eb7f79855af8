/* global Excel */
import { parseRangeAddress } from '../../core/model/address';
import { isDateFormat } from '../../core/model/cell-text';
import type { Cell, CellRange, CellValue, Sheet, SheetVisibility, TableObject, Workbook } from '../../core/model/workbook';

/** Sheets looked at in the first request; a workbook with more takes one more request to list the rest. */
export const SHEETS_IN_FIRST_REQUEST = 40;
/** Bytes a cell costs in a response (value, type, number format, formula, fill), as a generous estimate. */
export const BYTES_PER_CELL_READ = 64;
/** Excel on the web refuses responses over 5 MB; reads are cut well under it. */
export const READ_BUDGET_BYTES = 4_000_000;

interface SheetProbe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merged: Excel.RangeAreas;
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
  return { value: cellValue, ...(fmt ? { format: fmt } : {}), ...(formulaText !== undefined ? { formula: formulaText } : {}), ...(fill ? { fill } : {}) };
}

export function fillOfProperties(properties: Excel.CellProperties | undefined): string | undefined {
  const colour = properties?.format?.fill?.color;
  return colour && /^#[0-9A-Fa-f]{6}$/.test(colour) && colour.toUpperCase() !== '#FFFFFF' ? colour.toUpperCase() : undefined;
}

/** Sheets reached from the first by getNext, in one request (no sync per sheet). */
function probeSheets(context: Excel.RequestContext, from: Excel.Worksheet | undefined): SheetProbe[] {
  const probes: SheetProbe[] = [];
  let sheet: Excel.Worksheet = from ? from.getNextOrNullObject() : context.workbook.worksheets.getFirst();
  for (let i = 0; i < SHEETS_IN_FIRST_REQUEST; i++) {
    sheet.load('name,visibility,isNullObject');
    sheet.protection.load('protected');
    sheet.tables.load('items/name,items/showTotals,items/showHeaders');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount,isNullObject');
    const merged = used.getMergedAreasOrNullObject();
    merged.load('areas/items/address,isNullObject');
    probes.push({ sheet, used, merged });
    sheet = sheet.getNextOrNullObject();
  }
  return probes;
}

interface Block {
  readonly sheet: string;
  readonly range: Excel.Range;
  readonly top: number;
  readonly left: number;
  readonly fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * Reads the workbook into the core's model. The first request lists the sheets with their used
 * ranges, protection, merged areas and tables; then the cells are read in as few requests as the
 * response limit allows (one, for any ordinary KPI workbook), fills included when they fit.
 */
export async function readWorkbookFromExcel(context: Excel.RequestContext): Promise<{ workbook: Workbook; fillsRead: boolean; syncs: number }> {
  let syncs = 0;
  const probes: SheetProbe[] = [];
  let batch = probeSheets(context, undefined);
  for (;;) {
    await context.sync();
    syncs++;
    const found = batch.filter((probe) => !probe.sheet.isNullObject);
    probes.push(...found);
    if (found.length < batch.length) break;
    batch = probeSheets(context, found[found.length - 1]!.sheet);
  }

  const totalCells = probes.reduce((sum, p) => sum + (p.used.isNullObject ? 0 : p.used.rowCount * p.used.columnCount), 0);
  const fillsRead = totalCells * BYTES_PER_CELL_READ <= READ_BUDGET_BYTES;
  const rowsPerCell = Math.max(1, Math.floor(READ_BUDGET_BYTES / BYTES_PER_CELL_READ));

  // Cut every used range into row blocks, and pack the blocks into requests under the budget.
  const requests: Array<Array<{ probe: SheetProbe; firstRow: number; rowCount: number }>> = [[]];
  let budget = rowsPerCell;
  for (const probe of probes) {
    if (probe.used.isNullObject) continue;
    const columns = probe.used.columnCount;
    let row = 0;
    while (row < probe.used.rowCount) {
      if (budget < columns) {
        requests.push([]);
        budget = rowsPerCell;
      }
      const rowCount = Math.min(probe.used.rowCount - row, Math.floor(budget / columns));
      requests[requests.length - 1]!.push({ probe, firstRow: row, rowCount });
      budget -= rowCount * columns;
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
  const cellRequests = requests.filter((r) => r.length > 0);
  if (cellRequests.length === 0 && tableRanges.length > 0) {
    await context.sync();
    syncs++;
  }
  for (const request of cellRequests) {
    const blocks: Block[] = request.map(({ probe, firstRow, rowCount }) => {
      const origin = rangeOfAddress(probe.used.address)!;
      const range = probe.used.getRow(firstRow).getResizedRange(rowCount - 1, 0);
      range.load('values,valueTypes,numberFormat,formulas');
      return {
        sheet: probe.sheet.name,
        range,
        top: origin.top + firstRow,
        left: origin.left,
        ...(fillsRead ? { fills: range.getCellProperties({ format: { fill: { color: true } } }) } : {}),
      };
    });
    await context.sync();
    syncs++;
    for (const block of blocks) {
      const rows = rowsBySheet.get(block.sheet) ?? [];
      block.range.values.forEach((row, r) => {
        const out: (Cell | undefined)[] = [];
        row.forEach((value, c) => {
          const cell = cellFrom(value, String(block.range.valueTypes[r]![c]), String(block.range.numberFormat[r]![c] ?? ''), block.range.formulas[r]![c], fillOfProperties(block.fills?.value[r]?.[c]));
          if (cell) out[block.left + c] = cell;
        });
        rows[block.top + r] = out;
      });
      rowsBySheet.set(block.sheet, rows);
    }
  }

  const sheets: Sheet[] = probes.map((probe) => {
    const merges = probe.merged.isNullObject ? [] : probe.merged.areas.items.map((area) => rangeOfAddress(area.address)).filter((range): range is CellRange => range !== undefined);
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
