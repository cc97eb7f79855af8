import type { DetectedIndicator, DetectedTable } from '../detect/types';
import { cellText } from '../model/cell-text';
import { getOrInsert } from '../model/memo';
import { cellAt, type Cell, type Sheet } from '../model/workbook';
import { parseTargetCell } from './parse-target';
import { financialYearInName } from '../periods/parse-period-label';
import type { Period } from '../periods/period';
import type { EvaluateOptions } from './evaluate';
import { decidePolarity, type PolarityDecision } from './polarity';
import { polarityFromRating } from './polarity-from-rating';
import type { Target } from './target-types';
import { DEFAULT_TOLERANCE, type Tolerance } from './tolerance';
import { columnsOf, commentaryColumn, textAt } from './table-columns';
import type { IndicatorPlace } from './verdict-store';

/** One indicator of a table, with where it is and what the run was asked. */
export interface RowContext {
  readonly sheet: Sheet;
  readonly table: DetectedTable;
  readonly tableIndex: number;
  readonly indicator: DetectedIndicator;
  readonly options: EvaluateOptions;
}

/** Where the indicator is, and what its row says of it besides figures: every period of it shares these. */
export function placeOf(ctx: RowContext): IndicatorPlace {
  return {
    sheet: ctx.table.sheet,
    tableIndex: ctx.tableIndex,
    ref: ctx.indicator.ref ?? null,
    indicator: ctx.indicator.description,
    row: ctx.indicator.row,
    owner: ownerOf(ctx),
    commentary: commentaryOf(ctx),
  };
}

function ownerOf(ctx: RowContext): string | null {
  const col = columnsOf(ctx.table, 'owner')[0]?.col;
  const own = col === undefined ? '' : textAt(ctx.sheet, ctx.indicator.row, col);
  return own || ctx.indicator.card?.owner || null;
}

/** The commentary column's words on each of the indicator's rows, and its footnote. */
function commentaryOf(ctx: RowContext): string | null {
  const col = commentaryColumn(ctx.table, ctx.sheet)?.col;
  const own =
    col === undefined
      ? ''
      : ctx.indicator.rows
          .map((r) => textAt(ctx.sheet, r, col))
          .filter(Boolean)
          .join('\n');
  const footnote = ctx.indicator.footnote?.text ?? '';
  const text = [own, footnote].filter(Boolean).join('\n');
  return text || null;
}

/** Which way is better for the indicator, judged against `target`. */
export function polarityFor(ctx: RowContext, target: Target): PolarityDecision {
  const polarityCol = columnsOf(ctx.table, 'polarity')[0]?.col;
  const decision = decidePolarity({
    column: polarityCol !== undefined ? textAt(ctx.sheet, ctx.indicator.row, polarityCol) : undefined,
    officer: ctx.indicator.ref ? ctx.options.polarityByRef?.get(ctx.indicator.ref) : undefined,
    ref: ctx.indicator.ref || undefined,
    description: ctx.indicator.description,
    target,
    tableContext: tableContextOf(ctx.table),
    title: ctx.table.title,
    section: ctx.indicator.section,
    figureHeadings: figureHeadingsOf(ctx.table),
  });
  return decision.assumed ? (polarityFromRating(ctx.table, ctx.sheet, ctx.indicator.row, target) ?? decision) : decision;
}

/** A table's title and the headings of its figures, read once per table. */
const TABLE_CONTEXT = new WeakMap<DetectedTable, string>();
function tableContextOf(table: DetectedTable): string {
  return getOrInsert(TABLE_CONTEXT, table, () =>
    [table.title ?? '', ...columnsOf(table, 'actual').map((column) => column.header)].join(' | '),
  );
}

/** The headings of a table's figures, where they are words ("Average Response Time"), read once per table. */
const FIGURE_HEADINGS = new WeakMap<DetectedTable, readonly string[] | null>();
function figureHeadingsOf(table: DetectedTable): readonly string[] | undefined {
  return (
    getOrInsert(FIGURE_HEADINGS, table, () => {
      const headings = columnsOf(table, 'actual')
        .map((column) => column.header)
        .filter((header) => /[a-z]{3}/i.test(header));
      return headings.length > 0 ? headings : null;
    }) ?? undefined
  );
}

/** The run's tolerance, or the indicator's own where its row has a tolerance column ("10%"). */
export function toleranceFor(ctx: RowContext): Tolerance {
  const tolerances = columnsOf(ctx.table, 'tolerance');
  // The officer's setting, else the band the table's own key states, else KPI Tracker's default.
  const base = ctx.options.tolerance ?? ctx.table.tolerance ?? DEFAULT_TOLERANCE;
  const amber = tolerances.find((c) => AMBER_THRESHOLD.test(c.header.trim()));
  if (amber) return amberBand(ctx, cellAt(ctx.sheet, ctx.indicator.row, amber.col)) ?? base;
  const col = tolerances[0]?.col;
  if (col === undefined) return base;
  const cell = cellAt(ctx.sheet, ctx.indicator.row, col);
  if (cell.value.kind === 'number') {
    const percent = cell.format && cell.format.includes('%') ? cell.value.value * 100 : cell.value.value;
    if (percent >= 0 && percent <= 100) return { ...base, percent } as Tolerance;
  }
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(cellText(cell).trim());
  return match ? ({ ...base, percent: Number(match[1]) } as Tolerance) : base;
}

const AMBER_THRESHOLD = /^amber\b/i;

/**
 * "Target (Green) 85% | Amber threshold 75%": a miss down to 75% is a near one, so the band is the
 * distance between the two, as a share of the target (10 points of 85%). Undefined where the two
 * can't be set side by side (a blank, another unit, a target of nought).
 */
function amberBand(ctx: RowContext, cell: Cell): Tolerance | undefined {
  const targetCol = columnsOf(ctx.table, 'target')[0]?.col;
  if (targetCol === undefined) return undefined;
  const target = parseTargetCell(cellAt(ctx.sheet, ctx.indicator.row, targetCol));
  const amber = parseTargetCell(cell);
  if (target.kind !== 'threshold' || target.value === 0) return undefined;
  if ((amber.kind !== 'threshold' && amber.kind !== 'range') || amber.unit !== target.unit) return undefined;
  // An amber range ("75% - 84.9%") reaches as far as its bound furthest from the target.
  const edge = amber.kind === 'threshold' ? amber.value : furthest(amber, target.value);
  return { rule: 'relative', percent: Math.min(100, (Math.abs(target.value - edge) / Math.abs(target.value)) * 100) };
}

function furthest(range: { low: number; high: number }, from: number): number {
  return Math.abs(range.low - from) > Math.abs(range.high - from) ? range.low : range.high;
}

/** The year a one-period table reports (a KPI return, a case list): the one its sheet is named after. */
export function yearOfSheet(sheet: Sheet): Period | undefined {
  const fy = financialYearInName(sheet.name);
  return fy === undefined ? undefined : { kind: 'year', fy };
}
