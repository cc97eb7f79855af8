import { compareDates, formatDateGB, type CalendarDate } from '../model/serial-dates';
import { monthsIn, periodDates, periodLabel, type Period } from '../periods/period';
import { formatFigure, formatGap } from './format-figure';
import type { PolarityDecision } from './polarity';
import { aimSaysWhichWay, maintainOrWay, type Actual, type RatePeriod, type Status, type Target, type Unit } from './target-types';
import { DEFAULT_TOLERANCE, type Tolerance } from './tolerance';
import { formatVariance, varianceValue } from './variance';
import { convertTime, isTimeUnit } from './time-units';
import { shortText } from '../model/short-text';

export interface JudgeContext {
  readonly polarity: PolarityDecision;
  /** The period the actual stands for; rates are scaled to it. */
  readonly period?: Period;
  readonly today: CalendarDate;
  readonly tolerance?: Tolerance;
  /** The indicator's baseline, for relative targets. */
  readonly baseline?: Actual;
  /** What the baseline is where the target names it ("the 2023/24 figure"); "the baseline" otherwise. */
  readonly baselineLabel?: string;
  /** The same period last year, for the "improving" tolerance rule. */
  readonly lastYear?: number;
  /** Projected year-end figure, for the "on course" tolerance rule. */
  readonly projectedYearEnd?: number;
  /** The annual target the projection is held to (the period's own target when absent). */
  readonly annualTarget?: number;
  /** The indicator's figure before this one (the period before, or a "Previous value" column), for "Maintain" and "Reduce". */
  readonly previous?: { readonly value: number; readonly label: string };
  /** A comparator's figure on the indicator's row ("National average"), for "Top quartile" and "At or above national average". */
  readonly benchmark?: { readonly value: number; readonly label: string };
  /**
   * The table's own status column rates only met or not met (happy or sad faces, ticks and
   * crosses, "Target met?"): there is no near-miss band.
   */
  readonly metOrNotMet?: boolean;
}

export interface Verdict {
  readonly status: Status;
  /** Plain sentences: how the figures were read, which way is better, how they compare. */
  readonly reason: string;
  /** In the seeds' convention (`+38%`), or null where there is nothing to compare. */
  readonly variance: string | null;
  readonly varianceValue?: number;
  /** The figures compared, after reading units and scaling rates. */
  readonly actualValue?: number;
  readonly targetValue?: number;
  readonly unit?: Unit;
}

/**
 * A verdict before its reason is worded. A run judges every period of every indicator, but only a
 * few reasons are ever read (a card in the task pane, `kpi-tracker check`), so `explain` writes the
 * sentences when asked rather than for all of them.
 */
export interface Judgement {
  readonly status: Status;
  readonly explain: () => string;
  readonly varianceValue: number | undefined;
  readonly actualValue: number | undefined;
  readonly targetValue: number | undefined;
  readonly unit: Unit | undefined;
}

const MONTHS_PER: Record<RatePeriod, number> = { week: 12 / 52, month: 1, quarter: 3, half: 6, year: 12 };
const PER_WORD: Record<RatePeriod, string> = { week: 'week', month: 'month', quarter: 'quarter', half: 'half year', year: 'year' };

function epsilon(target: number): number {
  return 1e-9 * Math.max(1, Math.abs(target));
}

/** Joins clauses into sentences, each with a capital and a full stop. */
function sentence(...parts: Array<string | undefined | false>): string {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const last = trimmed.charCodeAt(trimmed.length - 1);
    const ended = last === 46 || last === 33 || last === 63; // . ! ?
    out += `${out ? ' ' : ''}${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${ended ? '' : '.'}`;
  }
  return out;
}

/** A judgement with no figures to show: every field present, so all judgements share one shape. */
function worded(status: Status, explain: () => string, targetValue?: number, unit?: Unit): Judgement {
  return { status, explain, varianceValue: undefined, actualValue: undefined, targetValue, unit };
}

