import { memoByText } from '../model/memo';
import { parsePeriodLabel, periodInText } from '../periods/parse-period-label';
import { periodLabel, type Period } from '../periods/period';
import { COMPARATOR_HEADER, normaliseHeader, type ColumnGuesses, type HeaderGuess } from './header-lexicon';
import type { Cell } from '../model/workbook';
import type { SheetGrid } from './sheet-grid';
import type { ColumnMapping, ColumnRole, DetectedIndicator, DetectedTable, Footnote, TableKind } from './types';
import { shortText } from '../model/short-text';
import { isYearNumber, readHeaderByShape } from './shape-header';
import { valueKind } from './column-values';
import { MAX_SPACER } from './resolve-columns';
import { REFERENCE_PATTERN } from './reference-pattern';
import { stackedGuesses, stackedHeaderRows } from './stacked-header';
import { FIGURE_KINDS, namesAnyPeriod, namesAPeriod, namesAYear } from './period-headings';
import { issue, type Issue } from '../model/issue';

/** Roles that hold figures or words about an indicator's result. */
const DATA_ROLES: ReadonlySet<ColumnRole> = new Set([
  'actual',
  'target',
  'baseline',
  'count',
  'metShare',
  'notMetShare',
  'rating',
  'ratingShare',
  'status',
  'caseStart',
  'caseEnd',
]);
const NAME_ROLES: ReadonlySet<ColumnRole> = new Set(['reference', 'description']);

export interface HeaderCandidate {
  readonly rows: number[];
  readonly columns: ColumnMapping[];
  readonly title?: string;
  /** What detection is unsure of about a header found from the table's shape (see shape-header). */
  readonly shapeDoubts?: readonly Issue[];
}

export { REFERENCE_PATTERN };

/** A reference and the wording after it, in one cell: "PMF-01: Current rent …", "BV66a - Rent collected". */
const REF_IN_DESCRIPTION = /^([A-Za-z]{0,5}[ -]?\d[\w.-]{0,10})\s*(?::|\s[-–]\s)\s*(\S.*)$/s;

/** A header over references and wording together: "Code & Name", "Ref and description". */
const CODE_AND_NAME_HEADER = /^(code|ref|reference|(kpi|pi|indicator|measure) (ref|reference|no\.?))( and | & )(name|description|title)$/;
/** Under such a header: the code, a space, the wording ("FICT055 Percentage of Delivery of Audit Plan"). */
const CODE_THEN_NAME = /^([A-Za-z]{1,6}[ -]?\d[\w.-]{0,10})\s+(\S.*)$/s;

/** What one cell alone would be guessed as, the same as `guessesFor` with a single row gives. */
function singleGuess(grid: SheetGrid, row: number, col: number): HeaderGuess | undefined {
  const shown = grid.headerText(row, col);
  return shown ? grid.classify(shown) : undefined;
}

function guessesFor(grid: SheetGrid, rows: number[], cols: readonly number[], seriesGroups = false): ColumnGuesses {
  const result: ColumnGuesses = new Map();
  // The row of labels and the row over it where a heading may be written once over several:
  // under a year and a row of quarters, the quarters' row ("2024/25", "Q1 | Q2", "Actual | RAG").
  const overLabels =
    rows.length === 2
      ? rows
      : rows.length === 3 && cols.every((c) => !grid.filledCell(rows[1]!, c) || namesAPeriod(grid.text(rows[1]!, c)))
        ? rows.slice(1)
        : undefined;
  for (const c of cols) {
    // Under groups of the same labels (seriesUnderPeriods): each label is a series of its group's
    // heading ("Complainant feedback" under "Quarter 4" is that quarter's figure for complainants).
    const label = seriesGroups ? grid.headerText(rows[1]!, c) : '';
    const heading = label ? groupHeadingAt(grid, rows[0]!, c, cols[0]!) : undefined;
    const headingText = heading === undefined ? '' : grid.headerText(rows[0]!, heading);
    const kind = headingText ? grid.classify(headingText) : undefined;
    if (kind && kind.role !== 'description') {
      result.set(c, { header: `${headingText} ${label}`, guess: kind, series: label });
      continue;
    }
    const change = rows.length === 2 ? changeOverTheLabel(grid, rows, c) : undefined;
    if (change) {
      result.set(c, change);
      continue;
    }
    const parts: string[] = [];
    const spanning = seriesGroups || !overLabels ? undefined : headingOverPeriods(grid, overLabels, c, cols[0]!);
    if (spanning !== undefined) parts.push(grid.headerText(overLabels![0]!, spanning));
    for (const r of rows) {
      const shown = grid.headerText(r, c);
      if (shown && parts[parts.length - 1] !== shown) parts.push(shown);
    }
    const header = parts.join(' ');
    if (!header) continue;
    // A group heading may sit above ("2024/25" over "Q1") or name the kind ("Target Met" over "Yes").
    const reversed = parts.length > 1 ? [...parts].reverse().join(' ') : undefined;
    // A dated period underneath ("Actuals 2024/25" over "Q1 2024/25") is the column's own period.
    const lower = parts.length > 1 ? grid.classify(parts[parts.length - 1]!) : undefined;
    const upper = lower?.role === 'actual' && lower.period ? grid.classify(parts[0]!) : undefined;
    // An undated part ("Jan") under a heading of undated figures ("% Achievement of client
    // charter") is that part too, its year from the title; under a year it takes the year (below).
    const undatedUnderFigures = upper?.role === 'actual' && !upper.period;
    const dated =
      lower?.role === 'actual' && (lower.period?.fy !== undefined || (lower.period && undatedUnderFigures))
        ? datedUnder(upper, lower)
        : undefined;
    const guess = ratingOfPeriod(
      grid,
      parts,
      dated ??
        grid.classify(header) ??
        (reversed ? grid.classify(reversed) : undefined) ??
        (parts.length > 1 ? grid.classify(parts[parts.length - 1]!) : undefined),
    );
    result.set(c, { header: guess?.role === 'actual' && reversed && grid.classify(reversed) ? reversed : header, guess });
  }
  return result;
}

/**
 * "Change" written once over "Numeric | Percentage" (a police force's scrutiny pack, its merge lost
 * on export): the label under the blank cell beside it is a change too, not a figure of its own.
 */
function changeOverTheLabel(grid: SheetGrid, rows: readonly number[], col: number): { header: string; guess: HeaderGuess } | undefined {
  const [upper, labels] = [rows[0]!, rows[1]!];
  const label = grid.headerText(labels, col);
  if (!label || grid.headerText(upper, col) || col === 0 || !grid.headerText(labels, col - 1)) return undefined;
  const heading = grid.headerText(upper, col - 1);
  const headingRole = heading ? grid.classify(heading)?.role : undefined;
  if (!headingRole || !CHANGE_ROLES.has(headingRole)) return undefined;
  const header = `${heading} ${label}`;
  const guess = grid.classify(header);
  return guess && CHANGE_ROLES.has(guess.role) ? { header, guess } : undefined;
}

const CHANGE_ROLES: ReadonlySet<ColumnRole> = new Set(['variance', 'trend']);

/** Under groups named by who or what they are for (kindsUnderGroups): each label's kind, its group's name the series. */
function kindsOfGroups(grid: SheetGrid, rows: number[], cols: readonly number[]): ColumnGuesses {
  const result: ColumnGuesses = new Map();
  for (const c of cols) {
    const label = grid.headerText(rows[1]!, c);
    const heading = groupHeadingAt(grid, rows[0]!, c, cols[0]!);
    const series = heading === undefined ? '' : grid.headerText(rows[0]!, heading);
    const guess = label ? grid.classify(label) : undefined;
    const header = [series, label].filter(Boolean).join(' ');
    if (!header) continue;
    result.set(c, { header, ...(guess ? { guess } : {}), ...(series && guess ? { series } : {}) });
  }
  return result;
}

/**
 * A status under a period's heading ("Q1 2024/25" over "Actual | RAG", "2005-2006" over "Interim
 * Assessment") rates that period.
 */
function ratingOfPeriod(grid: SheetGrid, parts: readonly string[], guess: HeaderGuess | undefined): HeaderGuess | undefined {
  if (guess?.role !== 'status' || guess.period || parts.length < 2) return guess;
  const period = grid.classify(parts[0]!)?.period;
  return period ? { ...guess, period } : guess;
}

/**
 * The heading a label stands under where its own cell above is blank, as a merged cell is when
 * exported: a kind of figure written once, in the plural, over a run of periods of one kind
 * ("Targets" over "2016/17 | 2017/18", Wellington City Council's annual plan); or a period written
 * once over a run of kinds ("2023/24" over "Target | Actual", then "2024/25" over the next pair).
 * Across labels each with a blank above, back to the heading's own column.
 */
