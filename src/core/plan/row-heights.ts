import { planValueText, type PlanCell } from './plan-types';

const POINTS_PER_LINE = 15;

/**
 * Row heights for wrapped text, in points. Neither exceljs nor every spreadsheet program sizes
 * rows to wrapped text on opening, so sheets KPI Tracker builds say how tall each row must be.
 * Merged title cells are given the width of the columns they span.
 */
export function estimateRowHeights(rows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>>, widths: readonly number[], mergedRows: ReadonlySet<number> = new Set()): number[] {
  const total = widths.reduce((sum, width) => sum + width, 0);
  return rows.map((row, r) => {
    let lines = 1;
    row.forEach((cell, c) => {
      if (!cell || !cell.wrap) return;
      const width = mergedRows.has(r) ? total : widths[c] ?? 10;
      const perLine = Math.max(1, Math.floor(width * 1.1));
      const cellLines = planValueText(cell.value)
        .split('\n')
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
      lines = Math.max(lines, cellLines);
    });
    const size = Math.max(...row.map((cell) => cell?.size ?? 11), 11);
    return Math.round(lines * POINTS_PER_LINE * (size / 11) * 10) / 10;
  });
}