function periodEnded(period: Period | undefined, today: CalendarDate): boolean | undefined {
  const dates = period ? periodDates(period) : undefined;
  return dates ? compareDates(today, dates.end) > 0 : undefined;
}

/** A figure read from the actual, with the unit settled against the target. */
interface ReadFigure {
  value: number;
  unit: Unit | undefined;
  /** How the figure was read, where that needs saying; worded only with the reason. */
  note?: () => string;
}

function targetUnit(target: Target): Unit | undefined {
  return target.kind === 'threshold' || target.kind === 'rate' || target.kind === 'range' ? target.unit : undefined;
}

function readFigure(actual: Actual, target: Target, targetValue: number | undefined): ReadFigure | { problem: string } {
  const unit = targetUnit(target);
  if (actual.kind === 'rate') {
    if (target.kind === 'rate' && actual.per !== target.per) {
      const value = (actual.value * MONTHS_PER[target.per]) / MONTHS_PER[actual.per];
      return {
        value,
        unit: target.unit,
        note: () => `${actual.value} per ${PER_WORD[actual.per]} is ${formatFigure(value, target.unit)} per ${PER_WORD[target.per]}`,
      };
    }
    return { value: actual.value, unit };
  }
  if (actual.kind === 'variance-only') {
    if (targetValue === undefined)
      return { problem: `only a variance (${formatVariance(actual.statedVariance)}) is written, and there is no figure to apply it to` };
    const value = unit === 'percent' ? targetValue + actual.statedVariance : targetValue * (1 + actual.statedVariance / 100);
    return {
      value,
      unit,
      note: () =>
        `no figure is written, only the variance ${formatVariance(actual.statedVariance)}; against ${formatFigure(targetValue, unit)} that is ${formatFigure(value, unit)}`,
    };
  }
  if (actual.kind !== 'number') return { problem: 'it is not a figure' };
  const flagged = withProvisionalNote(actual, readNumberFigure(actual, target, unit, targetValue));
  return flagged;
}

/**
 * Says in the reason that a figure is provisional or revised ("58.5% p", "1,234 (r)"), or was read
 * from a sentence ("Performance at 99.31% is slightly short of…").
 */
function withProvisionalNote(
  actual: Extract<Actual, { kind: 'number' }>,
  read: ReadFigure | { problem: string },
): ReadFigure | { problem: string } {
  if ((!actual.provisional && !actual.fromSentence) || 'problem' in read) return read;
  const own = read.note;
  return {
    ...read,
    note: () =>
      [
        actual.fromSentence ? `the figure is read from the words "${shortText(actual.text.trim(), 60)}"` : undefined,
        own?.(),
        actual.provisional ? `${actual.text.trim()} is marked ${actual.provisional}` : undefined,
      ]
        .filter(Boolean)
        .join('; '),
  };
}

