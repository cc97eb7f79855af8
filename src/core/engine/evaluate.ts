import { columnLetter } from '../model/address';
import { cellText } from '../model/cell-text';
import type { CalendarDate } from '../model/serial-dates';
import { cellAt, findSheet, isEmptyCell, type Cell, type Sheet, type Workbook } from '../model/workbook';
import { financialYearInName, parsePeriodLabel } from '../periods/parse-period-label';
import {
  calendarMonthOf,
  comparePeriods,
  financialMonthSpan,
  monthsIn,
  MONTH_NAMES,
  periodLabel,
  samePeriod,
  type Period,
} from '../periods/period';
import type { ColumnMapping, ColumnRole, Detection, DetectedIndicator, DetectedTable } from '../detect/types';
import { assess, type JudgeContext, type Judgement, type Verdict } from './judge';
import { parseActualCell } from './parse-actual';
import { parseTargetCell, parseTargetText } from './parse-target';
import { decidePolarity, type PolarityDecision } from './polarity';
import { shortText } from '../model/short-text';
import { casesOf, findTimeTarget } from './case-list';
import { refineTargetUnit } from './refine-target';
import { describeTimeTarget, satisfactionShare, timeliness } from './timeliness';
import { STATUSES, STATUS_WORDS, UnitSchema, type Actual, type Polarity, type Status, type Target, type Unit } from './target-types';
import { DEFAULT_TOLERANCE, type Tolerance } from './tolerance';
import { formatVariance } from './variance';
import { getOrInsert } from '../model/memo';
import { readStatusWord } from './status-words';

export type Trend = 'better' | 'worse' | 'same';

export interface IndicatorVerdict extends Verdict {
  readonly sheet: string;
  /** Index of the table in the detection. */
  readonly tableIndex: number;
  readonly ref: string | null;
  readonly indicator: string;
  /** 0-based row of the indicator (where its status goes). */
  readonly row: number;
  readonly period: Period | undefined;
  readonly periodLabel: string;
  /** As written in the sheet. */
  readonly actualText: string;
  readonly targetText: string;
  /** Where the actual came from, e.g. `D4`. */
  readonly actualCell: string | null;
  readonly polarity: Polarity;
  readonly polarityAssumed: boolean;
  readonly owner: string | null;
  readonly previousActual: number | null;
  readonly trend: Trend | null;
  readonly commentary: string | null;
  /** What kind of target it was judged against (threshold, rate, deadline…). */
  readonly targetKind: Target['kind'];
}

export interface EvaluateOptions {
  readonly today: CalendarDate;
  /** Only this period (a label such as `Q2 2024/25`). */
  readonly period?: string;
  readonly tolerance?: Tolerance;
  /** The officer's saved polarity per indicator reference. */
  readonly polarityByRef?: ReadonlyMap<string, Polarity>;
}

// Asked for each indicator of a table, and a detected table never changes: each role is looked up once.
const COLUMNS_BY_ROLE = new WeakMap<DetectedTable, Map<ColumnRole, ColumnMapping[]>>();
function columnsOf(table: DetectedTable, role: ColumnRole): readonly ColumnMapping[] {
  const byRole = getOrInsert(COLUMNS_BY_ROLE, table, () => new Map<ColumnRole, ColumnMapping[]>());
  return getOrInsert(byRole, role, () => table.columns.filter((column) => column.role === role));
}

function textAt(sheet: Sheet, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col)).trim();
}

/** Judges every indicator of every table, for every period that has figures. */
export function evaluateWorkbook(workbook: Workbook, detection: Detection, options: EvaluateOptions): IndicatorVerdict[] {
  const verdicts: IndicatorVerdict[] = [];
  detection.tables.forEach((table, tableIndex) => {
    const sheet = findSheet(workbook, table.sheet);
    if (sheet) evaluateTable(workbook, sheet, table, tableIndex, detection, options, verdicts);
  });
  const wanted = options.period ? parsePeriodLabel(options.period) : undefined;
  return wanted ? verdicts.filter((verdict) => verdict.period && periodMatches(verdict.period, wanted)) : verdicts;
}

function periodMatches(period: Period, wanted: Period): boolean {
  if (wanted.fy === undefined)
    return period.kind === wanted.kind && periodLabel({ ...period, fy: undefined } as Period) === periodLabel(wanted);
  return samePeriod(period, wanted);
}

/** Adds the table's verdicts to `out`: a large workbook's 600,000 are gathered in one array, not copied from one to another. */
function evaluateTable(
  workbook: Workbook,
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  detection: Detection,
  options: EvaluateOptions,
  out: IndicatorVerdict[],
): void {
  switch (table.kind) {
    case 'period-table':
    case 'measure-table':
    case 'baseline-table':
      evaluateTargetTable(sheet, table, tableIndex, options, out);
      return;
    case 'kpi-return':
      for (const verdict of evaluateKpiReturn(sheet, table, tableIndex, detection, options)) out.push(verdict);
      return;
    case 'satisfaction':
      for (const verdict of evaluateSatisfaction(sheet, table, tableIndex, detection, options)) out.push(verdict);
      return;
    case 'action-plan':
      return;
    case 'case-list':
      for (const verdict of evaluateCaseList(workbook, sheet, table, tableIndex, options)) out.push(verdict);
      return;
  }
}

/**
 * A list of cases with the dates each was received and answered (layout C's letters log): the share
 * answered within the time the workbook sets, judged like any other actual against 100%.
 */
