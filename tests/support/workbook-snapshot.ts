import ExcelJS from 'exceljs';
import { cellAddress } from '../../src/core/model/address';
import type { Cell, Sheet, Workbook } from '../../src/core/model/workbook';
import type { CellEdit, Plan } from '../../src/core/plan/plan-types';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { SETTINGS_SHEET } from '../../src/core/settings/settings-store';

/**
 * Snapshots of a workbook, cell by cell, so a test can say exactly which cells a run changed:
 * one read with exceljs straight from the file (what Excel would open), one of the core model.
 */

/** The sheets KPI Tracker owns and may create or change freely. */
export const OWNED_SHEETS: readonly string[] = [CHANGE_LOG_SHEET, SETTINGS_SHEET];

const sortedKeys = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

const json = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

/** One exceljs cell: value kind, value (formula and cached result), number format, fill, font, border, alignment. */
export interface XlsxCellSnap {
  readonly type: number;
  readonly value: string;
  readonly formula: string | undefined;
  readonly numFmt: string | undefined;
  readonly fill: string;
  readonly font: string;
  readonly border: string;
  readonly alignment: string;
  readonly note: string;
}

export interface XlsxSheetSnap {
  readonly name: string;
  readonly state: string;
  readonly index: number;
  readonly cells: ReadonlyMap<string, XlsxCellSnap>;
  /** 1-based row → height, hidden, outline level (only rows that say something). */
  readonly rows: ReadonlyMap<number, string>;
  /** 1-based column → width, hidden (only columns that say something). */
  readonly columns: ReadonlyMap<number, string>;
  readonly merges: readonly string[];
  readonly autoFilter: string;
  readonly views: string;
  readonly protection: string;
  /** Data validations (drop-downs), conditional formats, Excel tables, print set-up. */
  readonly extras: string;
}

export function xlsxCellSnap(cell: ExcelJS.Cell): XlsxCellSnap {
  const raw = cell.value;
  return {
    type: cell.type,
    // A merged cell's value is its master's; what it is is "part of that merge".
    value: cell.type === ExcelJS.ValueType.Merge ? `merge of ${cell.master.address}` : json(raw instanceof Date ? raw.toISOString() : raw),
    formula: cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined,
    numFmt: cell.numFmt,
    fill: json(cell.fill),
    font: json(cell.font),
    border: json(cell.border),
    alignment: json(cell.alignment),
    note: json(cell.note),
  };
}

export function snapshotXlsx(excel: ExcelJS.Workbook): Map<string, XlsxSheetSnap> {
  const sheets = new Map<string, XlsxSheetSnap>();
  excel.worksheets.forEach((ws, index) => {
    const cells = new Map<string, XlsxCellSnap>();
    const rows = new Map<number, string>();
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.height !== undefined || row.hidden || row.outlineLevel)
        rows.set(rowNumber, json({ height: row.height, hidden: row.hidden, outline: row.outlineLevel }));
      row.eachCell({ includeEmpty: true }, (cell) => {
        const snap = xlsxCellSnap(cell);
        // An empty cell with no style says nothing: it is the same as no cell.
        if (
          snap.type === ExcelJS.ValueType.Null &&
          snap.fill === 'undefined' &&
          snap.font === 'undefined' &&
          snap.border === 'undefined' &&
          !snap.numFmt &&
          snap.note === 'undefined'
        )
          return;
        cells.set(cell.address, snap);
      });
    });
    const columns = new Map<number, string>();
    const cols =
      (ws as unknown as { model: { cols?: Array<{ min: number; max: number; width?: number; hidden?: boolean }> } }).model.cols ?? [];
    for (const col of cols)
      for (let c = col.min; c <= col.max; c++) columns.set(c, json({ width: col.width, hidden: Boolean(col.hidden) }));
    sheets.set(ws.name, {
      name: ws.name,
      state: ws.state,
      index,
      cells,
      rows,
      columns,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      autoFilter: json(ws.autoFilter),
      views: json(ws.views),
      protection: json((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null),
      extras: json({
        dataValidations: sortedKeys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model),
        conditionalFormattings: (ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? [],
        tables: (
          ws.getTables() as unknown as Array<
            { table?: { name?: string; tableRef?: string; ref?: string } } & { name?: string; tableRef?: string; ref?: string }
          >
        ).map((t) => {
          const model = t.table ?? t;
          return `${model.name} ${model.tableRef ?? model.ref}`;
        }),
        // exceljs reads firstPageNumber="1" back as useFirstPageNumber: true; page 1 is page 1 either way.
        pageSetup: {
          ...ws.pageSetup,
          useFirstPageNumber:
            ws.pageSetup.firstPageNumber === 1 ? 'either' : (ws.pageSetup as { useFirstPageNumber?: boolean }).useFirstPageNumber,
        },
        headerFooter: ws.headerFooter,
      }),
    });
  });
  return sheets;
}

