import type { IndicatorVerdict } from '../core/engine/indicator-verdict';
import { comparePeriods, periodLabel, type Period } from '../core/periods/period';
import { latestPeriodWithData } from '../core/run/run-kpi-tracker';

/** The periods the verdicts cover, earliest first, as labels such as `Q2 2024/25`. */
export function periodsOf(verdicts: readonly IndicatorVerdict[]): string[] {
  const byLabel = new Map<string, Period>();
  for (const verdict of verdicts) if (verdict.period) byLabel.set(periodLabel(verdict.period), verdict.period);
  return [...byLabel.entries()].sort(([, a], [, b]) => comparePeriods(a, b)).map(([label]) => label);
}

/** The period the pane works on: the officer's choice if the workbook still has it, else the latest with figures. */
export function effectivePeriod(verdicts: readonly IndicatorVerdict[], chosen: string | null): string | null {
  const periods = periodsOf(verdicts);
  if (chosen && periods.includes(chosen)) return chosen;
  return latestPeriodWithData(verdicts) ?? periods[periods.length - 1] ?? null;
}
