/**
 * Issue 15: the real-workbook corpus (67 files from six open-source projects' test suites, see
 * SOURCES.md), each given a KPI table by minimal surgery (kpi-surgery.ts), through scan, check,
 * recalc and pack as the command line runs them.
 *
 *  - Every command finishes within a time limit with exit 0 or a plain refusal (exit 1): never a
 *    crash, never exit 3, never a hang. The damaged, encrypted, Strict and not-a-workbook files
 *    get the refusal that fits them; every other file works.
 *  - What recalc and pack write: each part the run did not mean to change keeps its bytes; each
 *    part it wrote reads as sound XML with a real parser; every cell its change log says it
 *    wrote holds that text when read back with a real parser, and the seed table's statuses are
 *    right.
 *  - LibreOffice opens every pack output and reads the KPI table's statuses from it.
 *
 * LibreOffice is required (CI installs Debian's libreoffice-calc): without it this test FAILS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { expectPlainMessage } from '../support/cli';
import { tempFolder } from '../support/xlsx-writer';
import { cellTextsByParser, relationshipsByParser, sharedStringsByParser, workbookByParser, xmlError } from '../hosts/xlsx/real-xml';
import { openSandbox, type Sandbox, type SandboxReply } from '../hosts/xlsx/sandbox';
import { rowOf, SEED_INDICATORS, SEED_STATUSES } from '../hosts/xlsx/seed-kpi-rows';
import { KPI_SHEET_NAME, withKpiTable, type Surgery } from './kpi-surgery';

jest.setTimeout(240_000);

const TODAY = '2025-01-15';
const COMMANDS = ['scan', 'check', 'recalc', 'pack'] as const;
type Command = (typeof COMMANDS)[number];
const WRITERS = ['recalc', 'pack'] as const;
/** Seconds any one command may take on these small files before it counts as hung. */
const TIME_LIMIT = 60;
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

const DAMAGED = /^The workbook .+ looks damaged: open it in Excel and save it again, then run KPI Tracker on the saved workbook\./;
const ENCRYPTED = /is password-protected \(encrypted\)/;
const STRICT = /saved as "Strict Open XML Spreadsheet", which KPI Tracker reads but does not write[\s\S]*Nothing was written/;

/** The files KPI Tracker must refuse, by what is wrong with them (SOURCES.md), and the commands that refuse. */
const REFUSED: Readonly<Record<string, { readonly commands: readonly Command[]; readonly message: RegExp }>> = {
  'calamine/issue_530.xlsx': { commands: COMMANDS, message: DAMAGED }, // part names written with backslashes
  'exceljs/invalid-xml.xlsx': { commands: COMMANDS, message: DAMAGED }, // text before the root element of a sheet
  'exceljs/missing-bits.xlsx': { commands: COMMANDS, message: DAMAGED }, // no [Content_Types].xml, no workbook part
  'excelize/encryptAES.xlsx': { commands: COMMANDS, message: ENCRYPTED },
  'xlsx-populate/encrypted_input.xlsx': { commands: COMMANDS, message: ENCRYPTED },
  'closedxml/~$LoadPivotTables.xlsx': { commands: COMMANDS, message: /is not an Excel workbook \(\.xlsx\)/ }, // an Excel lock file
  'calamine/strict_iso_paths.xlsx': { commands: WRITERS, message: STRICT },
  'closedxml/universal-content-strict.xlsx': { commands: WRITERS, message: STRICT },
};

const FILES = readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join(__dirname, folder.name))
      .filter((name) => /\.xls[xm]$/i.test(name))
      .map((name) => `${folder.name}/${name}`),
  )
  .sort();

const tmp = tempFolder('corpus-workbooks');
let sandbox: Sandbox;

interface FileRun {
  readonly input: string;
  readonly surgery: Surgery;
  readonly replies: Record<Command, SandboxReply>;
  /** Where recalc and pack were told to write. */
  readonly outputs: Record<(typeof WRITERS)[number], string>;
}
const runs = new Map<string, FileRun>();
let libreOffice: { status: number | null; log: string; csvFolder: string } | undefined;

async function surgeryOn(file: string): Promise<Surgery> {
  const bytes = readFileSync(join(__dirname, file));
  // A file that is not a zip at all (encrypted, a lock file) goes in as it is.
  return withKpiTable(bytes).catch(() => ({ bytes, changed: [] }));
}

