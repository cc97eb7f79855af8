/* global Excel */
import { detectWorkbook } from '../../core/detect/detect-workbook';
import type { Detection } from '../../core/detect/types';
import { statusColumnsToWrite } from '../../core/engine/published-rating';
import { cellAddress } from '../../core/model/address';
import type { Cell, Workbook } from '../../core/model/workbook';
import { runKpiTracker, type RunOptions, type RunResult } from '../../core/run/run-kpi-tracker';
import { readSettings } from '../../core/settings/settings-store';
import { applyPlanToExcel, type ExcelWriteReport } from './apply-plan-excel';
import { runExcel } from './excel-errors';
import { fillOfProperties, readWorkbookFromExcel } from './read-excel';

export interface ExcelRun {
  readonly result: RunResult;
  readonly write: ExcelWriteReport | null;
  /** Requests sent to Excel, reading and writing. */
  readonly syncs: number;
  /** True when the workbook has no mapping the officer confirmed. */
  readonly needsMapping: boolean;
}

/**
 * A large workbook's fills are not read with its values; read them now for the status cells
 * only, so a second run can see its own colours and change nothing. The task pane finds the
 * tables in its worker and passes them in.
 */
export async function readStatusFills(
  context: Excel.RequestContext,
  workbook: Workbook,
  detection: Detection = detectWorkbook(workbook, readSettings(workbook).settings),
): Promise<{ workbook: Workbook; detection: Detection }> {
  const wanted: Array<{ sheet: string; col: number; top: number; bottom: number }> = [];
  for (const table of detection.tables) {
    if (table.indicators.length === 0) continue;
    for (const status of statusColumnsToWrite(table))
      wanted.push({
        sheet: table.sheet,
        col: status.col,
        top: table.indicators[0]!.row,
        bottom: table.indicators[table.indicators.length - 1]!.row,
      });
  }
  if (wanted.length === 0) return { workbook, detection };
  const results = wanted.map((w) => ({
    ...w,
    result: context.workbook.worksheets
      .getItem(w.sheet)
      .getRange(`${cellAddress(w.top, w.col)}:${cellAddress(w.bottom, w.col)}`)
      .getCellProperties({ format: { fill: { color: true } } }),
  }));
  await context.sync();
  const bySheet = new Map(workbook.sheets.map((sheet) => [sheet.name, sheet]));
  for (const item of results) {
    const sheet = bySheet.get(item.sheet)!;
    const rows: (Cell | undefined)[][] = sheet.rows.map((row) => (row ? [...row] : []));
    item.result.value.forEach((properties, i) => {
      const fill = fillOfProperties(properties[0]);
      if (!fill) return;
      const row = (rows[item.top + i] ??= []);
      row[item.col] = { ...(row[item.col] ?? { value: { kind: 'empty' } }), fill };
    });
    bySheet.set(item.sheet, { ...sheet, rows });
  }
  return { workbook: { sheets: workbook.sheets.map((sheet) => bySheet.get(sheet.name)!) }, detection };
}

/**
 * Runs KPI Tracker on the open workbook: read it into the model, plan with the same pure core as
 * every other host, and write the plan. Refusals and a missing mapping write nothing.
 */
export async function runInExcel(options: RunOptions, requireConfirmedMapping: boolean): Promise<ExcelRun> {
  return runExcel(async (context) => {
    const read = await readWorkbookFromExcel(context);
    let syncs = read.syncs;
    let workbook = read.workbook;
    let detection: Detection | undefined;
    if (!read.fillsRead) {
      ({ workbook, detection } = await readStatusFills(context, workbook));
      syncs++;
    }
    const result = runKpiTracker(workbook, { ...options, ...(detection ? { detection } : {}) });
    // The run read the settings already; a run never changes the confirmed tables.
    const needsMapping = result.settings.tables.length === 0;
    if ((requireConfirmedMapping && needsMapping) || result.plan.refusals.length > 0) {
      return { result, write: null, syncs, needsMapping };
    }
    const write = await applyPlanToExcel(context, result.plan, workbook);
    return { result, write, syncs: syncs + write.syncs, needsMapping };
  });
}

/** Reads the open workbook only (for the pane's first view). */
export async function readOpenWorkbook(): Promise<Workbook> {
  return runExcel(async (context) => (await readWorkbookFromExcel(context)).workbook);
}
