import { cellText } from '../model/cell-text';
import { cellAt, findSheet, type Workbook } from '../model/workbook';
import { SettingsRecord } from './settings-record';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './settings-schema';
import { issue, type Issue } from '../model/issue';

/**
 * KPI Tracker keeps its settings and the confirmed mapping inside the workbook, on a very hidden
 * sheet that both Excel (Office.js) and the .xlsx host can read and write: column A holds a marker
 * line, then the JSON in pieces short enough for a cell (Excel allows 32,767 characters).
 */
export const SETTINGS_SHEET = 'KPI Tracker settings';
export const SETTINGS_MARKER = 'KPI Tracker settings v1 — please do not edit this sheet';
export const SETTINGS_CHUNK = 30_000;

export type SettingsReading =
  | { readonly ok: true; readonly settings: Settings; readonly found: boolean }
  | { readonly ok: false; readonly settings: Settings; readonly problem: Issue };

export function readSettings(workbook: Workbook): SettingsReading {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  if (!sheet) return { ok: true, settings: DEFAULT_SETTINGS, found: false };
  let json = '';
  for (let r = 1; r < sheet.rows.length; r++) {
    const cell = cellAt(sheet, r, 0);
    if (cell.value.kind !== 'text') break;
    json += cellText(cell);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {
      ok: false,
      settings: DEFAULT_SETTINGS,
      problem: issue(
        'settings-not-json',
        `The saved KPI Tracker settings on the hidden sheet "${SETTINGS_SHEET}" can't be read (they are not valid JSON); detection was used instead.`,
      ),
    };
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || 'settings'}: ${first.message}` : 'unknown problem';
    return {
      ok: false,
      settings: DEFAULT_SETTINGS,
      problem: issue('settings-invalid', `The saved KPI Tracker settings can't be used (${where}); detection was used instead.`),
    };
  }
  return { ok: true, settings: parsed.data, found: true };
}

/** The cells of column A that hold `settings`, marker first. */
export function settingsCells(settings: Settings): string[] {
  const json = settingsJson(settings);
  const chunks: string[] = [SETTINGS_MARKER];
  for (let i = 0; i < json.length; i += SETTINGS_CHUNK) chunks.push(json.slice(i, i + SETTINGS_CHUNK));
  return chunks;
}

/**
 * JSON.stringify(settings), with the large records written by their own hand (see
 * SettingsRecord) rather than made into objects to be walked.
 */
export function settingsJson(settings: Settings): string {
  const pieces: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    pieces.push(`${pieces.length === 0 ? '{' : ','}${JSON.stringify(key)}:`);
    if (value instanceof SettingsRecord) value.writeJson(pieces);
    else pieces.push(`${JSON.stringify(value)}`);
  }
  if (pieces.length === 0) return '{}';
  pieces.push('}');
  return pieces.join('');
}