function readNumberFigure(
  actual: Extract<Actual, { kind: 'number' }>,
  target: Target,
  unit: Unit | undefined,
  targetValue: number | undefined,
): ReadFigure | { problem: string } {
  // "41 (63%)" against a percentage: the share in brackets is the figure to judge.
  if (unit === 'percent' && actual.unit !== 'percent' && actual.alternative?.unit === 'percent') {
    const value = actual.alternative.value;
    return {
      value,
      unit,
      note: () => `read ${formatFigure(value, 'percent')} from "${actual.text.trim()}" because the target is a percentage`,
    };
  }
  // "37 days" against "6 weeks": lengths of time are put in the target's unit.
  if (unit && actual.unit && actual.unit !== unit && isTimeUnit(unit) && isTimeUnit(actual.unit)) {
    const value = convertTime(actual.value, actual.unit, unit);
    if (value === undefined)
      return { problem: `the actual is in ${actual.unit} and the target in ${unit}, which can't be compared without dates` };
    const shown = Math.round(value * 10) / 10;
    return { value, unit, note: () => `${formatFigure(actual.value, actual.unit)} is ${formatFigure(shown, unit)}` };
  }
  if (unit === 'percent') {
    if (actual.unit === 'percent') return { value: actual.value, unit };
    if (actual.unit && actual.unit !== 'count') return { problem: `the actual is in ${actual.unit} but the target is a percentage` };
    // 0.9 against 92% is a fraction (90%); 1 against 2% is 1%. Take whichever reading is nearer the target.
    const asFraction = actual.value * 100;
    if (
      actual.value > 0 &&
      actual.value < 1 &&
      targetValue !== undefined &&
      targetValue > 1 &&
      Math.abs(asFraction - targetValue) < Math.abs(actual.value - targetValue)
    ) {
      const value = Math.round(actual.value * 100 * 1e9) / 1e9;
      return {
        value,
        unit,
        note: () => `read ${actual.text} as ${formatFigure(value, 'percent')} (a fraction) because the target is a percentage`,
      };
    }
    return {
      value: actual.value,
      unit,
      note: () => `read ${actual.text} as ${formatFigure(actual.value, 'percent')} because the target is a percentage`,
    };
  }
  if (actual.unit === 'percent' && unit === 'count' && target.kind === 'threshold' && /^\s*[\d.,]+\s*$/.test(target.text)) {
    // A bare "90" beside figures written as percentages is 90%, as "83" against "92%" is 83%.
    return {
      value: actual.value,
      unit: 'percent',
      note: () => `read the target ${target.text.trim()} as ${formatFigure(target.value, 'percent')} because the actual is a percentage`,
    };
  }
  if (actual.unit === 'percent' && unit) {
    return { problem: `the actual is a percentage (${actual.text}) but the target is ${unit === 'count' ? 'a number' : `in ${unit}`}` };
  }
  return { value: actual.value, unit: unit ?? actual.unit };
}

/** The figure the target stands for in the judged period. */
function targetFigure(target: Target, ctx: JudgeContext): ReadFigure | { problem: string } | undefined {
  switch (target.kind) {
    case 'threshold':
      return { value: target.value, unit: target.unit };
    case 'rate': {
      const period = ctx.period;
      if (!period)
        return {
          value: target.value,
          unit: target.unit,
          note: () => `the period is not known, so the target is taken as ${target.value} for one ${PER_WORD[target.per]}`,
        };
      const months = monthsIn(period);
      const value = (target.value * months) / MONTHS_PER[target.per];
      if (Math.abs(months - MONTHS_PER[target.per]) < 1e-9) return { value, unit: target.unit };
      return {
        value,
        unit: target.unit,
        note: () => `${target.text.trim()} is ${formatFigure(Math.round(value * 100) / 100, target.unit)} for ${periodLabel(period)}`,
      };
    }
    case 'relative': {
      const base = ctx.baseline;
      if (!base || base.kind !== 'number')
        return { problem: `the target is ${target.percent}% ${target.direction} a baseline, but no baseline figure was found` };
      const factor = target.direction === 'above' ? 1 + target.percent / 100 : 1 - target.percent / 100;
      const value = Math.round(base.value * factor * 100) / 100;
      return {
        value,
        unit: base.unit,
        note: () =>
          `${target.percent}% ${target.direction} ${ctx.baselineLabel ?? 'the baseline'} of ${formatFigure(base.value, base.unit)} is ${formatFigure(value, base.unit)}`,
      };
    }
    default:
      return undefined;
  }
}

/** Which rule settled a comparison of two figures; the words follow from it. */
type Comparison = 'not-rated' | 'met' | 'within-tolerance' | 'improving' | 'on-course' | 'outside-tolerance';

const COMPARISON_STATUS: Record<Comparison, Status> = {
  'not-rated': 'no-target',
  met: 'met',
  'within-tolerance': 'near',
  improving: 'near',
  'on-course': 'near',
  'outside-tolerance': 'missed',
};

function toleranceBand(tolerance: Tolerance, target: number, unit: Unit | undefined): number {
  return tolerance.rule === 'points' && unit === 'percent' ? tolerance.points : (tolerance.percent / 100) * Math.abs(target);
}

