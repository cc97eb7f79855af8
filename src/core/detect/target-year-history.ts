import { comparePeriods, periodLabel } from '../periods/period';
import { kindOf } from './find-tables';
import type { ColumnMapping, DetectedTable } from './types';

/**
 * A budget book's "FY 2022 Actual | FY 2023 Actual | FY 2024 Estimate | FY 2025 Target" (the City
 * of Arlington's, Fort Worth's): every target is for a year later than every figure, and an
 * estimate for the year in progress, or a level desired in the long run, says the table looks
 * forward. It reports on the target's year, which has no figure yet; the earlier years' figures
 * are its history, shown and used for the direction of travel, never judged against a later
 * year's target (before, each was reported "No target", as if the year had none). Without an
 * estimate ("2017/18 value | 2018/19 target", a results page) the latest figure is still the
 * result, and next year's target is shown beside it.
 */
export function figuresBeforeTheTargetYear(table: DetectedTable): DetectedTable {
  const targets = table.columns.filter((column) => column.role === 'target');
  const actuals = table.columns.filter((column) => column.role === 'actual');
  if (targets.length === 0 || actuals.length === 0) return table;
  if (!table.columns.some((column) => column.role === 'forecast' || column.role === 'longTermTarget')) return table;
  const dated = (column: ColumnMapping): boolean => column.period?.kind === 'year' && column.period.fy !== undefined;
  if (!targets.every(dated) || !actuals.every(dated)) return table;
  const earliestTarget = targets.map((t) => t.period!).sort(comparePeriods)[0]!;
  if (!actuals.every((actual) => comparePeriods(actual.period!, earliestTarget) < 0)) return table;
  const columns = table.columns.map((column) =>
    column.role === 'actual'
      ? {
          ...column,
          role: 'previous' as const,
          reason: `${column.reason}; an earlier year than the target's (${periodLabel(earliestTarget)}), so it is history, not the year judged`,
        }
      : column,
  );
  return { ...table, columns, kind: kindOf(columns) };
}
