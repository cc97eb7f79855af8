import { normaliseHeader } from './header-lexicon';
import type { SheetGrid } from './sheet-grid';
import type { ColumnMapping, DetectedIndicator } from './types';

/*
 * Targets written in rows, not in a column: each indicator has a "Target" row and an "Actual" row
 * under the same period columns, as monthly trackers and many committee scorecards lay them out:
 *
 *   Indicator        |        | Apr | May | Jun          Rent collected |     |
 *   Rent collected   | Target | 95% | 95% | 95%    or    Target         | 95% | 95%
 *                    | Actual | 94% | 96% |              Actual         | 94% | 96%
 *
 * Read as rows of their own, the targets were taken for figures and every indicator was "No
 * target" (or the Target row became an indicator named "Target"). Here each pair becomes one
 * indicator whose figures are read from its Actual row and whose targets, period by period, from
 * its Target row.
 */

/** Words that label a row of targets. */
const TARGET_LABEL =
  /^(targets?|target \(?(monthly|quarterly|annual|ytd|year to date)\)?|plan|planned|profile|profiled target|trajectory|standard|goal)$/;
/** Words that label a row of results. */
const ACTUAL_LABEL = /^(actuals?|actual performance|results?|outturn|out-turn|performance|achieved|achievement|figure|value)$/;

type Label = 'target' | 'actual';

function labelOf(text: string): Label | undefined {
  // A label is a word or two: an indicator's wording is passed over unread.
  if (text.length > 40) return undefined;
  const words = normaliseHeader(text).replace(/[:.]$/, '');
  if (TARGET_LABEL.test(words)) return 'target';
  if (ACTUAL_LABEL.test(words)) return 'actual';
  return undefined;
}

/** The label a row carries in the cells left of the figures that are not the indicator's name. */
function rowLabel(grid: SheetGrid, row: number, labelColumns: readonly number[]): Label | undefined {
  for (const c of labelColumns) {
    const label = labelOf(grid.text(row, c));
    if (label) return label;
  }
  return undefined;
}

export interface PairedRows {
  readonly indicators: DetectedIndicator[];
  /** How many indicators take their targets from a row of their own. */
  readonly paired: number;
}

/**
 * Indicators with a Target row and an Actual row, made one: `row` becomes the Actual row (where the
 * figures, and so the statuses, are) and `targetRow` the Target row. Left as they were where no
 * indicator has both, so a table with a "Standard" column is not touched.
 */
export function pairTargetRows(grid: SheetGrid, columns: readonly ColumnMapping[], indicators: DetectedIndicator[]): PairedRows {
  // Rows labelled Target and Actual are that whatever else the table has ("Annual target" beside the
  // quarters); a Target row over a row of another name is read so only where no column holds targets.
  const hasTargetColumn = columns.some((column) => column.role === 'target');
  // A pair is rows of one indicator, or indicators under a heading: most tables have neither.
  if (!indicators.some((indicator) => indicator.rows.length > 1 || indicator.section !== undefined)) return { indicators, paired: 0 };
  const actualCols = columns.filter((column) => column.role === 'actual').map((column) => column.col);
  if (actualCols.length === 0) return { indicators, paired: 0 };
  const firstFigure = Math.min(...actualCols);
  const descCol = columns.find((column) => column.role === 'description')?.col;
  const left = Math.min(...columns.map((column) => column.col));
  // The label sits between the table's left edge and its first figure column, beside the name.
  const labelColumns: number[] = [];
  for (let c = left; c < firstFigure; c++) if (c !== descCol) labelColumns.push(c);

  const byLabelColumn = labelColumns.length > 0 ? pairedWithin(grid, indicators, labelColumns, !hasTargetColumn) : undefined;
  if (byLabelColumn) return byLabelColumn;
  return descCol === undefined ? { indicators, paired: 0 } : pairedByName(indicators);
}

/** "Rent collected | Target | …" over " | Actual | …": the rows of one indicator, labelled in a column of their own. */
function pairedWithin(
  grid: SheetGrid,
  indicators: DetectedIndicator[],
  labelColumns: readonly number[],
  overNamedRows: boolean,
): PairedRows | undefined {
  let paired = 0;
  const out: DetectedIndicator[] = [];
  for (const indicator of indicators) {
    if (indicator.rows.length < 2) {
      out.push(indicator);
      continue;
    }
    let targetRow: number | undefined;
    let actualRow: number | undefined;
    for (const r of indicator.rows) {
      const label = rowLabel(grid, r, labelColumns);
      if (label === 'target') targetRow ??= r;
      else if (label === 'actual') actualRow ??= r;
    }
    if (targetRow !== undefined && actualRow !== undefined) {
      paired++;
      out.push({ ...indicator, row: actualRow, targetRow });
      continue;
    }
    const named = overNamedRows ? targetsOverNamedRows(grid, indicator, labelColumns) : [];
    paired += named.length;
    out.push(...(named.length > 0 ? named : [indicator]));
  }
  return paired > 0 ? { indicators: out, paired } : undefined;
}

/**
 * "Community risk | Target | 7 minutes …" over " | High | 6 minutes 44 seconds …", then Target and
 * Medium, Target and Low (South Yorkshire Fire and Rescue's response standards): each Target row
 * sets the targets of the named row under it, and each pair is an indicator of its own, named by
 * the rows' heading and its own name. Empty where the rows do not alternate so.
 */
function targetsOverNamedRows(grid: SheetGrid, indicator: DetectedIndicator, labelColumns: readonly number[]): DetectedIndicator[] {
  const rows = indicator.rows;
  if (rows.length < 2 || rows.length % 2 !== 0) return [];
  const pairs: DetectedIndicator[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [targetRow, namedRow] = [rows[i]!, rows[i + 1]!];
    if (rowLabel(grid, targetRow, labelColumns) !== 'target' || namedRow !== targetRow + 1) return [];
    const name = labelColumns.map((c) => grid.text(namedRow, c).trim()).find(Boolean);
    if (!name || labelOf(name)) return [];
    pairs.push({ ...indicator, row: namedRow, rows: [targetRow, namedRow], targetRow, description: `${indicator.description}: ${name}` });
  }
  return pairs;
}

/**
 * "Rent collected" as a heading, then rows named "Target" and "Actual": the body reader took the
 * heading for a section and each labelled row for an indicator. Each Target row and the Actual row
 * next to it become the heading's indicator.
 */
function pairedByName(indicators: DetectedIndicator[]): PairedRows {
  const out: DetectedIndicator[] = [];
  let paired = 0;
  for (let i = 0; i < indicators.length; i++) {
    const here = indicators[i]!;
    const next = indicators[i + 1];
    const together = next !== undefined && next.section === here.section && here.section !== undefined;
    const hereLabel = together ? labelOf(here.description) : undefined;
    const nextLabel = hereLabel ? labelOf(next!.description) : undefined;
    if (together && hereLabel && nextLabel && hereLabel !== nextLabel) {
      const [target, actual] = hereLabel === 'target' ? [here, next] : [next, here];
      const { section: _heading, ...rest } = actual;
      out.push({
        ...rest,
        description: here.section!,
        rows: [...here.rows, ...next.rows].sort((a, b) => a - b),
        targetRow: target.row,
        ...(actual.ref === undefined && target.ref !== undefined ? { ref: target.ref } : {}),
      });
      paired++;
      i++;
      continue;
    }
    out.push(here);
  }
  return { indicators: paired > 0 ? out : indicators, paired };
}
