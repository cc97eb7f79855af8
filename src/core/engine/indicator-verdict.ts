import type { Period } from '../periods/period';
import type { Verdict } from './judge';
import type { Polarity, Target } from './target-types';

export type Trend = 'better' | 'worse' | 'same';

/**
 * One indicator judged for one period: what every surface shows and every sheet is built from.
 * Read-only, and every field reads the same each time it is read, as often as it is read.
 */
export interface IndicatorVerdict extends Verdict {
  readonly sheet: string;
  /** Index of the table in the detection. */
  readonly tableIndex: number;
  readonly ref: string | null;
  readonly indicator: string;
  /** 0-based row of the indicator (where its status goes). */
  readonly row: number;
  readonly period: Period | undefined;
  readonly periodLabel: string;
  /** As written in the sheet. */
  readonly actualText: string;
  readonly targetText: string;
  /** Where the actual came from, e.g. `D4`. */
  readonly actualCell: string | null;
  readonly polarity: Polarity;
  readonly polarityAssumed: boolean;
  readonly owner: string | null;
  readonly previousActual: number | null;
  readonly trend: Trend | null;
  readonly commentary: string | null;
  /** What kind of target it was judged against (threshold, rate, deadline…). */
  readonly targetKind: Target['kind'];
}

/** Every field of a verdict, in the order a plain copy lists them. */
export const VERDICT_FIELDS = [
  'status',
  'reason',
  'variance',
  'varianceValue',
  'actualValue',
  'targetValue',
  'unit',
  'targetKind',
  'sheet',
  'tableIndex',
  'ref',
  'indicator',
  'row',
  'period',
  'periodLabel',
  'actualText',
  'targetText',
  'actualCell',
  'polarity',
  'polarityAssumed',
  'owner',
  'previousActual',
  'trend',
  'commentary',
] as const satisfies ReadonlyArray<keyof IndicatorVerdict>;

/**
 * A plain copy of a verdict, each field its own value, with `changes` in place of its fields: a
 * committee preview's verdict as if it had another status, a period's verdict where the indicator
 * has no figure. Fields that follow from others (the variance from its value, the trend from the
 * figure before) are not worked out again: a change to one gives the other too.
 */
export function verdictWith(verdict: IndicatorVerdict, changes: Partial<IndicatorVerdict> = {}): IndicatorVerdict {
  const copy: Record<string, unknown> = {};
  for (const field of VERDICT_FIELDS) copy[field] = field in changes ? changes[field] : verdict[field];
  return Object.freeze(copy) as unknown as IndicatorVerdict;
}

/** Against the previous period's figure, whichever way is better for the indicator. */
export function trendOf(previous: number | null, actual: number | undefined, polarity: Polarity): Trend | null {
  if (previous === null || actual === undefined || polarity === 'none') return null;
  const diff = actual - previous;
  return Math.abs(diff) < 1e-9 ? 'same' : diff > 0 === (polarity === 'higher') ? 'better' : 'worse';
}
