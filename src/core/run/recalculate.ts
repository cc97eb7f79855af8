import { detectWorkbook } from '../detect/detect-workbook';
import type { Detection } from '../detect/types';
import { evaluateWorkbook, type IndicatorVerdict } from '../engine/evaluate';
import type { CalendarDate } from '../model/serial-dates';
import type { Workbook } from '../model/workbook';
import { planRecalculation, type RecalcResult } from '../plan/recalc-plan';
import { readSettings } from '../settings/settings-store';

export interface RecalculateOptions {
  readonly today: CalendarDate;
  readonly period?: string;
  /** ISO date-time of the run, for the change log. */
  readonly now: string;
  readonly command: string;
}

export interface Recalculation extends RecalcResult {
  readonly detection: Detection;
  readonly verdicts: readonly IndicatorVerdict[];
}

/**
 * The whole of "Recalculate status" as one pure step: read the settings kept in the workbook,
 * find the tables, judge every indicator and plan the edits. Every host runs this same function.
 */
export function recalculate(workbook: Workbook, options: RecalculateOptions): Recalculation {
  const reading = readSettings(workbook);
  const detection = detectWorkbook(workbook, reading.settings);
  const withSettingsDoubt = reading.ok ? detection : { ...detection, doubts: [reading.problem, ...detection.doubts] };
  const settings = reading.settings;
  const verdicts = evaluateWorkbook(workbook, withSettingsDoubt, {
    today: options.today,
    ...(settings.tolerance ? { tolerance: settings.tolerance } : {}),
    polarityByRef: new Map(Object.entries(settings.polarity)),
  });
  const result = planRecalculation(workbook, withSettingsDoubt, verdicts, settings, {
    ...(options.period ? { period: options.period } : {}),
    now: options.now,
    command: options.command,
  });
  return { ...result, detection: withSettingsDoubt, verdicts };
}
