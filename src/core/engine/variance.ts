import { formatNumberGB } from '../model/format-number';
import { memoByText } from '../model/memo';
import type { Unit } from './target-types';

/**
 * Variance in the seeds' convention: percentage points for percentage targets, relative %
 * for everything else; whole numbers with a sign (`+38%`, `-75%`), one decimal only where the
 * difference is under 1 (`-0.2%`).
 */
export function varianceValue(actual: number, target: number, unit: Unit | undefined): number | undefined {
  if (unit === 'percent') return actual - target;
  if (target === 0) return undefined;
  return (actual / target - 1) * 100;
}

const PLAIN = { format: (n: number): string => formatNumberGB(n, 1, { grouping: false }) };

// Every judged period has a variance, and rounded variances repeat ("+4%", "-1.8%"): each is
// written once and shared, rather than a new string kept by each of 600,000 verdicts.
const writtenVariance = memoByText((signed: number): string => `${signed < 0 ? '-' : '+'}${PLAIN.format(Math.abs(signed))}%`);

export function formatVariance(value: number | undefined): string | null {
  // Beyond a billion per cent a variance says nothing a reader can use (a figure against a near-zero target).
  if (value === undefined || !Number.isFinite(value) || Math.abs(value) >= 1e9) return null;
  const tenths = Math.round(Math.abs(value) * 10) / 10;
  // 0.96 rounds to 1.0 in tenths: from there on it is a whole number.
  const rounded = tenths < 1 ? tenths : Math.round(Math.abs(value));
  if (rounded === 0) return '0%';
  return writtenVariance(value < 0 ? -rounded : rounded);
}