function evaluateCaseList(
  workbook: Workbook,
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  options: EvaluateOptions,
): IndicatorVerdict[] {
  const cases = casesOf(sheet, table);
  const found = findTimeTarget(workbook, sheet, table);
  const name = table.excelTable ? `${sheet.name} (${table.excelTable})` : sheet.name;
  const indicator: DetectedIndicator = {
    row: table.headerRows[0]!,
    rows: [table.headerRows[0]!],
    description: found ? `${name}: answered within ${describeTimeTarget(found.target)}` : `${name}: time taken`,
    hidden: false,
  };
  const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
  const period = yearPeriodOf(sheet);
  if (!found) {
    const target: Target = {
      kind: 'none',
      text: '',
      why: 'no time standard (such as "target 15 working days") was found for this case list',
    };
    const actual: Actual = { kind: 'number', text: `${cases.length} cases`, value: cases.length };
    const polarity = polarityFor(ctx, target);
    return [verdictRow(ctx, period, actual, undefined, target, { polarity, today: options.today })];
  }
  const summary = timeliness(cases, found.target, { today: options.today });
  const target: Target = {
    kind: 'threshold',
    text: `100% within ${describeTimeTarget(found.target)}`,
    value: 100,
    unit: 'percent',
    direction: 'higher',
  };
  const actual: Actual =
    summary.shareWithin === undefined
      ? { kind: 'no-data', text: '', why: 'no case has both its dates' }
      : {
          kind: 'number',
          text: `${summary.within} of ${summary.numbers} cases`,
          value: Math.round(summary.shareWithin * 1000) / 10,
          unit: 'percent',
        };
  const polarity = polarityFor(ctx, target);
  const judgeContext: JudgeContext = { polarity, today: options.today, tolerance: toleranceFor(ctx), period };
  const frame = (reason: string): string =>
    `${summary.reason.replace(/\.?$/, '.')} The standard comes from "${shortText(found.source, 90)}". ${reason}`;
  return [verdictRow(ctx, period, actual, undefined, target, judgeContext, undefined, frame)];
}

interface RowContext {
  readonly sheet: Sheet;
  readonly table: DetectedTable;
  readonly tableIndex: number;
  readonly indicator: DetectedIndicator;
  readonly options: EvaluateOptions;
}

