import JSZip from 'jszip';

/**
 * Builds .xlsx files from hand-written parts, for what Excel and other tools write that exceljs
 * never does: shared formulas, inline strings, `x:` prefixes, 1904 dates, rich text with phonetic
 * guides, rows and cells without references.
 */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface PartsOptions {
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly xml: string; readonly state?: string; readonly rels?: string }>;
  readonly sharedStrings?: readonly string[] | string;
  readonly styles?: string;
  readonly workbookPr?: string;
  readonly extraParts?: Readonly<Record<string, string | Uint8Array>>;
  readonly extraContentTypes?: string;
  readonly workbookExtra?: string;
  /** Write targets as absolute part names (`/xl/worksheets/sheet1.xml`), as some tools do. */
  readonly absoluteTargets?: boolean;
  readonly streamFiles?: boolean;
}

export const PLAIN_STYLES =
  `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export function worksheet(sheetData: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export async function xlsxFromParts(options: PartsOptions): Promise<Buffer> {
  const zip = new JSZip();
  const target = (path: string): string => (options.absoluteTargets ? `/xl/${path}` : path);
  const sheetOverrides = options.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetOverrides}` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      (options.sharedStrings
        ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
        : '') +
      `${options.extraContentTypes ?? ''}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetEntries = options.sheets
    .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${options.workbookPr ?? '<workbookPr/>'}<sheets>${sheetEntries}</sheets>${options.workbookExtra ?? ''}<calcPr calcId="191029"/></workbook>`,
  );
  const n = options.sheets.length;
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
      options.sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`)
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="${target('styles.xml')}"/>` +
      (options.sharedStrings
        ? `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`
        : '') +
      '</Relationships>',
  );
  options.sheets.forEach((sheet, i) => {
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml);
    if (sheet.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheet.rels);
  });
  zip.file('xl/styles.xml', options.styles ?? PLAIN_STYLES);
  if (options.sharedStrings) {
    const items =
      typeof options.sharedStrings === 'string'
        ? options.sharedStrings
        : options.sharedStrings.map((text) => `<si><t xml:space="preserve">${text}</t></si>`).join('');
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}">${items}</sst>`);
  }
  for (const [name, content] of Object.entries(options.extraParts ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: options.streamFiles ?? false });
}
