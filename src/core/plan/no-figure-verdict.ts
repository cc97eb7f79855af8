import { verdictWith, type IndicatorVerdict } from '../engine/indicator-verdict';
import { judgedFigures } from '../engine/judged-figures';
import type { Period } from '../periods/period';

/**
 * An indicator's verdict for a period it has no figure for (its table has no column for the
 * period, as a quarterly table in a monthly report, or the period is past its last column): No
 * data for that period, saying which figure it does have and when. It stands on the indicator's
 * latest verdict with figures (or its latest verdict), so where it is, its owner, target and
 * commentary are that verdict's; the period and figures are the asked-for period's: none.
 */
export function verdictWithoutFigure(latest: IndicatorVerdict, period: Period, label: string, latestHasFigures: boolean): IndicatorVerdict {
  const figure = latestHasFigures ? judgedFigures(latest).actual : '';
  const reason = figure
    ? `No figure for ${label}. The latest figure is ${figure}, for ${latest.periodLabel || 'an earlier period'}.`
    : `No figure for ${label} yet.`;
  // The variance, the trend and the actual's cell follow from the figures: none.
  return verdictWith(latest, {
    status: 'no-data',
    reason,
    period,
    periodLabel: label,
    actualText: '',
    actualValue: undefined,
    varianceValue: undefined,
    targetValue: undefined,
    previousActual: null,
    variance: null,
    trend: null,
    actualCell: null,
  });
}
