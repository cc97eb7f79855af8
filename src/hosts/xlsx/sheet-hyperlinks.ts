import { readXlsxBytes } from './read-xlsx';
import { relationshipsPartOf, RELATIONSHIPS_NS } from './xlsx-package';
import { cellAddress } from '../../core/model/address';
import { escapeAttribute } from './xml-text';
import { entryFromContent, writeZip, type ZipEntry } from './zip-archive';

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
  readonly tooltip?: string;
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
  const { source } = await readXlsxBytes(bytes, 'report');
  const pkg = source.package;
  const replaced = new Map<string, Promise<ZipEntry>>();
  for (const sheet of source.sheets) {
    const links = linksBySheet.get(sheet.name);
    if (!links || links.length === 0) continue;
    const xml = pkg.text(sheet.part)!;
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
          (link.tooltip ? ` tooltip="${escapeAttribute(link.tooltip)}"` : '') +
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

/** The sheet's XML with a `<hyperlinks>` element in its place; the `r` prefix declared where the sheet lacks it. */
function withHyperlinks(xml: string, elements: string): string {
  let at = xml.lastIndexOf('</worksheet>');
  for (const name of AFTER_HYPERLINKS) {
    const found = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (found && found.index < at) at = found.index;
  }
  let out = `${xml.slice(0, at)}<hyperlinks>${elements}</hyperlinks>${xml.slice(at)}`;
  if (!/<worksheet[^>]*\sxmlns:r\s*=/.test(out)) out = out.replace(/<worksheet(\s|>)/, `<worksheet xmlns:r="${RELATIONSHIPS_NS}"$1`);
  return out;
}
