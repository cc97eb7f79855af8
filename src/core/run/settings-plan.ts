import type { Workbook } from '../model/workbook';
import type { Plan } from '../plan/plan-types';
import { finalisePlan } from '../plan/recalc-plan';
import type { Settings } from '../settings/settings-schema';

/** A plan that only saves settings into the workbook (nothing else changes). */
export function planSettingsSave(workbook: Workbook, settings: Settings): Plan {
  return finalisePlan(workbook, { edits: [], notices: [], refusals: [], sheets: [] }, settings, {
    now: new Date().toISOString(),
    command: 'settings',
  });
}
