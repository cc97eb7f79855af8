import type { Detection } from '../core/detect/types';
import type { IndicatorVerdict } from '../core/engine/indicator-verdict';
import type { CalendarDate } from '../core/model/serial-dates';
import type { Workbook } from '../core/model/workbook';
import { runKpiTracker } from '../core/run/run-kpi-tracker';
import type { Settings } from '../core/settings/settings-schema';
import { statusLook, type StatusLook } from './status-look';

/** Everything the views show, read from the workbook as it is now. */
export interface PaneData {
  readonly workbook: Workbook;
  readonly settings: Settings;
  readonly detection: Detection;
  /** Every indicator in every period with figures. */
  readonly verdicts: readonly IndicatorVerdict[];
  readonly look: StatusLook;
  /** Counts reloads, so a view can start afresh after the workbook changed. */
  readonly version: number;
}

const NOTHING = { statuses: false, actionPlan: false, committee: false } as const;

/** Judges the workbook with the same core every host runs, writing nothing. */
export function paneDataFrom(workbook: Workbook, today: CalendarDate, version: number): PaneData {
  const run = runKpiTracker(workbook, { today, now: new Date().toISOString(), command: 'task pane', steps: NOTHING });
  return {
    workbook,
    settings: run.settings,
    detection: run.detection,
    verdicts: run.verdicts,
    look: statusLook(workbook, run.detection, run.settings),
    version,
  };
}
