import type { Tolerance } from '../engine/tolerance';
import { readStatusWord } from '../engine/status-words';
import type { SheetGrid } from './sheet-grid';
import type { DetectedTable } from './types';

/**
 * "Amber = within 2% of target", "RAG (Amber within 10%)", "Amber: up to 5 percentage points
 * below target", "A = within 10% of target": the near-miss band a sheet's key states, in its words.
 */
const AMBER_KEY =
  /(?:\bamber\b|(?:^|[\s;,(])a\s*[=:])[^.;\n]{0,20}?\b(?:within|up to|less than)\s+(\d+(?:\.\d+)?)\s*(%|per ?cent|percentage points?|points?|pp)(?![a-z])/i;

/** A near miss's words with its band: "Target slightly missed (within 10%)". */
const NEAR_WITHIN = /\(within (\d{1,2}(?:\.\d+)?)\s*%\)/i;

/** How many rows under a table, and over its header, a key may stand. */
const KEY_ROWS_BELOW = 6;
const KEY_ROWS_ABOVE = 3;

/** The band a key's words state, where they state one. */
export function toleranceStatedIn(text: string): Tolerance | undefined {
  const match = AMBER_KEY.exec(text);
  if (!match) return undefined;
  const size = Number(match[1]);
  // "Amber = within 80% of target" means at least 80% of it, a reading too unlike a band to guess at.
  if (!(size >= 0 && size <= 50)) return undefined;
  return /point|pp/i.test(match[2]!) ? { rule: 'points', points: size, percent: size } : { rule: 'relative', percent: size };
}

/**
 * The near-miss band a table's own key gives: its status heading ("RAG (Amber within 10%)"), or a
 * key written just under the table or over its header ("RAG key: Green = target met; Amber =
 * within 2% of target"). The officer's own setting still comes first (see toleranceFor).
 */
export function keyTolerance(grid: SheetGrid, table: DetectedTable): Tolerance | undefined {
  for (const column of table.columns) {
    if (column.role !== 'status') continue;
    const fromHeading = toleranceStatedIn(column.header);
    if (fromHeading) return fromHeading;
    // The near miss's own words say its band: "Target slightly missed (within 10%)" (Maidstone).
    // A status column repeats a few words down thousands of rows: each is read once.
    const seen = new Set<string>();
    for (const indicator of table.indicators) {
      const text = grid.text(indicator.row, column.col);
      if (seen.has(text)) continue;
      seen.add(text);
      const band = NEAR_WITHIN.exec(text);
      if (band && readStatusWord(text) === 'near') return { rule: 'relative', percent: Number(band[1]) };
    }
  }
  const headerTop = table.headerRows[0] ?? table.range.top;
  const bottom = Math.min(grid.rows - 1, table.range.bottom + KEY_ROWS_BELOW);
  for (let r = Math.max(0, headerTop - KEY_ROWS_ABOVE); r <= bottom; r++) {
    if (r >= headerTop && r <= table.range.bottom) continue;
    for (const c of grid.filledColumns(r)) {
      const found = toleranceStatedIn(grid.text(r, c));
      if (found) return found;
    }
  }
  return undefined;
}
