import type { Status } from '../../core/engine/target-types';
import { isoFromDate } from '../../core/model/serial-dates';
import type { RollupReport } from '../../core/rollup/rollup-report';
import type { DirectionCounts, MissAction, NotIncludedKind } from '../../core/rollup/workbook-summary';

/** `kpi-tracker rollup --json`: the contract documented in the README. */
export interface RollupJson {
  /** The period asked for with --period, or null (each workbook's latest with figures). */
  readonly period: string | null;
  /** yyyy-mm-dd: the date deadlines were judged against. */
  readonly today: string;
  /** Where the report workbook was written, or null when none was (--json without -o). */
  readonly output: string | null;
  readonly totals: {
    readonly workbooks: number;
    readonly notIncluded: number;
    readonly counts: Readonly<Record<Status, number>>;
    readonly total: number;
    readonly judged: number;
    readonly metShare: number | null;
    readonly misses: number;
  };
  readonly workbooks: ReadonlyArray<{
    readonly file: string;
    readonly title: string;
    readonly period: string | null;
    readonly periodChosen: 'asked' | 'latest';
    readonly counts: Readonly<Record<Status, number>>;
    readonly total: number;
    readonly judged: number;
    readonly metShare: number | null;
    readonly direction: DirectionCounts;
    readonly sheet: string | null;
    readonly cell: string | null;
    readonly note: string | null;
  }>;
  readonly misses: ReadonlyArray<{
    readonly file: string;
    readonly workbook: string;
    readonly sheet: string | null;
    readonly cell: string | null;
    readonly ref: string | null;
    readonly indicator: string;
    readonly period: string;
    readonly actual: string;
    readonly target: string;
    readonly variance: string | null;
    readonly status: 'missed' | 'overdue';
    readonly owner: string | null;
    readonly actions: readonly MissAction[];
  }>;
  readonly notIncluded: ReadonlyArray<{ readonly file: string; readonly kind: NotIncludedKind; readonly reason: string }>;
}

export function rollupJson(report: RollupReport, output: string | null): RollupJson {
  return {
    period: report.period,
    today: isoFromDate(report.today),
    output,
    totals: { ...report.totals, notIncluded: report.notIncluded.length },
    workbooks: report.workbooks.map((w) => ({
      file: w.file,
      title: w.title,
      period: w.period,
      periodChosen: w.periodChosen,
      counts: w.counts,
      total: w.total,
      judged: w.judged,
      metShare: w.metShare,
      direction: w.direction,
      sheet: w.source.sheet,
      cell: w.source.cell,
      note: w.note,
    })),
    misses: report.workbooks.flatMap((w) =>
      w.misses.map((miss) => ({
        file: w.file,
        workbook: w.title,
        sheet: miss.source.sheet,
        cell: miss.source.cell,
        ref: miss.ref,
        indicator: miss.indicator,
        period: miss.period,
        actual: miss.actual,
        target: miss.target,
        variance: miss.variance,
        status: miss.status,
        owner: miss.owner,
        actions: miss.actions,
      })),
    ),
    notIncluded: report.notIncluded.map(({ file, kind, reason }) => ({ file, kind, reason })),
  };
}
