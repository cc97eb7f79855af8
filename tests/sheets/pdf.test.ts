/**
 * Issues 5 and 16: the demo's committee sheet, printed. `npm run demo` packs the layout A sample
 * with --pdf; this does the same into a temporary folder and reads the PDF the command line wrote
 * through LibreOffice: A4 landscape, one page wide, the key at the top, the action beside each red,
 * the chart of statuses drawn, the table's header repeated and "Page x of y" on every page. The
 * layout A seed names no owners: its owner column says "Not named" beside its red, and the key says
 * why. Owners the workbook does name are checked on the layout E sample's PDF, whose table has a
 * Responsible column. PNGs of the pages are made with pdftoppm for a person to look at;
 * set REPORTS_PDF_DIR=/some/folder to keep the PDFs and the PNGs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HOW_TO_GET_PDF } from '../../src/cli/pdf/libreoffice-pdf';
import { runCliCapture, type CliRun } from '../support/cli';
import { packSample, SAMPLE_RUNS, type SampleRun } from '../support/report-sheets';
import { samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

jest.setTimeout(120_000);

const DEMO = SAMPLE_RUNS.find((run) => run.sample === 'service-plan-quarterly')!;
const WITH_OWNERS = SAMPLE_RUNS.find((run) => run.sample === 'inspection-action-plan')!;
const folder = tempFolder('reports-pdf');

function run(command: string, args: readonly string[], timeout = 45_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

interface Printed {
  readonly cli: CliRun;
  readonly pdf: string;
  readonly info: string;
  readonly pages: string[];
}

/** `pack --pdf` on a sample, the PDF's text page by page, and PNGs of its pages. */
async function packToPdf(sample: SampleRun): Promise<Printed> {
  const out = folder.path(`${sample.sample}.pack.xlsx`);
  const cli = await packSample(sample, out, ['--pdf']);
  if (cli.code !== 0) throw new Error(cli.err);
  const pdf = out.replace(/\.xlsx$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`no PDF beside ${out}: ${cli.out}`);
  const info = run('/usr/bin/pdfinfo', [pdf]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const pages: string[] = [];
  for (let p = 1; p <= count; p++) pages.push(run('/usr/bin/pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']));
  const pngs = folder.path(`${sample.sample}-png`);
  mkdirSync(pngs);
  run('/usr/bin/pdftoppm', ['-png', '-r', '70', pdf, join(pngs, 'page')]);
  const keep = process.env.REPORTS_PDF_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(pdf, join(keep, basename(pdf)));
    for (const file of readdirSync(pngs)) copyFileSync(join(pngs, file), join(keep, `${sample.sample}-${file}`));
  }
  return { cli, pdf, info, pages };
}

let demo: Printed;
let owners: Printed;

beforeAll(async () => {
  for (const tool of ['/usr/bin/soffice', '/usr/bin/pdfinfo', '/usr/bin/pdftotext', '/usr/bin/pdftoppm']) {
    if (!existsSync(tool))
      throw new Error(
        `${tool} is missing: the PDF test needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext, pdftoppm) installed.`,
      );
  }
  // One at a time: each starts a LibreOffice of its own.
  demo = await packToPdf(DEMO);
  owners = await packToPdf(WITH_OWNERS);
});

afterAll(() => folder.cleanup());

const TABLE_HEADER = /^\s*Ref\s+Indicator\s+Owner\s+Target\s+Actual\s+Previous\s+Status\s+Direction\s+Commentary\s*$/m;

