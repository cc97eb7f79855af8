/**
 * What Excel (and other tools) write that exceljs never does, read into the model correctly.
 */
import { readXlsxBytes } from '../../../src/hosts/xlsx/read-xlsx';
import { MAIN_NS, REL_NS, worksheet, xlsxFromParts } from './excel-parts';
import type { Cell, Sheet } from '../../../src/core/model/workbook';

async function firstSheet(parts: Parameters<typeof xlsxFromParts>[0]): Promise<Sheet> {
  return (await readXlsxBytes(await xlsxFromParts(parts), 'book.xlsx')).workbook.sheets[0]!;
}

const at = (sheet: Sheet, row: number, col: number): Cell | undefined => sheet.rows[row]?.[col];

it('shared strings, numbers, booleans, errors, inline strings and formula strings', async () => {
  const sheet = await firstSheet({
    sharedStrings: ['Rent collected', 'A &amp; B'],
    sheets: [
      {
        name: 'KPIs',
        xml: worksheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>97.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>Inline &lt;text&gt;</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="str"><f>A1&amp;"!"</f><v>Rent collected!</v></c></row>',
        ),
      },
    ],
  });
  expect(at(sheet, 0, 0)?.value).toEqual({ kind: 'text', value: 'Rent collected' });
  expect(at(sheet, 0, 1)?.value).toEqual({ kind: 'number', value: 97.5 });
  expect(at(sheet, 0, 2)?.value).toEqual({ kind: 'boolean', value: true });
  expect(at(sheet, 0, 3)?.value).toEqual({ kind: 'error', code: '#N/A' });
  expect(at(sheet, 1, 0)?.value).toEqual({ kind: 'text', value: 'Inline <text>' });
  expect(at(sheet, 1, 1)?.value).toEqual({ kind: 'text', value: 'A & B' });
  expect(at(sheet, 1, 2)).toEqual({ value: { kind: 'text', value: 'Rent collected!' }, formula: 'A1&"!"' });
});

it('a shared formula reads in each cell with its references moved, as Excel shows it', async () => {
  const sheet = await firstSheet({
    sheets: [
      {
        name: 'KPIs',
        xml: worksheet(
          '<row r="2"><c r="D2"><f t="shared" ref="D2:D4" si="0">IF(B2="","",B2/C2*$A$1)</f><v>0.5</v></c></row>' +
            '<row r="3"><c r="D3"><f t="shared" si="0"/><v>0.25</v></c></row><row r="4"><c r="D4"><f t="shared" si="0"/><v>1</v></c></row>',
        ),
      },
    ],
  });
  expect(at(sheet, 1, 3)?.formula).toBe('IF(B2="","",B2/C2*$A$1)');
  expect(at(sheet, 2, 3)?.formula).toBe('IF(B3="","",B3/C3*$A$1)');
  expect(at(sheet, 3, 3)).toEqual({ value: { kind: 'number', value: 1 }, formula: 'IF(B4="","",B4/C4*$A$1)' });
});

it('number formats (custom and built in), dates from the 1900 and 1904 systems, ISO dates and solid fills', async () => {
  const data =
    '<row r="1"><c r="A1" s="1"><v>0.953</v></c><c r="B1" s="2"><v>45382</v></c><c r="C1" s="3" t="s"><v>0</v></c><c r="D1" s="4"><v>0.5</v></c><c r="E1" t="d"><v>2024-03-31T12:00:00</v></c></row>';
  const sheet = await firstSheet({ sharedStrings: ['Met'], sheets: [{ name: 'KPIs', xml: worksheet(data) }] });
  expect(at(sheet, 0, 0)).toEqual({ value: { kind: 'number', value: 0.953 }, format: '0.0%' });
  expect(at(sheet, 0, 1)).toEqual({ value: { kind: 'date', serial: 45382 }, format: 'mm-dd-yy' });
  expect(at(sheet, 0, 2)).toEqual({ value: { kind: 'text', value: 'Met' }, fill: '#C6EFCE' });
  expect(at(sheet, 0, 3)).toEqual({ value: { kind: 'number', value: 0.5 }, format: '0%' });
  expect(at(sheet, 0, 4)?.value).toEqual({ kind: 'date', serial: 45382.5 });
  const mac = await firstSheet({
    workbookPr: '<workbookPr date1904="1"/>',
    sheets: [{ name: 'KPIs', xml: worksheet('<row r="1"><c r="B1" s="2"><v>43920</v></c></row>') }],
  });
  expect(at(mac, 0, 1)?.value).toEqual({ kind: 'date', serial: 45382 });
});

