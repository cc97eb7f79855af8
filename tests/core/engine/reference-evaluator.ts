/**
 * A plain, slow reference evaluator: what `evaluateWorkbook` does, written as clearly as it can
 * be, with no verdict store, no memo of its own and no reason left for later. Every verdict is a
 * plain object with every field worked out on the spot, in the order the fast evaluator makes them.
 *
 * It shares the engine's rules (reading a target or an actual, judging one against the other,
 * deciding polarity, from the sheet's own rating too, reading a sheet's own status word, what counts as an annual count) and
 * states the rest again: which columns are judged, which target each period is judged against,
 * a year's share of an annual count and the year to date, the figure before, last year's and a
 * comparator's figures, the units a period without figures keeps, where the sheet's own rating
 * disagrees, owners, commentary, tolerance, trend. The differential test
 * (fast-and-reference-evaluators.test.ts) holds the fast evaluator to it, field by field, as zod
 * checks its compiled parsers against its interpreted ones.
 */
import type { ColumnMapping, ColumnRole, Detection, DetectedIndicator, DetectedTable } from '../../../src/core/detect/types';
import { annualAsRate, comparesAcrossLengths, isAnnualCount } from '../../../src/core/engine/annual-count';
import { casesOf, findTimeTarget } from '../../../src/core/engine/case-list';
import type { EvaluateOptions } from '../../../src/core/engine/evaluate';
import type { IndicatorVerdict, Trend } from '../../../src/core/engine/indicator-verdict';
import { judge, type JudgeContext } from '../../../src/core/engine/judge';
import { timeStandardIn } from '../../../src/core/engine/kpi-return';
import { parseActualCell } from '../../../src/core/engine/parse-actual';
import { actualInColumn } from '../../../src/core/engine/reporting-frequency';
import { parseTargetCell } from '../../../src/core/engine/parse-target';
import { decidePolarity, type PolarityDecision } from '../../../src/core/engine/polarity';
import { polarityFromRating } from '../../../src/core/engine/polarity-from-rating';
import {
  disagreement,
  monitoredOnly,
  publishedRating,
  ratesOnlyMetOrNotMet,
  statusColumnFor,
} from '../../../src/core/engine/published-rating';
import { refineTargetUnit } from '../../../src/core/engine/refine-target';
import {
  answeredWithoutFigures,
  targetForTableWithoutFigures,
  noActualColumnWhy,
  baselineTheTargetNames,
  boundByHeading,
  boundsAsRange,
  targetColumnFor,
  targetColumnOnRow,
  targetWithoutColumn,
  unratedPeriod,
} from '../../../src/core/engine/target-column';
import type { Actual, Target, Unit } from '../../../src/core/engine/target-types';
import { describeTimeTarget, satisfactionShare, timeliness } from '../../../src/core/engine/timeliness';
import { DEFAULT_TOLERANCE, type Tolerance } from '../../../src/core/engine/tolerance';
import { columnLetter } from '../../../src/core/model/address';
import { cellText } from '../../../src/core/model/cell-text';
import { shortText } from '../../../src/core/model/short-text';
import { cellAt, findSheet, isEmptyCell, type Sheet, type Workbook } from '../../../src/core/model/workbook';
import { financialYearInName, parsePeriodLabel } from '../../../src/core/periods/parse-period-label';
import {
  calendarMonthOf,
  comparePeriods,
  financialMonthSpan,
  monthsIn,
  MONTH_NAMES,
  periodLabel,
  samePeriod,
  type Period,
} from '../../../src/core/periods/period';

