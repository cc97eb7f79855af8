/**
 * What the corpus tests share: running the command line on a corpus file and checking what the
 * user gets (verdicts, a refusal, a written copy compared cell by cell with the input), and running
 * the in-memory host and the Excel host (the fake Excel) on the same workbook.
 */
import type ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Status } from '../../src/core/engine/target-types';
import type { Workbook } from '../../src/core/model/workbook';
import type { Plan } from '../../src/core/plan/plan-types';
import type { CheckJson } from '../../src/cli/output/check-json';
import { recalculate, runKpiTracker, type RunOptions, type RunResult } from '../../src/core/run/run-kpi-tracker';
import { SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import { runInExcel, type ExcelRun } from '../../src/hosts/excel/excel-run';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { expectPlainMessage, runCliCapture, type CliRun } from '../support/cli';
import { snapshot } from '../support/excel-fixtures';
import { FakeExcel, installFakeExcel } from '../support/fake-excel';
import { forbiddenModelDifferences, forbiddenXlsxDifferences, readXlsxSnapshot, type XlsxSheetSnap } from '../support/workbook-snapshot';

export const TODAY = '2025-01-15';
export const TODAY_DATE = { year: 2025, month: 1, day: 15 } as const;
export const NOW = '2025-01-15T09:30:00.000Z';

/** Layout A's reference verdicts (seed 003, brief): Q1 and Q2 2024/25 for each indicator. */
export const REFERENCE: Readonly<Record<string, readonly [Status, Status]>> = {
  '01': ['missed', 'near'],
  '02': ['met', 'met'],
  '03': ['met', 'near'],
  '04': ['missed', 'missed'],
  '05': ['missed', 'no-data'],
  '06': ['met', 'met'],
  '07': ['met', 'met'],
  '08': ['met', 'met'],
  '09': ['met', 'met'],
  '10': ['met', 'no-data'],
  '11': ['met', 'no-data'],
  '12': ['met', 'no-data'],
  '13': ['met', 'no-data'],
  '14': ['met', 'no-data'],
};

/**
 * The label a status cell gets by default: the run's one period, Q2 2024/25, the latest with
 * figures; No data where Q2 is TBC, as on the committee sheet.
 */
export const LATEST_LABEL: Readonly<Record<string, string>> = {
  '01': 'Near miss',
  '02': 'Met',
  '03': 'Near miss',
  '04': 'Not met',
  '05': 'No data',
  '06': 'Met',
  '07': 'Met',
  '08': 'Met',
  '09': 'Met',
  '10': 'No data',
  '11': 'No data',
  '12': 'No data',
  '13': 'No data',
  '14': 'No data',
};

/** No stack trace, no JavaScript error name, no source path, in anything the command line prints. */
export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at\s/m);
  expect(text).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|RangeError|Error):/);
  expect(text).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
}

/** The command line, in-process; whatever it prints carries no stack trace. */
export async function cli(argv: readonly string[]): Promise<CliRun> {
  const run = await runCliCapture(argv);
  expectNoStackTrace(run.out);
  expectNoStackTrace(run.err);
  return run;
}

/** `kpi-tracker check --json`, which must succeed. */
export async function checkJsonOf(path: string, extra: readonly string[] = [], expectedErr = ''): Promise<CheckJson[]> {
  const run = await cli(['check', path, '--json', '--today', TODAY, ...extra]);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: expectedErr });
  return JSON.parse(run.out) as CheckJson[];
}

/** The one verdict for an indicator and period (on a sheet, or at a row where refs repeat). */
export function verdictOf(
  verdicts: readonly CheckJson[],
  ref: string,
  period: string,
  where: { sheet?: string; row?: number } = {},
): CheckJson {
  const found = verdicts.filter(
    (v) =>
      v.ref === ref &&
      v.period === period &&
      (where.sheet === undefined || v.sheet === where.sheet) &&
      (where.row === undefined || v.row === where.row),
  );
  if (found.length !== 1)
    throw new Error(
      `expected one verdict for ${ref} ${period} ${JSON.stringify(where)}, found ${found.length}: ${verdicts.map((v) => `${v.ref} ${v.period} row ${v.row}`).join(', ')}`,
    );
  return found[0]!;
}

/** `{ ref: [Q1 status, Q2 status] }` for the given indicators. */
export function quarterStatuses(
  verdicts: readonly CheckJson[],
  refs: readonly string[],
  where: { sheet?: string } = {},
): Record<string, [Status, Status]> {
  return Object.fromEntries(
    refs.map((ref) => [ref, [verdictOf(verdicts, ref, 'Q1 2024/25', where).status, verdictOf(verdicts, ref, 'Q2 2024/25', where).status]]),
  );
}

