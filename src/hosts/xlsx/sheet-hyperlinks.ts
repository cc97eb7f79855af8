import { relationshipsPartOf, RELATIONSHIPS_NS, XlsxPackage } from './xlsx-package';
import { cellAddress } from '../../core/model/address';
import { decodeXml, escapeAttribute } from './xml-text';
import { entryFromContent, inflateEntry, readZip, writeZip, type ZipEntry } from './zip-archive';

const HYPERLINK_TYPE = `${RELATIONSHIPS_NS}/hyperlink`;
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A cell that opens another file, at a sheet and cell of it where `location` says. */
export interface FileLink {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  /** A URI reference: a relative path (`../services/housing.xlsx`, percent-encoded) or a `file:` URL. */
  readonly target: string;
  /** Where in the target: `'KPIs 2024-25'!D6`. */
  readonly location?: string;
}

/**
 * Elements that come after `<hyperlinks>` in a worksheet, in the schema's order: the links go in
 * before the first of them the sheet has.
 */
const AFTER_HYPERLINKS = [
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/**
 * Adds hyperlinks to sheets of a workbook KPI Tracker has just written (sheets it built whole,
 * which have no links of their own yet), by sheet name. Excel and LibreOffice open the target file
 * at the location when the cell is clicked. Every other part keeps its bytes.
 */
export async function addFileLinks(bytes: Uint8Array, linksBySheet: ReadonlyMap<string, readonly FileLink[]>): Promise<Buffer> {
  const pkg = new XlsxPackage(readZip(bytes));
  const replaced = new Map<string, Promise<ZipEntry>>();
  for (const sheet of sheetParts(pkg)) {
    const links = linksBySheet.get(sheet.name);
    if (!links || links.length === 0) continue;
    // The sheet stays bytes: a report of thousands of rows is tens of megabytes of XML.
    const xml = inflateEntry(pkg.entry(sheet.part)!);
    const relsPart = relationshipsPartOf(sheet.part);
    const existing = pkg.relationships(sheet.part);
    let rels =
      pkg.text(relsPart) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"></Relationships>`;
    const newRelationships: string[] = [];
    const elements: string[] = [];
    let next = 1;
    for (const link of links) {
      while (existing.has(`rId${next}`)) next++;
      const id = `rId${next++}`;
      newRelationships.push(
        `<Relationship Id="${id}" Type="${HYPERLINK_TYPE}" Target="${escapeAttribute(link.target)}" TargetMode="External"/>`,
      );
      elements.push(
        `<hyperlink ref="${cellAddress(link.row, link.col)}" r:id="${id}"` +
          (link.location ? ` location="${escapeAttribute(link.location)}"` : '') +
          '/>',
      );
    }
    const close = rels.lastIndexOf('</Relationships>');
    rels = `${rels.slice(0, close)}${newRelationships.join('')}${rels.slice(close)}`;
    replaced.set(sheet.part.toLowerCase(), entryFromContent(sheet.part, withHyperlinks(xml, elements.join(''))));
    replaced.set(relsPart.toLowerCase(), entryFromContent(relsPart, rels));
  }
  const entries: Array<ZipEntry | Promise<ZipEntry>> = [];
  const kept = new Set<string>();
  for (const entry of pkg.entries) {
    const key = entry.name.toLowerCase();
    kept.add(key);
    entries.push(replaced.get(key) ?? entry);
  }
  for (const [key, entry] of replaced) if (!kept.has(key)) entries.push(entry);
  return writeZip(await Promise.all(entries));
}

/**
 * Each sheet's name and part, from the workbook part KPI Tracker wrote, without reading the sheets
 * themselves (a report of thousands of rows would be parsed for nothing).
 */
function sheetParts(pkg: XlsxPackage): Array<{ name: string; part: string }> {
  const workbookPart = [...pkg.relationships('').values()].find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const relationships = pkg.relationships(workbookPart);
  const sheets: Array<{ name: string; part: string }> = [];
  for (const [tag] of (pkg.text(workbookPart) ?? '').matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    const id = /\sr:id="([^"]*)"/.exec(tag)?.[1];
    const part = id ? relationships.get(id)?.target : undefined;
    if (name !== undefined && part) sheets.push({ name: decodeXml(name), part });
  }
  return sheets;
}

/** The sheet's XML with a `<hyperlinks>` element in its place. */
function withHyperlinks(xml: Buffer, elements: string): Buffer {
  // After the cells: a cell's text is escaped, so none of these names can appear in it anyway.
  const from = Math.max(0, xml.lastIndexOf('</sheetData>'));
  let at = xml.lastIndexOf('</worksheet>');
  for (const name of AFTER_HYPERLINKS) {
    for (let found = xml.indexOf(`<${name}`, from); found >= 0 && found < at; found = xml.indexOf(`<${name}`, found + 1)) {
      const next = xml[found + name.length + 1];
      // The name whole, not the start of a longer one (`<drawing` is not `<drawingHF`).
      if (next === 0x20 || next === 0x2f || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) {
        at = found;
        break;
      }
    }
  }
  const head = xml.subarray(0, at);
  // Sheets KPI Tracker builds declare the relationships prefix the links use.
  if (!head.subarray(0, 4096).toString('utf8').includes(`xmlns:r="${RELATIONSHIPS_NS}"`))
    throw new Error('A sheet given links does not declare the relationships namespace as r.');
  return Buffer.concat([head, Buffer.from(`<hyperlinks>${elements}</hyperlinks>`, 'utf8'), xml.subarray(at)]);
}
