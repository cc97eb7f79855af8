import type { ColumnMapping, DetectedTable } from '../detect/types';
import { getOrInsert } from '../model/memo';
import { periodLabel, type Period } from '../periods/period';
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
const TWO_WAY_WORDS =
  /face|tick|cross|✓|✔|✗|✘|☺|☹|🙂|🙁|😀|😞|^(yes|no|y|n)$|target (not )?met|did[ _]not[ _]meet|met[ _]goal|^(success|failure)$/i;

/** `ratesOnlyMetOrNotMet`, read once per table. */
const MET_OR_NOT_MET = new WeakMap<DetectedTable, boolean>();
export function tableRatesOnlyMetOrNotMet(table: DetectedTable, sheet: Sheet): boolean {
  return getOrInsert(MET_OR_NOT_MET, table, () => ratesOnlyMetOrNotMet(table, sheet));
}

/**
 * The status column an actual column reports to: the nearest to its right, before the next
 * actual, where a table has one per series ("SSHA | Target Met? | MMHA | Target Met?"). Where
 * several follow one actual, the one dated to its period ("Q4 status | Overall status") or the
 * final word ("Interim assessment | Final assessment"), else the first ("Current status | Year
 * end status", "RAG | Overall RAG").
 */
export function statusColumnFor(table: DetectedTable, actualCol: number | undefined): ColumnMapping | undefined {
  const statuses = columnsOf(table, 'status');
  if (statuses.length <= 1) return statuses[0];
  if (actualCol === undefined) return statuses.find(isFinal) ?? statuses[0];
  const actuals = columnsOf(table, 'actual');
  const nextActual = Math.min(...actuals.filter((c) => c.col > actualCol).map((c) => c.col));
  const following = statuses.filter((c) => c.col > actualCol && c.col < nextActual);
  if (following.length <= 1) return following[0] ?? statuses[0];
  const period = actuals.find((c) => c.col === actualCol)?.period;
  const label = period && periodLabel(period);
  // "Q2 2024/25 | Q1 status | Current status": another quarter's rating is not this one's.
  const dated = (c: ColumnMapping): string | undefined => c.period && periodLabel({ ...c.period, fy: c.period.fy ?? period?.fy } as Period);
  const forThisPeriod = following.filter((c) => !c.period || !label || dated(c) === label);
  const after = forThisPeriod.length > 0 ? forThisPeriod : following;
  return after.find((c) => c.period && dated(c) === label) ?? after.find(isFinal) ?? after[0];
}

/** "Final assessment": the last word on a row, where an interim one stands beside it. */
const isFinal = (column: ColumnMapping): boolean => /\bfinal\b/i.test(column.header);

/**
 * The status columns of a table that rates its rows period by period: "Outcome | 2018-19 |
 * 2019-20" over "Achieved | -" (Gippsland Water), or an officer's "Q1 | Q2" of Red, Amber and
 * Green. Each is that period's reading. Empty where there are not two, or where a status column
 * for no period stands among them ("RAG" beside "Q2 RAG | Q1 RAG" is the current one).
 */
export function ratingsByPeriod(table: DetectedTable): readonly ColumnMapping[] {
  const statuses = columnsOf(table, 'status');
  return statuses.length > 1 && statuses.every((column) => column.period) ? statuses : [];
}

/**
 * The status column a run writes an indicator's status for a period into: the one whose rating
 * the engine reads beside the figure judged, so a run never writes "Met" into the interim
 * assessment while judging the final one, nor the second quarter's rating over the first's.
 * Undefined where a table rating period by period has no column for the period.
 */
export function statusColumnToWrite(
  table: DetectedTable,
  period: Period | undefined,
  actualCol: number | undefined,
): ColumnMapping | undefined {
  const byPeriod = ratingsByPeriod(table);
  if (byPeriod.length === 0) return statusColumnFor(table, actualCol ?? actualColumnOf(table, period));
  const wanted = period && periodLabel(period);
  return byPeriod.find((column) => periodLabel(column.period!) === wanted);
}

/** The actual column of a period, for a status to be written where no figure was read. */
function actualColumnOf(table: DetectedTable, period: Period | undefined): number | undefined {
  if (!period) return undefined;
  const label = periodLabel(period);
  return columnsOf(table, 'actual').find((column) => column.period && periodLabel(column.period) === label)?.col;
}

/** Every status column a run may write into: what the sheet's status cells say now is read from these. */
export function statusColumnsToWrite(table: DetectedTable): readonly ColumnMapping[] {
  const byPeriod = ratingsByPeriod(table);
  if (byPeriod.length > 0) return byPeriod;
  return columnsOf(table, 'status');
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
  return column ? ratingIn(sheet, row, column) : undefined;
}

/** The rating one status cell prints, if it is one KPI Tracker can read. */
export function ratingIn(sheet: Sheet, row: number, column: ColumnMapping): PublishedRating | undefined {
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
