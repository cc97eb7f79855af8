/**
 * Cases a review of the .xlsx host found: each would have lost an officer's work, broken a file
 * or misread one. Every test builds the smallest workbook that shows it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../../src/hosts/xlsx/apply-plan';
import { readXlsxBytes, WorkbookFileError } from '../../../src/hosts/xlsx/read-xlsx';
import { textValue, type CellEdit, type OwnedSheet, type Plan } from '../../../src/core/plan/plan-types';
import { MAIN_NS, PLAIN_STYLES, REL_NS, worksheet, xlsxFromParts } from './excel-parts';

const edit = (row: number, col: number, text: string, fill?: string): CellEdit => ({
  sheet: 'KPIs',
  row,
  col,
  value: textValue(text),
  purpose: 'status',
  before: '',
  ...(fill ? { fill } : {}),
});
const plan = (edits: CellEdit[], sheets: OwnedSheet[] = []): Plan => ({ edits, sheets, notices: [], refusals: [] });

async function apply(bytes: Buffer, p: Plan): Promise<Buffer> {
  return (await applyPlanToXlsx((await readXlsxBytes(bytes, 'book.xlsx')).source, p)).bytes;
}

const part = async (bytes: Buffer, name: string): Promise<string> => (await JSZip.loadAsync(bytes)).file(name)!.async('string');

it('every cell an array formula fills reads as that formula, so a run leaves the whole range alone', async () => {
  const rows =
    '<row r="4"><c r="H4" t="str"><f t="array" ref="H4:H6">IF(D4:D6&gt;=G4:G6,"Met","Missed")</f><v>Missed</v></c></row>' +
    '<row r="5"><c r="H5" t="str"><v>Met</v></c></row>'; // H6 is spilled into but has no element yet
  const sheet = (await readXlsxBytes(await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet(rows) }] }), 'book.xlsx')).workbook
    .sheets[0]!;
  const formula = 'IF(D4:D6>=G4:G6,"Met","Missed")';
  expect([sheet.rows[3]?.[7]?.formula, sheet.rows[4]?.[7]?.formula, sheet.rows[5]?.[7]?.formula]).toEqual([formula, formula, formula]);
  expect(sheet.rows[4]?.[7]?.value).toEqual({ kind: 'text', value: 'Met' });
});

it("a new cell takes its row's format when the row is formatted, otherwise its column's", async () => {
  const xml = worksheet(
    '<row r="1" s="3" customFormat="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
    '',
    '<cols><col min="2" max="2" width="40" style="4" customWidth="1"/></cols>',
  );
  const out = await apply(
    await xlsxFromParts({ sheets: [{ name: 'KPIs', xml }] }),
    plan([edit(0, 2, 'In a formatted row'), edit(1, 1, 'In a wrapped column'), edit(4, 1, 'In a new row')]),
  );
  const sheetXml = await part(out, 'xl/worksheets/sheet1.xml');
  expect(sheetXml).toContain('<c r="C1" s="3" t="inlineStr">');
  expect(sheetXml).toContain('<c r="B2" s="4" t="inlineStr">');
  expect(sheetXml).toContain('<c r="B5" s="4" t="inlineStr">');
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(out as unknown as ArrayBuffer);
  expect(excel.getWorksheet('KPIs')!.getCell('B2').alignment?.wrapText).toBe(true);
});

it('a first change log of 150,000 rows is built without running out of stack', async () => {
  const rows = Array.from({ length: 150_000 }, (_, i) => [{ value: textValue(`row ${i}`) }]);
  const log: OwnedSheet = { name: 'KPI Tracker change log', purpose: 'change-log', mode: 'append', visibility: 'visible', rows };
  const out = await apply(await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('') }] }), plan([], [log]));
  const xml = await part(out, 'xl/worksheets/sheet2.xml');
  expect(/<c r="A150000"[^>]*><is><t xml:space="preserve">row 149999<\/t><\/is><\/c><\/row><\/sheetData>/.test(xml)).toBe(true);
});

it('styles added by one run are reused by the next, so runs month after month do not pile up formats', async () => {
  const committee = (text: string): OwnedSheet => ({
    name: 'Committee',
    purpose: 'committee',
    mode: 'replace',
    visibility: 'visible',
    rows: [
      [{ value: textValue(text), bold: true, fill: '#DDE4EA', border: true }],
      [{ value: textValue('Met'), fill: '#C6EFCE', wrap: true }],
    ],
  });
  let book = await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('<row r="2"><c r="C2" s="1"/></row>') }] });
  const counts: string[] = [];
  for (const [i, colour] of ['#C6EFCE', '#FFC7CE', '#C6EFCE', '#FFC7CE'].entries()) {
    book = await apply(book, plan([edit(1, 2, `run ${i}`, colour)], [committee(`Report ${i}`)]));
    const styles = await part(book, 'xl/styles.xml');
    counts.push(['font', 'fill', 'border', 'xf'].map((name) => (styles.match(new RegExp(`<${name}[ >/]`, 'g')) ?? []).length).join(','));
  }
  expect(new Set(counts.slice(1)).size).toBe(1);
});

it('a styles part without fills, borders or cell formats gets them in the schema order, with the reserved fills first', async () => {
  const bare = `<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts></styleSheet>`;
  const out = await apply(
    await xlsxFromParts({ styles: bare, sheets: [{ name: 'KPIs', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] }),
    plan([edit(0, 1, 'Met', '#C6EFCE')]),
  );
  const styles = await part(out, 'xl/styles.xml');
  const order = ['<fonts', '<fills', '<borders', '<cellStyleXfs', '<cellXfs'].map((tag) => styles.indexOf(tag));
  expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  expect(styles).toMatch(
    /<fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"\/>/,
  );
  const sheet = (await readXlsxBytes(out, 'out.xlsx')).workbook.sheets[0]!;
  expect(sheet.rows[0]?.[1]).toEqual({ value: { kind: 'text', value: 'Met' }, fill: '#C6EFCE' });
});

it('a workbook saved as Strict Open XML is refused before anything is written, with what to do', async () => {
  const strict = (await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('') }] })).toString('latin1');
  const zip = await JSZip.loadAsync(Buffer.from(strict, 'latin1'));
  zip.file(
    'xl/workbook.xml',
    (await zip.file('xl/workbook.xml')!.async('string')).replace('<workbook ', '<workbook conformance="strict" '),
  );
  const bytes = await zip.generateAsync({ type: 'nodebuffer' });
  await expect(apply(bytes, plan([edit(0, 0, 'Met')]))).rejects.toThrow(WorkbookFileError);
  await expect(apply(bytes, plan([edit(0, 0, 'Met')]))).rejects.toThrow(
    /Strict Open XML[\s\S]*Excel Workbook \(\.xlsx\)[\s\S]*Nothing was written/,
  );
});

it('a carriage return is written so that every reader gets it back, and CR LF in a file reads as a line break', async () => {
  const out = await apply(await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('') }] }), plan([edit(0, 0, 'line 1\r\nline 2')]));
  expect(await part(out, 'xl/worksheets/sheet1.xml')).toContain('line 1_x000D_\nline 2');
  expect((await readXlsxBytes(out, 'out.xlsx')).workbook.sheets[0]!.rows[0]?.[0]?.value).toEqual({
    kind: 'text',
    value: 'line 1\r\nline 2',
  });
  const typed = await xlsxFromParts({
    sheets: [{ name: 'KPIs', xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>') }],
  });
  expect((await readXlsxBytes(typed, 'typed.xlsx')).workbook.sheets[0]!.rows[0]?.[0]?.value).toEqual({ kind: 'text', value: 'a\nb' });
});

it("a form control's drawing anchors (<xdr:row>, <xdr:col>) are not read as rows, so the change log grows without gaps", async () => {
  const controls =
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14">' +
    '<control shapeId="1025" r:id="rId9" name="Check Box 1"><controlPr><anchor><from><xdr:col xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">1</xdr:col><xdr:row xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">40</xdr:row></from></anchor></controlPr></control>' +
    '</mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>';
  const read = await readXlsxBytes(
    await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', controls) }] }),
    'book.xlsx',
  );
  expect(read.workbook.sheets[0]!.rows.length).toBe(1);
  expect(read.source.sheets[0]!.layout.lastRow).toBe(1);
});

it('CDATA sections in values and text read as written', async () => {
  const rows = '<row r="1"><c r="A1"><v><![CDATA[5]]></v></c><c r="B1" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>';
  const sheet = (await readXlsxBytes(await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet(rows) }] }), 'book.xlsx')).workbook
    .sheets[0]!;
  expect([sheet.rows[0]?.[0]?.value, sheet.rows[0]?.[1]?.value]).toEqual([
    { kind: 'number', value: 5 },
    { kind: 'text', value: 'a<b & c' },
  ]);
});

it('two edits for one cell write one cell (the last), never a duplicate Excel would repair', async () => {
  const out = await apply(
    await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>') }] }),
    plan([edit(0, 1, 'first'), edit(0, 1, 'second')]),
  );
  const xml = await part(out, 'xl/worksheets/sheet1.xml');
  expect(xml.match(/r="B1"/g)?.length).toBe(1);
  expect(xml).toContain('second');
});

it('a number format only a conditional format (dxf) defines is not taken for a cell style', async () => {
  const styles = PLAIN_STYLES.replace(
    '</styleSheet>',
    '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.000%"/></dxf></dxfs></styleSheet>',
  );
  const owned: OwnedSheet = {
    name: 'Committee',
    purpose: 'committee',
    mode: 'replace',
    visibility: 'visible',
    rows: [[{ value: { kind: 'number', value: 0.5 }, numberFormat: '0.000%' }]],
  };
  const out = await apply(await xlsxFromParts({ styles, sheets: [{ name: 'KPIs', xml: worksheet('') }] }), plan([], [owned]));
  const written = await part(out, 'xl/styles.xml');
  const id = /<numFmts[^>]*>[\s\S]*?<numFmt numFmtId="(\d+)" formatCode="0.000%"\/>/.exec(written)?.[1];
  expect(id).toBeDefined();
  expect(id).not.toBe('170');
});

it('removing the last print titles leaves no empty <definedNames>', async () => {
  const titled: OwnedSheet = {
    name: 'Committee',
    purpose: 'committee',
    mode: 'replace',
    visibility: 'visible',
    rows: [[{ value: textValue('x') }]],
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 1] },
  };
  const once = await apply(await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('') }] }), plan([], [titled]));
  expect(await part(once, 'xl/workbook.xml')).toContain('_xlnm.Print_Titles');
  const { print: _print, ...untitled } = titled;
  const twice = await apply(once, plan([], [untitled]));
  expect(await part(twice, 'xl/workbook.xml')).not.toMatch(/definedNames/);
});

it('a date format with an escaped letter or a padding character is not mistaken for one, and a real one is still a date', async () => {
  const { isDateFormat } = await import('../../../src/core/model/cell-text');
  expect([isDateFormat('0.0\\h'), isDateFormat('#,##0_);(#,##0)'), isDateFormat('dd/mm/yyyy'), isDateFormat('[$-809]mmm-yy')]).toEqual([
    false,
    false,
    true,
    true,
  ]);
  void REL_NS;
});
