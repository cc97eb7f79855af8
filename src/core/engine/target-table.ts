import type { ColumnMapping, DetectedTable } from '../detect/types';
import { cellAt, isEmptyCell, type Sheet } from '../model/workbook';
import { monthsIn, periodLabel, type Period } from '../periods/period';
import { annualAsRate, comparesAcrossLengths, isAnnualCount, type AnnualTarget } from './annual-count';
import type { EvaluateOptions } from './evaluate';
import type { IndicatorVerdict } from './indicator-verdict';
import { placeOf, polarityFor, toleranceFor, type RowContext } from './indicator-row';
import { assess, type JudgeContext } from './judge';
import { parseActualCell } from './parse-actual';
import { actualInColumn } from './reporting-frequency';
import { parseTargetCell } from './parse-target';
import {
  answeredWithoutFigures,
  noActualColumnWhy,
  targetForTableWithoutFigures,
  targetColumnFor,
  targetWithoutColumn,
  unratedPeriod,
} from './target-column';
import type { PolarityDecision } from './polarity';
import {
  disagreement,
  monitoredOnly,
  publishedRating,
  ratingsByPeriod,
  statusColumnFor,
  tableRatesOnlyMetOrNotMet,
} from './published-rating';
import { refineTargetUnit } from './refine-target';
import { columnsOf, figureIn } from './table-columns';
import { baselineTheTargetNames, boundByHeading, boundsAsRange, targetColumnOnRow } from './target-column';
import type { Actual, Target, Unit } from './target-types';
import type { Tolerance } from './tolerance';
import { keptVerdict, TablePeriods, type IndicatorLine, type PeriodWording, type StoredColumn } from './verdict-store';
import { YearToDate } from './year-to-date';

/*
 * Judging a target table (layouts A and B): every indicator in every period column that has
 * figures, against the target of its target column.
 */

/** What every indicator of a table shares for one of its period columns, worked out once per table. */
interface PeriodColumn extends StoredColumn {
  /** Index into the table's target columns, or -1 where it has none. */
  readonly targetIndex: number;
  /** The column holding the same period of the year before, if the table has one. */
  readonly lastYearColumn: ColumnMapping | undefined;
  readonly shorterThanYear: boolean;
}

/** An indicator's target from one target column, with the polarity it implies. */
interface IndicatorTarget {
  readonly target: Target;
  readonly polarity: PolarityDecision;
  readonly annual: AnnualTarget | undefined;
  /** The annual count as a rate, for periods shorter than a year; made when first needed. */
  annualRate: Target | undefined;
  /** The judging context every period of the indicator shares; made when first needed. */
  context: JudgeContext | undefined;
  /** What the reasons of the indicator's periods are worded from, by target, as kept by the table's store; made when first needed. */
  source: number | undefined;
  annualRateSource: number | undefined;
}

