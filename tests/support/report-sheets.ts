import ExcelJS from 'exceljs';
import { ACTION_COLUMNS, ACTION_PLAN_SHEET } from '../../src/core/sheets/action-plan-sheet';
import { dateFromIso, type CalendarDate } from '../../src/core/model/serial-dates';
import { runCliCapture, type CliRun } from './cli';
import { samplePath, type SampleName } from './samples';

/**
 * Helpers for the report sheets (issue 5): run `pack` on a sample through the command line, read
 * the written sheets back with exceljs cell by cell, and find things on them as a reader would.
 */

/** The fixed run of each sample the report tests use: the day it is judged at, and its committee. */
export interface SampleRun {
  readonly sample: SampleName;
  readonly layout: string;
  readonly today: string;
  readonly committee: string;
  readonly meeting: string;
}

export const SAMPLE_RUNS: readonly SampleRun[] = [
  {
    sample: 'service-plan-quarterly',
    layout: 'A',
    today: '2024-11-20',
    committee: 'Regulatory and Support Services Committee',
    meeting: '15 January 2025',
  },
  {
    sample: 'service-delivery-plan-annual',
    layout: 'B',
    today: '2015-06-01',
    committee: 'Housing Services Scrutiny Panel',
    meeting: '2 July 2015',
  },
  { sample: 'kpi-return', layout: 'C', today: '2008-05-01', committee: 'Homemovers Steering Group', meeting: '20 May 2008' },
  { sample: 'inspection-action-plan', layout: 'E', today: '2010-11-01', committee: 'Board', meeting: '25 November 2010' },
];

export function calendar(iso: string): CalendarDate {
  const date = dateFromIso(iso);
  if (!date) throw new Error(`not a date: ${iso}`);
  return date;
}

/** `kpi-tracker pack <sample> -o <out> --today … --committee … --meeting …`, in-process. */
export async function packSample(run: SampleRun, out: string, extra: readonly string[] = []): Promise<CliRun> {
  return runCliCapture([
    'pack',
    samplePath(run.sample),
    '-o',
    out,
    '--today',
    run.today,
    '--committee',
    run.committee,
    '--meeting',
    run.meeting,
    ...extra,
  ]);
}

export async function readExcel(path: string): Promise<ExcelJS.Workbook> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(path);
  return excel;
}

/** What a reader sees in a cell: text as typed, numbers through their percentage format. */
export function shownText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const format = cell.numFmt ?? '';
    if (/^0(\.0+)?%$/.test(format)) return `${(value * 100).toFixed(format.includes('.') ? format.split('.')[1]!.length - 1 : 0)}%`;
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(cell.text);
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

/** A sheet cell by cell, for a golden file: every value (merged cells once, at their top-left) and every fill. */
export interface SheetGolden {
  readonly name: string;
  readonly cells: Record<string, string>;
  readonly fills: Record<string, string>;
}

export function sheetGolden(ws: ExcelJS.Worksheet): SheetGolden {
  const cells: Record<string, string> = {};
  const fills: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    // Empty cells too: a filled band with nothing written in it is still what the officer sees.
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = shownText(cell);
      if (text !== '') cells[cell.address] = text;
      const fill = fillOf(cell);
      if (fill) fills[cell.address] = fill;
    });
  });
  return { name: ws.name, cells, fills };
}

/** Rows as arrays of shown text (1-based row number → texts of columns A…), merged cells once. */
export function sheetRows(ws: ExcelJS.Worksheet, columns = 10): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const texts: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      texts.push(cell.isMerged && cell.master.address !== cell.address ? '' : shownText(cell));
    }
    rows[r] = texts;
  }
  return rows;
}

export function cellFill(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
  return fillOf(ws.getCell(row, col));
}

/** The 1-based row whose column A reads exactly `text`, searching from `from`. */
export function rowWith(ws: ExcelJS.Worksheet, text: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (shownText(ws.getCell(r, 1)) === text) return r;
  throw new Error(`No row of "${ws.name}" starts with "${text}"`);
}

/** A committee sheet's table: the rows under the header that follows `title`, up to the first blank row. */
export function tableUnder(
  ws: ExcelJS.Worksheet,
  title: string,
  columns = 8,
): { headerRow: number; header: string[]; rows: Array<{ row: number; cells: string[] }> } {
  const titleRow = rowWith(ws, title);
  const headerRow = titleRow + 1;
  const all = sheetRows(ws, columns);
  const rows: Array<{ row: number; cells: string[] }> = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const cells = all[r]!;
    if (cells.every((text) => text === '')) break;
    rows.push({ row: r, cells });
  }
  return { headerRow, header: all[headerRow]!, rows };
}

/**
 * A committee sheet's table read by its header: the header's titles (trailing empty columns cut off)
 * and each row as title → text, so tests need not know where an optional column falls.
 */
export function tableByHeader(
  ws: ExcelJS.Worksheet,
  title: string,
  columns = 10,
): { headerRow: number; header: string[]; rows: Array<{ row: number; cells: string[]; by: Record<string, string> }> } {
  const table = tableUnder(ws, title, columns);
  let width = table.header.length;
  while (width > 0 && table.header[width - 1] === '') width--;
  const header = table.header.slice(0, width);
  return {
    headerRow: table.headerRow,
    header,
    rows: table.rows.map(({ row, cells }) => ({ row, cells, by: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) })),
  };
}

/**
 * The status summary, which sits under the full table's Indicator, Target and Actual columns:
 * `offset` is how many columns lie to its left, `cells` each row's Status, Number and Share.
 */
export function summaryTable(ws: ExcelJS.Worksheet): {
  offset: number;
  headerRow: number;
  header: string[];
  rows: Array<{ row: number; before: string[]; cells: string[] }>;
} {
  const offset = tableByHeader(ws, 'All indicators').header.indexOf('Indicator');
  if (offset < 0) throw new Error(`"${ws.name}" has no Indicator column in its full table`);
  const table = tableUnder(ws, 'Summary', offset + 3);
  return {
    offset,
    headerRow: table.headerRow,
    header: table.header,
    rows: table.rows.map(({ row, cells }) => ({ row, before: cells.slice(0, offset), cells: cells.slice(offset) })),
  };
}

/** The action plan's blocks, read off the written sheet: each Ref with its rows (as text, column by column). */
export function actionPlanBlocks(ws: ExcelJS.Worksheet): Map<string, string[][]> {
  const headerRow = rowWith(ws, 'Ref');
  expect(sheetRows(ws, ACTION_COLUMNS.length)[headerRow]).toEqual([...ACTION_COLUMNS]);
  const blocks = new Map<string, string[][]>();
  const rows = sheetRows(ws, ACTION_COLUMNS.length);
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.every((text) => text === '')) continue;
    const list = blocks.get(cells[0]!) ?? [];
    list.push(cells);
    blocks.set(cells[0]!, list);
  }
  return blocks;
}

export function actionPlanSheet(excel: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = excel.getWorksheet(ACTION_PLAN_SHEET);
  if (!ws) throw new Error(`No "${ACTION_PLAN_SHEET}" sheet; sheets are ${excel.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

export function committeeSheets(excel: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return excel.worksheets.filter((ws) => ws.name.startsWith('Committee '));
}
