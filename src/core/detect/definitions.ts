import type { SheetGrid } from './sheet-grid';

const DEFINITION = /^(?:-\s*)?(?:kpi|pi|indicator)\s*([0-9]{1,3}[a-z]?)\**\s*[-–—:]\s*(.+)$/is;

/**
 * Definitions written under a KPI return (layout C): "KPI 3 – Time taken for IFA to visit … (target 14 days)".
 * Keyed by the reference in lower case.
 */
export function readDefinitions(grid: SheetGrid): Map<string, { row: number; text: string }> {
  const definitions = new Map<string, { row: number; text: string }>();
  // A definition stands alone on its row: other rows are passed over by their counts, without listing their cells.
  for (let r = grid.nextRowFilledUpTo(0, 1); r < grid.rows; r = grid.nextRowFilledUpTo(r + 1, 1)) {
    const match = DEFINITION.exec(grid.text(r, grid.firstFilledColumn(r)).replace(/\*\*/g, ''));
    if (match && !definitions.has(match[1]!.toLowerCase())) {
      definitions.set(match[1]!.toLowerCase(), { row: r, text: match[2]!.replace(/\s+/g, ' ').trim() });
    }
  }
  return definitions;
}
