/**
 * A fake of the Excel object model (Office.js), faithful enough to drive src/hosts/excel and the
 * ribbon commands without Excel, and deterministic.
 *
 * What it models, as Office.js and Excel on the web do:
 * - Batching. Proxies are created on the client; property writes and method calls are queued and
 *   run, in order, at `context.sync()`. `load()`ed properties (and `ClientResult.value`) are
 *   available only after the sync that carried the load; reading before throws `PropertyNotLoaded`
 *   (Office.js: `ValueNotLoaded` for a ClientResult). A null object (`*OrNullObject`) has
 *   `isNullObject` true once loaded, and its other properties read as undefined.
 * - Requests. A sync with nothing queued sends nothing; otherwise it is one request (a round trip),
 *   counted and recorded: every queued operation is serialised with its arguments to JSON and the
 *   UTF-8 bytes summed. A request over `limits.requestBytes` (5 MB) fails with
 *   `RequestPayloadSizeLimitExceeded` before anything runs; a response (the loaded values) over
 *   `limits.responseBytes` fails with `ResponsePayloadSizeLimitExceeded`.
 * - `Excel.run` calls `context.sync()` once more when the batch function resolves (as Office.js
 *   does), so an operation left queued costs one more request.
 * - A failing operation stops the request: what ran before it stays applied (Office.js batches
 *   are not transactions), nothing after it runs, and no loaded values are delivered.
 * - Entering values as Excel does: a string starting with `=` becomes a formula (`+`, `-` and `@`
 *   followed by more than a number too); a leading apostrophe makes the rest literal text (the
 *   apostrophe is the cell's quote prefix and is not part of the value); strings that look like
 *   numbers, percentages, amounts, TRUE/FALSE, error values or UK dates become those; a cell
 *   formatted as Text (`@`) keeps the string. Strings over 32,767 characters are refused.
 *   Reading `formulas` gives a quote-prefixed text without its apostrophe, as Office.js does
 *   (OfficeDev/office-js#6687).
 * - Protection: writing cells of a protected sheet fails with `AccessDenied`; with the workbook's
 *   structure protected, adding, deleting or hiding sheets does too.
 * - Deleting a very hidden sheet fails with `InvalidOperation` (see Worksheet.delete in the
 *   Office.js reference). `worksheets.add` puts the new sheet at the end; setting
 *   `Worksheet.position` moves a sheet in the tab order (hidden sheets count), at the sync.
 * - `Range.clear(applyTo)`, 'All' by default: 'Contents' (and 'ResetContents', there being no cell
 *   controls) empties values and formulas and keeps formats; 'Formats' resets the number format to
 *   General and drops fills, fonts, borders, the quote prefix and merged areas the range touches,
 *   keeping values; 'All' does both. 'Hyperlinks' and 'RemoveHyperlinks' change nothing, the fake
 *   having no hyperlinks. Row heights, column widths, frozen panes, page layout, charts and tables
 *   stay, as they are not cell formats (tables: not verified).
 * - `Range.getSpecialCells(cellType, valueType)` gives a RangeAreas whose `areas.items` are ranges
 *   (address, values, formulas... loadable): 'Formulas' the cells holding a formula, 'Constants'
 *   the other non-empty cells (a quote-prefixed "=Met" is a constant), 'Blanks' the empty cells
 *   within the used range, 'Visible' the cells not in hidden rows or columns; the value type
 *   filters formulas and constants by their value (Errors, Logical, Numbers, Text and the
 *   combinations). The fake has no conditional formats or data validation, so those types find
 *   nothing. None found: `getSpecialCells` fails with `ItemNotFound`, the OrNullObject variant
 *   gives a null object. The cells are cut into rectangles row by row, rows with the same runs
 *   joined; Excel's own cut may differ (the same cells either way). Excel's "one cell searches the
 *   whole sheet" rule of Go To Special is not modelled.
 *
 * What it does not model: calculation (a written formula is evaluated only when it is plain
 * arithmetic; anything else reads `#NAME?`), styles beyond what setCellProperties stores, events.
 * Chaining methods on a not-yet-known null object in the same request (getNextOrNullObject past
 * the last sheet) gives null objects; that is how the Office.js client treats null object paths,
 * but it is not verified against Excel itself.
 */
import { parseRangeAddress } from '../../src/core/model/address';
import { isDateFormat } from '../../src/core/model/cell-text';
import { serialFromDate } from '../../src/core/model/serial-dates';
import type { Cell, CellRange, Sheet, Workbook } from '../../src/core/model/workbook';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';

export const FIVE_MB = 5_000_000;
const MAX_CELL_TEXT = 32_767;

// ---- the document ------------------------------------------------------------------------------

export type FakeValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';
export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeCell {
  /** The value Excel reports: '' for empty, the error text ('#N/A') for errors. */
  value: string | number | boolean;
  type: FakeValueType;
  /** Excel number format; 'General' when none. */
  format: string;
  /** With its leading '='. */
  formula?: string;
  /** Solid fill '#RRGGBB'. */
  fill?: string;
  /** Entered with a leading apostrophe. */
  quotePrefix?: boolean;
  /** Everything else setCellProperties set (font, alignment, borders...). */
  style?: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  range: CellRange;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface FakeSheet {
  name: string;
  visibility: FakeVisibility;
  protected: boolean;
  rows: Array<Array<FakeCell | undefined> | undefined>;
  merges: CellRange[];
  tables: FakeTable[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  pageLayout: Record<string, unknown>;
  charts: Array<{ type: string; source: string; seriesBy: string; title?: string; legendVisible?: boolean; position?: string }>;
  deleted?: boolean;
}

export interface FakeRequest {
  /** 1-based over the fake's life. */
  readonly index: number;
  /** Which Excel.run it belongs to (1-based), 0 outside Excel.run. */
  readonly run: number;
  /** The sync Excel.run makes itself when the batch function has resolved. */
  readonly closing: boolean;
  readonly operations: number;
  /** Operations that change the document (values, formats, sheets...). */
  readonly writes: number;
  readonly requestBytes: number;
  responseBytes: number;
  /** Error code, when the request failed. */
  failed?: string;
  /** Names of the operations, in order (e.g. 'Range.set values'), for diagnosis. */
  readonly summary: readonly string[];
}

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

function officeError(code: string, message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, location);
}

function propertyNotLoaded(name: string): FakeOfficeError {
  return officeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---- addresses ---------------------------------------------------------------------------------

function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function a1(range: CellRange): string {
  const start = `${letters(range.left)}${range.top + 1}`;
  const end = `${letters(range.right)}${range.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function parseA1OrThrow(address: string, where: string): CellRange {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const range = parseRangeAddress(bare.replace(/\$/g, ''));
  if (!range)
    throw officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (address "${address}").`, where);
  return range;
}

// ---- entering values as Excel does -------------------------------------------------------------

const ERROR_LITERALS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const i = full.findIndex((name) => name === w || (w.length === 3 && name.startsWith(w)) || (w === 'sept' && name === 'september'));
  return i >= 0 ? i + 1 : MONTHS.indexOf(w) >= 0 ? MONTHS.indexOf(w) + 1 : undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/** A UK-locale date or time Excel would recognise when the text is entered, as a serial and a format. */
function parseDateEntry(text: string): { serial: number; format: string } | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    return validDate(year, month, day) ? { serial: serialFromDate({ year, month, day }), format: 'dd/mm/yyyy' } : undefined;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(year, month, day) ? { serial: serialFromDate({ year, month, day }), format: 'dd/mm/yyyy' } : undefined;
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    const [day, year] = [Number(m[1]), fullYear(m[3]!)];
    return month && validDate(year, month, day) ? { serial: serialFromDate({ year, month, day }), format: 'd-mmm-yy' } : undefined;
  }
  m = /^([A-Za-z]{3,9})[\s-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    const year = fullYear(m[2]!);
    return month && validDate(year, month, 1) ? { serial: serialFromDate({ year, month, day: 1 }), format: 'mmm-yy' } : undefined;
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) {
    return { serial: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400, format: 'h:mm' };
  }
  return undefined;
}