function compareNumbers(actual: number, target: number, unit: Unit | undefined, ctx: JudgeContext, strict: boolean): Comparison {
  const polarity = ctx.polarity.polarity;
  if (polarity === 'none') return 'not-rated';
  const tolerance = ctx.tolerance ?? DEFAULT_TOLERANCE;
  const better = polarity === 'higher' ? actual - target : target - actual;
  const eps = epsilon(target);
  if (better > eps || (!strict && better >= -eps)) return 'met';
  const shortfall = Math.max(0, -better);
  if (ctx.metOrNotMet) return 'outside-tolerance';
  if (shortfall <= toleranceBand(tolerance, target, unit) + eps) return 'within-tolerance';
  if (tolerance.rule === 'improving' && ctx.lastYear !== undefined) {
    const improved = polarity === 'higher' ? actual > ctx.lastYear + eps : actual < ctx.lastYear - eps;
    if (improved) return 'improving';
  }
  if (tolerance.rule === 'on-course' && ctx.projectedYearEnd !== undefined) {
    const goal = ctx.annualTarget ?? target;
    const onCourse = polarity === 'higher' ? ctx.projectedYearEnd >= goal - epsilon(goal) : ctx.projectedYearEnd <= goal + epsilon(goal);
    if (onCourse) return 'on-course';
  }
  return 'outside-tolerance';
}

/** The words for a comparison settled by `compareNumbers`. */
function comparisonWords(comparison: Comparison, actual: number, target: number, unit: Unit | undefined, ctx: JudgeContext): string {
  const tolerance = ctx.tolerance ?? DEFAULT_TOLERANCE;
  const a = formatFigure(actual, unit);
  const t = formatFigure(target, unit);
  if (comparison === 'not-rated') return `${a} against ${t}; this indicator is reported with its trend, not rated`;
  const eps = epsilon(target);
  if (comparison === 'met') {
    const gap = Math.abs(actual - target);
    return gap <= eps
      ? `${a} meets the target of ${t}: met`
      : `${a} is ${formatGap(gap, unit)} ${actual > target ? 'above' : 'below'} the target of ${t}: met`;
  }
  const better = ctx.polarity.polarity === 'higher' ? actual - target : target - actual;
  const shortfall = Math.max(0, -better);
  const band = toleranceBand(tolerance, target, unit);
  const side = actual > target ? 'above' : actual < target ? 'below' : 'at';
  const offBy =
    side === 'at' ? `${a} equals ${t}, and the target must be passed` : `${a} is ${formatGap(shortfall, unit)} ${side} the target of ${t}`;
  const bandWords =
    tolerance.rule === 'points' && unit === 'percent'
      ? `${tolerance.points} ${tolerance.points === 1 ? 'point' : 'points'}`
      : `${Number(tolerance.percent.toFixed(1))}% (${formatGap(Math.round(band * 1000) / 1000, unit)})`;
  switch (comparison) {
    case 'within-tolerance':
      return `${offBy}, inside the ${bandWords} tolerance: near miss`;
    case 'improving':
      return `${offBy}, but better than the same period last year (${formatFigure(ctx.lastYear!, unit)}): near miss`;
    case 'on-course':
      return `${offBy}, but on course to meet the target by the year end (projected ${formatFigure(ctx.projectedYearEnd!, unit)}): near miss`;
    default:
      return ctx.metOrNotMet
        ? `${offBy}: not met (the table's own status column rates only met or not met, so there is no near miss)`
        : `${offBy}, outside the ${bandWords} tolerance: not met`;
  }
}

/**
 * Judges one actual against one target. Every verdict carries its reason in words;
 * nothing here throws for anything an officer could type.
 */
export function judge(actual: Actual, target: Target, ctx: JudgeContext): Verdict {
  const judged = assess(actual, target, ctx);
  return {
    status: judged.status,
    reason: judged.explain(),
    variance: formatVariance(judged.varianceValue),
    varianceValue: judged.varianceValue,
    actualValue: judged.actualValue,
    targetValue: judged.targetValue,
    unit: judged.unit,
  };
}

