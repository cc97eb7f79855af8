import type { DetectedTable } from '../detect/types';
import { columnLetter } from '../model/address';
import { periodLabel } from '../periods/period';
import type { SavedTable, Settings } from './settings-schema';

/** The detected tables as the officer confirms them, ready to be saved in the workbook. */
export function savedTablesFrom(tables: readonly DetectedTable[]): SavedTable[] {
  return tables.map((table) => ({
    sheet: table.sheet,
    headerRows: table.headerRows.map((r) => r + 1),
    columns: table.columns.map((column) => ({
      column: columnLetter(column.col),
      header: column.header,
      role: column.role,
      ...(column.period ? { period: periodLabel(column.period) } : {}),
    })),
  }));
}

/** Settings with these tables confirmed; tables of other sheets stay as they were saved. */
export function withConfirmedTables(settings: Settings, tables: readonly SavedTable[]): Settings {
  const sheets = new Set(tables.map((table) => table.sheet));
  return { ...settings, tables: [...settings.tables.filter((table) => !sheets.has(table.sheet)), ...tables] };
}
