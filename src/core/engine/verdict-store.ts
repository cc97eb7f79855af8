import type { ColumnMapping } from '../detect/types';
import { columnLetter } from '../model/address';
import { cellText } from '../model/cell-text';
import { cellAt, type Sheet } from '../model/workbook';
import { comparePeriods, monthsIn, periodLabel, type Period } from '../periods/period';
import { comparesAcrossLengths } from './annual-count';
import { trendOf, verdictWith, type IndicatorVerdict, type Trend } from './indicator-verdict';
import { assess, type JudgeContext, type Judgement } from './judge';
import { shownActualText } from './parse-actual';
import { figureIn } from './table-columns';
import { STATUSES, UnitSchema, type Actual, type Polarity, type Status, type Target, type Unit } from './target-types';
import { formatVariance } from './variance';

/*
 * How verdicts are kept. A run judges every period of every indicator (600,000 in a large
 * workbook) yet reads few of them closely, and few reasons at all (a card in the task pane,
 * `kpi-tracker check`). So a verdict keeps what it was judged from and words its reason when it
 * is first read; what an indicator's periods share is kept once; and a target table's periods
 * live in one store per table, their figures and codes in typed arrays, so 600,000 periods cost
 * no boxed number or object each for the garbage collector to copy (evaluation's CPU about
 * 800 → 550 ms and the verdicts' heap 117 → 51 MB at 50,000 indicators when it was made).
 *
 * Only the engine's judging uses this module. Everything else sees `IndicatorVerdict`: read-only
 * fields that read the same each time.
 */

/** Where an indicator is, and what its row says besides figures: every period of it shares these. */
export interface IndicatorPlace {
  readonly sheet: string;
  readonly tableIndex: number;
  readonly ref: string | null;
  readonly indicator: string;
  readonly row: number;
  readonly owner: string | null;
  readonly commentary: string | null;
}

/** What a verdict was judged with, to word its reason from; one for all periods judged alike. */
export interface ReasonSource {
  readonly target: Target;
  /** For a period of a target table, the context its indicator's periods share (see `PeriodWording`). */
  readonly context: JudgeContext;
  /** Sentences around the judgement's own (a case list's standard, a year to date's projection). */
  readonly frame?: (reason: string) => string;
}

const REASONS = new WeakMap<object, string>();

/** The fields every verdict works out alike, whichever way it is kept. */
abstract class KeptVerdict implements IndicatorVerdict {
  abstract readonly status: Status;
  abstract readonly varianceValue: number | undefined;
  abstract readonly actualValue: number | undefined;
  abstract readonly targetValue: number | undefined;
  abstract readonly unit: Unit | undefined;
  abstract readonly actualText: string;
  abstract readonly previousActual: number | null;
  abstract readonly period: Period | undefined;
  abstract readonly periodLabel: string;
  protected abstract readonly actualColumn: number | undefined;
  protected abstract readonly place: IndicatorPlace;
  protected abstract readonly source: ReasonSource;
  /** The reason's words, worked out afresh from what the verdict was judged from. */
  protected abstract wordReason(): string;

  /** Written from the variance's value: the written variances are shared (see formatVariance). */
  get variance(): string | null {
    return formatVariance(this.varianceValue);
  }
  get trend(): Trend | null {
    return trendOf(this.previousActual, this.actualValue, this.polarity);
  }
  get sheet(): string {
    return this.place.sheet;
  }
  get tableIndex(): number {
    return this.place.tableIndex;
  }
  get ref(): string | null {
    return this.place.ref;
  }
  get indicator(): string {
    return this.place.indicator;
  }
  get row(): number {
    return this.place.row;
  }
  get owner(): string | null {
    return this.place.owner;
  }
  get commentary(): string | null {
    return this.place.commentary;
  }
  get targetText(): string {
    return this.source.target.text;
  }
  get targetKind(): Target['kind'] {
    return this.source.target.kind;
  }
  get polarity(): Polarity {
    return this.source.context.polarity.polarity;
  }
  /** A monitoring-only indicator is not rated, so an assumed direction is not worth flagging. */
  get polarityAssumed(): boolean {
    return this.source.context.polarity.assumed && this.status !== 'no-target';
  }
  get reason(): string {
    let reason = REASONS.get(this);
    if (reason === undefined) {
      reason = this.wordReason();
      REASONS.set(this, reason);
    }
    return reason;
  }
  /** The reason's words without keeping them: see reasonReadOnce. */
  wordReasonAfresh(): string {
    return REASONS.get(this) ?? this.wordReason();
  }
  get actualCell(): string | null {
    return this.actualColumn === undefined ? null : `${letterOf(this.actualColumn)}${this.row + 1}`;
  }
  /** A plain verdict: every field, the reason included, none of what it is kept with. */
  toJSON(): IndicatorVerdict {
    return verdictWith(this);
  }
}

