/* global Excel */
import { cellAddress, columnLetter } from '../../core/model/address';
import type { Workbook } from '../../core/model/workbook';
import type { CellEdit, OwnedSheet, Plan, PlanCell, PlanValue } from '../../core/plan/plan-types';
import { ExcelRunError } from './excel-errors';
import { excelLiteral } from './literal-text';
import { partialWriteError, type WriteStep } from './partial-write';
import { excelApiSupported, MERGED_AREAS_API, TOO_OLD_TO_WRITE } from './requirement-sets';
import { requestBytes, STEP_BUDGET_BYTES, WriteQueue } from './write-queue';

export { WRITE_BUDGET_BYTES } from './write-queue';

/** Column width in points for one character of Calibri 11. */
const POINTS_PER_CHARACTER = 7;
/** What one queued operation (and the proxies it names) adds to a request, as a generous estimate. */
const BYTES_PER_WRITE = 400;

type Cellish = string | number | boolean;
type Queue = WriteQueue<WriteStep>;

function valueFor(value: PlanValue): Cellish {
  switch (value.kind) {
    case 'text':
      return excelLiteral(value.text);
    case 'number':
      return value.value;
    case 'empty':
      return '';
  }
}

/** Contiguous edits of one column and purpose become one rectangular write. */
function runsOf(edits: readonly CellEdit[]): CellEdit[][] {
  const sorted = [...edits].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  const runs: CellEdit[][] = [];
  for (const edit of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.sheet === edit.sheet && last.col === edit.col && last.row + 1 === edit.row && last.purpose === edit.purpose)
      run.push(edit);
    else runs.push([edit]);
  }
  return runs;
}

function formatOf(cell: PlanCell | undefined): Excel.CellPropertiesFormat {
  const format: Excel.CellPropertiesFormat = { verticalAlignment: 'Top' };
  if (!cell) return format;
  if (cell.wrap) format.wrapText = true;
  if (cell.fill) format.fill = { color: cell.fill };
  if (cell.bold || cell.italic || cell.fontColour || cell.size) {
    format.font = {
      ...(cell.bold ? { bold: true } : {}),
      ...(cell.italic ? { italic: true } : {}),
      ...(cell.fontColour ? { color: cell.fontColour } : {}),
      ...(cell.size ? { size: cell.size } : {}),
    };
  }
  if (cell.align) format.horizontalAlignment = cell.align === 'centre' ? 'Center' : cell.align === 'left' ? 'Left' : 'Right';
  if (cell.border) {
    const thin = { style: 'Continuous', color: '#BFBFBF' } as Excel.CellBorder;
    format.borders = { top: thin, bottom: thin, left: thin, right: thin };
  }
  return format;
}

/** Rows of an owned sheet as the three arrays one rectangular write sends, and their weight. */
interface RowBlock {
  readonly values: Cellish[][];
  readonly formats: Excel.SettableCellProperties[][];
  readonly numberFormats: string[][];
  readonly bytes: number;
}

function rowBlock(rows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>>, width: number): RowBlock {
  const values = rows.map((row) => Array.from({ length: width }, (_, c) => (row[c] ? valueFor(row[c]!.value) : '')));
  const formats = rows.map((row) => Array.from({ length: width }, (_, c) => ({ format: formatOf(row[c]) })));
  const numberFormats = rows.map((row) => Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? 'General'));
  return { values, formats, numberFormats, bytes: requestBytes(values) + requestBytes(formats) + requestBytes(numberFormats) };
}

/** Cuts rows into blocks of at most STEP_BUDGET_BYTES each, measured (a long text weighs what it weighs). */
function rowBlocks(rows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>>, width: number): Array<{ start: number; block: RowBlock }> {
  const blocks: Array<{ start: number; block: RowBlock }> = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r <= rows.length; r++) {
    const weight = r < rows.length ? rowBlock([rows[r]!], width).bytes : 0;
    if (r === rows.length || (r > start && bytes + weight > STEP_BUDGET_BYTES)) {
      if (r > start) blocks.push({ start, block: rowBlock(rows.slice(start, r), width) });
      start = r;
      bytes = 0;
    }
    bytes += weight;
  }
  return blocks;
}

