import { parsePeriodLabel } from '../periods/parse-period-label';
import type { ColumnGuesses, HeaderGuess } from './header-lexicon';
import { FIGURE_KINDS, namesAnyPeriod } from './period-headings';
import type { SheetGrid } from './sheet-grid';

/**
 * A header printed over three or four rows, as a budget book's is once its text is copied out of
 * the page: "| | | | ADOPTED" over "WORKLOAD | ACTUAL | BUDGET | ESTIMATED | BUDGET" over "MEASURES |
 * 2016‐17 | 2017‐18 | 2017‐18 | 2018‐19" (the City of Forest Hill); or the years over pairs of
 * "Goal | Actual", the names' headings between (the City of Watauga). Each column's heading is
 * its words read downwards.
 *
 * The rows of such a header hold no figures (years aside); the first has its cells over the figures
 * alone (a title over the names is no part of it) and the others two cells or more; a row of
 * figures follows within a few rows, after at most a group's heading. Undefined for anything else.
 */
export function stackedHeaderRows(grid: SheetGrid, row: number): number[] | undefined {
  // Asked of every row a header could start at: the row's own counts rule out body rows unread
  // (a first row of years typed as numbers is the two-row readers' shape, not this one).
  if (grid.filledCount(row) === 0 || grid.figureCount(row) > 0) return undefined;
  const rows = [row];
  for (let r = row + 1; r < grid.rows && rows.length < MAX_ROWS; r++) {
    if (grid.filledCount(r) < 2 || grid.figuresBesideYears(r) > 0) break;
    rows.push(r);
  }
  if (rows.length < 3) return undefined;
  const body = firstBodyRow(grid, rows[rows.length - 1]! + 1);
  if (body === undefined) return undefined;
  // The first row stands over the figures alone: a title, even one set in from the names, is no heading.
  const firstFigure = grid.filledColumns(body).find((c) => grid.cell(body, c).value.kind === 'number');
  if (firstFigure === undefined || grid.firstFilledColumn(row) < firstFigure) return undefined;
  for (const r of rows) for (const c of grid.filledColumns(r)) if (grid.text(r, c).length > MAX_HEADING) return undefined;
  // Every figure of the first body row has a heading.
  const headed = new Set(rows.flatMap((r) => grid.filledColumns(r)));
  return grid.filledColumns(body).every((c) => headed.has(c) || grid.cell(body, c).value.kind !== 'number') ? rows : undefined;
}

/** A stacked header has three rows at least, and four at most (a budget book's "FY 2021-22 | Actual | Adopted | Budget"). */
const MAX_ROWS = 4;
/** Longer than this, a cell is a measure's name or a sentence, not a heading. */
const MAX_HEADING = 40;

/** The first row of figures under a header ending just above `from`: straight under it, or after a group's heading or a blank row. */
function firstBodyRow(grid: SheetGrid, from: number): number | undefined {
  for (let r = from; r < Math.min(grid.rows, from + 3); r++) {
    if (grid.figureCount(r) >= 2) return r;
    if (grid.filledCount(r) > 1) return undefined;
  }
  return undefined;
}

/**
 * Each column's heading, its words read downwards, and what it names. Where a period is written
 * once over a group of columns ("FY2023" over "Goal | Actual"), a column of the group with no period
 * of its own takes it from the start of the group.
 */
export function stackedGuesses(grid: SheetGrid, rows: readonly number[], cols: readonly number[]): ColumnGuesses {
  const result: ColumnGuesses = new Map();
  const labels = rows[rows.length - 1]!;
  for (const c of cols) {
    const parts: string[] = [];
    for (const r of rows) {
      const shown =
        grid.headerText(r, c) ||
        (grid.filledCell(labels, c) && !rows.some((other) => namesAnyPeriod(grid.headerText(other, c))) ? periodOfGroup(grid, r, c) : '');
      if (shown && parts[parts.length - 1] !== shown) parts.push(shown);
    }
    if (parts.length === 0) continue;
    const header = parts.join(' ');
    result.set(c, { header, ...optional(guessOf(grid, parts)) });
  }
  return result;
}

function optional(guess: HeaderGuess | undefined): { guess?: HeaderGuess } {
  return guess ? { guess } : {};
}

/**
 * The period a blank cell's row writes once over the group it stands in: the nearest heading to its
 * left, where every heading of the row names a period.
 */
function periodOfGroup(grid: SheetGrid, row: number, col: number): string {
  const filled = grid.filledColumns(row);
  if (filled.length === 0 || !filled.every((c) => namesAnyPeriod(grid.headerText(row, c)))) return '';
  const start = filled.filter((c) => c < col).pop();
  return start === undefined ? '' : grid.headerText(row, start);
}

/**
 * What the words read downwards name: the whole heading first ("Actual 2016‐17"); failing that, the
 * kind of figure with its period after it or before it ("Goal FY2023" for "FY2023 Goal"); failing
 * that, the kind of figure dated with the period, or a period alone, a figure of that period.
 */
function guessOf(grid: SheetGrid, parts: readonly string[]): HeaderGuess | undefined {
  const header = parts.join(' ');
  const whole = grid.classify(header);
  const periods = parts.filter(namesAnyPeriod);
  if (whole && (whole.period || periods.length === 0)) return whole;
  if (periods.length !== 1) return whole;
  const kinds = parts.filter((part) => !namesAnyPeriod(part)).join(' ');
  if (!kinds) return whole;
  const reordered = grid.classify(`${kinds} ${periods[0]}`) ?? grid.classify(`${periods[0]} ${kinds}`);
  if (reordered?.period) return { ...reordered, reason: `header "${header}"` };
  const period = parsePeriodLabel(periods[0]!);
  const kind = whole ?? grid.classify(kinds);
  if (period && kind && !kind.period && FIGURE_KINDS.has(kind.role)) return { ...kind, period, reason: `header "${header}"` };
  return kind ?? whole;
}
