import { columnLetter } from '../model/address';
import { issue } from '../model/issue';
import { splitLabelledFigure } from '../engine/labelled-figure';
import { periodInText } from '../periods/parse-period-label';
import { valueKind } from './column-values';
import { FOOTNOTE_PATTERN } from './find-tables';
import { MAX_SPACER } from './resolve-columns';
import type { SheetGrid } from './sheet-grid';
import type { CellRange } from '../model/workbook';
import { shortText } from '../model/short-text';
import type { ColumnMapping, DetectedIndicator, DetectedTable, Footnote } from './types';

/**
 * Tables with no header row, as a landlord's "Our performance" page prints them and an officer
 * pastes them into a sheet: each measure's name and figure in one cell, its target in the next.
 *
 *   Here's our results for quarter two, 2024/25 which is July to September 2024:
 *   Customer satisfaction (LCRA)*: 58.5%    Target: 70%
 *   Complaints responded to on time**: 92%  Target: 95%
 *   * General Needs and Housing for older people, …
 *
 * The line above the first measure is the table's title (and its period); footnote lines and a
 * single blank row may come between the measures. The figure column holds the names too, so the
 * table is read with an actual and a target column, and each indicator's name is the cell's text
 * before its colon.
 */
export function readLabelledFigureTables(grid: SheetGrid, covered: readonly CellRange[]): DetectedTable[] {
  const tables: DetectedTable[] = [];
  const taken = grid.rowsUnder(covered);
  const isCovered = (row: number): boolean => taken[row] === 1;
  for (let r = 0; r < grid.rows; r++) {
    if (isCovered(r)) continue;
    const cols = labelledColumns(grid, r);
    if (cols === undefined) continue;
    const table = readFrom(grid, r, cols, isCovered);
    if (table) {
      tables.push(table);
      r = table.range.bottom;
    }
  }
  return tables;
}

/** Where a row holds a "name: figure" cell, its column and that of the target to its right ("Target: 70%"). */
interface LabelledColumns {
  readonly col: number;
  readonly targetCol: number;
}

function labelledColumns(grid: SheetGrid, row: number): LabelledColumns | undefined {
  const filled = grid.filledColumns(row);
  if (filled.length !== 2 || filled[1]! > filled[0]! + 1 + MAX_SPACER) return undefined;
  const [col, targetCol] = filled as [number, number];
  if (!splitLabelledFigure(grid.text(row, col))) return undefined;
  return /^(our\s+)?target(\s*[:=-]|\s+is\b|\s+\d)/i.test(grid.text(row, targetCol)) || valueKind(grid.cell(row, targetCol)) === 'target'
    ? { col, targetCol }
    : undefined;
}

/** Whether a row holds a "name: figure" cell and its target in the same columns as the table's first. */
function sameColumns(grid: SheetGrid, row: number, first: LabelledColumns): boolean {
  const here = labelledColumns(grid, row);
  return here !== undefined && here.col === first.col && here.targetCol === first.targetCol;
}

function readFrom(grid: SheetGrid, first: number, cols: LabelledColumns, isCovered: (row: number) => boolean): DetectedTable | undefined {
  const { col, targetCol } = cols;
  // The title is the line above the first measure, or above a blank line there.
  const titleRow = first >= 2 && grid.isBlankRow(first - 1) ? first - 2 : first - 1;
  if (titleRow < 0 || grid.filledCount(titleRow) !== 1) return undefined;
  const title = grid.text(titleRow, grid.firstFilledColumn(titleRow));
  const indicators: DetectedIndicator[] = [];
  const footnotes: Footnote[] = [];
  let bottom = first;
  let blankRun = 0;
  let section: string | undefined;
  for (let r = first; r < grid.rows && !isCovered(r); r++) {
    if (grid.filledCount(r) === 0) {
      if (++blankRun >= 2) break;
      continue;
    }
    if (sameColumns(grid, r, cols)) {
      const label = splitLabelledFigure(grid.text(r, col))!.label;
      indicators.push({ row: r, rows: [r], description: label, ...(section ? { section } : {}), hidden: grid.isHidden(r) });
      bottom = r;
      blankRun = 0;
      continue;
    }
    const lone = grid.filledCount(r) === 1 ? grid.text(r, grid.firstFilledColumn(r)) : '';
    const footnote = lone ? FOOTNOTE_PATTERN.exec(lone) : null;
    if (footnote && footnote[1]) {
      footnotes.push({ row: r, marker: footnote[1], text: footnote[2]!.trim() });
      bottom = r;
      blankRun = 0;
      continue;
    }
    // A line of words between measures: a note on the one above ("This is not a good result - …")
    // or a heading for those below ("Repairs completed in target time"), where measures follow.
    if (lone && indicators.length > 0 && sameColumns(grid, r + 1, cols)) {
      if (/[.!?]$/.test(lone) || lone.length > 80) {
        const above = indicators[indicators.length - 1]!;
        indicators[indicators.length - 1] = { ...above, rows: [...above.rows, r] };
      } else section = lone;
      bottom = r;
      blankRun = 0;
      continue;
    }
    break;
  }
  if (indicators.length < 2) return undefined;
  const period = periodInText(title);
  const columns: ColumnMapping[] = [
    {
      col,
      header: title,
      role: 'actual',
      confidence: 0.7,
      reason: `each cell holds a measure's name and its figure ("${shortText(grid.text(first, col), 50)}")`,
      ...(period ? { period } : {}),
    },
    { col: targetCol, header: 'Target', role: 'target', confidence: 0.8, reason: 'each cell reads "Target: …"' },
  ];
  return {
    sheet: grid.sheet.name,
    range: { top: titleRow, left: col, bottom, right: targetCol },
    kind: 'measure-table',
    title,
    headerRows: [titleRow],
    columns,
    indicators,
    footnotes,
    actions: [],
    confidence: 0.7,
    doubts: [
      issue(
        'figures-after-names',
        `Column ${columnLetter(col)} holds each measure's name and its figure in one cell, with the target in column ${columnLetter(targetCol)} and no header row: KPI Tracker reads the name before the colon and the figure after it${period ? '' : ', and found no period in the line above'}. Check it before you run.`,
      ),
    ],
    confirmed: false,
  };
}
