import { columnLetter } from '../model/address';
import { issue } from '../model/issue';
import type { CellRange } from '../model/workbook';
import { periodLabel, type Period } from '../periods/period';
import { MEASURE_WORDS, valueKind } from './column-values';
import { classifyHeader } from './header-lexicon';
import { MAX_SPACER } from './resolve-columns';
import type { SheetGrid } from './sheet-grid';
import type { ColumnMapping, DetectedIndicator, DetectedTable } from './types';

/** A value that says it is a target: a limit or a range, in words or signs. */
const TARGET_WORDING =
  /^\s*(at least|no more than|no less than|not more than|not less than|between|minimum|maximum|min\.?|max\.?|up to|at most|≥|≤|>=|<=|target)\b/i;

// "Service standards 2024/25", "Our targets", "What we aim to achieve": targets as the subject,
// not "Performance against our service standards" (results).
const TARGETS_HEADING = /^((our|key|service|annual|corporate) )*(targets?|standards?|goals?|aims?|ambitions?)\b|^what we aim to\b/i;
const CONTENTS_HEADING = /^(contents|table of contents|index|page)$/i;

/** Whole numbers rising down the list: a contents page's page numbers. */
function pageNumbers(grid: SheetGrid, rows: readonly number[], col: number): boolean {
  let previous = 0;
  for (const r of rows) {
    const value = grid.cell(r, col).value;
    if (value.kind !== 'number' || !Number.isInteger(value.value) || value.value <= previous) return false;
    previous = value.value;
  }
  return true;
}

/** Fewest measures a list holds before it is read as one. */
const FEWEST = 3;

/**
 * Lists of measures with no header row, each measure's words and one value beside them.
 *
 * A list of targets, as a minister's statement or a business plan prints them (the Highways
 * Agency's key targets for 2003-04):
 *
 *   Targets
 *   1: Average annual score on Road User Satisfaction Surveys.   At least 84%
 *   2: Meet all 13 annual Road Users' Charter targets …          100%
 *
 * at least half the values written as targets ("At least 84%", "Between 7% and 8%"), which no
 * column of results is, or the heading naming them targets. The list has no figures, so each
 * measure has no data yet for its targets' year.
 *
 * A list of figures, as a landlord's monthly page prints them (East Lothian Housing Association's
 * Performance 365, February 2023):
 *
 *   Ethnic breakdown of new tenants
 *   Percentage of new tenants with a disability   25%
 *   Medical adaptations completed                  0
 *
 * every value a figure and at least half the names reading as measures: each is that period's
 * figure, with no target, in a workbook where no other table stands. The lone line above is the
 * list's heading and header row, and a list has one; the same line again between measures (a page
 * break) is passed over. Either kind is said in a doubt, to be checked.
 */
export function readHeaderlessLists(
  grid: SheetGrid,
  covered: readonly CellRange[],
  periodAbove: (row: number) => Period | undefined,
  /** Whether lists of figures are read, not only lists of targets (see detectWorkbook). */
  figures: boolean,
): DetectedTable[] {
  const taken = grid.rowsUnder(covered);
  const lists: DetectedTable[] = [];
  for (let r = 0; r < grid.rows; r++) {
    if (taken[r]) continue;
    const pairs = pairsAt(grid, r);
    for (const pair of pairs) {
      if (lists.some(({ range }) => r <= range.bottom && range.left <= pair.names && pair.names <= range.right)) continue;
      // Lists side by side ("Targets" beside "Results") are read together, figures as well as targets.
      const list = readFrom(grid, r, pair, taken, periodAbove, figures || pairs.length > 1);
      if (list) lists.push(list);
    }
  }
  return lists;
}

