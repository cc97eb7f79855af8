/**
 * Excel before ExcelApi 1.13 (Office.context.requirements says so): it cannot list merged cells, so
 * KPI Tracker reads and judges the workbook there (the pane works) but writes nothing, and says why
 * in plain words. With 1.13 the merged areas are read. The manifest asks the ribbon and the custom
 * functions for 1.13 (tests/manifest/requirement-sets.test.ts).
 */
import type { Workbook } from '../../src/core/model/workbook';
import { ExcelRunError } from '../../src/hosts/excel/excel-errors';
import { readOpenWorkbook, runInExcel } from '../../src/hosts/excel/excel-run';
import { TOO_OLD_TO_WRITE } from '../../src/hosts/excel/requirement-sets';
import { layoutASample, options, withSavedMapping } from '../support/excel-fixtures';
import { FakeExcel, installFakeExcel } from '../support/fake-excel';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function install(workbook: Workbook, excelApi: string): FakeExcel {
  const fake = FakeExcel.fromWorkbook(workbook);
  fake.excelApi = excelApi;
  uninstall = installFakeExcel(fake);
  return fake;
}

const mergedTitle = (workbook: Workbook) => workbook.sheets.flatMap((sheet) => sheet.merges);

describe('on Excel with ExcelApi 1.12', () => {
  it('reads the workbook, without asking for merged areas', async () => {
    const sample = await layoutASample();
    expect(mergedTitle(sample).length).toBeGreaterThan(0);
    const fake = install(sample, '1.12');
    const read = await readOpenWorkbook();
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(sample.sheets.map((sheet) => sheet.name));
    expect(mergedTitle(read)).toEqual([]);
    expect(fake.requests.flatMap((request) => request.summary).filter((label) => label.includes('getMergedAreas'))).toEqual([]);
  });

  it('writes nothing and says why in plain words', async () => {
    const fake = install(withSavedMapping(await layoutASample()), '1.12');
    const before = JSON.stringify(fake.toWorkbook(), (_key, value: unknown) => (value instanceof Set ? [...value] : value));
    const outcome = await runInExcel(options({ statuses: true }), true).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(ExcelRunError);
    expect((outcome as ExcelRunError).message).toBe(TOO_OLD_TO_WRITE);
    expect(TOO_OLD_TO_WRITE).toMatch(/Excel for Microsoft 365, Excel 2021 or later, or Excel on the web/);
    expect(fake.requests.reduce((sum, request) => sum + request.writes, 0)).toBe(0);
    expect(JSON.stringify(fake.toWorkbook(), (_key, value: unknown) => (value instanceof Set ? [...value] : value))).toBe(before);
  });
});

describe('on Excel with ExcelApi 1.13', () => {
  it('reads the merged areas and writes', async () => {
    const sample = await layoutASample();
    const fake = install(withSavedMapping(sample), '1.13');
    expect(mergedTitle(await readOpenWorkbook())).toEqual(mergedTitle(sample));
    const run = await runInExcel(options({ statuses: true }), true);
    expect(run.write?.syncs).toBeGreaterThan(0);
    expect(fake.requests.reduce((sum, request) => sum + request.writes, 0)).toBeGreaterThan(0);
  });
});