function headingOverPeriods(grid: SheetGrid, rows: readonly number[], col: number, leftmost: number): number | undefined {
  if (rows.length !== 2 || grid.filledCell(rows[0]!, col)) return undefined;
  const label = grid.text(rows[1]!, col);
  const period = namesAPeriod(label) ? parsePeriodLabel(label) : undefined;
  const kind = period ? undefined : figureOrRating(grid, rows[1]!, col);
  if (!period && !kind) return undefined;
  // "2024/25" over "Target | Q1 | Q2": a part of a year may follow the year's kinds of figure.
  const partOfYear = period !== undefined && period.kind !== 'year' && period.fy === undefined;
  let pastKinds = false;
  for (let c = col - 1; c >= leftmost; c--) {
    const other = grid.text(rows[1]!, c);
    const samePeriods = period !== undefined && namesAPeriod(other) && parsePeriodLabel(other)?.kind === period.kind;
    const kinds = figureOrRating(grid, rows[1]!, c) !== undefined && !namesAPeriod(other);
    if (period ? !samePeriods && !(partOfYear && kinds) : !kinds) return undefined;
    if (period && kinds) pastKinds = true;
    if (!grid.filledCell(rows[0]!, c)) continue;
    const heading = grid.headerText(rows[0]!, c);
    if (partOfYear && namesAYear(heading)) return c;
    if (period) {
      if (pastKinds) return undefined;
      const over = grid.classify(heading);
      return over && !over.period && FIGURE_KINDS.has(over.role) && /s$/i.test(heading.trim()) ? c : undefined;
    }
    return namesAPeriod(heading) ? c : undefined;
  }
  return undefined;
}

/** A label naming a kind of figure and no period ("Target", "Actual"). */
function figureKind(grid: SheetGrid, row: number, col: number): HeaderGuess | undefined {
  const text = grid.headerText(row, col);
  const guess = text ? grid.classify(text) : undefined;
  return guess && !guess.period && FIGURE_KINDS.has(guess.role) ? guess : undefined;
}

/** A kind of figure, or the rating of one ("Actual | RAG" under "Q1 2024/25"). */
function figureOrRating(grid: SheetGrid, row: number, col: number): HeaderGuess | undefined {
  const kind = figureKind(grid, row, col);
  if (kind) return kind;
  const text = grid.headerText(row, col);
  const guess = text ? grid.classify(text) : undefined;
  return guess?.role === 'status' && !guess.period ? guess : undefined;
}

/**
 * A heading over a year: the year dates the figure the heading names. "Aim" over "2019/20" is the
 * aim for 2019/20, not a figure; "Year to date" over "2019/20" is the year to date of 2019/20.
 */
function datedUnder(upper: HeaderGuess | undefined, dated: HeaderGuess): HeaderGuess {
  if (!upper || upper.role === 'description') return dated;
  if (upper.role !== 'actual') return { ...upper, period: dated.period! };
  // "Q1" or "Year to date" over "2024/25" is that part of 2024/25; "Actuals 2024/25" over "Q1
  // 2024/25", or "Actuals" over "2013/14", is the period below.
  const part = upper.period && upper.period.kind !== 'year' && dated.period!.kind === 'year' ? upper.period : undefined;
  return part ? { ...upper, period: { ...part, fy: part.fy ?? dated.period!.fy } } : dated;
}

/**
 * Decides whether `row` (with perhaps the row under it) is a table header, and maps its columns.
 */
/** Columns a header may use: the whole row, or one of several tables standing side by side. */
export interface ColumnSpan {
  readonly left: number;
  readonly right: number;
}

const WHOLE_ROW: ColumnSpan = { left: 0, right: Number.MAX_SAFE_INTEGER };

/** The runs of filled cells in a row, split where a column is empty: tables side by side. */
export function segmentsOf(grid: SheetGrid, row: number): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  for (const c of grid.filledColumns(row)) {
    const last = spans[spans.length - 1];
    if (last && c === last.right + 1) spans[spans.length - 1] = { left: last.left, right: c };
    else spans.push({ left: c, right: c });
  }
  return spans;
}

/**
 * The columns each table standing side by side may take: its run of headings, widened over the
 * empty columns either side but the one that parts it from its neighbour, so that a header whose
 * first column has no heading in this row ("| FY21 | FY22" over "Key Measures | Actual | Actual",
 * Fort Worth, set beside another) keeps its names column.
 */
export function sideBySideSpans(segments: readonly ColumnSpan[]): ColumnSpan[] {
  return segments.map((segment, i) => ({
    left: i === 0 ? 0 : Math.max(segment.left, segments[i - 1]!.right + 2),
    right: i === segments.length - 1 ? segment.right : Math.max(segment.right, segments[i + 1]!.left - 2),
  }));
}

/**
 * Tables side by side with no empty column between, sharing one header row: the same headings
 * written again after a new name ("Customer | 2017/18 targets | 5-year target | Financial |
 * 2017/18 targets | 5-year target", GreenSquare). Each block is a table of its own; undefined
 * where the row is not made of such blocks.
 */
export function repeatedBlocks(grid: SheetGrid, row: number): ColumnSpan[] | undefined {
  const filled = grid.filledColumns(row);
  const count = filled.length;
  if (count < 4 || filled[count - 1]! - filled[0]! !== count - 1 || grid.figureCount(row) > 0) return undefined;
  const left = filled[0]!;
  const same = (a: number, b: number): boolean => normaliseHeader(grid.headerText(row, a)) === normaliseHeader(grid.headerText(row, b));
  for (let width = 2; width * 2 <= count; width++) {
    if (count % width !== 0) continue;
    let repeats = true;
    for (let start = left + width; start < left + count && repeats; start += width) {
      if (same(start, left)) repeats = false;
      for (let offset = 1; offset < width && repeats; offset++) if (!same(start + offset, left + offset)) repeats = false;
    }
    // The repeated headings are header words; a row of names repeated is no header.
    for (let offset = 1; offset < width && repeats; offset++) {
      const guess = singleGuess(grid, row, left + offset);
      if (!guess || guess.role === 'description') repeats = false;
    }
    // Each block starts with a name over its measures, not a figure's heading: "2023/24 | Target |
    // 2024/25 | Target" is one table of two years.
    for (let start = left; start < left + count && repeats; start += width) {
      const guess = singleGuess(grid, row, start);
      if (guess && guess.role !== 'description') repeats = false;
    }
    if (repeats) return Array.from({ length: count / width }, (_, i) => ({ left: left + i * width, right: left + i * width + width - 1 }));
  }
  return undefined;
}

/** Roles a header may name more than once: periods and rating answers; notes and comments (see commentaryColumn). */
const REPEATABLE_ROLES: ReadonlySet<ColumnRole> = new Set([
  'commentary',
  'actual',
  'rating',
  'target',
  'baseline',
  'previous',
  'trend',
  'benchmark',
  'rank',
  'longTermTarget',
  'variance',
  'forecast',
  'otherAnswers',
]);

/** A group heading over a second header row ("Target Met" over "Yes | No", "Rating" over "Good | Poor"). */
const GROUP_HEADING = /target met|met|rating/i;

/**
 * Whether the row under `row` is a second header row: short labels under a group heading
 * ("Target Met" over "Yes | No"), each reading as a header other than a description.
 */
function hasSecondHeaderRow(grid: SheetGrid, row: number, span: ColumnSpan): boolean {
  const below = row + 1;
  if (below >= grid.rows) return false;
  if (seriesUnderPeriods(grid, row, span)) return true;
  // Each cell above a label is blank, merged, a group heading or a year. Asked first: it needs no
  // classification, and under a table's body row (a reference above a reference) it fails at once,
  // at the first label, which the row's counts give without looking at the cells before it.
  const firstLabel = grid.firstFilledColumn(below);
  if (firstLabel >= span.left && firstLabel <= span.right && !mayStandAboveALabel(grid, row, firstLabel, below)) return false;
  const right = lastColumnIn(grid, below, span);
  let labels = 0;
  for (let c = span.left; c <= right; c++) {
    if (!grid.filledCell(below, c)) continue;
    labels++;
    if (!mayStandAboveALabel(grid, row, c, below)) return false;
  }
  if (labels === 0) return false;
  for (let c = span.left; c <= right; c++) if (grid.filledCell(below, c) && grid.text(below, c).length > 40) return false;
  // Each labelled cell below reads as a header other than a description (blank headings aside),
  // save the names' own heading under a blank cell ("| FY21 | FY22" over "Key Measures | Actual |
  // Actual", Fort Worth).
  // Left of the row's first heading, under nothing, a label may be one KPI Tracker does not know:
  // the names' own headings ("Actual | Actual | Target" over "Engineering | Performance Measures |
  // FY2022 | …", Haltom City's budget book).
  // Only beside labels it does know: a section's heading alone under the header ("Housing") is none.
  const firstHeading = grid.firstFilledColumn(row);
  let known = 0;
  for (let c = span.left; c <= right; c++) {
    const shown = grid.filledHeaderText(below, c);
    if (!shown) continue;
    const guess = grid.classify(shown) ?? splitHeading(grid, row, c, below);
    if (guess === undefined && c < firstHeading && shown.length <= 30) continue;
    if (guess === undefined) return false;
    if (guess.role === 'description' && grid.filledCell(row, c) && !namesHeadingOverTwoRows(grid, row, c, below)) return false;
    known++;
  }
  return known > 0;
}

