/**
 * Issue 5, "Done when" 2: the demo's committee sheet, printed. `npm run demo` packs the layout A
 * sample; this does the same into a temporary folder, keeps only the committee sheet, converts it to
 * PDF with LibreOffice headless and checks it prints landscape and one page wide: every page holds
 * every column (the repeated header carries "Ref" and "Commentary" on one line) and every indicator's
 * row is whole on its line. PNGs of the pages are made with pdftoppm for a person to look at; set
 * REPORTS_PDF_DIR=/some/folder to keep the PDF and the PNGs.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { committeeSheets, packSample, readExcel, SAMPLE_RUNS } from '../support/report-sheets';
import { tempFolder } from '../support/xlsx-writer';

jest.setTimeout(60_000);

const SOFFICE = '/usr/bin/soffice';
const DEMO = SAMPLE_RUNS.find((run) => run.sample === 'service-plan-quarterly')!;
const folder = tempFolder('reports-pdf');

function run(command: string, args: readonly string[], timeout = 45_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

let pdf: string;
let pages: string[];
let info: string;
let sheetName: string;

beforeAll(async () => {
  for (const tool of [SOFFICE, '/usr/bin/pdfinfo', '/usr/bin/pdftotext', '/usr/bin/pdftoppm']) {
    if (!existsSync(tool))
      throw new Error(
        `${tool} is missing: the PDF test needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext, pdftoppm) installed.`,
      );
  }
  // As `npm run demo` does, but into a temporary folder.
  const packed = folder.path('service-plan-quarterly.pack.xlsx');
  const cli = await packSample(DEMO, packed);
  if (cli.code !== 0) throw new Error(cli.err);

  // A copy holding only the committee sheet, so the PDF is that sheet and nothing else.
  const excel = await readExcel(packed);
  const [committee] = committeeSheets(excel);
  sheetName = committee!.name;
  for (const ws of [...excel.worksheets]) if (ws.name !== sheetName) excel.removeWorksheet(ws.id);
  const only = folder.path('committee.xlsx');
  await excel.xlsx.writeFile(only);
  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(only);
  expect(check.worksheets.map((ws) => ws.name)).toEqual([sheetName]);

  const outDir = folder.path('pdf');
  mkdirSync(outDir);
  run(SOFFICE, [
    '--headless',
    `-env:UserInstallation=file://${folder.path('lo-profile')}`,
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    only,
  ]);
  pdf = join(outDir, 'committee.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF into ${outDir}`);
  info = run('/usr/bin/pdfinfo', [pdf]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  pages = [];
  for (let p = 1; p <= count; p++) pages.push(run('/usr/bin/pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']));

  run('/usr/bin/pdftoppm', ['-png', '-r', '70', pdf, join(outDir, 'page')]);
  const keep = process.env.REPORTS_PDF_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    for (const file of readdirSync(outDir)) copyFileSync(join(outDir, file), join(keep, file));
  }
});

afterAll(() => folder.cleanup());

const HEADER = /^\s*Ref\s+Indicator\s+Target\s+Actual\s+Previous\s+Status\s+Direction\s+Commentary\s*$/m;

describe('the demo committee sheet, printed by LibreOffice', () => {
  it('is the committee sheet for Q2 2024/25', () => {
    expect(sheetName).toBe('Committee Q2 2024-25');
    expect(pages[0]).toMatch(/^\s*Performance report: Q2 2024\/25\s*$/m);
    expect(pages[0]).toContain('Committee: Regulatory and Support Services Committee');
    expect(pages[0]).toContain('Meeting: 15 January 2025');
  });

  it('prints landscape on A4', () => {
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Number(width)).toBeGreaterThan(Number(height));
    expect(info).toMatch(/\(A4\)/);
  });

  it('prints one page wide: every page carries every column, from Ref to Commentary', () => {
    // A sheet too wide for the page would print its right-hand columns on pages of their own,
    // whose text would have no "Ref" column at all.
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    pages.forEach((text, i) => {
      expect({ page: i + 1, header: HEADER.test(text) }).toEqual({ page: i + 1, header: true });
    });
    // The exceptions table too has all its columns on one line (the action-plan column where Direction is).
    expect(pages[0]).toMatch(/^\s*Ref\s+Indicator\s+Target\s+Actual\s+Previous\s+Status\s+Action plan\s+Commentary\s*$/m);
  });

  it('prints a footer on every page: the report and the page number', () => {
    pages.forEach((text, i) => {
      expect({
        page: i + 1,
        footer: new RegExp(String.raw`^\s*Performance report: Q2 2024/25\s+Page ${i + 1} of ${pages.length}\s*$`, 'm').test(text),
      }).toEqual({ page: i + 1, footer: true });
    });
  });

  it('keeps each indicator row whole: ref, target, actual, status and direction on one line', () => {
    const all = pages.join('\n');
    const rows: ReadonlyArray<readonly [string, string]> = [
      ['01', String.raw`92%\s+90\.2%\s+83%\s+Near miss\s+↑ better\s+This indicator`],
      ['02', String.raw`3\.5%\s+3\.27%\s+3\.2%\s+Met\s+↓ worse\s+Q2 2024/25`],
      ['03', String.raw`2%\s+2\.1%\s+2%\s+Near miss\s+↓ worse`],
      ['04', String.raw`4%\s+5\.5%\s+5%\s+Not met\s+↓ worse\s+Although`],
      // The previous figure keeps its unit, "20 working days", and wraps after "working".
      ['05', String.raw`14 working days\s+TBC\s+20 working\s+No data`],
      ['06', String.raw`75%\s+79%\s+84%\s+Met\s+↓ worse`],
      ['08', String.raw`100%\s+100%\s+100%\s+Met\s+→ same`],
      ['13', String.raw`90%\s+Not available\s+100%\s+No data`],
      ['14', String.raw`95%\s+TBC\s+98\.58%\s+No data`],
    ];
    for (const [ref, rest] of rows) expect(all).toMatch(new RegExp(String.raw`^\s*${ref}\s+\S.*\s${rest}`, 'm'));
  });

  it('prints the summary, the overdue actions and the footnotes', () => {
    const all = pages.join('\n');
    expect(all).toMatch(/^\s*Met\s+5\s+36%\s*$/m);
    expect(all).toMatch(/^\s*Total\s+14\s+100%\s*$/m);
    expect(all).toMatch(/^\s*Overdue actions\s*$/m);
    expect(all).toContain('Tolerance: Near miss: within 5% of the target (the edge counts as a near miss).');
    expect(pages[pages.length - 1]).toMatch(/Direction of travel compares with the previous period/);
  });

  it('leaves PNGs of its pages for a person to look at', () => {
    const pngs = readdirSync(folder.path('pdf')).filter((file) => file.endsWith('.png'));
    expect(pngs).toHaveLength(pages.length);
  });
});
