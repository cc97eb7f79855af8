import { ACTION_PLAN_SHEET } from '../core/sheets/action-plan-sheet';
import type { Notice } from '../core/plan/plan-types';
import type { RunResult } from '../core/run/run-kpi-tracker';
import { committeeSheetName } from '../core/sheets/committee-sheet';
import type { Issue } from '../core/model/issue';

export interface PreviewSummary {
  readonly statusCells: number;
  readonly commentaryCells: number;
  /** The actions the action plan would hold: one for each indicator that missed, and the workbook's own. */
  readonly actionBlocks: number;
  /** False when the action-plan sheet already reads exactly as it would be rebuilt. */
  readonly actionPlanChanges: boolean;
  /** The committee sheet a run would build, or null without a period. */
  readonly committeeSheet: string | null;
  readonly committeeChanges: boolean;
  readonly notices: readonly Notice[];
  /** Reasons nothing may be written. */
  readonly refusals: readonly Issue[];
}

/** What a run of all three steps would do, counted from its plan. */
export function summarisePreview(result: RunResult): PreviewSummary {
  const { plan } = result;
  return {
    statusCells: plan.edits.filter((edit) => edit.purpose === 'status').length,
    commentaryCells: plan.edits.filter((edit) => edit.purpose === 'commentary').length,
    actionBlocks: result.actions.length,
    actionPlanChanges: plan.sheets.some((sheet) => sheet.name === ACTION_PLAN_SHEET),
    committeeSheet: result.reportPeriod ? committeeSheetName(result.reportPeriod) : null,
    committeeChanges: plan.sheets.some((sheet) => sheet.purpose === 'committee'),
    notices: plan.notices,
    refusals: plan.refusals,
  };
}
