import { cellAddress, columnLetter, parseRangeAddress, quoteSheetName } from '../../core/model/address';
import { EMPTY_PLAN_VALUE, type CellEdit, type OwnedSheet, type PlanCell, type PlanValue } from '../../core/plan/plan-types';
import { columnOfReference, type SheetLayout } from './sheet-xml-read';
import type { StylesPart } from './styles-xml';
import { Utf8Chunks } from './utf8-chunks';
import { getOrInsert } from '../../core/model/memo';
import { escapeCellText, isXmlTrue } from './xml-text';
import { allTags, attribute, elementEnd, ElementEnds, findTag, nextTag, removeAttribute, type Tag } from './xml-tokenizer';
import { DamagedPackageError } from './package-damage';
import { MAIN_NS, RELATIONSHIPS_NS } from './xlsx-package';

/**
 * One cell as worksheet XML. Text is always an inline string, so nothing a run writes can ever be
 * read as a formula, and the shared-strings part never has to be rewritten.
 */
export function cellXml(prefix: string, row: number, col: number, value: PlanValue, style: number | undefined): string {
  const head = `<${prefix}c r="${cellAddress(row, col)}"${style ? ` s="${style}"` : ''}`;
  switch (value.kind) {
    case 'text':
      // Empty text is an empty cell; keeping it as a zero-length string would only confuse other readers.
      if (value.text === '') return `${head}/>`;
      return `${head} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${escapeCellText(value.text)}</${prefix}t></${prefix}is></${prefix}c>`;
    case 'number':
      return Number.isFinite(value.value) ? `${head}><${prefix}v>${value.value}</${prefix}v></${prefix}c>` : `${head}/>`;
    case 'empty':
      return `${head}/>`;
  }
}

interface ExistingCell {
  readonly col: number;
  readonly start: number;
  readonly end: number;
  readonly style: number | undefined;
}

/**
 * The sheet with the edits made: rows without an edit are copied as they are, character for
 * character; in a row with one, only the edited cells are rewritten, keeping each cell's style
 * apart from the fill the edit asks for. Rows are found tag by tag, so a row written inside a
 * comment or a CDATA section is never taken for one; new rows take the prefix of the sheet's
 * own `<sheetData>`, new cells that of their row.
 */
export function patchSheetCells(xml: string, edits: readonly CellEdit[], styles: StylesPart): Buffer {
  const byRow = new Map<number, CellEdit[]>();
  for (const edit of edits) getOrInsert(byRow, edit.row, (): CellEdit[] => []).push(edit);
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const ends = new ElementEnds(xml);
  const sheetData = sheetDataOf(xml, ends);
  const p = sheetData.prefix;
  const columnStyles = columnStylesOf(xml.slice(0, sheetData.bodyStart));
  const out = new Utf8Chunks();
  out.push(sheetData.head);
  let copiedTo = sheetData.bodyStart;
  let previousRow = -1;
  let next = 0;
  let tag = nextTag(xml, sheetData.bodyStart);
  while (tag && tag.start < sheetData.bodyEnd && next < pending.length) {
    const end = ends.endOf(tag);
    if (tag.name !== 'row') {
      tag = nextTag(xml, end);
      continue;
    }
    const r = attribute(tag.attributeText, 'r');
    const row = r !== undefined ? Number(r) - 1 : previousRow + 1;
    previousRow = row;
    while (next < pending.length && pending[next]! < row) {
      out.push(xml.slice(copiedTo, tag.start));
      out.push(newRowXml(p, pending[next]!, byRow.get(pending[next]!)!, styles, columnStyles));
      copiedTo = tag.start;
      next++;
    }
    if (next < pending.length && pending[next] === row) {
      out.push(xml.slice(copiedTo, tag.start));
      out.push(patchRow(xml, ends, tag, end, row, byRow.get(row)!, styles, columnStyles));
      copiedTo = end;
      next++;
    }
    tag = nextTag(xml, end);
  }
  out.push(xml.slice(copiedTo, sheetData.bodyEnd));
  for (; next < pending.length; next++) out.push(newRowXml(p, pending[next]!, byRow.get(pending[next]!)!, styles, columnStyles));
  out.push(sheetData.tail);
  return out.toBuffer();
}

