import type { ColumnMapping, DetectedTable } from '../detect/types';
import { periodLabel, type Period } from '../periods/period';
import type { Target } from './target-types';

/**
 * The target column that judges a period: the one for the period's year, else one for no year in
 * particular. A table whose only targets are for another year ("2021/2022 Target" beside the
 * 2020/21 actuals, CHP) has none for it: next year's target never judges this year's figure.
 */
export function targetColumnFor(table: DetectedTable, period: Period | undefined): ColumnMapping | undefined {
  const targets = table.columns.filter((column) => column.role === 'target');
  if (!period || period.fy === undefined) return targets[0];
  return targets.find((t) => t.period?.fy === period.fy) ?? targets.find((t) => t.period?.fy === undefined);
}

/** Why a table with no actual column gives No data: what it holds instead. */
export function noActualColumnWhy(table: DetectedTable): string {
  const has = (role: string): boolean => table.columns.some((column) => column.role === role);
  if (has('baseline')) return 'this table has no actual column (it sets the baseline and target)';
  if (has('target') || has('longTermTarget')) return 'this table has no actual column (it sets targets only)';
  if (has('status')) return "this table has no figures, only the sheet's own status for each row";
  return 'this table has no actual column';
}

/**
 * The target of an indicator where no target column judges its period: in a table whose targets
 * are all for other years, none, and the reason says so. A benchmarking table (the body's
 * figures beside comparators or ranks, no targets and no ratings) sets none for any of its rows, so each is
 * No target even where its figure is missing ("N/A"); elsewhere the row's target is simply blank,
 * and a missing figure is No data.
 */
export function targetWithoutColumn(table: DetectedTable): Target {
  const otherYears = table.columns.filter((column) => column.role === 'target' && column.period?.fy !== undefined);
  if (otherYears.length > 0)
    return {
      kind: 'none',
      text: '',
      why: `the table's target${otherYears.length > 1 ? 's are' : ' is'} for ${otherYears.map((c) => periodLabel(c.period!)).join(' and ')}, not this period's year`,
    };
  // A status column says the publisher rates its rows: they have targets, written or not.
  const comparesOnly =
    table.columns.some((column) => column.role === 'benchmark' || column.role === 'rank') &&
    !table.columns.some((column) => column.role === 'status');
  return comparesOnly
    ? { kind: 'none', text: '', why: 'the table sets no targets, only comparisons with others', wholeTable: true }
    : { kind: 'none', text: '', why: 'the table has no target column' };
}
