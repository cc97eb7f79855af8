import type { Workbook } from '../core/model/workbook';
import { runKpiTracker, type RunOptions, type RunResult } from '../core/run/run-kpi-tracker';
import { planSettingsSave } from '../core/run/settings-plan';
import type { Settings } from '../core/settings/settings-schema';
import { applyPlanToExcel } from '../hosts/excel/apply-plan-excel';
import { runExcel } from '../hosts/excel/excel-errors';
import { runInExcel, readOpenWorkbook } from '../hosts/excel/excel-run';
import { readWorkbookFromExcel } from '../hosts/excel/read-excel';
import type { PaneHost } from './pane-host';

/** The pane's host inside Excel: every call is one Excel.run through the Excel host. */
export class ExcelPaneHost implements PaneHost {
  readonly kind = 'excel' as const;

  read(): Promise<Workbook> {
    return readOpenWorkbook();
  }

  async preview(options: RunOptions): Promise<RunResult> {
    return runKpiTracker(await readOpenWorkbook(), options);
  }

  async apply(options: RunOptions, onProgress?: (fraction: number) => void): Promise<RunResult> {
    onProgress?.(0.1);
    const run = await runInExcel(options, false);
    onProgress?.(1);
    return run.result;
  }

  async saveSettings(settings: Settings): Promise<void> {
    await runExcel(async (context) => {
      const { workbook } = await readWorkbookFromExcel(context);
      await applyPlanToExcel(context, planSettingsSave(workbook, settings), workbook);
    });
  }

  async select(sheet: string, address: string): Promise<void> {
    await runExcel(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}
