import type { Workbook } from '../core/model/workbook';
import type { RunOptions, RunResult } from '../core/run/run-kpi-tracker';
import type { Settings } from '../core/settings/settings-schema';

/**
 * What the task pane needs from wherever the workbook lives: Excel (Office.js) in the add-in,
 * or an in-memory workbook in the browser workbench. The pane is the same React code for both.
 */
export interface PaneHost {
  /** "Excel" or "Workbench", for the pane's wording. */
  readonly kind: 'excel' | 'workbench';
  /** Reads the workbook as it is now. */
  read(): Promise<Workbook>;
  /** Plans a run without writing anything (the preview). */
  preview(options: RunOptions): Promise<RunResult>;
  /** Plans and writes a run; `onProgress` gets 0–1. */
  apply(options: RunOptions, onProgress?: (fraction: number) => void): Promise<RunResult>;
  /** Saves settings (the confirmed mapping, labels, templates…) into the workbook. */
  saveSettings(settings: Settings): Promise<void>;
  /** Selects a range so the officer sees it, e.g. `'KPIs 2024-25'!A4:I4`. */
  select(sheet: string, address: string): Promise<void>;
}
