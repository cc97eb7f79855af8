/**
 * Clear refusals before anything is written, and the command line's promises about files:
 * a protected sheet, a saved mapping that no longer fits, --dry-run, -o, --in-place and the
 * default output name `<name>.checked.xlsx`.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import { expectPlainMessage, runCliCapture } from '../support/cli';
import { samplePath } from '../support/samples';
import { settingsSheet, type SettingsInput } from '../support/settings-sheet';
import { excelWorkbook, tempFolder, type XlsxCell, type XlsxSheet } from '../support/xlsx-writer';

jest.setTimeout(30_000);

const TODAY = '2025-01-15';
const tmp = tempFolder('refusals');
afterAll(() => tmp.cleanup());

const KPI_ROWS: XlsxCell[][] = [
  ['Tenancy KPIs 2024/25'],
  [],
  ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary'],
  ['T1', 'Rent collected as a % of rent due', { v: 0.96, fmt: '0.0%' }, { v: 0.98, fmt: '0.0%' }, { v: 0.97, fmt: '0%' }, null, null],
  ['T2', 'Void rent loss as a % of rent due', { v: 0.019, fmt: '0.0%' }, { v: 0.03, fmt: '0.0%' }, { v: 0.02, fmt: '0.0%' }, null, null],
];

const MAPPING: SettingsInput = {
  version: 1,
  tables: [
    {
      sheet: 'KPIs',
      headerRows: [3],
      columns: [
        { column: 'A', header: 'Ref', role: 'reference' },
        { column: 'B', header: 'Indicator', role: 'description' },
        { column: 'C', header: 'Q1 2024/25', role: 'actual', period: 'Q1 2024/25' },
        { column: 'D', header: 'Q2 2024/25', role: 'actual', period: 'Q2 2024/25' },
        { column: 'E', header: 'Target', role: 'target', period: '2024/25' },
        { column: 'F', header: 'Status', role: 'status' },
        { column: 'G', header: 'Commentary', role: 'commentary' },
      ],
    },
  ],
};

function settingsXlsxSheet(settings: SettingsInput): XlsxSheet {
  const sheet = settingsSheet(settings);
  return { name: sheet.name, rows: sheet.rows as XlsxCell[][], state: 'veryHidden' };
}

async function book(
  file: string,
  sheets: readonly XlsxSheet[],
  tweak?: (excel: ExcelJS.Workbook) => Promise<void> | void,
): Promise<string> {
  const excel = excelWorkbook(sheets);
  await tweak?.(excel);
  const path = tmp.path(file);
  await excel.xlsx.writeFile(path);
  return path;
}

/** The files in a folder, to show nothing else was written beside the input. */
function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

async function statusOf(path: string, sheet: string, address: string): Promise<unknown> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(path);
  return excel.getWorksheet(sheet)!.getCell(address).value;
}