/** The heading a period group's columns share: the period's own cell, or the nearest filled cell to its left in the row. */
function groupHeadingAt(grid: SheetGrid, row: number, col: number, leftmost: number): number | undefined {
  for (let c = col; c >= leftmost; c--) if (grid.filledCell(row, c)) return c;
  return undefined;
}

/**
 * Periods over groups of the same labels ("Quarter 4 (January - March 2022) | | Change from
 * Quarter 3 |" over "Complainant feedback | Organisations we investigate | Complainant feedback |
 * Organisations we investigate", the Parliamentary and Health Service Ombudsman): each heading
 * stands over the first of its group, every group repeats the same labels, and at least one
 * heading is a period. The labels are the series; a heading that is no period (a change) is left
 * unread. Merged or not: an exported sheet often leaves the rest of a group's heading blank.
 */
function seriesUnderPeriods(grid: SheetGrid, row: number, span: ColumnSpan): boolean {
  const below = row + 1;
  // Rows of labels hold no figures, and the row's own counts say so without a cell looked at.
  if (grid.figureCount(below) > 0 || grid.filledCount(below) < 2 || grid.filledCount(row) >= grid.filledCount(below)) return false;
  const labels = filledInSpan(grid, below, span);
  if (labels.length < 2) return false;
  // The shape first, which needs no words read: a body row under a body row fails here. A heading
  // after the last label stands over its own column alone ("Comments", merged down the two rows).
  const lastLabel = labels[labels.length - 1]!;
  const starts = filledInSpan(grid, row, span).filter((c) => c >= labels[0]! && c <= lastLabel);
  if (starts[0] !== labels[0] || starts.some((c) => !labels.includes(c))) return false;
  const groups = starts.map((start, i) => labels.filter((c) => c >= start && c < (starts[i + 1] ?? Infinity)));
  const names = (group: readonly number[]): string => group.map((c) => normaliseHeader(grid.text(below, c))).join('|');
  if (groups[0]!.length < 2 || groups.some((group) => names(group) !== names(groups[0]!))) return false;
  if (labels.some((c) => grid.text(below, c).length > 40 || grid.classify(grid.text(below, c)) !== undefined)) return false;
  return starts.some((c) => periodHeading(grid, row, c) !== undefined);
}

/**
 * Who or what each group of figures is for, over the same kinds of figure repeated ("| Standard |
 * | Enhanced" over "| Target (percentage) | Actual (percentage) | Target (percentage) | Actual
 * (percentage)", the Criminal Records Bureau's service standards; "North | | South" over "Target |
 * Actual | Target | Actual"): each heading stands over the first of its group, every group repeats
 * the same labels, each a kind of figure, and no heading is one. The headings name the series.
 */
function kindsUnderGroups(grid: SheetGrid, row: number, span: ColumnSpan): boolean {
  const below = row + 1;
  // Each name heads a group of two labels or more, so the row of names holds at most half as many
  // cells, a heading over the measures aside: a body row over another is ruled out by the rows'
  // counts, unread.
  if (grid.figureCount(below) > 0 || grid.filledCount(below) < 4 || (grid.filledCount(row) - 1) * 2 > grid.filledCount(below)) return false;
  const labels = filledInSpan(grid, below, span).filter((c) => figureOrRating(grid, below, c) !== undefined);
  if (labels.length < 4) return false;
  const lastLabel = labels[labels.length - 1]!;
  const starts = filledInSpan(grid, row, span).filter((c) => c >= labels[0]! && c <= lastLabel);
  if (starts.length < 2 || starts[0] !== labels[0] || starts.some((c) => !labels.includes(c))) return false;
  const groups = starts.map((start, i) => labels.filter((c) => c >= start && c < (starts[i + 1] ?? Infinity)));
  const names = (group: readonly number[]): string => group.map((c) => normaliseHeader(grid.text(below, c))).join('|');
  if (groups[0]!.length < 2 || groups.some((group) => names(group) !== names(groups[0]!))) return false;
  // A period over the kinds is a period's group (ratingOfPeriod, datedUnder); "Standard" may name one.
  return starts.every((c) => {
    const heading = grid.classify(grid.headerText(row, c));
    return grid.text(row, c).length <= 30 && (heading === undefined || (!heading.period && heading.role === 'target'));
  });
}

/** A heading that is a period and nothing more ("Quarter 4 (January - March 2022)", "2021/22"). */
function periodHeading(grid: SheetGrid, row: number, col: number): HeaderGuess | undefined {
  const guess = grid.classify(grid.text(row, col));
  return guess?.role === 'actual' && guess.period ? guess : undefined;
}

/**
 * A cell above a second header row's label: blank, merged, a group heading or a year; over a
 * period, any header word but the measures' ("Actuals | Aim | Year to date" over "2013/14 | 2019/20
 * | 2019/20": the kind of figure above, its year below); over another label, words that make one
 * heading with it ("Peer group" over "median").
 */
function mayStandAboveALabel(grid: SheetGrid, row: number, col: number, labelRow: number): boolean {
  const text = grid.text(row, col);
  // A cell not merged away shows its own text.
  if (!text || grid.isMergedAway(row, col) || grid.isMergeOrigin(row, col) || GROUP_HEADING.test(text) || namesAYear(text)) return true;
  // A year alone ("2018" over "Actual", the Town of Westlake's budget book) dates the label under it,
  // as a quarter or month does ("Q1 2024/25" over "Actual | RAG", its merge lost on export).
  if (grid.figureCount(labelRow) === 0 && (isYearAlone(grid, row, col) || namesAPeriod(text))) return true;
  // A row of labels holds no figures: its row count rules out a body row before any words are read.
  if (!namesAYear(grid.text(labelRow, col)) && (grid.figureCount(labelRow) > 0 || !namesAPeriod(grid.text(labelRow, col)))) {
    // A comparator's name over its measure: "Peer group" over "median" (CHP's regulatory metrics).
    // Tested on the words above first: every body row above another is asked, and classifying
    // each new pair of texts doubled the time detection takes.
    if (!COMPARATOR_HEADER.test(normaliseHeader(text)))
      return splitHeading(grid, row, col, labelRow) !== undefined || namesHeadingOverTwoRows(grid, row, col, labelRow);
    const together = grid.classify(`${text} ${grid.text(labelRow, col)}`);
    return together?.role === 'benchmark';
  }
  // "Earlier Period | Later Period" over "May-13 to Apr-14 | May-14 to Apr-15" (a police force's
  // scrutiny pack): which of the periods under it each is.
  if (PERIOD_OVER_A_PERIOD.test(text)) return true;
  const kind = grid.classify(text);
  return kind !== undefined && kind.role !== 'description';
}

const PERIOD_OVER_A_PERIOD = /^(earlier|later|current|this|last|previous|prior|comparison|base|reporting) (period|year|quarter|month)$/i;

/**
 * The measures' heading written over two rows, first in the row: "WORKLOAD" over "MEASURES" (Forest
 * Hill's budget book), "Key" over "Measures". The lower word names the measures alone.
 */
function namesHeadingOverTwoRows(grid: SheetGrid, row: number, col: number, labelRow: number): boolean {
  if (col !== grid.firstFilledColumn(labelRow) || grid.figureCount(labelRow) > 0) return false;
  const upper = grid.text(row, col);
  const lower = grid.text(labelRow, col);
  return PLAIN_WORD.test(upper) && PLAIN_WORD.test(lower) && grid.classify(lower)?.role === 'description';
}

/** A short word or two, nothing else: "Bench", "Mark". A figure typed as text ("98%") is none. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z'-]*( [A-Za-z'-]+)?$/;

/** A year typed alone, as a number ("2018") or as text. */
function isYearAlone(grid: SheetGrid, row: number, col: number): boolean {
  if (isYearNumber(grid, row, col)) return true;
  const value = grid.cell(row, col).value;
  return value.kind === 'text' && /^(19|20)\d\d$/.test(value.value.trim());
}

/**
 * One heading split over the two rows ("Bench" over "Mark", the Town of Westlake's budget book):
 * what the two words make together, where the lower is not known alone. Only plain words over a
 * row with no figures are joined, so body rows are ruled out unread.
 */
function splitHeading(grid: SheetGrid, row: number, col: number, labelRow: number): HeaderGuess | undefined {
  if (grid.figureCount(labelRow) > 0) return undefined;
  const upper = grid.text(row, col);
  const lower = grid.text(labelRow, col);
  if (!PLAIN_WORD.test(upper) || !PLAIN_WORD.test(lower) || grid.classify(lower) !== undefined) return undefined;
  const together = grid.classify(`${upper} ${lower}`);
  return together && together.role !== 'description' ? together : undefined;
}

/** Text, or a month ("Apr-24" typed in is a date shown as a month); other figures cannot head a column. */
function couldHeadAColumn(grid: SheetGrid, cell: Cell): boolean {
  const kind = cell.value.kind;
  return kind === 'text' || ((kind === 'date' || kind === 'number') && grid.isMonthOnlyFormat(cell.format));
}

/** The last column of a span that a row has a cell for. */
function lastColumnIn(grid: SheetGrid, row: number, span: ColumnSpan): number {
  return Math.min(span.right, grid.rowLength(row) - 1);
}

