import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deserialiseWorkbook, serialiseWorkbook } from '../../src/hosts/memory/workbook-json';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';

const SAMPLES = join(__dirname, '../../assets/samples');

describe('the workbench JSON form of a workbook', () => {
  it.each(readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')))(
    'gives back every cell, merge, hidden row and table of %s',
    async (file) => {
      const { workbook } = await readXlsxFile(join(SAMPLES, file));
      const again = deserialiseWorkbook(JSON.parse(JSON.stringify(serialiseWorkbook(workbook))));
      expect(again.sheets.map((s) => s.name)).toEqual(workbook.sheets.map((s) => s.name));
      workbook.sheets.forEach((sheet, i) => {
        const copy = again.sheets[i]!;
        expect(copy.merges).toEqual(sheet.merges);
        expect([...copy.hiddenRows].sort()).toEqual([...sheet.hiddenRows].sort());
        expect(copy.tables).toEqual(sheet.tables);
        expect(copy.visibility).toBe(sheet.visibility);
        sheet.rows.forEach((row, r) => row?.forEach((cell, c) => expect(copy.rows[r]?.[c]).toEqual(cell)));
      });
    },
  );

  it('keeps formulas, fills, errors and dates', () => {
    const workbook = buildWorkbook([
      {
        name: 'S',
        rows: [[{ f: '=1+1', v: 2 }, { v: 'Met', fill: '#BFE5D6' }, { error: '#N/A' }, { date: '2025-03-31' }]],
        hiddenRows: [1],
      },
    ]);
    const again = deserialiseWorkbook(serialiseWorkbook(workbook));
    expect(again.sheets[0]!.rows[0]).toEqual(workbook.sheets[0]!.rows[0]);
    expect(again.sheets[0]!.hiddenRows.has(0)).toBe(true);
  });

  it('refuses JSON that is not a workbook', () => {
    expect(() => deserialiseWorkbook({ version: 1, sheets: [{ name: 'x' }] })).toThrow();
  });
});
