import type { Detection } from '../core/detect/types';
import type { Workbook } from '../core/model/workbook';
import type { Plan } from '../core/plan/plan-types';
import { planSettingsSave } from '../core/run/settings-plan';
import type { Settings } from '../core/settings/settings-schema';
import { applyPlanToExcel } from '../hosts/excel/apply-plan-excel';
import { runExcel } from '../hosts/excel/excel-errors';
import { readStatusFills } from '../hosts/excel/excel-run';
import { readWorkbookFromExcel } from '../hosts/excel/read-excel';
import type { PaneHost } from './pane-host';

/** The pane's host inside Excel: every call is one Excel.run through the Excel host. */
export class ExcelPaneHost implements PaneHost {
  readonly kind = 'excel' as const;
  /** Workbooks read with their status cells' fills (small ones are read whole). */
  private readonly withFills = new WeakSet<Workbook>();

  read(): Promise<Workbook> {
    return runExcel(async (context) => {
      const { workbook, fillsRead } = await readWorkbookFromExcel(context);
      if (fillsRead) this.withFills.add(workbook);
      return workbook;
    });
  }

  async readForRun(workbook: Workbook, detection: Detection): Promise<Workbook> {
    if (this.withFills.has(workbook)) return workbook;
    return runExcel(async (context) => (await readStatusFills(context, workbook, detection)).workbook);
  }

  async write(plan: Plan, workbook: Workbook): Promise<void> {
    await runExcel(async (context) => {
      await applyPlanToExcel(context, plan, workbook);
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    await runExcel(async (context) => {
      const { workbook } = await readWorkbookFromExcel(context);
      await applyPlanToExcel(context, planSettingsSave(workbook, settings, new Date().toISOString()), workbook);
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
