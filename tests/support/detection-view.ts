import type { DetectedTable, Detection } from '../../src/core/detect/types';
import { columnLetter, rangeAddress } from '../../src/core/model/address';
import { periodLabel } from '../../src/core/periods/period';

/**
 * Short, readable views of what detection found, so a failing assertion shows
 * "C actual Q1 2024/25" rather than a wall of objects.
 */

/** `A reference`, `C actual Q1 2024/25`, `G target 2024/25`, `B rating Very Poor`. */
export function columnsOf(table: DetectedTable): string[] {
  return table.columns.map((column) =>
    [columnLetter(column.col), column.role, column.period ? periodLabel(column.period) : '', column.rating ?? ''].filter(Boolean).join(' '),
  );
}

/** `ref description` per indicator (`description` alone when it has no reference). */
export function indicatorsOf(table: DetectedTable): string[] {
  return table.indicators.map((indicator) => (indicator.ref ? `${indicator.ref} ${indicator.description}` : indicator.description));
}

export function rangeOf(table: DetectedTable): string {
  return rangeAddress(table.range);
}

/** 1-based header rows, as Excel shows them. */
export function headerRowsOf(table: DetectedTable): number[] {
  return table.headerRows.map((row) => row + 1);
}

/** `Sheet!A1:B2` for every table, in order. */
export function tableList(detection: Detection): string[] {
  return detection.tables.map((table) => `${table.sheet}!${rangeOf(table)}`);
}

export function tablesOn(detection: Detection, sheet: string): DetectedTable[] {
  return detection.tables.filter((table) => table.sheet === sheet);
}

/** The only table on a sheet; fails the test if there is not exactly one. */
export function onlyTable(detection: Detection, sheet?: string): DetectedTable {
  const tables = sheet === undefined ? detection.tables : tablesOn(detection, sheet);
  expect(tables.map((table) => `${table.sheet}!${rangeOf(table)}`)).toHaveLength(1);
  return tables[0]!;
}

export function columnWithRole(table: DetectedTable, role: string): string[] {
  return table.columns.filter((column) => column.role === role).map((column) => columnLetter(column.col));
}