/** A number Excel would recognise when the text is entered: 12, -1,234.5, 50%, £12, (12), 1e3. */
function parseNumberEntry(text: string): { value: number; format?: string } | undefined {
  let t = text.trim();
  if (t === '') return undefined;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!.trim();
  }
  if (/^[+-]/.test(t)) {
    if (t[0] === '-') negative = !negative;
    t = t.slice(1).trim();
  }
  let format: string | undefined;
  if (/^[£$]/.test(t)) {
    format = `${t[0]}#,##0.00`;
    t = t.slice(1).trim();
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(t) || !/\d/.test(t)) return undefined;
  let value = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  if (percent) {
    value /= 100;
    format = format ?? (t.includes('.') ? `0.${'0'.repeat(t.split('.')[1]!.length)}%` : '0%');
  }
  return { value: negative ? -value : value, ...(format ? { format } : {}) };
}

/** Plain arithmetic only; anything else is a name Excel would not know here. */
function evaluateFormula(formula: string): { value: string | number | boolean; type: FakeValueType } {
  const body = formula.slice(1).trim();
  if (/^[\d.+\-*/()\s]+$/.test(body) && /\d/.test(body)) {
    try {
      const value = Function(`"use strict"; return (${body});`)() as unknown;
      if (typeof value === 'number' && Number.isFinite(value)) return { value, type: 'Double' };
      return { value: '#DIV/0!', type: 'Error' };
    } catch {
      return { value: '#NAME?', type: 'Error' };
    }
  }
  const text = /^"([^"]*)"$/.exec(body);
  if (text) return { value: text[1]!, type: 'String' };
  return { value: '#NAME?', type: 'Error' };
}

type Entered = Pick<FakeCell, 'value' | 'type' | 'formula' | 'quotePrefix'> & { format?: string };

/** What Excel stores when `input` is written to `values` of a cell formatted `format`. */
export function enterValue(input: unknown, format: string): Entered | 'unchanged' {
  if (input === null || input === undefined) return 'unchanged';
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (a number that is not finite).');
    return { value: input, type: 'Double' };
  }
  if (typeof input === 'boolean') return { value: input, type: 'Boolean' };
  if (typeof input !== 'string')
    throw officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (a ${typeof input} in values).`);
  if (input.length > MAX_CELL_TEXT)
    throw officeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (text of ${input.length} characters; a cell holds at most ${MAX_CELL_TEXT}).`,
    );
  if (input === '') return { value: '', type: 'Empty' };
  if (input.startsWith("'")) return { value: input.slice(1), type: input.length > 1 ? 'String' : 'Empty', quotePrefix: true };
  if (format === '@') return { value: input, type: 'String' };
  if (input.startsWith('=') && input.length > 1) return { ...evaluateFormula(input), formula: input };
  if (/^[+-]/.test(input) && input.length > 1) {
    const number = parseNumberEntry(input);
    if (number) return { value: number.value, type: 'Double', ...(number.format && format === 'General' ? { format: number.format } : {}) };
    const formula = `=${input}`;
    return { ...evaluateFormula(formula), formula };
  }
  if (input.startsWith('@') && input.length > 1) {
    const formula = `=${input}`;
    return { ...evaluateFormula(formula), formula };
  }
  if (/^(true|false)$/i.test(input.trim())) return { value: input.trim().toLowerCase() === 'true', type: 'Boolean' };
  if (ERROR_LITERALS.has(input.trim().toUpperCase())) return { value: input.trim().toUpperCase(), type: 'Error' };
  const number = parseNumberEntry(input);
  if (number) return { value: number.value, type: 'Double', ...(number.format && format === 'General' ? { format: number.format } : {}) };
  const date = parseDateEntry(input);
  if (date) return { value: date.serial, type: 'Double', ...(format === 'General' ? { format: date.format } : {}) };
  return { value: input, type: 'String' };
}

// ---- the fake ----------------------------------------------------------------------------------

export interface FakeExcelOptions {
  readonly limits?: { readonly requestBytes?: number; readonly responseBytes?: number };
}

interface QueuedOp {
  readonly json: unknown;
  readonly label: string;
  readonly write: boolean;
  readonly run: (delivery: Delivery) => void;
}

/** What a successful request hands back to the proxies. */
class Delivery {
  readonly apply: Array<() => void> = [];
  bytes = 0;
  /** `json`: the payload as the response would carry it. */
  add(json: string, apply: () => void): void {
    this.bytes += Buffer.byteLength(json, 'utf8');
    this.apply.push(apply);
  }
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly requests: FakeRequest[] = [];
  /** Every context.sync() call, including those with nothing queued (which send nothing). */
  syncCalls = 0;
  runs = 0;
  structureProtected = false;
  limits: { requestBytes: number; responseBytes: number };
  private injected: Array<{ code: string; message: string; when: (label: string) => boolean }> = [];
  /** The newest ExcelApi requirement set this Excel supports (Office.context.requirements). */
  excelApi = '1.13';
  readonly office = {
    associated: new Map<string, (event: unknown) => void>(),
    associateCalls: [] as string[],
    showAsTaskpaneCalls: 0,
    hideCalls: 0,
  };

  constructor(options: FakeExcelOptions = {}) {
    this.limits = { requestBytes: options.limits?.requestBytes ?? FIVE_MB, responseBytes: options.limits?.responseBytes ?? FIVE_MB };
  }

  // -- building and reading back --

  static fromWorkbook(workbook: Workbook, options?: FakeExcelOptions): FakeExcel {
    const fake = new FakeExcel(options);
    for (const sheet of workbook.sheets) fake.sheets.push(fakeSheetFrom(sheet));
    return fake;
  }

  static async fromXlsx(path: string, options?: FakeExcelOptions): Promise<FakeExcel> {
    const { workbook } = await readXlsxFile(path);
    return FakeExcel.fromWorkbook(workbook, options);
  }

  /** The document as the core's model, read straight from the fake (not through the Excel host). */
  toWorkbook(): Workbook {
    return { sheets: this.sheets.map(coreSheetFrom) };
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const s = this.sheet(sheet);
    const at = parseA1OrThrow(address, 'FakeExcel.cell');
    return s?.rows[at.top]?.[at.left];
  }

  /** Makes the next request whose operations include one matching `when` (any, by default) fail with `code`. */
  failNextRequest(code: string, message = `Fake failure (${code}).`, when: (operationLabel: string) => boolean = () => true): void {
    this.injected.push({ code, message, when });
  }

  /** Requests of the given Excel.run (1-based); all when omitted. */
  requestsOf(run?: number): FakeRequest[] {
    return run === undefined ? [...this.requests] : this.requests.filter((r) => r.run === run);
  }

  largestRequestBytes(run?: number): number {
    return Math.max(0, ...this.requestsOf(run).map((r) => r.requestBytes));
  }

  largestResponseBytes(run?: number): number {
    return Math.max(0, ...this.requestsOf(run).map((r) => r.responseBytes));
  }

  // -- Office.js entry points --