export function referenceVerdicts(workbook: Workbook, detection: Detection, options: EvaluateOptions): IndicatorVerdict[] {
  const verdicts: IndicatorVerdict[] = [];
  detection.tables.forEach((table, tableIndex) => {
    const sheet = findSheet(workbook, table.sheet);
    if (!sheet) return;
    const where: TableWhere = { workbook, detection, sheet, table, tableIndex, options };
    switch (table.kind) {
      case 'period-table':
      case 'measure-table':
      case 'baseline-table':
        verdicts.push(...targetTableVerdicts(where));
        break;
      case 'kpi-return':
        verdicts.push(...kpiReturnVerdicts(where));
        break;
      case 'satisfaction':
        verdicts.push(...satisfactionVerdicts(where));
        break;
      case 'case-list':
        verdicts.push(caseListVerdict(where));
        break;
      case 'action-plan':
        break;
    }
  });
  const wanted = options.period ? parsePeriodLabel(options.period) : undefined;
  if (!wanted) return verdicts;
  return verdicts.filter((verdict) => {
    if (!verdict.period) return false;
    if (wanted.fy !== undefined) return samePeriod(verdict.period, wanted);
    return verdict.period.kind === wanted.kind && periodLabel({ ...verdict.period, fy: undefined } as Period) === periodLabel(wanted);
  });
}

interface TableWhere {
  readonly workbook: Workbook;
  readonly detection: Detection;
  readonly sheet: Sheet;
  readonly table: DetectedTable;
  readonly tableIndex: number;
  readonly options: EvaluateOptions;
}

// ---------------------------------------------------------------- reading a row

function columns(table: DetectedTable, role: ColumnRole): ColumnMapping[] {
  return table.columns.filter((column) => column.role === role);
}

function textIn(sheet: Sheet, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col)).trim();
}

function figureIn(sheet: Sheet, row: number, col: number): number | undefined {
  const actual = parseActualCell(cellAt(sheet, row, col));
  return actual.kind === 'number' ? actual.value : undefined;
}

function ownerOf(where: TableWhere, indicator: DetectedIndicator): string | null {
  const own = textIn(where.sheet, indicator.row, columns(where.table, 'owner')[0]?.col);
  return own || indicator.card?.owner || null;
}

function commentaryOf(where: TableWhere, indicator: DetectedIndicator): string | null {
  const col = columns(where.table, 'commentary')[0]?.col;
  const lines = col === undefined ? [] : indicator.rows.map((row) => textIn(where.sheet, row, col)).filter((text) => text !== '');
  if (indicator.footnote?.text) lines.push(indicator.footnote.text);
  return lines.length > 0 ? lines.join('\n') : null;
}

function polarityOf(where: TableWhere, indicator: DetectedIndicator, target: Target): PolarityDecision {
  const { table, sheet, options } = where;
  const polarityCol = columns(table, 'polarity')[0]?.col;
  const figureHeadings = columns(table, 'actual')
    .map((column) => column.header)
    .filter((header) => /[a-z]{3}/i.test(header));
  const decision = decidePolarity({
    column: polarityCol === undefined ? undefined : textIn(sheet, indicator.row, polarityCol),
    officer: indicator.ref ? options.polarityByRef?.get(indicator.ref) : undefined,
    ref: indicator.ref || undefined,
    description: indicator.description,
    target,
    tableContext: [table.title ?? '', ...columns(table, 'actual').map((column) => column.header)].join(' | '),
    title: table.title,
    ...(indicator.section ? { section: indicator.section } : {}),
    ...(figureHeadings.length > 0 ? { figureHeadings } : {}),
  });
  return decision.assumed ? (polarityFromRating(table, sheet, indicator.row, target) ?? decision) : decision;
}

function toleranceOf(where: TableWhere, indicator: DetectedIndicator): Tolerance {
  const base = where.options.tolerance ?? where.table.tolerance ?? DEFAULT_TOLERANCE;
  const tolerances = columns(where.table, 'tolerance');
  const column = tolerances.find((c) => /^amber\b/i.test(c.header.trim())) ?? tolerances[0];
  if (column === undefined) return base;
  const col = column.col;
  const cell = cellAt(where.sheet, indicator.row, col);
  // An amber threshold: the band is its distance from the target, as a share of the target.
  if (/^amber\b/i.test(column.header.trim())) {
    const targetCol = columns(where.table, 'target')[0]?.col;
    const target = targetCol === undefined ? undefined : parseTargetCell(cellAt(where.sheet, indicator.row, targetCol));
    const amber = parseTargetCell(cell);
    if (target?.kind !== 'threshold' || target.value === 0) return base;
    // A range reaches as far as its bound furthest from the target.
    let edge: number | undefined;
    if (amber.kind === 'threshold' && amber.unit === target.unit) edge = amber.value;
    if (amber.kind === 'range' && amber.unit === target.unit)
      edge = Math.abs(amber.low - target.value) > Math.abs(amber.high - target.value) ? amber.low : amber.high;
    if (edge === undefined) return base;
    return { rule: 'relative', percent: Math.min(100, (Math.abs(target.value - edge) / Math.abs(target.value)) * 100) };
  }
  if (cell.value.kind === 'number') {
    const percent = cell.format?.includes('%') ? cell.value.value * 100 : cell.value.value;
    if (percent >= 0 && percent <= 100) return { ...base, percent } as Tolerance;
  }
  const written = /^(\d+(?:\.\d+)?)\s*%$/.exec(cellText(cell).trim());
  return written ? ({ ...base, percent: Number(written[1]) } as Tolerance) : base;
}

