import { cellText, isDateFormat, isMonthOnlyFormat } from '../model/cell-text';
import { dateFromSerial } from '../model/serial-dates';
import { MONTH_NAMES } from '../periods/period';
import { cellAt, columnCount, rowCount, type Cell, type Sheet } from '../model/workbook';
import { classifyHeader, type HeaderGuess } from './header-lexicon';

/**
 * A read-only view of a sheet for detection: cell text worked out once, when first asked for (most
 * rows of a big sheet are figures, rejected as headers without their text), merged areas resolved,
 * so each rule asks simple questions.
 */
export class SheetGrid {
  readonly rows: number;
  readonly cols: number;
  private readonly texts: (string[] | undefined)[] = [];
  private readonly filled: (number[] | undefined)[] = [];
  /** For a cell inside a merged area: the area's top-left cell. Keyed by `placeKey`. */
  private readonly mergeOrigin = new Map<number, { row: number; col: number }>();
  private readonly mergeOrigins = new Set<number>();
  /** Header guesses by text: every text row is tried as a header, and rows repeat their words. */
  private readonly guesses = new Map<string, HeaderGuess | null>();

  constructor(readonly sheet: Sheet) {
    this.rows = rowCount(sheet);
    this.cols = columnCount(sheet);
    for (const merge of sheet.merges) {
      if (merge.right > merge.left) this.mergeOrigins.add(placeKey(merge.top, merge.left));
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r !== merge.top || c !== merge.left) this.mergeOrigin.set(placeKey(r, c), { row: merge.top, col: merge.left });
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

  /** `classifyHeader`, remembered for this sheet's detection (and let go with it). */
  classify(text: string): HeaderGuess | undefined {
    let guess = this.guesses.get(text);
    if (guess === undefined) {
      guess = classifyHeader(text) ?? null;
      this.guesses.set(text, guess);
    }
    return guess ?? undefined;
  }

  text(row: number, col: number): string {
    const texts = (this.texts[row] ??= []);
    let text = texts[col];
    if (text === undefined) {
      const cell = this.sheet.rows[row]?.[col];
      text = cell ? cellText(cell).trim() : '';
      texts[col] = text;
    }
    return text;
  }

  cell(row: number, col: number): Cell {
    return cellAt(this.sheet, row, col);
  }

  /** The text shown at a cell, taking a merged area's text for every cell it covers. */
  shownText(row: number, col: number): string {
    const origin = this.mergeOrigin.size === 0 ? undefined : this.mergeOrigin.get(placeKey(row, col));
    return origin ? this.text(origin.row, origin.col) : this.text(row, col);
  }

  /** The top-left cell of a merged area wider than one column. */
  isMergeOrigin(row: number, col: number): boolean {
    return this.mergeOrigins.has(placeKey(row, col));
  }

  isMergedAway(row: number, col: number): boolean {
    return this.mergeOrigin.has(placeKey(row, col));
  }

  /** Columns holding text in a row, left to right. */
  /** Columns holding something in a row, left to right (known from the cells, without their text). */
  filledColumns(row: number): number[] {
    let filled = this.filled[row];
    if (!filled) {
      filled = [];
      const cells = this.sheet.rows[row];
      if (cells) {
        for (let c = 0; c < cells.length; c++) {
          const value = cells[c]?.value;
          if (!value || value.kind === 'empty' || (value.kind === 'text' && value.value.trim() === '')) continue;
          filled.push(c);
        }
      }
      this.filled[row] = filled;
    }
    return filled;
  }

  /**
   * Whether a cell shows anything, as `text(row, col) !== ''` would say, without writing out a
   * figure's text: a figure or a truth value always shows something.
   */
  hasContent(row: number, col: number): boolean {
    const cell = this.sheet.rows[row]?.[col];
    if (!cell || cell.value.kind === 'empty') return false;
    if (cell.value.kind === 'boolean' || (cell.value.kind === 'number' && !isDateFormat(cell.format))) return true;
    return this.text(row, col) !== '';
  }

  isBlankRow(row: number): boolean {
    return this.filledColumns(row).length === 0;
  }

  isHidden(row: number): boolean {
    return this.sheet.hiddenRows.has(row);
  }
}

/**
 * A cell's place as one number (Excel has at most 16,384 columns): asked for on every cell
 * detection reads, where building a "row:col" string each time cost more than the lookup.
 */
function placeKey(row: number, col: number): number {
  return row * 16_384 + col;
}
