import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseRangeAddress } from '../../core/model/address';
import type { Sheet, SheetVisibility, TableObject, Workbook } from '../../core/model/workbook';
import { readSheetXml, richText, type SheetLayout } from './sheet-xml-read';
import { StylesPart } from './styles-xml';
import { DamagedPackageError } from './package-damage';
import { CONTENT_TYPES_PART, XlsxPackage } from './xlsx-package';
import { isXmlTrue } from './xml-text';
import { allTags, attribute, elementEnd, findTag, XmlDamageError } from './xml-tokenizer';
import { readZip, ZipFormatError } from './zip-archive';

/** A reason a file could not be opened, in words an officer can act on. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File (OLE2): password-protected .xlsx files and old .xls files both use it. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const RELATIONSHIP_TYPES = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  chartsheet: /\/chartsheet$/,
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
  table: /\/table$/,
} as const;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** A sheet as the workbook part lists it. */
export interface SheetEntry {
  readonly name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly relationshipId: string;
  /** Position among all the workbook's sheets (chart sheets too), as `localSheetId` counts. */
  readonly position: number;
  readonly layout: SheetLayout;
}

/** What a later write needs of the file it came from. */
export interface XlsxSource {
  /** The file's name, for messages. */
  readonly fileName: string;
  readonly package: XlsxPackage;
  readonly workbookPart: string;
  readonly sheets: readonly SheetEntry[];
  /** Every `<sheet>` in the workbook part, worksheets or not (chart sheets too), by name. */
  readonly allSheetNames: readonly string[];
  readonly styles: StylesPart;
  readonly stylesPart: string | undefined;
}

export interface XlsxRead {
  readonly workbook: Workbook;
  readonly source: XlsxSource;
  /** The workbook's structure is protected (sheets can't be added or removed). */
  readonly structureProtected: boolean;
}

export async function readXlsxFile(path: string): Promise<XlsxRead> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookFileError(`Can't open ${path}: there is no such file.`);
    if (code === 'EISDIR') throw new WorkbookFileError(`Can't open ${path}: it is a folder, not a workbook.`);
    if (code === 'EACCES') throw new WorkbookFileError(`Can't open ${path}: you don't have permission to read it.`);
    throw new WorkbookFileError(`Can't open ${path}: ${(error as Error).message}`);
  }
  return readXlsxBytes(bytes, name);
}

export async function readXlsxBytes(bytes: Uint8Array, name: string): Promise<XlsxRead> {
  if (bytes.length === 0) throw new WorkbookFileError(`${name} is empty (0 bytes); it is not an Excel workbook.`);
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new WorkbookFileError(
      `${name} is password-protected (encrypted) or an old-style .xls file. KPI Tracker reads .xlsx only: open it in Excel, remove the password or use Save As → Excel Workbook (.xlsx), and try again.`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookFileError(`${name} is not an Excel workbook (.xlsx). Save it from Excel as "Excel Workbook (.xlsx)" and try again.`);
  }
  try {
    return readPackage(new XlsxPackage(readZip(bytes)), name);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw damagedWorkbook(name, error);
  }
}

/**
 * The refusal for a workbook whose package can't be trusted (cut short, ambiguous, not sound XML):
 * what to do first, then what is wrong where that is known. Nothing else in its message would
 * help an officer, so an unforeseen failure says only the first part.
 */
export function damagedWorkbook(name: string, error: unknown): WorkbookFileError {
  const known = error instanceof ZipFormatError || error instanceof DamagedPackageError || error instanceof XmlDamageError;
  const detail = known ? ` (${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.)` : '';
  return new WorkbookFileError(
    `The workbook ${name} looks damaged: open it in Excel and save it again, then run KPI Tracker on the saved workbook.${detail}`,
  );
}

function notAWorkbook(name: string): WorkbookFileError {
  return new WorkbookFileError(
    `${name} is a zip file but not an Excel workbook (.xlsx): it has no worksheets inside. Save it from Excel as "Excel Workbook (.xlsx)" and try again.`,
  );
}