/** `judge` with the reason left unworded until `explain` is called. */
export function assess(actual: Actual, target: Target, ctx: JudgeContext): Judgement {
  // Not reported this period by design ("Annual Indicator"): not due, whatever the target.
  if (actual.kind === 'not-due') return worded('not-due', () => sentence(`not due this period: ${actual.why}`));
  if (target.kind === 'not-due' && (actual.kind === 'no-data' || actual.kind === 'in-progress'))
    return worded('not-due', () => sentence(`not due this period: ${target.why}`));
  if (target.kind === 'not-due')
    return worded('no-target', () =>
      sentence(`no target to judge against: ${target.why}; the figure is ${actual.text.trim()}, reported for information`),
    );
  // A table of the sheet's own answers or ratings and no figures: that is the reading, and says so.
  if (target.kind === 'answered') {
    const said = target.rated === 'met' ? 'met' : target.rated === 'near' ? 'a near miss' : 'not met';
    const what = /^(yes|no|y|n)$/i.test(target.answer.trim()) ? 'answer' : 'rating';
    return worded(target.rated, () =>
      sentence(`the sheet's own ${what} is "${shortQuote(target.answer)}", with no figure in the table to check it against: ${said}`),
    );
  }
  // No figure at all: no data for the period, even where the target is missing or unreadable (said too).
  // A broken target cell (#REF!) stays "Can't read": it is a fault to mend, figure or not.
  // A table that sets no targets at all (a benchmarking table) leaves its rows No target, figure or not.
  const noTarget = target.kind === 'none' && !target.wholeTable;
  if (actual.kind === 'no-data' && (noTarget || (target.kind === 'unreadable' && !target.text.trim().startsWith('#')))) {
    return worded('no-data', () =>
      sentence(
        `no data: ${actual.why}`,
        target.kind === 'none' ? `there is no target either (${target.why})` : `the target can't be read either: ${target.why}`,
      ),
    );
  }
  if (target.kind === 'unreadable') return worded('unreadable', () => sentence(`can't read the target: ${target.why}`));
  // With no target there is nothing to rate: what the cell says ("Fair", "Good") is reported as it is.
  if (actual.kind === 'unreadable' && target.kind !== 'none')
    return worded('unreadable', () => sentence(`can't read the actual: ${actual.why}`));
  if (target.kind === 'none') {
    const reported = worded('no-target', () =>
      sentence(
        `no target: ${target.why}`,
        `${actual.kind === 'no-data' ? `no figure either (${actual.why})` : `the actual is ${actual.text.trim()}`}; reported for information`,
      ),
    );
    // The figure is kept though nothing judges it: the next period's direction of travel, and a
    // "Reduce" after last year's outturn, are read from it.
    return actual.kind === 'number' ? { ...reported, actualValue: actual.value, unit: actual.unit } : reported;
  }

  if (target.kind === 'deadline') return judgeMilestone(actual, target.due, target.text, ctx);
  if (target.kind === 'recurring') return judgeRecurring(actual, target.every, ctx);

  // A period without a figure still knows its target, so reports can print it with its unit.
  const knownValue = target.kind === 'threshold' ? target.value : undefined;
  const knownUnit = target.kind === 'threshold' ? target.unit : undefined;
  switch (actual.kind) {
    case 'no-data':
      return worded('no-data', () => sentence(`no data: ${actual.why}`), knownValue, knownUnit);
    case 'none-undertaken':
      return worded(
        'no-data',
        () =>
          sentence(`none undertaken in the period ("${actual.text.trim()}"), so there is nothing to measure against ${target.text.trim()}`),
        knownValue,
        knownUnit,
      );
    case 'in-progress':
      return worded(
        'no-data',
        () => sentence(`recorded as "${actual.text.trim()}", with no figure yet to compare with ${target.text.trim()}`),
        knownValue,
        knownUnit,
      );
    case 'achieved':
      return worded('met', () => sentence(`recorded as "${shortQuote(actual.text)}" against ${target.text.trim()}: met`));
    case 'not-achieved':
      return worded('missed', () => sentence(`recorded as "${actual.text.trim()}" against ${target.text.trim()}: not met`));
    case 'date':
      return worded('unreadable', () =>
        sentence(
          `can't compare: the actual is a date (${formatDateGB(actual.date)}) but the target ${target.text.trim()} is not a deadline`,
        ),
      );
    default:
      break;
  }

  if (target.kind === 'range') {
    const figure = readFigure(actual, target, (target.low + target.high) / 2);
    if ('problem' in figure) return worded('unreadable', () => sentence(`can't compare: ${figure.problem}`));
    return judgeRange(figure, target, ctx);
  }

  if (target.kind === 'change' || target.kind === 'benchmark') return judgeAgainstOtherFigure(actual, target, ctx);

  // A rate actual ("22 per quarter") is compared per the target's own period, not scaled to the column's.
  const goal: ReadFigure | { problem: string } | undefined =
    actual.kind === 'rate' && target.kind === 'rate' ? { value: target.value, unit: target.unit } : targetFigure(target, ctx);
  if (!goal) return worded('unreadable', () => sentence(`can't compare with the target ${target.text}`));
  if ('problem' in goal) return worded('unreadable', () => sentence(`can't compare: ${goal.problem}`));
  const figure = readFigure(actual, target, goal.value);
  if ('problem' in figure) return worded('unreadable', () => sentence(`can't compare: ${figure.problem}`));

  // A bare target read as a percentage beside a percentage actual is shown as one.
  const unit = figure.unit === 'percent' && goal.unit === 'count' ? 'percent' : (goal.unit ?? figure.unit);
  const strict = target.kind === 'threshold' && target.strict === true;
  const comparison = compareNumbers(figure.value, goal.value, unit, ctx, strict);
  const variance = actual.kind === 'variance-only' ? actual.statedVariance : varianceValue(figure.value, goal.value, unit);
  const stated = 'statedVariance' in actual && actual.kind !== 'variance-only' ? actual.statedVariance : undefined;
  return {
    status: COMPARISON_STATUS[comparison],
    explain: () =>
      sentence(
        figure.note?.(),
        goal.note?.(),
        ctx.polarity.reason,
        comparisonWords(comparison, figure.value, goal.value, unit, ctx),
        stated !== undefined && variance !== undefined && Math.abs(Math.round(variance) - stated) > 1
          ? `the sheet says ${formatVariance(stated)} but the figures give ${formatVariance(variance)}`
          : undefined,
      ),
    varianceValue: variance,
    actualValue: figure.value,
    targetValue: goal.value,
    unit,
  };
}

