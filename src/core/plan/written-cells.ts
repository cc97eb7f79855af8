import { cellAddress, columnLetter } from '../model/address';
import type { SettingsRecord } from '../settings/settings-record';

/** How settings name a cell (written fingerprints, sign-offs): `Sheet!H4`. */
export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${cellAddress(row, col)}`;
}

/**
 * The fingerprints of the text KPI Tracker wrote, by cell, as a run plans: the saved ones, and
 * those the run adds. A run adds one for each status and commentary cell it writes (90,000 in a
 * large workbook), all in a few columns, so they are kept by sheet, column and row, and a cell's
 * key (`Sheet!H4`) is made only where the saved record is asked or the settings are written.
 */
export class WrittenCells {
  /** Sheet → column → fingerprint by row. */
  private readonly addedBySheet = new Map<string, Map<number, string[]>>();
  private addedCount = 0;

  constructor(private readonly savedRecord: SettingsRecord<string>) {}

  get(sheet: string, row: number, col: number): string | undefined {
    return this.added(sheet, row, col) ?? this.saved(sheet, row, col);
  }

  /** The fingerprint this run set for a cell. */
  added(sheet: string, row: number, col: number): string | undefined {
    return this.addedBySheet.get(sheet)?.get(col)?.[row];
  }

  /** The fingerprint the saved settings hold for a cell. */
  saved(sheet: string, row: number, col: number): string | undefined {
    return this.savedRecord.size === 0 ? undefined : this.savedRecord.get(cellKey(sheet, row, col));
  }

  set(sheet: string, row: number, col: number, print: string): void {
    let columns = this.addedBySheet.get(sheet);
    if (!columns) {
      columns = new Map();
      this.addedBySheet.set(sheet, columns);
    }
    let prints = columns.get(col);
    if (!prints) {
      prints = [];
      columns.set(col, prints);
    }
    if (prints[row] === undefined) this.addedCount++;
    prints[row] = print;
  }

  /** The saved record with this run's fingerprints set, as the settings keep it. */
  record(): SettingsRecord<string> {
    const keys: string[] = [];
    const values: string[] = [];
    const groups: Array<{ readonly prefix: string; readonly prints: readonly string[] }> = [];
    for (const [sheet, columns] of this.addedBySheet)
      for (const [col, prints] of columns) groups.push({ prefix: `${sheet}!${columnLetter(col)}`, prints });
    // A key is its group's prefix (`Sheet!H`) and then a row number. With no "!" in a sheet's name,
    // no prefix runs on into another's row number, so keys are in code-unit order when the groups
    // are in their prefixes' order and each group's rows in the order of their numbers as text.
    // (Holding a "!", no key is an array index.)
    const ordered = groups.every((group) => group.prefix.indexOf('!') === group.prefix.lastIndexOf('!'));
    if (ordered) groups.sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
    for (const { prefix, prints } of groups) {
      const rows = ordered ? rowsInTextOrder(prints, this.addedCount) : undefined;
      if (rows) {
        for (const row of rows) {
          keys.push(`${prefix}${row + 1}`);
          values.push(prints[row]!);
        }
      } else {
        prints.forEach((print, row) => {
          keys.push(`${prefix}${row + 1}`);
          values.push(print);
        });
      }
    }
    return this.savedRecord.with(keys, values, ordered && groups.every((group) => group.prints.length <= MAX_ROWS));
  }
}

/** Rows numbered up to 9,999,999 (Excel's last is 1,048,576) sort as numbers below. */
const MAX_ROWS = 9_999_999;

/**
 * The rows that hold a fingerprint, in the code-unit order of their numbers as text (1, 10, 100,
 * 11, 2): each number is padded with zeros to 7 digits, the count of its own digits breaking a tie
 * ("1" before "10"), so a numeric sort does it. Undefined past 7 digits.
 */
function rowsInTextOrder(prints: readonly string[], capacity: number): number[] | undefined {
  if (prints.length > MAX_ROWS) return undefined;
  const ranks = new Uint32Array(Math.min(capacity, prints.length));
  let count = 0;
  prints.forEach((_, row) => {
    const number = row + 1;
    const digits =
      number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : number < 10_000 ? 4 : number < 100_000 ? 5 : number < 1_000_000 ? 6 : 7;
    ranks[count++] = number * PADDING[digits]! * 8 + digits;
  });
  const sorted = ranks.subarray(0, count).sort();
  const rows = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const rank = sorted[i]!;
    const digits = rank & 7;
    rows[i] = (rank >>> 3) / PADDING[digits]! - 1;
  }
  return rows;
}

const PADDING = [1, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];
