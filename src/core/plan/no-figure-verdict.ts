import type { IndicatorVerdict } from '../engine/evaluate';
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
  const own = (value: unknown): PropertyDescriptor => ({ value, enumerable: true });
  // The verdict's getters read these in place of the latest verdict's own (variance, trend and
  // the actual's cell follow from them: none).
  return Object.create(latest, {
    status: own('no-data'),
    reason: own(reason),
    period: own(period),
    periodLabel: own(label),
    actualText: own(''),
    actualValue: own(undefined),
    varianceValue: own(undefined),
    targetValue: own(undefined),
    previousActual: own(null),
    actualColumn: own(undefined),
    variance: own(null),
    trend: own(null),
    actualCell: own(null),
  }) as IndicatorVerdict;
}
