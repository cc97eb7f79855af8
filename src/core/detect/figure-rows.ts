import type { SheetGrid } from './sheet-grid';
import type { ColumnMapping, ColumnRole, DetectedIndicator } from './types';

/*
 * One indicator name over several rows of figures, each row labelled with its own measure:
 *
 *   KPI                              | Measure (2019/20)   | April | May | …
 *   1) % All legal cases concluded   | 45% within 90 days  | 48%   | 51% | …
 *                                    | 78% within 180 days | 63%   | 72% | …
 *
 * The body reader carries a row with no name onto the indicator above (a description that spills
 * over, or commentary), so the second and third rows' figures were never read, and nothing said
 * so. A row with figures of its own and words of its own beside them is an indicator of its own.
 */

/** Columns whose cells are figures for a period: a row with something in one of them has figures. */
const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set(['actual', 'target', 'count', 'metShare', 'notMetShare']);

/** The words a row has left of its figures, in no column that names the indicator or holds figures, or its own target. */
function wordsBeside(grid: SheetGrid, row: number, labelColumns: readonly number[]): string {
  for (const c of labelColumns) {
    const text = grid.text(row, c).trim();
    if (/[a-z]/i.test(text)) return text;
  }
  return '';
}

export function splitRowsWithOwnFigures(
  grid: SheetGrid,
  columns: readonly ColumnMapping[],
  indicators: DetectedIndicator[],
): DetectedIndicator[] {
  // Most tables give each indicator one row: nothing to look at.
  if (!indicators.some((indicator) => indicator.rows.length > 1)) return indicators;
  const figureCols = columns.filter((column) => FIGURE_ROLES.has(column.role)).map((column) => column.col);
  if (figureCols.length === 0) return indicators;
  const firstFigure = Math.min(...figureCols);
  const named = new Set(columns.filter((column) => column.role === 'description' || column.role === 'reference').map((c) => c.col));
  // Mapped or not: a column the header left unrecognised may still hold the rows' labels. With
  // none, each row's own target says what it measures ("45% within 90 days" read as the target).
  const labelColumns: number[] = [];
  for (let c = Math.min(...columns.map((column) => column.col)); c < firstFigure; c++) if (!named.has(c)) labelColumns.push(c);
  const target = columns.find((column) => column.role === 'target');
  if (labelColumns.length === 0 && target) labelColumns.push(target.col);
  if (labelColumns.length === 0) return indicators;
  // Figures of its own beside its label: a target that labels its row is no figure of the row's.
  const ownFigures = figureCols.filter((c) => !labelColumns.includes(c));
  const hasFigures = (row: number): boolean => ownFigures.some((c) => grid.hasContent(row, c));

  let split = false;
  const out: DetectedIndicator[] = [];
  for (const indicator of indicators) {
    if (indicator.rows.length < 2 || indicator.targetRow !== undefined) {
      out.push(indicator);
      continue;
    }
    const withFigures = indicator.rows.filter(hasFigures);
    const labels = withFigures.map((row) => wordsBeside(grid, row, labelColumns));
    // Every row of figures must say what it measures; unlabelled rows may be one figure's second line.
    if (withFigures.length < 2 || labels.some((label) => label === '') || new Set(labels).size < labels.length) {
      out.push(indicator);
      continue;
    }
    split = true;
    withFigures.forEach((row, at) => {
      // Rows without figures (a wrapped name, a comment) stay with the row of figures above them.
      const next = withFigures[at + 1] ?? Infinity;
      const rows = indicator.rows.filter((r) => (at === 0 || r >= row) && r < next);
      out.push({ ...indicator, row, rows, description: `${indicator.description} (${labels[at]})` });
    });
  }
  return split ? out : indicators;
}