  /** Excel.run(batch) or Excel.run(options, batch). */
  async run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: FakeRequestContext) => Promise<T>;
    if (typeof batch !== 'function') throw officeError('InvalidArgument', 'Excel.run needs a batch function.');
    this.runs++;
    const context = new FakeRequestContext(this, this.runs);
    const result = await batch(context);
    // Office.js: `return ctx.sync(runBodyResult)` once the batch function's promise resolves; it
    // sends a request only when something is still queued.
    await context.sync(true);
    return result;
  }

  /** @internal */
  execute(context: FakeRequestContext, ops: QueuedOp[], closing: boolean): void {
    this.syncCalls++;
    if (ops.length === 0) return;
    const payload = ops.map((op) => op.json);
    const requestBytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
    const record: FakeRequest = {
      index: this.requests.length + 1,
      run: context.runNumber,
      closing,
      operations: ops.length,
      writes: ops.filter((op) => op.write).length,
      requestBytes,
      responseBytes: 0,
      summary: ops.map((op) => op.label),
    };
    this.requests.push(record);
    if (requestBytes > this.limits.requestBytes) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw officeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} bytes over ${this.limits.requestBytes}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    const delivery = new Delivery();
    try {
      for (const op of ops) {
        const injected = this.injected.findIndex((i) => i.when(op.label));
        if (injected >= 0) {
          const { code, message } = this.injected[injected]!;
          this.injected.splice(injected, 1);
          throw officeError(code, message, op.label);
        }
        op.run(delivery);
      }
    } catch (error) {
      record.failed = error instanceof FakeOfficeError ? error.code : 'GeneralException';
      throw error;
    }
    record.responseBytes = delivery.bytes;
    if (delivery.bytes > this.limits.responseBytes) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw officeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${delivery.bytes} bytes over ${this.limits.responseBytes}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    for (const apply of delivery.apply) apply();
  }

  // -- document operations used by the proxies --

  /** @internal */
  sheetOrThrow(name: string, where: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw officeError('ItemNotFound', `The requested resource doesn't exist (worksheet "${name}").`, where);
    return sheet;
  }

  /** @internal */
  addSheet(name: string | undefined, where: string): FakeSheet {
    if (this.structureProtected)
      throw officeError('AccessDenied', "You can't perform the requested operation: the workbook's structure is protected.", where);
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    if (
      chosen.length === 0 ||
      chosen.length > 31 ||
      /[:\\/?*[\]]/.test(chosen) ||
      /^'|'$/.test(chosen) ||
      chosen.toLowerCase() === 'history'
    ) {
      throw officeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format (sheet name "${chosen}").`,
        where,
      );
    }
    if (this.sheet(chosen))
      throw officeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (worksheet "${chosen}").`, where);
    const sheet = emptySheet(chosen);
    this.sheets.push(sheet);
    return sheet;
  }

  /** @internal */
  deleteSheet(sheet: FakeSheet, where: string): void {
    if (this.structureProtected)
      throw officeError('AccessDenied', "You can't perform the requested operation: the workbook's structure is protected.", where);
    if (sheet.visibility === 'VeryHidden') {
      throw officeError(
        'InvalidOperation',
        'The operation is invalid for the object in its current state (a very hidden worksheet cannot be deleted; make it hidden or visible first).',
        where,
      );
    }
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', where);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
  }

  /** @internal Worksheet.position = position: the sheet moves to that place in the tab order (hidden sheets count). */
  moveSheet(sheet: FakeSheet, position: unknown, where: string): void {
    // Out of range: refused here; not verified against Excel.
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw officeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format (position ${String(position)} of ${this.sheets.length} sheets).`,
        where,
      );
    }
    const from = this.sheets.indexOf(sheet);
    if (from === position) return;
    if (this.structureProtected)
      throw officeError('AccessDenied', "You can't perform the requested operation: the workbook's structure is protected.", where);
    this.sheets.splice(from, 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** @internal */
  setVisibility(sheet: FakeSheet, value: unknown, where: string): void {
    const visibility = value === 'Visible' || value === 'Hidden' || value === 'VeryHidden' ? value : undefined;
    if (!visibility)
      throw officeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format (visibility "${String(value)}").`,
        where,
      );
    if (visibility === sheet.visibility) return;
    if (this.structureProtected)
      throw officeError('AccessDenied', "You can't perform the requested operation: the workbook's structure is protected.", where);
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', where);
    }
    sheet.visibility = visibility;
  }
}

function emptySheet(name: string): FakeSheet {
  return {
    name,
    visibility: 'Visible',
    protected: false,
    rows: [],
    merges: [],
    tables: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    columnWidths: new Map(),
    frozenRows: 0,
    pageLayout: {},
    charts: [],
  };
}

function fakeCellFrom(cell: Cell): FakeCell | undefined {
  const format = cell.format ?? 'General';
  const common = {
    format,
    ...(cell.fill ? { fill: cell.fill.toUpperCase() } : {}),
    ...(cell.formula !== undefined ? { formula: `=${cell.formula}` } : {}),
  };
  switch (cell.value.kind) {
    case 'empty':
      return { value: '', type: 'Empty', ...common };
    case 'number':
      return { value: cell.value.value, type: 'Double', ...common };
    case 'date':
      return { value: cell.value.serial, type: 'Double', ...common, format: cell.format ?? 'dd/mm/yyyy' };
    case 'text':
      return { value: cell.value.value, type: 'String', ...common };
    case 'boolean':
      return { value: cell.value.value, type: 'Boolean', ...common };
    case 'error':
      return { value: cell.value.code, type: 'Error', ...common };
  }
}

function fakeSheetFrom(sheet: Sheet): FakeSheet {
  const out = emptySheet(sheet.name);
  out.visibility = sheet.visibility === 'veryHidden' ? 'VeryHidden' : sheet.visibility === 'hidden' ? 'Hidden' : 'Visible';
  out.protected = sheet.isProtected;
  out.rows = sheet.rows.map((row) => (row ? row.map((cell) => (cell ? fakeCellFrom(cell) : undefined)) : undefined));
  out.merges = sheet.merges.map((m) => ({ ...m }));
  out.tables = sheet.tables.map((t) => ({ name: t.name, range: { ...t.range }, showHeaders: t.hasHeaderRow, showTotals: t.hasTotalsRow }));
  out.hiddenRows = new Set(sheet.hiddenRows);
  out.hiddenColumns = new Set(sheet.hiddenColumns);
  return out;
}

function coreCellFrom(cell: FakeCell): Cell | undefined {
  const format = cell.format && cell.format !== 'General' ? cell.format : undefined;
  const extras = {
    ...(format ? { format } : {}),
    ...(cell.formula ? { formula: cell.formula.slice(1) } : {}),
    ...(cell.fill && cell.fill !== '#FFFFFF' ? { fill: cell.fill } : {}),
  };
  switch (cell.type) {
    case 'Empty':
      return Object.keys(extras).length === 0 ? undefined : { value: { kind: 'empty' }, ...extras };
    case 'String':
      return { value: { kind: 'text', value: String(cell.value) }, ...extras };
    case 'Boolean':
      return { value: { kind: 'boolean', value: Boolean(cell.value) }, ...extras };
    case 'Error':
      return { value: { kind: 'error', code: String(cell.value) }, ...extras };
    case 'Double':
      return isDateFormat(format)
        ? { value: { kind: 'date', serial: Number(cell.value) }, ...extras }
        : { value: { kind: 'number', value: Number(cell.value) }, ...extras };
  }
}

function coreSheetFrom(sheet: FakeSheet): Sheet {
  const rows = sheet.rows.map((row) => (row ? row.map((cell) => (cell ? coreCellFrom(cell) : undefined)) : undefined));
  while (rows.length > 0 && !rows[rows.length - 1]?.some(Boolean)) rows.pop();
  return {
    name: sheet.name,
    visibility: sheet.visibility === 'VeryHidden' ? 'veryHidden' : sheet.visibility === 'Hidden' ? 'hidden' : 'visible',
    isProtected: sheet.protected,
    rows,
    merges: sheet.merges.map((m) => ({ ...m })),
    hiddenRows: new Set(sheet.hiddenRows),
    hiddenColumns: new Set(sheet.hiddenColumns),
    tables: sheet.tables.map((t) => ({ name: t.name, range: { ...t.range }, hasHeaderRow: t.showHeaders, hasTotalsRow: t.showTotals })),
  };
}

// ---- request context and proxies ---------------------------------------------------------------

type Target = unknown;

class FakeRequestContext {
  private queue: QueuedOp[] = [];
  private nextId = 1;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add: (): void => {}, remove: (): void => {} };

  constructor(
    readonly fake: FakeExcel,
    readonly runNumber: number,
  ) {
    this.workbook = new WorkbookProxy(this, null, () => fake, 'workbook');
    this.application = new ApplicationProxy(this, null, () => fake, 'application');
  }

  id(): number {
    return this.nextId++;
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  async sync(closing = false): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    // Let a pending microtask (the caller's own awaits) settle first, as a real round trip would.
    await Promise.resolve();
    this.fake.execute(this, ops, closing);
  }
}

