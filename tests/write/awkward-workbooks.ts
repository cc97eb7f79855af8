import ExcelJS from 'exceljs';
import type { SheetInput } from '../../src/hosts/memory/build-workbook';
import { SETTINGS_SHEET, settingsCells } from '../../src/core/settings/settings-store';
import { settingsFrom, settingsSheet, type SettingsInput } from '../support/settings-sheet';
import { excelWorkbook, type XlsxCell, type XlsxSheet } from '../support/xlsx-writer';

/**
 * Deliberately awkward workbooks for the write-back guard, each built twice: as an .xlsx file with
 * exceljs (the way a workbook saved by Excel arrives) and in memory with buildWorkbook.
 *
 * "KPIs 2024-25" is the second sheet. Its layout A table (header row 3) holds:
 *   01 (row 4)  description starting "="; Q2 near miss; empty status and commentary → the
 *               officer's near-miss template `=HYPERLINK(…)` lands as literal text.
 *   02 (row 5)  description starting "+"; met; officer commentary starting "-".
 *   03 (row 6)  description starting "-"; status cell holds a formula → left alone; missed
 *               template `=cmd|…` lands as literal text in the empty commentary.
 *   04 (row 7)  description starting "@"; met; commentary cell holds a formula → left alone.
 *   05 (row 8)  status cell holds the officer's "See note"; commentary starting "=".
 *   06 (row 9)  a hidden row; met; template `{indicator}` → its description.
 *   07–09 (rows 10–12) status cells already "Met" with the Met fill, all sharing one exceljs style;
 *               08 has missed, so only F11 changes; officer commentary starting "@" and "+".
 * Around it: a merged title and subtitle, a merged key below, an autofilter, custom row heights and
 * column widths, a hidden column, frozen panes. A third sheet holds formulas that point at the table.
 */
export const KPI_SHEET = 'KPIs 2024-25';
export const COVER_SHEET = 'Cover';
export const LOOKUPS_SHEET = 'Lookups';

export const TEMPLATES = {
  near: '=HYPERLINK("http://example.com/evil","{indicator}")',
  missed: "=cmd|' /C calc'!A0 {variance}",
  met: '{indicator}',
} as const;

export const AWKWARD_SETTINGS: SettingsInput = { version: 1, templates: { ...TEMPLATES } };

export const DESCRIPTIONS = {
  '01': '=SUM(A1:A9) rent collected as a % of rent due',
  '02': '+Void rent loss as a % of rent due',
  '03': '-Current tenant arrears as a % of rent debit',
  '04': '@Former tenant debt collected as a % of debt',
  '05': 'Average days to re-let empty homes',
  '06': 'Tenancy audits completed',
  '07': 'Rent collected as a % of rent due (garages)',
  '08': 'Homes let to households on the register',
  '09': 'Tenants satisfied with the repairs service',
} as const;

export const OFFICER_COMMENTARY = {
  G5: '-0.1 points on Q1; the voids team is back to full strength.',
  G8: '=See the note below the table (Q2 lettings slowed by the new IT system).',
  G10: '@Finance: figures checked against the rent account on 14/10/2024.',
  G11: '+3 lettings delayed by the new allocations policy; see the action plan.',
} as const;

/** The status formula in F6 and the commentary formula in G7 (without `=`). */
export const STATUS_FORMULA = 'IF(D6<=E6,"Met","Not met")';
export const COMMENTARY_FORMULA = '"Q2: "&TEXT(D7,"0%")';

type Row = readonly [ref: string, q1: number, q2: number, target: number, status: XlsxCell, commentary: XlsxCell];

const pct = (v: number): XlsxCell => ({ v, fmt: '0.0%' });

/** Columns: A ref, B description, C Q1, D Q2, E target, F status, G commentary, H data source (hidden). */
const TABLE: readonly Row[] = [
  ['01', 0.95, 0.96, 0.97, null, null],
  ['02', 0.021, 0.019, 0.02, null, OFFICER_COMMENTARY.G5],
  ['03', 0.05, 0.045, 0.04, { formula: STATUS_FORMULA, result: 'Not met' }, null],
  ['04', 0.3, 0.35, 0.3, null, { formula: COMMENTARY_FORMULA, result: 'Q2: 35%' }],
  ['05', 30, 27, 25, 'See note', OFFICER_COMMENTARY.G8],
  ['06', 0.9, 0.92, 0.9, null, null],
  ['07', 0.97, 0.98, 0.97, 'Met', OFFICER_COMMENTARY.G10],
  ['08', 0.6, 0.4, 0.6, 'Met', OFFICER_COMMENTARY.G11],
  ['09', 0.8, 0.85, 0.8, 'Met', null],
];

