import { dateFromSerial, type CalendarDate } from '../model/serial-dates';
import { judge } from './judge';
import { parseActualText } from './parse-actual';
import { parseTargetText } from './parse-target';
import { decidePolarity, parsePolarityText } from './polarity';
import { STATUS_WORDS, type Actual, type Target } from './target-types';
import { DEFAULT_TOLERANCE, type Tolerance } from './tolerance';
import { parseRegion, workingDaysBetween } from './working-days';

/** A value as a custom function receives it from a cell. */
export type FormulaValue = number | string | boolean | null | undefined;

function actualFrom(value: FormulaValue): Actual {
  if (typeof value === 'number') return { kind: 'number', text: String(value), value };
  if (typeof value === 'boolean') return value ? { kind: 'achieved', text: 'TRUE' } : { kind: 'not-achieved', text: 'FALSE' };
  return parseActualText(value ?? '');
}

function targetFrom(value: FormulaValue): Target {
  if (typeof value === 'number') return { kind: 'threshold', text: String(value), value, unit: 'count' };
  if (typeof value === 'boolean') return { kind: 'unreadable', text: String(value), why: 'the target is TRUE or FALSE, not a figure' };
  return parseTargetText(value ?? '');
}

function toleranceFrom(value: FormulaValue): Tolerance {
  if (value === null || value === undefined || value === '') return DEFAULT_TOLERANCE;
  const percent = typeof value === 'number' ? (value <= 1 ? value * 100 : value) : Number(String(value).replace('%', '').trim());
  return Number.isFinite(percent) && percent >= 0 && percent <= 100 ? { rule: 'relative', percent } : DEFAULT_TOLERANCE;
}

/** =KPI.STATUS(actual, target, [polarity], [tolerance]) → "Met", "Near miss", "Not met", … */
export function statusFormula(
  /** The day a deadline is judged against: the host's clock, read outside the core. */
  today: CalendarDate,
  actual: FormulaValue,
  target: FormulaValue,
  polarity?: FormulaValue,
  tolerance?: FormulaValue,
): string {
  const parsedTarget = targetFrom(target);
  const column = typeof polarity === 'string' && parsePolarityText(polarity) ? polarity : undefined;
  const decision = decidePolarity({ ...(column ? { column } : {}), description: '', target: parsedTarget });
  const verdict = judge(actualFrom(actual), parsedTarget, { polarity: decision, today, tolerance: toleranceFrom(tolerance) });
  return STATUS_WORDS[verdict.status];
}

/** =KPI.VARIANCE(actual, target) → "+38%", or "" where there is nothing to compare. */
export function varianceFormula(today: CalendarDate, actual: FormulaValue, target: FormulaValue): string {
  const parsedTarget = targetFrom(target);
  const decision = decidePolarity({ description: '', target: parsedTarget });
  return judge(actualFrom(actual), parsedTarget, { polarity: decision, today }).variance ?? '';
}

/** =KPI.WORKDAYS(start, end, [region]): working days after start up to end, skipping bank holidays. */
export function workdaysFormula(start: number, end: number, region?: FormulaValue): number {
  const chosen = typeof region === 'string' && region.trim() !== '' ? parseRegion(region) : 'england-and-wales';
  if (!chosen) throw new RangeError(`"${String(region)}" is not a region: use England and Wales, Scotland or Northern Ireland.`);
  return workingDaysBetween(dateFromSerial(start), dateFromSerial(end), chosen);
}
