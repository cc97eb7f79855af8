import { SettingsRecord } from '../core/settings/settings-record';
import type { SeenCommentary, Settings } from '../core/settings/settings-schema';

/** A settings record as two arrays: what crosses between the page and the pane's worker. */
interface RecordParts<T> {
  readonly keys: readonly string[];
  readonly values: readonly T[];
}

/**
 * Settings as plain data. Their per-cell records are SettingsRecord objects, which postMessage
 * would copy as bare objects without their methods (saving such settings wrote the record's
 * insides, and the next reading refused them), so each crosses as its keys and values.
 */
export interface SettingsInTransit extends Omit<Settings, 'written' | 'seenCommentary'> {
  readonly written: RecordParts<string>;
  readonly seenCommentary: RecordParts<SeenCommentary>;
}

function parts<T>(record: SettingsRecord<T>): RecordParts<T> {
  return { keys: record.keys(), values: record.values() };
}

export function settingsInTransit(settings: Settings): SettingsInTransit {
  return { ...settings, written: parts(settings.written), seenCommentary: parts(settings.seenCommentary) };
}

export function settingsFromTransit(settings: SettingsInTransit): Settings {
  return {
    ...settings,
    written: SettingsRecord.fromKeysAndValues(settings.written.keys, settings.written.values),
    seenCommentary: SettingsRecord.fromKeysAndValues(settings.seenCommentary.keys, settings.seenCommentary.values),
  };
}
