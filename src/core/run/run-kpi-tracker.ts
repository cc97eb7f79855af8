import { buildActionPlan, type ActionPlanRow } from '../sheets/action-plan-sheet';
import { actionStatusReader } from '../sheets/action-due-text';
import type { Detection } from '../detect/types';
import type { IndicatorVerdict } from '../engine/indicator-verdict';
import { DEFAULT_TOLERANCE, type Tolerance } from '../engine/tolerance';
import type { CalendarDate } from '../model/serial-dates';
import type { Workbook } from '../model/workbook';
import type { OwnedSheet, Plan } from '../plan/plan-types';
import { finalisePlan, latestPeriodWithData, officerCommentary, planRecalculation, type ChosenVerdict } from '../plan/recalc-plan';
import { buildCommitteeSheet, type CommitteeDetails } from '../sheets/committee-sheet';
import { indicatorGroups } from '../sheets/committee-groups';
import { lastYearFigures } from '../sheets/last-year';
import type { Settings } from '../settings/settings-schema';
import { judgeWorkbook } from './judge-workbook';

export interface RunOptions {
  readonly today: CalendarDate;
  readonly period?: string;
  /** ISO date-time of the run, for the change log. */
  readonly now: string;
  readonly command: string;
  /** What to do; `recalc` alone is "Recalculate status". */
  readonly steps: { readonly statuses: boolean; readonly actionPlan: boolean; readonly committee: boolean };
  readonly includeNearMisses?: boolean;
  /** Committee details given for this run; saved details fill the gaps. */
  readonly committee?: CommitteeDetails;
  /**
   * The tables already found in this workbook by the host (detection reads values only, so fills
   * read since do not change it); saves finding them twice in a large workbook.
   */
  readonly detection?: Detection;
}

export interface RunResult {
  readonly plan: Plan;
  readonly detection: Detection;
  readonly verdicts: readonly IndicatorVerdict[];
  readonly chosen: readonly ChosenVerdict[];
  readonly settings: Settings;
  /**
   * The period the whole run is about (asked for, or the latest with figures): the status cells,
   * commentary, action plan, committee sheet and change log all tell of it. Null where no
   * indicator has figures for any period.
   */
  readonly reportPeriod: string | null;
  readonly actions: readonly ActionPlanRow[];
  /** Each indicator's verdict as the committee sheet shows it; empty when no committee sheet was built. */
  readonly committeeVerdicts: readonly IndicatorVerdict[];
}

/** The period a run reports on when none is asked for (see `latestPeriodWithData` in recalc-plan). */
export { latestPeriodWithData };

/**
 * One run of KPI Tracker as a pure step: read the settings kept in the workbook, find the
 * tables, judge every indicator, and plan the edits the chosen steps make. Every host (Excel,
 * the .xlsx command line, the in-memory workbench) runs this same function and applies the plan.
 */