function writeBlock(sheet: Excel.Worksheet, firstRow: number, width: number, block: RowBlock, rowHeights?: readonly number[]): void {
  const address = `A${firstRow + 1}:${columnLetter(width - 1)}${firstRow + block.values.length}`;
  const range = sheet.getRange(address);
  range.numberFormat = block.numberFormats;
  range.values = block.values;
  range.setCellProperties(block.formats);
  if (rowHeights) range.setRowProperties(rowHeights.map((height) => ({ format: { rowHeight: height } })));
}

const widthOf = (owned: OwnedSheet) => Math.max(1, ...owned.rows.map((row) => row.length));

/** Gets, empties or (re)creates an owned sheet, ready for its rows; says where they start. */
async function openOwnedSheet(
  context: Excel.RequestContext,
  queue: Queue,
  owned: OwnedSheet,
  existing: Workbook,
): Promise<{ sheet: Excel.Worksheet; firstRow: number; isNew: boolean }> {
  const present = existing.sheets.find((sheet) => sheet.name === owned.name);
  if (present && owned.mode === 'append') {
    return { sheet: context.workbook.worksheets.getItem(owned.name), firstRow: present.rows.length, isNew: false };
  }
  if (present && present.visibility === 'veryHidden') {
    // Excel refuses to delete a very hidden sheet, so the settings sheet is emptied and rewritten.
    const sheet = context.workbook.worksheets.getItem(owned.name);
    await queue.add(0, () => sheet.getRange().clear('All'));
    return { sheet, firstRow: 0, isNew: false };
  }
  let sheet!: Excel.Worksheet;
  await queue.add(0, () => {
    if (present) context.workbook.worksheets.getItem(owned.name).delete();
    sheet = context.workbook.worksheets.add(owned.name);
    // A rebuilt sheet keeps its place among the tabs.
    if (present) sheet.position = existing.sheets.indexOf(present);
  });
  return { sheet, firstRow: 0, isNew: true };
}

