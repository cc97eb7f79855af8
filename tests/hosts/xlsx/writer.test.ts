/**
 * Writing a plan into an .xlsx file: only the edited cells and the run's own sheets change; every
 * other row, part and byte comes through as it was, and what is written reads back the same in
 * KPI Tracker's reader and in exceljs.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../../src/hosts/xlsx/apply-plan';
import { readXlsxBytes } from '../../../src/hosts/xlsx/read-xlsx';
import { readZip } from '../../../src/hosts/xlsx/zip-archive';
import { numberValue, textValue, EMPTY_PLAN_VALUE, type CellEdit, type OwnedSheet, type Plan } from '../../../src/core/plan/plan-types';
import { MAIN_NS, REL_NS, worksheet, xlsxFromParts } from './excel-parts';
import { issue } from '../../../src/core/model/issue';

const edit = (row: number, col: number, value: CellEdit['value'], fill?: string, sheet = 'KPIs'): CellEdit => ({
  sheet,
  row,
  col,
  value,
  purpose: 'status',
  before: '',
  ...(fill ? { fill } : {}),
});

const plan = (edits: CellEdit[], sheets: OwnedSheet[] = []): Plan => ({ edits, sheets, notices: [], refusals: [] });

const KPI_ROWS =
  '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Indicator</t></is></c><c r="C1" t="inlineStr"><is><t>Status</t></is></c></row>' +
  '<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>Rent</t></is></c><c r="B2" s="1"><v>0.97</v></c><c r="C2" s="1"/></row>' +
  '<row r="4" spans="1:3"><c r="A4" t="inlineStr"><is><t>Voids</t></is></c><c r="B4"><f>SUM(B2:B3)</f><v>0.97</v></c></row>';

const CHART = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>';
const MACROS = Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256);

async function book(): Promise<Buffer> {
  return xlsxFromParts({
    sheets: [
      {
        name: 'KPIs',
        xml: worksheet(
          KPI_ROWS,
          '<autoFilter ref="A1:C4"><filterColumn colId="0"><filters><filter val="Rent"/></filters></filterColumn></autoFilter>',
        ),
      },
    ],
    extraParts: {
      'xl/charts/chart1.xml': CHART,
      'xl/vbaProject.bin': MACROS,
      'xl/calcChain.xml': `<calcChain xmlns="${MAIN_NS}"><c r="B4" i="1"/></calcChain>`,
    },
  });
}

async function apply(bytes: Buffer, p: Plan): Promise<Buffer> {
  const { source } = await readXlsxBytes(bytes, 'book.xlsx');
  return (await applyPlanToXlsx(source, p)).bytes;
}

async function partText(bytes: Buffer, part: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(part)?.async('string');
}

async function excelJsRead(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(bytes as unknown as ArrayBuffer);
  return excel;
}

it('edits land in place, in column order, in new rows where needed, and read back the same in both readers', async () => {
  const out = await apply(
    await book(),
    plan([
      edit(1, 2, textValue('Met'), '#C6EFCE'),
      edit(0, 1, textValue('Actual')),
      edit(2, 0, numberValue(42)),
      edit(5, 3, textValue('After the end')),
    ]),
  );
  const ours = (await readXlsxBytes(out, 'out.xlsx')).workbook.sheets[0]!;
  expect(ours.rows[1]?.[2]).toEqual({ value: { kind: 'text', value: 'Met' }, format: '0.0%', fill: '#C6EFCE' });
  expect(ours.rows[0]?.[1]?.value).toEqual({ kind: 'text', value: 'Actual' });
  expect(ours.rows[2]?.[0]?.value).toEqual({ kind: 'number', value: 42 });
  expect(ours.rows[5]?.[3]?.value).toEqual({ kind: 'text', value: 'After the end' });
  const ws = (await excelJsRead(out)).getWorksheet('KPIs')!;
  expect([ws.getCell('C2').value, ws.getCell('B1').value, ws.getCell('A3').value, ws.getCell('D6').value]).toEqual([
    'Met',
    'Actual',
    42,
    'After the end',
  ]);
  expect((ws.getCell('C2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
  expect(ws.getCell('B2').numFmt).toBe('0.0%');
  // The formula cell and its neighbours are as they were.
  expect(ws.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 0.97 });
  const xml = (await partText(out, 'xl/worksheets/sheet1.xml'))!;
  expect(xml).toContain(
    '<row r="4" spans="1:3"><c r="A4" t="inlineStr"><is><t>Voids</t></is></c><c r="B4"><f>SUM(B2:B3)</f><v>0.97</v></c></row>',
  );
  expect(xml.indexOf('r="A3"')).toBeGreaterThan(xml.indexOf('r="C2"'));
  expect(xml.indexOf('r="A3"')).toBeLessThan(xml.indexOf('r="A4"'));
  expect(xml).toMatch(/<c r="A1"[^>]*>.*<\/c><c r="B1"[^>]*>.*<\/c><c r="C1"/);
});

it('charts, macros, filters and every part the run does not touch come through byte for byte; the calculation chain goes', async () => {
  const input = await book();
  const out = await apply(input, plan([edit(1, 2, textValue('Met'))]));
  const before = new Map(readZip(input).map((entry) => [entry.name, entry.raw]));
  const after = new Map(readZip(out).map((entry) => [entry.name, entry.raw]));
  for (const part of ['xl/charts/chart1.xml', 'xl/vbaProject.bin', 'xl/styles.xml', '_rels/.rels'])
    expect(Buffer.from(after.get(part)!).equals(Buffer.from(before.get(part)!))).toBe(true);
  expect(after.has('xl/calcChain.xml')).toBe(false);
  expect(await partText(out, '[Content_Types].xml')).not.toContain('calcChain');
  expect(await partText(out, 'xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  expect(await partText(out, 'xl/worksheets/sheet1.xml')).toContain(
    '<autoFilter ref="A1:C4"><filterColumn colId="0"><filters><filter val="Rent"/></filters></filterColumn></autoFilter>',
  );
});

it('text that looks like a formula, an escape or a control character is written literally', async () => {
  const hostile = [
    '=1+1',
    '+44 20 7946 0000',
    '-5%',
    '@SUM(A1)',
    'keep _x0041_ as typed',
    'bell\u0007 and tab\t',
    'half \uD83D emoji',
    '<b>&amp;</b>',
  ];
  const out = await apply(await book(), plan(hostile.map((text, i) => edit(10 + i, 0, textValue(text)))));
  const ours = (await readXlsxBytes(out, 'out.xlsx')).workbook.sheets[0]!;
  const expected = hostile.map((text) => text.replace('\uD83D', '\uFFFD'));
  expect(hostile.map((_, i) => ours.rows[10 + i]?.[0])).toEqual(expected.map((value) => ({ value: { kind: 'text', value } })));
  const ws = (await excelJsRead(out)).getWorksheet('KPIs')!;
  for (let i = 0; i < 4; i++) expect(ws.getCell(11 + i, 1).type).toBe(ExcelJS.ValueType.String);
  expect(await partText(out, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f>1\+1/);
});

const OWNED: OwnedSheet = {
  name: 'Committee Q2',
  purpose: 'committee',
  mode: 'replace',
  visibility: 'visible',
  rows: [
    [{ value: textValue('Committee report'), bold: true, size: 14 }],
    [],
    [undefined, { value: numberValue(0.5), numberFormat: '0%', fill: '#FFEB9C', border: true, wrap: true, align: 'centre' }],
  ],
  columnWidths: [30, 12],
  rowHeights: [24],
  merges: ['A1:C1'],
  freezeRows: 2,
  print: { landscape: true, fitToWidth: true, repeatRows: [2, 2], footer: 'Housing & Enforcement' },
};

it("a sheet of the run's own is added with its look, print setup and print titles; a second run replaces it in place", async () => {
  const hidden: OwnedSheet = {
    name: 'KPI Tracker settings',
    purpose: 'settings',
    mode: 'replace',
    visibility: 'veryHidden',
    rows: [[{ value: textValue('{"version":1}') }]],
  };
  const out = await apply(await book(), plan([], [OWNED, hidden]));
  const excel = await excelJsRead(out);
  const ws = excel.getWorksheet('Committee Q2')!;
  expect(ws.getCell('A1').value).toBe('Committee report');
  expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14, name: 'Calibri' });
  expect(ws.getCell('B3').value).toBe(0.5);
  expect(ws.getCell('B3').numFmt).toBe('0%');
  expect(ws.getCell('B3').alignment).toMatchObject({ horizontal: 'center', vertical: 'top', wrapText: true });
  expect(ws.getCell('B3').border?.left?.style).toBe('thin');
  expect(ws.getColumn(1).width).toBe(30);
  expect(ws.getRow(1).height).toBe(24);
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
  expect(ws.headerFooter.oddFooter).toBe('&LHousing && Enforcement&RPage &P of &N');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(excel.getWorksheet('KPI Tracker settings')!.state).toBe('veryHidden');
  const workbookXml = (await partText(out, 'xl/workbook.xml'))!;
  expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Committee Q2'!$2:$2</definedName>`);
  const types = (await partText(out, '[Content_Types].xml'))!;
  expect(types.match(/worksheet\+xml/g)?.length).toBe(3);

  const again = await apply(out, plan([], [{ ...OWNED, rows: [[{ value: textValue('Second report') }]] }, hidden]));
  const second = await excelJsRead(again);
  expect(second.worksheets.map((sheet) => sheet.name)).toEqual(['KPIs', 'Committee Q2', 'KPI Tracker settings']);
  expect(second.getWorksheet('Committee Q2')!.getCell('A1').value).toBe('Second report');
  expect(second.getWorksheet('Committee Q2')!.getCell('B3').value).toBeNull();
  expect((await partText(again, 'xl/workbook.xml'))!.match(/_xlnm\.Print_Titles/g)?.length).toBe(1);
});

it('an appended sheet grows under its last row', async () => {
  const log = (text: string): OwnedSheet => ({
    name: 'KPI Tracker change log',
    purpose: 'change-log',
    mode: 'append',
    visibility: 'visible',
    rows: [[{ value: textValue(text) }, { value: EMPTY_PLAN_VALUE }]],
  });
  const once = await apply(await book(), plan([], [log('first run')]));
  const twice = await apply(once, plan([], [log('second run')]));
  const ws = (await excelJsRead(twice)).getWorksheet('KPI Tracker change log')!;
  expect([ws.getCell('A1').value, ws.getCell('A2').value]).toEqual(['first run', 'second run']);
});

it('a sheet whose elements carry an x: prefix is patched in the same prefix', async () => {
  const xml = `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const out = await apply(
    await xlsxFromParts({ sheets: [{ name: 'KPIs', xml }] }),
    plan([edit(0, 1, textValue('Met')), edit(2, 0, textValue('Later'))]),
  );
  const patched = (await partText(out, 'xl/worksheets/sheet1.xml'))!;
  expect(patched).toContain('<x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">Met</x:t></x:is></x:c>');
  expect(patched).toContain('<x:row r="3">');
  // exceljs can't read prefixed sheets at all; KPI Tracker's reader can.
  const sheet = (await readXlsxBytes(out, 'out.xlsx')).workbook.sheets[0]!;
  expect([sheet.rows[0]?.[0]?.value, sheet.rows[0]?.[1]?.value, sheet.rows[2]?.[0]?.value]).toEqual([
    { kind: 'number', value: 1 },
    { kind: 'text', value: 'Met' },
    { kind: 'text', value: 'Later' },
  ]);
});

it('a sheet with no rows at all (<sheetData/>) takes the edits', async () => {
  const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`;
  const out = await apply(await xlsxFromParts({ sheets: [{ name: 'KPIs', xml }] }), plan([edit(1, 1, textValue('Met'))]));
  expect((await excelJsRead(out)).getWorksheet('KPIs')!.getCell('B2').value).toBe('Met');
});

it('a plan with refusals writes the file back unchanged', async () => {
  const input = await book();
  const { source } = await readXlsxBytes(input, 'book.xlsx');
  const out = (
    await applyPlanToXlsx(source, {
      ...plan([edit(1, 2, textValue('Met'))]),
      refusals: [issue('sheet-protected', 'Sheet "KPIs" is protected')],
    })
  ).bytes;
  expect(readZip(out).map((entry) => [entry.name, Buffer.from(entry.raw).toString('hex')])).toEqual(
    readZip(input).map((entry) => [entry.name, Buffer.from(entry.raw).toString('hex')]),
  );
});

it('a sheet of the same name in other letter case is the same sheet to Excel, so it is replaced, not doubled', async () => {
  const input = await xlsxFromParts({
    sheets: [
      { name: 'KPIs', xml: worksheet(KPI_ROWS) },
      { name: 'committee q2', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
    ],
  });
  const out = await apply(input, plan([], [OWNED]));
  const excel = await excelJsRead(out);
  expect(excel.worksheets.map((sheet) => sheet.name)).toEqual(['KPIs', 'committee q2']);
  expect(excel.getWorksheet('committee q2')!.getCell('A1').value).toBe('Committee report');
});