/** A row's filled columns within a span. */
function filledInSpan(grid: SheetGrid, row: number, span: ColumnSpan): readonly number[] {
  return grid.filledColumnsIn(row, span.left, span.right);
}

/**
 * How many of a row's cells are recognised, if the row passes the tests a one-row header must:
 * at least half its cells recognised (a cell alone, just as guessesFor recognises a one-row
 * header), and no role but a repeatable one named twice. Undefined once either fails.
 * Neither test depends on the order cells are looked at, so texts already classified on this
 * sheet are counted first, and a new text (a body row's reference is new on every row) is
 * classified only if the row is still in the running once the known ones are counted. Cells are
 * looked at from the right: a body row's new texts (its reference and wording) are mostly on the
 * left, and the row has mostly failed before they are even looked up.
 */
function recognisedIfHeaderAlone(grid: SheetGrid, row: number, left: number, right: number, filledCount: number): number | undefined {
  const tally = ONE_ROW_TALLY.startRow(filledCount);
  for (let c = right; c >= left; c--) {
    const shown = grid.filledHeaderText(row, c);
    if (shown === undefined) continue;
    const known = shown ? grid.classified(shown) : null;
    if (known === undefined) tally.putOff(c);
    else if (!tally.add(known ?? undefined)) return undefined;
  }
  for (let i = 0; i < tally.putOffCount; i++) if (!tally.add(singleGuess(grid, row, tally.putOffColumn(i)))) return undefined;
  return tally.recognised;
}

/**
 * The cells of a row counted towards `recognisedIfHeaderAlone`'s tests. Its lists keep their
 * room from row to row (emptying an array gives its room back, and pushing takes it again).
 */
class OneRowHeaderTally {
  recognised = 0;
  putOffCount = 0;
  private unrecognised = 0;
  private filledCount = 0;
  /** Columns whose text is new on the sheet, classified last: the first `putOffCount`. */
  private readonly putOffColumns: number[] = [];
  /** Roles named so far that a header names once: the first `singleRoleCount`. */
  private readonly singleRoles: ColumnRole[] = [];
  private singleRoleCount = 0;

  startRow(filledCount: number): this {
    this.recognised = 0;
    this.unrecognised = 0;
    this.filledCount = filledCount;
    this.putOffCount = 0;
    this.singleRoleCount = 0;
    return this;
  }

  putOff(col: number): void {
    this.putOffColumns[this.putOffCount++] = col;
  }

  putOffColumn(i: number): number {
    return this.putOffColumns[i]!;
  }

  /** Counts one cell's guess; false once the row fails a test. */
  add(guess: HeaderGuess | undefined): boolean {
    if (!guess) return ++this.unrecognised * 2 <= this.filledCount;
    this.recognised++;
    // notMetShare may yet be dropped (it needs metShare before it), so it proves nothing here; a
    // status may come once per period ("2005-06 status | 2006-07 status"), tested in mapHeader.
    if (REPEATABLE_ROLES.has(guess.role) || guess.role === 'notMetShare' || (guess.role === 'status' && guess.period)) return true;
    for (let i = 0; i < this.singleRoleCount; i++) if (this.singleRoles[i] === guess.role) return false;
    this.singleRoles[this.singleRoleCount++] = guess.role;
    return true;
  }
}

/**
 * One tally, started afresh for each row: readHeader tries rows one at a time (nothing it calls
 * tries another), and a tally and its lists for every row tried were a large share of detection's garbage.
 */
const ONE_ROW_TALLY = new OneRowHeaderTally();

/** How many of a row's filled cells are recognised, each alone. */
function recognisedCells(grid: SheetGrid, row: number, left: number, right: number): number {
  let recognised = 0;
  for (let c = left; c <= right; c++) if (grid.filledCell(row, c) && singleGuess(grid, row, c)) recognised++;
  return recognised;
}

/**
 * Decides whether `row` (with perhaps the row under it) is a table header, and maps its columns:
 * by its words where they are known header words, otherwise by the shape of the grid below it.
 */
export function readHeader(
  grid: SheetGrid,
  row: number,
  span: ColumnSpan = WHOLE_ROW,
  /** Under a table read from its shape, a row of labels straight under its figures may start the next (see shape-header). */
  underShapeTable = false,
): HeaderCandidate | undefined {
  // A row with a figure in it is a body row (years heading columns aside), so most rows of a big
  // sheet never get as far as the shape of what lies under them.
  // A header of three or four rows is read whole first: its first two rows alone may read as a
  // header too, and leave the third's labels out.
  return (
    readStackedHeader(grid, row, span) ??
    readHeaderByWords(grid, row, span) ??
    (grid.figuresBesideYears(row) <= 4 ? readHeaderByShape(grid, row, span, underShapeTable) : undefined)
  );
}

/** A header over three or four rows, each column's heading read downwards (see stacked-header). */
function readStackedHeader(grid: SheetGrid, row: number, span: ColumnSpan): HeaderCandidate | undefined {
  const rows = span === WHOLE_ROW ? stackedHeaderRows(grid, row) : undefined;
  return rows && mapHeader(grid, rows, span, 0, 'stacked');
}

function readHeaderByWords(grid: SheetGrid, row: number, span: ColumnSpan): HeaderCandidate | undefined {
  // Every row of a sheet is tried as a header and few are one, so the tests that can rule a row
  // out look at its cells in place; the filled columns are listed only for a row that passes them.
  const right = lastColumnIn(grid, row, span);
  // Headers are words: a row that is mostly figures is an indicator, whatever its words say.
  let filledCount: number;
  let figures: number;
  if (span === WHOLE_ROW || (span.left <= grid.firstFilledColumn(row) && grid.lastFilledColumn(row) <= span.right)) {
    // The span holds the whole row: the row's own counts serve.
    filledCount = grid.filledCount(row);
    figures = grid.figuresBesideYears(row);
  } else {
    filledCount = 0;
    figures = 0;
    for (let c = span.left; c <= right; c++) {
      const cell = grid.filledCell(row, c);
      if (!cell) continue;
      filledCount++;
      if (!couldHeadAColumn(grid, cell)) figures++;
    }
    // The years heading one of two tables side by side are its headings, as across a whole row.
    if (figures >= 2) figures -= grid.yearHeadings(row, span.left, right);
  }
  if (filledCount === 1 && figures === 0) return loneHeading(grid, row, span);
  if (filledCount < 2 || figures * 2 > filledCount) return undefined;
  // One row alone is a header only if at least half its cells are recognised and no role other
  // than a repeatable one is named twice; failing that, only a second header row below can save it.
  const recognisedAlone = recognisedIfHeaderAlone(grid, row, span.left, right, filledCount);
  // "2024/25", then "Q1 | Q2", then "Actual | RAG | Actual | RAG": a third row of labels under
  // the second is the header's too.
  // Names of series over kinds of figure ("North | | South" over "Target | Actual | …") are a second
  // header row too, asked once here and handed on to map the columns.
  const between = namesRowBetween(grid, row, span);
  const kindGroups = !between && kindsUnderGroups(grid, row, span);
  const extraRows = between
    ? 2
    : kindGroups || hasSecondHeaderRow(grid, row, span)
      ? hasSecondHeaderRow(grid, row + 1, span) && periodsOver(grid, row + 1, span)
        ? 2
        : 1
      : 0;
  if (recognisedAlone === undefined && extraRows === 0) return undefined;
  // "Key | On target | Out of target but within tolerance | …": a legend, written as a row over the
  // table (Cheshire West and Chester), is no header. Asked only of rows still in the running.
  const firstText = grid.text(row, Math.max(span.left, grid.firstFilledColumn(row)));
  if (firstText.length <= 12 && LEGEND.test(firstText)) return undefined;
  // Under names of series, the kinds below are what is recognised.
  const groups = extraRows === 1 && kindGroups;
  const recognised = recognisedAlone ?? (recognisedCells(grid, row, span.left, right) || (groups ? 1 : 0));
  if (recognised < 1) return undefined;
  return mapHeader(grid, [row, row + 1, row + 2].slice(0, extraRows + 1), span, recognised, groups ? 'groups' : 'rows');
}

/**
 * "| Target" alone over "Vehicle test appointments average waiting time | 21 days" (a Hansard
 * table of an agency's targets): one heading over the figures, nothing over the measures' names.
 * Only a target's or a result's heading, straight over a column of them, beside words on every row.
 */
function loneHeading(grid: SheetGrid, row: number, span: ColumnSpan): HeaderCandidate | undefined {
  if (span !== WHOLE_ROW) return undefined;
  const col = grid.firstFilledColumn(row);
  if (col < 1) return undefined;
  const guess = grid.classify(grid.text(row, col));
  if (!guess || (guess.role !== 'target' && guess.role !== 'actual') || guess.confidence < 1) return undefined;
  const body: number[] = [];
  for (let r = row + 1; r < grid.rows && body.length < 3; r++) {
    if (grid.filledCount(r) === 0) break;
    body.push(r);
  }
  if (body.length < 2) return undefined;
  const paired = body.every(
    (r) => grid.filledCount(r) === 2 && valueKind(grid.cell(r, col - 1)) === 'words' && grid.filledCell(r, col) !== undefined,
  );
  if (!paired) return undefined;
  const header = grid.text(row, col);
  return {
    rows: [row],
    columns: [
      {
        col: col - 1,
        header: '',
        role: 'description',
        confidence: 0.7,
        reason: 'it holds the words beside the figures, with nothing over it',
      },
      {
        col,
        header,
        role: guess.role,
        confidence: guess.confidence,
        reason: guess.reason,
        ...(guess.period ? { period: guess.period } : {}),
      },
    ],
  };
}