beforeAll(async () => {
  sandbox = openSandbox();
  for (const file of FILES) {
    const surgery = await surgeryOn(file);
    const input = tmp.path(file.replace('/', '--'));
    writeFileSync(input, surgery.bytes);
    const outputs = {
      recalc: input.replace(/(\.xls[xm])$/i, '.recalc$1'),
      pack: input.replace(/(\.xls[xm])$/i, '.pack$1'),
    };
    const replies = {} as Record<Command, SandboxReply>;
    for (const command of COMMANDS) {
      const argv =
        command === 'scan' ? [command, input] : command === 'check' ? [command, input, '--today', TODAY] : [command, input, '-o', outputs[command], '--today', TODAY];
      replies[command] = await sandbox.run({ kind: 'cli', argv }, TIME_LIMIT);
    }
    runs.set(file, { input, surgery, replies, outputs });
  }
  await sandbox.close();
  libreOffice = await convertWithLibreOffice([...runs.values()].map((run) => run.outputs.pack).filter((path) => existsSync(path)));
});

afterAll(() => tmp.cleanup());

/** All the parts of a zip file, by name. */
async function partsOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) parts.set(name, await zip.file(name)!.async('nodebuffer'));
  return parts;
}

/**
 * Each pack output's KPI sheet exported to CSV by LibreOffice. The sheet is named by its position,
 * so the outputs go in one conversion per position (all sheets at once would also export the
 * empty million rows some of these files declare, 17 GB of commas for one of them).
 */
async function convertWithLibreOffice(outputs: readonly string[]): Promise<{ status: number | null; log: string; csvFolder: string }> {
  const csvFolder = tmp.path('csv');
  if (!existsSync(SOFFICE)) return { status: null, log: `no LibreOffice at ${SOFFICE}`, csvFolder };
  const byPosition = new Map<number, string[]>();
  for (const output of outputs) {
    const position = workbookByParser(await partsOf(readFileSync(output))).sheets.findIndex((sheet) => sheet.name === KPI_SHEET_NAME) + 1;
    byPosition.set(position, [...(byPosition.get(position) ?? []), output]);
  }
  const profile = `file://${tmp.path(`lo-profile-${process.pid}`)}`;
  let status: number | null = 0;
  let log = '';
  for (const [position, files] of byPosition) {
    const result = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${position}`,
        '--outdir',
        csvFolder,
        ...files,
      ],
      { encoding: 'utf8', timeout: 150_000 },
    );
    if (result.status !== 0) status = result.status;
    log += `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  }
  return { status, log, csvFolder };
}

/** The fields of one CSV line (the KPI rows hold no line breaks): quoted fields may hold commas and doubled quotes. */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replaceAll('""', '"'));
}

/** The sheets a run changed cells of, by its change log (read with a real parser), as [sheet, cell, text written]. */
function changeLogOf(parts: ReadonlyMap<string, Buffer>): Array<[string, string, string]> {
  const { sheets } = workbookByParser(parts);
  const log = sheets.find((sheet) => sheet.name === 'KPI Tracker change log');
  if (!log?.part) return [];
  const cells = cellTextsByParser(parts.get(log.part)!.toString('utf8'), sharedStringsOf(parts));
  const rows: Array<[string, string, string]> = [];
  for (let row = 2; cells.has(`A${row}`); row++) {
    // A sheet the run rebuilt whole is logged without a cell.
    if (!cells.has(`D${row}`)) continue;
    // The new value notes a change of fill after the text, in words: "Met (fill none → light green)".
    const written = (cells.get(`G${row}`) ?? '').replace(/ \((fill|colour):? [^)]* → [^)]*\)$/, '');
    rows.push([cells.get(`C${row}`) ?? '', cells.get(`D${row}`)!, written]);
  }
  return rows;
}

function sharedStringsOf(parts: ReadonlyMap<string, Buffer>): string[] {
  const { part } = workbookByParser(parts);
  const shared = [...relationshipsByParser(parts, part).values()].find((rel) => rel.type.endsWith('/sharedStrings'));
  const xml = shared && parts.get(shared.target);
  return xml ? sharedStringsByParser(xml.toString('utf8')) : [];
}

it('the corpus holds the 67 workbooks SOURCES.md lists, and each listed refusal is one of them', () => {
  expect(FILES).toHaveLength(67);
  for (const file of FILES) expect(readFileSync(join(__dirname, 'SOURCES.md'), 'utf8')).toContain(`\`${file}\``);
  for (const file of Object.keys(REFUSED)) expect(FILES).toContain(file);
});