/** Column widths, merges, frozen rows, print setup, chart and visibility of a new or rebuilt sheet. */
async function finishOwnedSheet(queue: Queue, sheet: Excel.Worksheet, owned: OwnedSheet, position?: number): Promise<void> {
  await queue.add(1000, () => {
    if (owned.columnWidths) {
      const widths = owned.columnWidths;
      sheet
        .getRange(`A1:${columnLetter(widths.length - 1)}1`)
        .setColumnProperties(widths.map((w) => ({ format: { columnWidth: w * POINTS_PER_CHARACTER } })));
    }
    for (const merge of owned.merges ?? []) sheet.getRange(merge).merge(false);
    if (owned.freezeRows) sheet.freezePanes.freezeRows(owned.freezeRows);
    if (owned.print) {
      sheet.pageLayout.orientation = owned.print.landscape ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
      if (owned.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (owned.print.repeatRows) sheet.pageLayout.setPrintTitleRows(`$${owned.print.repeatRows[0]}:$${owned.print.repeatRows[1]}`);
      if (owned.print.footer) {
        sheet.pageLayout.headersFooters.defaultForAllPages.leftFooter = owned.print.footer.replace(/&/g, '&&');
        sheet.pageLayout.headersFooters.defaultForAllPages.rightFooter = 'Page &P of &N';
      }
    }
    if (owned.chart) {
      const chart = sheet.charts.add(
        Excel.ChartType.barClustered,
        sheet.getRange(`${owned.chart.labelsRange.split(':')[0]}:${owned.chart.valuesRange.split(':')[1]}`),
        Excel.ChartSeriesBy.columns,
      );
      chart.title.text = owned.chart.title;
      chart.legend.visible = false;
      // Beside the summary, over the cells the plan keeps free for it.
      const { from, to } = owned.chart;
      chart.setPosition(
        `${columnLetter(from.col)}${from.row + 1}`,
        `${columnLetter(Math.max(from.col, to.col - 1))}${Math.max(from.row, to.row - 1) + 1}`,
      );
    }
    sheet.visibility = owned.visibility === 'veryHidden' ? Excel.SheetVisibility.veryHidden : Excel.SheetVisibility.visible;
    if (position !== undefined) sheet.position = position;
  });
}

async function writeOwnedSheet(context: Excel.RequestContext, queue: Queue, owned: OwnedSheet, existing: Workbook): Promise<void> {
  const { sheet, firstRow, isNew } = await openOwnedSheet(context, queue, owned, existing);
  const width = widthOf(owned);
  for (const { start, block } of rowBlocks(owned.rows, width)) {
    const heights = owned.rowHeights ? block.values.map((_, i) => owned.rowHeights![start + i] ?? 15) : undefined;
    await queue.add(block.bytes + 4 * BYTES_PER_WRITE, () => writeBlock(sheet, firstRow + start, width, block, heights));
  }
  if (isNew || owned.mode === 'replace') await finishOwnedSheet(queue, sheet, owned);
  queue.mark({ kind: 'sheet', name: owned.name });
}

/**
 * The change log's rows, told apart: the header (when the log is new), one row per edit in the
 * plan's order (src/core/plan/change-log.ts), then one per rebuilt sheet.
 */
function changeLogParts(plan: Plan): { log: OwnedSheet; header: number; rebuilt: number } | undefined {
  const index = plan.sheets.findIndex((sheet) => sheet.purpose === 'change-log');
  const log = plan.sheets[index];
  if (!log) return undefined;
  // The sheets rebuilt this run come before the log in the plan; each has one row at its end.
  const rebuilt = index;
  const header = log.rows.length - plan.edits.length - rebuilt;
  if (header < 0 || header > 1) throw new Error(`The change log has ${log.rows.length} rows for ${plan.edits.length} edits.`);
  return { log, header, rebuilt };
}

/** A step: consecutive edits of the plan, no heavier together with their change-log rows than a step may be. */
function editSteps(plan: Plan, logWidth: number, logRows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>> | undefined, header: number) {
  const steps: Array<{ start: number; end: number }> = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i <= plan.edits.length; i++) {
    let weight = 0;
    if (i < plan.edits.length) {
      const edit = plan.edits[i]!;
      weight = requestBytes([valueFor(edit.value)]) + (edit.fill ? requestBytes({ format: { fill: { color: edit.fill } } }) : 8);
      if (logRows) weight += rowBlock([logRows[header + i]!], logWidth).bytes;
    }
    if (i === plan.edits.length || (i > start && bytes + weight > STEP_BUDGET_BYTES)) {
      if (i > start) steps.push({ start, end: i });
      start = i;
      bytes = 0;
    }
    bytes += weight;
  }
  return steps;
}

export interface ExcelWriteReport {
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly notes: readonly string[];
}

/**
 * Writes a plan into the open workbook: the status and commentary cells, each step of them in one
 * request with the change-log rows that record them; then the sheets KPI Tracker owns. Text is
 * always literal. Nothing is written when the plan has refusals. When Excel stops part-way the error
 * says exactly which cells and sheets were written, and the change log holds a row for each of
 * those cells and none for any other.
 */
export async function applyPlanToExcel(context: Excel.RequestContext, plan: Plan, existing: Workbook): Promise<ExcelWriteReport> {
  if (plan.refusals.length > 0) return { syncs: 0, largestRequestBytes: 0, notes: [] };
  // Without merged areas the plan could write into a cell merged over two indicators.
  if ((plan.edits.length > 0 || plan.sheets.length > 0) && !excelApiSupported(MERGED_AREAS_API))
    throw new ExcelRunError({ code: 'ExcelTooOld', message: TOO_OLD_TO_WRITE });
  const queue: Queue = new WriteQueue(context);
  try {
    await writePlan(context, queue, plan, existing);
    await queue.flush();
  } catch (error) {
    throw partialWriteError(error, plan, queue.written);
  }
  return { syncs: queue.syncs, largestRequestBytes: queue.largestRequest, notes: [] };
}

