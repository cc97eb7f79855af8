import type { IndicatorVerdict } from '../engine/evaluate';
import { columnLetter } from '../model/address';
import type { RunResult } from '../run/run-kpi-tracker';
import { duplicatedRefs, indicatorKey, type ActionPlanRow } from '../sheets/action-plan-sheet';
import { countStatuses, judgedCount, totalCount, type StatusCounts } from '../sheets/status-counts';

/** A place in a service's workbook: the file as it was given or found, a sheet and a cell. */
export interface SourcePlace {
  readonly file: string;
  readonly sheet: string | null;
  /** An A1 cell such as `D6`, or null for the workbook as a whole. */
  readonly cell: string | null;
}

export interface DirectionCounts {
  readonly better: number;
  readonly worse: number;
  readonly same: number;
}

/** What the action plan of a service's workbook says is being done about an indicator that missed. */
export interface MissAction {
  readonly action: string;
  readonly by: string;
  readonly responsible: string;
  readonly progress: string;
  readonly status: ActionPlanRow['status'];
}

/** An indicator that missed its target (or a milestone that is overdue), as the corporate report lists it. */
export interface Miss {
  readonly source: SourcePlace;
  readonly ref: string | null;
  readonly indicator: string;
  readonly period: string;
  readonly actual: string;
  readonly target: string;
  readonly variance: string | null;
  readonly status: 'missed' | 'overdue';
  readonly owner: string | null;
  readonly actions: readonly MissAction[];
}

/** One service's workbook, judged for one period, as the corporate report summarises it. */
export interface WorkbookSummary {
  readonly file: string;
  /** Its title (from the workbook's properties), or its file name. */
  readonly title: string;
  /** The period it was judged for; null when no indicator has figures yet. */
  readonly period: string | null;
  /** Whether the period was asked for (`--period`) or is the workbook's latest with figures. */
  readonly periodChosen: 'asked' | 'latest';
  /** The counts its own committee sheet shows for that period. */
  readonly counts: StatusCounts;
  readonly total: number;
  readonly judged: number;
  /** Met, as a share of those judged; null when none was judged. */
  readonly metShare: number | null;
  /** Direction of travel against the previous period, of the indicators that have a better direction. */
  readonly direction: DirectionCounts;
  /** Where its first KPI table starts. */
  readonly source: SourcePlace;
  readonly misses: readonly Miss[];
  /** Something the reader should know about this workbook's figures, or null. */
  readonly note: string | null;
}

/** Why a file is not in the report. */
export type NotIncludedKind = 'not-a-workbook-file' | 'unreadable' | 'no-kpi-table' | 'mapping-does-not-fit' | 'stopped';

export interface NotIncluded {
  readonly file: string;
  readonly kind: NotIncludedKind;
  /** A plain sentence naming the file and what to do. */
  readonly reason: string;
}

export type RollupEntry =
  { readonly kind: 'included'; readonly summary: WorkbookSummary } | { readonly kind: 'not-included'; readonly notIncluded: NotIncluded };

/**
 * One service workbook's run (with its committee sheet and action plan planned, never written)
 * as the corporate report needs it: the counts its committee sheet shows, its direction of
 * travel, and every indicator that missed with the action from its action plan. Small enough to
 * pass between threads and keep for hundreds of workbooks.
 */
export function summariseRun(
  run: RunResult,
  workbook: { readonly file: string; readonly name: string; readonly title: string | null; readonly periodAsked: boolean },
): RollupEntry {
  const { file } = workbook;
  const tables = run.detection.tables;
  if (tables.length === 0) {
    return notIncluded(
      file,
      'no-kpi-table',
      `No KPI table was found in ${workbook.name}. KPI Tracker looks for a header row with an indicator or measure column and a target, actual or status column; run "kpi-tracker scan" on it to see what it found.`,
    );
  }
  if (run.plan.refusals.length > 0) return notIncluded(file, 'mapping-does-not-fit', run.plan.refusals.join(' '));

  const verdicts = run.committeeVerdicts;
  const counts = countStatuses(verdicts.map((v) => v.status));
  const judged = judgedCount(counts);
  const first = tables[0]!;
  const direction = { better: 0, worse: 0, same: 0 };
  for (const v of verdicts) if (v.polarity !== 'none' && v.trend) direction[v.trend]++;

  const duplicated = duplicatedRefs(verdicts);
  const actionsByKey = new Map<string, MissAction[]>();
  for (const row of run.actions) {
    if (!row.action.trim() && !row.by.trim()) continue;
    const known = actionsByKey.get(row.key) ?? [];
    known.push({ action: row.action, by: row.by, responsible: row.responsible, progress: row.progress, status: row.status });
    actionsByKey.set(row.key, known);
  }
  const misses: Miss[] = [];
  for (const v of verdicts) {
    if (v.status !== 'missed' && v.status !== 'overdue') continue;
    const actions = actionsByKey.get(indicatorKey(v, duplicated)) ?? [];
    misses.push({
      source: { file, sheet: v.sheet, cell: cellOf(v, run) },
      ref: v.ref,
      indicator: v.indicator.trim(),
      period: v.periodLabel,
      actual: v.actualText,
      target: v.targetText,
      variance: v.variance,
      status: v.status,
      // The owner the KPI table names, or else whoever the action plan makes responsible.
      owner: v.owner ?? (actions.find((a) => a.responsible.trim())?.responsible.trim() || null),
      actions,
    });
  }
  const period = run.reportPeriod;
  return {
    kind: 'included',
    summary: {
      file,
      title: workbook.title?.trim() || workbook.name,
      period,
      periodChosen: workbook.periodAsked ? 'asked' : 'latest',
      counts,
      total: totalCount(counts),
      judged,
      metShare: judged > 0 ? counts.met / judged : null,
      direction,
      source: { file, sheet: first.sheet, cell: `${columnLetter(first.range.left)}${first.range.top + 1}` },
      misses,
      note:
        period === null
          ? 'No indicator has figures yet.'
          : verdicts.every((v) => v.status === 'no-data')
            ? `No indicator has figures for ${period}.`
            : null,
    },
  };
}

export function notIncluded(file: string, kind: NotIncludedKind, reason: string): RollupEntry {
  return { kind: 'not-included', notIncluded: { file, kind, reason } };
}

/** The actual's cell, or where the indicator's row starts when it has no actual cell. */
function cellOf(verdict: IndicatorVerdict, run: RunResult): string {
  if (verdict.actualCell) return verdict.actualCell;
  const table = run.detection.tables[verdict.tableIndex];
  return `${columnLetter(table?.range.left ?? 0)}${verdict.row + 1}`;
}
