/**
 * KPI Tracker reads .xlsx files with its own reader (src/hosts/xlsx). exceljs, a separate and
 * widely used reader, is the yardstick: on every sample, every corpus workbook and a generated
 * benchmark workbook, both must give the core the same model, cell for cell.
 */
import { join } from 'node:path';
import type { Cell, Workbook } from '../../../src/core/model/workbook';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-xlsx';
import { writeGeneratedXlsx } from '../../../bench/write-xlsx';
import { makeCorpus, type CorpusName } from '../../corpus/make-corpus';
import { readWithExcelJs } from '../../support/exceljs-model';
import { SAMPLE_NAMES, samplePath } from '../../support/samples';
import { tempFolder } from '../../support/xlsx-writer';

const tmp = tempFolder('kpi-reader-');
afterAll(() => tmp.cleanup());

/** Rows and cells as comparable lines; dates to the second, since exceljs rounds them through a JS Date. */
function lines(workbook: Workbook): string[] {
  const out: string[] = [];
  for (const sheet of workbook.sheets) {
    out.push(
      `sheet ${sheet.name} ${sheet.visibility} protected=${sheet.isProtected} merges=${JSON.stringify(sheet.merges)} tables=${JSON.stringify(sheet.tables)}`,
      `hidden rows ${[...sheet.hiddenRows].sort((a, b) => a - b).join(',')} columns ${[...sheet.hiddenColumns].sort((a, b) => a - b).join(',')}`,
    );
    sheet.rows.forEach((row, r) => row?.forEach((cell, c) => cell && out.push(`${sheet.name}!${r},${c} ${cellLine(cell)}`)));
  }
  return out;
}

function cellLine(cell: Cell): string {
  const value = cell.value.kind === 'date' ? { kind: 'date', seconds: Math.round(cell.value.serial * 86_400) } : cell.value;
  return JSON.stringify({ value, format: cell.format, formula: cell.formula, fill: cell.fill });
}

async function expectSameModel(path: string): Promise<void> {
  const ours = lines((await readXlsxFile(path)).workbook);
  expect(ours.length).toBeGreaterThan(0);
  expect(ours).toEqual(lines(await readWithExcelJs(path)));
}

it.each(SAMPLE_NAMES)('sample %s reads the same as exceljs reads it', async (name) => {
  await expectSameModel(samplePath(name));
});

describe('the corpus of awkward workbooks', () => {
  let paths: Record<CorpusName, string>;
  beforeAll(async () => {
    paths = await makeCorpus(join(tmp.dir, 'corpus'));
  });
  const UNREADABLE: readonly CorpusName[] = [
    'notWorkbookHtml',
    'notWorkbookCsv',
    'notWorkbookDocx',
    'zeroBytes',
    'encrypted',
    'onlyCharts',
  ];

  it('every readable corpus workbook reads the same as exceljs reads it', async () => {
    const readable = (Object.keys(paths) as CorpusName[]).filter((name) => !UNREADABLE.includes(name));
    expect(readable.length).toBeGreaterThanOrEqual(18);
    for (const name of readable) await expectSameModel(paths[name]);
  });
});

it('a generated benchmark workbook of 300 indicators reads the same as exceljs reads it', async () => {
  const path = tmp.path('bench-300.xlsx');
  await writeGeneratedXlsx(300, path);
  await expectSameModel(path);
});
