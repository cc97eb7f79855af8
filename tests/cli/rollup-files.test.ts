/**
 * Which files `kpi-tracker rollup` reads from the folders it is given, and how it accounts for the
 * rest: nothing found is passed over in silence, and the report it writes is never read back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkbooks } from '../../src/cli/rollup/find-workbooks';
import { tempFolder } from '../support/xlsx-writer';

const temp = tempFolder('rollup-files');
afterAll(() => temp.cleanup());

const folder = temp.path('performance');
beforeAll(() => {
  mkdirSync(join(folder, 'Housing', 'Archive'), { recursive: true });
  for (const file of [
    'Planning.xlsx',
    'Finance.XLSM',
    '~$Planning.xlsx',
    'Waste 2019.xls',
    'Cabinet paper.pdf',
    '.DS_Store',
    'corporate.xlsx',
    'Housing/Housing KPIs.xlsx',
    'Housing/Archive/Housing KPIs 2023.xlsx',
  ])
    writeFileSync(join(folder, file), 'x');
});

const reads = (found: Awaited<ReturnType<typeof findWorkbooks>>): string[] =>
  found.files.flatMap((f) => (f.kind === 'read' ? [f.file.slice(folder.length + 1)] : []));
const leftOut = (found: Awaited<ReturnType<typeof findWorkbooks>>): Record<string, string> =>
  Object.fromEntries(
    found.files.flatMap((f) => (f.kind === 'not-included' ? [[f.notIncluded.file.slice(folder.length + 1), f.notIncluded.reason]] : [])),
  );

it('reads the .xlsx and .xlsm workbooks of a folder in name order, and not the report it is writing', async () => {
  const found = await findWorkbooks([folder], { recursive: false, exclude: [join(folder, 'corporate.xlsx')] });
  expect(reads(found)).toEqual(['Finance.XLSM', 'Planning.xlsx']);
  expect(found.skippedFolders).toEqual([join(folder, 'Housing')]);
});

it('names every other file of the folder, with why it is not read; hidden files are left alone', async () => {
  const found = await findWorkbooks([folder], { recursive: false, exclude: [join(folder, 'corporate.xlsx')] });
  expect(leftOut(found)).toEqual({
    'Cabinet paper.pdf': 'Cabinet paper.pdf is not an Excel workbook (.pdf); only .xlsx and .xlsm workbooks are rolled up.',
    'Waste 2019.xls': expect.stringMatching(
      /^Waste 2019\.xls is an Excel 97–2003 workbook \(\.xls\).*save it as "Excel Workbook \(\.xlsx\)"/,
    ),
    '~$Planning.xlsx': expect.stringMatching(/lock file Excel keeps while someone has Planning\.xlsx open/),
  });
});

it('looks into folders inside folders with --recursive', async () => {
  const found = await findWorkbooks([folder], { recursive: true, exclude: [join(folder, 'corporate.xlsx')] });
  expect(reads(found)).toEqual(['Finance.XLSM', 'Housing/Archive/Housing KPIs 2023.xlsx', 'Housing/Housing KPIs.xlsx', 'Planning.xlsx']);
  expect(found.skippedFolders).toEqual([]);
});

it('reads a file named on the command line whatever its name, once, even when its folder is given too', async () => {
  const named = join(folder, 'Cabinet paper.pdf');
  const found = await findWorkbooks([named, folder, join(folder, 'Planning.xlsx')], { recursive: false, exclude: [] });
  expect(found.files[0]).toEqual({ kind: 'read', file: named });
  expect(reads(found).filter((file) => file === 'Planning.xlsx')).toHaveLength(1);
  expect(found.files.filter((f) => f.kind !== 'read' && f.notIncluded.file === named)).toHaveLength(0);
});