/** The table occupies columns A–H; the status column is F, commentary G. */
export const STATUS_COL = 'F';
export const COMMENTARY_COL = 'G';
export const HIDDEN_ROW = 9;
export const SHARED_STYLE_STATUS_CELLS = ['F10', 'F11', 'F12'] as const;
export const MET_FILL = '#BFE5D6';

const HEADER = [
  'Indicator No.',
  'KPI Description',
  'Q1 2024/25',
  'Q2 2024/25',
  'Annual Target 2024/25',
  'Status',
  'Commentary',
  'Data source',
];

function rowsFor(formatCell: (row: Row, col: number, value: XlsxCell) => XlsxCell = (_r, _c, v) => v): XlsxCell[][] {
  const rows: XlsxCell[][] = [
    ['Tenancy Services – Key Performance Indicators 2024/25'],
    ['Figures to the end of Q2, for the Housing Scrutiny Panel'],
    HEADER,
  ];
  for (const row of TABLE) {
    const [ref, q1, q2, target, status, commentary] = row;
    const isCount = ref === '05';
    const cells: XlsxCell[] = [
      { v: ref, fmt: '@' },
      DESCRIPTIONS[ref as keyof typeof DESCRIPTIONS],
      isCount ? q1 : pct(q1),
      isCount ? q2 : pct(q2),
      isCount ? target : { v: target, fmt: '0%' },
      status,
      commentary,
      'Housing management system',
    ];
    rows.push(cells.map((value, col) => formatCell(row, col, value)));
  }
  rows.push([]);
  rows.push(['Key: Met = on or above target; Near miss = within 5% of target; Not met = outside tolerance.']);
  return rows;
}

const COVER_ROWS: XlsxCell[][] = [
  ['Tenancy Services – Performance Pack 2024/25'],
  [],
  ['Prepared by: J Smith, Performance Officer'],
  [{ formula: '"Pack "&"2024/25"', result: 'Pack 2024/25' }],
  ['=this line is text an officer typed, not a formula'],
  ['@Committee: Housing Scrutiny Panel'],
  ['+44 1234 567890'],
  ['-see the KPI sheet'],
];

const LOOKUP_ROWS: XlsxCell[][] = [
  ['What', 'Value'],
  ['Rent collected Q2', { formula: "'KPIs 2024-25'!D4", result: 0.96, fmt: '0.0%' }],
  ['Status of 03', { formula: "'KPIs 2024-25'!F6", result: 'Not met' }],
  ['Average Q2', { formula: "AVERAGE('KPIs 2024-25'!D4:D7)", result: 0.3439, fmt: '0.0%' }],
];

