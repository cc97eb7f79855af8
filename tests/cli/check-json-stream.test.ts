/**
 * `check --json` is written a batch at a time (at 50,000 indicators × 12 months the text is
 * 300 MB; `npm run bench` measures the peak memory), and the pieces make exactly the JSON the
 * README documents.
 */
import { runCli } from '../../src/cli/main';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../src/core/engine/evaluate';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { writeGeneratedXlsx } from '../../bench/write-xlsx';
import { tempFolder } from '../support/xlsx-writer';

const temp = tempFolder('check-json-stream');
afterAll(() => temp.cleanup());

const TODAY = { year: 2025, month: 4, day: 30 };

test('300 indicators × 12 months: several pieces, which together are the whole array as JSON.stringify writes it', async () => {
  const book = temp.path('kpis-300.xlsx');
  await writeGeneratedXlsx(300, book);
  const pieces: string[] = [];
  let waits = 0;
  const code = await runCli(['check', book, '--json', '--today', '2025-04-30'], {
    out: (text) => pieces.push(text),
    err: (text) => {
      throw new Error(`unexpected on stderr: ${text}`);
    },
    drained: async () => {
      waits++;
    },
  });
  expect(code).toBe(0);

  const { workbook } = await readXlsxFile(book);
  const verdicts = evaluateWorkbook(workbook, detectWorkbook(workbook), { today: TODAY });
  const expected = verdicts.map((v) => ({
    sheet: v.sheet,
    ref: v.ref,
    indicator: v.indicator,
    period: v.periodLabel,
    actual: v.actualText,
    target: v.targetText,
    polarity: v.polarity,
    polarityAssumed: v.polarityAssumed,
    status: v.status,
    variance: v.variance,
    reason: v.reason,
    row: v.row + 1,
    cell: v.actualCell,
    owner: v.owner,
    trend: v.trend,
  }));
  expect(expected.length).toBe(3_600);
  // "[", four batches of at most 1,000, "]"; and a wait for the reader after each batch.
  expect(pieces.length).toBe(6);
  expect(waits).toBe(4);
  expect(pieces.join('\n')).toBe(JSON.stringify(expected, null, 2));
});

test('no verdicts: an empty array', async () => {
  const pieces: string[] = [];
  const code = await runCli(
    ['check', `${__dirname}/../../assets/samples/service-plan-quarterly.xlsx`, '--json', '--period', 'Q2 2030/31', '--today', '2025-04-30'],
    {
      out: (text) => pieces.push(text),
      err: () => undefined,
    },
  );
  expect(code).toBe(0);
  expect(pieces).toEqual(['[]']);
});