export function referenceFor(refs: readonly string[]): Record<string, readonly [Status, Status]> {
  return Object.fromEntries(refs.map((ref) => [ref, REFERENCE[ref]!]));
}

/** The files in a folder. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** A folder of its own for one corpus file, holding a copy of it. */
export function isolatedCopy(dir: string, source: string, label: string): { dir: string; input: string } {
  const folder = join(dir, label);
  mkdirSync(folder, { recursive: true });
  const input = join(folder, basename(source));
  copyFileSync(source, input);
  return { dir: folder, input };
}

/**
 * A write command that must refuse: exit 1, a plain sentence naming the file (or sheet) that
 * matches `reason`, no output file (neither -o nor <name>.checked.xlsx), the input unchanged byte
 * for byte and nothing else in its folder.
 */
export async function expectRefusal(
  dir: string,
  source: string,
  label: string,
  command: 'recalc' | 'plan' | 'committee' | 'pack',
  reason: RegExp,
): Promise<CliRun> {
  const { dir: folder, input } = isolatedCopy(dir, source, `${label}-${command}`);
  const before = readFileSync(input);
  const listing = filesIn(folder);
  const output = join(folder, 'out.xlsx');
  const run = await cli([command, input, '-o', output, '--today', TODAY]);
  expect({ code: run.code, out: run.out }).toEqual({ code: 1, out: '' });
  expect(run.err).toMatch(reason);
  expectPlainMessage(run.err);
  expect(existsSync(output)).toBe(false);
  // Nor with the default output name.
  const again = await cli([command, input, '--today', TODAY]);
  expect(again.code).toBe(1);
  expect(filesIn(folder)).toEqual(listing);
  expect(readFileSync(input).equals(before)).toBe(true);
  return run;
}

/** `check` that finds nothing to judge: exit 1 and a plain sentence. */
export async function expectCheckRefusal(path: string, reason: RegExp): Promise<CliRun> {
  const run = await cli(['check', path, '--today', TODAY]);
  expect({ code: run.code, out: run.out }).toEqual({ code: 1, out: '' });
  expect(run.err).toMatch(reason);
  expectPlainMessage(run.err);
  return run;
}

export interface Guarded {
  readonly plan: Plan;
  readonly before: { excel: ExcelJS.Workbook; snap: Map<string, XlsxSheetSnap> };
  readonly after: { excel: ExcelJS.Workbook; snap: Map<string, XlsxSheetSnap> };
  readonly out: string;
  readonly output: string;
}

/**
 * `kpi-tracker <command> copy.xlsx -o out.xlsx` on a corpus file, then the guard: every cell of
 * every officer's sheet compared before and after (tests/support/workbook-snapshot.ts), only the
 * planned status and commentary cells and KPI Tracker's own sheets may differ; the input is not
 * touched; and a second run on the output changes nothing.
 */
export async function writeGuarded(
  dir: string,
  source: string,
  label: string,
  command: WriteCommand = 'recalc',
  extra: readonly string[] = [],
  options: { twice?: boolean } = {},
): Promise<Guarded> {
  const { dir: folder, input } = isolatedCopy(dir, source, `${label}-${command}`);
  const bytes = readFileSync(input);
  const before = await readXlsxSnapshot(input);
  const { workbook } = await readXlsxFile(input);
  const expected = plannedRun(workbook, command);
  expect(expected.plan.refusals).toEqual([]);

  const output = join(folder, 'out.xlsx');
  const run = await cli([command, input, '-o', output, '--today', TODAY, ...extra]);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
  expect(readFileSync(input).equals(bytes)).toBe(true);
  const after = await readXlsxSnapshot(output);
  expect(forbiddenDifferences(before.snap, after.snap, expected.plan)).toEqual([]);

  if (options.twice !== false) await expectSecondRunChangesNothing(output, command, extra);
  return { plan: expected.plan, before, after, out: run.out, output };
}

/** Running twice changes nothing the second time: no edit planned, none written, no sheet rebuilt. */
export async function expectSecondRunChangesNothing(
  output: string,
  command: WriteCommand = 'recalc',
  extra: readonly string[] = [],
): Promise<void> {
  const folder = dirname(output);
  const after = await readXlsxSnapshot(output);
  const { workbook: written } = await readXlsxFile(output);
  expect(plannedRun(written, command).plan.edits).toEqual([]);
  const second = await cli([command, output, '-o', join(folder, `again-${basename(output)}`), '--today', TODAY, ...extra]);
  expect({ code: second.code, err: second.err }).toEqual({ code: 0, err: '' });
  expect(second.out).toMatch(/Changed 0 status cells and 0 commentary cells\./);
  const twice = await readXlsxSnapshot(join(folder, `again-${basename(output)}`));
  expect(forbiddenXlsxDifferences(after.snap, twice.snap, { edits: [], sheets: [], notices: [], refusals: [] })).toEqual([]);
}

