import { STATUSES, type Status } from '../engine/target-types';

/** How many indicators have each status (every status present, zero where none has it). */
export type StatusCounts = Readonly<Record<Status, number>>;

/**
 * One count per indicator's verdict. The committee sheet's summary and the corporate roll-up both
 * count with this, so a workbook is summarised in the roll-up with the numbers its own committee
 * sheet shows.
 */
export function countStatuses(statuses: Iterable<Status>): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const status of statuses) counts[status]++;
  return counts;
}

/**
 * The statuses of indicators judged against a target; a share met is of these. No data, no
 * target and can't read are left out, so missing figures do not water the share down.
 */
export const JUDGED_STATUSES: ReadonlySet<Status> = new Set<Status>(['met', 'near', 'missed', 'not-due', 'overdue']);

export function judgedCount(counts: StatusCounts): number {
  let judged = 0;
  for (const status of JUDGED_STATUSES) judged += counts[status];
  return judged;
}

export function totalCount(counts: StatusCounts): number {
  let total = 0;
  for (const status of STATUSES) total += counts[status];
  return total;
}
