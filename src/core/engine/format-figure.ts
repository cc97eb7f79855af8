import type { Unit } from './target-types';

import { formatNumberGB } from '../model/format-number';

const PLAIN = { format: (n: number): string => formatNumberGB(n, 2) };

/** £84,396 for whole pounds, £88,615.80 with pence. */
function money(value: number): string {
  const pounds = formatNumberGB(Math.abs(value), 2, { minDecimals: Number.isInteger(value) ? 0 : 2 });
  return `${value < 0 ? '-' : ''}£${pounds}`;
}

/** A figure as an officer writes it: `90.2%`, `264`, `£88,615.80`, `14 working days`. */
export function formatFigure(value: number, unit: Unit | undefined): string {
  switch (unit) {
    case 'percent':
      return `${PLAIN.format(value)}%`;
    case 'money':
      return money(value);
    case 'days':
    case 'working days':
    case 'hours':
    case 'minutes':
    case 'weeks':
    case 'seconds':
    case 'months':
    case 'years':
      return `${PLAIN.format(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
    default:
      return PLAIN.format(value);
  }
}

/** The gap between two figures in words: `1.8 points`, `5.5 days`, `100`. */
export function formatGap(gap: number, unit: Unit | undefined): string {
  if (unit === 'percent') return `${PLAIN.format(gap)} ${gap === 1 ? 'point' : 'points'}`;
  return formatFigure(gap, unit);
}