/** The awkward workbook as exceljs would read it from a file saved by Excel. */
export function awkwardExcel(settings: SettingsInput | null = AWKWARD_SETTINGS): ExcelJS.Workbook {
  const sheets: XlsxSheet[] = [
    { name: COVER_SHEET, rows: COVER_ROWS, merges: ['A1:D1'] },
    { name: KPI_SHEET, rows: rowsFor(), merges: ['A1:H1', 'A2:D2', 'A14:H14'], hiddenRows: [HIDDEN_ROW] },
    { name: LOOKUPS_SHEET, rows: LOOKUP_ROWS },
  ];
  if (settings)
    sheets.push({ name: SETTINGS_SHEET, rows: settingsCells(settingsFrom(settings)).map((cell) => [cell]), state: 'veryHidden' });
  const excel = excelWorkbook(sheets);
  const ws = excel.getWorksheet(KPI_SHEET)!;

  // One style object shared by every body cell of the table that has no fill of its own …
  const thin = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
  const bodyBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
  for (let r = 4; r <= 12; r++) {
    for (let c = 1; c <= 8; c++) {
      const cell = ws.getCell(r, c);
      cell.border = bodyBorder;
      cell.font = { name: 'Arial', size: 10 };
    }
  }
  // … and one shared by the three status cells that already say "Met" in its colour.
  const metStyle: Partial<ExcelJS.Style> = {
    font: { name: 'Arial', size: 10, bold: true },
    border: bodyBorder,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${MET_FILL.slice(1)}` } },
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  for (const address of SHARED_STYLE_STATUS_CELLS) ws.getCell(address).style = metStyle;
  for (let c = 1; c <= 8; c++) {
    const cell = ws.getCell(3, c);
    cell.font = { name: 'Arial', size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  }
  ws.getCell('G5').alignment = { wrapText: true, vertical: 'top' };

  ws.autoFilter = 'A3:H12';
  ws.getRow(4).height = 30;
  ws.getRow(8).height = 45;
  ws.getColumn(2).width = 48;
  ws.getColumn(7).width = 60;
  ws.getColumn(8).width = 22;
  ws.getColumn(8).hidden = true;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 3 }];
  // A drop-down on the status column, a conditional format on Q2, a note, a named range, print set-up.
  (ws as unknown as { dataValidations: { add(ref: string, rule: unknown): void } }).dataValidations.add('F4:F12', {
    type: 'list',
    allowBlank: true,
    formulae: ['"Met,Near miss,Not met,See note"'],
  });
  ws.addConditionalFormatting({
    ref: 'D4:D12',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['$E4'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
  ws.getCell('B8').note = 'Officer note: includes sheltered housing from Q2.';
  excel.definedNames.add(`'${KPI_SHEET}'!$D$4:$D$12`, 'Q2Actuals');
  ws.pageSetup.orientation = 'landscape';
  ws.headerFooter.oddFooter = '&LTenancy Services&RPage &P of &N';
  const cover = excel.getWorksheet(COVER_SHEET)!;
  cover.getColumn(1).width = 70;
  cover.getCell('A10').value = {
    richText: [
      { text: 'Rich ', font: { bold: true } },
      { text: '=text typed with formatting', font: { italic: true } },
    ],
  };
  cover.getCell('A11').value = { text: 'Council KPI guidance', hyperlink: 'https://www.example.gov.uk/kpi-guidance' };
  return excel;
}

export async function writeAwkwardXlsx(path: string, settings: SettingsInput | null = AWKWARD_SETTINGS): Promise<string> {
  await awkwardExcel(settings).xlsx.writeFile(path);
  return path;
}

/** The same workbook in memory (the model keeps values, formulas, formats, fills, merges, hidden rows and columns). */
export function awkwardSheets(settings: SettingsInput | null = AWKWARD_SETTINGS): SheetInput[] {
  const toInput = (cell: XlsxCell, fill?: string) => {
    if (cell === null || typeof cell !== 'object') return fill ? { v: cell ?? null, fill } : cell;
    if ('formula' in cell) return { f: cell.formula, v: cell.result, ...(cell.fmt ? { fmt: cell.fmt } : {}) };
    if ('v' in cell) return { v: cell.v, fmt: cell.fmt };
    throw new Error('not used here');
  };
  const kpiRows = rowsFor().map((row, r) =>
    row.map((cell, c) => {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      const fill = r === 2 ? '#D9E1F2' : (SHARED_STYLE_STATUS_CELLS as readonly string[]).includes(address) ? MET_FILL : undefined;
      return toInput(cell, fill);
    }),
  );
  const sheets: SheetInput[] = [
    { name: COVER_SHEET, rows: COVER_ROWS.map((row) => row.map((cell) => toInput(cell))), merges: ['A1:D1'] },
    { name: KPI_SHEET, rows: kpiRows, merges: ['A1:H1', 'A2:D2', 'A14:H14'], hiddenRows: [HIDDEN_ROW], hiddenColumns: ['H'] },
    { name: LOOKUPS_SHEET, rows: LOOKUP_ROWS.map((row) => row.map((cell) => toInput(cell))) },
  ];
  if (settings) sheets.push(settingsSheet(settings));
  return sheets;
}

/**
 * Adds a bar chart of the Q2 column to the KPI sheet of an .xlsx written by exceljs (which cannot
 * write charts itself): a drawing part, a chart part, their relationships and content types.
 */
export async function withChart(bytes: Uint8Array, sheetPart = 'xl/worksheets/sheet2.xml'): Promise<Buffer> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(bytes);
  const ref = `'${KPI_SHEET}'`;
  zip.file(
    'xl/charts/chart1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Q2 2024/25</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Q2 2024/25</c:v></c:tx>
<c:cat><c:strRef><c:f>${ref}!$A$4:$A$12</c:f></c:strRef></c:cat>
<c:val><c:numRef><c:f>${ref}!$D$4:$D$12</c:f></c:numRef></c:val></c:ser>
<c:axId val="1001"/><c:axId val="1002"/></c:barChart>
<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx>
<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx>
</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  zip.file(
    'xl/drawings/drawing1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Q2 chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
</xdr:wsDr>`,
  );
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  const relsPath = sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  const existingRels =
    (await zip.file(relsPath)?.async('string')) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    existingRels.replace(
      '</Relationships>',
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
    ),
  );
  const sheetXml = await zip.file(sheetPart)!.async('string');
  // <drawing> goes after the page set-up elements and before <tableParts>/<extLst>.
  const drawing = '<drawing r:id="rIdChart1"/>';
  const withDrawing = /<tableParts/.test(sheetXml)
    ? sheetXml.replace('<tableParts', `${drawing}<tableParts`)
    : sheetXml.replace('</worksheet>', `${drawing}</worksheet>`);
  zip.file(
    sheetPart,
    withDrawing.includes('xmlns:r=')
      ? withDrawing
      : withDrawing.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