/** The first word of a legend row. */
const LEGEND = /^(key|legend|rag key|status key)\s*:?$/i;

/** Whether every filled cell of a header row within the span names a period ("Q1 | Q2 | Q3"). */
function periodsOver(grid: SheetGrid, row: number, span: ColumnSpan): boolean {
  const filled = filledInSpan(grid, row, span);
  return filled.length > 0 && filled.every((c) => namesAPeriod(grid.text(row, c)));
}

/**
 * A header printed over three rows with the names' headings on the middle one, as a budget book's
 * table is when its text is copied out ("| | FY 2022 | … | FY 2025", then "Dept. | Key Measures",
 * then "| | Actual | … | Target", the City of Arlington; or the kinds above and the years below,
 * Bedford's library): the middle row heads only the columns left of the figures, and the rows
 * either side head only the figures, one of them with a period, the other with a kind of figure.
 */
function namesRowBetween(grid: SheetGrid, row: number, span: ColumnSpan): boolean {
  const middle = row + 1;
  const last = row + 2;
  if (last >= grid.rows || grid.figureCount(middle) > 0 || grid.figureCount(last) > 0) return false;
  const top = filledInSpan(grid, row, span);
  const names = filledInSpan(grid, middle, span);
  const bottom = filledInSpan(grid, last, span);
  if (top.length < 2 || names.length === 0 || bottom.length !== top.length) return false;
  if (names[names.length - 1]! >= top[0]! || bottom.some((c, i) => c !== top[i])) return false;
  if (!names.some((c) => NAME_ROLES.has(grid.classify(grid.headerText(middle, c))?.role ?? 'actual'))) return false;
  const periods = (r: number): boolean => top.every((c) => namesAPeriod(grid.text(r, c)) || namesAYear(grid.text(r, c)));
  const kinds = (r: number): boolean =>
    top.every((c) => {
      const kind = grid.classify(grid.headerText(r, c));
      return kind !== undefined && !kind.period && kind.role !== 'description';
    });
  return (periods(row) && kinds(last)) || (kinds(row) && periods(last));
}

/**
 * The rest of `readHeader`, for a row that passed its first tests: maps the header's columns,
 * or finds it is no header after all. Kept apart because its callbacks would otherwise cost
 * every row tried a closure context, though few rows get this far.
 */
function mapHeader(
  grid: SheetGrid,
  /**
   * The header's rows: a second, short labels under a group heading ("Target Met" over "Yes | No");
   * a third, under the names' headings (namesRowBetween).
   */
  rows: number[],
  span: ColumnSpan,
  recognised: number,
  /**
   * How the rows' words make each column's heading: together, as `guessesFor` reads them; a stacked
   * header's, each column read downwards (see stacked-header); or names of series over kinds of
   * figure (kindsUnderGroups), each kind its group's series.
   */
  reading: 'rows' | 'stacked' | 'groups' = 'rows',
): HeaderCandidate | undefined {
  const row = rows[0]!;
  const filled = filledInSpan(grid, row, span);
  if (filled.some((c) => grid.text(row, c).length > 200)) return undefined;

  const below = rows.slice(1).flatMap((r) => filledInSpan(grid, r, span));
  // A header has most of its cells recognised (below); one row alone can have no more than it had.
  if (rows.length === 1 && recognised * 2 < filled.length) return undefined;
  const allCols = rows.length > 1 ? [...new Set([...filled, ...below])].sort((a, b) => a - b) : filled;
  const seriesGroups = rows.length === 2 && seriesUnderPeriods(grid, row, span);
  const combined =
    reading === 'stacked'
      ? stackedGuesses(grid, rows, allCols)
      : reading === 'groups'
        ? kindsOfGroups(grid, rows, allCols)
        : guessesFor(grid, rows, allCols, seriesGroups);

  const columns: ColumnMapping[] = [];
  let title: string | undefined;
  let previousRole: ColumnRole | undefined;
  for (const c of allCols) {
    const entry = combined.get(c);
    if (!entry) continue;
    let guess = entry.guess;
    if (guess?.role === 'notMetShare' && previousRole !== 'metShare') guess = undefined;
    if (!guess) continue;
    if (guess.title && !title) title = guess.title;
    columns.push({
      col: c,
      header: entry.header,
      role: guess.role,
      confidence: guess.confidence,
      reason: guess.reason,
      ...(guess.period ? { period: guess.period } : {}),
      ...(guess.rating ? { rating: guess.rating } : {}),
      ...(entry.series ? { series: entry.series } : {}),
    });
    previousRole = guess.role;
  }

  // Most cells of a real header are recognised; a row of figures with a stray "Achieved" or
  // "March 2025" among them is an indicator, not a header.
  if (columns.length * 2 < allCols.length) return undefined;
  // With no names column, a first column headed "Period" holds the rows' names: the measures
  // where the periods run across ("Period | 2010/11 | 2011/12" over "Major Applications | 48%",
  // Trafford), or the periods of a one-measure tracker ("Period | Target | Actual" over "Apr 2024").
  const periodFirst = columns[0]?.role === 'reportingPeriod' ? columns[0] : undefined;
  if (periodFirst && !columns.some((column) => NAME_ROLES.has(column.role)))
    columns[0] = {
      ...periodFirst,
      role: 'description',
      confidence: 0.7,
      reason: `its header "${periodFirst.header}" stands over the rows' names`,
    };
  const roles = new Set(columns.map((column) => column.role));
  // A header names each role once (periods and rating answers aside); a row reading
  // "Achieved | On going | Achieved" is an indicator's figures, not a header.
  const seenRoles = new Set<ColumnRole>();
  for (const column of columns) {
    if (seenRoles.has(column.role) && !REPEATABLE_ROLES.has(column.role) && !ratedEachPeriod(columns, column)) return undefined;
    seenRoles.add(column.role);
  }
  // A satisfaction table's header names each answer once; "Case ascertainment (%) | Fair | Good |
  // Good" is an indicator whose figures are ratings (NBOCA's trust results), not a header.
  const answers = columns.filter((column) => column.role === 'rating').map((column) => normaliseHeader(column.rating ?? column.header));
  if (new Set(answers).size < answers.length) return undefined;
  // A status alone is not enough: a list of staff with an "Active" column is not a KPI table. But
  // ratings given period by period ("2005-06 status | 2006-07 status"), or ratings under a status
  // heading beside the measures' own heading ("Indicator | RAG" over "Green"), are the table's data.
  const hasData =
    [...roles].some((role) => DATA_ROLES.has(role) && role !== 'status') ||
    statusesOfPeriods(columns) ||
    ratingsBesideMeasures(grid, rows[rows.length - 1]! + 1, columns);
  const isActionPlan = roles.has('keyOutcome') && (roles.has('keyActions') || roles.has('due'));
  if (!isActionPlan && !hasData) return undefined;
  if (!isActionPlan && columns.length < 2 && !namedBesideOneColumn(grid, rows, allCols, columns, combined)) return undefined;

  // "LINKED ITEMS | UNIT | TARGET | ACTUAL | INDICATOR" (Waikato District Council's scorecard): a
  // heading naming the measures after the figures, over empty cells, heads the traffic light; an
  // unknown heading first in the row, over the words beside the figures, names the measures.
  const named = columns.find((column) => column.role === 'description');
  const dataCols = columns.filter((column) => DATA_ROLES.has(column.role));
  if (!isActionPlan && named && dataCols.length > 0 && dataCols.every((column) => column.col < named.col)) {
    const firstData = dataCols[0]!.col;
    const leftmost = allCols.find((c) => c < firstData && combined.has(c) && !combined.get(c)!.guess);
    const bodyStart = rows[rows.length - 1]! + 1;
    const firstBody = firstRowWithFigures(grid, bodyStart, 3, dataCols);
    const below = [bodyStart, bodyStart + 1, bodyStart + 2, bodyStart + 3].filter((r) => r < grid.rows);
    if (leftmost !== undefined && grid.isEmptyDown(named.col, below) && valueKind(grid.cell(firstBody, leftmost)) === 'words') {
      const header = combined.get(leftmost)!.header;
      columns.splice(columns.indexOf(named), 1, {
        col: leftmost,
        header,
        role: 'description',
        confidence: 0.7,
        reason: `its header "${header}" is not one KPI Tracker knows, but it holds the words beside the figures; "${named.header}" after the figures is empty`,
      });
    }
  }
  // "Annual performance targets | Target levels | Performance" (the Employment Service, 1994-95): a
  // first heading that names targets, over the measures' words, beside headings of results or
  // verdicts, names the measures. One header row, or ratings by period ("PSA Target | 2005-2006 |
  // 2006-2007" over "| Interim Assessment | …", the Ministry of Defence): a key's "RAG Rating" over
  // "Target not achieved" heads no table.
  const firstColumn = columns[0];
  if (
    !isActionPlan &&
    firstColumn &&
    (firstColumn.role === 'target' || firstColumn.role === 'actual') &&
    firstColumn.confidence < 1 &&
    (rows.length === 1 || statusesOfPeriods(columns)) &&
    !columns.some((column) => NAME_ROLES.has(column.role)) &&
    columns.slice(1).some((column) => column.role === 'actual' || column.role === 'status')
  ) {
    const firstBody = firstRowWithFigures(grid, rows[rows.length - 1]! + 1, 3, columns.slice(1));
    // Nothing left of it in the body: words in an unheaded column before it name the measures.
    if (
      grid.firstFilledColumn(firstBody) === firstColumn.col &&
      valueKind(grid.cell(firstBody, firstColumn.col)) === 'words' &&
      grid.text(firstBody, firstColumn.col).length >= 20
    ) {
      columns[0] = {
        ...firstColumn,
        role: 'description',
        confidence: 0.7,
        reason: `its header "${firstColumn.header}" names ${firstColumn.role}s, but it holds the measures' words`,
      };
      roles.add('description');
    }
  }
  // A measures column whose header is a theme title ("Continually Adapting the Service … | Target | Actual").
  if (!isActionPlan && ![...roles].some((role) => NAME_ROLES.has(role))) {
    const firstData = Math.min(...columns.map((column) => column.col));
    const leftmost = allCols.find((c) => c < firstData && combined.has(c) && !combined.get(c)!.guess);
    if (leftmost === undefined) {
      // Periods over groups of series with an unheaded column of words just left of the figures
      // ("| 2017-18 Quarter 4 |" over "| Casework process assurance |", the Ombudsman's charter):
      // the values will say it holds the names. One header row with a blank first cell is the
      // shape reader's, which also asks whether the names are measures.
      // Only straight over a body row: words beside figures, not a second row of headings.
      // Under a header of two rows, the first row with figures may come after a group's heading
      // and its gloss ("INPUTS (the resources …)", the Town of Westlake's budget book).
      // A blank line under the header is passed over, as everywhere.
      const under = rows[rows.length - 1]! + 1;
      const firstBody = firstRowWithFigures(
        grid,
        grid.filledCount(under) === 0 ? under + 1 : under,
        rows.length > 1 && !seriesGroups ? 3 : 0,
        columns,
      );
      // Across a spacer column, empty in the header and the first body row.
      let unheaded = firstData - 1;
      while (
        unheaded > Math.max(span.left, 0) &&
        unheaded >= firstData - MAX_SPACER &&
        !grid.filledCell(firstBody, unheaded) &&
        rows.every((r) => !grid.filledCell(r, unheaded))
      )
        unheaded--;
      // Under one header row, a column of periods with nothing over it beside one "Target | Actual"
      // is one measure's tracker, a period to a row, as "Period | Target | Actual" is; measures
      // across ("Rent collected target | … | Re-let days actual") are no such tracker.
      // The periods stand first in their rows: beside a column of names ("… | YTD | 98% | 97.1%")
      // they say which figure it is, and the names name the rows.
      const periodsDown =
        rows.length === 1 &&
        columns.filter((column) => column.role === 'target').length === 1 &&
        columns.filter((column) => column.role === 'actual').length <= 1 &&
        [firstBody, firstBody + 1].every(
          (r) => r < grid.rows && grid.firstFilledColumn(r) === unheaded && namesAPeriod(grid.text(r, unheaded)),
        );
      // Under two header rows, a column of years names the rows too: each year's own target and
      // result ("2007-08 | 90 in 10 days | 99.7", the Criminal Records Bureau's standards).
      const yearsDown = rows.length > 1 && namesAYear(grid.text(firstBody, unheaded));
      const namesBeside =
        (rows.length > 1 || periodsDown) &&
        unheaded >= Math.max(span.left, 0) &&
        rows.every((r) => !grid.filledCell(r, unheaded)) &&
        (periodsDown || yearsDown || valueKind(grid.cell(firstBody, unheaded)) === 'words') &&
        columns.some((column) => valueKind(grid.cell(firstBody, column.col)) === 'figure');
      if (!namesBeside) return undefined;
      if (periodsDown || yearsDown)
        columns.unshift({
          col: unheaded,
          header: '',
          role: 'description',
          confidence: 0.7,
          reason: periodsDown
            ? "it names each row's period, with nothing over it: one measure's figures, a period to a row"
            : "it names each row's year, with nothing over it: each year's own targets and results, a year to a row",
        });
      return { rows, columns: calendarTargets(columns) };
    }
    const header = combined.get(leftmost)!.header;
    title = header;
    columns.unshift({
      col: leftmost,
      header,
      role: 'description',
      confidence: 0.7,
      reason: `the first column holds the measures; its header "${header}" reads as a theme title`,
    });
  }
  // "No. | Promise | % Achievement …": beside a reference column, an unknown heading over words,
  // before the figures, names the measures (Kelantan Public Library Corporation's client charter).
  if (!isActionPlan && roles.has('reference') && !roles.has('description')) {
    const reference = columns.find((column) => column.role === 'reference')!.col;
    const firstData = Math.min(...columns.filter((column) => DATA_ROLES.has(column.role)).map((column) => column.col));
    const named = allCols.find((c) => c > reference && c < firstData && combined.has(c) && !combined.get(c)!.guess);
    const firstBody = rows[rows.length - 1]! + 1;
    if (named !== undefined && valueKind(grid.cell(firstBody, named)) === 'words') {
      const header = combined.get(named)!.header;
      columns.push({
        col: named,
        header,
        role: 'description',
        confidence: 0.7,
        reason: `its header "${header}" is not one KPI Tracker knows, but it stands between the references and the figures and holds words`,
      });
    }
  }
  return { rows, columns: calendarTargets(yearsOfTargets(columns)).sort((a, b) => a.col - b.col), ...(title ? { title } : {}) };
}

