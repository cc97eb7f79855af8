import { readStatusWord } from './status-words';

/**
 * A figure written after its measure's name in one cell, as web pages print them and officers
 * paste them into a sheet: "Customer satisfaction (LCRA)*: 58.5%", "Rent collected as % due:
 * 97.86% ***" (Network Homes, "Our performance").
 */
export interface LabelledFigure {
  /** The measure's name as written, footnote stars kept: "Customer satisfaction (LCRA)*". */
  readonly label: string;
  /** What follows the colon: "58.5%". */
  readonly figure: string;
}

/** What may follow the name: a figure, perhaps signed, in pounds or a percentage, with footnote stars. */
const FIGURE_AFTER_NAME = /^[<>≤≥~]?\s*[+-]?£?\s*\d[\d,]*(\.\d+)?\s*(%|per ?cent|days?|weeks?|wks?|hours?|mins?|minutes?)?\s*\**$/i;

/** Words before "was" that make the cell a note about another period's figure, not a measure's name and its figure. */
const NOTE_NOT_NAME =
  /\d|\b(last|previous|prior|same period|not available|unavailable|awaiting|pending|tbc|n\/a|result|figure|outturn|target|baseline)\b/i;

/** A name, then "was" or "is", then the figure that ends the cell. */
const STATED_AFTER_NAME = /^(.*\S)\s+(?:was|is|were|are)\s+(\S+(?:\s*\*+)?)$/i;

/** Names that say what the figure is rather than what is measured: "Target: 70%", "58% vs target: 70%". */
const NOT_A_MEASURE =
  /^(target|aim|goal|standard|benchmark|tolerance|baseline|previous|last year|national)\b|\b(target|aim|goal|standard)s?$/i;

/** A figure inside the name ("58% vs target", "Achieved 58% against target"): the cell says more than a name and a figure. */
const FIGURE_IN_NAME = /\d\s*(%|per ?cent)|£\s*\d/i;

/**
 * The name and the figure, where the cell is exactly that: one colon, a name with no figure of its
 * own that is not a rating ("Not achieved: 85%", "On track: 45" are a rating and a note), and a
 * figure after it. Anything else is not split, and is read as the cell's text.
 */
export function splitLabelledFigure(text: string): LabelledFigure | undefined {
  const normal = text.replace(/\u00a0/g, ' ');
  const parts = normal.split(/:\s+/);
  // "Rent Collection for Quarter three was 90%" (Horton Housing): the name, "was", the figure.
  const stated = parts.length === 1 ? STATED_AFTER_NAME.exec(normal) : null;
  if (parts.length !== 2 && !stated) return undefined;
  const label = (stated ? stated[1]! : parts[0]!).trim();
  const figure = (stated ? stated[2]! : parts[1]!).trim();
  // "Not available - last year was 97%", "Awaiting data; Q4 was 32": a note about another figure.
  if (stated && NOTE_NOT_NAME.test(label)) return undefined;
  if (label.length < 3 || label.length > 200 || !/[a-z]{3}/i.test(label)) return undefined;
  if (NOT_A_MEASURE.test(label) || FIGURE_IN_NAME.test(label) || readStatusWord(label) !== undefined) return undefined;
  return FIGURE_AFTER_NAME.test(figure) ? { label, figure } : undefined;
}