describe('a protected sheet', () => {
  let input: string;
  beforeAll(async () => {
    input = await book(
      'protected.xlsx',
      [
        { name: 'Cover', rows: [['Pack']] },
        { name: 'KPIs', rows: KPI_ROWS },
      ],
      async (excel) => {
        await excel.getWorksheet('KPIs')!.protect('pw', {});
      },
    );
  });

  it('recalc exits 1 with a sentence naming the sheet, and writes no output', async () => {
    const before = readFileSync(input);
    const output = tmp.path('protected.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Sheet "KPIs" is protected/);
    expect(run.err).toMatch(/Nothing was written/);
    expectPlainMessage(run.err);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(tmp.path('protected.checked.xlsx'))).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('nor with the default output name, nor --in-place', async () => {
    const before = readFileSync(input);
    const listing = filesIn(tmp.dir);
    expect((await runCliCapture(['recalc', input, '--today', TODAY])).code).toBe(1);
    expect((await runCliCapture(['recalc', input, '--in-place', '--today', TODAY])).code).toBe(1);
    expect(filesIn(tmp.dir)).toEqual(listing);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('a protected sheet with nothing to write does not stop the run, and stays protected', async () => {
    const path = await book(
      'protected-notes.xlsx',
      [
        { name: 'KPIs', rows: KPI_ROWS },
        { name: 'Notes', rows: [['Read me']] },
      ],
      async (excel) => {
        await excel.getWorksheet('Notes')!.protect('pw', {});
      },
    );
    const output = tmp.path('protected-notes.out.xlsx');
    const run = await runCliCapture(['recalc', path, '-o', output, '--today', TODAY]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(output);
    expect((excel.getWorksheet('Notes') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(excel.getWorksheet('KPIs')!.getCell('F4').value).toBe('Met');
  });
});

describe('a saved mapping that no longer fits', () => {
  it('a header that changed since the officer confirmed the mapping → refusal, exit 1, nothing written', async () => {
    const rows = KPI_ROWS.map((row) => [...row]);
    rows[2]![4] = 'Annual target'; // was "Target" when the mapping was confirmed
    const input = await book('moved.xlsx', [{ name: 'KPIs', rows }, settingsXlsxSheet(MAPPING)]);
    const before = readFileSync(input);
    const output = tmp.path('moved.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/no longer fits sheet "KPIs": column E was "Target" when you confirmed it and is now "Annual target"/);
    expectPlainMessage(run.err);
    expect(existsSync(output)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('a status column that is not there any more (the officer deleted it) → refusal naming it', async () => {
    const rows = KPI_ROWS.map((row) => [...row.slice(0, 5), ...row.slice(6)]);
    const input = await book('no-status.xlsx', [{ name: 'KPIs', rows }, settingsXlsxSheet(MAPPING)]);
    const output = tmp.path('no-status.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/column F was "Status" when you confirmed it and is now "Commentary"/);
    expect(existsSync(output)).toBe(false);
  });

  it('a row inserted above the table moves the header off the saved row → refusal', async () => {
    const rows = [['Draft – not for circulation'], ...KPI_ROWS];
    const input = await book('row-inserted.xlsx', [{ name: 'KPIs', rows }, settingsXlsxSheet(MAPPING)]);
    const output = tmp.path('row-inserted.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/no longer fits sheet "KPIs"/);
    expect(existsSync(output)).toBe(false);
  });

  it('a mapping naming a sheet that was renamed → refusal', async () => {
    const input = await book('renamed.xlsx', [{ name: 'KPIs Q2', rows: KPI_ROWS }, settingsXlsxSheet(MAPPING)]);
    const output = tmp.path('renamed.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/names a sheet "KPIs" that is no longer in the workbook/);
    expect(existsSync(output)).toBe(false);
  });

  it('the same mapping on the unchanged sheet is used, and the run writes', async () => {
    const input = await book('fits.xlsx', [{ name: 'KPIs', rows: KPI_ROWS }, settingsXlsxSheet(MAPPING)]);
    const output = tmp.path('fits.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    expect(await statusOf(output, 'KPIs', 'F4')).toBe('Met');
    expect(await statusOf(output, 'KPIs', 'F5')).toBe('Not met');
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(output);
    expect(excel.getWorksheet(SETTINGS_SHEET)!.state).toBe('veryHidden');
  });
});

describe('--dry-run', () => {
  it('prints the changes and writes nothing: no output file, the input unchanged', async () => {
    const input = tmp.path('dry.xlsx');
    copyFileSync(samplePath('service-plan-quarterly'), input);
    const before = readFileSync(input);
    const listing = filesIn(tmp.dir);
    const run = await runCliCapture(['recalc', input, '--dry-run', '--today', TODAY]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    expect(run.out).toMatch(/^Would change 14 status cells and 6 commentary cells\./m);
    expect(run.out).toMatch(/KPIs 2024-25!H4: \(empty\) → "Near miss"/);
    expect(run.out).toMatch(/Would update sheet "KPI Tracker change log"/);
    expect(run.out).not.toMatch(/Written to/);
    expect(filesIn(tmp.dir)).toEqual(listing);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('with -o too, the -o file is not written', async () => {
    const input = tmp.path('dry-o.xlsx');
    copyFileSync(samplePath('kpi-return'), input);
    const output = tmp.path('dry-o.out.xlsx');
    const run = await runCliCapture(['recalc', input, '--dry-run', '-o', output, '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Would change/);
    expect(existsSync(output)).toBe(false);
  });
});

describe('where the output goes', () => {
  it('-o naming the input is a usage error (exit 2) and the input is unchanged, byte for byte', async () => {
    const input = tmp.path('same.xlsx');
    copyFileSync(samplePath('service-plan-quarterly'), input);
    const before = readFileSync(input);
    const listing = filesIn(tmp.dir);
    for (const o of [input, join(tmp.dir, '.', 'same.xlsx'), join(tmp.dir, 'sub', '..', 'same.xlsx')]) {
      const run = await runCliCapture(['recalc', input, '-o', o, '--today', TODAY]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/is the workbook being read; KPI Tracker won't write over it unless you add --in-place/);
      expectPlainMessage(run.err);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(filesIn(tmp.dir)).toEqual(listing);
  });

  it('-o and --in-place together, or -o that is not .xlsx, are usage errors', async () => {
    const input = tmp.path('usage.xlsx');
    copyFileSync(samplePath('service-plan-quarterly'), input);
    expect((await runCliCapture(['recalc', input, '-o', tmp.path('x.xlsx'), '--in-place', '--today', TODAY])).code).toBe(2);
    const csv = await runCliCapture(['recalc', input, '-o', tmp.path('x.csv'), '--today', TODAY]);
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/must be an \.xlsx file/);
    expect(existsSync(tmp.path('x.xlsx'))).toBe(false);
    expect(existsSync(tmp.path('x.csv'))).toBe(false);
  });

  it('without -o it writes <name>.checked.xlsx next to the input and leaves the input alone', async () => {
    const input = tmp.path('Housing KPIs 2024-25.xlsx');
    copyFileSync(samplePath('service-plan-quarterly'), input);
    const before = readFileSync(input);
    const run = await runCliCapture(['recalc', input, '--today', TODAY]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const checked = tmp.path('Housing KPIs 2024-25.checked.xlsx');
    expect(existsSync(checked)).toBe(true);
    expect(run.out).toContain(`Written to ${checked}.`);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(await statusOf(checked, 'KPIs 2024-25', 'H4')).toBe('Near miss');
    expect(filesIn(tmp.dir).filter((file) => /\.tmp$/.test(file))).toEqual([]);
  });

  it('a second run on the input overwrites <name>.checked.xlsx with the same statuses', async () => {
    const input = tmp.path('twice.xlsx');
    copyFileSync(samplePath('service-plan-quarterly'), input);
    expect((await runCliCapture(['recalc', input, '--today', TODAY])).code).toBe(0);
    expect((await runCliCapture(['recalc', input, '--today', TODAY])).code).toBe(0);
    expect(await statusOf(tmp.path('twice.checked.xlsx'), 'KPIs 2024-25', 'H4')).toBe('Near miss');
  });

  it('--in-place writes over the input and nothing else', async () => {
    const sub = tempFolder('in-place');
    try {
      const input = sub.path('book.xlsx');
      copyFileSync(samplePath('service-plan-quarterly'), input);
      const before = readFileSync(input);
      const run = await runCliCapture(['recalc', input, '--in-place', '--today', TODAY]);
      expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
      expect(readFileSync(input).equals(before)).toBe(false);
      expect(await statusOf(input, 'KPIs 2024-25', 'H4')).toBe('Near miss');
      expect(filesIn(sub.dir)).toEqual(['book.xlsx']);
      // And in place again: nothing more to change.
      const again = await runCliCapture(['recalc', input, '--in-place', '--today', TODAY]);
      expect(again.out).toMatch(/Changed 0 status cells and 0 commentary cells\./);
    } finally {
      sub.cleanup();
    }
  });
});

describe('a protected workbook structure', () => {
  /*
   * A workbook whose structure is protected (Review → Protect Workbook, <workbookProtection
   * lockStructure="1"/> in xl/workbook.xml) must not be written with KPI Tracker's change-log and
   * settings sheets added and the protection silently dropped by exceljs, as it once was.
   * (In Excel itself, adding a sheet to such a workbook fails.)
   * Input: the KPIs sheet above with workbook structure protection; `recalc book.xlsx -o out.xlsx`.
   * Expected: a refusal before anything is written (exit 1, a sentence saying the workbook structure
   * is protected), or at the very least the protection kept.
   */
  test('is refused (or keeps its protection)', async () => {
    const JSZip = (await import('jszip')).default;
    const plain = await book('structure.plain.xlsx', [{ name: 'KPIs', rows: KPI_ROWS }]);
    const zip = await JSZip.loadAsync(readFileSync(plain));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<workbookPr [^>]*\/>/);
    zip.file('xl/workbook.xml', workbookXml.replace(/(<workbookPr [^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'));
    const input = tmp.path('structure.xlsx');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
    const output = tmp.path('structure.out.xlsx');
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
    if (run.code === 1) {
      expect(run.err).toMatch(/protected/i);
      expect(existsSync(output)).toBe(false);
      return;
    }
    expect(run.code).toBe(0);
    const written = await JSZip.loadAsync(readFileSync(output));
    expect(await written.file('xl/workbook.xml')!.async('string')).toMatch(/<workbookProtection [^>]*lockStructure="(1|true)"/);
  });
});