/** A verdict that keeps its own figures: a KPI return, a satisfaction table, a case list, a year to date. */
class WholeVerdict extends KeptVerdict {
  readonly status: Status;
  readonly varianceValue: number | undefined;
  readonly actualValue: number | undefined;
  readonly targetValue: number | undefined;
  readonly unit: Unit | undefined;
  /** These verdicts stand alone: none follows an earlier period of its indicator. */
  readonly previousActual: number | null = null;
  readonly period: Period | undefined;
  readonly periodLabel: string;

  constructor(
    protected readonly place: IndicatorPlace,
    protected readonly source: ReasonSource,
    period: Period | undefined,
    protected readonly actualColumn: number | undefined,
    private readonly actual: Actual,
    judged: Judgement,
  ) {
    super();
    this.period = period;
    this.periodLabel = period ? labelOf(period) : '';
    this.status = judged.status;
    this.varianceValue = judged.varianceValue;
    this.actualValue = judged.actualValue;
    this.targetValue = judged.targetValue;
    this.unit = judged.unit;
  }

  get actualText(): string {
    return this.actual.text;
  }
  protected wordReason(): string {
    const own = assess(this.actual, this.source.target, this.source.context).explain();
    return this.source.frame ? this.source.frame(own) : own;
  }
}

/** Judges an actual against a target now, keeping what its reason is worded from when read. */
export function keptVerdict(
  place: IndicatorPlace,
  period: Period | undefined,
  actualColumn: number | undefined,
  actual: Actual,
  source: ReasonSource,
): IndicatorVerdict {
  return new WholeVerdict(place, source, period, actualColumn, actual, assess(actual, source.target, source.context));
}

/** A period column of a target table, as every indicator's period in it shares it. */
export interface StoredColumn {
  readonly column: ColumnMapping;
  readonly label: string;
}

/** How a target table words a period's reason, from what its store kept: its judging knows how. */
export interface PeriodWording {
  reason(line: IndicatorLine, index: number): string;
}

/** Where a period's figures sit among its slot's in `TablePeriods.figures` and `TablePeriods.contextFigures`. */
const ACTUAL = 0;
const TARGET = 1;
const VARIANCE = 2;
const FIGURES_PER_PERIOD = 3;
const LAST_YEAR = 0;
const PROJECTED = 1;
const CONTEXT_FIGURES_PER_PERIOD = 2;
const UNITS = UnitSchema.options;

/**
 * The judged periods of every indicator of one target table, one slot per indicator and period
 * column. A slot's figures are doubles (NaN where there is none); its status, unit and the source
 * it was judged with are small codes. Each array has its final length from the start, as a
 * table's indicators all have the same period columns. A period's actual is read again from its
 * cell when its text or reason is asked for (a run's workbook is never changed in place).
 */
export class TablePeriods {
  private readonly figures: Float64Array;
  private readonly statusCodes: Uint8Array;
  /** 0 for none, otherwise 1 + the unit's place in `UNITS`. */
  private readonly unitCodes: Uint8Array;
  /** The place in `sources` of the target and context each slot was judged with. */
  private readonly sourceAt: Uint32Array;
  private readonly sources: ReasonSource[] = [];
  /** Last year's figure and the projected year end; only for a table where some period has either. */
  private contextFigures: Float64Array | undefined;