/** Adds the table's verdicts to `out`: a large workbook's 600,000 are gathered in one array, not copied from one to another. */
export function evaluateTargetTable(
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  options: EvaluateOptions,
  out: IndicatorVerdict[],
): void {
  const actualColumns = columnsOf(table, 'actual');
  const targetColumns = columnsOf(table, 'target');
  const baselineCol = columnsOf(table, 'baseline')[0]?.col;
  // A period column that is blank for every indicator is a future period, not missing data.
  const usedColumns = actualColumns.filter((column) =>
    table.indicators.some((indicator) => !isEmptyCell(cellAt(sheet, indicator.row, column.col))),
  );
  const periodColumns = periodColumnsOf(table, actualColumns, usedColumns);
  const hasYearToDateColumn = actualColumns.some((c) => c.period?.kind === 'ytd');
  const periods = new TablePeriods(
    sheet,
    periodColumns,
    table.indicators.length,
    columnsOf(table, 'previous')[0],
    periodWording(sheet, table),
  );
  const metOrNotMet = tableRatesOnlyMetOrNotMet(table, sheet);
  const periodRatings = ratingsByPeriod(table);
  for (let at = 0; at < table.indicators.length; at++) {
    const indicator = table.indicators[at]!;
    const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
    const baseline = baselineCol === undefined ? undefined : parseActualCell(cellAt(sheet, indicator.row, baselineCol));
    const tolerance = toleranceFor(ctx);
    if (usedColumns.length === 0) {
      if (periodRatings.length > 0) for (const column of periodRatings) out.push(ratedInPeriod(ctx, column, tolerance));
      else out.push(withoutFigures(ctx, actualColumns.length > 0, tolerance, baseline));
      continue;
    }
    let previousUnit: Unit | undefined;
    // The target and polarity of each target column, once per indicator.
    const line = periods.line(placeOf(ctx), at);
    const targets: Array<IndicatorTarget | undefined> = [];
    let noColumnTarget: IndicatorTarget | undefined;
    // Targets written in a row of their own: one per period column.
    const targetRow = indicator.targetRow;
    const rowTargets: Array<IndicatorTarget | undefined> = [];
    const yearToDate = new YearToDate();
    for (let index = 0; index < periodColumns.length; index++) {
      const { column, targetIndex, lastYearColumn, shorterThanYear } = periodColumns[index]!;
      let judged =
        targetRow !== undefined
          ? (rowTargets[index] ??= targetOf(ctx, cellAt(sheet, targetRow, column.col)))
          : targetIndex < 0
            ? noColumnTarget
            : targets[targetIndex];
      if (!judged) {
        judged = indicatorTarget(ctx, targetIndex < 0 ? undefined : targetColumns[targetIndex]);
        if (targetIndex < 0) noColumnTarget = judged;
        else targets[targetIndex] = judged;
      }
      const { polarity, annual } = judged;
      // An annual count judged in a quarter or a month is judged against its share of the year.
      const target: Target = annual && shorterThanYear ? (judged.annualRate ??= annualAsRate(annual)) : judged.target;
      const actual = actualInColumn(table, sheet, indicator.row, column);
      const lastYear = lastYearColumn ? figureIn(sheet, indicator.row, lastYearColumn) : undefined;
      // The year to date belongs to one financial year: last year's columns start it afresh.
      if (annual && shorterThanYear && actual.kind === 'number' && column.period?.fy !== undefined)
        yearToDate.add(column.period as Period & { fy: number }, actual.value, annual, polarity);
      const projectedYearEnd = annual ? yearToDate.projectedYearEnd() : undefined;
      // "5% reduction on 2023/24": the named year's figure first, then a baseline column's.
      const named = baselineTheTargetNames(table, sheet, indicator.row, target);
      const judgement = assess(actual, target, {
        polarity,
        today: options.today,
        tolerance,
        period: column.period,
        baseline: named?.figure ?? baseline,
        ...(named ? { baselineLabel: named.label } : {}),
        lastYear,
        projectedYearEnd,
        annualTarget: annual?.value,
        metOrNotMet,
        ...againstOtherFigures(table, target, line, index),
      });
      judged.context ??= {
        polarity,
        today: options.today,
        tolerance,
        baseline: named?.figure ?? baseline,
        ...(named ? { baselineLabel: named.label } : {}),
        annualTarget: annual?.value,
        metOrNotMet,
      };
      const context = judged.context;
      const source =
        target === judged.target
          ? (judged.source ??= periods.keepSource({ target, context }))
          : (judged.annualRateSource ??= periods.keepSource({ target, context }));
      // A period without figures keeps the indicator's unit, so its previous figure reads "98.58%".
      out.push(periods.record(line, index, judgement, judgement.unit ?? previousUnit, source, lastYear, projectedYearEnd));
      if (judgement.actualValue !== undefined) previousUnit = judgement.unit ?? previousUnit;
    }
    const toDate = hasYearToDateColumn ? undefined : yearToDate.verdict(line, options.today, tolerance);
    if (toDate) out.push(toDate);
  }
}

/** The target of one target column (or none) for an indicator, and the polarity it implies. */
function indicatorTarget(ctx: RowContext, periodTarget: ColumnMapping | undefined): IndicatorTarget {
  const { sheet, table, indicator } = ctx;
  const targetColumn = targetColumnOnRow(table, sheet, indicator.row, periodTarget);
  const target = monitoredOnly(
    table,
    sheet,
    indicator.row,
    targetColumn
      ? boundsAsRange(
          table,
          sheet,
          indicator.row,
          targetColumn,
          boundByHeading(
            targetColumn,
            refineTargetUnit(parseTargetCell(cellAt(sheet, indicator.row, targetColumn.col)), indicator.description),
          ),
        )
      : targetWithoutColumn(table),
  );
  return withPolarity(ctx, target, isAnnualCount(target, targetColumn, indicator.description) ? target : undefined);
}

/** The target written for one period in the indicator's Target row: that period's own, never a year's count to share out. */
function targetOf(ctx: RowContext, cell: ReturnType<typeof cellAt>): IndicatorTarget {
  const { sheet, table, indicator } = ctx;
  return withPolarity(
    ctx,
    monitoredOnly(table, sheet, indicator.row, refineTargetUnit(parseTargetCell(cell), indicator.description)),
    undefined,
  );
}