function yearOfSheet(sheet: Sheet): Period | undefined {
  const fy = financialYearInName(sheet.name);
  return fy === undefined ? undefined : { kind: 'year', fy };
}

// ---------------------------------------------------------------- one verdict

interface Judged {
  readonly period: Period | undefined;
  readonly actualCol: number | undefined;
  readonly actual: Actual;
  readonly target: Target;
  readonly context: JudgeContext;
  /** The figure before, for the trend; none for a verdict that stands alone. */
  readonly previousActual?: number | null;
  /** The unit shown, where a period without figures keeps its indicator's. */
  readonly unit?: (judgedUnit: Unit | undefined) => Unit | undefined;
  /** Words around the judgement's reason. */
  readonly frame?: (reason: string) => string;
}

function trendOf(previous: number | null, actual: number | undefined, polarity: PolarityDecision): Trend | null {
  if (previous === null || actual === undefined || polarity.polarity === 'none') return null;
  if (Math.abs(actual - previous) < 1e-9) return 'same';
  const rose = actual > previous;
  return rose === (polarity.polarity === 'higher') ? 'better' : 'worse';
}

function verdictOf(where: TableWhere, indicator: DetectedIndicator, judged: Judged): IndicatorVerdict {
  const verdict = judge(judged.actual, judged.target, judged.context);
  const previousActual = judged.previousActual ?? null;
  const polarity = judged.context.polarity;
  return {
    status: verdict.status,
    reason: judged.frame ? judged.frame(verdict.reason) : verdict.reason,
    variance: verdict.variance,
    varianceValue: verdict.varianceValue,
    actualValue: verdict.actualValue,
    targetValue: verdict.targetValue,
    unit: judged.unit ? judged.unit(verdict.unit) : verdict.unit,
    targetKind: judged.target.kind,
    sheet: where.table.sheet,
    tableIndex: where.tableIndex,
    ref: indicator.ref ?? null,
    indicator: indicator.description,
    row: indicator.row,
    period: judged.period,
    periodLabel: judged.period ? periodLabel(judged.period) : '',
    actualText: judged.actual.text,
    targetText: judged.target.text,
    actualCell: judged.actualCol === undefined ? null : `${columnLetter(judged.actualCol)}${indicator.row + 1}`,
    polarity: polarity.polarity,
    polarityAssumed: polarity.assumed && verdict.status !== 'no-target',
    owner: ownerOf(where, indicator),
    previousActual,
    trend: trendOf(previousActual, verdict.actualValue, polarity),
    commentary: commentaryOf(where, indicator),
  };
}

// ---------------------------------------------------------------- target tables (layouts A and B)

/**
 * An indicator's target for a period: from its Target row under the period's own column where it
 * has one (whatever target column the table has), else from its target column. With no period
 * (no figures yet) the target column comes first, then the Target row's latest target.
 */