function commentaryOf(ctx: RowContext): string | null {
  const col = columnsOf(ctx.table, 'commentary')[0]?.col;
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

function polarityFor(ctx: RowContext, target: Target): PolarityDecision {
  const polarityCol = columnsOf(ctx.table, 'polarity')[0]?.col;
  const officer = ctx.indicator.ref ? ctx.options.polarityByRef?.get(ctx.indicator.ref) : undefined;
  // Asked once per indicator: one object of one shape, not one spread together from parts.
  return decidePolarity({
    column: polarityCol !== undefined ? textAt(ctx.sheet, ctx.indicator.row, polarityCol) : undefined,
    officer,
    ref: ctx.indicator.ref || undefined,
    description: ctx.indicator.description,
    target,
    tableContext: tableContextOf(ctx.table),
  });
}

/** A table's title and the headings of its figures, read once per table. */
const TABLE_CONTEXT = new WeakMap<DetectedTable, string>();
function tableContextOf(table: DetectedTable): string {
  return getOrInsert(TABLE_CONTEXT, table, () =>
    [table.title ?? '', ...columnsOf(table, 'actual').map((column) => column.header)].join(' | '),
  );
}

function toleranceFor(ctx: RowContext): Tolerance {
  const col = columnsOf(ctx.table, 'tolerance')[0]?.col;
  const base = ctx.options.tolerance ?? DEFAULT_TOLERANCE;
  if (col === undefined) return base;
  const cell = cellAt(ctx.sheet, ctx.indicator.row, col);
  if (cell.value.kind === 'number') {
    const percent = cell.format && cell.format.includes('%') ? cell.value.value * 100 : cell.value.value;
    if (percent >= 0 && percent <= 100) return { ...base, percent } as Tolerance;
  }
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(cellText(cell).trim());
  return match ? ({ ...base, percent: Number(match[1]) } as Tolerance) : base;
}

/**
 * Whether a table's own status column rates only met or not met: faces, ticks and crosses, yes
 * and no, or a "Target met?" heading, and never a word for a near miss. Such a table has no
 * near-miss band, so KPI Tracker's statuses say what the publisher's would.
 */
const MET_OR_NOT_MET = new WeakMap<DetectedTable, boolean>();
function ratesOnlyMetOrNotMet(table: DetectedTable, sheet: Sheet): boolean {
  return getOrInsert(MET_OR_NOT_MET, table, () => {
    const statusColumns = columnsOf(table, 'status');
    if (statusColumns.length === 0) return false;
    if (statusColumns.some((column) => /target met\??$|^met\??$|achieved\??$/i.test(column.header.trim()))) return true;
    let twoWay = 0;
    for (const column of statusColumns) {
      for (const indicator of table.indicators) {
        const text = textAt(sheet, indicator.row, column.col);
        const status = text ? readStatusWord(text) : undefined;
        if (status === 'near') return false;
        if (status && TWO_WAY_WORDS.test(text)) twoWay++;
      }
    }
    return twoWay > 0;
  });
}
const TWO_WAY_WORDS = /face|tick|cross|✓|✔|✗|✘|☺|☹|🙂|🙁|😀|😞|^(yes|no|y|n)$|target (not )?met/i;

/**
 * The status column an actual column reports to: the nearest to its right, before the next
 * actual, where a table has one per series ("SSHA | Target Met? | MMHA | Target Met?").
 */
function statusColumnFor(table: DetectedTable, actualCol: number | undefined): ColumnMapping | undefined {
  const statuses = columnsOf(table, 'status');
  if (statuses.length <= 1 || actualCol === undefined) return statuses[0];
  const actuals = columnsOf(table, 'actual');
  const nextActual = Math.min(...actuals.filter((c) => c.col > actualCol).map((c) => c.col));
  return statuses.find((c) => c.col > actualCol && c.col < nextActual) ?? statuses[0];
}

/** The rating the sheet itself prints for an indicator (beside the given actual), if it is one KPI Tracker can read. */
export function publishedRating(
  table: DetectedTable,
  sheet: Sheet,
  row: number,
  actualCol: number | undefined,
): { text: string; status: Status } | undefined {
  const column = statusColumnFor(table, actualCol);
  if (!column) return undefined;
  const text = textAt(sheet, row, column.col);
  const status = text ? readStatusWord(text) : undefined;
  return status ? { text, status } : undefined;
}

/** An indicator the sheet's own status column marks "for info only" is reported, not rated, whatever figure sits in its target cell. */
function monitoredOnly(table: DetectedTable, sheet: Sheet, row: number, target: Target): Target {
  const published = publishedRating(table, sheet, row, undefined);
  if (published?.status !== 'no-target' || target.kind === 'none') return target;
  return { kind: 'none', text: target.text, why: `the sheet's own status says "${published.text}"` };
}

/** Period labels and column letters repeat for every indicator; work each out once. */
const LABELS = new WeakMap<Period, string>();
function labelOf(period: Period): string {
  let label = LABELS.get(period);
  if (label === undefined) {
    label = periodLabel(period);
    LABELS.set(period, label);
  }
  return label;
}
const LETTERS: string[] = [];
function letterOf(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

/** What a verdict is judged again from to word its reason; one for all periods judged alike. */
interface ReasonSource {
  readonly sheet: Sheet;
  readonly target: Target;
  /** The context judged with; for a period of a target table, the indicator's (see `PeriodVerdict`). */
  readonly context: JudgeContext;
  /** Sentences around the judgement's own (a case list's standard, a year to date's projection). */
  readonly frame: ((reason: string) => string) | undefined;
}

/** Which period a verdict judges and where its actual is. */
interface JudgedPeriod {
  readonly period: Period | undefined;
  readonly label: string;
  readonly actualColumn: number | undefined;
}

/** The fields every period of one indicator shares: one object per indicator, not per verdict. */
class IndicatorFields {
  readonly sheet: string;
  readonly tableIndex: number;
  readonly ref: string | null;
  readonly indicator: string;
  readonly row: number;
  readonly owner: string | null;
  readonly commentary: string | null;

  constructor(ctx: RowContext) {
    this.sheet = ctx.table.sheet;
    this.tableIndex = ctx.tableIndex;
    this.ref = ctx.indicator.ref ?? null;
    this.indicator = ctx.indicator.description;
    this.row = ctx.indicator.row;
    this.owner = ownerOf(ctx);
    this.commentary = commentaryOf(ctx);
  }
}

function trendOf(previous: number | null, actual: number | undefined, polarity: Polarity): Trend | null {
  if (previous === null || actual === undefined || polarity === 'none') return null;
  const diff = actual - previous;
  return Math.abs(diff) < 1e-9 ? 'same' : diff > 0 === (polarity === 'higher') ? 'better' : 'worse';
}

const REASONS = new WeakMap<JudgedVerdict, string>();

/**
 * A verdict as it is kept. A run makes one for every period of every indicator (600,000 in a
 * large workbook) yet reads few reasons (a card in the task pane, `kpi-tracker check`), so a
 * verdict keeps what it was judged from and its reason is worded when first read. Whatever its
 * indicator's periods share (where the indicator is, its owner and commentary, the target and
 * polarity judged against) is kept once and read through getters.
 */
abstract class JudgedVerdict implements IndicatorVerdict {
  abstract readonly status: Status;
  abstract readonly varianceValue: number | undefined;
  abstract readonly actualValue: number | undefined;
  abstract readonly targetValue: number | undefined;
  abstract readonly unit: Unit | undefined;
  abstract readonly actualText: string;
  abstract readonly previousActual: number | null;
  abstract readonly period: Period | undefined;
  abstract readonly periodLabel: string;
  abstract readonly actualColumn: number | undefined;
  protected abstract readonly indicatorFields: IndicatorFields;
  /** The target and context the status was judged with. */
  protected abstract readonly reasonSource: ReasonSource;
  /** The reason's words, worked out afresh from what the verdict was judged from. */
  protected abstract wordReason(): string;

  /** Written from the variance's value: the written variances are shared (see formatVariance). */
  get variance(): string | null {
    return formatVariance(this.varianceValue);
  }
  /** Against the previous period's figure, whichever way is better for the indicator. */
  get trend(): Trend | null {
    return trendOf(this.previousActual, this.actualValue, this.polarity);
  }
  get sheet(): string {
    return this.indicatorFields.sheet;
  }
  get tableIndex(): number {
    return this.indicatorFields.tableIndex;
  }
  get ref(): string | null {
    return this.indicatorFields.ref;
  }
  get indicator(): string {
    return this.indicatorFields.indicator;
  }
  get row(): number {
    return this.indicatorFields.row;
  }
  get owner(): string | null {
    return this.indicatorFields.owner;
  }
  get commentary(): string | null {
    return this.indicatorFields.commentary;
  }
  get targetText(): string {
    return this.reasonSource.target.text;
  }
  get targetKind(): Target['kind'] {
    return this.reasonSource.target.kind;
  }
  get polarity(): Polarity {
    return this.reasonSource.context.polarity.polarity;
  }
  /** A monitoring-only indicator is not rated, so an assumed direction is not worth flagging. */
  get polarityAssumed(): boolean {
    return this.reasonSource.context.polarity.assumed && this.status !== 'no-target';
  }
  get reason(): string {
    let reason = REASONS.get(this);
    if (reason === undefined) {
      reason = this.wordReason();
      REASONS.set(this, reason);
    }
    return reason;
  }
  get actualCell(): string | null {
    return this.actualColumn === undefined ? null : `${letterOf(this.actualColumn)}${this.row + 1}`;
  }

  /** The reason's words without keeping them: see reasonReadOnce. */
  wordReasonAfresh(): string {
    return REASONS.get(this) ?? this.wordReason();
  }

  /** A plain verdict: every field, the reason included, none of the sources it keeps. */
  toJSON(): Record<keyof IndicatorVerdict, unknown> {
    return {
      status: this.status,
      reason: this.reason,
      variance: this.variance,
      varianceValue: this.varianceValue,
      actualValue: this.actualValue,
      targetValue: this.targetValue,
      unit: this.unit,
      targetKind: this.targetKind,
      sheet: this.sheet,
      tableIndex: this.tableIndex,
      ref: this.ref,
      indicator: this.indicator,
      row: this.row,
      period: this.period,
      periodLabel: this.periodLabel,
      actualText: this.actualText,
      targetText: this.targetText,
      actualCell: this.actualCell,
      polarity: this.polarity,
      polarityAssumed: this.polarityAssumed,
      owner: this.owner,
      previousActual: this.previousActual,
      trend: this.trend,
      commentary: this.commentary,
    };
  }
}

/** A verdict that keeps its own fields: a KPI return, a satisfaction table, a case list, a year to date. */
class StoredVerdict extends JudgedVerdict {
  readonly status: Status;
  readonly varianceValue: number | undefined;
  readonly actualValue: number | undefined;
  readonly targetValue: number | undefined;
  readonly unit: Unit | undefined;
  /** These verdicts stand alone: none follows an earlier period of its indicator. */
  readonly previousActual: number | null = null;
  protected readonly indicatorFields: IndicatorFields;
  protected readonly reasonSource: ReasonSource;
  private readonly judgedPeriod: JudgedPeriod;
  private readonly judgedActual: Actual;

  constructor(
    indicatorFields: IndicatorFields,
    reasonSource: ReasonSource,
    judgedPeriod: JudgedPeriod,
    judged: Judgement,
    judgedActual: Actual,
  ) {
    super();
    this.indicatorFields = indicatorFields;
    this.reasonSource = reasonSource;
    this.judgedPeriod = judgedPeriod;
    this.status = judged.status;
    this.varianceValue = judged.varianceValue;
    this.actualValue = judged.actualValue;
    this.targetValue = judged.targetValue;
    this.unit = judged.unit;
    this.judgedActual = judgedActual;
  }

  get period(): Period | undefined {
    return this.judgedPeriod.period;
  }
  get periodLabel(): string {
    return this.judgedPeriod.label;
  }
  get actualColumn(): number | undefined {
    return this.judgedPeriod.actualColumn;
  }
  get actualText(): string {
    return this.judgedActual.text;
  }
  protected wordReason(): string {
    const source = this.reasonSource;
    const own = assess(this.judgedActual, source.target, source.context).explain();
    return source.frame ? source.frame(own) : own;
  }
}

/** Where a period's figures sit among its slot's in `TablePeriods.figures` and `TablePeriods.contextFigures`. */
const ACTUAL = 0;
const TARGET = 1;
const VARIANCE = 2;
const FIGURES_PER_PERIOD = 3;
const LAST_YEAR = 0;
const PROJECTED = 1;
const CONTEXT_FIGURES_PER_PERIOD = 2;

/**
 * The judged periods of every indicator of one target table, one slot per indicator and period.
 * What a slot holds is kept in typed arrays: its figures as doubles (NaN where there is none), its
 * status, unit and judged-against target as small codes. So 600,000 periods cost no
 * boxed number, string pointer or object pointer each for the garbage collector to copy. Each array
 * has its final length from the start, as a table's indicators all have the same period columns.
 * A period's actual is read again from its cell when its text or reason is asked for (a run's
 * workbook is never changed in place).
 */
class TablePeriods {
  private readonly figures: Float64Array;
  private readonly statusCodes: Uint8Array;
  /** 0 for none, otherwise 1 + the unit's place in `UNITS`. */
  private readonly unitCodes: Uint8Array;
  /** The place in `sources` of the target and context each slot was judged with. */
  private readonly sourceAt: Uint32Array;
  /** One per target an indicator's periods were judged against. */
  private readonly sources: ReasonSource[] = [];
  /** Last year's figure and the projected year end; only for a table where some period has either. */
  private contextFigures: Float64Array | undefined;

  constructor(
    readonly grid: Sheet,
    /** The table's period columns: the periods of each indicator's slots, in order. */
    readonly columns: readonly PeriodColumn[],
    indicators: number,
  ) {
    const slots = indicators * columns.length;
    this.figures = new Float64Array(slots * FIGURES_PER_PERIOD).fill(NaN);
    this.statusCodes = new Uint8Array(slots);
    this.unitCodes = new Uint8Array(slots);
    this.sourceAt = new Uint32Array(slots);
  }

  /** Keeps a target and context that periods are judged with, for `set` to name by the number returned. */
  addSource(source: ReasonSource): number {
    return this.sources.push(source) - 1;
  }

  set(
    slot: number,
    judged: Judgement,
    unit: Unit | undefined,
    source: number,
    lastYear: number | undefined,
    projectedYearEnd: number | undefined,
  ): void {
    this.statusCodes[slot] = STATUSES.indexOf(judged.status);
    this.unitCodes[slot] = unit === undefined ? 0 : UNITS.indexOf(unit) + 1;
    this.sourceAt[slot] = source;
    const at = slot * FIGURES_PER_PERIOD;
    if (judged.actualValue !== undefined) this.figures[at + ACTUAL] = judged.actualValue;
    if (judged.targetValue !== undefined) this.figures[at + TARGET] = judged.targetValue;
    if (judged.varianceValue !== undefined) this.figures[at + VARIANCE] = judged.varianceValue;
    if (lastYear !== undefined || projectedYearEnd !== undefined) {
      this.contextFigures ??= new Float64Array(this.statusCodes.length * CONTEXT_FIGURES_PER_PERIOD).fill(NaN);
      this.contextFigures[slot * CONTEXT_FIGURES_PER_PERIOD + LAST_YEAR] = orNaN(lastYear);
      this.contextFigures[slot * CONTEXT_FIGURES_PER_PERIOD + PROJECTED] = orNaN(projectedYearEnd);
    }
  }

  status(slot: number): Status {
    return STATUSES[this.statusCodes[slot]!]!;
  }

  unit(slot: number): Unit | undefined {
    const code = this.unitCodes[slot]!;
    return code === 0 ? undefined : UNITS[code - 1];
  }

  source(slot: number): ReasonSource {
    return this.sources[this.sourceAt[slot]!]!;
  }

  figure(slot: number, which: number): number | undefined {
    return numberOrUndefined(this.figures[slot * FIGURES_PER_PERIOD + which]!);
  }

  contextFigure(slot: number, which: number): number | undefined {
    return this.contextFigures ? numberOrUndefined(this.contextFigures[slot * CONTEXT_FIGURES_PER_PERIOD + which]!) : undefined;
  }
}

const UNITS = UnitSchema.options;

function orNaN(value: number | undefined): number {
  return value === undefined ? NaN : value;
}

function numberOrUndefined(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/** One indicator of a target table: the fields its periods share, and where its slots start. */
class JudgedLine extends IndicatorFields {
  readonly table: DetectedTable;
  constructor(
    ctx: RowContext,
    readonly periods: TablePeriods,
    /** The slot of its first period. */
    readonly first: number,
  ) {
    super(ctx);
    this.table = ctx.table;
  }
}

/**
 * The indicator's figure before a period's: the latest earlier period with a figure (not a figure
 * of another series for the same period), or else the table's "Previous value" column.
 */
function previousFigure(line: JudgedLine, slot: number): { value: number; label: string } | undefined {
  const own = line.periods.columns[slot - line.first]!;
  for (let earlier = slot - 1; earlier >= line.first; earlier--) {
    const column = line.periods.columns[earlier - line.first]!;
    const value = line.periods.figure(earlier, ACTUAL);
    if (value === undefined) continue;
    if (own.column.period && column.column.period && comparePeriods(column.column.period, own.column.period) >= 0) continue;
    return { value, label: `the figure for ${column.label || `column ${letterOf(column.column.col)}`}` };
  }
  const previousColumn = columnsOf(line.table, 'previous')[0];
  if (!previousColumn) return undefined;
  const value = figureIn(line.periods.grid, line.row, previousColumn);
  return value === undefined ? undefined : { value, label: `the "${previousColumn.header}" column` };
}

/** A comparator's figure on the indicator's row, for a benchmark target. */
function benchmarkFigure(table: DetectedTable, sheet: Sheet, row: number, target: Target): { value: number; label: string } | undefined {
  if (target.kind !== 'benchmark') return undefined;
  const columns = columnsOf(table, 'benchmark');
  const words = target.comparator.split(' ');
  const column =
    columns.find((c) => words.every((word) => c.header.toLowerCase().includes(word))) ?? (columns.length === 1 ? columns[0] : undefined);
  if (!column) return undefined;
  const value = figureIn(sheet, row, column);
  return value === undefined ? undefined : { value, label: `the "${column.header}" column` };
}

/** The figures a "Maintain" or "Top quartile" target is judged against, where the target is one of those. */
function againstOtherFigures(target: Target, line: JudgedLine, slot: number): Pick<JudgeContext, 'previous' | 'benchmark'> {
  if (target.kind === 'change') {
    const previous = previousFigure(line, slot);
    return previous ? { previous } : {};
  }
  if (target.kind === 'benchmark') {
    const benchmark = benchmarkFigure(line.table, line.periods.grid, line.row, target);
    return benchmark ? { benchmark } : {};
  }
  return {};
}

/** One period of an indicator of a target table: its indicator, and its slot. */
class PeriodVerdict extends JudgedVerdict {
  constructor(
    private readonly line: JudgedLine,
    private readonly slot: number,
  ) {
    super();
  }

  get status(): Status {
    return this.line.periods.status(this.slot);
  }
  get actualValue(): number | undefined {
    return this.line.periods.figure(this.slot, ACTUAL);
  }
  get targetValue(): number | undefined {
    return this.line.periods.figure(this.slot, TARGET);
  }
  get varianceValue(): number | undefined {
    return this.line.periods.figure(this.slot, VARIANCE);
  }
  get unit(): Unit | undefined {
    return this.line.periods.unit(this.slot);
  }
  /** The latest figure among the indicator's earlier periods. */
  get previousActual(): number | null {
    return previousFigure(this.line, this.slot)?.value ?? null;
  }
  get period(): Period | undefined {
    return this.periodColumn().column.period;
  }
  get periodLabel(): string {
    return this.periodColumn().label;
  }
  get actualColumn(): number {
    return this.periodColumn().column.col;
  }
  /** As the cell shows it: the text every reading of an actual keeps. */
  get actualText(): string {
    return cellText(this.actualCellOf());
  }
  protected get indicatorFields(): IndicatorFields {
    return this.line;
  }
  protected get reasonSource(): ReasonSource {
    return this.line.periods.source(this.slot);
  }
  /** Judged again in the indicator's context with the period's own figures put back. */
  protected wordReason(): string {
    const shared = this.reasonSource.context;
    const against = againstOtherFigures(this.reasonSource.target, this.line, this.slot);
    // Every field named rather than spread: V8 made each spread copy of a shared context an
    // object that outlived young-generation collection, and `kpi-tracker check` words 600,000
    // reasons at 50,000 indicators (peak memory about 700 MB with the spread, 330 MB without).
    // The type lists every field of JudgeContext, so a field added there must be added here.
    const context: { readonly [K in keyof Required<JudgeContext>]: JudgeContext[K] } = {
      polarity: shared.polarity,
      today: shared.today,
      tolerance: shared.tolerance,
      baseline: shared.baseline,
      annualTarget: shared.annualTarget,
      metOrNotMet: shared.metOrNotMet,
      previous: against.previous,
      benchmark: against.benchmark,
      period: this.period,
      lastYear: this.line.periods.contextFigure(this.slot, LAST_YEAR),
      projectedYearEnd: this.line.periods.contextFigure(this.slot, PROJECTED),
    };
    const reason = assess(parseActualCell(this.actualCellOf()), this.reasonSource.target, context).explain();
    return `${reason}${this.publishedDisagreement()}`;
  }
  /**
   * Where the sheet prints its own rating for this indicator and this is the period it speaks of
   * (the latest with a figure), and the figures say otherwise: a sentence the officer sees.
   */
  private publishedDisagreement(): string {
    const status = this.status;
    if (status === 'no-target') return '';
    const table = this.line.table;
    const published = publishedRating(table, this.line.periods.grid, this.row, this.actualColumn);
    if (!published || published.status === status) return '';
    for (let slot = this.line.first + this.line.periods.columns.length - 1; slot > this.slot; slot--) {
      // A later period of the same series with a figure is the one the sheet's rating speaks of.
      const column = this.line.periods.columns[slot - this.line.first]!.column;
      if (
        this.line.periods.figure(slot, ACTUAL) !== undefined &&
        statusColumnFor(table, column.col) === statusColumnFor(table, this.actualColumn)
      )
        return '';
    }
    return ` The sheet itself says "${published.text}" (${STATUS_WORDS[published.status].toLowerCase()}), but the figures give ${STATUS_WORDS[status].toLowerCase()}: check which is right.`;
  }
  private periodColumn(): PeriodColumn {
    return this.line.periods.columns[this.slot - this.line.first]!;
  }
  private actualCellOf(): Cell {
    return cellAt(this.line.periods.grid, this.line.row, this.actualColumn);
  }
}

function verdictRow(
  ctx: RowContext,
  period: Period | undefined,
  actual: Actual,
  actualCol: number | undefined,
  target: Target,
  judgeContext: JudgeContext,
  indicatorFields: IndicatorFields = new IndicatorFields(ctx),
  frame?: (reason: string) => string,
): IndicatorVerdict {
  const judged = assess(actual, target, judgeContext);
  return new StoredVerdict(
    indicatorFields,
    // The getters read the target and polarity from here, so it is always the target and context judged with.
    { sheet: ctx.sheet, target, context: judgeContext, frame },
    { period, label: period ? labelOf(period) : '', actualColumn: actualCol },
    judged,
    actual,
  );
}

function ownerOf(ctx: RowContext): string | null {
  const col = columnsOf(ctx.table, 'owner')[0]?.col;
  const own = col === undefined ? '' : textAt(ctx.sheet, ctx.indicator.row, col);
  return own || ctx.indicator.card?.owner || null;
}

function targetColumnFor(table: DetectedTable, period: Period | undefined): ColumnMapping | undefined {
  const targets = columnsOf(table, 'target');
  if (targets.length <= 1 || !period) return targets[0];
  return targets.find((t) => t.period && t.period.fy === period.fy) ?? targets[0];
}

/** What every indicator of a table shares for one of its period columns, worked out once per table. */
interface PeriodColumn {
  readonly column: ColumnMapping;
  /** Index into the table's target columns, or -1 where it has none. */
  readonly targetIndex: number;
  /** The column holding the same period of the year before, if the table has one. */
  readonly lastYearColumn: ColumnMapping | undefined;
  readonly shorterThanYear: boolean;
  readonly label: string;
}

/** An indicator's target from one target column, with the polarity it implies. */
interface IndicatorTarget {
  readonly target: Target;
  readonly polarity: PolarityDecision;
  readonly annual: Extract<Target, { kind: 'threshold' }> | undefined;
  /** The annual count as a rate, for periods shorter than a year; made when first needed. */
  annualRate: Target | undefined;
  /** The judging context every period of the indicator shares; made when first needed. */
  indicatorContext: JudgeContext | undefined;
  /** What the reasons of the indicator's periods are worded from, by target, as kept by its table; made when first needed. */
  source: number | undefined;
  annualRateSource: number | undefined;
}

function periodColumnsOf(
  table: DetectedTable,
  actualColumns: readonly ColumnMapping[],
  usedColumns: readonly ColumnMapping[],
): PeriodColumn[] {
  const targetColumns = columnsOf(table, 'target');
  return usedColumns.map((column) => {
    const targetColumn = targetColumnFor(table, column.period);
    return {
      column,
      targetIndex: targetColumn ? targetColumns.indexOf(targetColumn) : -1,
      lastYearColumn: lastYearColumnOf(actualColumns, column),
      shorterThanYear: column.period !== undefined && monthsIn(column.period) < 12,
      label: column.period ? labelOf(column.period) : '',
    };
  });
}

function evaluateTargetTable(
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
  const periods = new TablePeriods(sheet, periodColumns, table.indicators.length);
  const metOrNotMet = ratesOnlyMetOrNotMet(table, sheet);
  for (let at = 0; at < table.indicators.length; at++) {
    const indicator = table.indicators[at]!;
    const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
    const baseline = baselineCol === undefined ? undefined : parseActualCell(cellAt(sheet, indicator.row, baselineCol));
    const tolerance = toleranceFor(ctx);
    if (usedColumns.length === 0) {
      const targetColumn = targetColumnFor(table, undefined);
      const target = targetColumn
        ? refineTargetUnit(parseTargetCell(cellAt(sheet, indicator.row, targetColumn.col)), indicator.description)
        : parseTargetText('');
      const polarity = polarityFor(ctx, target);
      const noActual: Actual = {
        kind: 'no-data',
        text: '',
        why:
          actualColumns.length === 0
            ? 'this table has no actual column (it sets the baseline and target)'
            : 'no figures have been entered yet',
      };
      out.push(
        verdictRow(ctx, targetColumn?.period, noActual, undefined, target, {
          polarity,
          today: options.today,
          tolerance,
          ...(baseline ? { baseline } : {}),
        }),
      );
      continue;
    }
    let previousUnit: Unit | undefined;
    // Owner, commentary, and the target and polarity of each target column, once per indicator.
    const line = new JudgedLine(ctx, periods, at * periodColumns.length);
    const targets: Array<IndicatorTarget | undefined> = [];
    let noColumnTarget: IndicatorTarget | undefined;
    const yearToDate = { sum: 0, months: 0, fy: undefined as number | undefined, counted: 0 };
    let annualTarget: { target: Extract<Target, { kind: 'threshold' }>; polarity: PolarityDecision } | undefined;
    for (let index = 0; index < periodColumns.length; index++) {
      const { column, targetIndex, lastYearColumn, shorterThanYear } = periodColumns[index]!;
      let judged = targetIndex < 0 ? noColumnTarget : targets[targetIndex];
      if (!judged) {
        const targetColumn = targetIndex < 0 ? undefined : targetColumns[targetIndex];
        const parsed = monitoredOnly(
          table,
          sheet,
          indicator.row,
          targetColumn
            ? refineTargetUnit(parseTargetCell(cellAt(sheet, indicator.row, targetColumn.col)), indicator.description)
            : parseTargetText(''),
        );
        const annual = isAnnualCount(parsed, targetColumn, indicator.description) ? parsed : undefined;
        judged = {
          target: parsed,
          polarity: polarityFor(ctx, parsed),
          annual,
          annualRate: undefined,
          indicatorContext: undefined,
          source: undefined,
          annualRateSource: undefined,
        };
        if (targetIndex < 0) noColumnTarget = judged;
        else targets[targetIndex] = judged;
      }
      const { polarity, annual } = judged;
      // An annual count judged in a quarter or a month is judged against its share of the year.
      const target: Target = annual && shorterThanYear ? (judged.annualRate ??= annualAsRate(annual)) : judged.target;
      const actual = parseActualCell(cellAt(sheet, indicator.row, column.col));
      const lastYear = lastYearColumn ? figureIn(sheet, indicator.row, lastYearColumn) : undefined;
      if (annual && shorterThanYear && actual.kind === 'number' && column.period?.fy !== undefined) {
        // The year to date belongs to one financial year: last year's columns start it afresh.
        if (yearToDate.fy !== column.period.fy) Object.assign(yearToDate, { sum: 0, months: 0, counted: 0 });
        yearToDate.sum += actual.value;
        yearToDate.months = financialMonthSpan(column.period).last;
        yearToDate.fy = column.period.fy;
        yearToDate.counted++;
        annualTarget = { target: annual, polarity };
      }
      const projectedYearEnd = annual && yearToDate.months > 0 ? (yearToDate.sum / yearToDate.months) * 12 : undefined;
      const judgement = assess(actual, target, {
        polarity,
        today: options.today,
        tolerance,
        period: column.period,
        baseline,
        lastYear,
        projectedYearEnd,
        annualTarget: annual?.value,
        metOrNotMet,
        ...againstOtherFigures(target, line, line.first + index),
      });
      judged.indicatorContext ??= { polarity, today: options.today, tolerance, baseline, annualTarget: annual?.value, metOrNotMet };
      const context = judged.indicatorContext;
      const source =
        target === judged.target
          ? (judged.source ??= periods.addSource({ sheet, target, context, frame: undefined }))
          : (judged.annualRateSource ??= periods.addSource({ sheet, target, context, frame: undefined }));
      // A period without figures keeps the indicator's unit, so its previous figure reads "98.58%".
      periods.set(line.first + index, judgement, judgement.unit ?? previousUnit, source, lastYear, projectedYearEnd);
      out.push(new PeriodVerdict(line, line.first + index));
      if (judgement.actualValue !== undefined) previousUnit = judgement.unit ?? previousUnit;
    }
    if (annualTarget && yearToDate.counted > 0 && yearToDate.fy !== undefined && !hasYearToDateColumn) {
      out.push(yearToDateVerdict(ctx, annualTarget, yearToDate as { sum: number; months: number; fy: number }, tolerance, line));
    }
  }
}

function annualAsRate(annual: Extract<Target, { kind: 'threshold' }>): Target {
  return {
    kind: 'rate',
    text: `${annual.text.trim()} a year`,
    value: annual.value,
    unit: 'count',
    per: 'year',
    ...(annual.direction ? { direction: annual.direction } : {}),
  };
}

/** Counts of things done in the year ("Number of …", "… per year") against an annual target. */
function isAnnualCount(
  target: Target,
  targetColumn: ColumnMapping | undefined,
  description: string,
): target is Extract<Target, { kind: 'threshold' }> {
  if (target.kind !== 'threshold' || target.unit !== 'count') return false;
  const annualColumn =
    targetColumn !== undefined &&
    (targetColumn.period?.kind === 'year' || /annual|year|p\.?\s?a\.?\b|per annum/i.test(targetColumn.header));
  return annualColumn && addsUpOverTheYear(description);
}

/**
 * Whether an indicator's figures add up across the year: a count of things done ("Number of …",
 * "… issued", "… prevented"), never an average, a rate or a share, whatever else its name says.
 */
export function addsUpOverTheYear(description: string): boolean {
  const flow =
    /\b(number|no\.)\s+of\b|\bper (year|annum)\b|\ba year\b|\beach year\b|\bannual(ly)?\b|\btotal\b|\bprevent(ed|ing)?\b|\bdelivered\b|\bcompleted\b|\bissued\b/i.test(
      description,
    );
  const notAdditive = /\b(average|mean|median|rate|ratio|percentage|proportion|per cent|satisf\w*|index|score)\b|%/i.test(description);
  return flow && !notAdditive;
}

/** The column of the same period the year before, where the table has one ("Q2 2023/24" beside "Q2 2024/25"). */
function lastYearColumnOf(columns: readonly ColumnMapping[], column: ColumnMapping): ColumnMapping | undefined {
  const period = column.period;
  const fy = period?.fy;
  if (!period || fy === undefined || period.kind === 'year' || period.kind === 'ytd') return undefined;
  const wanted = periodLabel({ ...period, fy: fy - 1 } as Period);
  return columns.find((c) => c.period && c.period.fy === fy - 1 && periodLabel(c.period) === wanted);
}

function figureIn(sheet: Sheet, row: number, column: ColumnMapping): number | undefined {
  const actual = parseActualCell(cellAt(sheet, row, column.col));
  return actual.kind === 'number' ? actual.value : undefined;
}

/**
 * The year to date for an annual count: the figures so far against the target's share of the
 * year, with the year-end figure they are on course for.
 */
function yearToDateVerdict(
  ctx: RowContext,
  annual: { target: Extract<Target, { kind: 'threshold' }>; polarity: PolarityDecision },
  ytd: { sum: number; months: number; fy: number },
  tolerance: Tolerance,
  indicatorFields: IndicatorFields,
): IndicatorVerdict {
  const period: Period = { kind: 'ytd', fy: ytd.fy };
  const share = Math.round(((annual.target.value * ytd.months) / 12) * 100) / 100;
  const projected = Math.round((ytd.sum / ytd.months) * 12 * 10) / 10;
  const monthName = MONTH_NAMES[calendarMonthOf(ytd.months) - 1]!;
  const target: Target = {
    kind: 'threshold',
    text: `${annual.target.text.trim()} a year`,
    value: share,
    unit: 'count',
    ...(annual.target.direction ? { direction: annual.target.direction } : {}),
  };
  const actual: Actual = { kind: 'number', text: String(ytd.sum), value: ytd.sum };
  const judgeContext: JudgeContext = {
    polarity: annual.polarity,
    today: ctx.options.today,
    tolerance,
    period,
    projectedYearEnd: projected,
    annualTarget: annual.target.value,
  };
  const onCourse = annual.polarity.polarity === 'lower' ? projected <= annual.target.value : projected >= annual.target.value;
  const frame = (reason: string): string =>
    `${ytd.sum} so far this year against ${share} by the end of ${monthName} (${annual.target.text.trim()} a year, pro rata). ${reason} At this rate the year ends at about ${projected}, ${onCourse ? 'on course for' : 'short of'} the annual target of ${annual.target.value}.`;
  return verdictRow(ctx, period, actual, undefined, target, judgeContext, indicatorFields, frame);
}

/** The time standard in a layout C definition: "(target 14 days)", "(28 day target)", "(14 days)". */
export function timeStandardIn(definition: string | undefined): string | undefined {
  if (!definition) return undefined;
  const match = /\(\s*(?:target\s+)?(\d+\s*(?:working\s+)?days?(?:\s*&\s*\d+\s*days?)?)(?:\s+target)?\s*\)/i.exec(definition);
  return match?.[1]?.replace(/\s+/g, ' ').replace(/(\d+) day\b(?!s)/g, (whole, n: string) => (n === '1' ? whole : `${n} days`));
}

function evaluateKpiReturn(
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  detection: Detection,
  options: EvaluateOptions,
): IndicatorVerdict[] {
  const metCol = columnsOf(table, 'metShare')[0]?.col;
  const countCol = columnsOf(table, 'count')[0]?.col;
  const period = yearPeriodOf(sheet);
  const out: IndicatorVerdict[] = [];
  for (const indicator of table.indicators) {
    const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
    const metCell = metCol === undefined ? undefined : cellAt(sheet, indicator.row, metCol);
    const standard = timeStandardIn(indicator.definition);
    const shareTarget = /(\d+(?:\.\d+)?)\s*%/.exec(indicator.definition ?? '');
    let target: Target;
    if (standard) target = { kind: 'threshold', text: `100% within ${standard}`, value: 100, unit: 'percent', direction: 'higher' };
    else if (shareTarget)
      target = { kind: 'threshold', text: `${shareTarget[1]}%`, value: Number(shareTarget[1]), unit: 'percent', direction: 'higher' };
    else target = { kind: 'none', text: '', why: 'the definition sets no target (a count for information)' };
    let actual: Actual =
      metCell && !isEmptyCell(metCell) ? parseActualCell(metCell) : { kind: 'no-data', text: '', why: 'no "target met" share is given' };
    if (target.kind === 'none' && countCol !== undefined) actual = parseActualCell(cellAt(sheet, indicator.row, countCol));
    const seeBelow =
      /see table below/i.test(metCell ? cellText(metCell) : '') || /see table below/i.test(textAt(sheet, indicator.row, countCol));
    if (seeBelow) {
      const overall = overallSatisfaction(detection, sheet, indicator.ref);
      if (overall) actual = overall;
    }
    const polarity = polarityFor(ctx, target);
    out.push(
      verdictRow(ctx, period, actual, actual.text === '' ? undefined : metCol, target, {
        polarity,
        today: options.today,
        tolerance: toleranceFor(ctx),
        ...(period ? { period } : {}),
      }),
    );
  }
  return out;
}

function yearPeriodOf(sheet: Sheet): Period | undefined {
  const fy = financialYearInName(sheet.name);
  return fy === undefined ? undefined : { kind: 'year', fy };
}

function ratingShare(sheet: Sheet, table: DetectedTable, row: number): Actual {
  const counts: Record<string, number | undefined> = {};
  for (const column of columnsOf(table, 'rating')) {
    const cell = cellAt(sheet, row, column.col);
    const text = cellText(cell).trim();
    const n = cell.value.kind === 'number' ? cell.value.value : text === '' ? undefined : Number(text);
    if (n !== undefined && !Number.isFinite(n))
      return { kind: 'unreadable', text, why: `"${text}" in the ${column.rating} column is not a count` };
    counts[column.rating ?? column.header] = n;
  }
  const { total, good, share } = satisfactionShare(counts);
  if (share === undefined) {
    const shareCol = columnsOf(table, 'ratingShare')[0]?.col;
    return shareCol === undefined
      ? { kind: 'no-data', text: '', why: 'no answers were counted' }
      : parseActualCell(cellAt(sheet, row, shareCol));
  }
  return { kind: 'number', text: `${good} of ${total} answers`, value: Math.round(share * 1000) / 10, unit: 'percent' };
}

function overallSatisfaction(detection: Detection, sheet: Sheet, ref: string | undefined): Actual | undefined {
  const table = detection.tables.find(
    (t) => t.sheet === sheet.name && t.kind === 'satisfaction' && (!ref || (t.title ?? '').toLowerCase().includes(ref.toLowerCase())),
  );
  if (!table) return undefined;
  const overall =
    table.indicators.find((indicator) => /overall/i.test(indicator.description)) ?? table.indicators[table.indicators.length - 1];
  return overall ? ratingShare(sheet, table, overall.row) : undefined;
}

function evaluateSatisfaction(
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  detection: Detection,
  options: EvaluateOptions,
): IndicatorVerdict[] {
  const kpiRef = /kpi\s*(\w+)/i.exec(table.title ?? '')?.[1];
  const definition = kpiRef
    ? detection.tables
        .filter((t) => t.sheet === sheet.name && t.kind === 'kpi-return')
        .flatMap((t) => t.indicators)
        .find((i) => i.ref?.toLowerCase() === kpiRef.toLowerCase())?.definition
    : undefined;
  const share = /(\d+(?:\.\d+)?)\s*%/.exec(definition ?? '');
  const target: Target = share
    ? {
        kind: 'threshold',
        text: `${share[1]}% good, very good or excellent`,
        value: Number(share[1]),
        unit: 'percent',
        direction: 'higher',
      }
    : { kind: 'none', text: '', why: 'no target share was found for this satisfaction table' };
  const period = yearPeriodOf(sheet);
  const shareCol = columnsOf(table, 'ratingShare')[0]?.col;
  return table.indicators.map((indicator) => {
    const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
    const actual = ratingShare(sheet, table, indicator.row);
    const polarity = polarityFor(ctx, target);
    return verdictRow(ctx, period, actual, shareCol, target, {
      polarity,
      today: options.today,
      tolerance: toleranceFor(ctx),
      ...(period ? { period } : {}),
    });
  });
}

/**
 * The verdict's reason, worded without being kept with the verdict: for a reader that reads each
 * reason once and lets the verdict go. `kpi-tracker check` writes 600,000 of them at 50,000
 * indicators; kept, every one lived on until the next full garbage collection.
 */
export function reasonReadOnce(verdict: IndicatorVerdict): string {
  return verdict instanceof JudgedVerdict ? verdict.wordReasonAfresh() : verdict.reason;
}

/**
 * The verdict as if it had another status, every other field as it was. A spread (`{ ...verdict,
 * status }`) would copy only a verdict's own fields and lose those its prototype supplies (the
 * reason, the actual's cell, and what all periods of an indicator share).
 */
export function verdictWithStatus(verdict: IndicatorVerdict, status: Status): IndicatorVerdict {
  return Object.create(verdict, { status: { value: status, enumerable: true } }) as IndicatorVerdict;
}
