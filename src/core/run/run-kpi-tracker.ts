import { buildActionPlan, type ActionPlanRow } from '../sheets/action-plan-sheet';
import { actionStatusReader } from '../sheets/action-due-text';
import type { JudgedFigures } from '../engine/judged-figures';
import { detectWorkbook } from '../detect/detect-workbook';
import type { Detection } from '../detect/types';
import { evaluateWorkbook, type IndicatorVerdict } from '../engine/evaluate';
import { DEFAULT_TOLERANCE } from '../engine/tolerance';
import type { CalendarDate } from '../model/serial-dates';
import type { Workbook } from '../model/workbook';
import { comparePeriods, periodLabel } from '../periods/period';
import type { OwnedSheet, Plan } from '../plan/plan-types';
import {
  finalisePlan,
  generatedCommentary,
  officerCommentary,
  planRecalculation,
  plannedOfficerCommentary,
  type ChosenVerdict,
} from '../plan/recalc-plan';
import { buildCommitteeSheet, type CommitteeDetails } from '../sheets/committee-sheet';
import { latestPeriodReport, reportPeriodVerdicts, type LatestPeriodReport } from '../sheets/committee-verdicts';
import type { Settings } from '../settings/settings-schema';
import { readSettings } from '../settings/settings-store';

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
  /** The period the committee sheet and action plan were built for. */
  readonly reportPeriod: string | null;
  readonly actions: readonly ActionPlanRow[];
  /** Each indicator's verdict as the committee sheet shows it; empty when no committee sheet was built. */
  readonly committeeVerdicts: readonly IndicatorVerdict[];
}

/** The latest period any indicator has figures for, by the UK financial year. */
export function latestPeriodWithData(verdicts: readonly IndicatorVerdict[]): string | null {
  let latest: IndicatorVerdict | undefined;
  for (const v of verdicts) {
    if (!v.period || v.status === 'no-data') continue;
    if (!latest || comparePeriods(v.period, latest.period!) > 0) latest = v;
  }
  return latest ? periodLabel(latest.period!) : null;
}

/**
 * One run of KPI Tracker as a pure step: read the settings kept in the workbook, find the
 * tables, judge every indicator, and plan the edits the chosen steps make. Every host (Excel,
 * the .xlsx command line, the in-memory workbench) runs this same function and applies the plan.
 */
