import type { z } from 'zod';
import type { SheetInput } from '../../src/hosts/memory/build-workbook';
import { SettingsSchema, type Settings } from '../../src/core/settings/settings-schema';
import { SETTINGS_MARKER, SETTINGS_SHEET, settingsCells } from '../../src/core/settings/settings-store';

/** Settings as a test writes them: only what matters to it, the schema fills in the rest. */
export type SettingsInput = z.input<typeof SettingsSchema>;

export function settingsFrom(input: SettingsInput): Settings {
  return SettingsSchema.parse(input);
}

/** The very hidden settings sheet holding `settings`, as KPI Tracker writes it (column A: marker, then JSON chunks). */
export function settingsSheet(input: SettingsInput): SheetInput {
  return { name: SETTINGS_SHEET, visibility: 'veryHidden', rows: settingsCells(settingsFrom(input)).map((cell) => [cell]) };
}

/** A settings sheet whose JSON cells are given as written (for damaged settings). */
export function rawSettingsSheet(jsonCells: readonly string[]): SheetInput {
  return { name: SETTINGS_SHEET, visibility: 'veryHidden', rows: [[SETTINGS_MARKER], ...jsonCells.map((cell) => [cell])] };
}