describe('pack --pdf on the demo workbook (layout A, Q2 2024/25)', () => {
  it('says where the PDF is, and it is the committee sheet for Q2 2024/25 alone', () => {
    expect(demo.cli.out).toContain(`The committee sheet is printed to ${demo.pdf}.`);
    expect(demo.pages[0]).toMatch(/^\s*Performance report: Q2 2024\/25\s*$/m);
    expect(demo.pages[0]).toContain('Committee: Regulatory and Support Services Committee');
    expect(demo.pages[0]).toContain('Meeting: 15 January 2025');
    // Nothing of the KPI sheet, the action plan or the change log.
    const all = demo.pages.join('\n');
    expect(all).not.toContain('KPI Description');
    expect(all).not.toContain('KPI Tracker change log');
  });

  it('prints landscape on A4', () => {
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(demo.info)!;
    expect(Number(width)).toBeGreaterThan(Number(height));
    expect(demo.info).toMatch(/\(A4\)/);
  });

  it('puts the key at the top: each status in words, the tolerance in words, the arrows', () => {
    const first = demo.pages[0]!;
    const at = (text: string): number => first.indexOf(text);
    expect(at('Key')).toBeGreaterThan(at('Performance report: Q2 2024/25'));
    expect(at('Key')).toBeLessThan(at('Summary'));
    expect(at('Summary')).toBeLessThan(at('Exceptions: indicators not meeting target'));
    expect(first).toMatch(/Near miss\s+Just short of the target, but within the tolerance: within 5% of the target/);
    expect(first).toMatch(/Not met\s+Missed the target by more than the tolerance/);
    expect(first).toMatch(/No data\s+No figure for Q2 2024\/25 yet\. Not counted in the shares\./);
    expect(first).toMatch(/▲ better, ▼ worse, ► the same/);
  });

  it('counts the shares of those judged, No data apart', () => {
    const first = demo.pages[0]!;
    expect(first).toMatch(/^\s*Met\s+5\s+63%/m);
    expect(first).toMatch(/^\s*No data\s+6\s+not judged/m);
    expect(first).toMatch(/^\s*Judged against a target\s+8\s+100%/m);
  });

  it('draws the chart of statuses (LibreOffice renders the chart part)', () => {
    expect(demo.pages[0]).toContain('Indicators by status, Q2 2024/25');
  });

  it('prints beside the one red (04) what is being done about it', () => {
    expect(demo.pages[0]).toMatch(
      /^\s*Ref\s+Indicator\s+Owner\s+Target\s+Actual\s+Previous\s+Status\s+Action being taken\s+Commentary\s*$/m,
    );
    expect(demo.pages[0]).toMatch(
      /^\s*04\s+Current tenants arrears.*\sNot named\s+4%\s+5\.5%\s+5%\s+Not met\s+No action recorded yet —\s+Although/m,
    );
    expect(demo.pages[0]).toMatch(/^\s+.*owner to add/m);
  });

  it('keeps the owner column, saying "Not named" beside the red the workbook names no one for, and why', () => {
    const all = demo.pages.join('\n');
    expect(all).toMatch(/^\s*04\s+Current tenants arrears.*\sNot named\s+4%\s+5\.5%\s+5%\s+Not met\s+▼ worse/m);
    // Only the miss: an indicator that met its target has a blank owner cell, not a reproach.
    expect(all).not.toMatch(/^\s*0[1-3]\s+.*Not named/m);
    expect(demo.pages[0]).toMatch(/Owner\s+Who answers for the indicator, from the workbook’s own owner or lead officer column/);
  });

  it('prints one page wide, repeating the table header on every page the table runs onto', () => {
    const from = demo.pages.findIndex((text) => /^\s*All indicators\s*$/m.test(text));
    expect(from).toBeGreaterThanOrEqual(0);
    demo.pages.slice(from).forEach((text, i) => {
      expect({ page: from + i + 1, header: TABLE_HEADER.test(text) }).toEqual({ page: from + i + 1, header: true });
    });
  });

  it('prints "Page x of y" on every page, with the report and the committee', () => {
    demo.pages.forEach((text, i) => {
      expect({
        page: i + 1,
        footer: new RegExp(
          String.raw`^\s*Performance report: Q2 2024/25 · Regulatory and Support Services Committee\s+Page ${i + 1} of ${demo.pages.length}\s*$`,
          'm',
        ).test(text),
      }).toEqual({ page: i + 1, footer: true });
    });
  });

  it('keeps each indicator row whole: ref, target, actual, status and direction on one line', () => {
    const all = demo.pages.join('\n');
    const rows: ReadonlyArray<readonly [string, string]> = [
      ['01', String.raw`92%\s+90\.2%\s+83%\s+Near miss\s+▲ better\s+This indicator`],
      ['02', String.raw`3\.5%\s+3\.27%\s+3\.2%\s+Met\s+▼ worse\s+Q2 2024/25`],
      ['03', String.raw`2%\s+2\.1%\s+2%\s+Near miss\s+▼ worse`],
      ['04', String.raw`4%\s+5\.5%\s+5%\s+Not met\s+▼ worse\s+Although`],
      ['06', String.raw`75%\s+79%\s+84%\s+Met\s+▼ worse`],
      ['08', String.raw`100%\s+100%\s+100%\s+Met\s+► same`],
      ['13', String.raw`90%\s+Not available\s+100%\s+No data`],
      ['14', String.raw`95%\s+TBC\s+98\.58%\s+No data`],
    ];
    for (const [ref, rest] of rows) expect(all).toMatch(new RegExp(String.raw`^\s*${ref}\s+\S.*\s${rest}`, 'm'));
  });

  it('leaves PNGs of its pages for a person to look at', () => {
    const pngs = readdirSync(folder.path(`${DEMO.sample}-png`)).filter((file) => file.endsWith('.png'));
    expect(pngs).toHaveLength(demo.pages.length);
  });
});

describe('pack --pdf on a workbook that names owners (layout E, Jul 2010)', () => {
  it('prints the owner column beside each indicator', () => {
    const all = owners.pages.join('\n');
    expect(all).toMatch(/^\s*Ref\s+Indicator\s+Owner\s+Target\s+Actual\s+Status\s+Direction\s+Commentary\s*$/m);
    expect(all).toMatch(/^\s*GS1\s+% of properties with a gas.*Jim Preston –/m);
  });
});

describe('pack --pdf where LibreOffice is not installed', () => {
  it('writes the workbook and says in one sentence how to get the PDF', async () => {
    const emptyPath = folder.path('no-programs');
    mkdirSync(emptyPath);
    const saved = process.env.PATH;
    process.env.PATH = emptyPath;
    let cli: CliRun;
    try {
      cli = await runCliCapture(['committee', samplePath(DEMO.sample), '-o', folder.path('no-lo.xlsx'), '--today', DEMO.today, '--pdf']);
    } finally {
      process.env.PATH = saved;
    }
    expect(cli.code).toBe(0);
    expect(existsSync(folder.path('no-lo.xlsx'))).toBe(true);
    expect(existsSync(folder.path('no-lo.pdf'))).toBe(false);
    expect(cli.out).toContain(HOW_TO_GET_PDF);
  });
});
