/**
 * Issue 15: a macro-enabled workbook stays macro-enabled. Its copy is an .xlsm (Excel refuses a
 * .xlsx that carries macros), and its macros and its content types come through byte for byte.
 * The workbook is XlsxWriter's macro01.xlsm from the real-workbook corpus, with seed 003's table
 * added by the corpus test's surgery.
 */
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../../src/hosts/xlsx/zip-archive';
import { expectPlainMessage, runCliCapture } from '../../support/cli';
import { tempFolder } from '../../support/xlsx-writer';
import { withKpiTable } from '../../corpus-workbooks/kpi-surgery';
import { seedKpiRows } from './seed-kpi-rows';
import { worksheet, xlsxFromParts } from './excel-parts';

const TODAY = '2025-01-15';
const MACRO_WORKBOOK = join(__dirname, '..', '..', 'corpus-workbooks', 'xlsxwriter', 'macro01.xlsm');
const tmp = tempFolder('macro-workbooks');
afterAll(() => tmp.cleanup());

async function macroBook(name: string): Promise<string> {
  const path = tmp.path(name);
  writeFileSync(path, (await withKpiTable(readFileSync(MACRO_WORKBOOK))).bytes);
  return path;
}

function rawEntry(path: string, name: string): Buffer {
  const entry = readZip(readFileSync(path)).find((e) => e.name === name);
  if (!entry) throw new Error(`${path} has no ${name}`);
  return Buffer.from(entry.raw);
}

const typesOf = async (path: string): Promise<string> =>
  (await JSZip.loadAsync(readFileSync(path))).file('[Content_Types].xml')!.async('string');

it.each(['recalc', 'pack'])(
  '%s writes <name>.checked.xlsm, keeping the macros and the macro-enabled content types as they were',
  async (command) => {
    const input = await macroBook(`${command}-book.xlsm`);
    const run = await runCliCapture([command, input, '--today', TODAY]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const output = tmp.path(`${command}-book.checked.xlsm`);
    expect(run.out).toContain(`Written to ${output}.`);
    expect(existsSync(output)).toBe(true);
    expect(existsSync(tmp.path(`${command}-book.xlsm.checked.xlsx`))).toBe(false);
    // The macros, compressed as they were.
    expect(rawEntry(output, 'xl/vbaProject.bin').equals(rawEntry(input, 'xl/vbaProject.bin'))).toBe(true);
    const [before, after] = [await typesOf(input), await typesOf(output)];
    for (const contentType of [
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>',
    ]) {
      expect(before).toContain(contentType);
      expect(after).toContain(contentType);
    }
  },
);

it('-o takes an .xlsm for a macro-enabled workbook, and refuses an .xlsx, which Excel would not open', async () => {
  const input = await macroBook('given.xlsm');
  const accepted = await runCliCapture(['recalc', input, '-o', tmp.path('copy.xlsm'), '--today', TODAY]);
  expect(accepted.code).toBe(0);
  expect(existsSync(tmp.path('copy.xlsm'))).toBe(true);
  const refused = await runCliCapture(['recalc', input, '-o', tmp.path('copy.xlsx'), '--today', TODAY]);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/^-o .*copy\.xlsx: the workbook is macro-enabled \(\.xlsm\), so its copy must be an \.xlsm file too/);
  expectPlainMessage(refused.err);
  expect(existsSync(tmp.path('copy.xlsx'))).toBe(false);
});

it('an ordinary workbook is not given an .xlsm copy, which Excel would not open either', async () => {
  const input = tmp.path('plain.xlsx');
  writeFileSync(input, await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet(seedKpiRows()) }] }));
  const refused = await runCliCapture(['recalc', input, '-o', tmp.path('plain-copy.xlsm'), '--today', TODAY]);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/the output must be an \.xlsx file, like the workbook it is a copy of/);
  expect(existsSync(tmp.path('plain-copy.xlsm'))).toBe(false);
});