async function writePlan(context: Excel.RequestContext, queue: Queue, plan: Plan, existing: Workbook): Promise<void> {
  const logParts = changeLogParts(plan);
  const logWidth = logParts ? widthOf(logParts.log) : 1;
  let log: { sheet: Excel.Worksheet; next: number; isNew: boolean } | undefined;
  const openLog = async () => {
    if (!logParts) return undefined;
    if (!log) {
      const opened = await openOwnedSheet(context, queue, logParts.log, existing);
      log = { sheet: opened.sheet, next: opened.firstRow, isNew: opened.isNew };
      if (logParts.header > 0) await appendLogRows(logParts.log.rows.slice(0, logParts.header));
    }
    return log;
  };
  const appendLogRows = async (rows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>>) => {
    const opened = await openLog();
    if (!opened || rows.length === 0) return;
    for (const { start, block } of rowBlocks(rows, logWidth)) {
      const at = opened.next + start;
      await queue.add(block.bytes + 3 * BYTES_PER_WRITE, () => writeBlock(opened.sheet, at, logWidth, block));
    }
    opened.next += rows.length;
  };

  for (const step of editSteps(plan, logWidth, logParts?.log.rows, logParts?.header ?? 0)) {
    const edits = plan.edits.slice(step.start, step.end);
    const opened = await openLog();
    const logRows = logParts ? logParts.log.rows.slice(logParts.header + step.start, logParts.header + step.end) : [];
    const logBlock = logRows.length > 0 ? rowBlock(logRows, logWidth) : undefined;
    const writes = runsOf(edits).map((run) => {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const values = run.map((edit) => [valueFor(edit.value)]);
      const fills = run.some((edit) => edit.fill)
        ? run.map((edit) => [{ format: edit.fill ? { fill: { color: edit.fill } } : {} }])
        : undefined;
      return { sheet: first.sheet, address: `${cellAddress(first.row, first.col)}:${cellAddress(last.row, last.col)}`, values, fills };
    });
    const bytes =
      writes.reduce((sum, w) => sum + requestBytes(w.values) + (w.fills ? requestBytes(w.fills) : 0) + 3 * BYTES_PER_WRITE, 0) +
      (logBlock ? logBlock.bytes + 3 * BYTES_PER_WRITE : 0);
    const logAt = opened?.next ?? 0;
    // The cells and the rows recording them go in one request: both land, or neither.
    await queue.add(
      bytes,
      () => {
        for (const write of writes) {
          const range = context.workbook.worksheets.getItem(write.sheet).getRange(write.address);
          range.values = write.values;
          if (write.fills) range.setCellProperties(write.fills);
        }
        if (opened && logBlock) writeBlock(opened.sheet, logAt, logWidth, logBlock);
      },
      { kind: 'edits', edits },
    );
    if (opened) opened.next += logRows.length;
  }

  // New sheets rebuilt after a new log was added go after it; the log goes back to the end, where
  // it would have been had it been added last (the settings sheet, very hidden, may follow).
  const logAddedFirst = log?.isNew === true;
  const newSheetsUpToLog = plan.sheets
    .slice(0, logParts ? plan.sheets.indexOf(logParts.log) + 1 : 0)
    .filter((owned) => !existing.sheets.some((sheet) => sheet.name === owned.name)).length;
  for (const owned of plan.sheets) {
    if (owned === logParts?.log) {
      const opened = await openLog();
      await appendLogRows(owned.rows.slice(owned.rows.length - logParts.rebuilt));
      if (opened?.isNew) {
        const moveToEnd = logAddedFirst && newSheetsUpToLog > 1 ? existing.sheets.length + newSheetsUpToLog - 1 : undefined;
        await finishOwnedSheet(queue, opened.sheet, owned, moveToEnd);
      }
      queue.mark({ kind: 'sheet', name: owned.name });
    } else {
      await writeOwnedSheet(context, queue, owned, existing);
    }
  }
}
