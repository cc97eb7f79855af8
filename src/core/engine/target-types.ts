import { z } from 'zod';

export const UnitSchema = z.enum([
  'percent',
  'count',
  'money',
  'days',
  'working days',
  'hours',
  'minutes',
  'weeks',
  'score',
  'seconds',
  'months',
  'years',
]);
export type Unit = z.infer<typeof UnitSchema>;

export const RatePeriodSchema = z.enum(['week', 'month', 'quarter', 'half', 'year']);
export type RatePeriod = z.infer<typeof RatePeriodSchema>;

export const DirectionSchema = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof DirectionSchema>;

const CalendarDateSchema = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});

/**
 * What an officer's target says, as a type. `text` is always the target as written,
 * so a verdict can quote it back.
 */
export const TargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('threshold'),
    text: z.string(),
    value: z.number(),
    unit: UnitSchema,
    /** Set when the wording says which way ("at least", "no more than"). */
    direction: DirectionSchema.optional(),
    /** Where the direction came from when not the target's own words (a "Maximum target" heading). */
    directionFrom: z.string().optional(),
    /** "less than 14 days": 14 itself does not meet it. */
    strict: z.boolean().optional(),
    /** The unit was not written but worked out (from the description or the number format). */
    unitFrom: z.string().optional(),
  }),
  z.object({
    kind: z.literal('rate'),
    text: z.string(),
    value: z.number(),
    unit: UnitSchema,
    per: RatePeriodSchema,
    direction: DirectionSchema.optional(),
  }),
  z.object({
    kind: z.literal('relative'),
    text: z.string(),
    /** 5 for "5% above". */
    percent: z.number(),
    direction: z.enum(['above', 'below']),
    /** "2014" in "5% above 2014 baseline". */
    baselineLabel: z.string().optional(),
  }),
  z.object({ kind: z.literal('deadline'), text: z.string(), due: CalendarDateSchema }),
  z.object({ kind: z.literal('recurring'), text: z.string(), every: RatePeriodSchema }),
  z.object({ kind: z.literal('range'), text: z.string(), low: z.number(), high: z.number(), unit: UnitSchema }),
  /** "Maintain", "Reduce", "Increase": judged against the indicator's previous figure. */
  z.object({ kind: z.literal('change'), text: z.string(), aim: z.enum(['maintain', 'increase', 'reduce']) }),
  /** "Top quartile", "At or above national average": judged against a comparator's figure in the table. */
  z.object({
    kind: z.literal('benchmark'),
    text: z.string(),
    /** The comparator as written: "top quartile", "national average". */
    comparator: z.string(),
    /** "At or below the national average": lower. Otherwise at or above. */
    direction: DirectionSchema.optional(),
  }),
  z.object({
    kind: z.literal('none'),
    text: z.string(),
    why: z.string(),
    /** No row of the table has a target (a benchmarking table): No target, figure or not. */
    wholeTable: z.literal(true).optional(),
  }),
  /**
   * A standard written into the measure's own words ("We will carry out a Tenancy Support Visit
   * within one month…") in a table with no figures: the sheet's own Yes or No says if it was kept,
   * or its own rating ("Green", "Amber") how the target written beside it is going.
   */
  z.object({
    kind: z.literal('answered'),
    text: z.string(),
    answer: z.string(),
    rated: z.enum(['met', 'near', 'missed']),
  }),
  /** "Annual Indicator": reported once a year, so not due in a quarter. */
  z.object({ kind: z.literal('not-due'), text: z.string(), why: z.string() }),
  z.object({ kind: z.literal('unreadable'), text: z.string(), why: z.string() }),
]);
export type Target = z.infer<typeof TargetSchema>;

/** What an actual cell says, as a type. */
export const ActualSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('number'),
    text: z.string(),
    value: z.number(),
    /** percent when written with % or formatted as a percentage; otherwise left to the target. */
    unit: UnitSchema.optional(),
    /** The number was a fraction formatted as a percentage (0.902 shown as 90.2%), already scaled. */
    fromPercentFormat: z.boolean().optional(),
    /** Footnote marker such as `*`. */
    marker: z.string().optional(),
    /** A variance written beside the figure, e.g. `+38%`. */
    statedVariance: z.number().optional(),
    /** Words after the figure ("delivered"). */
    note: z.string().optional(),
    /** A second figure in brackets: "41 (63%)" — the share of which 41 is the count. */
    alternative: z.object({ value: z.number(), unit: UnitSchema.optional() }).optional(),
    /** "p", "(r)", "provisional": the figure is not final. */
    provisional: z.string().optional(),
    /** The figure was stated in a sentence ("Performance at 99.31% is slightly short of…") and read from it. */
    fromSentence: z.literal(true).optional(),
  }),
  z.object({
    kind: z.literal('rate'),
    text: z.string(),
    value: z.number(),
    per: RatePeriodSchema,
    marker: z.string().optional(),
    statedVariance: z.number().optional(),
  }),
  /** Only a variance was written (`** -75%`). */
  z.object({ kind: z.literal('variance-only'), text: z.string(), statedVariance: z.number(), marker: z.string().optional() }),
  z.object({ kind: z.literal('achieved'), text: z.string(), note: z.string().optional() }),
  z.object({ kind: z.literal('not-achieved'), text: z.string() }),
  z.object({ kind: z.literal('in-progress'), text: z.string() }),
  z.object({ kind: z.literal('none-undertaken'), text: z.string(), marker: z.string().optional() }),
  z.object({ kind: z.literal('date'), text: z.string(), date: CalendarDateSchema }),
  // `nowhere`: the table has no column for a result at all (a list of targets), so nothing can be overdue either.
  z.object({ kind: z.literal('no-data'), text: z.string(), why: z.string(), nowhere: z.literal(true).optional() }),
  /** Not reported this period by design: "Annual Indicator", "Measured twice per year". */
  z.object({ kind: z.literal('not-due'), text: z.string(), why: z.string() }),
  z.object({ kind: z.literal('unreadable'), text: z.string(), why: z.string() }),
]);
export type Actual = z.infer<typeof ActualSchema>;

export const STATUSES = ['met', 'near', 'missed', 'not-due', 'overdue', 'no-data', 'no-target', 'unreadable'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Default labels; a workbook's own labels replace them when it has some. */
export const STATUS_WORDS: Record<Status, string> = {
  met: 'Met',
  near: 'Near miss',
  missed: 'Not met',
  'not-due': 'Not due yet',
  overdue: 'Overdue',
  'no-data': 'No data',
  'no-target': 'No target',
  unreadable: "Can't read",
};

export const PolaritySchema = z.enum(['higher', 'lower', 'none']);
export type Polarity = z.infer<typeof PolaritySchema>;

/**
 * Whether a change target says which way is better: "Reduce" and "Increase" do; "Maintain" does
 * not, nor do "Improve" and "Better than 2023/24", which lower a time taken and raise a share
 * collected.
 */
export function aimSaysWhichWay(target: Extract<Target, { kind: 'change' }>): boolean {
  return target.aim !== 'maintain' && !/^\s*(improve|better than|beat)\b/i.test(target.text);
}

/** The way a "Maintain or reduce" target also allows ("reduce"), lower-cased; undefined for any other. */
export function maintainOrWay(target: Extract<Target, { kind: 'change' }>): string | undefined {
  return target.aim === 'maintain' ? /\bor (reduce|decrease|lower|increase|raise)\b/i.exec(target.text)?.[1]?.toLowerCase() : undefined;
}
