import type { ColumnMapping, DetectedTable } from '../detect/types';
import { getOrInsert } from '../model/memo';
import type { Sheet } from '../model/workbook';
import { readStatusWord } from './status-words';
import { columnsOf, textAt } from './table-columns';
import { STATUS_WORDS, type Status, type Target } from './target-types';

/*
 * The status a sheet prints for its own indicators (Red/Amber/Green, faces, "Target met?"): what
 * it tells KPI Tracker about how to judge them, and where the figures say otherwise.
 */

/**
 * Whether a table's own status column rates only met or not met: faces, ticks and crosses, yes
 * and no, or a "Target met?" heading, and never a word for a near miss. Such a table has no
 * near-miss band, so KPI Tracker's statuses say what the publisher's would.
 */
export function ratesOnlyMetOrNotMet(table: DetectedTable, sheet: Sheet): boolean {
  const statusColumns = columnsOf(table, 'status');
  if (statusColumns.length === 0) return false;
  if (statusColumns.some((column) => /target met\??$|^met\??$|achieved\??$/i.test(column.header.trim()))) return true;
  let twoWay = 0;
  for (const column of statusColumns) {
    for (const indicator of table.indicators) {
      const text = textAt(sheet, indicator.row, column.col);
      const status = text ? readStatusWord(text) : undefined;
      if (status === 'near') return false;
      if (status && TWO_WAY_WORDS.test(text)) twoWay++;
    }
  }
  return twoWay > 0;
}
const TWO_WAY_WORDS = /face|tick|cross|✓|✔|✗|✘|☺|☹|🙂|🙁|😀|😞|^(yes|no|y|n)$|target (not )?met/i;

/** `ratesOnlyMetOrNotMet`, read once per table. */
const MET_OR_NOT_MET = new WeakMap<DetectedTable, boolean>();
export function tableRatesOnlyMetOrNotMet(table: DetectedTable, sheet: Sheet): boolean {
  return getOrInsert(MET_OR_NOT_MET, table, () => ratesOnlyMetOrNotMet(table, sheet));
}

/**
 * The status column an actual column reports to: the nearest to its right, before the next
 * actual, where a table has one per series ("SSHA | Target Met? | MMHA | Target Met?").
 */
export function statusColumnFor(table: DetectedTable, actualCol: number | undefined): ColumnMapping | undefined {
  const statuses = columnsOf(table, 'status');
  // "Interim assessment | Final assessment": the final word is the one to read.
  if (statuses.length > 1 && actualCol === undefined)
    return statuses.find((c) => /\b(final|overall|year[- ]end)\b/i.test(c.header)) ?? statuses[0];
  if (statuses.length <= 1 || actualCol === undefined) return statuses[0];
  const actuals = columnsOf(table, 'actual');
  const nextActual = Math.min(...actuals.filter((c) => c.col > actualCol).map((c) => c.col));
  return statuses.find((c) => c.col > actualCol && c.col < nextActual) ?? statuses[0];
}

export interface PublishedRating {
  readonly text: string;
  readonly status: Status;
}

/** The rating the sheet itself prints for an indicator (beside the given actual), if it is one KPI Tracker can read. */
export function publishedRating(
  table: DetectedTable,
  sheet: Sheet,
  row: number,
  actualCol: number | undefined,
): PublishedRating | undefined {
  const column = statusColumnFor(table, actualCol);
  if (!column) return undefined;
  const text = textAt(sheet, row, column.col);
  const status = text ? readStatusWord(text) : undefined;
  return status ? { text, status } : undefined;
}

/** An indicator the sheet's own status column marks "for info only" is reported, not rated, whatever figure sits in its target cell. */
export function monitoredOnly(table: DetectedTable, sheet: Sheet, row: number, target: Target): Target {
  const published = publishedRating(table, sheet, row, undefined);
  if (published?.status !== 'no-target' || target.kind === 'none') return target;
  return { kind: 'none', text: target.text, why: `the sheet's own status says "${published.text}"` };
}

/** The sentence added to a reason where the sheet's own rating and the figures disagree. */
export function disagreement(published: PublishedRating, status: Status): string {
  return ` The sheet itself says "${published.text}" (${STATUS_WORDS[published.status].toLowerCase()}), but the figures give ${STATUS_WORDS[status].toLowerCase()}: check which is right.`;
}