it('rich text joins its runs and leaves out phonetic guides; escaped characters come back', async () => {
  const sheet = await firstSheet({
    sharedStrings:
      '<si><r><rPr><b/></rPr><t>Rent </t></r><r><t xml:space="preserve">collected_x000D_</t></r><rPh sb="0" eb="1"><t>レント</t></rPh></si>',
    sheets: [{ name: 'KPIs', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
  });
  expect(at(sheet, 0, 0)?.value).toEqual({ kind: 'text', value: 'Rent collected\r' });
});

it('rows and cells without references follow on from the one before', async () => {
  const sheet = await firstSheet({
    sheets: [
      {
        name: 'KPIs',
        xml: worksheet(
          '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
        ),
      },
    ],
  });
  expect([at(sheet, 0, 0), at(sheet, 0, 1), at(sheet, 3, 2), at(sheet, 3, 3), at(sheet, 4, 0)].map((cell) => cell?.value)).toEqual(
    [1, 2, 3, 4, 5].map((value) => ({ kind: 'number', value })),
  );
});

it('an x: prefix on every element (as .NET tools write) reads the same', async () => {
  const xml =
    `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData><x:row r="1" hidden="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Rent</x:t></x:is></x:c><x:c r="B1"><x:v>9</x:v></x:c></x:row></x:sheetData>` +
    '<x:mergeCells count="1"><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>';
  const sheet = await firstSheet({ sheets: [{ name: 'KPIs', xml }] });
  expect(at(sheet, 0, 0)?.value).toEqual({ kind: 'text', value: 'Rent' });
  expect(at(sheet, 0, 1)?.value).toEqual({ kind: 'number', value: 9 });
  expect([...sheet.hiddenRows]).toEqual([0]);
  expect(sheet.merges).toEqual([{ top: 0, left: 2, bottom: 0, right: 3 }]);
});

it('hidden columns, protection, sheet states, absolute part names and zips with data descriptors', async () => {
  const xml = worksheet(
    '<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>2</v></c></row>',
    '<sheetProtection sheet="1" objects="1"/>',
    '<cols><col min="2" max="3" width="0" hidden="1"/></cols>',
  );
  const read = await readXlsxBytes(
    await xlsxFromParts({
      absoluteTargets: true,
      streamFiles: true,
      sheets: [
        { name: 'KPIs', xml },
        { name: 'Lookups', xml: worksheet(''), state: 'veryHidden' },
      ],
    }),
    'book.xlsx',
  );
  const [kpis, lookups] = read.workbook.sheets;
  expect([...kpis!.hiddenColumns]).toEqual([1, 2]);
  expect(kpis!.isProtected).toBe(true);
  expect(lookups!.visibility).toBe('veryHidden');
  expect(lookups!.isProtected).toBe(false);
});

it('a table written by Excel (no headerRowCount, as the default is one header row) has its header row', async () => {
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/table" Target="../tables/table1.xml"/></Relationships>`;
  const table = `<table xmlns="${MAIN_NS}" id="1" name="KpiTable" displayName="KpiTable" ref="A1:B3" totalsRowCount="1"><tableColumns count="2"><tableColumn id="1" name="Indicator"/><tableColumn id="2" name="Actual"/></tableColumns></table>`;
  const sheet = await firstSheet({
    sheets: [
      {
        name: 'KPIs',
        xml: worksheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Indicator</t></is></c></row>',
          '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
        ),
        rels,
      },
    ],
    extraParts: { 'xl/tables/table1.xml': table },
  });
  expect(sheet.tables).toEqual([
    { name: 'KpiTable', range: { top: 0, left: 0, bottom: 2, right: 1 }, hasHeaderRow: true, hasTotalsRow: true },
  ]);
});

it('a damaged zip is named as damaged, not as an unexpected problem', async () => {
  const bytes = await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet('') }] });
  await expect(readXlsxBytes(bytes.subarray(0, bytes.length - 30), 'cut.xlsx')).rejects.toThrow(
    /^The workbook cut\.xlsx looks damaged: open it in Excel and save it again, then run KPI Tracker on the saved workbook\. \(.+\.\)$/,
  );
});

it("a shared formula's references move, but not words inside a quoted sheet name or text", async () => {
  const { shiftFormula } = await import('../../../src/hosts/xlsx/sheet-xml-read');
  expect(shiftFormula(`'Q1 data'!A1+COUNTIF(B1:B9,"A1")+$C$1`, 2, 1)).toBe(`'Q1 data'!B3+COUNTIF(C3:C11,"A1")+$C$1`);
});
