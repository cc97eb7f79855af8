import { parseActualCell } from '../engine/parse-actual';
import { columnLetter } from '../model/address';
import { issue, type Issue } from '../model/issue';
import { periodLabel } from '../periods/period';
import { normaliseHeader } from './header-lexicon';
import type { SheetGrid } from './sheet-grid';
import type { ColumnMapping, DetectedIndicator } from './types';

/*
 * Shares published with what they are shares of, as pay-gap and workforce tables print them:
 *
 *   Quartile | Female | Male | Female % | Male %        (Royal Cornwall Hospitals)
 *   Lower    |    821 |  144 |    85.08 |  14.92
 *
 * The share is the measure; the headcount beside it ("Female" beside "Female %") is what it is a
 * share of, and a second share that is the first taken from 100 ("Male %" beside "Female %") says
 * nothing more. Both were judged as figures of their own. They are left alone, and said to be.
 */

/** "Female %", "Female (%)", "% Female", "Female percentage": the share of what the bare heading counts. */
export function whatAShareCounts(header: string): string | undefined {
  const h = normaliseHeader(header);
  const match = /^(.+?)\s*(?:%|\(%\)|percent(?:age)?)$/.exec(h) ?? /^%\s*(.+)$/.exec(h);
  return match ? match[1]!.trim() : undefined;
}

/** A figure as a percentage: 55% typed as a percentage and 55 written as a number are both 55. */
function percentIn(grid: SheetGrid, row: number, col: number): number | undefined {
  const actual = parseActualCell(grid.cell(row, col));
  return actual.kind === 'number' ? actual.value : undefined;
}

const samePeriod = (a: ColumnMapping, b: ColumnMapping): boolean =>
  (a.period ? periodLabel(a.period) : '') === (b.period ? periodLabel(b.period) : '');

export function leaveOutCountsAndComplements(
  grid: SheetGrid,
  columns: readonly ColumnMapping[],
  indicators: readonly DetectedIndicator[],
): { columns: ColumnMapping[]; doubts: Issue[]; leftOut: ReadonlySet<number> } {
  // Most tables have no share among their headings, which a glance at them says.
  if (!columns.some((column) => column.role === 'actual' && /%|percent/i.test(column.header)))
    return { columns: [...columns], doubts: [], leftOut: new Set() };
  const actuals = columns.filter((column) => column.role === 'actual');
  const shares = actuals.filter((column) => whatAShareCounts(column.header) !== undefined);
  if (shares.length === 0 || indicators.length < 2) return { columns: [...columns], doubts: [], leftOut: new Set() };
  const leftOut = new Map<number, string>();

  // The headcount beside its share: "Female" beside "Female %".
  for (const count of actuals) {
    const name = normaliseHeader(count.header);
    const share = shares.find((column) => column !== count && whatAShareCounts(column.header) === name && samePeriod(column, count));
    if (share)
      leftOut.set(
        count.col,
        `Column ${columnLetter(count.col)} "${count.header}" counts what column ${columnLetter(share.col)} "${share.header}" is a share of`,
      );
  }

  // A share that is another taken from 100 on every row: "Male %" beside "Female %".
  for (let i = 0; i < shares.length; i++) {
    const first = shares[i]!;
    if (leftOut.has(first.col)) continue;
    for (const second of shares.slice(i + 1)) {
      if (leftOut.has(second.col) || !samePeriod(first, second)) continue;
      let rows = 0;
      let complement = true;
      for (const indicator of indicators) {
        const a = percentIn(grid, indicator.row, first.col);
        const b = percentIn(grid, indicator.row, second.col);
        if (a === undefined || b === undefined) continue;
        rows++;
        if (Math.abs(a + b - 100) > 0.5) complement = false;
      }
      if (complement && rows >= 2)
        leftOut.set(
          second.col,
          `Column ${columnLetter(second.col)} "${second.header}" is 100% less column ${columnLetter(first.col)} "${first.header}" on every row`,
        );
    }
  }
  if (leftOut.size === 0) return { columns: [...columns], doubts: [], leftOut: new Set() };
  return {
    leftOut: new Set(leftOut.keys()),
    columns: columns.filter((column) => !leftOut.has(column.col)),
    doubts: [...leftOut.values()].map((why) =>
      issue('share-beside-its-parts', `${why}: KPI Tracker judges the share and leaves this column alone.`),
    ),
  };
}
