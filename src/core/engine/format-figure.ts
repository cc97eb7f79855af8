import type { Unit } from './target-types';

const PLAIN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const MONEY = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A figure as an officer writes it: `90.2%`, `264`, `£88,615.80`, `14 working days`. */
export function formatFigure(value: number, unit: Unit | undefined): string {
  switch (unit) {
    case 'percent':
      return `${PLAIN.format(value)}%`;
    case 'money':
      return Number.isInteger(value) ? MONEY.format(value) : new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(value);
    case 'days':
    case 'working days':
    case 'hours':
    case 'minutes':
    case 'weeks':
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