function targetIn(
  where: TableWhere,
  indicator: DetectedIndicator,
  targetColumn: ColumnMapping | undefined,
  periodColumn: ColumnMapping | undefined,
): Target {
  if (indicator.targetRow !== undefined && (periodColumn !== undefined || !targetColumn)) {
    const written = periodColumn
      ? [cellAt(where.sheet, indicator.targetRow, periodColumn.col)]
      : columns(where.table, 'actual').map((column) => cellAt(where.sheet, indicator.targetRow!, column.col));
    const latest = written.filter((cell) => !isEmptyCell(cell)).pop() ?? written[written.length - 1]!;
    return refineTargetUnit(parseTargetCell(latest), indicator.description);
  }
  if (!targetColumn) return targetWithoutColumn(where.table);
  const onRow = targetColumnOnRow(where.table, where.sheet, indicator.row, targetColumn)!;
  const bound = boundByHeading(
    onRow,
    refineTargetUnit(parseTargetCell(cellAt(where.sheet, indicator.row, onRow.col)), indicator.description),
  );
  return boundsAsRange(where.table, where.sheet, indicator.row, onRow, bound);
}

/** A period judged so far, for the figure before a later one and for the sheet's own rating. */
interface Seen {
  readonly column: ColumnMapping;
  readonly actualValue: number | undefined;
  readonly unit: Unit | undefined;
}

function targetTableVerdicts(where: TableWhere): IndicatorVerdict[] {
  const { sheet, table, options } = where;
  const actualColumns = columns(table, 'actual');
  const judgedColumns = actualColumns.filter((column) => table.indicators.some((i) => !isEmptyCell(cellAt(sheet, i.row, column.col))));
  const baselineCol = columns(table, 'baseline')[0]?.col;
  const metOrNotMet = ratesOnlyMetOrNotMet(table, sheet);
  const verdicts: IndicatorVerdict[] = [];
  for (const indicator of table.indicators) {
    const baseline = baselineCol === undefined ? undefined : parseActualCell(cellAt(sheet, indicator.row, baselineCol));
    const tolerance = toleranceOf(where, indicator);

    // Ratings given period by period ("2018-19 | 2019-20" over "Achieved | -"): one reading per period.
    const ratedPeriods = columns(table, 'status').filter((column) => column.period);
    if (judgedColumns.length === 0 && ratedPeriods.length > 1) {
      for (const column of ratedPeriods) {
        const rated = answeredWithoutFigures(table, sheet, indicator.row, column);
        const target = rated?.target ?? targetWithoutColumn(table);
        const actual: Actual = rated?.actual ?? unratedPeriod(sheet, indicator.row, column);
        verdicts.push(
          verdictOf(where, indicator, {
            period: column.period,
            actualCol: undefined,
            actual,
            target,
            context: { polarity: polarityOf(where, indicator, target), today: options.today, tolerance },
          }),
        );
      }
      continue;
    }
    const answered = judgedColumns.length === 0 ? answeredWithoutFigures(table, sheet, indicator.row) : undefined;
    if (answered) {
      verdicts.push(
        verdictOf(where, indicator, {
          period: answered.period,
          actualCol: undefined,
          actual: answered.actual,
          target: answered.target,
          context: { polarity: polarityOf(where, indicator, answered.target), today: options.today, tolerance },
        }),
      );
      continue;
    }
    if (judgedColumns.length === 0) {
      const targetColumn = targetForTableWithoutFigures(table, options.today);
      const target = targetIn(where, indicator, targetColumn, undefined);
      const actual: Actual =
        actualColumns.length > 0
          ? { kind: 'no-data', text: '', why: 'no figures have been entered yet' }
          : { kind: 'no-data', text: '', why: noActualColumnWhy(table), nowhere: true };
      verdicts.push(
        verdictOf(where, indicator, {
          period: targetColumn?.period,
          actualCol: undefined,
          actual,
          target,
          context: { polarity: polarityOf(where, indicator, target), today: options.today, tolerance, ...(baseline ? { baseline } : {}) },
        }),
      );
      continue;
    }

    const seen: Seen[] = [];
    const own: IndicatorVerdict[] = [];
    let unitSoFar: Unit | undefined;
    let yearToDate:
      { fy: number; sum: number; months: number; annual: Extract<Target, { kind: 'threshold' }>; polarity: PolarityDecision } | undefined;
    for (const column of judgedColumns) {
      const period = column.period;
      const targetColumn = targetColumnFor(table, period, column.col);
      const columnTarget = monitoredOnly(table, sheet, indicator.row, targetIn(where, indicator, targetColumn, column));
      const polarity = polarityOf(where, indicator, columnTarget);
      // A Target row's figure is that period's own target, never a year's count to share out.
      const annual =
        indicator.targetRow === undefined && isAnnualCount(columnTarget, targetColumn, indicator.description) ? columnTarget : undefined;
      const shorterThanYear = period !== undefined && monthsIn(period) < 12;
      const target = annual && shorterThanYear ? annualAsRate(annual) : columnTarget;
      const actual = actualInColumn(table, sheet, indicator.row, column);

      if (annual && shorterThanYear && actual.kind === 'number' && period?.fy !== undefined) {
        const sameYear = yearToDate?.fy === period.fy;
        yearToDate = {
          fy: period.fy,
          sum: (sameYear ? yearToDate!.sum : 0) + actual.value,
          months: financialMonthSpan(period).last,
          annual,
          polarity,
        };
      }
      const projectedYearEnd = annual && yearToDate ? (yearToDate.sum / yearToDate.months) * 12 : undefined;
      const before = figureBefore(where, indicator, seen, column, actualColumns);
      const context: JudgeContext = {
        polarity,
        today: options.today,
        tolerance,
        period,
        ...namedOrOwnBaseline(baselineTheTargetNames(where.table, where.sheet, indicator.row, target), baseline),
        lastYear: lastYearFigure(where, indicator, actualColumns, column),
        projectedYearEnd,
        annualTarget: annual?.value,
        metOrNotMet,
        ...(target.kind === 'change' && (before ?? baselineFigure(where, indicator, period))
          ? { previous: (before ?? baselineFigure(where, indicator, period))! }
          : {}),
        ...(target.kind === 'benchmark' ? benchmarkOf(where, indicator, target) : {}),
      };
      const unitBefore = unitSoFar;
      const verdict = verdictOf(where, indicator, {
        period,
        actualCol: column.col,
        actual,
        target,
        context,
        previousActual: before?.value ?? null,
        unit: (judgedUnit) => judgedUnit ?? unitBefore,
      });
      seen.push({ column, actualValue: verdict.actualValue, unit: verdict.unit });
      if (verdict.actualValue !== undefined) unitSoFar = verdict.unit;
      own.push(verdict);
    }
    // Whether the sheet's own rating speaks of a period is known once the later ones are judged.
    own.forEach((verdict, at) => {
      const words = sheetDisagrees(where, indicator, verdict, seen, at);
      verdicts.push(words ? { ...verdict, reason: `${verdict.reason}${words}` } : verdict);
    });
    const hasYearToDateColumn = actualColumns.some((column) => column.period?.kind === 'ytd');
    if (yearToDate && !hasYearToDateColumn) verdicts.push(yearToDateVerdict(where, indicator, yearToDate, tolerance));
  }
  return verdicts;
}

