import { buildWorkbook, type CellInput } from '../../src/hosts/memory/build-workbook';
import type { Workbook } from '../../src/core/model/workbook';

/**
 * Turns tab-separated seed text into a sheet, one line a row, every cell text,
 * the way an officer pasting the paper into Excel would get it.
 */
export function workbookFromTsv(name: string, text: string): Workbook {
  const rows: CellInput[][] = text.split(/\r?\n/).map((line) => line.split('\t').map((cell) => (cell.trim() === '' ? null : cell.trim())));
  return buildWorkbook([{ name, rows }]);
}