function judgeRange(figure: ReadFigure, target: Extract<Target, { kind: 'range' }>, ctx: JudgeContext): Judgement {
  const { value } = figure;
  const unit = target.unit;
  const eps = epsilon(target.high);
  const tolerance = ctx.tolerance ?? DEFAULT_TOLERANCE;
  const range = (): string => `${formatFigure(target.low, unit)} to ${formatFigure(target.high, unit)}`;
  if (value >= target.low - eps && value <= target.high + eps) {
    return {
      status: 'met',
      explain: () => sentence(figure.note?.(), `${formatFigure(value, unit)} is inside the range ${range()}: met`),
      varianceValue: undefined,
      actualValue: value,
      targetValue: undefined,
      unit,
    };
  }
  const edge = value < target.low ? target.low : target.high;
  const gap = Math.abs(value - edge);
  const status: Status = gap <= toleranceBand(tolerance, edge, unit) + eps ? 'near' : 'missed';
  return {
    status,
    explain: () =>
      sentence(
        figure.note?.(),
        `${formatFigure(value, unit)} is ${formatGap(gap, unit)} ${value < target.low ? 'below' : 'above'} the range ${range()}: ${status === 'near' ? 'near miss' : 'not met'}`,
      ),
    varianceValue: undefined,
    actualValue: value,
    targetValue: undefined,
    unit,
  };
}

