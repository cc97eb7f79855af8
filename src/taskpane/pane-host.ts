import type { Detection } from '../core/detect/types';
import type { Workbook } from '../core/model/workbook';
import type { Plan } from '../core/plan/plan-types';
import type { Settings } from '../core/settings/settings-schema';

/**
 * What the task pane needs from wherever the workbook lives: Excel (Office.js) in the add-in,
 * or an in-memory workbook in the browser workbench. The pane is the same React code for both.
 * A host reads and writes; the judging is the core's (pane-core.ts), away from the page.
 */
export interface PaneHost {
  /** "Excel" or "Workbench", for the pane's wording. */
  readonly kind: 'excel' | 'workbench';
  /** Reads the workbook as it is now. */
  read(): Promise<Workbook>;
  /**
   * What a run needs that `read` left out, read once the tables are known: in Excel, the fills
   * of the status cells of a workbook too large to read them all with its values.
   */
  readForRun?(workbook: Workbook, detection: Detection): Promise<Workbook>;
  /** Writes a plan the core made from `workbook`, as read. */
  write(plan: Plan, workbook: Workbook): Promise<void>;
  /** Saves settings (the confirmed mapping, labels, templates…) into the workbook. */
  saveSettings(settings: Settings): Promise<void>;
  /** Selects a range so the officer sees it, e.g. `'KPIs 2024-25'!A4:I4`. */
  select(sheet: string, address: string): Promise<void>;
}
