/*
 * Ribbon commands of the shared runtime. This module is loaded by taskpane.html alongside the
 * pane (one page, one runtime), so a command and the pane see the same state.
 *
 * A ribbon button's handler sits in `ribbonCommands` under the name used as <FunctionName> in
 * manifest.xml; tests/manifest holds the two lists to each other. The wrapper below always tells
 * Office the command has finished, even when the handler fails.
 */
import '../shared/zod-no-eval';
import type { RunOptions } from '../core/run/run-kpi-tracker';
import { runInExcel } from '../hosts/excel/excel-run';
import { ExcelRunError } from '../hosts/excel/excel-errors';
import { postNotice, requestView } from '../shared/pane-bridge';
import { todayHere } from '../shared/today';

export type RibbonCommand = (event: Office.AddinCommands.Event) => Promise<void>;

type Steps = RunOptions['steps'];

async function showPane(): Promise<void> {
  if (typeof Office !== 'undefined' && Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane();
}

/**
 * One click: run on the open workbook. Without a confirmed mapping, open the pane at the mapping
 * step rather than guess; on a refusal or a failure, open the pane with the reason.
 */
export async function runFromRibbon(label: string, steps: Steps): Promise<void> {
  try {
    const run = await runInExcel({ today: todayHere(), now: new Date().toISOString(), command: `${label} (ribbon)`, steps }, true);
    if (run.needsMapping) {
      requestView('mapping');
      postNotice({
        intent: 'info',
        title: 'Set up this workbook first',
        message: `KPI Tracker has not been set up for this workbook yet. Check how its tables were read and confirm, then choose ${label} again.`,
      });
      await showPane();
      return;
    }
    if (run.result.plan.refusals.length > 0) {
      postNotice({
        intent: 'error',
        title: `${label}: nothing was written`,
        message: run.result.plan.refusals.map((refusal) => refusal.message).join(' '),
      });
      await showPane();
      return;
    }
    const edits = run.result.plan.edits.length;
    const sheets = run.result.plan.sheets.filter((sheet) => sheet.visibility === 'visible').map((sheet) => `"${sheet.name}"`);
    postNotice({
      intent: 'success',
      title: `${label}: done`,
      message:
        edits === 0 && sheets.length === 0
          ? 'Nothing needed to change.'
          : `${edits} cell${edits === 1 ? '' : 's'} changed${sheets.length ? `; updated ${sheets.join(', ')}` : ''}.`,
    });
  } catch (error) {
    const message = error instanceof ExcelRunError ? error.problem.message : error instanceof Error ? error.message : String(error);
    postNotice({ intent: 'error', title: `${label} did not finish`, message });
    await showPane();
  }
}

/** Every ExecuteFunction command of the ribbon, by its manifest FunctionName. */
export const ribbonCommands: Record<string, RibbonCommand> = {
  recalculateStatus: () => runFromRibbon('Recalculate status', { statuses: true, actionPlan: false, committee: false }),
  generateCommitteeSheet: () => runFromRibbon('Generate committee sheet', { statuses: false, actionPlan: false, committee: true }),
  buildActionPlan: () => runFromRibbon('Build action plan', { statuses: false, actionPlan: true, committee: false }),
};

function runToCompletion(name: string, command: RibbonCommand): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    command(event)
      .catch((error: unknown) => {
        console.error(`KPI Tracker: the ribbon command ${name} failed.`, error);
      })
      .finally(() => event.completed());
  };
}

/** Associates each entry of `ribbonCommands` with Office; returns the names registered. */
export function registerRibbonCommands(): string[] {
  const names = Object.keys(ribbonCommands);
  for (const name of names) {
    const command = ribbonCommands[name];
    if (command) Office.actions.associate(name, runToCompletion(name, command));
  }
  return names;
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    registerRibbonCommands();
  });
}
