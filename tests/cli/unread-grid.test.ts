/**
 * Never silent (issue 14): a grid of words and figures that KPI Tracker could not read a table from
 * is named, with its sheet and range, by scan and check. The workbook is Sandwell Metropolitan
 * Borough Council's parking report 2015/16 (tests/corpus-real/cases): its PCN counts are a list of
 * figures with no header that no table is read from, above the KPI table that is.
 */
import { join } from 'node:path';
import { CASES_DIR, readCase, xlsxSheetsOf } from '../corpus-real/real-corpus';
import { runCliCapture } from '../support/cli';
import { tempFolder, writeXlsx } from '../support/xlsx-writer';

const temp = tempFolder('unread-grid');
afterAll(() => temp.cleanup());

const NAME = 'council-sandwell-parking-annual-report-2015-16.txt';
const DOUBT = "'Sheet1'!A2:B10 looks like KPIs, but no table could be read there: choose its columns (or mark it as not a KPI table).";
let book: string;

beforeAll(async () => {
  book = await writeXlsx(temp.path('sandwell.xlsx'), xlsxSheetsOf(readCase(join(CASES_DIR, NAME), NAME)));
});

test('scan names the grid in its text and in its JSON doubts', async () => {
  const text = await runCliCapture(['scan', book]);
  expect(text.code).toBe(0);
  expect(text.out).toContain(`! ${DOUBT}`);
  const json = JSON.parse((await runCliCapture(['scan', book, '--json'])).out) as { doubts: string[] };
  expect(json.doubts).toContain(DOUBT);
});

test('check names it under "Not read or not judged", and beside its JSON on stderr', async () => {
  const text = await runCliCapture(['check', book, '--today', '2016-06-01']);
  expect(text.out).toContain('Not read or not judged');
  expect(text.out).toContain(`! ${DOUBT}`);
  const json = await runCliCapture(['check', book, '--json', '--today', '2016-06-01']);
  expect(json.code).toBe(0);
  expect(() => JSON.parse(json.out)).not.toThrow();
  expect(json.err).toContain(DOUBT);
});