describe.each(FILES)('%s', (file) => {
  const refusal = REFUSED[file];

  it('every command ends in good time with exit 0 or a plain refusal that fits the file', () => {
    const run = runs.get(file)!;
    for (const command of COMMANDS) {
      const reply = run.replies[command];
      const refuses = refusal?.commands.includes(command) ?? false;
      expect({ command, outcome: reply.outcome }).toEqual({ command, outcome: 'exited' });
      if (reply.outcome !== 'exited') continue;
      expect({ command, code: reply.code }).toEqual({ command, code: refuses ? 1 : 0 });
      if (refuses) {
        expect(reply.err).toMatch(refusal!.message);
        expectPlainMessage(reply.err);
      }
    }
    if (!refusal) expect(run.surgery.kpiPart).toBeDefined();
  });

  it.each(WRITERS)('%s: parts it did not mean to change keep their bytes; parts it wrote are sound XML and hold what it says', async (command) => {
    const run = runs.get(file)!;
    if (refusal?.commands.includes(command)) {
      expect(existsSync(run.outputs[command])).toBe(false);
      return;
    }
    const before = await partsOf(run.surgery.bytes);
    const after = await partsOf(readFileSync(run.outputs[command]));
    const log = changeLogOf(after);
    expect(log.length).toBeGreaterThan(0);

    // Allowed to change: the workbook, its relationships, the content types, the styles, the
    // calculation chain (dropped, whether or not the workbook still points at it: Excel rebuilds
    // it), and the sheets the change log names.
    const { part: workbookPart, sheets } = workbookByParser(before);
    const workbookRels = [...relationshipsByParser(before, workbookPart).values()];
    const sheetParts = new Map(sheets.map((sheet) => [sheet.name, sheet.part]));
    const mayChange = new Set([
      ...run.surgery.changed,
      ...workbookRels.filter((rel) => /\/(styles|calcChain)$/.test(rel.type)).map((rel) => rel.target),
      ...log.map(([sheet]) => sheetParts.get(sheet)).filter((part): part is string => part !== undefined),
    ]);
    const problems: string[] = [];
    for (const [name, bytes] of before) {
      if (mayChange.has(name) || /^xl\/calcChain\.xml$/i.test(name)) continue;
      const written = after.get(name);
      if (!written) problems.push(`${name} is missing`);
      else if (!written.equals(bytes)) problems.push(`${name} changed`);
    }
    for (const [name, bytes] of after) {
      if (before.get(name)?.equals(bytes) || !/\.(xml|rels)$/i.test(name)) continue;
      const error = xmlError(bytes.toString('utf8'));
      if (error) problems.push(`${name} is not sound XML: ${error}`);
    }

    // Every cell the log names holds the text the log says was written, as a real parser reads it.
    const shared = sharedStringsOf(after);
    const { sheets: written } = workbookByParser(after);
    const cellsBySheet = new Map<string, Map<string, string>>();
    for (const [sheet, cell, text] of log) {
      const part = written.find((entry) => entry.name === sheet)?.part;
      if (!part) {
        problems.push(`the log names a sheet "${sheet}" the workbook does not have`);
        continue;
      }
      if (!cellsBySheet.has(sheet)) cellsBySheet.set(sheet, cellTextsByParser(after.get(part)!.toString('utf8'), shared));
      const found = cellsBySheet.get(sheet)!.get(cell) ?? '';
      if (found !== text) problems.push(`${sheet}!${cell}: the log says "${text}", the cell holds "${found}"`);
    }
    const kpi = cellsBySheet.get(KPI_SHEET_NAME) ?? new Map<string, string>();
    const statuses = Object.fromEntries(SEED_INDICATORS.map((indicator) => [indicator.ref, kpi.get(`H${rowOf(indicator.ref)}`)]));
    expect(problems).toEqual([]);
    expect(statuses).toEqual(SEED_STATUSES);
  });

  it('LibreOffice opens the pack output and reads the statuses written', () => {
    const run = runs.get(file)!;
    if (refusal?.commands.includes('pack')) return;
    expect(libreOffice?.status).toBe(0);
    expect(libreOffice?.log).not.toMatch(/Error:|could not be loaded|General Error|I\/O error/i);
    const csv = join(libreOffice!.csvFolder, `${basename(run.outputs.pack).replace(/\.xls[xm]$/i, '')}-${KPI_SHEET_NAME}.csv`);
    expect(existsSync(csv)).toBe(true);
    const lines = readFileSync(csv, 'utf8').split(/\r?\n/);
    const statuses = Object.fromEntries(SEED_INDICATORS.map((indicator) => [indicator.ref, csvFields(lines[rowOf(indicator.ref) - 1] ?? '')[7]]));
    expect(statuses).toEqual(SEED_STATUSES);
  });
});