function shortQuote(text: string): string {
  return shortText(text, 50);
}

function judgeMilestone(actual: Actual, due: CalendarDate, targetText: string, ctx: JudgeContext): Judgement {
  const dueWords = (): string => {
    const written = targetText.trim();
    return `due by ${formatDateGB(due)}${written && !/\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(written) ? ` (${written})` : ''}`;
  };
  const passed = compareDates(ctx.today, due) > 0;
  const today = (): string => formatDateGB(ctx.today);
  // A list of targets has nowhere to record that the work was done: not overdue, only no data.
  if (actual.kind === 'no-data' && actual.nowhere) return worded('no-data', () => sentence(`no data: ${actual.why}; ${dueWords()}`));
  switch (actual.kind) {
    case 'achieved':
      return worded('met', () => sentence(`recorded as "${shortQuote(actual.text)}"; ${dueWords()}: met`));
    case 'date': {
      const late = compareDates(actual.date, due) > 0;
      return worded(late ? 'missed' : 'met', () =>
        sentence(`completed on ${formatDateGB(actual.date)}, ${dueWords()}: ${late ? 'completed late, not met' : 'met'}`),
      );
    }
    case 'not-achieved':
      return worded(passed ? 'overdue' : 'not-due', () =>
        sentence(
          `recorded as "${actual.text.trim()}"; ${dueWords()}`,
          passed ? `overdue as at ${today()}` : `not due yet as at ${today()}`,
        ),
      );
    case 'in-progress':
    case 'no-data':
    case 'none-undertaken':
      if (passed)
        return worded('overdue', () =>
          sentence(
            `${actual.kind === 'no-data' ? 'not recorded as complete' : `recorded as "${actual.text.trim()}"`}; ${dueWords()}, and it is now ${today()}: overdue`,
          ),
        );
      return worded('not-due', () =>
        sentence(
          `${actual.kind === 'no-data' ? 'nothing recorded yet' : `recorded as "${actual.text.trim()}"`}; ${dueWords()}: in progress, not due yet`,
        ),
      );
    default:
      return worded('unreadable', () => sentence(`can't read "${actual.text.trim()}" as done or not done for a milestone ${dueWords()}`));
  }
}

function judgeRecurring(actual: Actual, every: RatePeriod, ctx: JudgeContext): Judgement {
  const what = (): string =>
    `the target is to do it ${every === 'year' ? 'yearly' : every === 'half' ? 'every six months' : `every ${PER_WORD[every]}`}`;
  switch (actual.kind) {
    case 'achieved':
      return worded('met', () => sentence(`${what()}; recorded as "${shortQuote(actual.text)}": met`));
    case 'date':
      return worded('met', () => sentence(`${what()}; done on ${formatDateGB(actual.date)}: met`));
    case 'number':
    case 'rate':
      return actual.value >= 1
        ? worded('met', () => sentence(`${what()}; done ${actual.value} time${actual.value === 1 ? '' : 's'}: met`))
        : worded('missed', () => sentence(`${what()}; not done in the period: not met`));
    case 'not-achieved':
    case 'none-undertaken':
      return worded('missed', () => sentence(`${what()}; recorded as "${actual.text.trim()}": not met`));
    case 'in-progress':
    case 'no-data':
      if (periodEnded(ctx.period, ctx.today))
        return worded('overdue', () =>
          sentence(
            `${what()}; ${actual.kind === 'no-data' ? 'not recorded as done' : `recorded as "${actual.text.trim()}"`} and the period has ended: overdue`,
          ),
        );
      return worded(actual.kind === 'no-data' ? 'no-data' : 'not-due', () =>
        sentence(`${what()}; ${actual.kind === 'no-data' ? 'nothing recorded yet' : `recorded as "${actual.text.trim()}"`}`),
      );
    default:
      return worded('unreadable', () => sentence(`can't read "${actual.text.trim()}" against a recurring target`));
  }
}