/**
 * "FSS Agency Targets | 1999–2000 | 2000–01" (the Forensic Science Service's targets, laid before
 * Parliament): the measures' heading says its rows are targets, and the columns beside are headed
 * by periods alone, so each is its period's targets, not its results.
 */
function yearsOfTargets(columns: ColumnMapping[]): ColumnMapping[] {
  // The heading names targets and nothing done with them ("Performance against targets" heads results).
  const heading = columns.find((column) => column.role === 'description')?.header.trim() ?? '';
  if (!/^([\w&'-]+ ){0,3}targets$/i.test(heading) || /\b(against|versus|vs|performance|progress|results?)\b/i.test(heading)) return columns;
  const figures = columns.filter((column) => DATA_ROLES.has(column.role));
  if (figures.length === 0 || !figures.every((column) => column.role === 'actual' && column.period && namesAnyPeriod(column.header)))
    return columns;
  return columns.map((column) =>
    figures.includes(column)
      ? { ...column, role: 'target', reason: `its header "${column.header}" is a period, under the measures' heading "${heading}"` }
      : column,
  );
}

/**
 * "Benefit | 1997–98 our targets are to pay the correct amount in" (the Benefits Agency's targets):
 * one known heading, of targets or a period's figures, after an unknown one over the measures' words, with a figure
 * under it in the first body row. The unknown heading names the measures (see below).
 */
function namedBesideOneColumn(
  grid: SheetGrid,
  rows: readonly number[],
  allCols: readonly number[],
  columns: readonly ColumnMapping[],
  combined: ColumnGuesses,
): boolean {
  const only = columns[0];
  // A target, or a period's figures: a bare "Value" beside "What" is a lookup, not a KPI table.
  if (columns.length !== 1 || !only || !(only.role === 'target' || (only.role === 'actual' && only.period))) return false;
  const first = allCols[0];
  if (first === undefined || first >= only.col || combined.get(first)?.guess) return false;
  const body = rows[rows.length - 1]! + 1;
  return valueKind(grid.cell(body, first)) === 'words' && valueKind(grid.cell(body, only.col)) === 'figure';
}

/**
 * "Q1 2024/25 | Q2 2024/25" over "Actual | RAG | Actual | RAG": a status under each period's
 * heading rates that period, so a header may name it once per period. A body row's repeated
 * "Achieved" has no period over it.
 */
function ratedEachPeriod(columns: readonly ColumnMapping[], column: ColumnMapping): boolean {
  if (column.role !== 'status' || !column.period) return false;
  const label = periodLabel(column.period);
  return columns.every(
    (other) => other === column || other.role !== 'status' || (other.period !== undefined && periodLabel(other.period) !== label),
  );
}

/** Statuses headed by two periods or more: a tracker of ratings alone. */
function statusesOfPeriods(columns: readonly ColumnMapping[]): boolean {
  const periods = columns.filter((column) => column.role === 'status' && column.period).map((column) => periodLabel(column.period!));
  return new Set(periods).size >= 2;
}

/**
 * "Indicator | RAG status" over "Green", "Amber", or an action tracker: a column headed as the
 * measures' names (or a lead and a due date), and a status column whose first rows hold ratings.
 * A staff list's "Name | Status" over "Active" is not.
 */
function ratingsBesideMeasures(grid: SheetGrid, bodyStart: number, columns: readonly ColumnMapping[]): boolean {
  // An action tracker ("Action | Lead | Due date | Status | Update") names its actions under a
  // heading of its own; its lead and due date say what the rows are.
  const tracker = columns.some((column) => column.role === 'due') && columns.some((column) => column.role === 'owner');
  if (!tracker && !columns.some((column) => NAME_ROLES.has(column.role) && column.confidence >= 1)) return false;
  const rows = Array.from({ length: 6 }, (_, i) => bodyStart + i).filter((r) => r < grid.rows);
  return columns.some(
    (column) => column.role === 'status' && rows.filter((r) => valueKind(grid.cell(r, column.col)) === 'status').length >= 2,
  );
}

/**
 * "2018 Actual | 2019 Estimated | 2020 Target" (the Town of Westlake's budget book): beside figures
 * dated by calendar years, a target headed by a year alone is that calendar year's, and never
 * judges 2018's figure. Elsewhere "Target 2025" dates nothing (it may be 2024/25 or 2025/26).
 */
function calendarTargets(columns: ColumnMapping[]): ColumnMapping[] {
  if (!columns.some((column) => column.role === 'actual' && column.period?.kind === 'year' && column.period.calendar)) return columns;
  return columns.map((column) => {
    const year = column.role === 'target' && !column.period ? /^(?:\D*\s)?((?:19|20)\d\d)(?:\s\D*)?$/.exec(column.header) : null;
    return year ? { ...column, period: { kind: 'year', fy: Number(year[1]), calendar: true } } : column;
  });
}

/** The first of the next `count` rows with a figure under one of `columns` (the first row itself if none has). */
function firstRowWithFigures(grid: SheetGrid, from: number, count: number, columns: readonly ColumnMapping[]): number {
  for (let r = from; r < Math.min(from + count, grid.rows); r++)
    if (columns.some((column) => valueKind(grid.cell(r, column.col)) === 'figure')) return r;
  return from;
}

/**
 * A table's header written again lower down, with a new name over the measures ("All Patients: |
 * Trust | Network | National", then "Patients having major resection: | Trust | Network |
 * National" straight under the last figures): it starts a table of its own with the same columns.
 */
export function repeatedHeader(grid: SheetGrid, row: number, current: HeaderCandidate): HeaderCandidate | undefined {
  if (current.rows.length !== 1 || grid.figureCount(row) > 0) return undefined;
  const headerRow = current.rows[0]!;
  if (row <= headerRow) return undefined;
  // A table printed in blocks, each under the header again, one label perhaps changed for its
  // figures ("TSM | TSM Description | No. | No. | Stock" under "… | % | No. | Stock", Tamworth):
  // the same columns. A changed label needs the names' headings repeated as they were.
  let same = 0;
  let changed = -1;
  for (const column of current.columns) {
    if (NAME_ROLES.has(column.role)) continue;
    const here = grid.headerText(row, column.col);
    if (!here) continue;
    if (normaliseHeader(here) === normalisedHeading(grid.headerText(headerRow, column.col))) same++;
    else if (changed === -1) changed = column.col;
    else return undefined;
  }
  if (same < 2) return undefined;
  if (changed !== -1)
    for (const column of current.columns)
      if (NAME_ROLES.has(column.role) && !sameHeaderText(grid, row, headerRow, column.col)) return undefined;
  // Nothing else on the row but what the header row held there: a body row that happens to hold
  // the same words has more to say.
  for (const c of grid.filledColumns(row))
    if (!current.columns.some((column) => column.col === c) && !sameHeaderText(grid, row, headerRow, c)) return undefined;
  const columns = current.columns.map((column) =>
    grid.headerText(row, column.col) ? { ...column, header: grid.headerText(row, column.col) } : column,
  );
  return { ...current, rows: [row], columns };
}

function sameHeaderText(grid: SheetGrid, row: number, headerRow: number, col: number): boolean {
  return normaliseHeader(grid.headerText(row, col)) === normalisedHeading(grid.headerText(headerRow, col));
}

/** A header row's words, normalised once: every body row under it is compared with them. */
const normalisedHeading = memoByText(normaliseHeader, 1_000);

export function kindOf(columns: readonly ColumnMapping[]): TableKind {
  const roles = new Set(columns.map((column) => column.role));
  if (roles.has('keyOutcome')) return 'action-plan';
  if (roles.has('caseStart') && roles.has('caseEnd')) return 'case-list';
  if (roles.has('rating') || roles.has('ratingShare')) return 'satisfaction';
  if (roles.has('metShare') || (roles.has('count') && !roles.has('target') && !roles.has('actual'))) return 'kpi-return';
  if (roles.has('baseline') && !roles.has('actual')) return 'baseline-table';
  const actuals = columns.filter((column) => column.role === 'actual');
  if (actuals.length > 1 || actuals.some((column) => column.period && column.period.kind !== 'year')) return 'period-table';
  return 'measure-table';
}

/** A measure card's title ("Performance measure- …" alone on its row) ends the table above it. */
const MEASURE_CARD_TITLE = /^performance measures?\s*[-\u2013:]\s*\S/i;
/** A footnote line under a table: its stars, then its words ("* General Needs and …"). */
export const FOOTNOTE_PATTERN = /^(\*+)\s*(.*)$/s;

function roleColumn(columns: readonly ColumnMapping[], role: ColumnRole): number | undefined {
  return columns.find((column) => column.role === role)?.col;
}

/**
 * Reads the rows under a header until the table ends: another header, two blank rows,
 * or a blank row followed by something that is not an indicator.
 */
export function readBody(
  grid: SheetGrid,
  header: HeaderCandidate,
  stopBefore: number,
): { indicators: DetectedIndicator[]; footnotes: Footnote[]; bottom: number; doubts: Issue[] } {
  const columns = header.columns;
  const refCol = roleColumn(columns, 'reference');
  const descCol = roleColumn(columns, 'description');
  // "Code & Name" over "FICT055 Percentage of Delivery of Audit Plan": each cell starts with its code (Moray).
  const codeFirst = CODE_AND_NAME_HEADER.test(normaliseHeader(columns.find((column) => column.col === descCol)?.header ?? ''));
  // Listed by a plain loop: an array that `map` or `filter` makes is of a different kind once they
  // are optimised, and the reading of every body row would be thrown away when it met one.
  const dataCols: number[] = [];
  let firstCol = Infinity;
  let lastCol = -Infinity;
  for (const column of columns) {
    if (DATA_ROLES.has(column.role) && column.role !== 'status') dataCols.push(column.col);
    firstCol = Math.min(firstCol, column.col);
    lastCol = Math.max(lastCol, column.col);
  }
  // A table of measures and the publisher's verdicts alone ("Performance Measures | Result |
  // Comment" over "… | Target not met | 89.5% of calls answered.", Palmerston North): its status is its data.
  if (dataCols.length === 0) for (const column of columns) if (column.role === 'status') dataCols.push(column.col);

  const tableColumns: ColumnSpan = { left: firstCol, right: lastCol };
  const indicators: DetectedIndicator[] = [];
  const footnotes: Footnote[] = [];
  const doubts: Issue[] = [];
  let section: string | undefined;
  let bottom = header.rows[header.rows.length - 1]!;
  let blankRun = 0;
  // The indicator being read, which may run onto the rows below: its rows (undefined when there
  // is none), reference, description and section.
  let currentRows: number[] | undefined;
  let currentRef: string | undefined;
  let currentDescription = '';
  let currentSection: string | undefined;
  const start = (r: number, ref: string | undefined, description: string): void => {
    currentRows = [r];
    currentRef = ref;
    currentDescription = description;
    currentSection = section;
  };
  const flush = (): void => {
    if (currentRows) indicators.push(indicatorOf(currentRows, currentRef, currentDescription, currentSection, grid, codeFirst));
    currentRows = undefined;
  };

  for (let r = bottom + 1; r < stopBefore; r++) {
    // How many cells in the table's columns show something (0, 1 or more is all that is asked):
    // figures always count; text counts when it has a letter, a digit or a footnote star.
    const shown = shownIn(grid, r, tableColumns);
    if (shown === 0) {
      blankRun++;
      if (blankRun >= 2) break;
      continue;
    }
    const firstShown = firstShownIn(grid, r, tableColumns);
    const firstText = grid.text(r, firstShown);
    // A footnote starts with its star, a measure card's title with "Performance": most rows are neither by their first letter.
    const footnote = shown === 1 && firstText.charCodeAt(0) === 42 ? FOOTNOTE_PATTERN.exec(firstText) : null;
    if (footnote) {
      flush();
      footnotes.push({ row: r, marker: footnote[1]!, text: footnote[2]!.trim() });
      bottom = r;
      blankRun = 0;
      continue;
    }
    if ((firstText.charCodeAt(0) | 0x20) === 0x70 && MEASURE_CARD_TITLE.test(firstText)) break;
    const ref = refCol === undefined ? '' : refCol === firstShown ? firstText : grid.text(r, refCol);
    const description = descCol !== undefined ? grid.text(r, descCol) : '';
    const hasData = anyHasContent(grid, r, dataCols);
    const afterBlank = blankRun > 0;
    blankRun = 0;

    if (ref) {
      if (!REFERENCE_PATTERN.test(ref)) {
        // A heading in the reference column with indicators under it ("Theme 1: One Tower Hamlets").
        if (
          !hasData &&
          shown === 1 &&
          descCol !== undefined &&
          nextRowIsIndicator(grid, r + 1, stopBefore, descCol, dataCols, tableColumns, afterBlank)
        ) {
          flush();
          section = ref;
          bottom = r;
          continue;
        }
        // A heading or prose line under the table ("Definitions"), not an indicator.
        if (!hasData && (afterBlank || shown === 1)) break;
        doubts.push(
          issue(
            'reference-not-recognised',
            `Row ${r + 1}: "${shorten(ref)}" in the reference column does not look like an indicator reference.`,
          ),
        );
      }
      flush();
      start(r, ref, description);
      bottom = r;
      continue;
    }
    if (description && hasData) {
      flush();
      start(r, undefined, description);
      if (refCol !== undefined)
        doubts.push(issue('indicator-without-reference', `Row ${r + 1}: "${shorten(description)}" has no reference.`));
      bottom = r;
      continue;
    }
    if (description && !hasData) {
      if (refCol === undefined && shown === 1) {
        // A lone line is a sub-heading only if indicators follow it; otherwise the table has ended.
        if (!nextRowIsIndicator(grid, r + 1, stopBefore, descCol!, dataCols, tableColumns, afterBlank)) break;
      }
      if (refCol !== undefined && currentRows && !afterBlank) {
        // A description that spills onto a second row, under an empty reference.
        currentRows.push(r);
        currentDescription = `${currentDescription} ${description}`.trim();
        bottom = r;
        continue;
      }
      if (refCol === undefined && shown === 1) {
        flush();
        section = description;
        bottom = r;
        continue;
      }
      if (refCol === undefined) {
        flush();
        start(r, undefined, description);
        bottom = r;
        continue;
      }
    }
    if (currentRows && !afterBlank && !ref && !description) {
      // Commentary or figures carried on the next row of the same indicator. Figures of its own
      // where the indicator's row has some too are a second line the officer should know is not
      // judged on its own (Christchurch's "358 m3 per property" under the total abstracted).
      const first = currentRows[0]!;
      if (dataCols.some((c) => valueKind(grid.cell(r, c)) === 'figure' && valueKind(grid.cell(first, c)) === 'figure'))
        doubts.push(
          issue(
            'figures-without-a-name',
            `Row ${r + 1} holds figures but no measure's name, so it is read as part of "${shorten(currentDescription)}" (row ${first + 1}) and not judged on its own: give it a name if it is an indicator of its own.`,
          ),
        );
      currentRows.push(r);
      bottom = r;
      continue;
    }
    if (afterBlank) break;
    bottom = r;
  }
  flush();
  return { indicators, footnotes, bottom, doubts };
}

/**
 * One indicator object, with no spread-in temporaries (a table body builds tens of thousands).
 * The key order is part of the output that is compared and saved: row, rows, ref, description, section, hidden.
 */
function indicatorOf(
  rows: number[],
  givenRef: string | undefined,
  givenDescription: string,
  section: string | undefined,
  grid: SheetGrid,
  codeFirst: boolean,
): DetectedIndicator {
  const row = rows[0]!;
  const hidden = grid.isHidden(row);
  // "PMF-01: Current rent collected …": a reference written in front of the wording, in one cell;
  // under a "Code & Name" header, a space is enough between them.
  const inOne =
    givenRef === undefined
      ? (REF_IN_DESCRIPTION.exec(givenDescription) ?? (codeFirst ? CODE_THEN_NAME.exec(givenDescription) : null))
      : null;
  const ref = inOne && REFERENCE_PATTERN.test(inOne[1]!) ? inOne[1]! : givenRef;
  const description = inOne && ref !== undefined ? inOne[2]! : givenDescription;
  if (ref !== undefined) return section ? { row, rows, ref, description, section, hidden } : { row, rows, ref, description, hidden };
  return section ? { row, rows, description, section, hidden } : { row, rows, description, hidden };
}

/**
 * Whether any of the columns shows something on the row (asked of every body row: a plain loop
 * allocates nothing, even before it is optimised).
 */
function anyHasContent(grid: SheetGrid, row: number, cols: readonly number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (grid.hasContent(row, cols[i]!)) return true;
  return false;
}

/**
 * Whether an indicator follows within the next few rows. Straight under the table's rows, past up
 * to two lone lines: a note then a heading ("National result—apportionment … not applicable", then
 * "Value for money", the Valuation Office Agency), or a heading then a group's words ("Quality",
 * then "Number of vehicles monitored per offences for:", Queensland Police), stand over indicators
 * as one heading does. After a blank row, two lone lines stand over more of the table only where
 * figures follow and neither names a period ("Local taxation key targets", then "Valuation
 * accuracy"): "Appendix A" then "Definitions", a source then a sign-off, "Notes" then a RAG key,
 * or "Last year for comparison (2023/24)" then a note, start what lies under the table.
 */
function nextRowIsIndicator(
  grid: SheetGrid,
  from: number,
  stopBefore: number,
  descCol: number,
  dataCols: number[],
  columns: ColumnSpan,
  afterBlank: boolean,
): boolean {
  // The lone line being asked about (the row before `from`) counts as the first.
  let loneLines = 0;
  let periodNamed = afterBlank && periodInText(grid.text(from - 1, grid.firstFilledColumn(from - 1))) !== undefined;
  for (let r = from; r < Math.min(stopBefore, from + 4); r++) {
    const shown = shownIn(grid, r, columns);
    if (shown === 0) continue;
    const hasData = anyHasContent(grid, r, dataCols);
    if (!hasData && shown === 1 && loneLines < (afterBlank ? 1 : 2)) {
      loneLines++;
      periodNamed ||= periodInText(grid.text(r, grid.firstFilledColumn(r))) !== undefined;
      continue;
    }
    if (grid.text(r, descCol) === '' || !hasData) return false;
    if (loneLines === 0) return true;
    if (afterBlank && (periodNamed || !dataCols.some((c) => valueKind(grid.cell(r, c)) === 'figure'))) return false;
    // Past a lone line, a header is as likely: the next table's, under its title ("NHT Public
    // Satisfaction | 2020 | 2021", Warwickshire), which is no indicator of this one.
    return readHeader(grid, r) === undefined;
  }
  return false;
}

/** Whether every filled cell of a row lies in a table's columns: then the row's own counts serve. */
function rowWithin(grid: SheetGrid, row: number, columns: ColumnSpan): boolean {
  return columns.left <= grid.firstFilledColumn(row) && grid.lastFilledColumn(row) <= columns.right;
}

/** How many cells of a row within a table's columns show a word or figure: 0, 1, or 2 for more. */
function shownIn(grid: SheetGrid, row: number, columns: ColumnSpan): number {
  if (rowWithin(grid, row, columns)) return grid.wordOrFigureCount(row);
  let shown = 0;
  for (let c = columns.left, right = Math.min(columns.right, grid.rowLength(row) - 1); c <= right && shown < 2; c++)
    if (grid.filledCell(row, c) && grid.showsWordOrFigure(row, c)) shown++;
  return shown;
}

/** The first column of a row, within a table's columns, that shows a word or figure (-1 if none). */
function firstShownIn(grid: SheetGrid, row: number, columns: ColumnSpan): number {
  if (rowWithin(grid, row, columns)) return grid.firstWordOrFigureColumn(row);
  for (let c = columns.left, right = Math.min(columns.right, grid.rowLength(row) - 1); c <= right; c++)
    if (grid.filledCell(row, c) && grid.showsWordOrFigure(row, c)) return c;
  return -1;
}

export function shorten(text: string, max = 60): string {
  return shortText(text, max);
}

const YEAR_IN_TEXT = /(?:^|[^\d])((?:19|20)\d{2})\s*[/-]\s*(\d{2}|(?:19|20)\d{2})(?!\d)/;

/**
 * A financial year above a table sets the year of undated actual columns: a lone "2014/2015",
 * or a title line that names one ("Housing dashboard 2024/25"). A span such as "2024-28" is not a year.
 */
export function yearAbove(grid: SheetGrid, row: number, lookBack = row): Period | undefined {
  for (let r = row - 1; r >= Math.max(0, row - lookBack); r--) {
    const filled = grid.filledColumns(r);
    if (filled.length !== 1) continue;
    const text = grid.text(r, filled[0]!);
    const period = parsePeriodLabel(text);
    if (period?.kind === 'year') return period;
    const inTitle = YEAR_IN_TEXT.exec(text);
    const titled = inTitle ? parsePeriodLabel(`${inTitle[1]}/${inTitle[2]}`) : undefined;
    if (titled?.kind === 'year') return titled;
  }
  return undefined;
}

export function headerTextKey(columns: readonly ColumnMapping[]): string {
  return columns.map((column) => normaliseHeader(column.header)).join('|');
}

export type { DetectedTable };
