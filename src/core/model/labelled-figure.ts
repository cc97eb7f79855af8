/**
 * A figure written after its measure's name in one cell, as web pages print them and officers
 * paste them into a sheet: "Customer satisfaction (LCRA)*: 58.5%", "Rent collected as % due:
 * 97.86% ***" (Network Homes, "Our performance").
 */
export interface LabelledFigure {
  /** The measure's name as written, footnote stars kept: "Customer satisfaction (LCRA)*". */
  readonly label: string;
  /** What follows the last colon: "58.5%". */
  readonly figure: string;
}

/** What may follow the name: a figure, perhaps signed, in pounds or a percentage, with footnote stars. */
const FIGURE_AFTER_NAME = /^[<>≤≥~]?\s*[+-]?£?\s*\d[\d,]*(\.\d+)?\s*(%|per ?cent|days?|weeks?|wks?|hours?|mins?|minutes?)?\s*\**$/i;

/** Names that say what the figure is rather than what is measured: "Target: 70%" is no result. */
const NOT_A_MEASURE = /^(target|aim|goal|standard|benchmark|tolerance|baseline|previous|last year|national)\b/i;

export function splitLabelledFigure(text: string): LabelledFigure | undefined {
  const at = text.lastIndexOf(': ');
  if (at < 0) return undefined;
  const label = text.slice(0, at).trim();
  const figure = text.slice(at + 2).trim();
  if (label.length < 3 || label.length > 200 || !/[a-z]{3}/i.test(label) || NOT_A_MEASURE.test(label)) return undefined;
  return FIGURE_AFTER_NAME.test(figure) ? { label, figure } : undefined;
}