export async function readXlsxSnapshot(path: string): Promise<{ excel: ExcelJS.Workbook; snap: Map<string, XlsxSheetSnap> }> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(path);
  return { excel, snap: snapshotXlsx(excel) };
}

/** `Sheet!H4` for an edit. */
export function editKey(edit: Pick<CellEdit, 'sheet' | 'row' | 'col'>): string {
  return `${edit.sheet}!${cellAddress(edit.row, edit.col)}`;
}

/**
 * Every difference between two exceljs snapshots that is not allowed: anything on an officer's
 * sheet other than the value and fill of a planned edit. Returns readable lines, empty when clean.
 */
export function forbiddenXlsxDifferences(before: Map<string, XlsxSheetSnap>, after: Map<string, XlsxSheetSnap>, plan: Plan): string[] {
  const edits = new Map(plan.edits.map((edit) => [editKey(edit), edit]));
  const problems: string[] = [];
  for (const [name, was] of before) {
    if (OWNED_SHEETS.includes(name)) continue;
    const now = after.get(name);
    if (!now) {
      problems.push(`sheet "${name}" is gone`);
      continue;
    }
    for (const key of ['state', 'index', 'autoFilter', 'views', 'protection', 'extras'] as const) {
      if (json(was[key]) !== json(now[key])) problems.push(`${name}: ${key} ${json(was[key])} → ${json(now[key])}`);
    }
    if (json(was.merges) !== json(now.merges)) problems.push(`${name}: merges ${json(was.merges)} → ${json(now.merges)}`);
    for (const r of new Set([...was.rows.keys(), ...now.rows.keys()])) {
      if (was.rows.get(r) !== now.rows.get(r)) problems.push(`${name}: row ${r} ${was.rows.get(r)} → ${now.rows.get(r)}`);
    }
    for (const c of new Set([...was.columns.keys(), ...now.columns.keys()])) {
      if (was.columns.get(c) !== now.columns.get(c)) problems.push(`${name}: column ${c} ${was.columns.get(c)} → ${now.columns.get(c)}`);
    }
    for (const address of new Set([...was.cells.keys(), ...now.cells.keys()])) {
      const a = was.cells.get(address);
      const b = now.cells.get(address);
      const edit = edits.get(`${name}!${address}`);
      if (edit) {
        // Value and fill may change; the rest of the cell's format must not.
        for (const key of ['numFmt', 'font', 'border', 'alignment', 'note'] as const) {
          if ((a?.[key] ?? 'undefined') !== (b?.[key] ?? 'undefined') && !(key === 'numFmt' && !a?.numFmt && !b?.numFmt)) {
            problems.push(`${name}!${address} (${edit.purpose}): ${key} ${a?.[key]} → ${b?.[key]}`);
          }
        }
        continue;
      }
      if (json(a) !== json(b)) problems.push(`${name}!${address}: ${json(a)} → ${json(b)}`);
    }
  }
  for (const name of after.keys()) {
    if (!before.has(name) && !OWNED_SHEETS.includes(name)) problems.push(`a sheet "${name}" appeared that KPI Tracker does not own`);
  }
  return problems;
}