/**
 * exceljs's own reading of a status or commentary cell that did not exist before (no style at
 * all) and now has the fill KPI Tracker gave it: the workbook's default font (font 0 of
 * styles.xml, Calibri 11 in files written by exceljs) spelled out, and an empty border. Neither
 * changes how the cell looks.
 */
const DEFAULT_STYLE_OF_A_NEW_CELL = [
  / \((status|commentary)\): font undefined → \{"color":\{"theme":1\},"family":2,"scheme":"minor","size":11,"name":"Calibri"\}$/,
  / \((status|commentary)\): border undefined → \{\}$/,
];

/**
 * The guard's differences (tests/support/workbook-snapshot.ts), less the sheets the plan builds
 * (action plan, committee sheet), which may appear, and the default style of a cell that is new.
 */
export function forbiddenDifferences(before: Map<string, XlsxSheetSnap>, after: Map<string, XlsxSheetSnap>, plan: Plan): string[] {
  const built = new Set(plan.sheets.map((sheet) => `a sheet "${sheet.name}" appeared that KPI Tracker does not own`));
  return forbiddenXlsxDifferences(before, after, plan).filter(
    (problem) => !built.has(problem) && !DEFAULT_STYLE_OF_A_NEW_CELL.some((pattern) => pattern.test(problem)),
  );
}

export type WriteCommand = 'recalc' | 'plan' | 'committee' | 'pack';

/** What each command does, as the command line runs it (src/cli/main.ts). */
const STEPS: Record<WriteCommand, RunOptions['steps']> = {
  recalc: { statuses: true, actionPlan: false, committee: false },
  plan: { statuses: false, actionPlan: true, committee: false },
  committee: { statuses: false, actionPlan: false, committee: true },
  pack: { statuses: true, actionPlan: true, committee: true },
};

export function runOptions(command: WriteCommand = 'recalc', extra: Partial<RunOptions> = {}): RunOptions {
  return { today: TODAY_DATE, now: NOW, command, steps: STEPS[command], ...extra };
}

export function plannedRun(workbook: Workbook, command: WriteCommand = 'recalc', extra: Partial<RunOptions> = {}): RunResult {
  return command === 'recalc' && Object.keys(extra).length === 0
    ? recalculate(workbook, { today: TODAY_DATE, now: NOW, command })
    : runKpiTracker(workbook, runOptions(command, extra));
}

/** The in-memory host: plan, apply, the guard on the model, and a second run that plans no edits. */
export function memoryGuarded(workbook: Workbook, command: WriteCommand = 'recalc'): { result: RunResult; after: Workbook } {
  const result = plannedRun(workbook, command);
  const after = applyPlanInMemory(workbook, result.plan);
  expect(forbiddenModelDifferences(workbook, after, result.plan)).toEqual([]);
  if (result.plan.refusals.length === 0) expect(plannedRun(after, command).plan.edits).toEqual([]);
  return { result, after };
}

/**
 * The Excel host on the fake Excel. The settings sheet, where there is one, is made Hidden rather
 * than VeryHidden: Excel refuses to delete a very hidden sheet and the host deletes the settings
 * sheet to rewrite it (BUG 1 of tests/excel/excel-host.test.ts), which is not what these tests
 * are about.
 */
export async function inFakeExcel(workbook: Workbook, options: RunOptions): Promise<{ fake: FakeExcel; run: ExcelRun }> {
  const fake = FakeExcel.fromWorkbook(workbook);
  const settings = fake.sheet(SETTINGS_SHEET);
  if (settings) settings.visibility = 'Hidden';
  const uninstall = installFakeExcel(fake);
  try {
    const run = await runInExcel(options, false);
    return { fake, run };
  } finally {
    uninstall();
  }
}

/** The fake's document as snapshot lines (tests/support/excel-fixtures), the settings sheet's visibility aside. */
export function excelLines(workbook: Workbook): string[] {
  return snapshot(workbook).map((line) =>
    line.startsWith(`sheet ${SETTINGS_SHEET} `) ? line.replace(/ (veryHidden|hidden)\b/, ' (hidden)') : line,
  );
}

/** Text cells of a UTF-16 string that are half an emoji (a lone surrogate). */
export function loneSurrogates(text: string): string[] {
  const found: string[] = [];
  const re = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  for (const match of text.matchAll(re)) found.push(JSON.stringify(text.slice(Math.max(0, match.index! - 30), match.index! + 2)));
  return found;
}
