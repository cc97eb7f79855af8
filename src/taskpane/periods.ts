import type { IndicatorVerdict } from '../core/engine/indicator-verdict';
import { comparePeriods, periodLabel, type Period } from '../core/periods/period';

/** The periods the verdicts cover, earliest first, as labels such as `Q2 2024/25`. */
export function periodsOf(verdicts: readonly IndicatorVerdict[]): string[] {
  const byLabel = new Map<string, Period>();
  for (const verdict of verdicts) if (verdict.period) byLabel.set(periodLabel(verdict.period), verdict.period);
  return [...byLabel.entries()].sort(([, a], [, b]) => comparePeriods(a, b)).map(([label]) => label);
}

/** The period the pane works on: the officer's choice if the workbook still has it, else the latest with figures. */
export function effectivePeriod(periods: readonly string[], latest: string | null, chosen: string | null): string | null {
  if (chosen && periods.includes(chosen)) return chosen;
  return latest ?? periods[periods.length - 1] ?? null;
}