/**
 * The indicator's figure before a period's: the latest earlier period (to the left) with a figure,
 * passing over those of the same period or later (another series), or else a "Previous" column.
 */
function figureBefore(
  where: TableWhere,
  indicator: DetectedIndicator,
  seen: readonly Seen[],
  column: ColumnMapping,
  actualColumns: readonly ColumnMapping[],
) {
  for (let at = seen.length - 1; at >= 0; at--) {
    const earlier = seen[at]!;
    if (earlier.actualValue === undefined) continue;
    // Only a period comes before another, and a count only one of its own length.
    if (!column.period || !earlier.column.period || comparePeriods(earlier.column.period, column.period) >= 0) continue;
    if (monthsIn(earlier.column.period) !== monthsIn(column.period) && !comparesAcrossLengths(indicator.description, earlier.unit))
      continue;
    const label = earlier.column.period ? periodLabel(earlier.column.period) : `column ${columnLetter(earlier.column.col)}`;
    return { value: earlier.actualValue, label: `the figure for ${label}` };
  }
  // Latest first: an earlier period of the same length to the right, its cell read; the latest such.
  let before: { value: number; label: string; period: Period } | undefined;
  for (const later of actualColumns.slice(actualColumns.indexOf(column) + 1)) {
    if (!column.period || !later.period || comparePeriods(later.period, column.period) >= 0) continue;
    if (monthsIn(later.period) !== monthsIn(column.period)) continue;
    if (before && comparePeriods(later.period, before.period) <= 0) continue;
    const value = figureIn(where.sheet, indicator.row, later.col);
    if (value !== undefined) before = { value, label: `the figure for ${periodLabel(later.period)}`, period: later.period };
  }
  if (before) return { value: before.value, label: before.label };
  const previous = columns(where.table, 'previous')[0];
  const value = previous ? figureIn(where.sheet, indicator.row, previous.col) : undefined;
  return previous && value !== undefined ? { value, label: `the "${previous.header}" column` } : undefined;
}