/** The core model's view of a cell, as one comparable string. */
function modelCell(cell: Cell | undefined): string {
  if (!cell || (cell.value.kind === 'empty' && !cell.format && !cell.fill && cell.formula === undefined)) return '';
  return json({ value: cell.value, formula: cell.formula, format: cell.format, fill: cell.fill });
}

function modelCells(sheet: Sheet): Map<string, string> {
  const cells = new Map<string, string>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      const text = modelCell(cell);
      if (text) cells.set(cellAddress(r, c), text);
    }),
  );
  return cells;
}

/** Forbidden differences between two core-model workbooks (in-memory host). */
export function forbiddenModelDifferences(before: Workbook, after: Workbook, plan: Plan): string[] {
  const edits = new Map(plan.edits.map((edit) => [editKey(edit), edit]));
  const problems: string[] = [];
  before.sheets.forEach((was, index) => {
    if (OWNED_SHEETS.includes(was.name)) return;
    const now = after.sheets.find((sheet) => sheet.name === was.name);
    if (!now) {
      problems.push(`sheet "${was.name}" is gone`);
      return;
    }
    if (after.sheets.indexOf(now) !== index) problems.push(`sheet "${was.name}" moved from ${index} to ${after.sheets.indexOf(now)}`);
    const frame = (sheet: Sheet) =>
      json({
        visibility: sheet.visibility,
        isProtected: sheet.isProtected,
        merges: sheet.merges,
        hiddenRows: [...sheet.hiddenRows].sort(),
        hiddenColumns: [...sheet.hiddenColumns].sort(),
        tables: sheet.tables,
      });
    if (frame(was) !== frame(now)) problems.push(`${was.name}: ${frame(was)} → ${frame(now)}`);
    const a = modelCells(was);
    const b = modelCells(now);
    for (const address of new Set([...a.keys(), ...b.keys()])) {
      const edit = edits.get(`${was.name}!${address}`);
      if (edit) {
        const format = (text: string | undefined) => (text ? (JSON.parse(text) as { format?: string }).format : undefined);
        if (format(a.get(address)) !== format(b.get(address)))
          problems.push(`${was.name}!${address} (${edit.purpose}): number format changed`);
        continue;
      }
      if (a.get(address) !== b.get(address))
        problems.push(`${was.name}!${address}: ${a.get(address) ?? '(none)'} → ${b.get(address) ?? '(none)'}`);
    }
  });
  for (const sheet of after.sheets) {
    if (!before.sheets.some((s) => s.name === sheet.name) && !OWNED_SHEETS.includes(sheet.name))
      problems.push(`a sheet "${sheet.name}" appeared that KPI Tracker does not own`);
  }
  return problems;
}

/** The workbook's defined names (named ranges), which must survive a run. */
export function definedNames(excel: ExcelJS.Workbook): string {
  return json(excel.definedNames.model);
}

/** Every formula in a workbook, `Sheet!A1` → formula text. */
export function xlsxFormulas(snap: Map<string, XlsxSheetSnap>): Map<string, string> {
  const formulas = new Map<string, string>();
  for (const [name, sheet] of snap)
    for (const [address, cell] of sheet.cells)
      if (cell.formula !== undefined) formulas.set(`${name}!${address}`, `${cell.formula} = ${cell.value}`);
  return formulas;
}

/** The rows of the change log sheet below its header, as text. */
export function changeLogRows(excel: ExcelJS.Workbook): string[][] {
  const ws = excel.getWorksheet(CHANGE_LOG_SHEET);
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: string[] = [];
    for (let c = 1; c <= 7; c++) values.push(row.getCell(c).text);
    rows.push(values);
  });
  return rows;
}
