import { parsePeriodLabel } from '../periods/parse-period-label';
import { HEADING_UNITS } from './header-lexicon';
import type { ColumnRole } from './types';

/**
 * Headings that name a period, as the header readers ask of every cell they look at: a year, a
 * part of one, or a year written alone.
 */

/**
 * A label that is a period: a year, or a part of one ("Results" over "Apr.–June | July–Sept. |
 * …", the Commissioner of Lobbying of Canada). Body cells reach here too, so a long one or a
 * figure is ruled out before the period is read.
 */
export function namesAPeriod(text: string): boolean {
  return text.length > 0 && text.length <= 40 && !/^[\d.,%£$\s-]+$/.test(text) && parsePeriodLabel(withoutUnit(text)) !== undefined;
}

const YEAR_SEPARATOR = /[-/\u2010-\u2015]/;

/** `parsePeriodLabel(text)?.kind === 'year'`; a year label has a "/" or a dash, or starts "FY", so most text is ruled out unread. */
export function namesAYear(text: string): boolean {
  return (YEAR_SEPARATOR.test(text) || /^fy/i.test(text)) && parsePeriodLabel(withoutUnit(text))?.kind === 'year';
}

/** Any heading of a period: a part of a year, a year ("2016‐17", "FY 2021-22"), or a year typed alone ("2023"). */
export function namesAnyPeriod(text: string): boolean {
  return namesAPeriod(text) || namesAYear(text) || /^(19|20)\d\d$/.test(text);
}

/** A unit after a heading ("FY23 (%)", "2023/24 (£000)") is no part of the period it names. */
const UNIT_AFTER_HEADING = new RegExp(String.raw`\s*\((${HEADING_UNITS})\)$`, 'i');

function withoutUnit(text: string): string {
  return text.endsWith(')') ? text.replace(UNIT_AFTER_HEADING, '') : text;
}

/** Kinds of figure a heading may name over a run of periods, and a period may date. */
export const FIGURE_KINDS: ReadonlySet<ColumnRole> = new Set(['target', 'actual', 'forecast', 'benchmark', 'longTermTarget', 'previous']);
