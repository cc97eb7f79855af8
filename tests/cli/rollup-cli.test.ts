/**
 * `kpi-tracker rollup <files or folders…> -o corporate.xlsx` (issue 19): the four samples and a
 * file that is not a workbook, rolled up into one corporate report. Each sample is summarised with
 * the counts its own committee sheet shows, every indicator that missed is listed with its
 * workbook and a link back to its cell, and the bad file is named in "Not included" with its
 * reason. The workbooks rolled up are never written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cellText } from '../../src/core/model/cell-text';
import type { Sheet } from '../../src/core/model/workbook';
import { STATUSES, STATUS_WORDS, type Status } from '../../src/core/engine/target-types';
import type { RollupJson } from '../../src/cli/output/rollup-json';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { XlsxPackage } from '../../src/hosts/xlsx/xlsx-package';
import { readZip } from '../../src/hosts/xlsx/zip-archive';
import { runCliCapture } from '../support/cli';
import { SAMPLE_NAMES, samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

jest.setTimeout(120_000);

const TODAY = '2024-11-20';
const temp = tempFolder('rollup');
const services = temp.path('services');
const notAWorkbook = join(services, 'minutes of the last meeting.xlsx');
const report = temp.path('reports/corporate.xlsx');
afterAll(() => temp.cleanup());

const texts = (sheet: Sheet): string[][] =>
  Array.from(sheet.rows, (row) => Array.from(row ?? [], (cell) => (cell ? cellText(cell).trim() : '')));
const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A sheet's table under a header row that starts with `first`: its rows as header → text, up to a blank row. */
function tableUnder(rows: string[][], first: string, secondHeader?: string): Array<Record<string, string>> {
  const at = rows.findIndex((row) => row.find((text) => text !== '') === first && (!secondHeader || row.includes(secondHeader)));
  if (at < 0) return [];
  const header = rows[at]!;
  const out: Array<Record<string, string>> = [];
  for (const row of rows.slice(at + 1)) {
    if (row.every((text) => text === '')) break;
    out.push(Object.fromEntries(header.map((title, c) => [title, row[c] ?? '']).filter(([title]) => title !== '')));
  }
  return out;
}

const committeeSheets = new Map<string, Promise<string[][]>>();

/** A sample's own committee sheet, as `kpi-tracker committee` writes it, cell texts by row. */
function committeeSheetOf(name: (typeof SAMPLE_NAMES)[number]): Promise<string[][]> {
  let sheet = committeeSheets.get(name);
  if (!sheet) {
    sheet = (async () => {
      const out = temp.path(`committee/${name}.xlsx`);
      const run = await runCliCapture(['committee', samplePath(name), '-o', out, '--today', TODAY]);
      expect(run.code).toBe(0);
      const { workbook } = await readXlsxFile(out);
      return texts(workbook.sheets.find((s) => s.name.startsWith('Committee '))!);
    })();
    committeeSheets.set(name, sheet);
  }
  return sheet;
}

/** The indicators in the committee sheet's exceptions table, in its order. */
async function committeeExceptions(name: (typeof SAMPLE_NAMES)[number]): Promise<string[]> {
  const rows = await committeeSheetOf(name);
  const title = rows.findIndex((row) => row[0] === 'Exceptions: indicators not meeting target');
  const next = rows[title + 1]!;
  if (next[0]!.startsWith('None')) return [];
  return tableUnder(
    rows.slice(title + 1),
    next.find((t) => t !== '')!,
  ).map((row) => row.Indicator!);
}

const STATUS_LABELS = new Set(Object.values(STATUS_WORDS));