/** The baseline a change is held against where no earlier period has a figure. */
function baselineFigure(where: TableWhere, indicator: DetectedIndicator, period: Period | undefined) {
  const baseline = columns(where.table, 'baseline')[0];
  if (!baseline) return undefined;
  const share = cellAt(where.sheet, indicator.row, baseline.col).format?.includes('%') ? 'percent' : undefined;
  if (period && monthsIn(period) < 12 && !comparesAcrossLengths(indicator.description, share)) return undefined;
  const value = figureIn(where.sheet, indicator.row, baseline.col);
  return baseline && value !== undefined ? { value, label: `the baseline ("${baseline.header}")` } : undefined;
}

/** The indicator's figure for the same period a year before, where the table has that period's column. */
function lastYearFigure(where: TableWhere, indicator: DetectedIndicator, actualColumns: readonly ColumnMapping[], column: ColumnMapping) {
  const period = column.period;
  if (!period || period.fy === undefined || period.kind === 'year' || period.kind === 'ytd') return undefined;
  const wanted = periodLabel({ ...period, fy: period.fy - 1 } as Period);
  const earlier = actualColumns.find((c) => c.period && c.period.fy === period.fy! - 1 && periodLabel(c.period) === wanted);
  return earlier ? figureIn(where.sheet, indicator.row, earlier.col) : undefined;
}

function benchmarkOf(where: TableWhere, indicator: DetectedIndicator, target: Extract<Target, { kind: 'benchmark' }>) {
  const comparators = columns(where.table, 'benchmark');
  const words = target.comparator.toLowerCase().split(' ');
  const column =
    comparators.find((c) =>
      words.every((word) =>
        c.header
          .toLowerCase()
          .replace(/\bupper quartile\b/, 'top quartile')
          .includes(word),
      ),
    ) ?? (comparators.length === 1 ? comparators[0] : undefined);
  const value = column ? figureIn(where.sheet, indicator.row, column.col) : undefined;
  return column && value !== undefined ? { benchmark: { value, label: `the "${column.header}" column` } } : {};
}

/**
 * Where the sheet prints its own rating beside this period's figure, says otherwise than the
 * figures, and no later period of the same series has a figure: the words the reason ends with.
 */
function sheetDisagrees(where: TableWhere, indicator: DetectedIndicator, verdict: IndicatorVerdict, seen: readonly Seen[], at: number) {
  if (verdict.status === 'no-target') return '';
  const column = seen[at]!.column;
  const published = publishedRating(where.table, where.sheet, indicator.row, column.col);
  if (!published || published.status === verdict.status) return '';
  const series = statusColumnFor(where.table, column.col);
  const laterInSeries = seen
    .slice(at + 1)
    .some((later) => later.actualValue !== undefined && statusColumnFor(where.table, later.column.col) === series);
  return laterInSeries ? '' : disagreement(published, verdict.status);
}

