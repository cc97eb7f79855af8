import { formatNumberGB } from '../model/format-number';
import type { Unit } from './target-types';

/**
 * Variance in the seeds' convention: percentage points for percentage targets, relative %
 * for everything else; whole numbers with a sign (`+38%`, `-75%`), one decimal under 10.
 */
export function varianceValue(actual: number, target: number, unit: Unit | undefined): number | undefined {
  if (unit === 'percent') return actual - target;
  if (target === 0) return undefined;
  return (actual / target - 1) * 100;
}

const PLAIN = { format: (n: number): string => formatNumberGB(n, 1, { grouping: false }) };

export function formatVariance(value: number | undefined): string | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const magnitude = Math.abs(value);
  let rounded = magnitude >= 9.95 ? Math.round(magnitude) : Math.round(magnitude * 10) / 10;
  if (rounded === 0) return '0%';
  rounded = Math.round(rounded * 10) / 10;
  return `${value < 0 ? '-' : '+'}${PLAIN.format(rounded)}%`;
}
