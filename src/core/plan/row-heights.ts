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
  // Sized for every row of the sheets KPI Tracker builds (tens of thousands at once): plain loops.
  const heights: number[] = new Array<number>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let lines = 1;
    let size = 11;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const cellSize = cell.size ?? 11;
      if (cellSize > size) size = cellSize;
      if (!cell.wrap) continue;
      const width = mergedRows.has(r) ? total : widths[c] ?? 10;
      const perLine = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH));
      const cellLines = linesOf(planValueText(cell.value), perLine);
      if (cellLines > lines) lines = cellLines;
    }
    const points = (POINTS_FIRST_LINE + (lines - 1) * POINTS_PER_MORE_LINE) * (size / 11);
    heights[r] = Math.min(MAX_ROW_POINTS, Math.round(points * 10) / 10);
  }
  return heights;
}

/** Lines a cell's text takes: each line break starts a paragraph, wrapped on its own. */
function linesOf(text: string, perLine: number): number {
  // Text no longer than a line, without a break, fits on one line whatever its spaces.
  if (text.length <= perLine && text.indexOf('\n') < 0) return 1;
  let lines = 0;
  let from = 0;
  for (;;) {
    const end = text.indexOf('\n', from);
    lines += wrappedLines(text, end < 0 ? text.length : end, from, perLine);
    if (end < 0) return lines;
    from = end + 1;
  }
}

/** Whitespace as the pattern \s reads it, which is where a spreadsheet may wrap. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Lines a paragraph (text[from, end)) takes when wrapped at word boundaries, as a spreadsheet wraps it. */
function wrappedLines(text: string, end: number, from: number, perLine: number): number {
  let lines = 1;
  let used = 0;
  let i = from;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const start = i;
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    const length = i - start;
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
