import type { CalendarDate } from '../model/serial-dates';
import { STATUSES, type Status } from '../engine/target-types';
import { judgedCount, totalCount, type StatusCounts } from '../sheets/status-counts';
import type { NotIncluded, RollupEntry, WorkbookSummary } from './workbook-summary';

/** Every workbook's summary put together: the organisation's figures. */
export interface RollupTotals {
  readonly workbooks: number;
  readonly counts: StatusCounts;
  readonly total: number;
  readonly judged: number;
  readonly metShare: number | null;
  readonly misses: number;
}

export interface RollupReport {
  /** The period asked for with `--period`, or null when each workbook is judged for its latest. */
  readonly period: string | null;
  readonly today: CalendarDate;
  /** In the order the files were given or found. */
  readonly workbooks: readonly WorkbookSummary[];
  readonly notIncluded: readonly NotIncluded[];
  readonly totals: RollupTotals;
}

/**
 * Puts the workbooks' entries together in the order given (which is the order the files were
 * named or found, whatever order they were read in).
 */
export function mergeEntries(entries: Iterable<RollupEntry>, options: { period: string | null; today: CalendarDate }): RollupReport {
  const workbooks: WorkbookSummary[] = [];
  const notIncluded: NotIncluded[] = [];
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  let misses = 0;
  for (const entry of entries) {
    if (entry.kind === 'not-included') {
      notIncluded.push(entry.notIncluded);
      continue;
    }
    const summary = entry.summary;
    workbooks.push(summary);
    for (const status of STATUSES) counts[status] += summary.counts[status];
    misses += summary.misses.length;
  }
  const judged = judgedCount(counts);
  return {
    period: options.period,
    today: options.today,
    workbooks,
    notIncluded,
    totals: {
      workbooks: workbooks.length,
      counts,
      total: totalCount(counts),
      judged,
      metShare: judged > 0 ? counts.met / judged : null,
      misses,
    },
  };
}
