import type { IndicatorVerdict } from '../core/engine/indicator-verdict';
import { formatFigure } from '../core/engine/format-figure';
import { comparePeriods } from '../core/periods/period';

export interface TrendPoint {
  readonly period: string;
  readonly value: number;
  /** The figure as an officer writes it: `83%`, `29`. */
  readonly text: string;
}

/** Same indicator, same table, same row. */
export function indicatorKey(verdict: IndicatorVerdict): string {
  return `${verdict.sheet}\u0000${verdict.tableIndex}\u0000${verdict.row}`;
}

/** The indicator's figures across the periods that have one, earliest first. */
export function trendOf(verdicts: readonly IndicatorVerdict[], of: IndicatorVerdict): TrendPoint[] {
  const key = indicatorKey(of);
  return verdicts
    .filter((v) => indicatorKey(v) === key && v.actualValue !== undefined && v.period)
    .sort((a, b) => comparePeriods(a.period!, b.period!))
    .map((v) => ({ period: v.periodLabel, value: v.actualValue!, text: formatFigure(v.actualValue!, v.unit) }));
}
