import { columnIndex, columnLetter, parseRangeAddress } from '../../core/model/address';
import { isDateFormat } from '../../core/model/cell-text';
import type { Cell, CellRange, CellValue, Sheet, SheetVisibility, TableObject } from '../../core/model/workbook';
import type { StylesPart } from './styles-xml';
import { decodeExcelEscapes, isXmlTrue } from './xml-text';
import { attribute, elementEnd, elementText, nextTag, XmlDamageError, type Tag } from './xml-tokenizer';

export interface SheetContext {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly sharedStrings: readonly string[];
  readonly styles: StylesPart;
  /** Dates counted from 1904 (old Mac workbooks); the model counts from 1900. */
  readonly date1904: boolean;
  readonly tables: readonly TableObject[];
}

/** What a later write needs to know of a sheet's rows without reading the sheet again. */
export interface SheetLayout {
  /** 1-based number of the last row the sheet has. */
  readonly lastRow: number;
}

const DAYS_1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Reads a worksheet part into the model: values, formats, fills, formulas, merges, hidden rows and columns. */
export function readSheetXml(xml: string, context: SheetContext): { sheet: Sheet; layout: SheetLayout } {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows = new Set<number>();
  const hiddenColumnRanges: Array<[number, number]> = [];
  const merges: CellRange[] = [];
  const sharedFormulas = new Map<string, { text: string; row: number; col: number }>();
  let isProtected = false;
  let lastRow = 0;
  let widest = 0;

  let tag = nextTag(xml, 0);
  let row = -1;
  let col = -1;
  let cells: (Cell | undefined)[] | undefined;
  let inSheetData = false;
  const arrayFormulas: ArrayFormula[] = [];
  while (tag) {
    if (tag.closing) {
      if (tag.name === 'sheetData') inSheetData = false;
      tag = nextTag(xml, tag.end);
      continue;
    }
    if (tag.name === 'sheetData') {
      inSheetData = !tag.selfClosing;
      tag = nextTag(xml, tag.end);
      continue;
    }
    // Drawings of form controls and OLE objects have <xdr:row>/<xdr:col> of their own: only
    // the sheet's rows, cells and columns are read.
    if (!inSheetData && (tag.name === 'row' || tag.name === 'c')) {
      tag = nextTag(xml, tag.selfClosing ? tag.end : elementEnd(xml, tag));
      continue;
    }
    switch (tag.name) {
      case 'row': {
        const r = attribute(tag.attributeText, 'r');
        row = r !== undefined ? Number(r) - 1 : row + 1;
        col = -1;
        cells = [];
        rows[row] = cells;
        lastRow = Math.max(lastRow, row + 1);
        if (isXmlTrue(attribute(tag.attributeText, 'hidden'))) hiddenRows.add(row);
        break;
      }
      case 'c': {
        const r = attribute(tag.attributeText, 'r');
        col = r !== undefined ? columnOfReference(r) : col + 1;
        const { cell, end } = readCell(xml, tag, row, col, context, sharedFormulas, arrayFormulas);
        if (cell) {
          // A cell outside any row element is not valid, but costs nothing to keep.
          cells ??= rows[Math.max(row, 0)] ??= [];
          cells[col] = cell;
          if (col + 1 > widest) widest = col + 1;
        }
        tag = nextTag(xml, end);
        continue;
      }
      case 'col': {
        if (isXmlTrue(attribute(tag.attributeText, 'hidden'))) {
          const min = Number(attribute(tag.attributeText, 'min'));
          const max = Number(attribute(tag.attributeText, 'max'));
          if (Number.isInteger(min) && Number.isInteger(max)) hiddenColumnRanges.push([min - 1, max - 1]);
        }
        break;
      }
      case 'mergeCell': {
        const range = parseRangeAddress(attribute(tag.attributeText, 'ref') ?? '');
        if (range) merges.push(range);
        break;
      }
      case 'sheetProtection': {
        isProtected = isXmlTrue(attribute(tag.attributeText, 'sheet'));
        break;
      }
      case 'extLst':
      case 'sheetPr':
      case 'headerFooter':
      case 'controls':
      case 'oleObjects':
      case 'AlternateContent':
      case 'drawing':
        // Nothing inside these feeds the model; step over them whole.
        tag = nextTag(xml, elementEnd(xml, tag));
        continue;
    }
    tag = nextTag(xml, tag.end);
  }

  // Every cell an array formula fills (Ctrl+Shift+Enter, or a dynamic array's spill) belongs to
  // that formula: writing into one would be lost on recalculation or break the spill.
  for (const array of arrayFormulas) {
    for (let r = array.range.top; r <= array.range.bottom; r++) {
      const line = (rows[r] ??= []);
      for (let c = array.range.left; c <= array.range.right; c++) {
        if (r === array.range.top && c === array.range.left) continue;
        const cell = line[c];
        line[c] = cell ? { ...cell, formula: array.formula } : { value: { kind: 'empty' }, formula: array.formula };
        if (c + 1 > widest) widest = c + 1;
      }
    }
  }

  // Excel keeps values only in the top-left cell of a merge; anything under the rest is hidden and not read.
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom; r++) {
      const line = rows[r];
      if (!line) continue;
      for (let c = merge.left; c <= merge.right; c++) if ((r !== merge.top || c !== merge.left) && line[c]) line[c] = undefined;
    }
  }
  const hiddenColumns = new Set<number>();
  for (const [min, max] of hiddenColumnRanges) for (let c = min; c <= Math.min(max, widest); c++) hiddenColumns.add(c);

  return {
    sheet: {
      name: context.name,
      visibility: context.visibility,
      isProtected,
      rows,
      merges,
      hiddenRows,
      hiddenColumns,
      tables: context.tables,
    },
    layout: { lastRow },
  };
}

