import type { Workbook } from '../model/workbook';
import type { Plan } from '../plan/plan-types';
import { finalisePlan } from '../plan/recalc-plan';
import type { Settings } from '../settings/settings-schema';

/** A plan that only saves settings into the workbook (nothing else changes), stamped with the host's `now`. */
export function planSettingsSave(workbook: Workbook, settings: Settings, now: string): Plan {
  return finalisePlan(workbook, { edits: [], notices: [], refusals: [], sheets: [] }, settings, {
    now,
    command: 'settings',
  });
}