/** Rows added under the last row of a sheet (the change log grows this way), with their heights where given. */
export function appendRows(
  xml: string,
  layout: SheetLayout,
  rows: OwnedSheet['rows'],
  styles: StylesPart,
  heights?: OwnedSheet['rowHeights'],
): Buffer {
  const sheetData = sheetDataOf(xml, new ElementEnds(xml));
  const out = new Utf8Chunks();
  out.push(sheetData.head);
  out.push(xml.slice(sheetData.bodyStart, sheetData.bodyEnd));
  const cellTails = new Map<PlanCell, string>();
  rows.forEach((cells, i) => out.push(plannedRowXml(sheetData.prefix, layout.lastRow + i, cells, heights?.[i], styles, cellTails)));
  out.push(sheetData.tail);
  return out.toBuffer();
}

/**
 * Where a sheet's rows are: `head` is the text up to them (with `<sheetData/>` opened up),
 * [bodyStart, bodyEnd) the rows in `xml`, `tail` the text from the end of the rows on, and
 * `prefix` the one `<sheetData>` is written with.
 */
function sheetDataOf(xml: string, ends: ElementEnds): { head: string; bodyStart: number; bodyEnd: number; tail: string; prefix: string } {
  const tag = findTag(xml, 'sheetData');
  if (!tag) throw new DamagedPackageError('a worksheet has no cells part (<sheetData>)');
  const p = tag.prefix;
  if (tag.selfClosing)
    return {
      head: `${xml.slice(0, tag.start)}<${p}sheetData>`,
      bodyStart: tag.end,
      bodyEnd: tag.end,
      tail: `</${p}sheetData>${xml.slice(tag.end)}`,
      prefix: p,
    };
  const close = xml.lastIndexOf('<', ends.endOf(tag) - 1);
  return { head: xml.slice(0, tag.end), bodyStart: tag.end, bodyEnd: close, tail: xml.slice(close), prefix: p };
}

/** Styles `<col>` elements give the cells of their columns that the file does not hold yet. */
type ColumnStyles = ReadonlyArray<{ readonly min: number; readonly max: number; readonly style: number }>;

function columnStylesOf(head: string): ColumnStyles {
  const cols = findTag(head, 'cols');
  if (!cols || cols.selfClosing) return [];
  const found: Array<{ min: number; max: number; style: number }> = [];
  for (const tag of allTags(head, 'col', cols.end, elementEnd(head, cols))) {
    const style = Number(attribute(tag.attributeText, 'style') ?? NaN);
    const min = Number(attribute(tag.attributeText, 'min'));
    const max = Number(attribute(tag.attributeText, 'max'));
    if (Number.isInteger(style) && style > 0 && Number.isInteger(min) && Number.isInteger(max))
      found.push({ min: min - 1, max: max - 1, style });
  }
  return found;
}

/**
 * The style a new cell starts from, as Excel would show the empty cell before it: the row's
 * style when the row is formatted as a whole, otherwise its column's.
 */
function newCellStyle(rowStyle: number | undefined, col: number, columnStyles: ColumnStyles): number | undefined {
  if (rowStyle !== undefined) return rowStyle;
  for (const range of columnStyles) if (col >= range.min && col <= range.max) return range.style;
  return undefined;
}

function rowStyleOf(attributeText: string): number | undefined {
  const style = attribute(attributeText, 's');
  return isXmlTrue(attribute(attributeText, 'customFormat')) && style !== undefined ? Number(style) : undefined;
}

