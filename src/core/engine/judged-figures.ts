import type { IndicatorVerdict } from './indicator-verdict';
import { formatFigure } from './format-figure';

const EXCEL_ERROR = /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/**
 * The actual and target as a report should print them: the figures as judged, with their unit
 * ("364", "14 working days", "90.2%"), rather than the cell text with its footnote markers and
 * stated variances; an Excel error shows as "Not available".
 */
export interface JudgedFigures {
  readonly actual: string;
  readonly target: string;
  readonly previous: string;
}

export function judgedFigures(verdict: IndicatorVerdict): JudgedFigures {
  const actualValue = verdict.actualValue;
  const targetValue = verdict.targetValue;
  const previousActual = verdict.previousActual;
  const unit = verdict.unit;
  return {
    actual: actualValue !== undefined && targetValue !== undefined ? formatFigure(actualValue, unit) : asWritten(verdict.actualText),
    // A threshold reads best as its figure ("14 working days"); a rate or a date as written ("15 per quarter").
    target: targetValue !== undefined && verdict.targetKind === 'threshold' ? formatFigure(targetValue, unit) : verdict.targetText.trim(),
    previous: previousActual === null ? '' : formatFigure(previousActual, unit),
  };
}

function asWritten(actualText: string): string {
  const text = actualText.trim();
  return EXCEL_ERROR.test(text) ? 'Not available' : text;
}