function withPolarity(ctx: RowContext, target: Target, annual: AnnualTarget | undefined): IndicatorTarget {
  return {
    target,
    polarity: polarityFor(ctx, target),
    annual,
    annualRate: undefined,
    context: undefined,
    source: undefined,
    annualRateSource: undefined,
  };
}

/** An indicator of a table with no figures in any period yet (or no actual column at all): one verdict, No data. */
function withoutFigures(ctx: RowContext, hasActualColumns: boolean, tolerance: Tolerance, baseline: Actual | undefined): IndicatorVerdict {
  const { sheet, table, indicator, options } = ctx;
  const answered = answeredWithoutFigures(table, sheet, indicator.row);
  if (answered) {
    const context: JudgeContext = { polarity: polarityFor(ctx, answered.target), today: options.today, tolerance };
    return keptVerdict(placeOf(ctx), answered.period, undefined, answered.actual, { target: answered.target, context });
  }
  const targetColumn = targetForTableWithoutFigures(table, options.today);
  const target = targetColumn
    ? refineTargetUnit(parseTargetCell(cellAt(sheet, indicator.row, targetColumn.col)), indicator.description)
    : indicator.targetRow !== undefined
      ? latestTargetInRow(sheet, table, indicator.targetRow, indicator.description)
      : targetWithoutColumn(table);
  const noActual: Actual = hasActualColumns
    ? { kind: 'no-data', text: '', why: 'no figures have been entered yet' }
    : { kind: 'no-data', text: '', why: noActualColumnWhy(table), nowhere: true };
  const context: JudgeContext = {
    polarity: polarityFor(ctx, target),
    today: options.today,
    tolerance,
    ...(baseline ? { baseline } : {}),
  };
  return keptVerdict(placeOf(ctx), targetColumn?.period, undefined, noActual, { target, context });
}

/**
 * An indicator's reading for one period of a table that rates its rows period by period: the
 * sheet's rating, or No data where it gives none yet.
 */
function ratedInPeriod(ctx: RowContext, column: ColumnMapping, tolerance: Tolerance): IndicatorVerdict {
  const { sheet, table, indicator, options } = ctx;
  const answered = answeredWithoutFigures(table, sheet, indicator.row, column);
  if (answered) {
    const context: JudgeContext = { polarity: polarityFor(ctx, answered.target), today: options.today, tolerance };
    return keptVerdict(placeOf(ctx), answered.period, undefined, answered.actual, { target: answered.target, context });
  }
  const target = targetWithoutColumn(table);
  const actual = unratedPeriod(sheet, indicator.row, column);
  return keptVerdict(placeOf(ctx), column.period, undefined, actual, {
    target,
    context: { polarity: polarityFor(ctx, target), today: options.today, tolerance },
  });
}

/** The latest period's target in a Target row, for an indicator with no figures yet. */
function latestTargetInRow(sheet: Sheet, table: DetectedTable, targetRow: number, description: string): Target {
  const cells = columnsOf(table, 'actual').map((column) => cellAt(sheet, targetRow, column.col));
  const latest = cells.filter((cell) => !isEmptyCell(cell)).pop() ?? cells[cells.length - 1]!;
  return refineTargetUnit(parseTargetCell(latest), description);
}

function periodColumnsOf(
  table: DetectedTable,
  actualColumns: readonly ColumnMapping[],
  usedColumns: readonly ColumnMapping[],
): PeriodColumn[] {
  const targetColumns = columnsOf(table, 'target');
  return usedColumns.map((column) => {
    const targetColumn = targetColumnFor(table, column.period, column.col);
    return {
      column,
      targetIndex: targetColumn ? targetColumns.indexOf(targetColumn) : -1,
      lastYearColumn: lastYearColumnOf(actualColumns, column),
      shorterThanYear: column.period !== undefined && monthsIn(column.period) < 12,
      label: column.period ? periodLabel(column.period) : '',
    };
  });
}

/** The column of the same period the year before, where the table has one ("Q2 2023/24" beside "Q2 2024/25"). */
function lastYearColumnOf(columns: readonly ColumnMapping[], column: ColumnMapping): ColumnMapping | undefined {
  const period = column.period;
  const fy = period?.fy;
  if (!period || fy === undefined || period.kind === 'year' || period.kind === 'ytd') return undefined;
  const wanted = periodLabel({ ...period, fy: fy - 1 } as Period);
  return columns.find((c) => c.period && c.period.fy === fy - 1 && periodLabel(c.period) === wanted);
}