/** Base of every proxy: an object path, lazily resolved in order within a request, then kept. */
abstract class FakeObject {
  readonly _id: number;
  private resolved: { value: Target | null } | undefined;
  _loaded: Record<string, unknown> = {};
  _isNull: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    readonly _parent: FakeObject | null,
    private readonly resolver: () => Target | null,
    readonly _path: string,
    args: unknown[] = [],
  ) {
    this._id = context.id();
    if (_parent) {
      // The object path travels with the request that first uses it; counted where it is created.
      context.enqueue({
        json: { Id: this._id, T: 'ObjectPath', P: _parent._id, N: _path, A: args },
        label: `${new.target.name.replace(/Proxy$/, '')}.path ${_path}`,
        write: false,
        run: () => {},
      });
    }
  }

  abstract readonly className: string;

  /** The document object this proxy stands for, or null for a null object. */
  _target(): Target | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    const value = this.resolved.value;
    const sheet =
      value && typeof value === 'object'
        ? 'rows' in value
          ? (value as FakeSheet)
          : 'sheet' in value
            ? (value as { sheet: FakeSheet }).sheet
            : undefined
        : undefined;
    if (sheet?.deleted) {
      throw officeError('ItemNotFound', "The requested resource doesn't exist (the worksheet was deleted).", this.className);
    }
    return value;
  }

  _targetOrThrow(where: string): Target {
    const target = this._target();
    if (target === null) throw officeError('ItemNotFound', "The requested resource doesn't exist (a null object was used).", where);
    return target;
  }

  /** Queues an operation on this object. */
  _op(name: string, args: unknown[], write: boolean, run: (delivery: Delivery) => void): void {
    this.context.enqueue({ json: { O: this._id, N: name, A: args }, label: `${this.className}.${name}`, write, run });
  }

  _get(name: string): unknown {
    if (name in this._loaded) return this._loaded[name];
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(name);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject');
    return this._isNull;
  }

  /** Property values for a load, by name; subclasses answer for their own properties. */
  abstract _snapshot(name: string, target: Target, nested: string[]): unknown;

  load(spec?: unknown): this {
    const names = loadNames(spec);
    this._op('load', [names], false, (delivery) => {
      const target = this._target();
      if (target === null) {
        delivery.add('{"isNull":true}', () => {
          this._isNull = true;
        });
        return;
      }
      const groups = new Map<string, string[]>();
      for (const name of names) {
        const [head, ...rest] = name.split('/');
        if (!head || head === 'isNullObject') continue;
        const list = groups.get(head) ?? [];
        if (rest.length > 0) list.push(rest.join('/'));
        groups.set(head, list);
      }
      const values: Record<string, unknown> = {};
      for (const [head, nested] of groups) values[head] = this._snapshot(head, target, nested);
      delivery.add(jsonOf(values), () => {
        this._isNull = false;
        Object.assign(this._loaded, values);
      });
    });
    return this;
  }

  toJSON(): unknown {
    return { ...this._loaded };
  }
}

function loadNames(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadNames(s));
  if (typeof spec === 'object') {
    const o = spec as { select?: unknown; expand?: unknown };
    if ('select' in o || 'expand' in o) return [...loadNames(o.select), ...loadNames(o.expand)];
    return Object.keys(spec as object);
  }
  throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (load).');
}

/** The response text for loaded values; proxies in it are sent as their loaded properties. */
function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof FakeObject ? v.toJSON() : v));
}

function unknownProperty(className: string, name: string): FakeOfficeError {
  return officeError('InvalidArgument', `The property '${name}' does not exist on ${className} in this fake.`, `${className}.load`);
}

class ClientResult<T> {
  private loaded = false;
  private result: T | undefined;
  get value(): T {
    if (!this.loaded)
      throw officeError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this.result as T;
  }
  _set(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}

class ApplicationProxy extends FakeObject {
  readonly className = 'Application';
  suspendApiCalculationUntilNextSync(): void {
    this._op('suspendApiCalculationUntilNextSync', [], false, () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._op('suspendScreenUpdatingUntilNextSync', [], false, () => {});
  }
  _snapshot(name: string): unknown {
    throw unknownProperty(this.className, name);
  }
}

class WorkbookProxy extends FakeObject {
  readonly className = 'Workbook';
  get worksheets(): WorksheetCollectionProxy {
    return (this._worksheets ??= new WorksheetCollectionProxy(
      this.context,
      this,
      () => this._targetOrThrow('Workbook.worksheets'),
      'worksheets',
    ));
  }
  private _worksheets: WorksheetCollectionProxy | undefined;
  _snapshot(name: string): unknown {
    throw unknownProperty(this.className, name);
  }
}

class WorksheetCollectionProxy extends FakeObject {
  readonly className = 'WorksheetCollection';
  private get fake(): FakeExcel {
    return this.context.fake;
  }
  getFirst(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => {
        const sheet = this.fake.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
        if (!sheet)
          throw officeError('ItemNotFound', "The requested resource doesn't exist (no worksheets).", 'WorksheetCollection.getFirst');
        return sheet;
      },
      'getFirst',
      [visibleOnly],
    );
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, () => this.fake.sheetOrThrow(key, 'WorksheetCollection.getItem'), 'getItem', [key]);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, () => this.fake.sheet(key) ?? null, 'getItemOrNullObject', [key]);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => this.fake.sheets.find((s) => s.visibility === 'Visible') ?? null,
      'getActiveWorksheet',
    );
  }
  add(name?: string): WorksheetProxy {
    let added: FakeSheet | undefined;
    const proxy = new WorksheetProxy(
      this.context,
      this,
      () => {
        if (!added)
          throw officeError('InvalidObjectPath', 'The object path was used before the sheet was added.', 'WorksheetCollection.add');
        return added;
      },
      'add',
      [name],
    );
    this._op('add', [name], true, () => {
      added = this.fake.addSheet(name, 'WorksheetCollection.add');
    });
    return proxy;
  }
  get items(): WorksheetProxy[] {
    return this._get('items') as WorksheetProxy[];
  }
  _snapshot(name: string, _target: Target, nested: string[]): unknown {
    if (name !== 'items') throw unknownProperty(this.className, name);
    return this.fake.sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.context, null, () => sheet, 'item');
      proxy._isNull = false;
      for (const n of nested.length ? nested : ['name', 'visibility', 'position']) proxy._loaded[n] = proxy._snapshot(n, sheet);
      return proxy;
    });
  }
}

class WorksheetProxy extends FakeObject {
  readonly className = 'Worksheet';
  private sheetOf(where: string): FakeSheet {
    return this._targetOrThrow(`Worksheet.${where}`) as FakeSheet;
  }
  private maybeSheet(): FakeSheet | null {
    return this._target() as FakeSheet | null;
  }
  get name(): string {
    return this._get('name') as string;
  }
  get visibility(): string {
    return this._get('visibility') as string;
  }
  set visibility(value: string) {
    this._op('visibility', [value], true, () => this.context.fake.setVisibility(this.sheetOf('visibility'), value, 'Worksheet.visibility'));
  }
  get position(): number {
    return this._get('position') as number;
  }
  set position(value: number) {
    this._op('position', [value], true, () => this.context.fake.moveSheet(this.sheetOf('position'), value, 'Worksheet.position'));
  }
  get protection(): WorksheetProtectionProxy {
    return (this._protection ??= new WorksheetProtectionProxy(this.context, this, () => this.maybeSheet(), 'protection'));
  }
  private _protection: WorksheetProtectionProxy | undefined;
  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, this, () => this.maybeSheet(), 'tables'));
  }
  private _tables: TableCollectionProxy | undefined;
  get freezePanes(): FreezePanesProxy {
    return (this._freeze ??= new FreezePanesProxy(this.context, this, () => this.maybeSheet(), 'freezePanes'));
  }
  private _freeze: FreezePanesProxy | undefined;
  get pageLayout(): PageLayoutProxy {
    return (this._page ??= new PageLayoutProxy(this.context, this, () => this.maybeSheet(), 'pageLayout'));
  }
  private _page: PageLayoutProxy | undefined;
  get charts(): ChartCollectionProxy {
    return (this._charts ??= new ChartCollectionProxy(this.context, this, () => this.maybeSheet(), 'charts'));
  }
  private _charts: ChartCollectionProxy | undefined;

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const sheet = this.maybeSheet();
        if (!sheet) return null;
        const range =
          address === undefined || address === ''
            ? { top: 0, left: 0, bottom: 1_048_575, right: 16_383 }
            : parseA1OrThrow(address, 'Worksheet.getRange');
        return { sheet, range };
      },
      'getRange',
      [address],
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const sheet = this.maybeSheet();
        return sheet
          ? { sheet, range: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } }
          : null;
      },
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
    );
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  private usedRange(valuesOnly: boolean): { sheet: FakeSheet; range: CellRange } | null {
    const sheet = this.maybeSheet();
    if (!sheet) return null;
    const range = usedRangeOf(sheet, valuesOnly);
    return range ? { sheet, range } : null;
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this, () => this.usedRange(valuesOnly), 'getUsedRangeOrNullObject', [valuesOnly]);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const used = this.usedRange(valuesOnly);
        if (used) return used;
        const sheet = this.maybeSheet();
        return sheet ? { sheet, range: { top: 0, left: 0, bottom: 0, right: 0 } } : null;
      },
      'getUsedRange',
      [valuesOnly],
    );
  }
  getNextOrNullObject(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => {
        const sheet = this.maybeSheet();
        if (!sheet) return null;
        const sheets = this.context.fake.sheets;
        return sheets.slice(sheets.indexOf(sheet) + 1).find((s) => !visibleOnly || s.visibility === 'Visible') ?? null;
      },
      'getNextOrNullObject',
      [visibleOnly],
    );
  }
  delete(): void {
    this._op('delete', [], true, () => this.context.fake.deleteSheet(this.sheetOf('delete'), 'Worksheet.delete'));
  }
  activate(): void {
    this._op('activate', [], false, () => {
      const sheet = this.sheetOf('activate');
      if (sheet.visibility !== 'Visible')
        throw officeError('InvalidOperation', 'A hidden worksheet cannot be activated.', 'Worksheet.activate');
    });
  }
  _snapshot(name: string, target: Target): unknown {
    const sheet = target as FakeSheet;
    switch (name) {
      case 'name':
        return sheet.name;
      case 'visibility':
        return sheet.visibility;
      case 'position':
        return this.context.fake.sheets.indexOf(sheet);
      default:
        throw unknownProperty(this.className, name);
    }
  }
}

