import type { Workbook } from '../../core/model/workbook';
import { runKpiTracker, type RunOptions, type RunResult } from '../../core/run/run-kpi-tracker';
import { planSettingsSave } from '../../core/run/settings-plan';
import type { Settings } from '../../core/settings/settings-schema';
import type { PaneHost } from '../../taskpane/pane-host';
import { applyPlanInMemory } from './apply-plan';

/**
 * The workbench's host: an in-memory workbook in place of Excel. Changes are applied with the same
 * plans the Excel host writes; listeners (the grid) hear about every change.
 */
export class MemoryPaneHost implements PaneHost {
  readonly kind = 'workbench' as const;
  private listeners = new Set<(workbook: Workbook, selection?: { sheet: string; address: string }) => void>();

  constructor(private workbook: Workbook) {}

  current(): Workbook {
    return this.workbook;
  }

  onChange(listener: (workbook: Workbook, selection?: { sheet: string; address: string }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(selection?: { sheet: string; address: string }): void {
    for (const listener of this.listeners) listener(this.workbook, selection);
  }

  async read(): Promise<Workbook> {
    return this.workbook;
  }

  async preview(options: RunOptions): Promise<RunResult> {
    return runKpiTracker(this.workbook, options);
  }

  async apply(options: RunOptions, onProgress?: (fraction: number) => void): Promise<RunResult> {
    const result = runKpiTracker(this.workbook, options);
    onProgress?.(0.5);
    this.workbook = applyPlanInMemory(this.workbook, result.plan);
    onProgress?.(1);
    this.emit();
    return result;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.workbook = applyPlanInMemory(this.workbook, planSettingsSave(this.workbook, settings));
    this.emit();
  }

  async select(sheet: string, address: string): Promise<void> {
    this.emit({ sheet, address });
  }
}