let json: RollupJson;
let textRun: { code: number; out: string; err: string };
let corporate: Map<string, string[][]>;
const before = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(services, { recursive: true });
  for (const name of SAMPLE_NAMES) copyFileSync(samplePath(name), join(services, `${name}.xlsx`));
  writeFileSync(notAWorkbook, 'Minutes of the performance board, typed into a text file and saved with the wrong name.\n');
  for (const name of SAMPLE_NAMES) before.set(name, hash(join(services, `${name}.xlsx`)));

  textRun = await runCliCapture(['rollup', services, '-o', report, '--today', TODAY]);
  const jsonRun = await runCliCapture(['rollup', services, '-o', report, '--today', TODAY, '--json']);
  expect(jsonRun.code).toBe(0);
  json = JSON.parse(jsonRun.out) as RollupJson;
  const { workbook } = await readXlsxFile(report);
  corporate = new Map(workbook.sheets.map((sheet) => [sheet.name, texts(sheet)]));
});

describe('rolling up the samples and a file that is not a workbook', () => {
  it('finishes with exit status 0 and says, per workbook, which period it used', () => {
    expect(textRun.code).toBe(0);
    expect(textRun.out).toMatch(/service-plan-quarterly\.xlsx: Q2 2024\/25 \(its latest with figures\)/);
    expect(textRun.out).toMatch(/service-delivery-plan-annual\.xlsx: 2014\/15 \(its latest with figures\)/);
    expect(textRun.out).toMatch(/kpi-return\.xlsx: 2007\/08 \(its latest with figures\)/);
    expect(textRun.out).toMatch(/inspection-action-plan\.xlsx: Jul 2010 \(its latest with figures\)/);
    expect(textRun.out).toContain(`Written to ${report}.`);
  });

  it.each(SAMPLE_NAMES)('summarises %s with the counts its own committee sheet shows', async (name) => {
    const committee = tableUnder(await committeeSheetOf(name), 'Status', 'Number');
    const shown = committee.filter((row) => STATUS_LABELS.has(row.Status!)).map((row) => [row.Status, Number(row.Number)]);
    expect(shown.length).toBeGreaterThan(0);

    const summary = json.workbooks.find((w) => basename(w.file) === `${name}.xlsx`)!;
    expect(summary.periodChosen).toBe('latest');
    const counted = STATUSES.filter((status) => summary.counts[status] > 0).map((status) => [STATUS_WORDS[status], summary.counts[status]]);
    expect(counted).toEqual(shown);
    expect(summary.total).toBe(Number(committee.find((row) => row.Status === 'Total')!.Number));

    // The Summary sheet of the report shows the same numbers in its row for the workbook.
    const row = tableUnder(corporate.get('Summary')!, 'Workbook').find((r) => r['File (a link to it)'] === `${name}.xlsx`)!;
    for (const [label, n] of shown) expect(Number(row[label as string])).toBe(n);
    expect(row.Period).toBe(summary.period);
  });

  it.each(SAMPLE_NAMES)('lists every indicator %s missed, with its workbook, as its committee sheet does', async (name) => {
    const committeeMisses = await committeeExceptions(name);
    const file = join(services, `${name}.xlsx`);
    const misses = json.misses.filter((miss) => miss.file === file);
    expect(misses.map((miss) => miss.indicator)).toEqual(committeeMisses);
    const title = json.workbooks.find((w) => w.file === file)!.title;
    for (const miss of misses) {
      expect(miss.workbook).toBe(title);
      expect(miss.sheet).toBeTruthy();
      expect(miss.cell).toMatch(/^[A-Z]+\d+$/);
    }
    const listed = tableUnder(corporate.get('Exceptions')!, 'Workbook').filter(
      (row) => row['File (a link to the cell)'] === `${name}.xlsx`,
    );
    expect(listed.map((row) => row.Indicator)).toEqual(committeeMisses);
    for (const row of listed) expect(row.Workbook).toBe(title);
  });

  it('names the file that is not a workbook in "Not included", with the reason', () => {
    expect(json.notIncluded).toEqual([
      {
        file: notAWorkbook,
        kind: 'unreadable',
        reason: expect.stringMatching(/^minutes of the last meeting\.xlsx is not an Excel workbook/),
      },
    ]);
    const listed = tableUnder(corporate.get('Not included')!, 'File (a link to it)');
    expect(listed).toEqual([
      { 'File (a link to it)': 'minutes of the last meeting.xlsx', 'Why it was left out': json.notIncluded[0]!.reason },
    ]);
    expect(textRun.out).toContain(`minutes of the last meeting.xlsx: not included. ${json.notIncluded[0]!.reason}`);
  });

  it('adds the workbooks up: totals are the sums of the workbooks', () => {
    for (const status of STATUSES)
      expect(json.totals.counts[status]).toBe(json.workbooks.reduce((n, w) => n + w.counts[status], 0) as number);
    expect(json.totals.workbooks).toBe(4);
    expect(json.totals.notIncluded).toBe(1);
    expect(json.totals.misses).toBe(json.misses.length);
    const judged = (['met', 'near', 'missed', 'not-due', 'overdue'] as Status[]).reduce((n, s) => n + json.totals.counts[s], 0);
    expect(json.totals.judged).toBe(judged);
    expect(json.totals.metShare).toBeCloseTo(json.totals.counts.met / judged, 10);
  });

  it('links every row back to its workbook, sheet and cell with a real hyperlink', () => {
    const pkg = new XlsxPackage(readZip(readFileSync(report)));
    const sheetParts = new Map<string, string>();
    const workbookRels = pkg.relationships('xl/workbook.xml');
    for (const match of pkg.text('xl/workbook.xml')!.matchAll(/<sheet name="([^"]+)" sheetId="\d+"(?: state="\w+")? r:id="(rId\d+)"\/>/g))
      sheetParts.set(match[1]!, workbookRels.get(match[2]!)!.target);
    const linksOf = (sheet: string): Map<string, { target: string; location: string | undefined }> => {
      const part = sheetParts.get(sheet)!;
      const rels = pkg.relationships(part);
      return new Map(
        [...pkg.text(part)!.matchAll(/<hyperlink ref="([A-Z]+\d+)" r:id="(rId\d+)"(?: location="([^"]+)")?/g)].map((m) => [
          m[1]!,
          { target: rels.get(m[2]!)!.target, location: m[3]?.replace(/&apos;/g, "'") },
        ]),
      );
    };
    const exceptions = linksOf('Exceptions');
    expect(exceptions.size).toBe(json.misses.length);
    const targets = [...exceptions.values()];
    json.misses.forEach((miss, i) => {
      // The report is in reports/, the workbooks in services/: a relative link, encoded as a URI.
      expect(targets[i]!.target).toBe(`../services/${encodeURIComponent(basename(miss.file))}`);
      expect(targets[i]!.location).toBe(`'${miss.sheet}'!${miss.cell}`);
    });
    expect(linksOf('Summary').size).toBe(json.workbooks.length);
    expect([...linksOf('Not included').values()]).toEqual([
      { target: '../services/minutes%20of%20the%20last%20meeting.xlsx', location: undefined },
    ]);
  });

  it('keeps the --json contract the README documents', () => {
    expect(Object.keys(json).sort()).toEqual(['misses', 'notIncluded', 'output', 'period', 'today', 'totals', 'workbooks']);
    expect(json).toMatchObject({ period: null, today: TODAY, output: report });
    expect(Object.keys(json.totals).sort()).toEqual(['counts', 'judged', 'metShare', 'misses', 'notIncluded', 'total', 'workbooks']);
    for (const w of json.workbooks) {
      expect(Object.keys(w).sort()).toEqual(
        ['cell', 'counts', 'direction', 'file', 'judged', 'metShare', 'note', 'period', 'periodChosen', 'sheet', 'title', 'total'].sort(),
      );
      expect(Object.keys(w.counts)).toEqual([...STATUSES]);
      expect(Object.keys(w.direction).sort()).toEqual(['better', 'same', 'worse']);
      expect(w.metShare === null || (w.metShare >= 0 && w.metShare <= 1)).toBe(true);
    }
    for (const miss of json.misses) {
      expect(Object.keys(miss).sort()).toEqual(
        [
          'actions',
          'actual',
          'cell',
          'file',
          'indicator',
          'owner',
          'period',
          'ref',
          'sheet',
          'status',
          'target',
          'variance',
          'workbook',
        ].sort(),
      );
      expect(['missed', 'overdue']).toContain(miss.status);
    }
    for (const item of json.notIncluded)
      expect(['not-a-workbook-file', 'unreadable', 'no-kpi-table', 'mapping-does-not-fit', 'stopped']).toContain(item.kind);
  });

  it('never writes the workbooks it reads', () => {
    for (const name of SAMPLE_NAMES) expect(hash(join(services, `${name}.xlsx`))).toBe(before.get(name));
  });
});