class WorksheetProtectionProxy extends FakeObject {
  readonly className = 'WorksheetProtection';
  get protected(): boolean {
    return this._get('protected') as boolean;
  }
  _snapshot(name: string, target: Target): unknown {
    if (name === 'protected') return (target as FakeSheet).protected;
    throw unknownProperty(this.className, name);
  }
}

class TableCollectionProxy extends FakeObject {
  readonly className = 'TableCollection';
  get items(): TableProxy[] {
    return this._get('items') as TableProxy[];
  }
  _snapshot(name: string, target: Target, nested: string[]): unknown {
    if (name !== 'items') throw unknownProperty(this.className, name);
    const sheet = target as FakeSheet;
    return sheet.tables.map((table) => {
      const proxy = new TableProxy(this.context, null, () => ({ sheet, table }), 'item');
      proxy._isNull = false;
      for (const n of nested.length ? nested : ['name', 'showHeaders', 'showTotals'])
        proxy._loaded[n] = proxy._snapshot(n, { sheet, table });
      return proxy;
    });
  }
}

class TableProxy extends FakeObject {
  readonly className = 'Table';
  get name(): string {
    return this._get('name') as string;
  }
  get showTotals(): boolean {
    return this._get('showTotals') as boolean;
  }
  get showHeaders(): boolean {
    return this._get('showHeaders') as boolean;
  }
  getRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const t = this._targetOrThrow('Table.getRange') as { sheet: FakeSheet; table: FakeTable };
        return { sheet: t.sheet, range: t.table.range };
      },
      'getRange',
    );
  }
  _snapshot(name: string, target: Target): unknown {
    const { table } = target as { table: FakeTable };
    if (name === 'name') return table.name;
    if (name === 'showTotals') return table.showTotals;
    if (name === 'showHeaders') return table.showHeaders;
    throw unknownProperty(this.className, name);
  }
}

class FreezePanesProxy extends FakeObject {
  readonly className = 'WorksheetFreezePanes';
  freezeRows(count = 1): void {
    this._op('freezeRows', [count], true, () => {
      (this._targetOrThrow('WorksheetFreezePanes.freezeRows') as FakeSheet).frozenRows = count;
    });
  }
  _snapshot(name: string): unknown {
    throw unknownProperty(this.className, name);
  }
}

class PageLayoutProxy extends FakeObject {
  readonly className = 'PageLayout';
  private setting(key: string, value: unknown): void {
    this._op(key, [value], true, () => {
      (this._targetOrThrow(`PageLayout.${key}`) as FakeSheet).pageLayout[key] = value;
    });
  }
  set orientation(value: string) {
    if (value !== 'Portrait' && value !== 'Landscape')
      throw officeError('InvalidArgument', `Orientation "${String(value)}" is not one Excel knows.`, 'PageLayout.orientation');
    this.setting('orientation', value);
  }
  set zoom(value: unknown) {
    this.setting('zoom', value);
  }
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const set = (key: string, value: string): void => this.setting(`headersFooters.defaultForAllPages.${key}`, value);
    const page: Record<string, string> = {};
    for (const key of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter']) {
      Object.defineProperty(page, key, {
        set: (value: string) => {
          if (typeof value !== 'string') throw officeError('InvalidArgument', `${key} must be text.`, `HeaderFooter.${key}`);
          set(key, value);
        },
        get: () => {
          throw propertyNotLoaded(key);
        },
      });
    }
    return { defaultForAllPages: page };
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows))
      throw officeError('InvalidArgument', `Print title rows "${rows}" are not rows.`, 'PageLayout.setPrintTitleRows');
    this.setting('printTitleRows', rows);
  }
  _snapshot(name: string, target: Target): unknown {
    const value = (target as FakeSheet).pageLayout[name];
    if (value === undefined) throw unknownProperty(this.className, name);
    return value;
  }
}

class ChartCollectionProxy extends FakeObject {
  readonly className = 'ChartCollection';
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let chart: FakeSheet['charts'][number] | undefined;
    const proxy = new ChartProxy(this.context, this, () => chart ?? null, 'add', [type, sourceData._id, seriesBy]);
    this._op('add', [type, sourceData._id, seriesBy], true, () => {
      const sheet = this._targetOrThrow('ChartCollection.add') as FakeSheet;
      const source = sourceData._targetOrThrow('ChartCollection.add') as { sheet: FakeSheet; range: CellRange };
      chart = { type, source: `${sheetPrefix(source.sheet.name)}!${a1(source.range)}`, seriesBy };
      sheet.charts.push(chart);
    });
    return proxy;
  }
  _snapshot(name: string): unknown {
    throw unknownProperty(this.className, name);
  }
}

type FakeChart = FakeSheet['charts'][number];

