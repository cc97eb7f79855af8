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
      return `${PLAIN.format(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
    default:
      return PLAIN.format(value);
  }
}

/**
 * formatFigure for the many figures of one run (three for each of 50,000 indicators), each figure
 * worded once: a large workbook repeats its figures (the same target in every area, whole numbers
 * of days, percentages to a decimal place), so their words are shared rather than made and kept
 * again for each verdict. Made for one run, so it does not outlive it.
 */
export class FigureWords {
  /** By unit, the words by `figureKey`. */
  private readonly known = new Map<Unit | undefined, Map<number, string>>();
  private count = 0;

  format(value: number, unit: Unit | undefined): string {
    const key = figureKey(value);
    if (key < 0) return formatFigure(value, unit);
    let words = this.known.get(unit);
    if (!words) {
      words = new Map();
      this.known.set(unit, words);
    }
    let text = words.get(key);
    if (text === undefined) {
      text = formatFigure(value, unit);
      // Figures that never repeat (pounds and pence) would only fill it.
      if (this.count < MAX_FIGURE_WORDS) {
        words.set(key, text);
        this.count++;
      }
    }
    return text;
  }
}

const MAX_FIGURE_WORDS = 20_000;

/**
 * What formatFigure's words depend on, as a small whole number: the figure rounded to the two
 * decimals it shows, whether it is below zero, exactly one (a unit in the singular) or whole (pounds
 * without pence); -1 for a figure too large or not finite, worded afresh.
 */
function figureKey(value: number): number {
  const hundredths = Math.round(Math.abs(value) * 100);
  if (!(hundredths < 2 ** 27)) return -1;
  return hundredths * 8 + (value < 0 ? 4 : 0) + (value === 1 ? 2 : 0) + (Number.isInteger(value) ? 1 : 0);
}

/** The gap between two figures in words: `1.8 points`, `5.5 days`, `100`. */
export function formatGap(gap: number, unit: Unit | undefined): string {
  if (unit === 'percent') return `${PLAIN.format(gap)} ${gap === 1 ? 'point' : 'points'}`;
  return formatFigure(gap, unit);
}
