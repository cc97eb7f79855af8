import type { Detection } from '../core/detect/types';
import type { RunOptions } from '../core/run/run-kpi-tracker';
import { RunCancelled, type PaneCore, type RunOutcome, type RunStage } from './pane-core';
import type { PaneHost } from './pane-host';

export interface RunControl {
  /** Hears each stage as the run reaches it. */
  readonly onStage: (stage: RunStage) => void;
  /** True once the officer pressed Cancel. */
  readonly cancelled: () => boolean;
}

/**
 * One run from the task pane: the page reads the workbook (Office.js stays on the page), the
 * core finds the tables and plans the edits in its worker, and the page writes the plan. Until
 * writing starts it can be cancelled, and nothing is written; once writing has started it
 * finishes (a second run is safe: cells already right are left alone).
 */
export async function runOnPane(host: PaneHost, core: PaneCore, options: RunOptions, control: RunControl): Promise<RunOutcome> {
  const stopIfCancelled = () => {
    if (control.cancelled()) throw new RunCancelled();
  };
  control.onStage('reading');
  let workbook = await host.read();
  let detection: Detection | undefined;
  if (host.readForRun) {
    stopIfCancelled();
    control.onStage('finding tables');
    detection = await core.findTables(workbook);
    stopIfCancelled();
    workbook = await host.readForRun(workbook, detection);
  }
  stopIfCancelled();
  const outcome = await core.plan(workbook, detection ? { ...options, detection } : options, control.onStage);
  stopIfCancelled();
  if (outcome.plan.refusals.length === 0) {
    control.onStage('writing');
    // The pane shows that it is writing before the page is busy writing.
    await nextTask();
    await host.write(outcome.plan, workbook);
  }
  return outcome;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