/** The 0-based column of a cell reference such as `AB12` (letters in either case), read without slicing. */
export function columnOfReference(reference: string): number {
  let col = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20;
    if (code < 0x41 || code > 0x5a) break;
    col = col * 26 + (code - 0x40);
  }
  return col - 1;
}

/** A cell read from its opening tag, and the index just after the cell's element. */
function readCell(
  xml: string,
  open: Tag,
  row: number,
  col: number,
  context: SheetContext,
  sharedFormulas: Map<string, { text: string; row: number; col: number }>,
  arrayFormulas: ArrayFormula[],
): { cell: Cell | undefined; end: number } {
  const type = attribute(open.attributeText, 't') ?? 'n';
  const styleText = attribute(open.attributeText, 's');
  const style = styleText === undefined ? 0 : Number(styleText);
  const format = context.styles.formatOf(style);
  const fill = context.styles.fillOf(style);
  let raw: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  let end = open.end;
  if (!open.selfClosing) {
    // A cell holds at most a formula, a value and an inline string, each a child of the cell:
    // anything deeper (the runs of an inline string) is read by its own child.
    let child = nextTag(xml, open.end);
    while (child && !child.closing) {
      const childEnd = child.selfClosing ? child.end : elementEnd(xml, child);
      if (child.name === 'v') raw = child.selfClosing ? '' : elementText(xml, child, childEnd);
      else if (child.name === 'f') {
        formula = formulaOf(xml, child, childEnd, row, col, sharedFormulas);
        const range =
          attribute(child.attributeText, 't') === 'array' ? parseRangeAddress(attribute(child.attributeText, 'ref') ?? '') : undefined;
        if (range && (range.bottom > range.top || range.right > range.left)) arrayFormulas.push({ range, formula });
      } else if (child.name === 'is' && !child.selfClosing) inline = richText(xml, child.end, childEnd);
      child = nextTag(xml, childEnd);
    }
    // Every child was stepped over whole, so the closing tag met at this depth is the cell's own.
    if (!child) throw new XmlDamageError(`a cell <${open.prefix}${open.name}> is never closed`);
    end = child.end;
  }
  const value = valueOf(type, raw, inline, format, context);
  // A cell with a style but nothing in it (a border, a swatch of colour in a key) reads as empty.
  if (formula === undefined && value.kind === 'empty') return { cell: undefined, end };
  // Built field by field: this runs for every cell of every sheet, where spreads cost objects.
  const cell: { value: CellValue; formula?: string; format?: string; fill?: string } = { value };
  if (formula !== undefined) cell.formula = formula;
  if (format) cell.format = format;
  if (fill) cell.fill = fill;
  return { cell, end };
}

