import type { Detection } from '../core/detect/types';
import { tableGroups } from './table-groups';
import { count } from './words';

/** "Q1 2024/25", "Q1 2024/25 and Q2 2024/25", "Apr-24 to Mar-25". */
function periodWords(periods: readonly string[]): string {
  if (periods.length <= 2) return periods.join(' and ');
  return `${periods[0]} to ${periods[periods.length - 1]}`;
}

/**
 * The one line a first run opens with: what KPI Tracker found, in an officer's terms. Tables
 * whose header row repeats above each block count once, as the officer sees them.
 */
export function firstRunSummary(detection: Detection, periods: readonly string[]): string {
  const groups = tableGroups(detection.tables);
  const kpiGroups = groups.filter((group) => detection.tables[group.indices[0]!]!.kind !== 'action-plan');
  const plans = groups.length - kpiGroups.length;
  const indicators = kpiGroups.reduce(
    (n, group) => n + group.indices.reduce((m, index) => m + detection.tables[index]!.indicators.length, 0),
    0,
  );
  const sheets = [...new Set(groups.map((group) => group.sheet))];
  const where = sheets.length === 1 ? `on sheet "${sheets[0]}"` : `on ${count(sheets.length, 'sheet')}`;
  const found = [
    ...(kpiGroups.length > 0 ? [`${count(indicators, 'indicator')} in ${count(kpiGroups.length, 'table')}`] : []),
    ...(plans > 0 ? [count(plans, 'action plan')] : []),
  ].join(' and ');
  const figures = periods.length > 0 ? `, with figures for ${periodWords(periods)}` : ', with no figures yet';
  return `Found ${found} ${where}${figures}.`;
}
