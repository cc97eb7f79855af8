import { z } from 'zod';
import type { Detection } from '../detect/types';
import { columnIndex } from '../model/address';
import { cellText } from '../model/cell-text';
import { cellAt, findSheet, type Workbook } from '../model/workbook';
import { normaliseHeader } from '../detect/header-lexicon';
import { savedTablesFrom } from './confirm-mapping';
import { SavedTableSchema, type SavedTable, type Settings } from './settings-schema';
import { issue, type Issue } from '../model/issue';

/**
 * The mapping an officer confirms, as `kpi-tracker map` prints it and `map --set` reads it: the
 * same tables the task pane saves into the workbook (README, "The mapping JSON").
 */
export const MappingSchema = z.object({
  tables: z.array(SavedTableSchema),
});
export type Mapping = z.infer<typeof MappingSchema>;

/** The mapping every command would use now: the saved tables where confirmed, detection's reading elsewhere. */
export function mappingOf(detection: Detection): Mapping {
  return { tables: savedTablesFrom(detection.tables) };
}

export type MappingReading = { readonly ok: true; readonly mapping: Mapping } | { readonly ok: false; readonly problem: Issue };

/** Reads a mapping an officer wrote or corrected: every problem is a sentence naming where it is. */
export function readMappingJson(text: string): MappingReading {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: issue(
        'mapping-not-json',
        `The mapping is not valid JSON (${error instanceof Error ? error.message : 'it could not be read'}).`,
      ),
    };
  }
  const parsed = MappingSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.length ? first.path.join('.') : 'the mapping';
    return { ok: false, problem: issue('mapping-invalid', `The mapping can't be used: ${where}: ${first.message}.`) };
  }
  return { ok: true, mapping: parsed.data };
}

/**
 * Why a mapping does not fit this workbook (a sheet that is not there, a header that says
 * something else now), one sentence each; none when it fits.
 */
export function mappingMisfits(workbook: Workbook, mapping: Mapping): Issue[] {
  const problems: Issue[] = [];
  for (const table of mapping.tables) {
    const sheet = findSheet(workbook, table.sheet);
    if (!sheet) {
      problems.push(issue('mapping-sheet-missing', `The mapping names a sheet "${table.sheet}" that is not in the workbook.`));
      continue;
    }
    if (table.ignored) continue;
    for (const column of table.columns) {
      const col = columnIndex(column.column);
      const shown = table.headerRows
        .map((r) => cellText(cellAt(sheet, r - 1, col)).trim())
        .filter((text, i, all) => text && all.indexOf(text) === i)
        .join(' ');
      if (normaliseHeader(shown) !== normaliseHeader(column.header)) {
        problems.push(
          issue(
            'mapping-header-differs',
            `Sheet "${table.sheet}" column ${column.column} is headed "${shown || '(empty)'}", not "${column.header}" as the mapping says: give the header as the sheet shows it.`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Settings whose saved mapping is exactly this one (an empty list clears it: detection decides again). */
export function withMapping(settings: Settings, mapping: Mapping): Settings {
  return { ...settings, tables: mapping.tables as SavedTable[] };
}
