/**
 * `kpi-tracker scan <book.xlsx> [--json]`: prints every table found; errors are plain sentences
 * naming the file (and sheets), exit status 1 for a workbook that can't be used, 2 for usage.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { scanJson } from '../../src/cli/output/scan-json';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { expectPlainMessage, runCliCapture } from '../support/cli';
import { loadSample, ROOT, SAMPLE_NAMES, samplePath } from '../support/samples';
import { tempFolder, writeXlsx } from '../support/xlsx-writer';

const temp = tempFolder('scan-cli');
afterAll(() => temp.cleanup());

describe('kpi-tracker scan on the samples', () => {
  test.each(SAMPLE_NAMES)('%s: prints every table with its sheet, range, layout and columns, exit 0', async (name) => {
    const run = await runCliCapture(['scan', samplePath(name)]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const { scan } = await loadSample(name);
    const indicators = scan.tables.reduce((n, table) => n + table.indicators.length, 0);
    expect(run.out.split('\n')[0]).toBe(`${samplePath(name)}: ${scan.tables.length} tables, ${indicators} indicators`);
    for (const table of scan.tables) {
      expect(run.out).toContain(`Sheet "${table.sheet}" ${table.range}: layout ${table.layout}`);
      for (const column of table.columns) expect(run.out).toContain(`${column.column} ${column.role}`);
      for (const indicator of table.indicators)
        expect(run.out).toContain(`row ${indicator.row}: ${indicator.ref ? `${indicator.ref} ` : ''}`);
      if (table.recommendation) expect(run.out).toContain(`${table.recommendation.ref} `);
    }
  });

  test('the layout A sample names every indicator 01–14 and the period of each actual column', async () => {
    const run = await runCliCapture(['scan', samplePath('service-plan-quarterly')]);
    for (const ref of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'])
      expect(run.out).toMatch(new RegExp(`row \\d+: ${ref} `));
    expect(run.out).toContain(
      'C actual (Q1 2024/25) · D actual (Q2 2024/25) · E actual (Q3 2024/25) · F actual (Q4 2024/25) · G target (2024/25) · H status · I commentary',
    );
  });

  test.each(SAMPLE_NAMES)('%s: --json parses and is exactly scanJson(detectWorkbook(…)) of the file', async (name) => {
    const run = await runCliCapture(['scan', samplePath(name), '--json']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const { workbook } = await readXlsxFile(samplePath(name));
    expect(JSON.parse(run.out)).toEqual(JSON.parse(JSON.stringify(scanJson(samplePath(name), detectWorkbook(workbook)))));
  });

  test('--json may come before the file', async () => {
    const before = await runCliCapture(['scan', '--json', samplePath('kpi-return')]);
    const after = await runCliCapture(['scan', samplePath('kpi-return'), '--json']);
    expect(before.code).toBe(0);
    expect(before.out).toBe(after.out);
  });
});

describe('kpi-tracker scan: a file it cannot use is a plain sentence and exit 1', () => {
  async function expectFileError(path: string, pattern: RegExp): Promise<string> {
    const run = await runCliCapture(['scan', path]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expectPlainMessage(run.err);
    expect(run.err).toMatch(pattern);
    return run.err;
  }

  test('a missing file', async () => {
    const path = temp.path('no-such-book.xlsx');
    const err = await expectFileError(path, /no such file/);
    expect(err).toContain('no-such-book.xlsx');
  });

  test('a folder', async () => {
    const path = temp.path('a-folder.xlsx');
    mkdirSync(path, { recursive: true });
    const err = await expectFileError(path, /folder/);
    expect(err).toContain('a-folder.xlsx');
  });

  test('a text file renamed .xlsx', async () => {
    const path = temp.path('notes.xlsx');
    writeFileSync(path, 'Ref\tIndicator\tTarget\n01\tRent collected\t97%\n');
    const err = await expectFileError(path, /not an Excel workbook/);
    expect(err).toContain('notes.xlsx');
  });

  test('an empty 0-byte file', async () => {
    const path = temp.path('empty.xlsx');
    writeFileSync(path, Buffer.alloc(0));
    const err = await expectFileError(path, /empty \(0 bytes\)/);
    expect(err).toContain('empty.xlsx');
  });

  test('an OLE2 compound file (what a password-protected .xlsx looks like)', async () => {
    const path = temp.path('protected.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const err = await expectFileError(path, /password-protected \(encrypted\)/);
    expect(err).toContain('protected.xlsx');
  });

  test('a zip file that is not a workbook, renamed .xlsx', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'Not a workbook.');
    const path = temp.path('archive.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const err = await expectFileError(path, /not an Excel workbook|could not be read|damaged/);
    expect(err).toContain('archive.xlsx');
  });

  test('an .xlsx with no KPI table: exit 1 and a sentence naming the file and its sheets', async () => {
    const path = await writeXlsx(temp.path('minutes.xlsx'), [
      { name: 'Minutes', rows: [['The panel met on 3 March and agreed to review the targets.'], ['Officers will report back in Q2.']] },
      {
        name: 'Contacts',
        rows: [
          ['Name', 'Phone'],
          ['Jane Smith', '01234 567890'],
        ],
      },
    ]);
    const run = await runCliCapture(['scan', path]);
    expect(run.code).toBe(1);
    expectPlainMessage(run.err);
    expect(run.err).toMatch(/^No KPI table was found in /);
    expect(run.err).toContain('minutes.xlsx');
    expect(run.err).toContain('"Minutes"');
    expect(run.err).toContain('"Contacts"');
  });

  test('an empty workbook (one empty sheet): exit 1 and a sentence', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const path = temp.path('blank.xlsx');
    await wb.xlsx.writeFile(path);
    const run = await runCliCapture(['scan', path]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expectPlainMessage(run.err);
    expect(run.err).toContain('blank.xlsx');
    expect(run.err).toMatch(/no cells|empty/);
  });
});

describe('kpi-tracker: usage errors exit 2', () => {
  test.each<[string, string[], RegExp]>([
    ['no command', [], /Usage: kpi-tracker/],
    ['scan without a workbook', ['scan'], /needs a workbook/],
    ['scan with two workbooks', ['scan', 'a.xlsx', 'b.xlsx'], /one workbook at a time/],
    ['an unknown command', ['frobnicate', 'a.xlsx'], /"frobnicate" is not a kpi-tracker command/],
    ['a value given to --json', ['scan', '--json=yes', 'a.xlsx'], /--json does not take a value/],
    ['an unknown option', ['scan', '--jsno', samplePath('kpi-return')], /--jsno/],
  ])('%s', async (_label, argv, pattern) => {
    const run = await runCliCapture(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expectPlainMessage(run.err);
    expect(run.err).toMatch(pattern);
  });

  test('--help prints the usage on stdout and exits 0', async () => {
    const run = await runCliCapture(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: kpi-tracker/);
    expect(run.err).toBe('');
  });
});

describe('the real bin', () => {
  test('node bin/kpi-tracker.js scan assets/samples/service-plan-quarterly.xlsx, as a child process', () => {
    const child = spawnSync(
      process.execPath,
      [join('bin', 'kpi-tracker.js'), 'scan', join('assets', 'samples', 'service-plan-quarterly.xlsx')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.split('\n')[0]).toBe(`${join('assets', 'samples', 'service-plan-quarterly.xlsx')}: 4 tables, 14 indicators`);
    expect(child.stdout).toContain('Sheet "KPIs 2024-25" A3:I6: layout A, period table');
    expect(child.stdout).toContain('Sheet "KPIs 2024-25" A16:I25: layout A, period table');
    expect(child.stdout).toMatch(/row 17: 08 % of Stage 1 housing complaints/);
  });
});