/** One edit per cell, in column order; should a plan ever hold two for a cell, the last wins. */
function editsByColumn(edits: readonly CellEdit[]): CellEdit[] {
  return [...new Map(edits.map((edit) => [edit.col, edit])).values()].sort((a, b) => a.col - b.col);
}

function patchRow(
  xml: string,
  ends: ElementEnds,
  tag: Tag,
  end: number,
  row: number,
  edits: CellEdit[],
  styles: StylesPart,
  columnStyles: ColumnStyles,
): string {
  const p = tag.prefix;
  const cells: ExistingCell[] = [];
  const contentEnd = tag.selfClosing ? tag.end : xml.lastIndexOf('<', end - 1);
  let col = -1;
  let cell = tag.selfClosing ? undefined : nextTag(xml, tag.end);
  while (cell && cell.start < contentEnd && !cell.closing) {
    const cellEnd = ends.endOf(cell);
    if (cell.name === 'c') {
      const r = attribute(cell.attributeText, 'r');
      col = r !== undefined ? columnOfReference(r) : col + 1;
      const s = attribute(cell.attributeText, 's');
      cells.push({ col, start: cell.start, end: cellEnd, style: s === undefined ? undefined : Number(s) });
    }
    cell = nextTag(xml, cellEnd);
  }
  const rowStyle = rowStyleOf(tag.attributeText);
  const parts: string[] = [];
  // `spans` is only a hint of the row's extent; dropped rather than left wrong.
  const attributes = removeAttribute(tag.attributeText, 'spans');
  parts.push(`<${p}row${attributes}>`);
  let cursor = tag.end;
  const sortedEdits = editsByColumn(edits);
  let e = 0;
  for (const cell of cells) {
    while (e < sortedEdits.length && sortedEdits[e]!.col < cell.col) {
      const edit = sortedEdits[e++]!;
      parts.push(xml.slice(cursor, cell.start), editedCellXml(p, row, edit, newCellStyle(rowStyle, edit.col, columnStyles), styles));
      cursor = cell.start;
    }
    if (e < sortedEdits.length && sortedEdits[e]!.col === cell.col) {
      parts.push(xml.slice(cursor, cell.start), editedCellXml(p, row, sortedEdits[e++]!, cell.style, styles));
      cursor = cell.end;
    }
  }
  parts.push(xml.slice(cursor, contentEnd));
  for (; e < sortedEdits.length; e++)
    parts.push(editedCellXml(p, row, sortedEdits[e]!, newCellStyle(rowStyle, sortedEdits[e]!.col, columnStyles), styles));
  parts.push(`</${p}row>`);
  return parts.join('');
}

function editedCellXml(p: string, row: number, edit: CellEdit, style: number | undefined, styles: StylesPart): string {
  const restyled = edit.fill ? styles.withFill(style ?? 0, edit.fill) : style;
  return cellXml(p, row, edit.col, edit.value, restyled);
}

function newRowXml(p: string, row: number, edits: CellEdit[], styles: StylesPart, columnStyles: ColumnStyles): string {
  const cells = editsByColumn(edits).map((edit) => editedCellXml(p, row, edit, newCellStyle(undefined, edit.col, columnStyles), styles));
  return `<${p}row r="${row + 1}">${cells.join('')}</${p}row>`;
}

/**
 * A row of cells the run builds. Sheets such as the change log share one PlanCell among thousands
 * of rows (the run's time, the sheet name, "Met"), so each cell's XML after its address is made
 * once per PlanCell and reused.
 */
function plannedRowXml(
  p: string,
  row: number,
  cells: ReadonlyArray<PlanCell | undefined>,
  height: number | undefined,
  styles: StylesPart,
  cellTails: Map<PlanCell, string>,
): string {
  let xml = '';
  const rowNumber = row + 1;
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (!cell) continue;
    let tail = cellTails.get(cell);
    if (tail === undefined) {
      const whole = cellXml(p, 0, 0, cell.value, styles.forLook(lookOf(cell)));
      tail = whole.slice(whole.indexOf('"', whole.indexOf(' r="') + 4) + 1);
      cellTails.set(cell, tail);
    }
    xml += `<${p}c r="${columnLetter(col)}${rowNumber}"${tail}`;
  }
  const heightAttributes = height ? ` ht="${height}" customHeight="1"` : '';
  return xml === '' && !heightAttributes ? '' : `<${p}row r="${rowNumber}"${heightAttributes}>${xml}</${p}row>`;
}

