import { STATUSES, type Status } from '../core/engine/target-types';
import type { IndicatorRow } from './pane-core';

/** The order indicators are listed in: what needs attention first. */
const ATTENTION_ORDER: readonly Status[] = ['missed', 'overdue', 'near', 'unreadable', 'no-data', 'not-due', 'met', 'no-target'];

export interface IndicatorGroup {
  /** The part of the workbook: a sub-heading, a table's title, or a sheet. */
  readonly section: string;
  /** Not met first, then overdue, near misses… met last; as in the workbook within a status. */
  readonly rows: readonly IndicatorRow[];
  readonly counts: Readonly<Record<Status, number>>;
  /** Something in it was not met or is overdue. */
  readonly needsAttention: boolean;
}

/** The indicators by section, in the order sections first appear in the workbook. */
export function groupedIndicators(rows: readonly IndicatorRow[]): IndicatorGroup[] {
  const bySection = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const list = bySection.get(row.section);
    if (list) list.push(row);
    else bySection.set(row.section, [row]);
  }
  return [...bySection.entries()].map(([section, list]) => {
    const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
    for (const row of list) counts[row.verdict.status]++;
    // Array.prototype.sort is stable: within a status, the workbook's order stays.
    const sorted = [...list].sort((a, b) => ATTENTION_ORDER.indexOf(a.verdict.status) - ATTENTION_ORDER.indexOf(b.verdict.status));
    return { section, rows: sorted, counts, needsAttention: counts.missed > 0 || counts.overdue > 0 };
  });
}