function yearToDateVerdict(
  where: TableWhere,
  indicator: DetectedIndicator,
  ytd: { fy: number; sum: number; months: number; annual: Extract<Target, { kind: 'threshold' }>; polarity: PolarityDecision },
  tolerance: Tolerance,
): IndicatorVerdict {
  const { fy, sum, months, annual, polarity } = ytd;
  const share = Math.round(((annual.value * months) / 12) * 100) / 100;
  const projected = Math.round((sum / months) * 12 * 10) / 10;
  const period: Period = { kind: 'ytd', fy };
  const perYear = `${annual.text.trim()} a year`;
  const onCourse = polarity.polarity === 'lower' ? projected <= annual.value : projected >= annual.value;
  return verdictOf(where, indicator, {
    period,
    actualCol: undefined,
    actual: { kind: 'number', text: String(sum), value: sum },
    target: { kind: 'threshold', text: perYear, value: share, unit: 'count', ...(annual.direction ? { direction: annual.direction } : {}) },
    context: { polarity, today: where.options.today, tolerance, period, projectedYearEnd: projected, annualTarget: annual.value },
    frame: (reason) =>
      `${sum} so far this year against ${share} by the end of ${MONTH_NAMES[calendarMonthOf(months) - 1]} (${perYear}, pro rata). ` +
      `${reason} At this rate the year ends at about ${projected}, ${onCourse ? 'on course for' : 'short of'} the annual target of ${annual.value}.`,
  });
}

// ---------------------------------------------------------------- KPI returns and satisfaction tables (layout C)

function shareTarget(text: string, value: number): Target {
  return { kind: 'threshold', text, value, unit: 'percent', direction: 'higher' };
}

function kpiReturnVerdicts(where: TableWhere): IndicatorVerdict[] {
  const { sheet, table, options } = where;
  const metCol = columns(table, 'metShare')[0]?.col;
  const countCol = columns(table, 'count')[0]?.col;
  const period = yearOfSheet(sheet);
  return table.indicators.map((indicator) => {
    const standard = timeStandardIn(indicator.definition);
    const share = /(\d+(?:\.\d+)?)\s*%/.exec(indicator.definition ?? '');
    const target: Target = standard
      ? shareTarget(`100% within ${standard}`, 100)
      : share
        ? shareTarget(`${share[1]}%`, Number(share[1]))
        : { kind: 'none', text: '', why: 'the definition sets no target (a count for information)' };
    const metCell = metCol === undefined ? undefined : cellAt(sheet, indicator.row, metCol);
    let actual: Actual =
      metCell && !isEmptyCell(metCell) ? parseActualCell(metCell) : { kind: 'no-data', text: '', why: 'no "target met" share is given' };
    if (target.kind === 'none' && countCol !== undefined) actual = parseActualCell(cellAt(sheet, indicator.row, countCol));
    if (/see table below/i.test(metCell ? cellText(metCell) : '') || /see table below/i.test(textIn(sheet, indicator.row, countCol))) {
      actual = overallSatisfaction(where, indicator.ref) ?? actual;
    }
    return verdictOf(where, indicator, {
      period,
      actualCol: actual.text === '' ? undefined : metCol,
      actual,
      target,
      context: {
        polarity: polarityOf(where, indicator, target),
        today: options.today,
        tolerance: toleranceOf(where, indicator),
        ...(period ? { period } : {}),
      },
    });
  });
}

function overallSatisfaction(where: TableWhere, ref: string | undefined): Actual | undefined {
  const table = where.detection.tables.find(
    (t) => t.sheet === where.sheet.name && t.kind === 'satisfaction' && (!ref || (t.title ?? '').toLowerCase().includes(ref.toLowerCase())),
  );
  const overall = table?.indicators.find((indicator) => /overall/i.test(indicator.description)) ?? table?.indicators.at(-1);
  return table && overall ? answersShare(where.sheet, table, overall.row) : undefined;
}

/** Good, very good and excellent answers as a share of all the answers counted on a row. */
function answersShare(sheet: Sheet, table: DetectedTable, row: number): Actual {
  const counts: Record<string, number | undefined> = {};
  for (const column of columns(table, 'rating')) {
    const cell = cellAt(sheet, row, column.col);
    const text = cellText(cell).trim();
    const count = cell.value.kind === 'number' ? cell.value.value : text === '' ? undefined : Number(text);
    if (count !== undefined && !Number.isFinite(count))
      return { kind: 'unreadable', text, why: `"${text}" in the ${column.rating} column is not a count` };
    counts[column.rating ?? column.header] = count;
  }
  const { total, good, share } = satisfactionShare(counts);
  if (share !== undefined)
    return { kind: 'number', text: `${good} of ${total} answers`, value: Math.round(share * 1000) / 10, unit: 'percent' };
  const shareCol = columns(table, 'ratingShare')[0]?.col;
  return shareCol === undefined
    ? { kind: 'no-data', text: '', why: 'no answers were counted' }
    : parseActualCell(cellAt(sheet, row, shareCol));
}

