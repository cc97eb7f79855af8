import { cellText, isDateFormat, isMonthOnlyFormat } from '../model/cell-text';
import { dateFromSerial } from '../model/serial-dates';
import { MONTH_NAMES } from '../periods/period';
import { cellAt, columnCount, rowCount, type Cell, type Sheet } from '../model/workbook';

/**
 * A read-only view of a sheet for detection: cell text once, merged areas resolved,
 * so each rule asks simple questions.
 */
export class SheetGrid {
  readonly rows: number;
  readonly cols: number;
  private readonly texts: string[][];
  /** For a cell inside a merged area: the area's top-left cell. */
  private readonly mergeOrigin = new Map<string, { row: number; col: number }>();
  private readonly mergeOrigins = new Set<string>();

  constructor(readonly sheet: Sheet) {
    this.rows = rowCount(sheet);
    this.cols = columnCount(sheet);
    this.texts = [];
    for (let r = 0; r < this.rows; r++) {
      const row = sheet.rows[r];
      const texts: string[] = [];
      if (row) for (let c = 0; c < row.length; c++) texts[c] = row[c] ? cellText(row[c]!).trim() : '';
      this.texts[r] = texts;
    }
    for (const merge of sheet.merges) {
      if (merge.right > merge.left) this.mergeOrigins.add(`${merge.top}:${merge.left}`);
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r !== merge.top || c !== merge.left) this.mergeOrigin.set(`${r}:${c}`, { row: merge.top, col: merge.left });
        }
      }
    }
  }

  /**
   * A header cell's text: a date heading a column ("Apr-24" typed in, which Excel stores as a date)
   * reads as its month, so it is found as a period.
   */
  headerText(row: number, col: number): string {
    const cell = this.cell(row, col);
    // Only dates shown as months ("mmm-yy"): a column of case dates is data, not headings.
    const monthShown = isMonthOnlyFormat(cell.format);
    const serial = !monthShown ? undefined : cell.value.kind === 'date' ? cell.value.serial : cell.value.kind === 'number' && isDateFormat(cell.format) ? cell.value.value : undefined;
    if (serial === undefined) return this.shownText(row, col);
    const date = dateFromSerial(serial);
    return `${MONTH_NAMES[date.month - 1]!.slice(0, 3)} ${date.year}`;
  }

  text(row: number, col: number): string {
    return this.texts[row]?.[col] ?? '';
  }

  cell(row: number, col: number): Cell {
    return cellAt(this.sheet, row, col);
  }

  /** The text shown at a cell, taking a merged area's text for every cell it covers. */
  shownText(row: number, col: number): string {
    const origin = this.mergeOrigin.get(`${row}:${col}`);
    return origin ? this.text(origin.row, origin.col) : this.text(row, col);
  }

  /** The top-left cell of a merged area wider than one column. */
  isMergeOrigin(row: number, col: number): boolean {
    return this.mergeOrigins.has(`${row}:${col}`);
  }

  isMergedAway(row: number, col: number): boolean {
    return this.mergeOrigin.has(`${row}:${col}`);
  }

  /** Columns holding text in a row, left to right. */
  filledColumns(row: number): number[] {
    const filled: number[] = [];
    const texts = this.texts[row];
    if (!texts) return filled;
    for (let c = 0; c < texts.length; c++) if (texts[c]) filled.push(c);
    return filled;
  }

  isBlankRow(row: number): boolean {
    return this.filledColumns(row).length === 0;
  }

  isHidden(row: number): boolean {
    return this.sheet.hiddenRows.has(row);
  }
}