class ChartProxy extends FakeObject {
  readonly className = 'Chart';
  get title(): { text: string } {
    const set = (text: string): void =>
      this._op('title.text', [text], true, () => {
        (this._targetOrThrow('Chart.title') as FakeChart).title = text;
      });
    return {
      set text(value: string) {
        set(value);
      },
      get text(): string {
        throw propertyNotLoaded('text');
      },
    };
  }
  get legend(): { visible: boolean } {
    const set = (visible: boolean): void =>
      this._op('legend.visible', [visible], true, () => {
        (this._targetOrThrow('Chart.legend') as FakeChart).legendVisible = visible;
      });
    return {
      set visible(value: boolean) {
        set(value);
      },
      get visible(): boolean {
        throw propertyNotLoaded('visible');
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    parseA1OrThrow(startCell, 'Chart.setPosition');
    this._op('setPosition', [startCell, endCell], true, () => {
      (this._targetOrThrow('Chart.setPosition') as FakeChart).position = endCell ? `${startCell}:${endCell}` : startCell;
    });
  }
  _snapshot(name: string): unknown {
    throw unknownProperty(this.className, name);
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

/** The sheet's used range: cells with a value or formula, and with `valuesOnly` false also formatted cells. */
function usedRangeOf(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const used =
        cell.type !== 'Empty' ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.fill !== undefined || cell.format !== 'General' || cell.style !== undefined));
      if (!used) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

// ---- Range.clear -------------------------------------------------------------------------------

const CLEAR_APPLY_TO = ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'];

/** Range.clear(applyTo) on the document. Only existing cells are visited, so clearing a whole sheet is cheap. */
function clearRange(sheet: FakeSheet, range: CellRange, applyTo: string): void {
  // ResetContents: cells without cell controls (all of them, here) become blank, as Contents.
  const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  // Hyperlinks, RemoveHyperlinks: the fake has no hyperlinks, so nothing changes.
  if (!contents && !formats) return;
  const lastRow = Math.min(range.bottom, sheet.rows.length - 1);
  for (let r = range.top; r <= lastRow; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    const lastCol = Math.min(range.right, cells.length - 1);
    for (let c = range.left; c <= lastCol; c++) {
      const cell = cells[c];
      if (!cell) continue;
      if (contents) {
        cell.value = '';
        cell.type = 'Empty';
        delete cell.formula;
        delete cell.quotePrefix;
      }
      if (formats) {
        cell.format = 'General';
        delete cell.fill;
        delete cell.style;
        // Excel keeps the quote prefix with the cell's format; the text itself stays text.
        delete cell.quotePrefix;
      }
      if (
        cell.type === 'Empty' &&
        cell.formula === undefined &&
        cell.format === 'General' &&
        cell.fill === undefined &&
        cell.style === undefined &&
        !cell.quotePrefix
      )
        cells[c] = undefined;
    }
  }
  // A merged area is a format: clearing formats from any part of it unmerges it.
  if (formats) sheet.merges = sheet.merges.filter((m) => !intersects(m, range));
}

// ---- Range.getSpecialCells ---------------------------------------------------------------------

const SPECIAL_CELL_TYPES = [
  'ConditionalFormats',
  'DataValidations',
  'Blanks',
  'Constants',
  'Formulas',
  'SameConditionalFormat',
  'SameDataValidation',
  'Visible',
];

/** Excel.SpecialCellValueType: which value types of formulas or constants are kept. */
const SPECIAL_VALUE_TYPES: Record<string, readonly FakeValueType[]> = {
  All: ['Error', 'Boolean', 'Double', 'String'],
  Errors: ['Error'],
  ErrorsLogical: ['Error', 'Boolean'],
  ErrorsNumbers: ['Error', 'Double'],
  ErrorsText: ['Error', 'String'],
  ErrorsLogicalNumber: ['Error', 'Boolean', 'Double'],
  ErrorsLogicalText: ['Error', 'Boolean', 'String'],
  ErrorsNumberText: ['Error', 'Double', 'String'],
  Logical: ['Boolean'],
  LogicalNumbers: ['Boolean', 'Double'],
  LogicalText: ['Boolean', 'String'],
  LogicalNumbersText: ['Boolean', 'Double', 'String'],
  Numbers: ['Double'],
  NumbersText: ['Double', 'String'],
  Text: ['String'],
};

type Run = readonly [left: number, right: number];

/** Runs of columns per row (rows ascending) → rectangles: a run continues the rectangle above it when it spans the same columns. */
function rectanglesOf(rows: Iterable<readonly [row: number, runs: readonly Run[]]>): CellRange[] {
  const out: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  let open = new Map<string, (typeof out)[number]>();
  let previous = -2;
  for (const [row, runs] of rows) {
    const next = new Map<string, (typeof out)[number]>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const above = row === previous + 1 ? open.get(key) : undefined;
      if (above) {
        above.bottom = row;
        next.set(key, above);
      } else {
        const fresh = { top: row, left, bottom: row, right };
        out.push(fresh);
        next.set(key, fresh);
      }
    }
    open = next;
    previous = row;
  }
  return out;
}

function runsOf(cols: Iterable<number>): Run[] {
  const runs: Array<[number, number]> = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === c) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** Segments of [from, to] not in `hidden`. */
function visibleSegments(from: number, to: number, hidden: ReadonlySet<number>): Run[] {
  const cuts = [...hidden].filter((i) => i >= from && i <= to).sort((a, b) => a - b);
  const out: Run[] = [];
  let start = from;
  for (const cut of cuts) {
    if (cut > start) out.push([start, cut - 1]);
    start = cut + 1;
  }
  if (start <= to) out.push([start, to]);
  return out;
}

/** The cells of `range` Range.getSpecialCells(cellType, valueType) finds, as rectangles (empty when none). */
function specialCells(sheet: FakeSheet, range: CellRange, cellType: unknown, valueType: unknown, where: string): CellRange[] {
  if (typeof cellType !== 'string' || !SPECIAL_CELL_TYPES.includes(cellType)) {
    throw officeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (cellType "${String(cellType)}").`,
      where,
    );
  }
  if (valueType !== undefined && valueType !== null && (typeof valueType !== 'string' || !Object.hasOwn(SPECIAL_VALUE_TYPES, valueType))) {
    throw officeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format (cellValueType "${String(valueType)}").`,
      where,
    );
  }
  const kinds = SPECIAL_VALUE_TYPES[typeof valueType === 'string' ? valueType : 'All']!;
  const rowsWith = (bounds: CellRange, wanted: (cell: FakeCell | undefined) => boolean, everyColumn: boolean): Array<[number, Run[]]> => {
    const rows: Array<[number, Run[]]> = [];
    const lastRow = everyColumn ? bounds.bottom : Math.min(bounds.bottom, sheet.rows.length - 1);
    for (let r = bounds.top; r <= lastRow; r++) {
      const cells = sheet.rows[r];
      const cols: number[] = [];
      const lastCol = everyColumn ? bounds.right : Math.min(bounds.right, (cells?.length ?? 0) - 1);
      for (let c = bounds.left; c <= lastCol; c++) if (wanted(cells?.[c])) cols.push(c);
      if (cols.length > 0) rows.push([r, runsOf(cols)]);
    }
    return rows;
  };
  switch (cellType) {
    case 'Formulas':
      return rectanglesOf(rowsWith(range, (cell) => cell?.formula !== undefined && kinds.includes(cell.type), false));
    case 'Constants':
      return rectanglesOf(
        rowsWith(
          range,
          (cell) => cell !== undefined && cell.formula === undefined && cell.type !== 'Empty' && kinds.includes(cell.type),
          false,
        ),
      );
    case 'Blanks': {
      // Only as far as the used range reaches, as Excel does: not the million empty rows below it.
      const used = usedRangeOf(sheet, false);
      if (!used || !intersects(used, range)) return [];
      const bounds = {
        top: Math.max(used.top, range.top),
        left: Math.max(used.left, range.left),
        bottom: Math.min(used.bottom, range.bottom),
        right: Math.min(used.right, range.right),
      };
      return rectanglesOf(rowsWith(bounds, (cell) => cell === undefined || (cell.type === 'Empty' && cell.formula === undefined), true));
    }
    case 'Visible': {
      const cols = visibleSegments(range.left, range.right, sheet.hiddenColumns);
      if (cols.length === 0) return [];
      return visibleSegments(range.top, range.bottom, sheet.hiddenRows).flatMap(([top, bottom]) =>
        cols.map(([left, right]) => ({ top, left, bottom, right })),
      );
    }
    default:
      // Conditional formats and data validation: the fake's documents have none.
      return [];
  }
}

function rowsOf(range: CellRange): number {
  return range.bottom - range.top + 1;
}
function colsOf(range: CellRange): number {
  return range.right - range.left + 1;
}

function checkGrid(name: string, grid: unknown, range: CellRange): unknown[][] {
  if (!Array.isArray(grid) || grid.length !== rowsOf(range) || grid.some((row) => !Array.isArray(row) || row.length !== colsOf(range))) {
    const got = Array.isArray(grid) ? `${grid.length}×${Array.isArray(grid[0]) ? (grid[0] as unknown[]).length : '?'}` : typeof grid;
    throw officeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}: ${got} for ${rowsOf(range)}×${colsOf(range)}).`,
      `Range.${name}`,
    );
  }
  return grid as unknown[][];
}

function cellAtOrCreate(sheet: FakeSheet, row: number, col: number): FakeCell {
  const cells = (sheet.rows[row] ??= []);
  return (cells[col] ??= { value: '', type: 'Empty', format: 'General' });
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(from)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      into[key] = deepMerge({ ...((into[key] as Record<string, unknown> | undefined) ?? {}) }, value as Record<string, unknown>);
    } else into[key] = value;
  }
  return into;
}

function pick(full: unknown, spec: unknown): unknown {
  if (spec === true) return full;
  if (!spec || typeof spec !== 'object' || !full || typeof full !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(spec as Record<string, unknown>)) {
    const value = pick((full as Record<string, unknown>)[key], sub);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

class RangeProxy extends FakeObject {
  readonly className = 'Range';
  private t(where: string): RangeTarget {
    return this._targetOrThrow(`Range.${where}`) as RangeTarget;
  }
  private child(name: string, args: unknown[], derive: (t: RangeTarget) => RangeTarget | null): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const t = this._target() as RangeTarget | null;
        return t ? derive(t) : null;
      },
      name,
      args,
    );
  }
  private guardWrite(t: RangeTarget, where: string): void {
    if (t.sheet.protected)
      throw officeError(
        'AccessDenied',
        "The cell or chart you're trying to change is protected and therefore read-only.",
        `Range.${where}`,
      );
  }

  get address(): string {
    return this._get('address') as string;
  }
  get rowCount(): number {
    return this._get('rowCount') as number;
  }
  get columnCount(): number {
    return this._get('columnCount') as number;
  }
  get rowIndex(): number {
    return this._get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this._get('columnIndex') as number;
  }
  get values(): unknown[][] {
    return this._get('values') as unknown[][];
  }
  set values(grid: unknown[][]) {
    this._op('values', [grid], true, () => {
      const t = this.t('values');
      this.guardWrite(t, 'values');
      const rows = checkGrid('values', grid, t.range);
      rows.forEach((row, r) =>
        row.forEach((input, c) => {
          const existing = t.sheet.rows[t.range.top + r]?.[t.range.left + c];
          const entered = enterValue(input, existing?.format ?? 'General');
          if (entered === 'unchanged') return;
          const cell = cellAtOrCreate(t.sheet, t.range.top + r, t.range.left + c);
          cell.value = entered.value;
          cell.type = entered.type;
          if (entered.format) cell.format = entered.format;
          if (entered.formula) cell.formula = entered.formula;
          else delete cell.formula;
          if (entered.quotePrefix) cell.quotePrefix = true;
          else delete cell.quotePrefix;
        }),
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat') as unknown[][];
  }
  set numberFormat(grid: unknown[][]) {
    this._op('numberFormat', [grid], true, () => {
      const t = this.t('numberFormat');
      this.guardWrite(t, 'numberFormat');
      checkGrid('numberFormat', grid, t.range).forEach((row, r) =>
        row.forEach((format, c) => {
          if (format === null || format === undefined) return;
          if (typeof format !== 'string') throw officeError('InvalidArgument', 'A number format must be text.', 'Range.numberFormat');
          cellAtOrCreate(t.sheet, t.range.top + r, t.range.left + c).format = format;
        }),
      );
    });
  }
  get formulas(): unknown[][] {
    return this._get('formulas') as unknown[][];
  }
  set formulas(grid: unknown[][]) {
    this.values = grid;
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes') as string[][];
  }

  getRow(row: number): RangeProxy {
    return this.child('getRow', [row], (t) => {
      if (row < 0 || row >= rowsOf(t.range)) throw officeError('InvalidArgument', `Row ${row} is outside the range.`, 'Range.getRow');
      return { sheet: t.sheet, range: { ...t.range, top: t.range.top + row, bottom: t.range.top + row } };
    });
  }
  getColumn(column: number): RangeProxy {
    return this.child('getColumn', [column], (t) => {
      if (column < 0 || column >= colsOf(t.range))
        throw officeError('InvalidArgument', `Column ${column} is outside the range.`, 'Range.getColumn');
      return { sheet: t.sheet, range: { ...t.range, left: t.range.left + column, right: t.range.left + column } };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.child('getCell', [row, column], (t) => ({
      sheet: t.sheet,
      range: { top: t.range.top + row, left: t.range.left + column, bottom: t.range.top + row, right: t.range.left + column },
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.child('getResizedRange', [deltaRows, deltaColumns], (t) => {
      const range = { ...t.range, bottom: t.range.bottom + deltaRows, right: t.range.right + deltaColumns };
      if (range.bottom < range.top || range.right < range.left)
        throw officeError('InvalidArgument', 'The resized range would be empty.', 'Range.getResizedRange');
      return { sheet: t.sheet, range };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.child('getOffsetRange', [rowOffset, columnOffset], (t) => ({
      sheet: t.sheet,
      range: {
        top: t.range.top + rowOffset,
        bottom: t.range.bottom + rowOffset,
        left: t.range.left + columnOffset,
        right: t.range.right + columnOffset,
      },
    }));
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const t = this._target() as RangeTarget | null;
        if (!t) return null;
        const areas = t.sheet.merges.filter((m) => intersects(m, t.range));
        return areas.length === 0 ? null : { sheet: t.sheet, areas };
      },
      'getMergedAreasOrNullObject',
    );
  }

  getSpecialCells(cellType: string, cellValueType?: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const t = this._targetOrThrow('Range.getSpecialCells') as RangeTarget;
        const areas = specialCells(t.sheet, t.range, cellType, cellValueType, 'Range.getSpecialCells');
        if (areas.length === 0)
          throw officeError('ItemNotFound', "The requested resource doesn't exist (no cells were found).", 'Range.getSpecialCells');
        return { sheet: t.sheet, areas };
      },
      'getSpecialCells',
      cellValueType === undefined ? [cellType] : [cellType, cellValueType],
    );
  }
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const t = this._target() as RangeTarget | null;
        if (!t) return null;
        const areas = specialCells(t.sheet, t.range, cellType, cellValueType, 'Range.getSpecialCellsOrNullObject');
        return areas.length === 0 ? null : { sheet: t.sheet, areas };
      },
      'getSpecialCellsOrNullObject',
      cellValueType === undefined ? [cellType] : [cellType, cellValueType],
    );
  }

  /** Range.clear(applyTo = 'All'). */
  clear(applyTo?: string): void {
    this._op('clear', applyTo === undefined ? [] : [applyTo], true, () => {
      const t = this.t('clear');
      const what = applyTo ?? 'All';
      if (typeof what !== 'string' || !CLEAR_APPLY_TO.includes(what))
        throw officeError(
          'InvalidArgument',
          `The argument is invalid or missing or has an incorrect format (applyTo "${String(what)}").`,
          'Range.clear',
        );
      this.guardWrite(t, 'clear');
      clearRange(t.sheet, t.range, what);
    });
  }

  getCellProperties(spec: unknown): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this._op('getCellProperties', [spec], false, (delivery) => {
      const t = this.t('getCellProperties');
      const grid: unknown[][] = [];
      for (let r = t.range.top; r <= t.range.bottom; r++) {
        const row: unknown[] = [];
        for (let c = t.range.left; c <= t.range.right; c++) row.push(pick(this.fullProperties(t.sheet, r, c), spec) ?? {});
        grid.push(row);
      }
      delivery.add(JSON.stringify(grid), () => result._set(grid));
    });
    return result;
  }
  private fullProperties(sheet: FakeSheet, r: number, c: number): Record<string, unknown> {
    const cell = sheet.rows[r]?.[c];
    const style = (cell?.style ?? {}) as Record<string, unknown>;
    const format = (style.format ?? {}) as Record<string, unknown>;
    return {
      address: `${sheetPrefix(sheet.name)}!${a1({ top: r, left: c, bottom: r, right: c })}`,
      format: {
        horizontalAlignment: 'General',
        verticalAlignment: 'Bottom',
        wrapText: false,
        ...format,
        fill: { pattern: cell?.fill ? 'Solid' : 'None', ...((format.fill as object | undefined) ?? {}), color: cell?.fill ?? '#FFFFFF' },
        font: { name: 'Calibri', size: 11, bold: false, italic: false, color: '#000000', ...((format.font as object | undefined) ?? {}) },
        rowHeight: sheet.rowHeights.get(r) ?? 15,
        columnWidth: sheet.columnWidths.get(c) ?? 48,
      },
      hidden: sheet.hiddenRows.has(r) || sheet.hiddenColumns.has(c),
    };
  }
  setCellProperties(grid: unknown[][]): void {
    this._op('setCellProperties', [grid], true, () => {
      const t = this.t('setCellProperties');
      this.guardWrite(t, 'setCellProperties');
      checkGrid('setCellProperties', grid, t.range).forEach((row, r) =>
        row.forEach((props, c) => {
          if (!props || typeof props !== 'object') return;
          const p = props as { format?: { fill?: { color?: unknown } } };
          const fill = p.format?.fill?.color;
          const hasOther =
            JSON.stringify(props) !== '{}' && !(Object.keys(props).length === 1 && p.format && Object.keys(p.format).length === 0);
          if (fill === undefined && !hasOther) return;
          const cell = cellAtOrCreate(t.sheet, t.range.top + r, t.range.left + c);
          if (typeof fill === 'string') {
            if (!/^#[0-9A-Fa-f]{6}$/.test(fill))
              throw officeError('InvalidArgument', `Fill colour "${fill}" is not #RRGGBB.`, 'Range.setCellProperties');
            cell.fill = fill.toUpperCase();
          }
          cell.style = deepMerge({ ...(cell.style ?? {}) }, props as Record<string, unknown>);
        }),
      );
    });
  }
  setRowProperties(rows: unknown[]): void {
    this._op('setRowProperties', [rows], true, () => {
      const t = this.t('setRowProperties');
      this.guardWrite(t, 'setRowProperties');
      if (!Array.isArray(rows) || rows.length !== rowsOf(t.range))
        throw officeError(
          'InvalidArgument',
          `setRowProperties needs one entry per row (${Array.isArray(rows) ? rows.length : '?'} for ${rowsOf(t.range)}).`,
          'Range.setRowProperties',
        );
      rows.forEach((props, i) => {
        const height = (props as { format?: { rowHeight?: unknown } } | null)?.format?.rowHeight;
        if (typeof height === 'number') t.sheet.rowHeights.set(t.range.top + i, height);
      });
    });
  }
  setColumnProperties(columns: unknown[]): void {
    this._op('setColumnProperties', [columns], true, () => {
      const t = this.t('setColumnProperties');
      this.guardWrite(t, 'setColumnProperties');
      if (!Array.isArray(columns) || columns.length !== colsOf(t.range))
        throw officeError(
          'InvalidArgument',
          `setColumnProperties needs one entry per column (${Array.isArray(columns) ? columns.length : '?'} for ${colsOf(t.range)}).`,
          'Range.setColumnProperties',
        );
      columns.forEach((props, i) => {
        const width = (props as { format?: { columnWidth?: unknown } } | null)?.format?.columnWidth;
        if (typeof width === 'number') t.sheet.columnWidths.set(t.range.left + i, width);
      });
    });
  }
  merge(across = false): void {
    this._op('merge', [across], true, () => {
      const t = this.t('merge');
      this.guardWrite(t, 'merge');
      const areas: CellRange[] = across
        ? Array.from({ length: rowsOf(t.range) }, (_, i) => ({ ...t.range, top: t.range.top + i, bottom: t.range.top + i }))
        : [t.range];
      for (const area of areas) {
        if (rowsOf(area) === 1 && colsOf(area) === 1) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, area));
        t.sheet.merges.push(area);
        // Excel keeps only the upper-left value of a merged area.
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            if (r === area.top && c === area.left) continue;
            const cell = t.sheet.rows[r]?.[c];
            if (cell) {
              cell.value = '';
              cell.type = 'Empty';
              delete cell.formula;
              delete cell.quotePrefix;
            }
          }
        }
      }
    });
  }
  unmerge(): void {
    this._op('unmerge', [], true, () => {
      const t = this.t('unmerge');
      this.guardWrite(t, 'unmerge');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.range));
    });
  }
  select(): void {
    this._op('select', [], false, () => {
      this.t('select');
    });
  }

  _snapshot(name: string, target: Target): unknown {
    const { sheet, range } = target as RangeTarget;
    const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: T[] = [];
        const cells = sheet.rows[r];
        for (let c = range.left; c <= range.right; c++) row.push(f(cells?.[c]));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return `${sheetPrefix(sheet.name)}!${a1(range)}`;
      case 'rowCount':
        return rowsOf(range);
      case 'columnCount':
        return colsOf(range);
      case 'rowIndex':
        return range.top;
      case 'columnIndex':
        return range.left;
      case 'values':
        return grid((cell) => (cell ? cell.value : ''));
      case 'valueTypes':
        return grid((cell) => (cell ? cell.type : 'Empty'));
      case 'numberFormat':
        return grid((cell) => (cell ? cell.format : 'General'));
      case 'formulas':
        // A quote-prefixed text comes back without its apostrophe (OfficeDev/office-js#6687).
        return grid((cell) => (cell ? (cell.formula ?? cell.value) : ''));
      case 'text':
        return grid((cell) => (cell ? String(cell.value) : ''));
      default:
        throw unknownProperty(this.className, name);
    }
  }
}