/** A comparator column's heading as a target names it: "Upper quartile" is the top quartile. */
function comparatorHeading(header: string): string {
  return header.toLowerCase().replace(/\bupper quartile\b/, 'top quartile');
}

/** A comparator's figure on the indicator's row, for a benchmark target. */
function benchmarkFigure(table: DetectedTable, sheet: Sheet, row: number, target: Target): { value: number; label: string } | undefined {
  if (target.kind !== 'benchmark') return undefined;
  const columns = columnsOf(table, 'benchmark');
  const words = target.comparator.toLowerCase().split(' ');
  const column =
    columns.find((c) => words.every((word) => comparatorHeading(c.header).includes(word))) ??
    (columns.length === 1 ? columns[0] : undefined);
  if (!column) return undefined;
  const value = figureIn(sheet, row, column);
  return value === undefined ? undefined : { value, label: `the "${column.header}" column` };
}

/** The figures a "Maintain" or "Top quartile" target is judged against, where the target is one of those. */
function againstOtherFigures(
  table: DetectedTable,
  target: Target,
  line: IndicatorLine,
  index: number,
): Pick<JudgeContext, 'previous' | 'benchmark'> {
  if (target.kind === 'change') {
    // "Baseline 52 | Reduce | Q1 45": the first period is held against the baseline.
    const baseline = columnsOf(table, 'baseline')[0];
    // A baseline is a year's figure: a quarter's count is never held against it.
    const own = line.column(index).column.period;
    const shorterThanYear = own !== undefined && monthsIn(own) < 12;
    const fromBaseline = (): { value: number; label: string } | undefined => {
      if (!baseline) return undefined;
      const share = cellAt(line.grid, line.row, baseline.col).format?.includes('%') ? 'percent' : undefined;
      if (shorterThanYear && !comparesAcrossLengths(line.indicator, share)) return undefined;
      const value = figureIn(line.grid, line.row, baseline);
      return value === undefined ? undefined : { value, label: `the baseline ("${baseline!.header}")` };
    };
    const previous = line.figureBefore(index) ?? fromBaseline();
    return previous ? { previous } : {};
  }
  if (target.kind === 'benchmark') {
    const benchmark = benchmarkFigure(table, line.grid, line.row, target);
    return benchmark ? { benchmark } : {};
  }
  return {};
}

/** How the table's periods word their reasons: judged again in the indicator's context, with the period's own figures put back. */
function periodWording(sheet: Sheet, table: DetectedTable): PeriodWording {
  return {
    reason(line: IndicatorLine, index: number): string {
      const { target, context: shared } = line.source(index);
      const column = line.column(index).column;
      const against = againstOtherFigures(table, target, line, index);
      // Every field named rather than spread: V8 made each spread copy of a shared context an
      // object that outlived young-generation collection, and `kpi-tracker check` words 600,000
      // reasons at 50,000 indicators (peak memory about 700 MB with the spread, 330 MB without).
      // The type lists every field of JudgeContext, so a field added there must be added here.
      const context: { readonly [K in keyof Required<JudgeContext>]: JudgeContext[K] } = {
        polarity: shared.polarity,
        today: shared.today,
        tolerance: shared.tolerance,
        baseline: shared.baseline,
        baselineLabel: shared.baselineLabel,
        annualTarget: shared.annualTarget,
        metOrNotMet: shared.metOrNotMet,
        previous: against.previous,
        benchmark: against.benchmark,
        period: column.period,
        lastYear: line.lastYear(index),
        projectedYearEnd: line.projectedYearEnd(index),
      };
      const reason = assess(actualInColumn(table, sheet, line.row, column), target, context).explain();
      return `${reason}${sheetDisagreement(table, line, index)}`;
    },
  };
}

/**
 * Where the sheet prints its own rating for the indicator and this is the period it speaks of
 * (the latest with a figure in its series), and the figures say otherwise: a sentence the officer sees.
 */
function sheetDisagreement(table: DetectedTable, line: IndicatorLine, index: number): string {
  const status = line.status(index);
  if (status === 'no-target') return '';
  const actualCol = line.column(index).column.col;
  const published = publishedRating(table, line.grid, line.row, actualCol);
  if (!published || published.status === status) return '';
  const series = statusColumnFor(table, actualCol);
  for (let later = line.periodCount - 1; later > index; later--) {
    // A later period of the same series with a figure is the one the sheet's rating speaks of.
    if (line.actualValue(later) !== undefined && statusColumnFor(table, line.column(later).column.col) === series) return '';
  }
  return disagreement(published, status);
}
