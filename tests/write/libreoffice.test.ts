/**
 * Issue 4, "Done when" 3: the output of `kpi-tracker recalc` opens in LibreOffice without a repair
 * prompt. Every sample's output (and the awkward workbook's) is converted to PDF by LibreOffice
 * headless in one call; each must give a non-empty PDF with its pages and the status labels in it.
 * The package parts are also checked the way Excel would trip over them: well-formed XML, every
 * relationship pointing at a part that exists, every part with a content type.
 *
 * LibreOffice is required (CI installs Debian's libreoffice-calc): without it this test FAILS.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCliCapture } from '../support/cli';
import { SAMPLE_NAMES, samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';
import { writeAwkwardXlsx } from './awkward-workbooks';

jest.setTimeout(150_000);

const TODAY = '2025-01-15';
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';
const tmp = tempFolder('libreoffice');
afterAll(() => tmp.cleanup());

/** SOFFICE, when set, is the only place looked at; otherwise /usr/bin/soffice, then PATH. */
function findSoffice(): string | undefined {
  if (existsSync(SOFFICE)) return SOFFICE;
  if (process.env.SOFFICE) return undefined;
  const which = spawnSync('which', ['soffice'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

/** The recalc outputs to convert: each sample, plus the awkward workbook. */
const outputs: string[] = [];
let conversion: { status: number | null; stdout: string; stderr: string; error?: Error } | undefined;
let csvConversion: typeof conversion;
let soffice: string | undefined;

beforeAll(async () => {
  for (const name of SAMPLE_NAMES) {
    const input = tmp.path(`${name}.xlsx`);
    copyFileSync(samplePath(name), input);
    const run = await runCliCapture(['recalc', input, '--today', TODAY]);
    if (run.code !== 0) throw new Error(`recalc ${name} failed (${run.code}): ${run.err}`);
    outputs.push(tmp.path(`${name}.checked.xlsx`));
  }
  const awkward = await writeAwkwardXlsx(tmp.path('awkward.xlsx'));
  const run = await runCliCapture(['recalc', awkward, '--today', TODAY]);
  if (run.code !== 0) throw new Error(`recalc awkward failed (${run.code}): ${run.err}`);
  outputs.push(tmp.path('awkward.checked.xlsx'));

  soffice = findSoffice();
  if (!soffice) return;
  const profile = `file://${tmp.path(`lo-profile-${process.pid}-${Date.now()}`)}`;
  const result = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'pdf',
      '--outdir',
      tmp.path('pdf'),
      ...outputs,
    ],
    {
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  conversion = {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ...(result.error ? { error: result.error } : {}),
  };
  // LibreOffice opens a damaged sheet part leniently and still prints what it could read, so every
  // sheet is also exported as CSV (UTF-8, all sheets: the trailing -1) and compared cell by cell.
  const csv = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      tmp.path('csv'),
      ...outputs,
    ],
    {
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  csvConversion = { status: csv.status, stdout: csv.stdout ?? '', stderr: csv.stderr ?? '', ...(csv.error ? { error: csv.error } : {}) };
});

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const pdfOf = (xlsx: string) => join(tmp.path('pdf'), basename(xlsx).replace(/\.xlsx$/, '.pdf'));

describe('LibreOffice opens every recalc output', () => {
  it('LibreOffice (soffice) is installed', () => {
    if (!soffice) {
      throw new Error(
        `LibreOffice is not installed: no ${SOFFICE} and no soffice on PATH. Install Debian's libreoffice-calc (apt-get install libreoffice-calc), or set SOFFICE to its path. This test must not be skipped.`,
      );
    }
  });

  it('one headless conversion of all outputs finishes cleanly', () => {
    expect(soffice).toBeDefined();
    expect(conversion?.error?.message).toBeUndefined();
    expect(conversion?.status).toBe(0);
    // "Error: source file could not be loaded" is how LibreOffice reports a file it cannot open.
    expect(`${conversion?.stdout}\n${conversion?.stderr}`).not.toMatch(/Error:|could not be loaded|General Error|I\/O error/i);
  });

  it.each([...SAMPLE_NAMES, 'awkward'])('%s: a non-empty PDF with at least one page', (name) => {
    const pdf = pdfOf(tmp.path(`${name}.checked.xlsx`));
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
    if (info.status === 0) expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('the statuses KPI Tracker wrote are what LibreOffice shows', () => {
    expect(existsSync(pdfOf(tmp.path('service-plan-quarterly.checked.xlsx')))).toBe(true);
    const text = (name: string) => spawnSync('pdftotext', ['-layout', pdfOf(tmp.path(`${name}.checked.xlsx`)), '-'], { encoding: 'utf8' });
    const quarterly = text('service-plan-quarterly');
    if (quarterly.status !== 0) return; // pdftotext is optional; the PDF checks above stand
    expect(quarterly.stdout).toMatch(/Near miss/);
    expect(quarterly.stdout).toMatch(/Not met/);
    expect(quarterly.stdout).toMatch(/KPI Tracker change log|Status/);
    const awkward = text('awkward').stdout;
    // The template that looks like a formula is shown as the text it is, not run.
    expect(awkward).toMatch(/=HYPERLINK\("http:\/\/example\.com\/evil"/);
    expect(awkward).toMatch(/=cmd\|' \/C calc'!A0/);
  });
});

describe('LibreOffice reads every sheet and every text cell as written', () => {
  it('the CSV export of every sheet finishes cleanly', () => {
    expect(soffice).toBeDefined();
    expect(csvConversion?.status).toBe(0);
    expect(`${csvConversion?.stdout}\n${csvConversion?.stderr}`).not.toMatch(/Error:|could not be loaded/i);
  });

  it.each([...SAMPLE_NAMES, 'awkward'])('%s: each text cell exceljs reads is the text LibreOffice reads', async (name) => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(tmp.path(`${name}.checked.xlsx`));
    const problems: string[] = [];
    let compared = 0;
    for (const ws of excel.worksheets) {
      const file = join(tmp.path('csv'), `${name}.checked-${ws.name}.csv`);
      if (!existsSync(file)) {
        problems.push(`LibreOffice exported no sheet "${ws.name}"`);
        continue;
      }
      const grid = parseCsv(readFileSync(file, 'utf8'));
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type !== ExcelJS.ValueType.String && cell.type !== ExcelJS.ValueType.RichText) return;
          const expected = cell.text;
          const got = grid[r - 1]?.[c - 1] ?? '(nothing)';
          compared++;
          if (got !== expected) problems.push(`${ws.name}!${cell.address}: exceljs "${expected}", LibreOffice "${got}"`);
        }),
      );
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(10);
  });
});

describe('the package parts Excel reads are sound', () => {
  it.each([...SAMPLE_NAMES, 'awkward'])('%s: well-formed XML, relationships that resolve, content types for every part', async (name) => {
    const zip = await JSZip.loadAsync(readFileSync(tmp.path(`${name}.checked.xlsx`)));
    const parts = Object.keys(zip.files).filter((file) => !zip.files[file]!.dir);
    const problems: string[] = [];
    for (const part of parts.filter((file) => /\.(xml|rels)$/.test(file))) {
      const valid = XMLValidator.validate(await zip.file(part)!.async('string'));
      if (valid !== true) problems.push(`${part}: ${valid.err.msg} (line ${valid.err.line})`);
    }
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const defaults = new Set([...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
    const overrides = new Set([...types.matchAll(/<Override [^>]*PartName="([^"]+)"/g)].map((m) => m[1]!));
    for (const part of parts) {
      if (part === '[Content_Types].xml') continue;
      const extension = part.split('.').pop()!.toLowerCase();
      if (!overrides.has(`/${part}`) && !defaults.has(extension)) problems.push(`${part} has no content type`);
    }
    for (const override of overrides)
      if (!parts.includes(override.slice(1))) problems.push(`[Content_Types].xml names ${override}, which is missing`);
    for (const rels of parts.filter((file) => file.endsWith('.rels'))) {
      const xml = await zip.file(rels)!.async('string');
      const base = posix.dirname(dirname(rels).replace(/\\/g, '/'));
      for (const match of xml.matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(match[0])) continue;
        const target = /Target="([^"]+)"/.exec(match[0])![1]!;
        const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base === '.' ? '' : base, target));
        if (!parts.includes(resolved)) problems.push(`${rels}: ${target} → ${resolved} is missing`);
      }
    }
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const sheetNames = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
    if (new Set(sheetNames.map((n) => n.toLowerCase())).size !== sheetNames.length)
      problems.push(`duplicate sheet names: ${sheetNames.join(', ')}`);
    for (const sheetName of sheetNames) if (sheetName.length > 31) problems.push(`sheet name longer than 31 characters: ${sheetName}`);
    expect(problems).toEqual([]);
  });
});