export function runKpiTracker(workbook: Workbook, options: RunOptions): RunResult {
  const reading = readSettings(workbook);
  const detected = options.detection ?? detectWorkbook(workbook, reading.settings);
  const detection = reading.ok ? detected : { ...detected, doubts: [reading.problem, ...detected.doubts] };
  const saved = reading.settings;
  const tolerance = saved.tolerance ?? DEFAULT_TOLERANCE;
  const verdicts = evaluateWorkbook(workbook, detection, {
    today: options.today,
    tolerance,
    polarityByRef: new Map(Object.entries(saved.polarity)),
  });
  const recalc = planRecalculation(workbook, detection, verdicts, saved, {
    ...(options.period ? { period: options.period } : {}),
    now: options.now,
    command: options.command,
  });

  // Where no period is asked for, the report period is the latest with figures, and the pass
  // that finds it finds the committee's verdicts for it too.
  let latestReport: LatestPeriodReport | null | undefined;
  const reportPeriod =
    options.period ??
    (options.steps.committee
      ? ((latestReport = latestPeriodReport(verdicts, recalc.chosen))?.period ?? null)
      : latestPeriodWithData(verdicts));
  // The verdicts the status cells show: planning chose them already.
  const latest: readonly IndicatorVerdict[] =
    options.steps.actionPlan || options.steps.committee ? recalc.chosen.map((choice) => choice.verdict) : [];
  const sheets: OwnedSheet[] = [];
  let actions: ActionPlanRow[] = [];
  let latestDuplicated: ReadonlySet<string> | undefined;
  let plannedKeys: ReadonlySet<string> | undefined;
  if ((options.steps.actionPlan || options.steps.committee) && reportPeriod) {
    const actionPlan = buildActionPlan(workbook, latest, {
      today: options.today,
      includeNearMisses: options.includeNearMisses ?? false,
      period: reportPeriod,
      figures: recalc.chosenFigures,
    });
    // The workbook's own action plans (layout E) are read and used, not copied.
    const existingRows = existingActionRows(detection, options.today);
    actions = [...actionPlan.rows, ...existingRows];
    if (existingRows.length === 0) plannedKeys = actionPlan.keys;
    latestDuplicated = actionPlan.duplicated;
    if (options.steps.actionPlan) sheets.push(actionPlan.sheet);
  }
  // Committee details given for a run are kept in the workbook for the next one.
  const committeeDetails = { ...saved.committee, ...definedOnly(options.committee ?? {}) };
  let committeeVerdicts: readonly IndicatorVerdict[] = [];
  if (options.steps.committee && reportPeriod) {
    const { verdicts: forPeriod, plannedAt } = latestReport ?? reportPeriodVerdicts(verdicts, reportPeriod, recalc.chosen, options.period);
    committeeVerdicts = forPeriod;
    // Planning wrote the template's words for the verdicts the status cells show, which are
    // mostly the report period's too; the same template gives the same words (and judged
    // figures), so they are reused.
    // The officer's words where there are some; otherwise the template's, for this very period.
    // Whose words a cell holds is told by what KPI Tracker had written there before this run (the
    // saved fingerprints): words it rewrites in this run were its own, not the officer's.
    const commentary = new Array<string | null>(forPeriod.length);
    const figures = new Array<JudgedFigures | undefined>(forPeriod.length);
    for (let i = 0; i < forPeriod.length; i++) {
      const v = forPeriod[i]!;
      const at = plannedAt[i]!;
      figures[i] = at < 0 ? undefined : recalc.chosenFigures[at];
      // Planning looked at the commentary cells of the verdicts it chose, against the same saved fingerprints.
      const planned = at >= 0 ? plannedOfficerCommentary(recalc, at) : undefined;
      const officers = planned !== undefined ? planned : officerCommentary(workbook, detection.tables[v.tableIndex]!, v, saved);
      commentary[i] =
        officers ?? (at >= 0 ? recalc.chosen[at]!.commentary : generatedCommentary(v, recalc.labels[v.status], recalc.settings));
    }
    // The action plan's duplicated references hold for the committee's verdicts too when both
    // lists are the same, or when there are none: the report period's indicators are among those
    // whose latest verdicts the action plan read, with the same references, sheets and rows.
    const sameIndicators = latest.length === forPeriod.length && latest.every((v, i) => v === forPeriod[i]);
    const duplicated = latestDuplicated && (latestDuplicated.size === 0 || sameIndicators) ? latestDuplicated : undefined;
    const committee = buildCommitteeSheet({
      period: reportPeriod,
      verdicts: forPeriod,
      commentary,
      figures,
      ...(duplicated ? { duplicated } : {}),
      labels: recalc.labels,
      colours: recalc.colours,
      committee: committeeDetails,
      tolerance,
      actions,
      ...(plannedKeys ? { planned: plannedKeys } : {}),
      today: options.today,
    });
    sheets.push(committee.sheet);
  }
  const parts = options.steps.statuses ? recalc.parts : { edits: [], notices: [], refusals: recalc.mappingRefusals };
  const settings = { ...(options.steps.statuses ? recalc.settings : saved), committee: committeeDetails };
  const plan = finalisePlan(workbook, { ...parts, sheets }, settings, { now: options.now, command: options.command });
  return { plan, detection, verdicts, chosen: recalc.chosen, settings, reportPeriod, actions, committeeVerdicts };
}

function definedOnly<T extends object>(value: T): Partial<T> {
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
