import type { IndicatorVerdict } from './evaluate';
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
  const judged = verdict.actualValue !== undefined && verdict.targetValue !== undefined;
  return {
    actual: judged ? formatFigure(verdict.actualValue!, verdict.unit) : asWritten(verdict.actualText),
    // A threshold reads best as its figure ("14 working days"); a rate or a date as written ("15 per quarter").
    target: verdict.targetKind === 'threshold' && verdict.targetValue !== undefined ? formatFigure(verdict.targetValue, verdict.unit) : verdict.targetText.trim(),
    previous: verdict.previousActual === null ? '' : formatFigure(verdict.previousActual, verdict.unit),
  };
}

function asWritten(actualText: string): string {
  const text = actualText.trim();
  return EXCEL_ERROR.test(text) ? 'Not available' : text;
}