/** A measure's words and its value in one row, and the columns its list may take beside others. */
interface Pair {
  readonly names: number;
  readonly value: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Where a row is a measure's words and one value beside them (perhaps across a spacer column),
 * and perhaps a comment straight after the value ("… | 18 | Up on last month"): their columns,
 * for each list standing side by side in the row (a sheet laid out in two halves). Any other cell
 * makes the row no list's.
 */
function pairsAt(grid: SheetGrid, row: number): Pair[] {
  const count = grid.filledCount(row);
  if (count < 2 || count > 12) return [];
  const filled = grid.filledColumns(row);
  const found: Array<{ names: number; value: number; end: number }> = [];
  for (let i = 0; i < filled.length;) {
    const names = filled[i]!;
    const value = filled[i + 1];
    if (
      value === undefined ||
      value > names + 1 + MAX_SPACER ||
      valueKind(grid.cell(row, names)) !== 'words' ||
      grid.text(row, names).length < 8
    )
      return [];
    i += 2;
    let end = value;
    if (filled[i] === value + 1) {
      if (valueKind(grid.cell(row, value + 1)) !== 'words') return [];
      end = value + 1;
      i++;
    }
    found.push({ names, value, end });
  }
  return found.map((pair, k) => ({
    names: pair.names,
    value: pair.value,
    left: k === 0 ? 0 : found[k - 1]!.end + 1,
    right: k === found.length - 1 ? Number.MAX_SAFE_INTEGER : found[k + 1]!.names - 1,
  }));
}

function samePair(grid: SheetGrid, row: number, first: Pair): boolean {
  return pairsAt(grid, row).some((pair) => pair.names === first.names && pair.value === first.value);
}

type ListKind = { kind: 'targets'; reason: string } | { kind: 'figures' };

/** What a list's values are: targets, figures, or neither (then it is no list of measures). */
function listKind(grid: SheetGrid, rows: readonly number[], col: number, valueCol: number, heading: string): ListKind | undefined {
  // The heading names them targets ("Targets", "Service standards 2024/25"), or at least half say so
  // themselves ("At least 84%", "No more than 2%"): "Over 1,200" beside "New tenancies started" is a result.
  const namedTargets = classifyHeader(heading)?.role === 'target' || TARGETS_HEADING.test(heading);
  const written = rows.filter((r) => TARGET_WORDING.test(grid.text(r, valueCol)));
  if (namedTargets && rows.every((r) => valueKind(grid.cell(r, valueCol)) === 'words')) return undefined;
  if (namedTargets) return { kind: 'targets', reason: `the heading "${heading}" names them targets` };
  if (written.length * 2 >= rows.length)
    return { kind: 'targets', reason: `its values are written as targets ("${grid.text(written[0]!, valueCol)}")` };
  // Figures need measures' words, and are no contents page's page numbers (4, 6, 9, 11).
  if (CONTENTS_HEADING.test(heading) || pageNumbers(grid, rows, valueCol)) return undefined;
  const figures = rows.every((r) => valueKind(grid.cell(r, valueCol)) === 'figure');
  const measures = rows.filter((r) => MEASURE_WORDS.test(grid.text(r, col))).length;
  return figures && measures * 2 >= rows.length ? { kind: 'figures' } : undefined;
}

function readFrom(
  grid: SheetGrid,
  first: number,
  pair: Pair,
  taken: Uint8Array,
  periodAbove: (row: number) => Period | undefined,
  figures: boolean,
): DetectedTable | undefined {
  const col = pair.names;
  const valueCol = pair.value;
  const headingRow = first - 1;
  // The heading line alone (in the list's own columns), or with "Comments" over the comments beside the values.
  const above = headingRow >= 0 ? grid.filledColumnsIn(headingRow, pair.left, pair.right) : [];
  const headedComments =
    above.length === 2 && above[1] === valueCol + 1 && classifyHeader(grid.text(headingRow, valueCol + 1))?.role === 'commentary';
  const heading = above.length === 1 || headedComments ? grid.text(headingRow, above[0]!) : '';
  // The heading is the list's header row: with none, nothing stands apart from the measures.
  if (!heading) return undefined;
  const rows: number[] = [];
  let bottom = first;
  for (let r = first; r < grid.rows && !taken[r]; r++) {
    if (samePair(grid, r, pair)) {
      rows.push(r);
      bottom = r;
      continue;
    }
    // The heading again where the list runs over a page.
    const alone = grid.filledColumnsIn(r, pair.left, pair.right);
    if (alone.length === 1 && grid.text(r, alone[0]!) === heading && samePair(grid, r + 1, pair)) continue;
    break;
  }
  if (rows.length < FEWEST) return undefined;
  const kind = listKind(grid, rows, col, valueCol, heading);
  if (!kind || (kind.kind === 'figures' && !figures)) return undefined;
  // A list of targets needs its measures written out in full: short names beside targets are as often a table's stray rows.
  if (kind.kind === 'targets' && rows.some((r) => grid.text(r, col).length < 20)) return undefined;

  // A comment beside any of the values makes the column after them the list's commentary.
  const commentCol = rows.some((r) => grid.filledCell(r, valueCol + 1)) ? valueCol + 1 : undefined;
  const named = periodAbove(headingRow);
  const period = kind.kind === 'targets' ? yearOf(named) : named;
  const indicators: DetectedIndicator[] = rows.map((r) => ({
    row: r,
    rows: [r],
    description: grid.text(r, col),
    hidden: grid.isHidden(r),
  }));
  const columns: ColumnMapping[] = [
    { col, header: heading, role: 'description', confidence: 0.7, reason: "it holds the measures' words" },
    kind.kind === 'targets'
      ? { col: valueCol, header: heading, role: 'target', confidence: 0.7, reason: kind.reason, ...(period ? { period } : {}) }
      : {
          col: valueCol,
          header: heading,
          role: 'actual',
          confidence: 0.6,
          reason: 'each value beside a measure is a figure',
          ...(period ? { period } : {}),
        },
    ...(commentCol === undefined
      ? []
      : [{ col: commentCol, header: heading, role: 'commentary' as const, confidence: 0.6, reason: 'it holds words beside the values' }]),
  ];
  const where = `Rows ${first + 1} to ${bottom + 1} list measures with ${kind.kind === 'targets' ? 'their targets' : 'a figure'} beside them and no header row`;
  const doubt =
    kind.kind === 'targets'
      ? issue(
          'targets-without-header',
          `${where}: KPI Tracker reads column ${columnLetter(col)} as the measures and column ${columnLetter(valueCol)} as their targets${period ? '' : ', and found no year for them above'}. There are no figures to judge yet. Check it before you run.`,
        )
      : issue(
          'figures-without-header',
          `${where}: KPI Tracker reads column ${columnLetter(col)} as the measures and column ${columnLetter(valueCol)} as their figures${period ? ` for ${periodLabel(period)}` : ', and found no period for them above'}, with no targets. Check it before you run.`,
        );
  return {
    sheet: grid.sheet.name,
    range: { top: headingRow, left: col, bottom, right: commentCol ?? valueCol },
    kind: 'measure-table',
    title: heading,
    headerRows: [headingRow],
    columns,
    indicators,
    footnotes: [],
    actions: [],
    confidence: 0.7,
    doubts: [doubt],
    confirmed: false,
  };
}

/** Targets are set for a year: the year a month or quarter named above falls in. */
function yearOf(period: Period | undefined): Period | undefined {
  if (!period || period.fy === undefined) return period;
  return period.kind === 'year' ? period : { kind: 'year', fy: period.fy };
}
