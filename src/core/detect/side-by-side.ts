import { valueKind } from './column-values';
import type { ColumnSpan, HeaderCandidate } from './find-tables';
import { normaliseHeader } from './header-lexicon';
import type { SheetGrid } from './sheet-grid';
import type { ColumnMapping, ColumnRole } from './types';

/** The roles of the figures each side of the gap must have. */
const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set(['actual', 'target']);

/**
 * Two tables standing side by side whose header rows read as one ("| Bench | 2018 | 2019 | 2020 |
 * | | Bench | 2018 | …", an officer's two services laid out across the sheet): an empty column
 * runs down between them, through the header and the first rows of figures, each side has figures
 * of its own, headed as the other's are, and the right side starts with its own column of measures'
 * names. The columns each table may take; undefined where the header is one table's.
 */
export function sideBySideSplit(grid: SheetGrid, header: HeaderCandidate): ColumnSpan[] | undefined {
  const figures = header.columns.filter((column) => FIGURE_ROLES.has(column.role));
  if (figures.length < 2) return undefined;
  const first = figures[0]!.col;
  const last = figures[figures.length - 1]!.col;
  if (last - first < 3) return undefined;
  const body = bodyRows(grid, header.rows[header.rows.length - 1]! + 1);
  if (body.length < 2) return undefined;
  const rows = [...header.rows, ...body];
  const labels = header.rows[header.rows.length - 1]!;
  const headings = (columns: readonly ColumnMapping[]): string =>
    columns.map((column) => normaliseHeader(grid.text(labels, column.col))).join('|');
  for (let gap = first + 1; gap < last; gap++) {
    if (rows.some((r) => grid.filledCell(r, gap))) continue;
    const left = figures.filter((column) => column.col < gap);
    const right = figures.filter((column) => column.col > gap);
    if (left.length === 0 || right.length === 0) continue;
    // The right side's first column holds words on every body row: its measures' names.
    const names = Math.min(...body.map((r) => grid.filledColumnsIn(r, gap + 1, last)[0] ?? Infinity));
    if (!Number.isFinite(names) || names >= right[0]!.col) continue;
    if (!body.every((r) => valueKind(grid.cell(r, names)) === 'words')) continue;
    // A second table heads its figures as the first does; a column of words after a spacer in one
    // table ("Lead Officer | Q1 | Q2 | Status") does not repeat them.
    if (headings(left) !== headings(right)) continue;
    // Over the names, nothing, their own heading or a theme: never another column's ("Lead Officer").
    const namesRole = grid.text(labels, names) ? grid.classify(grid.headerText(labels, names))?.role : undefined;
    if (namesRole !== undefined && namesRole !== 'description') continue;
    // The right side ends where its rows do: a span with no end is the whole row's.
    return [
      { left: 0, right: gap - 1 },
      { left: gap + 1, right: Math.max(...rows.map((r) => grid.lastFilledColumn(r))) },
    ];
  }
  return undefined;
}

/** Up to the first five rows with figures under a header, stopping at the first empty row after one. */
function bodyRows(grid: SheetGrid, from: number): number[] {
  const rows: number[] = [];
  for (let r = from; r < grid.rows && r < from + 12 && rows.length < 5; r++) {
    if (grid.filledCount(r) === 0) {
      if (rows.length > 0) break;
      continue;
    }
    // Figures typed as text ("$287,895") are figures too.
    if (grid.figureCount(r) > 0 || grid.filledColumns(r).some((c) => valueKind(grid.cell(r, c)) === 'figure')) rows.push(r);
  }
  return rows;
}
