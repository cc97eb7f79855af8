import type { ColumnRole, DetectedTable } from '../core/detect/types';
import { parsePeriodLabel } from '../core/periods/parse-period-label';
import { savedTablesFrom, withConfirmedTables } from '../core/settings/confirm-mapping';
import type { SavedTable, Settings } from '../core/settings/settings-schema';

/** The officer's corrections to one detected table: its column roles (null: not used) or "not a KPI table". */
export interface TableChoice {
  readonly ignored: boolean;
  /** By 0-based column. */
  readonly roles: Readonly<Record<number, ColumnRole | null>>;
}

export function initialChoices(tables: readonly DetectedTable[]): TableChoice[] {
  return tables.map((table) => ({ ignored: false, roles: Object.fromEntries(table.columns.map((column) => [column.col, column.role])) }));
}

const DATED_ROLES: ReadonlySet<ColumnRole> = new Set(['actual', 'target']);

/** The table with the officer's roles: unused columns dropped, a period read from the header where a column becomes an actual or target. */
export function editedTable(table: DetectedTable, choice: TableChoice): DetectedTable {
  const columns = table.columns.flatMap((column) => {
    const role = choice.roles[column.col] === undefined ? column.role : choice.roles[column.col];
    if (!role) return [];
    const { period: detected, ...rest } = column;
    const period = DATED_ROLES.has(role) ? (detected ?? parsePeriodLabel(column.header)) : undefined;
    return [{ ...rest, role, ...(period ? { period } : {}) }];
  });
  return { ...table, columns };
}

/**
 * The settings with the mapping as confirmed: every table on the sheets shown, with the officer's
 * roles, or marked as not a KPI table. Tables marked earlier stay marked unless `includeAgain` names them.
 */
export function confirmedSettings(
  settings: Settings,
  tables: readonly DetectedTable[],
  choices: readonly TableChoice[],
  includeAgain: ReadonlySet<string> = new Set(),
): Settings {
  const kept: SavedTable[] = [];
  tables.forEach((table, i) => {
    const choice = choices[i] ?? { ignored: false, roles: {} };
    const edited = editedTable(table, choice);
    if (choice.ignored || edited.columns.length === 0) kept.push({ ...savedTablesFrom([table])[0]!, ignored: true });
    else kept.push(...savedTablesFrom([edited]));
  });
  const sheets = new Set(kept.map((table) => table.sheet));
  const stillIgnored = settings.tables.filter((table) => table.ignored && sheets.has(table.sheet) && !includeAgain.has(ignoredKey(table)));
  return withConfirmedTables(settings, [...kept, ...stillIgnored]);
}

/** Identifies a table marked "not a KPI table" (it is no longer detected, so it has no index). */
export function ignoredKey(table: SavedTable): string {
  return `${table.sheet}!${table.headerRows[0]}`;
}