function lookOf(cell: PlanCell): Parameters<StylesPart['forLook']>[0] {
  const { value: _value, ...look } = cell;
  return look;
}

/**
 * Excel gives every cell of a merge the look of its first cell (a border drawn round a merged
 * heading comes from the cells along its edges), so the rest of each merge gets it too, empty.
 */
function withMergedLook(owned: OwnedSheet): ReadonlyArray<ReadonlyArray<PlanCell | undefined>> {
  if (!owned.merges?.length) return owned.rows;
  const rows = owned.rows.map((cells) => [...cells]);
  for (const merge of owned.merges) {
    const range = parseRangeAddress(merge);
    const first = range ? owned.rows[range.top]?.[range.left] : undefined;
    if (!range || !first) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      const cells = (rows[r] ??= []);
      for (let c = range.left; c <= range.right; c++) if (!cells[c]) cells[c] = { ...first, value: EMPTY_PLAN_VALUE };
    }
  }
  return rows;
}

const FOOTER_PAGE = '&RPage &P of &N';

/** A whole worksheet part for a sheet the run owns; `drawing` names its relationship to a drawing (a chart). */
export function buildSheetXml(owned: OwnedSheet, styles: StylesPart, drawing?: string): Buffer {
  // A loop, not Math.max(...rows): a first change log of 130,000 rows overflowed the call stack.
  let widest = 1;
  for (const cells of owned.rows) if (cells.length > widest) widest = cells.length;
  const lastRow = Math.max(1, owned.rows.length);
  const print = owned.print;
  const freeze = owned.freezeRows
    ? `<pane ySplit="${owned.freezeRows}" topLeftCell="A${owned.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${owned.freezeRows + 1}" sqref="A${owned.freezeRows + 1}"/>`
    : '';
  const columns = (owned.columnWidths ?? [])
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  const merges = owned.merges ?? [];
  const footer = print?.footer
    ? `<headerFooter><oddFooter>${escapeCellText(`&L${print.footer.replace(/&/g, '&&')}${FOOTER_PAGE}`)}</oddFooter></headerFooter>`
    : '';
  const out = new Utf8Chunks();
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
      (print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      `<dimension ref="A1:${columnLetter(widest - 1)}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0"${freeze ? '>' + freeze + '</sheetView>' : '/>'}</sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (columns ? `<cols>${columns}</cols>` : '') +
      '<sheetData>',
  );
  const cellTails = new Map<PlanCell, string>();
  withMergedLook(owned).forEach((cells, r) => out.push(plannedRowXml('', r, cells, owned.rowHeights?.[r], styles, cellTails)));
  // Heights given for rows past the last with cells still count.
  (owned.rowHeights ?? []).forEach((height, r) => {
    if (r >= owned.rows.length && height) out.push(`<row r="${r + 1}" ht="${height}" customHeight="1"/>`);
  });
  out.push(
    '</sheetData>' +
      (merges.length
        ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
        : '') +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      (print
        ? `<pageSetup paperSize="9" orientation="${print.landscape ? 'landscape' : 'portrait'}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`
        : '') +
      footer +
      (drawing ? `<drawing r:id="${drawing}"/>` : '') +
      '</worksheet>',
  );
  return out.toBuffer();
}

/** The print-titles name for an owned sheet that repeats rows on every page. */
export function printTitlesFormula(sheetName: string, rows: readonly [number, number]): string {
  return `${quoteSheetName(sheetName)}!$${rows[0]}:$${rows[1]}`;
}
