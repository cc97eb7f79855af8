import { planValueText, type PlanCell } from './plan-types';

/** A one-line row is 15 points; each further wrapped line adds a little less. */
const POINTS_FIRST_LINE = 15;
const POINTS_PER_MORE_LINE = 14.4;
/** Excel's tallest row; a taller one makes Excel offer to repair the file. */
const MAX_ROW_POINTS = 409;
/** Characters of ordinary text that fit in one unit of column width (widths are counted in '0's). */
const CHARACTERS_PER_WIDTH = 1.15;

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
      const perLine = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH));
      const cellLines = planValueText(cell.value)
        .split('\n')
        .reduce((sum, part) => sum + wrappedLines(part, perLine), 0);
      lines = Math.max(lines, cellLines);
    });
    const size = Math.max(...row.map((cell) => cell?.size ?? 11), 11);
    const points = (POINTS_FIRST_LINE + (lines - 1) * POINTS_PER_MORE_LINE) * (size / 11);
    return Math.min(MAX_ROW_POINTS, Math.round(points * 10) / 10);
  });
}

/** Lines a paragraph takes when wrapped at word boundaries, as a spreadsheet wraps it. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    } else if (used + 1 + length <= perLine) {
      used += 1 + length;
    } else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    }
  }
  return lines;
}
