import type { Workbook } from '../../core/model/workbook';
import type { Plan } from '../../core/plan/plan-types';
import { planSettingsSave } from '../../core/run/settings-plan';
import type { Settings } from '../../core/settings/settings-schema';
import type { PaneHost } from '../../taskpane/pane-host';
import { applyPlanInMemory } from './apply-plan';

/**
 * The workbench's host: an in-memory workbook in place of Excel. Changes are applied with the same
 * plans the Excel host writes; listeners (the grid) hear about every change. It returns the same
 * workbook object until something is written, so the pane's worker is sent it only once.
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

  async write(plan: Plan): Promise<void> {
    if (plan.refusals.length > 0) return;
    // The cells first, then the sheets it owns (a change log of thousands of rows), each in a task
    // of its own, as Excel takes a large plan in several requests: the page stays responsive.
    const edited = applyPlanInMemory(this.workbook, { ...plan, sheets: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.workbook = applyPlanInMemory(edited, { ...plan, edits: [] });
    this.emit();
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.workbook = applyPlanInMemory(this.workbook, planSettingsSave(this.workbook, settings, new Date().toISOString()));
    this.emit();
  }

  async select(sheet: string, address: string): Promise<void> {
    this.emit({ sheet, address });
  }
}