function satisfactionVerdicts(where: TableWhere): IndicatorVerdict[] {
  const { sheet, table, detection, options } = where;
  const kpi = /kpi\s*(\w+)/i.exec(table.title ?? '')?.[1]?.toLowerCase();
  const definition = kpi
    ? detection.tables
        .filter((t) => t.sheet === sheet.name && t.kind === 'kpi-return')
        .flatMap((t) => t.indicators)
        .find((i) => i.ref?.toLowerCase() === kpi)?.definition
    : undefined;
  const share = /(\d+(?:\.\d+)?)\s*%/.exec(definition ?? '');
  const target: Target = share
    ? shareTarget(`${share[1]}% good, very good or excellent`, Number(share[1]))
    : { kind: 'none', text: '', why: 'no target share was found for this satisfaction table' };
  const period = yearOfSheet(sheet);
  return table.indicators.map((indicator) =>
    verdictOf(where, indicator, {
      period,
      actualCol: columns(table, 'ratingShare')[0]?.col,
      actual: answersShare(sheet, table, indicator.row),
      target,
      context: {
        polarity: polarityOf(where, indicator, target),
        today: options.today,
        tolerance: toleranceOf(where, indicator),
        ...(period ? { period } : {}),
      },
    }),
  );
}

// ---------------------------------------------------------------- case lists

function caseListVerdict(where: TableWhere): IndicatorVerdict {
  const { workbook, sheet, table, options } = where;
  const cases = casesOf(sheet, table);
  const found = findTimeTarget(workbook, sheet, table);
  const name = table.excelTable ? `${sheet.name} (${table.excelTable})` : sheet.name;
  const indicator: DetectedIndicator = {
    row: table.headerRows[0]!,
    rows: [table.headerRows[0]!],
    description: found ? `${name}: answered within ${describeTimeTarget(found.target)}` : `${name}: time taken`,
    hidden: false,
  };
  const period = yearOfSheet(sheet);
  if (!found) {
    const target: Target = {
      kind: 'none',
      text: '',
      why: 'no time standard (such as "target 15 working days") was found for this case list',
    };
    return verdictOf(where, indicator, {
      period,
      actualCol: undefined,
      actual: { kind: 'number', text: `${cases.length} cases`, value: cases.length },
      target,
      context: { polarity: polarityOf(where, indicator, target), today: options.today },
    });
  }
  const summary = timeliness(cases, found.target, { today: options.today });
  const target = shareTarget(`100% within ${describeTimeTarget(found.target)}`, 100);
  const actual: Actual =
    summary.shareWithin === undefined
      ? { kind: 'no-data', text: '', why: 'no case has both its dates' }
      : {
          kind: 'number',
          text: `${summary.within} of ${summary.numbers} cases`,
          value: Math.round(summary.shareWithin * 1000) / 10,
          unit: 'percent',
        };
  return verdictOf(where, indicator, {
    period,
    actualCol: undefined,
    actual,
    target,
    context: { polarity: polarityOf(where, indicator, target), today: options.today, tolerance: toleranceOf(where, indicator), period },
    frame: (reason) => `${summary.reason.replace(/\.?$/, '.')} The standard comes from "${shortText(found.source, 90)}". ${reason}`,
  });
}

/** The year a relative target names, where the table has its figure; else the baseline column's. */
function namedOrOwnBaseline(
  named: { readonly figure: Actual; readonly label: string } | undefined,
  baseline: Actual | undefined,
): Pick<JudgeContext, 'baseline' | 'baselineLabel'> {
  if (named) return { baseline: named.figure, baselineLabel: named.label };
  return baseline ? { baseline } : {};
}
