import type { IndicatorVerdict } from '../engine/indicator-verdict';
import { formatFigure } from '../engine/format-figure';
import { periodLabel, type Period } from '../periods/period';

/** The same period a year earlier: April 2023 for April 2024, Q2 2023/24 for Q2 2024/25. */
export function samePeriodLastYear(period: Period): Period | undefined {
  if (period.fy === undefined || period.kind === 'year' || period.kind === 'ytd') return undefined;
  return { ...period, fy: period.fy - 1 };
}

/**
 * Each report verdict's figure for the same period last year, where the workbook has one ('' where
 * not), as a committee sheet prints it. Whole years are left out: their previous period already
 * is last year.
 */
export function lastYearFigures(all: readonly IndicatorVerdict[], report: readonly IndicatorVerdict[]): string[] {
  const wanted = new Map<string, number[]>();
  const keyOf = (tableIndex: number, row: number, label: string): string => `${tableIndex}:${row}:${label}`;
  report.forEach((v, i) => {
    const earlier = v.period ? samePeriodLastYear(v.period) : undefined;
    if (!earlier) return;
    const key = keyOf(v.tableIndex, v.row, periodLabel(earlier));
    const at = wanted.get(key);
    if (at) at.push(i);
    else wanted.set(key, [i]);
  });
  const figures = report.map(() => '');
  if (wanted.size === 0) return figures;
  const wantedLabels = new Set([...wanted.keys()].map((key) => key.slice(key.indexOf(':', key.indexOf(':') + 1) + 1)));
  // Verdicts share their period (a table's column): whether it is a wanted one is asked once per period.
  const isWanted = new Map<Period, boolean>();
  for (const v of all) {
    const period = v.period;
    if (!period) continue;
    let wantedPeriod = isWanted.get(period);
    if (wantedPeriod === undefined) {
      wantedPeriod = wantedLabels.has(periodLabel(period));
      isWanted.set(period, wantedPeriod);
    }
    if (!wantedPeriod) continue;
    const at = wanted.get(keyOf(v.tableIndex, v.row, v.periodLabel));
    if (!at) continue;
    const value = v.actualValue;
    // A figure reported for information (no target) is kept as the workbook writes it.
    const text = value !== undefined ? formatFigure(value, v.unit) : v.status === 'no-target' ? v.actualText.trim() : '';
    if (text === '') continue;
    for (const i of at) if (figures[i] === '') figures[i] = text;
  }
  return figures;
}