  constructor(
    readonly grid: Sheet,
    /** The table's period columns: each indicator's periods, in order. */
    readonly columns: readonly StoredColumn[],
    indicators: number,
    /** A "Previous value" column, for the figure before an indicator's first period. */
    readonly previousColumn: ColumnMapping | undefined,
    readonly wording: PeriodWording,
  ) {
    const slots = indicators * columns.length;
    this.figures = new Float64Array(slots * FIGURES_PER_PERIOD).fill(NaN);
    this.statusCodes = new Uint8Array(slots);
    this.unitCodes = new Uint8Array(slots);
    this.sourceAt = new Uint32Array(slots);
  }

  /** The periods of the table's `at`th indicator. */
  line(place: IndicatorPlace, at: number): IndicatorLine {
    return new IndicatorLine(place, this, at * this.columns.length);
  }

  /** Keeps a target and context that periods are judged with, for `record` to name by the number returned. */
  keepSource(source: ReasonSource): number {
    return this.sources.push(source) - 1;
  }

  /** Keeps a period's judgement; `unit` may differ from the judgement's (see the caller). */
  record(
    line: IndicatorLine,
    index: number,
    judged: Judgement,
    unit: Unit | undefined,
    source: number,
    lastYear: number | undefined,
    projectedYearEnd: number | undefined,
  ): IndicatorVerdict {
    const slot = line.first + index;
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
    return new PeriodVerdict(line, slot);
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
  actualValue(slot: number): number | undefined {
    return this.figure(slot, ACTUAL);
  }
  targetValue(slot: number): number | undefined {
    return this.figure(slot, TARGET);
  }
  varianceValue(slot: number): number | undefined {
    return this.figure(slot, VARIANCE);
  }
  lastYear(slot: number): number | undefined {
    return this.contextFigure(slot, LAST_YEAR);
  }
  projectedYearEnd(slot: number): number | undefined {
    return this.contextFigure(slot, PROJECTED);
  }

  private figure(slot: number, which: number): number | undefined {
    return numberOrUndefined(this.figures[slot * FIGURES_PER_PERIOD + which]!);
  }
  private contextFigure(slot: number, which: number): number | undefined {
    return this.contextFigures ? numberOrUndefined(this.contextFigures[slot * CONTEXT_FIGURES_PER_PERIOD + which]!) : undefined;
  }
}

function orNaN(value: number | undefined): number {
  return value === undefined ? NaN : value;
}

function numberOrUndefined(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/**
 * One indicator of a target table: where it is (its place's fields kept on it, one read away for
 * its periods' verdicts), and its judged periods, by their index among the table's period columns.
 */
export class IndicatorLine implements IndicatorPlace {
  readonly sheet: string;
  readonly tableIndex: number;
  readonly ref: string | null;
  readonly indicator: string;
  readonly row: number;
  readonly owner: string | null;
  readonly commentary: string | null;

  constructor(
    place: IndicatorPlace,
    readonly periods: TablePeriods,
    /** The slot of its first period. */
    readonly first: number,
  ) {
    this.sheet = place.sheet;
    this.tableIndex = place.tableIndex;
    this.ref = place.ref;
    this.indicator = place.indicator;
    this.row = place.row;
    this.owner = place.owner;
    this.commentary = place.commentary;
  }

  get grid(): Sheet {
    return this.periods.grid;
  }
  get periodCount(): number {
    return this.periods.columns.length;
  }
  column(index: number): StoredColumn {
    return this.periods.columns[index]!;
  }
  status(index: number): Status {
    return this.periods.status(this.first + index);
  }
  actualValue(index: number): number | undefined {
    return this.periods.actualValue(this.first + index);
  }
  targetValue(index: number): number | undefined {
    return this.periods.targetValue(this.first + index);
  }
  varianceValue(index: number): number | undefined {
    return this.periods.varianceValue(this.first + index);
  }
  unit(index: number): Unit | undefined {
    return this.periods.unit(this.first + index);
  }
  source(index: number): ReasonSource {
    return this.periods.source(this.first + index);
  }
  lastYear(index: number): number | undefined {
    return this.periods.lastYear(this.first + index);
  }
  projectedYearEnd(index: number): number | undefined {
    return this.periods.projectedYearEnd(this.first + index);
  }

  /**
   * The indicator's figure before a period's: the latest earlier period with a figure (not a figure
   * of another series for the same period), or else the table's "Previous value" column.
   */
  figureBefore(index: number): { value: number; label: string } | undefined {
    const own = this.column(index).column;
    for (let earlier = index - 1; earlier >= 0; earlier--) {
      const value = this.actualValue(earlier);
      if (value === undefined) continue;
      const { column, label } = this.column(earlier);
      // Only a period comes before another: "Tenants | Leaseholders" are two series, not two times.
      if (!own.period || !column.period || comparePeriods(column.period, own.period) >= 0) continue;
      // A year's count is no figure before a quarter's: 1,200 incidents in 2023/24 come before 290
      // in Q1 2024/25, but 290 is no fall from 1,200. A share or an average compares at any length.
      if (monthsIn(column.period) !== monthsIn(own.period) && !comparesAcrossLengths(this.indicator, this.unit(earlier))) continue;
      return { value, label: `the figure for ${label || `column ${letterOf(column.col)}`}` };
    }
    // Latest first ("Target | 2023/24 | 2022/23", Mansfield's housing performance; "Q1 2024-25 |
    // Q1 2023-24", Cheshire Fire): the earlier period stands to the right, not judged yet, so its
    // cell is read. The latest of the earlier periods of the same length is the one before.
    let before: { value: number; label: string; period: Period } | undefined;
    for (let later = index + 1; own.period && later < this.periods.columns.length; later++) {
      const { column, label } = this.column(later);
      if (!column.period || comparePeriods(column.period, own.period) >= 0 || monthsIn(column.period) !== monthsIn(own.period)) continue;
      if (before && comparePeriods(column.period, before.period) <= 0) continue;
      const value = figureIn(this.grid, this.row, column);
      if (value !== undefined)
        before = { value, label: `the figure for ${label || `column ${letterOf(column.col)}`}`, period: column.period };
    }
    if (before) return { value: before.value, label: before.label };
    const previousColumn = this.periods.previousColumn;
    if (!previousColumn) return undefined;
    const value = figureIn(this.grid, this.row, previousColumn);
    return value === undefined ? undefined : { value, label: `the "${previousColumn.header}" column` };
  }

  /** Words the reason of the period at `index`. */
  reason(index: number): string {
    return this.periods.wording.reason(this, index);
  }
}

/** One period of an indicator of a target table: its indicator's line, and its slot in the table's store. */
class PeriodVerdict extends KeptVerdict {
  constructor(
    private readonly line: IndicatorLine,
    private readonly slot: number,
  ) {
    super();
  }

  get status(): Status {
    return this.line.periods.status(this.slot);
  }
  get actualValue(): number | undefined {
    return this.line.periods.actualValue(this.slot);
  }
  get targetValue(): number | undefined {
    return this.line.periods.targetValue(this.slot);
  }
  get varianceValue(): number | undefined {
    return this.line.periods.varianceValue(this.slot);
  }
  get unit(): Unit | undefined {
    return this.line.periods.unit(this.slot);
  }
  /** The latest figure among the indicator's earlier periods. */
  get previousActual(): number | null {
    return this.line.figureBefore(this.index)?.value ?? null;
  }
  get period(): Period | undefined {
    return this.line.column(this.index).column.period;
  }
  get periodLabel(): string {
    return this.line.column(this.index).label;
  }
  /** As the cell shows it: the text every reading of an actual keeps. */
  get actualText(): string {
    return shownActualText(cellText(cellAt(this.line.grid, this.line.row, this.actualColumn)));
  }
  protected get actualColumn(): number {
    return this.line.column(this.index).column.col;
  }
  protected get place(): IndicatorPlace {
    return this.line;
  }
  protected get source(): ReasonSource {
    return this.line.periods.source(this.slot);
  }
  protected wordReason(): string {
    return this.line.reason(this.index);
  }
  private get index(): number {
    return this.slot - this.line.first;
  }
}

/** Period labels and column letters repeat for every indicator; each is worked out once. */
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

/**
 * The verdict's reason, worded without being kept with the verdict: for a reader that reads each
 * reason once and lets the verdict go. `kpi-tracker check` writes 600,000 of them at 50,000
 * indicators; kept, every one lived on until the next full garbage collection.
 */
export function reasonReadOnce(verdict: IndicatorVerdict): string {
  return verdict instanceof KeptVerdict ? verdict.wordReasonAfresh() : verdict.reason;
}
