import { detectWorkbook } from '../detect/detect-workbook';
import type { Detection } from '../detect/types';
import { evaluateWorkbook } from '../engine/evaluate';
import type { IndicatorVerdict } from '../engine/indicator-verdict';
import type { CalendarDate } from '../model/serial-dates';
import type { Workbook } from '../model/workbook';
import type { Settings } from '../settings/settings-schema';
import { readSettings } from '../settings/settings-store';

export interface JudgedWorkbook {
  readonly settings: Settings;
  readonly detection: Detection;
  readonly verdicts: IndicatorVerdict[];
}

/**
 * Finds the tables and judges every indicator as the workbook's own settings say (the saved
 * mapping, tolerance and polarities): what `check` shows and every run writes from.
 */
export function judgeWorkbook(
  workbook: Workbook,
  options: { readonly today: CalendarDate; readonly period?: string; readonly detection?: Detection },
): JudgedWorkbook {
  const reading = readSettings(workbook);
  const detected = options.detection ?? detectWorkbook(workbook, reading.settings);
  const detection = reading.ok ? detected : { ...detected, doubts: [reading.problem, ...detected.doubts] };
  const settings = reading.settings;
  const verdicts = evaluateWorkbook(workbook, detection, {
    today: options.today,
    ...(settings.tolerance ? { tolerance: settings.tolerance } : {}),
    polarityByRef: new Map(Object.entries(settings.polarity)),
    ...(options.period ? { period: options.period } : {}),
  });
  return { settings, detection, verdicts };
}
