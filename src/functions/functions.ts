import '../shared/zod-no-eval';
/* Custom functions for Excel, registered in the shared runtime. The metadata plugin reads the
 * JSDoc below into functions.json and adds the CustomFunctions.associate calls at build time. */
import { statusFormula, varianceFormula, workdaysFormula } from '../core/engine/formula-functions';

/**
 * Judges an actual against a target: Met, Near miss, Not met, No data, No target or Can't read.
 * @customfunction STATUS
 * @param actual The actual, e.g. 90.2% or "364 *+38%".
 * @param target The target, e.g. 92%, "15 per quarter" or "no more than 3.5%".
 * @param [polarity] Which way is better: "higher" or "lower". Worked out from the target if left out.
 * @param [tolerance] The near-miss band as a percentage of the target (default 5%).
 * @returns The status in words.
 */
export function kpiStatus(actual: number | string | boolean, target: number | string, polarity?: string, tolerance?: number): string {
  return statusFormula(actual, target, polarity, tolerance);
}

/**
 * The variance as the KPI papers write it: points for percentage targets, relative % otherwise.
 * @customfunction VARIANCE
 * @param actual The actual, e.g. 364.
 * @param target The target, e.g. 264.
 * @returns The variance, e.g. +38%.
 */
export function kpiVariance(actual: number | string, target: number | string): string {
  return varianceFormula(actual, target);
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
  return workdaysFormula(start, end, region);
}