function readPackage(pkg: XlsxPackage, name: string): XlsxRead {
  // Every package lists its parts' content types; a write adds to the list, so it must be there and sound.
  if (pkg.text(CONTENT_TYPES_PART) === undefined) {
    // A zip with no trace of a workbook is some other file; one with a workbook's parts is a damaged workbook.
    if (!pkg.has('_rels/.rels') && !pkg.entries.some((entry) => entry.name.startsWith('xl/'))) throw notAWorkbook(name);
    throw new DamagedPackageError(`it has no list of its parts' content types (${CONTENT_TYPES_PART})`);
  }
  const root = [...pkg.relationships('').values()].find((rel) => RELATIONSHIP_TYPES.officeDocument.test(rel.type));
  const workbookPart = root?.target ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === undefined) throw notAWorkbook(name);
  const relationships = pkg.relationships(workbookPart);
  const related = (pattern: RegExp): string | undefined => [...relationships.values()].find((rel) => pattern.test(rel.type))?.target;

  const stylesPart = related(RELATIONSHIP_TYPES.styles);
  const styles = new StylesPart(stylesPart ? pkg.text(stylesPart) : undefined);
  const sharedStringsPart = related(RELATIONSHIP_TYPES.sharedStrings);
  const sharedStrings = sharedStringsPart ? readSharedStrings(pkg.text(sharedStringsPart) ?? '') : [];
  if (sharedStringsPart) pkg.forget(sharedStringsPart);
  const workbookPr = findTag(workbookXml, 'workbookPr');
  const date1904 = isXmlTrue(workbookPr ? attribute(workbookPr.attributeText, 'date1904') : undefined);
  const protection = findTag(workbookXml, 'workbookProtection');
  const structureProtected = isXmlTrue(protection ? attribute(protection.attributeText, 'lockStructure') : undefined);

  const entries: SheetEntry[] = [];
  const sheets: Sheet[] = [];
  const sheetTags = allTags(workbookXml, 'sheet');
  let chartSheets = 0;
  sheetTags.forEach((tag, position) => {
    const relationshipId = attribute(tag.attributeText, 'id') ?? '';
    const rel = relationships.get(relationshipId);
    if (rel && RELATIONSHIP_TYPES.chartsheet.test(rel.type)) chartSheets++;
    if (!rel || !RELATIONSHIP_TYPES.worksheet.test(rel.type)) return;
    const xml = pkg.text(rel.target);
    if (xml === undefined) return;
    const sheetName = attribute(tag.attributeText, 'name') ?? `Sheet${position + 1}`;
    const state = attribute(tag.attributeText, 'state');
    const visibility: SheetVisibility = state === 'hidden' || state === 'veryHidden' ? state : 'visible';
    const { sheet, layout } = readSheetXml(xml, {
      name: sheetName,
      visibility,
      sharedStrings,
      styles,
      date1904,
      tables: readTables(pkg, rel.target),
    });
    pkg.forget(rel.target);
    sheets.push(sheet);
    entries.push({ name: sheetName, part: rel.target, relationshipId, position, layout });
  });
  if (sheets.length === 0) {
    if (chartSheets > 0)
      throw new WorkbookFileError(`${name} holds only chart sheets: there is no worksheet with cells, so there is no KPI table to find.`);
    throw notAWorkbook(name);
  }
  return {
    workbook: { sheets },
    source: {
      fileName: name,
      package: pkg,
      workbookPart,
      sheets: entries,
      allSheetNames: sheetTags.map((tag) => attribute(tag.attributeText, 'name') ?? ''),
      styles,
      stylesPart,
    },
    structureProtected,
  };
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const item of allTags(xml, 'si')) strings.push(item.selfClosing ? '' : richText(xml, item.end, elementEnd(xml, item)));
  return strings;
}

function readTables(pkg: XlsxPackage, sheetPart: string): TableObject[] {
  const tables: TableObject[] = [];
  for (const rel of pkg.relationships(sheetPart).values()) {
    if (!RELATIONSHIP_TYPES.table.test(rel.type)) continue;
    const xml = pkg.text(rel.target);
    const tag = xml ? findTag(xml, 'table') : undefined;
    if (!tag) continue;
    const range = parseRangeAddress(attribute(tag.attributeText, 'ref') ?? '');
    const tableName = attribute(tag.attributeText, 'name') ?? attribute(tag.attributeText, 'displayName');
    if (!range || !tableName) continue;
    tables.push({
      name: tableName,
      range,
      hasHeaderRow: attribute(tag.attributeText, 'headerRowCount') !== '0',
      hasTotalsRow: Number(attribute(tag.attributeText, 'totalsRowCount') ?? 0) > 0,
    });
  }
  return tables;
}