/** What a change target asks, in words: "reduce", "maintain or reduce", "improve". */
function aimWords(target: Extract<Target, { kind: 'change' }>): string {
  if (aimSaysWhichWay(target)) return target.aim;
  if (target.aim !== 'maintain') return 'improve';
  const orWay = maintainOrWay(target);
  return orWay ? `maintain or ${orWay}` : 'maintain';
}

/**
 * "Maintain", "Reduce", "Increase" against the indicator's previous figure; "Top quartile",
 * "At or above national average" against the comparator's figure on its row. Without that figure
 * there is nothing to judge against, and the reason says which figure is missing.
 */
function judgeAgainstOtherFigure(actual: Actual, target: Extract<Target, { kind: 'change' | 'benchmark' }>, ctx: JudgeContext): Judgement {
  const against = target.kind === 'change' ? ctx.previous : ctx.benchmark;
  const what =
    target.kind === 'change'
      ? `to ${aimWords(target)} it`
      : `to be ${(target.direction ?? ctx.polarity.polarity) === 'lower' ? 'at or below' : 'at or above'} the ${target.comparator}`;
  if (!against) {
    const missing = target.kind === 'change' ? 'no earlier figure' : `no ${target.comparator} figure`;
    const unjudged = worded('no-data', () =>
      sentence(`the target is ${what} ("${target.text.trim()}"), and the sheet gives ${missing} to compare with`),
    );
    // The figure is kept though nothing judges it: it is the earlier figure the next period's
    // "Reduce" is held against. Without it, no period of a "Reduce" row was ever judged.
    return actual.kind === 'number' ? { ...unjudged, actualValue: actual.value, unit: actual.unit } : unjudged;
  }
  // The earlier figure is the indicator's own, in the same unit: 96% against last year's 97%.
  const sameUnit = actual.kind === 'number' && actual.unit ? actual.unit : 'count';
  const figure = readFigure(actual, { kind: 'threshold', text: target.text, value: against.value, unit: sameUnit }, against.value);
  if ('problem' in figure) return worded('unreadable', () => sentence(`can't compare: ${figure.problem}`));
  const polarity: PolarityDecision =
    target.kind === 'change' && aimSaysWhichWay(target)
      ? {
          polarity: target.aim === 'reduce' ? 'lower' : 'higher',
          source: 'target wording',
          assumed: false,
          reason: `${target.aim === 'reduce' ? 'lower' : 'higher'} is better (the target says "${target.text.trim()}")`,
        }
      : target.kind === 'benchmark' && target.direction
        ? {
            polarity: target.direction,
            source: 'target wording',
            assumed: false,
            reason: `${target.direction} is better (the target says "${target.text.trim()}")`,
          }
        : ctx.polarity;
  const judgedCtx: JudgeContext = { ...ctx, polarity };
  const unit = figure.unit;
  // "Reduce" and "Increase" ask for a change, which happened or did not: no tolerance band.
  const strict = target.kind === 'change' && target.aim !== 'maintain';
  const comparison = strict
    ? polarity.polarity === 'lower'
      ? figure.value < against.value - epsilon(against.value)
        ? 'met'
        : 'outside-tolerance'
      : figure.value > against.value + epsilon(against.value)
        ? 'met'
        : 'outside-tolerance'
    : compareNumbers(figure.value, against.value, unit, judgedCtx, false);
  return {
    status: COMPARISON_STATUS[comparison],
    explain: () =>
      sentence(
        figure.note?.(),
        `the target is ${what}; the figure to compare with is ${against.label}, ${formatFigure(against.value, unit)}`,
        polarity.reason,
        strict
          ? `${formatFigure(figure.value, unit)} against ${formatFigure(against.value, unit)}: ${comparison === 'met' ? `${polarity.polarity === 'lower' ? 'reduced' : 'increased'}, met` : 'no change in the wanted direction, not met'}`
          : comparisonWords(comparison, figure.value, against.value, unit, judgedCtx),
      ),
    varianceValue: varianceValue(figure.value, against.value, unit),
    actualValue: figure.value,
    targetValue: against.value,
    unit,
  };
}
