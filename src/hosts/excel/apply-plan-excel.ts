/* global Excel */
import { cellAddress, columnLetter } from '../../core/model/address';
import type { Workbook } from '../../core/model/workbook';
import type { CellEdit, OwnedSheet, Plan, PlanCell, PlanValue } from '../../core/plan/plan-types';
import { excelLiteral } from './literal-text';

/** Excel on the web refuses requests over 5 MB; the plan is sent in parts well under that. */
export const WRITE_BUDGET_BYTES = 4_500_000;
/** What one queued operation costs beyond its data, as a generous estimate. */
const BYTES_PER_OPERATION = 400;
/** Column width in points for one character of Calibri 11. */
const POINTS_PER_CHARACTER = 7;

type Cellish = string | number | boolean;

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

/**
 * Queues writes and sends them when the next one would take the request past the budget, so a
 * plan of any size goes in as few requests as the limit allows; a small plan goes in one.
 */
class WriteQueue {
  private bytes = 0;
  syncs = 0;
  largestRequest = 0;

  constructor(private readonly context: Excel.RequestContext) {}

  async add(estimatedBytes: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + estimatedBytes > WRITE_BUDGET_BYTES) await this.flush();
    // Calculation waits while a request's writes land; queued with the first write of each request
    // only, so nothing is left over for an extra request at the end.
    if (this.bytes === 0) this.context.application.suspendApiCalculationUntilNextSync();
    queue();
    this.bytes += estimatedBytes + BYTES_PER_OPERATION;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.largestRequest = Math.max(this.largestRequest, this.bytes);
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
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

async function writeOwnedSheet(context: Excel.RequestContext, queue: WriteQueue, owned: OwnedSheet, existing: Workbook): Promise<string[]> {
  const notes: string[] = [];
  const present = existing.sheets.find((sheet) => sheet.name === owned.name);
  let sheet: Excel.Worksheet;
  let firstRow = 0;
  const position = existing.sheets.indexOf(present!);
  if (present && owned.mode === 'append') {
    sheet = context.workbook.worksheets.getItem(owned.name);
    firstRow = present.rows.length;
  } else if (present && present.visibility === 'veryHidden') {
    // Excel refuses to delete a very hidden sheet, so the settings sheet is emptied and rewritten.
    sheet = context.workbook.worksheets.getItem(owned.name);
    const target = sheet;
    await queue.add(0, () => target.getRange().clear('All'));
  } else {
    if (present) await queue.add(0, () => context.workbook.worksheets.getItem(owned.name).delete());
    sheet = context.workbook.worksheets.add(owned.name);
    // A rebuilt sheet keeps its place among the tabs.
    if (present) sheet.position = position;
  }
  const width = Math.max(1, ...owned.rows.map((row) => row.length));
  const height = owned.rows.length;
  if (height > 0) {
    // Rows go in blocks small enough for one request each.
    const perRow = Math.max(1, width * 120);
    const rowsPerBlock = Math.max(1, Math.floor(WRITE_BUDGET_BYTES / 2 / perRow));
    for (let start = 0; start < height; start += rowsPerBlock) {
      const slice = owned.rows.slice(start, start + rowsPerBlock);
      const address = `A${firstRow + start + 1}:${columnLetter(width - 1)}${firstRow + start + slice.length}`;
      const values = slice.map((row) => Array.from({ length: width }, (_, c) => (row[c] ? valueFor(row[c]!.value) : '')));
      const formats = slice.map((row) => Array.from({ length: width }, (_, c) => ({ format: formatOf(row[c]) })));
      const numberFormats = slice.map((row) => Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? 'General'));
      const bytes = JSON.stringify(values).length + JSON.stringify(formats).length + JSON.stringify(numberFormats).length;
      await queue.add(bytes, () => {
        const range = sheet.getRange(address);
        range.numberFormat = numberFormats;
        range.values = values;
        range.setCellProperties(formats);
        if (owned.rowHeights) {
          range.setRowProperties(slice.map((_, i) => ({ format: { rowHeight: owned.rowHeights![start + i] ?? 15 } })));
        }
      });
    }
  }
  if (!present || owned.mode === 'replace') {
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
    });
  }
  return notes;
}

export interface ExcelWriteReport {
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly notes: readonly string[];
}

/**
 * Writes a plan into the open workbook: status and commentary cells in rectangular runs, then the
 * sheets KPI Tracker owns. Text is always literal. Nothing is written when the plan has refusals.
 */
export async function applyPlanToExcel(context: Excel.RequestContext, plan: Plan, existing: Workbook): Promise<ExcelWriteReport> {
  if (plan.refusals.length > 0) return { syncs: 0, largestRequestBytes: 0, notes: [] };
  const queue = new WriteQueue(context);
  for (const run of runsOf(plan.edits)) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const address = `${cellAddress(first.row, first.col)}:${cellAddress(last.row, last.col)}`;
    const values = run.map((edit) => [valueFor(edit.value)]);
    const fills = run.some((edit) => edit.fill)
      ? run.map((edit) => [{ format: edit.fill ? { fill: { color: edit.fill } } : {} }])
      : undefined;
    const bytes = JSON.stringify(values).length + (fills ? JSON.stringify(fills).length : 0);
    await queue.add(bytes, () => {
      const range = context.workbook.worksheets.getItem(first.sheet).getRange(address);
      range.values = values;
      if (fills) range.setCellProperties(fills);
    });
  }
  const notes: string[] = [];
  for (const owned of plan.sheets) notes.push(...(await writeOwnedSheet(context, queue, owned, existing)));
  await queue.flush();
  return { syncs: queue.syncs, largestRequestBytes: queue.largestRequest, notes };
}
