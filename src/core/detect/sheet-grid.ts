import { cellText, isDateFormat, isMonthOnlyFormat } from '../model/cell-text';
import { dateFromSerial } from '../model/serial-dates';
import { MONTH_NAMES } from '../periods/period';
import { cellAt, columnCount, rowCount, type Cell, type CellRange, type Sheet } from '../model/workbook';
import { classifyHeader, type HeaderGuess } from './header-lexicon';

/**
 * A read-only view of a sheet for detection: a figure's text worked out once, when first asked for
 * (most rows of a big sheet are figures, rejected as headers from their row's counts without their
 * text), merged areas resolved, so each rule asks simple questions.
 */
export class SheetGrid {
  readonly rows: number;
  /**
   * Figures' texts by `placeKey`, and rows' filled columns by row, once asked for. Maps, not arrays
   * indexed by row: an array written at scattered rows changes kind as it grows, and code reading it
   * is thrown away each time.
   */
  private readonly figureTexts = new Map<number, string>();
  private readonly filled = new Map<number, number[]>();
  /** Each row's counts (see `countRows`), by row. */
  private readonly filledCounts: Int32Array;
  private readonly figureCounts: Int32Array;
  private readonly wordOrFigureCounts: Int32Array;
  private readonly firstFilled: Int32Array;
  private readonly lastFilled: Int32Array;
  private readonly firstWordOrFigure: Int32Array;
  /** For a cell inside a merged area: the area's top-left cell. Keyed by `placeKey`. */
  private readonly mergeOrigin = new Map<number, { row: number; col: number }>();
  private readonly mergeOrigins = new Set<number>();
  /** Header guesses by text: every text row is tried as a header, and rows repeat their words. */
  private readonly guesses = new Map<string, HeaderGuess | null>();
  private readonly monthEndRows = new Map<number, number>();
  private lastFormat: string | undefined;
  private lastFormatIsMonthOnly = false;
  private lastDateFormat: string | undefined;
  private lastFormatIsDate = false;

