/**
 * Adds a KPI table to a real workbook by the smallest change that makes one: a new worksheet
 * part holding seed 003's layout A table (tests/hosts/xlsx/seed-kpi-rows.ts), with its
 * relationship, its content type and its entry in the workbook's list of sheets. Every other part
 * keeps its bytes, and the parts changed are changed by inserting text, never by rewriting them,
 * so whatever is odd about the workbook (prefixes, a BOM, Strict namespaces, comments) stays.
 *
 * Done with plain text searches rather than the host's own tokenizer, so that a fault in the
 * host cannot hide itself by shaping its own input.
 */
import JSZip from 'jszip';
import { seedKpiRows } from '../hosts/xlsx/seed-kpi-rows';

export const KPI_SHEET_NAME = 'KPIs 2024-25';

const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface Surgery {
  readonly bytes: Buffer;
  /** The parts the surgery added or changed; empty when the package had no workbook to add to. */
  readonly changed: readonly string[];
  /** The new worksheet part, when one was added. */
  readonly kpiPart?: string;
}

/** `child` put as the last child of the first element named `name` (any prefix), opening it up when self-closed. */
function appendChild(xml: string, name: string, child: (prefix: string) => string): string | undefined {
  const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open) return undefined;
  const prefix = open[1] ?? '';
  if (open[3] === '/') {
    const opened = `<${prefix}${name}${open[2] ?? ''}>${child(prefix)}</${prefix}${name}>`;
    return xml.slice(0, open.index) + opened + xml.slice(open.index + open[0].length);
  }
  const close = xml.lastIndexOf(`</${prefix}${name}`);
  if (close < 0) return undefined;
  return xml.slice(0, close) + child(prefix) + xml.slice(close);
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The workbook with the KPI table added, or unchanged when there is no workbook part to add it to. */
export async function withKpiTable(original: Buffer): Promise<Surgery> {
  const zip = await JSZip.loadAsync(original);
  const text = async (name: string): Promise<string | undefined> => zip.file(name)?.async('string');
  const rootRels = await text('_rels/.rels');
  const target = rootRels && /<([\w.-]+:)?Relationship\s[^>]*?Type="[^"]*\/officeDocument"[^>]*>/.exec(rootRels)?.[0];
  const workbookPart = (target && /Target="\/?([^"]+)"/.exec(target)?.[1]) ?? 'xl/workbook.xml';
  const workbookRelsPart = `${folderOf(workbookPart)}_rels/${workbookPart.slice(folderOf(workbookPart).length)}.rels`;
  const workbook = await text(workbookPart);
  const workbookRels = await text(workbookRelsPart);
  const types = await text('[Content_Types].xml');
  if (workbook === undefined || workbookRels === undefined || types === undefined) return { bytes: original, changed: [] };

  const ns = workbook.includes(STRICT.main) ? STRICT : TRANSITIONAL;
  const kpiPart = `${folderOf(workbookPart)}worksheets/kpi-table.xml`;
  const ids = [...workbook.matchAll(/\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  // The relationships prefix is declared on the new element itself, whatever the root declares.
  const newWorkbook = appendChild(
    workbook,
    'sheets',
    (p) => `<${p}sheet xmlns:kpirel="${ns.relationships}" name="${KPI_SHEET_NAME}" sheetId="${sheetId}" kpirel:id="rIdKpiTable"/>`,
  );
  const newRels = appendChild(
    workbookRels,
    'Relationships',
    (p) => `<${p}Relationship Id="rIdKpiTable" Type="${ns.relationships}/worksheet" Target="worksheets/kpi-table.xml"/>`,
  );
  const newTypes = appendChild(types, 'Types', (p) => `<${p}Override PartName="/${kpiPart}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`);
  if (newWorkbook === undefined || newRels === undefined || newTypes === undefined) return { bytes: original, changed: [] };

  zip.file(workbookPart, newWorkbook);
  zip.file(workbookRelsPart, newRels);
  zip.file('[Content_Types].xml', newTypes);
  zip.file(
    kpiPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.relationships}"><sheetData>${seedKpiRows()}</sheetData></worksheet>`,
  );
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes, changed: [workbookPart, workbookRelsPart, '[Content_Types].xml', kpiPart], kpiPart };
}