describe('rollup, given every kind of file it cannot use', () => {
  it('lists each in "Not included" with its own reason, and still reports the workbook it can use', async () => {
    const folder = temp.path('mixed');
    mkdirSync(folder);
    copyFileSync(samplePath('kpi-return'), join(folder, 'kpi-return.xlsx'));
    // An encrypted workbook is an OLE2 compound file, as is an old .xls: the first eight bytes say so.
    writeFileSync(
      join(folder, 'budget (password).xlsx'),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    // A workbook cut short in copying.
    writeFileSync(join(folder, 'cut short.xlsx'), readFileSync(samplePath('service-plan-quarterly')).subarray(0, 3000));
    // A workbook of minutes, with no KPI table in it.
    const ExcelJS = (await import('exceljs')).default;
    const minutes = new ExcelJS.Workbook();
    minutes.addWorksheet('Minutes').addRow(['The board noted the report.']);
    await minutes.xlsx.writeFile(join(folder, 'board minutes.xlsx'));

    const run = await runCliCapture(['rollup', folder, '--today', TODAY, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as RollupJson;
    expect(result.workbooks.map((w) => basename(w.file))).toEqual(['kpi-return.xlsx']);
    const why = Object.fromEntries(result.notIncluded.map((n) => [basename(n.file), [n.kind, n.reason]]));
    expect(why).toEqual({
      'board minutes.xlsx': ['no-kpi-table', expect.stringMatching(/^No KPI table was found in board minutes\.xlsx/)],
      'budget (password).xlsx': ['unreadable', expect.stringMatching(/password-protected/)],
      'cut short.xlsx': ['unreadable', expect.stringMatching(/damaged/)],
    });
  });

  it('exits 1 when no file could be used, and the report says why for each', async () => {
    const damaged = temp.path('cut short.xlsx');
    writeFileSync(damaged, readFileSync(samplePath('kpi-return')).subarray(0, 3000));
    const out = temp.path('none/corporate.xlsx');
    const run = await runCliCapture(['rollup', damaged, '-o', out, '--today', TODAY]);
    expect(run.code).toBe(1);
    const { workbook } = await readXlsxFile(out);
    const listed = tableUnder(texts(workbook.sheets.find((s) => s.name === 'Not included')!), 'File (a link to it)');
    expect(listed.map((row) => row['File (a link to it)'])).toEqual(['cut short.xlsx']);
  });
});

describe('rollup, asked for one period', () => {
  it('judges every workbook for that period and says where a workbook has no figures for it', async () => {
    const run = await runCliCapture([
      'rollup',
      samplePath('service-plan-quarterly'),
      samplePath('kpi-return'),
      '--period',
      'Q1 2024/25',
      '--today',
      TODAY,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as RollupJson;
    expect(result.period).toBe('Q1 2024/25');
    expect(result.output).toBeNull();
    const [quarterly, annual] = result.workbooks;
    expect(quarterly).toMatchObject({ period: 'Q1 2024/25', periodChosen: 'asked' });
    expect(quarterly!.total).toBeGreaterThan(0);
    // As its own committee sheet for Q1 shows it: every dated indicator No data for that period;
    // the letters log, a list of cases with no period of its own, is judged on all its cases.
    expect(annual).toMatchObject({ period: 'Q1 2024/25', note: null });
    expect(annual!.counts).toMatchObject({ met: 1, 'no-data': annual!.total - 1 });
  });
});

describe('rollup, the action from a workbook’s action plan', () => {
  it('prints beside a miss the action its owner wrote on the workbook’s action plan', async () => {
    const planned = temp.path('planned/service-plan-quarterly.xlsx');
    expect((await runCliCapture(['plan', samplePath('service-plan-quarterly'), '-o', planned, '--today', TODAY])).code).toBe(0);
    // An officer types the action into the "Key actions" and "By" cells of indicator 04's block.
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(planned);
    const sheet = book.getWorksheet('KPI action plan')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (String(r.getCell(1).value ?? '').trim() === '04') row = n;
    });
    expect(row).toBeGreaterThan(0);
    sheet.getCell(row, 5).value = 'Arrears surgeries in every neighbourhood office';
    sheet.getCell(row, 6).value = 'Income Manager';
    sheet.getCell(row, 7).value = 'December 2024';
    await book.xlsx.writeFile(planned);

    const run = await runCliCapture(['rollup', planned, '--today', TODAY, '--json']);
    const miss = (JSON.parse(run.out) as RollupJson).misses.find((m) => m.ref === '04')!;
    expect(miss.actions).toEqual([
      expect.objectContaining({
        action: 'Arrears surgeries in every neighbourhood office',
        by: 'December 2024',
        responsible: 'Income Manager',
      }),
    ]);
    expect(miss.owner).toBe('Income Manager');
  });
});

describe('rollup, written wrongly or given nothing to read', () => {
  it('asks where to write the report when neither -o nor --json is given', async () => {
    const run = await runCliCapture(['rollup', samplePath('kpi-return')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/needs -o and where to write the corporate report/);
  });

  it('refuses to write the report over a workbook it reads', async () => {
    const run = await runCliCapture(['rollup', samplePath('kpi-return'), '-o', samplePath('kpi-return')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/never writes over them/);
  });

  it('says so when a folder has nothing to roll up', async () => {
    const empty = temp.path('empty');
    mkdirSync(empty);
    const run = await runCliCapture(['rollup', empty, '-o', temp.path('empty-report.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/No file was found to roll up/);
  });
});

describe('rollup --pdf', () => {
  it('prints the report, every sheet, to a PDF beside it with LibreOffice', async () => {
    const out = temp.path('pdf/corporate.xlsx');
    const run = await runCliCapture(['rollup', services, '-o', out, '--today', TODAY, '--pdf']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`PDF written to ${temp.path('pdf/corporate.pdf')}.`);
    const info = execFileSync('pdfinfo', [temp.path('pdf/corporate.pdf')], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(3);
    const words = execFileSync('pdftotext', ['-layout', temp.path('pdf/corporate.pdf'), '-'], { encoding: 'utf8' });
    expect(words).toContain('Corporate performance report');
    expect(words).toContain('Exceptions: indicators not meeting target, across all workbooks');
    expect(words).toContain('minutes of the last meeting.xlsx');
  });

  it('says in one sentence how to get LibreOffice when it is not installed, and still writes the workbook', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const out = temp.path('no-pdf/corporate.xlsx');
      const run = await runCliCapture(['rollup', samplePath('kpi-return'), '-o', out, '--today', TODAY, '--pdf']);
      expect(run.code).toBe(0);
      expect(run.out).toContain(`Written to ${out}.`);
      expect(run.out).toMatch(/No PDF was written: --pdf needs LibreOffice, which is not installed on this computer; install it/);
    } finally {
      process.env.PATH = path;
    }
  });
});