function valueOf(
  type: string,
  raw: string | undefined,
  inline: string | undefined,
  format: string | undefined,
  context: SheetContext,
): CellValue {
  switch (type) {
    case 's': {
      const text = raw === undefined ? undefined : context.sharedStrings[Number(raw)];
      return text ? { kind: 'text', value: text } : { kind: 'empty' };
    }
    case 'inlineStr':
      return inline ? { kind: 'text', value: inline } : { kind: 'empty' };
    case 'str':
      return raw ? { kind: 'text', value: decodeExcelEscapes(raw) } : { kind: 'empty' };
    case 'b':
      return raw === undefined || raw === '' ? { kind: 'empty' } : { kind: 'boolean', value: isXmlTrue(raw) };
    case 'e':
      return raw ? { kind: 'error', code: raw } : { kind: 'empty' };
    case 'd': {
      const time = raw ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`) : NaN;
      if (raw === undefined || raw === '') return { kind: 'empty' };
      return Number.isNaN(time) ? { kind: 'error', code: '#VALUE!' } : { kind: 'date', serial: (time - EXCEL_EPOCH) / MS_PER_DAY };
    }
    default: {
      if (raw === undefined || raw === '') return { kind: 'empty' };
      const number = Number(raw);
      if (!Number.isFinite(number)) return { kind: 'error', code: '#NUM!' };
      if (isDateFormat(format)) return { kind: 'date', serial: context.date1904 ? number + DAYS_1904_OFFSET : number };
      return { kind: 'number', value: number };
    }
  }
}

/** The text of a run of `<t>` elements, leaving out phonetic guides (`<rPh>`). */
export function richText(xml: string, from: number, to: number): string {
  let text = '';
  let tag = nextTag(xml, from);
  while (tag && tag.start < to) {
    if (!tag.closing && tag.name === 'rPh') {
      tag = nextTag(xml, elementEnd(xml, tag));
      continue;
    }
    if (!tag.closing && tag.name === 't' && !tag.selfClosing) {
      const close = elementEnd(xml, tag);
      text += elementText(xml, tag, close);
      tag = nextTag(xml, close);
      continue;
    }
    tag = nextTag(xml, tag.end);
  }
  return decodeExcelEscapes(text);
}

interface ArrayFormula {
  readonly range: CellRange;
  readonly formula: string;
}

function formulaOf(
  xml: string,
  tag: Tag,
  close: number,
  row: number,
  col: number,
  shared: Map<string, { text: string; row: number; col: number }>,
): string {
  const text = tag.selfClosing ? '' : elementText(xml, tag, close);
  if (attribute(tag.attributeText, 't') !== 'shared') return text;
  const index = attribute(tag.attributeText, 'si') ?? '';
  if (text !== '') {
    shared.set(index, { text, row, col });
    return text;
  }
  const master = shared.get(index);
  return master ? shiftFormula(master.text, row - master.row, col - master.col) : '';
}

/** A shared formula as it reads in another cell: relative references moved by the distance from the first cell. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return (
    formula
      // Text in double quotes and sheet names in single quotes are not references.
      .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
      .map((piece, i) =>
        i % 2 === 1
          ? piece
          : piece.replace(
              /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
              (whole, colFixed: string, letters: string, rowFixed: string, digits: string) => {
                const c = colFixed ? columnIndex(letters) : columnIndex(letters) + cols;
                const r = rowFixed ? Number(digits) : Number(digits) + rows;
                if (c < 0 || r < 1) return '#REF!';
                return `${colFixed}${columnLetter(c)}${rowFixed}${r}`;
              },
            ),
      )
      .join('')
  );
}
