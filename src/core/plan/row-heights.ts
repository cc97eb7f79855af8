import { planValueText, textValue, type PlanCell, type PlanValue } from './plan-types';

/** A one-line row is 15 points; each further wrapped line adds a little less. */
const POINTS_FIRST_LINE = 15;
const POINTS_PER_MORE_LINE = 14.4;
/** Excel's tallest row; a taller one makes Excel offer to repair the file. */
const MAX_ROW_POINTS = 409;
/** Characters of ordinary text that fit in one unit of column width (widths are counted in '0's). */
const CHARACTERS_PER_WIDTH = 1.15;
const DEFAULT_SIZE = 11;

/**
 * Row heights for wrapped text, in points. Neither exceljs nor every spreadsheet program sizes
 * rows to wrapped text on opening, so sheets KPI Tracker builds say how tall each row must be.
 * Merged title cells are given the width of the columns they span.
 */
export function estimateRowHeights(
  rows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>>,
  widths: readonly number[],
  mergedRows: ReadonlySet<number> = new Set(),
): number[] {
  const total = totalWidth(widths);
  const heights: number[] = new Array<number>(rows.length);
  for (let r = 0; r < rows.length; r++) heights[r] = estimateRowHeight(rows[r]!, widths, mergedRows.has(r) ? total : undefined);
  return heights;
}

export function totalWidth(widths: readonly number[]): number {
  let total = 0;
  for (const width of widths) total += width;
  return total;
}

/**
 * One row's height, as estimateRowHeights gives it; `mergedWidth` when the row's cells span the
 * sheet (a merged title). Sheets that know their body rows' texts size those with
 * wrappedLineCount and heightOfLines instead, without reading the cells back.
 */
export function estimateRowHeight(row: ReadonlyArray<PlanCell | undefined>, widths: readonly number[], mergedWidth?: number): number {
  let lines = 1;
  let size = DEFAULT_SIZE;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const cellSize = cell.size ?? DEFAULT_SIZE;
    if (cellSize > size) size = cellSize;
    if (!cell.wrap) continue;
    const cellLines = wrappedLineCount(planValueText(cell.value), mergedWidth ?? widths[c] ?? 10);
    if (cellLines > lines) lines = cellLines;
  }
  return heightOfLines(lines, size);
}

/** The height of a row whose tallest wrapped cell takes `lines` lines of `size`-point text. */
export function heightOfLines(lines: number, size: number = DEFAULT_SIZE): number {
  const points = (POINTS_FIRST_LINE + (lines - 1) * POINTS_PER_MORE_LINE) * (size / DEFAULT_SIZE);
  return Math.min(MAX_ROW_POINTS, Math.round(points * 10) / 10);
}

/**
 * The cells of one column of a sheet KPI Tracker builds, one per distinct text, each with the lines
 * it wraps to. Hosts only read plan cells, so a cell that repeats down the sheet (a target, a
 * status, an empty cell, a name) is built and measured once and shared by every row showing it.
 */
export class SharedCells {
  private readonly byText = new Map<string, SharedCell>();
  private lastText: string | undefined;
  private lastShared: SharedCell | undefined;

  /** `style` builds the cell for a value; cells that wrap are measured at `width`. */
  constructor(
    private readonly width: number,
    private readonly style: (value: PlanValue) => PlanCell,
  ) {}

  get(text: string): SharedCell {
    // Rows in a run often show the text of the row above (an empty cell, the same status), and
    // comparing with it is cheaper than finding the text's hash.
    if (text === this.lastText) return this.lastShared!;
    let shared = this.byText.get(text);
    if (!shared) {
      const cell = this.style(textValue(text));
      // Measured as written to the cell, which Excel's limit may have cut.
      shared = { cell, lines: cell.wrap ? wrappedLineCount(planValueText(cell.value), this.width) : 1 };
      this.byText.set(text, shared);
    }
    this.lastText = text;
    this.lastShared = shared;
    return shared;
  }
}

export interface SharedCell {
  readonly cell: PlanCell;
  readonly lines: number;
}

/** Lines text takes when wrapped in a column `width` characters wide; each line break starts a paragraph. */
export function wrappedLineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH));
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
  // Nearly every character is printable ASCII: two comparisons settle it.
  if (code > 32 && code < 0xa0) return false;
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
