import '../shared/zod-no-eval';
/* Custom functions for Excel, registered in the shared runtime. The metadata plugin reads the
 * JSDoc below into functions.json and adds the CustomFunctions.associate calls at build time. */
import { statusFormula, varianceFormula, workdaysFormula, type FormulaValue } from '../core/engine/formula-functions';
import { formulaInput, plainErrors } from './formula-input';
import { todayHere } from '../shared/today';

/**
 * Judges an actual against a target: Met, Near miss, Not met, No data, No target or Can't read.
 * A target with a deadline ("by March 2025") is judged against today, so the result is recalculated
 * whenever Excel recalculates.
 * @customfunction STATUS
 * @volatile
 * @param actual The actual, e.g. 90.2% or "364 *+38%".
 * @param target The target, e.g. 92%, "15 per quarter" or "no more than 3.5%".
 * @param [polarity] Which way is better: "higher" or "lower". Worked out from the target if left out.
 * @param [tolerance] The near-miss band as a percentage of the target (default 5%).
 * @returns The status in words.
 */
export function kpiStatus(actual: number | string | boolean, target: number | string, polarity?: string, tolerance?: number): string {
  return plainErrors('KPI.STATUS', () =>
    statusFormula(
      todayHere(),
      formulaInput(actual, 'KPI.STATUS', 'actual'),
      formulaInput(target, 'KPI.STATUS', 'target'),
      polarity,
      tolerance,
    ),
  );
}

/**
 * The variance as the KPI papers write it: points for percentage targets, relative % otherwise.
 * @customfunction VARIANCE
 * @param actual The actual, e.g. 364.
 * @param target The target, e.g. 264.
 * @returns The variance, e.g. +38%.
 */
export function kpiVariance(actual: number | string, target: number | string): string {
  return plainErrors('KPI.VARIANCE', () =>
    varianceFormula(todayHere(), formulaInput(actual, 'KPI.VARIANCE', 'actual'), formulaInput(target, 'KPI.VARIANCE', 'target')),
  );
}

/**
 * Working days from start to end, skipping weekends and bank holidays (the start day is day 0).
 * @customfunction WORKDAYS
 * @param start The start date, e.g. the day a letter was received.
 * @param end The end date, e.g. the day it was answered.
 * @param [region] "England and Wales" (the default), "Scotland" or "Northern Ireland".
 * @returns The number of working days.
 */
export function kpiWorkdays(start: number, end: number, region?: string): number {
  return plainErrors('KPI.WORKDAYS', () => workdaysFormula(dateSerial(start, 'start'), dateSerial(end, 'end'), region));
}

function dateSerial(value: FormulaValue, parameter: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return value;
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `KPI.WORKDAYS needs the ${parameter} as a date, such as 15/10/2025 or a cell holding one.`,
  );
}
