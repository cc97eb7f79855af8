import { rangeAddress } from '../model/address';
import type { CellRange } from '../model/workbook';
import { MEASURE_WORDS, valueKind } from './column-values';
import type { SheetGrid } from './sheet-grid';
import { issue, type Issue } from '../model/issue';

/** A pivot table's output is a summary of data, not KPIs, and is left unnamed. */
const PIVOT = /^(row labels|column labels|grand total)$/i;

/**
 * The grids of words and figures on a sheet that no table was read from: blocks of rows, two or
 * more cells wide, with both a measure's words and a figure in them. Each is named (sheet and
 * range) so that a table KPI Tracker could not read is never missed in silence.
 */
export function unreadGrids(grid: SheetGrid, covered: readonly CellRange[], ignoredRows: ReadonlySet<number>): CellRange[] {
  // On a sheet with tables, a grid beside them is named only if its words read as measures (a
  // summary of ratings or a lookup list is not); on a sheet that yielded none, every grid is.
  const measuresOnly = covered.length > 0;
  const found: CellRange[] = [];
  let top = -1;
  let last = -1;
  const close = (bottom: number): void => {
    if (top >= 0 && bottom > top) {
      const block = blockOf(grid, top, bottom, measuresOnly);
      if (block && !covered.some((range) => overlaps(range, block)) && !ignoredBetween(ignoredRows, top, bottom)) found.push(block);
    }
    top = -1;
  };
  // The rows a table was read from are passed over whole: a sheet of 50,000 indicators is one
  // table, and its cells need no second look.
  const spans = covered.map((range) => [range.top, range.bottom] as const).sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (let r = 0; r < grid.rows; r++) {
    while (next < spans.length && spans[next]![1] < r) next++;
    const span = spans[next];
    if (span && span[0] <= r) {
      close(last);
      r = span[1];
      continue;
    }
    // A heading alone on its row ("Efficiency measure") between two KPI rows keeps the block
    // open: the rows either side are one grid, though neither is two rows deep on its own. Two
    // grids parted only by a title line ("Table 2: Finance") are named as one range, which still
    // names every cell left unread.
    const filled = grid.filledCount(r);
    if (filled >= 2) {
      if (top < 0) top = r;
      last = r;
    } else if (filled === 0 || top < 0) {
      close(last);
    }
  }
  close(last);
  found.push(...besideTables(grid, covered, ignoredRows));
  return found;
}

/**
 * Grids standing beside the tables read, on their rows: a second table side by side that could
 * not be read is named as one below or above them is. Only the columns right of every table on a
 * row are looked at, and a row reaching no further than its tables is passed over at a glance.
 */
function besideTables(grid: SheetGrid, covered: readonly CellRange[], ignoredRows: ReadonlySet<number>): CellRange[] {
  const reach = new Int32Array(grid.rows).fill(-1);
  for (const range of covered)
    for (let r = Math.max(0, range.top); r <= Math.min(grid.rows - 1, range.bottom); r++) reach[r] = Math.max(reach[r]!, range.right);
  const found: CellRange[] = [];
  let top = -1;
  let from = 0;
  const close = (bottom: number): void => {
    if (top >= 0 && bottom > top && !ignoredBetween(ignoredRows, top, bottom)) {
      const block = blockOf(grid, top, bottom, true, from);
      if (block && !covered.some((range) => overlaps(range, block))) found.push(block);
    }
    top = -1;
  };
  for (let r = 0; r < grid.rows; r++) {
    // Past the table's last column and the one that parts it from its neighbour.
    const start = reach[r]! + 2;
    const beside = reach[r]! >= 0 && grid.lastFilledColumn(r) >= start && grid.filledColumnsIn(r, start, Infinity).length >= 2;
    if (beside) {
      if (top < 0) {
        top = r;
        from = start;
      } else from = Math.min(from, start);
    } else close(r - 1);
  }
  close(grid.rows - 1);
  return found;
}

function blockOf(grid: SheetGrid, top: number, bottom: number, measuresOnly: boolean, from = 0): CellRange | undefined {
  let left = Infinity;
  let right = -1;
  let words = 0;
  let figures = 0;
  let measures = 0;
  // Rows with a name and a figure on them: two or more are a table's rows, whatever their words.
  let namedFigures = 0;
  for (let r = top; r <= bottom; r++) {
    const cells = from === 0 ? grid.filledColumns(r) : grid.filledColumnsIn(r, from, Infinity);
    if (cells.length === 0) continue;
    left = Math.min(left, cells[0]!);
    right = Math.max(right, cells[cells.length - 1]!);
    let rowWords = false;
    let rowFigures = false;
    for (const c of cells) {
      if (PIVOT.test(grid.text(r, c))) return undefined;
      const kind = valueKind(grid.cell(r, c));
      if (kind === 'figure') {
        figures++;
        rowFigures = true;
      } else if (kind === 'words') {
        words++;
        rowWords = true;
        if (MEASURE_WORDS.test(grid.text(r, c))) measures++;
      }
    }
    if (rowWords && rowFigures) namedFigures++;
  }
  // "MRSA bacteraemia | 0 | 1" under "Infection | Annual limit | Actual", above a table that was
  // read: its names are no measure words, but its rows are a table's all the same.
  if (measuresOnly && measures === 0 && namedFigures < 2) return undefined;
  return figures > 0 && words > 0 ? { top, left, bottom, right } : undefined;
}

/** Whether a row the officer marked as no KPI table lies in top..bottom. */
function ignoredBetween(ignoredRows: ReadonlySet<number>, top: number, bottom: number): boolean {
  for (const r of ignoredRows) if (r >= top && r <= bottom) return true;
  return false;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The doubt for a grid nothing could be read from. */
export function unreadGridDoubt(sheet: string, range: CellRange): Issue {
  return issue(
    'grid-not-read',
    `'${sheet}'!${rangeAddress(range)} looks like KPIs, but no table could be read there: choose its columns (or mark it as not a KPI table).`,
  );
}