  constructor(readonly sheet: Sheet) {
    this.rows = rowCount(sheet);
    // One block of memory for all six counts: each allocation of a typed array is a call to the runtime.
    const counts = new Int32Array(this.rows * 6);
    const part = (i: number): Int32Array => counts.subarray(i * this.rows, (i + 1) * this.rows);
    this.filledCounts = part(0);
    this.figureCounts = part(1);
    this.wordOrFigureCounts = part(2);
    this.firstFilled = part(3);
    this.lastFilled = part(4);
    this.firstWordOrFigure = part(5);
    for (const merge of sheet.merges) {
      if (merge.right > merge.left) this.mergeOrigins.add(placeKey(merge.top, merge.left));
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r !== merge.top || c !== merge.left) this.mergeOrigin.set(placeKey(r, c), { row: merge.top, col: merge.left });
        }
      }
    }
    this.countRows();
  }

  /**
   * A header cell's text: a date heading a column ("Apr-24" typed in, which Excel stores as a date)
   * reads as its month, so it is found as a period.
   */
  headerText(row: number, col: number): string {
    const cell = this.cell(row, col);
    if (cell.value.kind === 'text' || cell.value.kind === 'empty') return this.shownText(row, col);
    // Only dates shown as months ("mmm-yy"): a column of case dates is data, not headings.
    // A year typed as a number heads its column as the year ("2023"), not as a count ("2,023").
    if (isTypedYear(cell)) return String(cell.value.value);
    const monthShown = isMonthOnlyFormat(cell.format) || this.monthEndsHeadRow(row);
    const serial = !monthShown ? undefined : serialOf(cell);
    if (serial === undefined) return this.shownText(row, col);
    const date = dateFromSerial(serial);
    return `${MONTH_NAMES[date.month - 1]!.slice(0, 3)} ${date.year}`;
  }

  /**
   * "30/09/2024 | 31/10/2024 | 30/11/2024": a row whose dates are each the first or last day of a
   * different month heads its columns with those months, as a monthly report's does. A case list's
   * dates run down a column, one or two to a row, and seldom fall so.
   */
  private monthEndsHeadRow(row: number): boolean {
    return this.monthEndDates(row) > 0;
  }

  /** How many month-end dates head the row's columns (see `monthEndsHeadRow`), or 0. */
  private monthEndDates(row: number): number {
    let known = this.monthEndRows.get(row);
    if (known === undefined) {
      known = 0;
      // Cells looked at in place: nearly every row asked has a plain figure first, and stops there.
      let months: Set<number> | undefined;
      for (let c = this.firstFilledColumn(row), last = this.lastFilledColumn(row); c <= last; c++) {
        const month = monthEndOf(cellAt(this.sheet, row, c));
        if (month === undefined) continue;
        if (month < 0 || months?.has(month)) {
          months = undefined;
          break;
        }
        (months ??= new Set()).add(month);
      }
      if (months && months.size >= 2) known = months.size;
      this.monthEndRows.set(row, known);
    }
    return known;
  }

  /**
   * `headerText` of a cell that holds something, undefined for one that does not (see
   * `filledCell`): what every cell of a row tried as a header is asked, answered from one look at
   * a cell of typed text on a sheet without merged areas, as most such cells are.
   */
  filledHeaderText(row: number, col: number): string | undefined {
    const cell = cellAt(this.sheet, row, col);
    const value = cell.value;
    if (value.kind === 'text' && this.mergeOrigin.size === 0) {
      const text = value.value.trim();
      return text === '' ? undefined : text;
    }
    return holdsSomething(cell) ? this.headerText(row, col) : undefined;
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

  /**
   * What `classify` said of a text already seen on this sheet: a guess, null for "not a header",
   * or undefined if the text has not been classified yet.
   */
  classified(text: string): HeaderGuess | null | undefined {
    return this.guesses.get(text);
  }

  /** `isMonthOnlyFormat`, answered without a lookup for the format of the cell before (a row's figures share one). */
  isMonthOnlyFormat(format: string | undefined): boolean {
    if (format !== this.lastFormat) {
      this.lastFormat = format;
      this.lastFormatIsMonthOnly = isMonthOnlyFormat(format);
    }
    return this.lastFormatIsMonthOnly;
  }

  /** `isDateFormat`, likewise answered without a lookup for the format asked about before. */
  isDateFormat(format: string | undefined): boolean {
    if (format !== this.lastDateFormat) {
      this.lastDateFormat = format;
      this.lastFormatIsDate = isDateFormat(format);
    }
    return this.lastFormatIsDate;
  }

  text(row: number, col: number): string {
    const cell = cellAt(this.sheet, row, col);
    if (cell.value.kind === 'empty') return '';
    // Typed text is its own text: trimming text with no spaces to trim returns the same string,
    // so only figures and dates, whose text is written out, are worth remembering.
    if (cell.value.kind === 'text') return cell.value.value.trim();
    const place = placeKey(row, col);
    let text = this.figureTexts.get(place);
    if (text === undefined) {
      text = cellText(cell).trim();
      this.figureTexts.set(place, text);
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

  /** The sheet's width in columns (worked out when asked: detection itself never needs it). */
  get cols(): number {
    return columnCount(this.sheet);
  }

  /** Columns holding something in a row, left to right (known from the cells, without their text). */
  filledColumns(row: number): number[] {
    let filled = this.filled.get(row);
    if (!filled) {
      filled = [];
      const length = this.rowLength(row);
      for (let c = 0; c < length; c++) if (this.filledCell(row, c)) filled.push(c);
      this.filled.set(row, filled);
    }
    return filled;
  }

  /**
   * A row's filled columns from `left` to `right`: a table's own among tables side by side. Where
   * they are the whole row's, the cached list itself (callers only read it).
   */
  filledColumnsIn(row: number, left: number, right: number): readonly number[] {
    const filled = this.filledColumns(row);
    if (filled.length === 0 || (left <= filled[0]! && filled[filled.length - 1]! <= right)) return filled;
    return filled.filter((c) => c >= left && c <= right);
  }

  /** How many columns of a row hold something: `filledColumns(row).length`, without listing them. */
  filledCount(row: number): number {
    return this.inSheet(row) ? this.filledCounts[row]! : 0;
  }

  /** The first column holding something (-1 for a blank row or one outside the sheet). */
  firstFilledColumn(row: number): number {
    return this.inSheet(row) ? this.firstFilled[row]! : -1;
  }

  /** The last column holding something (-1 for a blank row or one outside the sheet). */
  lastFilledColumn(row: number): number {
    return this.inSheet(row) ? this.lastFilled[row]! : -1;
  }

  /**
   * How many filled cells of a row hold a figure that cannot head a column: anything but text,
   * save a date or number shown as a month ("Apr-24" typed in is a date).
   */
  figureCount(row: number): number {
    return this.inSheet(row) ? this.figureCounts[row]! : 0;
  }

  /**
   * A row's figures that could not head a column: years typed as numbers (see `yearHeadings`) are
   * headings. Rows whose first figure is no year (nearly every body row) are not looked at any
   * further.
   */
  figuresBesideYears(row: number): number {
    const figures = this.figureCount(row);
    if (figures < 2) return figures;
    // Month-end dates heading a monthly report's columns ("30/09/2024 | 31/10/2024") can head them.
    const monthEnds = this.monthEndDates(row);
    if (monthEnds > 0) return figures - monthEnds;
    return figures - this.yearHeadings(row, this.firstFilledColumn(row), this.lastFilledColumn(row));
  }

  /**
   * How many of a row's figures from `left` to `right` are years heading columns: a run of years
   * typed as numbers with none missing, in order or not ("2020 | 2021 | 2022"; a data set's "2019 |
   * 2023 | 2016 | …", the NYC Comptroller's), or that run again for a table standing beside it
   * ("2018 | 2019 | 2020 | | 2018 | 2019 | 2020"). Counts that happen to fall among the years
   * ("2034 | 1998") are none, nor are years beside any other figure: 0 then.
   */
  yearHeadings(row: number, left: number, right: number): number {
    // Cells looked at in place: every row of a sheet is asked, and few go past the first figure,
    // so the years are listed only once one is found.
    let years: number[] | undefined;
    for (let c = left; c <= right; c++) {
      const cell = cellAt(this.sheet, row, c);
      if (cell.value.kind !== 'number') continue;
      if (!isTypedYear(cell)) return 0;
      (years ??= []).push(cell.value.value);
    }
    if (!years) return 0;
    const distinct = [...new Set(years)].sort((a, b) => a - b);
    if (distinct.length < 2) return 0;
    return distinct.every((year, i) => i === 0 || year - distinct[i - 1]! === 1) ? years.length : 0;
  }

  /** How many filled cells of a row count as content in a table's body (see `showsWordOrFigure`). */
  wordOrFigureCount(row: number): number {
    return this.inSheet(row) ? this.wordOrFigureCounts[row]! : 0;
  }

  /** The first column whose cell counts as content in a table's body (-1 if none). */
  firstWordOrFigureColumn(row: number): number {
    return this.inSheet(row) ? this.firstWordOrFigure[row]! : -1;
  }

  /**
   * The first row from `from` on whose counts leave it a chance of heading a table (the sheet's
   * height if none): at least two filled cells, no more than half of them figures. Most rows of a
   * big sheet are ruled out this way, in one loop over the counts rather than a call per row.
   */
  nextRowOfWords(from: number): number {
    for (let r = Math.max(from, 0); r < this.rows; r++) {
      const filled = this.filledCounts[r]!;
      if (filled >= 2 && this.figureCounts[r]! * 2 <= filled) return r;
    }
    return this.rows;
  }

  /** The first row from `from` on with at least one filled cell and at most `most` (the sheet's height if none). */
  nextRowFilledUpTo(from: number, most: number): number {
    for (let r = Math.max(from, 0); r < this.rows; r++) {
      const filled = this.filledCounts[r]!;
      if (filled > 0 && filled <= most) return r;
    }
    return this.rows;
  }

  private inSheet(row: number): boolean {
    return row >= 0 && row < this.rows;
  }

  /**
   * Works out every row's counts, in one pass over the sheet's cells. Every row is tried as a
   * header and read as a body row, and on a big sheet each visit to every cell costs as much as
   * the tests themselves, so the visits are shared, and kept in arrays of numbers, not an array per
   * row. One loop over all rows, rather than a call per row asked about, is quickly made fast.
   */
  private countRows(): void {
    // The format looked at last, and whether it shows a month: a row's figures share a format.
    let format = this.lastFormat;
    let monthOnly = this.lastFormatIsMonthOnly;
    const sheet = this.sheet;
    const rows = sheet.rows;
    for (let row = 0; row < this.rows; row++) {
      let filled = 0;
      let figures = 0;
      let wordsOrFigures = 0;
      let first = -1;
      let last = -1;
      let firstWordOrFigure = -1;
      const cells = rows[row];
      const length = widthOf(cells);
      for (let c = 0; c < length; c++) {
        // holdsSomething, a figure that cannot head a column, and showsWordOrFigure, asked of each
        // value once. Figures first: most cells are.
        const cell = cellAt(sheet, row, c);
        const value = cell.value;
        const kind = value.kind;
        let wordOrFigure = true;
        if (kind === 'number' || kind === 'date') {
          if (cell.format !== format) {
            format = cell.format;
            monthOnly = isMonthOnlyFormat(format);
          }
          if (!monthOnly) figures++;
        } else if (kind === 'text') {
          const text = value.value;
          const firstChar = text.charCodeAt(0);
          // Text starting with a printable ASCII character other than a space has something in it; only other text is trimmed to see.
          if (!(firstChar > 32 && firstChar < 127) && text.trim() === '') continue;
          wordOrFigure = startsWithWordOrStar(firstChar) || WORD_OR_STAR.test(text);
        } else if (kind === 'empty') {
          continue;
        } else {
          figures++;
        }
        filled++;
        if (first < 0) first = c;
        last = c;
        if (wordOrFigure && wordsOrFigures++ === 0) firstWordOrFigure = c;
      }
      this.filledCounts[row] = filled;
      this.figureCounts[row] = figures;
      this.wordOrFigureCounts[row] = wordsOrFigures;
      this.firstFilled[row] = first;
      this.lastFilled[row] = last;
      this.firstWordOrFigure[row] = firstWordOrFigure;
    }
    this.lastFormat = format;
    this.lastFormatIsMonthOnly = monthOnly;
  }

  /** Columns a row has cells for (filled or not): loops over a row's columns stop here. */
  rowLength(row: number): number {
    return widthOf(this.sheet.rows[row]);
  }

  /** The cell, if it holds something: a value other than nothing or blank text. */
  filledCell(row: number, col: number): Cell | undefined {
    const cell = cellAt(this.sheet, row, col);
    return holdsSomething(cell) ? cell : undefined;
  }

  /**
   * Whether a cell shows anything, as `text(row, col) !== ''` would say, without writing out a
   * figure's text: a figure or a truth value always shows something.
   */
  hasContent(row: number, col: number): boolean {
    const cell = cellAt(this.sheet, row, col);
    const kind = cell.value.kind;
    if (kind === 'empty') return false;
    if (kind === 'boolean' || (kind === 'number' && !this.isDateFormat(cell.format))) return true;
    // Text shows something when it is not blank: `holdsSomething` says so without trimming it.
    if (kind === 'text') return holdsSomething(cell);
    return this.text(row, col) !== '';
  }

  /**
   * Whether a filled cell counts as content in a table's body: a figure always does, text only
   * with a letter, a digit or a footnote star (not a lone dash or dot).
   */
  showsWordOrFigure(row: number, col: number): boolean {
    return showsWordOrFigure(this.cell(row, col));
  }

  /** Whether a column is empty in every one of these rows: a spacer column, where a table has one. */
  isEmptyDown(col: number, rows: readonly number[]): boolean {
    for (const r of rows) if (this.filledCell(r, col)) return false;
    return true;
  }

  /** Which rows these ranges stand on (1 for each), marked once: a sheet may hold thousands of tables. */
  rowsUnder(ranges: readonly CellRange[]): Uint8Array {
    const taken = new Uint8Array(this.rows);
    for (const range of ranges) taken.fill(1, Math.max(0, range.top), Math.min(this.rows, range.bottom + 1));
    return taken;
  }

  isBlankRow(row: number): boolean {
    return this.filledCount(row) === 0;
  }

  isHidden(row: number): boolean {
    return this.sheet.hiddenRows.has(row);
  }
}

type Row = Sheet['rows'][number];

/** A year typed as a plain number, with no format of its own ("2023", not "2,023" or "£2,023"). */
function isTypedYear(cell: Cell): cell is Cell & { value: { kind: 'number'; value: number } } {
  const value = cell.value;
  return value.kind === 'number' && !cell.format && Number.isInteger(value.value) && value.value >= 1990 && value.value <= 2100;
}

/**
 * A row's width. Every read of a row's cells goes through `cellAt`, and every width through this:
 * hosts hand over rows built in different ways (a literal, a `map` in slow or in optimised code,
 * a loop of `push`), which V8 keeps as different kinds of array, and code made fast for the kinds
 * it has seen is thrown away when it meets another. The first pass over the sheet (`countRows`)
 * shows these two every kind before the rules that read cells, here and when judging, are made
 * fast, so a new kind met halfway down a big sheet no longer sends each of them back to slow code.
 */
function widthOf(cells: Row): number {
  return cells ? cells.length : 0;
}

/** A value other than nothing or blank text. */
function holdsSomething(cell: Cell | undefined): cell is Cell {
  const value = cell?.value;
  if (!value || value.kind === 'empty') return false;
  if (value.kind !== 'text') return true;
  // Text starting with a printable ASCII character other than a space has something in it; only other text is trimmed to see.
  const first = value.value.charCodeAt(0);
  return (first > 32 && first < 127) || value.value.trim() !== '';
}

/** See `SheetGrid.showsWordOrFigure`. */
function showsWordOrFigure(cell: Cell): boolean {
  if (cell.value.kind !== 'text') return true;
  return startsWithWordOrStar(cell.value.value.charCodeAt(0)) || WORD_OR_STAR.test(cell.value.value);
}

/** Most text starts with an ASCII letter or digit, which settles `WORD_OR_STAR` without the Unicode-aware pattern. */
function startsWithWordOrStar(charCode: number): boolean {
  return (charCode >= 48 && charCode <= 57) || (charCode >= 65 && charCode <= 90) || (charCode >= 97 && charCode <= 122) || charCode === 42;
}

const WORD_OR_STAR = /[\p{L}\p{N}*]/u;

/**
 * A cell's place as one number (Excel has at most 16,384 columns): asked for on every cell
 * detection reads, where building a "row:col" string each time cost more than the lookup.
 */
function placeKey(row: number, col: number): number {
  return row * 16_384 + col;
}

/** The serial of a date cell, typed as a date or as a number shown as one. */
function serialOf(cell: Cell): number | undefined {
  if (cell.value.kind === 'date') return cell.value.serial;
  return cell.value.kind === 'number' && isDateFormat(cell.format) ? cell.value.value : undefined;
}

/**
 * The month (year × 12 + month) of a date on the first or last day of it; -1 for any other
 * figure or date, undefined for a cell with no figure.
 */
function monthEndOf(cell: Cell): number | undefined {
  if (cell.value.kind !== 'number' && cell.value.kind !== 'date') return undefined;
  const serial = serialOf(cell);
  if (serial === undefined) return -1;
  const date = dateFromSerial(serial);
  return date.day === 1 || dateFromSerial(serial + 1).month !== date.month ? date.year * 12 + date.month : -1;
}