/** The properties a load of `areas` without a selection gives each area: every scalar one, as Office.js does. */
const RANGE_SCALARS = [
  'address',
  'rowCount',
  'columnCount',
  'rowIndex',
  'columnIndex',
  'values',
  'valueTypes',
  'numberFormat',
  'formulas',
  'text',
];

class RangeAreasProxy extends FakeObject {
  readonly className = 'RangeAreas';
  /** After `load('areas/items/address,...')`: the areas as ranges with what was loaded. */
  get areas(): { items: RangeProxy[] } {
    return this._get('areas') as { items: RangeProxy[] };
  }
  get areaCount(): number {
    return this._get('areaCount') as number;
  }
  get cellCount(): number {
    return this._get('cellCount') as number;
  }
  get address(): string {
    return this._get('address') as string;
  }
  _snapshot(name: string, target: Target, nested: string[]): unknown {
    const { sheet, areas } = target as { sheet: FakeSheet; areas: CellRange[] };
    const prefix = sheetPrefix(sheet.name);
    switch (name) {
      case 'areas': {
        const names = nested.map((n) => {
          if (n === 'items') return undefined;
          if (!n.startsWith('items/')) throw unknownProperty('RangeCollection', n);
          return n.slice('items/'.length);
        });
        const wanted = names.some((n) => n === undefined) || names.length === 0 ? RANGE_SCALARS : (names as string[]);
        return {
          items: areas.map((area) => {
            const range = new RangeProxy(this.context, null, () => ({ sheet, range: area }), 'item');
            range._isNull = false;
            for (const n of wanted) range._loaded[n] = range._snapshot(n, { sheet, range: area });
            return range;
          }),
        };
      }
      case 'areaCount':
        return areas.length;
      case 'cellCount':
        return areas.reduce((sum, area) => sum + rowsOf(area) * colsOf(area), 0);
      case 'address':
        return areas.map((area) => `${prefix}!${a1(area)}`).join(',');
      default:
        throw unknownProperty(this.className, name);
    }
  }
}

