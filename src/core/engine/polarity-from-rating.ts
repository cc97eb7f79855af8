import type { DetectedTable } from '../detect/types';
import { cellAt, type Sheet } from '../model/workbook';
import { parseActualCell } from './parse-actual';
import type { PolarityDecision } from './polarity';
import { publishedRating } from './published-rating';
import { columnsOf } from './table-columns';
import { STATUS_WORDS, type Target } from './target-types';

/** How close to its target a figure may be rated either way by a tolerance: the default 5%. */
const NEAR_SHARE = 0.05;
/** The words KPI Tracker writes itself (its default labels), which a past run may have left. */
const OWN_WORDS: ReadonlySet<string> = new Set(
  [STATUS_WORDS.met, STATUS_WORDS.near, STATUS_WORDS.missed].map((word) => word.toLowerCase()),
);

/**
 * Where nothing in the workbook says which way is better, a rating the sheet gives the row may:
 * "Planning appeals allowed" at 0% against 30%, rated R, is better lower. Before, such a row was
 * judged higher-is-better by assumption, and the officer's own R overwritten with Met. Only a clear
 * met or not met beside a figure on one side of a numeric target says it; a near miss does not.
 */
export function polarityFromRating(table: DetectedTable, sheet: Sheet, row: number, target: Target): PolarityDecision | undefined {
  if (target.kind !== 'threshold') return undefined;
  const actuals = columnsOf(table, 'actual');
  for (let i = actuals.length - 1; i >= 0; i--) {
    const col = actuals[i]!.col;
    const actual = parseActualCell(cellAt(sheet, row, col));
    if (actual.kind !== 'number') continue;
    const rating = publishedRating(table, sheet, row, col);
    if (!rating || (rating.status !== 'met' && rating.status !== 'missed')) return undefined;
    if ((actual.unit ?? target.unit) !== target.unit || actual.value === target.value) return undefined;
    // A figure near its target may be rated by a tolerance (a happy face for 98.9 against 99.2),
    // and KPI Tracker's own words may be last quarter's run: neither says which way is better.
    if (Math.abs(actual.value - target.value) <= Math.abs(target.value) * NEAR_SHARE) return undefined;
    if (OWN_WORDS.has(rating.text.trim().toLowerCase())) return undefined;
    const above = actual.value > target.value;
    const polarity = above === (rating.status === 'met') ? 'higher' : 'lower';
    return {
      polarity,
      source: 'sheet rating',
      assumed: false,
      reason: `${polarity} is better (the sheet rates ${actual.text.trim()} against ${target.text.trim()} "${rating.text}")`,
    };
  }
  return undefined;
}