export function runKpiTracker(workbook: Workbook, options: RunOptions): RunResult {
  const {
    settings: saved,
    detection,
    verdicts,
  } = judgeWorkbook(workbook, {
    today: options.today,
    ...(options.detection ? { detection: options.detection } : {}),
  });
  // One period for the whole run: the asked-for one, or the latest with figures. The status
  // cells, commentary, action plan, committee sheet and change log are all about it.
  const reportPeriod = options.period ?? latestPeriodWithData(verdicts);
  const recalc = planRecalculation(workbook, detection, verdicts, saved, {
    ...(reportPeriod ? { period: reportPeriod } : {}),
    now: options.now,
    command: options.command,
  });
  // The verdicts the status cells show are the report period's: the reports read the same ones.
  const chosen: readonly IndicatorVerdict[] =
    options.steps.actionPlan || options.steps.committee ? recalc.chosen.map((choice) => choice.verdict) : [];
  const chosenFigures = recalc.chosen.map((choice) => choice.figures);
  const sheets: OwnedSheet[] = [];
  let actions: ActionPlanRow[] = [];
  let duplicated: ReadonlySet<string> | undefined;
  if ((options.steps.actionPlan || options.steps.committee) && reportPeriod) {
    const actionPlan = buildActionPlan(workbook, chosen, {
      today: options.today,
      includeNearMisses: options.includeNearMisses ?? false,
      period: reportPeriod,
      figures: chosenFigures,
    });
    // The workbook's own action plans (layout E) are read and used, not copied.
    const existingRows = existingActionRows(detection, options.today);
    actions = [...actionPlan.rows, ...existingRows];
    duplicated = actionPlan.duplicated;
    if (options.steps.actionPlan) sheets.push(actionPlan.sheet);
  }
  // Committee details given for a run are kept in the workbook for the next one; a detail given
  // empty (a field the officer cleared) clears the one kept.
  const committeeDetails = withoutEmpty({ ...saved.committee, ...withoutUndefined(options.committee ?? {}) });
  let committeeVerdicts: readonly IndicatorVerdict[] = [];
  if (options.steps.committee && reportPeriod) {
    // The officer's words where there are some; otherwise the template's, for this very period.
    // Whose words a cell holds is told by what KPI Tracker had written there before this run (the
    // saved fingerprints): words it rewrites in this run were its own, not the officer's.
    const commentary = new Array<string | null>(chosen.length);
    for (let i = 0; i < chosen.length; i++) {
      const choice = recalc.chosen[i]!;
      const v = choice.verdict;
      // Planning looked at the commentary cells of the verdicts it chose, against the same saved fingerprints.
      const officers =
        choice.officerCommentary !== undefined
          ? choice.officerCommentary
          : officerCommentary(workbook, detection.tables[v.tableIndex]!, v, saved);
      commentary[i] = officers ?? choice.commentary;
    }
    const committee = buildCommitteeSheet({
      period: reportPeriod,
      verdicts: chosen,
      commentary,
      figures: chosenFigures,
      ...(duplicated ? { duplicated } : {}),
      groups: indicatorGroups(detection, chosen),
      lastYear: lastYearFigures(verdicts, chosen),
      labels: recalc.labels,
      colours: recalc.colours,
      committee: committeeDetails,
      tolerance: saved.tolerance ?? tolerancesKeysAgreeOn(detection) ?? DEFAULT_TOLERANCE,
      actions,
      today: options.today,
    });
    sheets.push(committee.sheet);
    committeeVerdicts = chosen;
  }
  const parts = options.steps.statuses ? recalc.parts : { edits: [], notices: [], refusals: recalc.mappingRefusals };
  const settings = { ...(options.steps.statuses ? recalc.settings : saved), committee: committeeDetails };
  const plan = finalisePlan(workbook, { ...parts, sheets }, settings, {
    now: options.now,
    command: options.command,
    ...(reportPeriod ? { period: reportPeriod } : {}),
  });
  return { plan, detection, verdicts, chosen: recalc.chosen, settings, reportPeriod, actions, committeeVerdicts };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function withoutEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** The action rows of the workbook's own action-plan tables (layout E), with their status today. */
export function existingActionRows(detection: Detection, today: CalendarDate): ActionPlanRow[] {
  const rows: ActionPlanRow[] = [];
  const statusOf = actionStatusReader(today, today.year);
  for (const table of detection.tables) {
    if (table.kind !== 'action-plan' || !table.recommendation) continue;
    const rec = table.recommendation;
    for (const action of table.actions) {
      if (!action.action.trim() && !action.due) continue;
      const status = statusOf(action.due ?? '', action.progress ?? '');
      rows.push({
        key: rec.ref,
        ref: rec.ref,
        action: action.action,
        by: action.due ?? '',
        responsible: rec.responsible ?? '',
        progress: action.progress ?? '',
        status: status.status,
        reason: status.reason,
      });
    }
  }
  return rows;
}

/** "Recalculate status": statuses and commentary only. */
export function recalculate(workbook: Workbook, options: Omit<RunOptions, 'steps'>): RunResult {
  return runKpiTracker(workbook, { ...options, steps: { statuses: true, actionPlan: false, committee: false } });
}

/**
 * The near-miss band every judged table's own key states, where they all state the same one: the
 * committee sheet's key then says it, not KPI Tracker's default.
 */
function tolerancesKeysAgreeOn(detection: Detection): Tolerance | undefined {
  const judged = detection.tables.filter((table) => table.indicators.length > 0);
  const first = judged[0]?.tolerance;
  if (!first) return undefined;
  return judged.every((table) => JSON.stringify(table.tolerance) === JSON.stringify(first)) ? first : undefined;
}