// ---- globals -----------------------------------------------------------------------------------

export const FAKE_ENUMS = {
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  ChartType: { barClustered: 'BarClustered', columnClustered: 'ColumnClustered', pie: 'Pie', line: 'Line' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  ClearApplyTo: {
    all: 'All',
    formats: 'Formats',
    contents: 'Contents',
    hyperlinks: 'Hyperlinks',
    removeHyperlinks: 'RemoveHyperlinks',
    resetContents: 'ResetContents',
  },
  SpecialCellType: {
    conditionalFormats: 'ConditionalFormats',
    dataValidations: 'DataValidations',
    blanks: 'Blanks',
    constants: 'Constants',
    formulas: 'Formulas',
    sameConditionalFormat: 'SameConditionalFormat',
    sameDataValidation: 'SameDataValidation',
    visible: 'Visible',
  },
  SpecialCellValueType: {
    all: 'All',
    errors: 'Errors',
    errorsLogical: 'ErrorsLogical',
    errorsNumbers: 'ErrorsNumbers',
    errorsText: 'ErrorsText',
    errorsLogicalNumber: 'ErrorsLogicalNumber',
    errorsLogicalText: 'ErrorsLogicalText',
    errorsNumberText: 'ErrorsNumberText',
    logical: 'Logical',
    logicalNumbers: 'LogicalNumbers',
    logicalText: 'LogicalText',
    logicalNumbersText: 'LogicalNumbersText',
    numbers: 'Numbers',
    numbersText: 'NumbersText',
    text: 'Text',
  },
} as const;

/**
 * Sets globalThis.Excel (run and the enums the host uses), globalThis.OfficeExtension (Error) and
 * globalThis.Office (actions.associate, addin.showAsTaskpane/hide and onReady, recorded on
 * `fake.office`; context.requirements.isSetSupported, up to `fake.excelApi`). Returns a function that puts back what was there.
 */
function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export function installFakeExcel(fake: FakeExcel): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = {
    run: (...args: unknown[]) => fake.run(...args),
    ...FAKE_ENUMS,
  };
  g.OfficeExtension = { Error: FakeOfficeError };
  g.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      requirements: {
        // Compared as versions ("1.13" is newer than "1.9"); only ExcelApi is modelled.
        isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && compareVersions(version, fake.excelApi) <= 0,
      },
    },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    actions: {
      associate: (name: string, handler: (event: unknown) => void) => {
        fake.office.associateCalls.push(name);
        fake.office.associated.set(name, handler);
      },
    },
    addin: {
      showAsTaskpane: async () => {
        fake.office.showAsTaskpaneCalls++;
      },
      hide: async () => {
        fake.office.hideCalls++;
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  };
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete g[key];
      else g[key] = value;
    }
  };
}
