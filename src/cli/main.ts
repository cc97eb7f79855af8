import { detectWorkbook } from '../core/detect/detect-workbook';
import { dateFromIso, type CalendarDate } from '../core/model/serial-dates';
import { parsePeriodLabel } from '../core/periods/parse-period-label';
import { checkJson, checkText } from './output/check-json';
import { scanJson } from './output/scan-json';
import { scanText } from './output/scan-text';
import { runKpiTracker } from '../core/run/run-kpi-tracker';
import { judgeWorkbook } from '../core/run/judge-workbook';
import { planSettingsSave } from '../core/run/settings-plan';
import { mappingMisfits, mappingOf, readMappingJson, withMapping } from '../core/settings/mapping-json';
import { readSettings } from '../core/settings/settings-store';
import { readFile } from 'node:fs/promises';
import { planText } from './output/plan-text';
import { summaryText } from './output/summary-text';
import { committeeSheetName } from '../core/sheets/committee-sheet';
import { HOW_TO_GET_PDF, writeSheetPdf } from './committee-pdf';
import { applyPlanToXlsx } from '../hosts/xlsx/apply-plan';
import { readXlsxFile, WorkbookFileError } from '../hosts/xlsx/read-xlsx';
import { writeXlsxFile } from '../hosts/xlsx/write-xlsx';
import { outputPathFor } from './output-path';
import { parseArgs, UsageError } from './args';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const USAGE = `Usage: kpi-tracker <command> <book.xlsx> [options]

Commands:
  scan <book.xlsx> [--json]   list every KPI table found, its columns and indicators
  check <book.xlsx> [--period <label>] [--today <yyyy-mm-dd>] [--json]
                              judge every indicator and say why
  recalc <book.xlsx> [-o out.xlsx] [--dry-run] [--in-place] [--period <label>] [--today <yyyy-mm-dd>]
                              write statuses, commentary and the change log into a copy
                              (<name>.checked.xlsx unless -o or --in-place is given)
  plan <book.xlsx> [--near-misses] [options as recalc]
                              build or update the action plan for indicators that missed
  committee <book.xlsx> [--committee <name>] [--meeting <date>] [--pdf] [options as recalc]
                              generate the committee sheet for a period (default: the latest with figures)
  pack <book.xlsx> [--pdf] [options of all the above]
                              statuses, commentary, action plan and committee sheet in one go
  map <book.xlsx> [--set <mapping.json> [-o out.xlsx] [--in-place]]
                              print, as JSON, which columns of which tables every command uses;
                              with --set, save a corrected mapping into a copy of the workbook

Options:
  --json      print JSON (the format is described in the README)
  --period    the period the run is about, e.g. "Q2 2024/25", "Apr-24", "2014/15"
              (default: the latest period with figures, said at the start)
  --today     judge deadlines as at this date (default: today)
  -o          where to write the result (never the input, unless --in-place)
  --dry-run   show what would change and write nothing
  --in-place  write the result over the input workbook
  --committee the committee's name, e.g. "Regulatory and Support Services Committee"
  --meeting   the meeting date, e.g. "15 January 2025"
  --near-misses  give near misses an action-plan block too
  --pdf       also print the committee sheet to a PDF beside the workbook (needs LibreOffice)
  --help      show this help`;

const VALUED = new Set<string>(['--period', '--today', '-o', '--output', '--committee', '--meeting', '--set']);

const ALLOWED_FLAGS: Record<string, ReadonlySet<string>> = {
  scan: new Set(['--json', '--help']),
  map: new Set(['--set', '-o', '--output', '--in-place', '--help']),
  check: new Set(['--json', '--period', '--today', '--help']),
  recalc: new Set(['-o', '--output', '--dry-run', '--period', '--today', '--in-place', '--help']),
  plan: new Set(['-o', '--output', '--dry-run', '--period', '--today', '--in-place', '--near-misses', '--help']),
  committee: new Set(['-o', '--output', '--dry-run', '--period', '--today', '--in-place', '--committee', '--meeting', '--pdf', '--help']),
  pack: new Set([
    '-o',
    '--output',
    '--dry-run',
    '--period',
    '--today',
    '--in-place',
    '--committee',
    '--meeting',
    '--near-misses',
    '--pdf',
    '--help',
  ]),
};

/** Runs the command line and returns the exit status: 0 done, 1 the user's input can't be used, 2 usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, VALUED);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.flags.has('--help') || args.command === 'help' || args.command === undefined) {
    (args.command === undefined && !args.flags.has('--help') ? io.err : io.out)(USAGE);
    return args.command === undefined && !args.flags.has('--help') ? 2 : 0;
  }
  const allowed = ALLOWED_FLAGS[args.command];
  if (allowed) {
    const unknown = [...args.flags.keys()].filter((flag) => !allowed.has(flag));
    if (unknown.length > 0) {
      io.err(`kpi-tracker ${args.command} does not know ${unknown.map((flag) => `"${flag}"`).join(', ')}.\n\n${USAGE}`);
      return 2;
    }
  }
  try {
    switch (args.command) {
      case 'scan':
        return await scan(args.positional, args.flags.has('--json'), io);
      case 'map':
        return await map(args.positional, args.flags, io);
      case 'check':
        return await check(args.positional, args.flags, io);
      case 'recalc':
      case 'plan':
      case 'committee':
      case 'pack':
        return await write(args.command, args.positional, args.flags, io);
      default:
        io.err(`"${args.command}" is not a kpi-tracker command.\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof UsageError) {
      io.err(error.message);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
}

function onePath(positional: readonly string[], command: string): string {
  if (positional.length === 0) throw new UsageError(`kpi-tracker ${command} needs a workbook: kpi-tracker ${command} <book.xlsx>`);
  if (positional.length > 1) throw new UsageError(`kpi-tracker ${command} takes one workbook at a time; got ${positional.length}.`);
  return positional[0]!;
}

async function scan(positional: readonly string[], asJson: boolean, io: CliIo): Promise<number> {
  const path = onePath(positional, 'scan');
  const { workbook } = await readXlsxFile(path);
  if (workbook.sheets.every((sheet) => sheet.rows.length === 0)) {
    io.err(`${path} has no cells with anything in them, so there is no KPI table to find.`);
    return 1;
  }
  const detection = detectWorkbook(workbook);
  const result = scanJson(path, detection);
  if (asJson) io.out(JSON.stringify(result, null, 2));
  else io.out(scanText(result));
  if (result.tables.length === 0) {
    const names = workbook.sheets.map((sheet) => `"${sheet.name}"`).join(', ');
    io.err(
      `No KPI table was found in ${path} (sheets ${names}). KPI Tracker looks for a header row with an indicator or measure column and a target, actual or status column.`,
    );
    return 1;
  }
  return 0;
}

/**
 * The mapping every command uses, as JSON; with --set, a corrected mapping (the same JSON, edited)
 * saved into a copy of the workbook, where the pane saves it too, so that every later command and
 * the pane use it.
 */
async function map(positional: readonly string[], flags: ReadonlyMap<string, string | true>, io: CliIo): Promise<number> {
  const path = onePath(positional, 'map');
  const given = flags.get('--set');
  if (given === undefined) {
    if (flags.has('-o') || flags.has('--output') || flags.has('--in-place'))
      throw new UsageError('kpi-tracker map writes only with --set <mapping.json>; without it, it prints the mapping.');
    const { workbook } = await readXlsxFile(path);
    const reading = readSettings(workbook);
    const detection = detectWorkbook(workbook, reading.settings);
    io.out(JSON.stringify(mappingOf(detection), null, 2));
    for (const doubt of [...(reading.ok ? [] : [reading.problem]), ...detection.doubts]) io.err(doubt.message);
    return 0;
  }
  if (given === true) throw new UsageError('--set needs the mapping file: kpi-tracker map <book.xlsx> --set mapping.json');
  const output = outputPathFor(path, flags);
  let text: string;
  try {
    text = await readFile(given, 'utf8');
  } catch {
    io.err(`The mapping file ${given} can't be read. Nothing was written.`);
    return 1;
  }
  const parsed = readMappingJson(text);
  if (!parsed.ok) {
    io.err(`${parsed.problem.message} (in ${given}). Nothing was written.`);
    return 1;
  }
  const { workbook, source, structureProtected } = await readXlsxFile(path);
  const misfits = mappingMisfits(workbook, parsed.mapping);
  if (misfits.length > 0) {
    io.err([...misfits.map((misfit) => misfit.message), 'Nothing was written.'].join('\n'));
    return 1;
  }
  if (structureProtected) {
    io.err(
      `The structure of ${path} is protected (Review → Protect Workbook), so KPI Tracker can't keep its settings sheet in it. Unprotect it and run again. Nothing was written.`,
    );
    return 1;
  }
  const settings = withMapping(readSettings(workbook).settings, parsed.mapping);
  const { bytes, notes } = await applyPlanToXlsx(source, planSettingsSave(workbook, settings));
  for (const note of notes) io.out(note);
  await writeXlsxFile(bytes, output);
  const count = parsed.mapping.tables.length;
  io.out(
    count === 0
      ? `The saved mapping was cleared: KPI Tracker finds the tables itself again. Written to ${output}.`
      : `Saved the mapping of ${count} table${count === 1 ? '' : 's'}; every command and the task pane now use it. Written to ${output}.`,
  );
  return 0;
}

function todayFrom(flags: ReadonlyMap<string, string | true>): CalendarDate {
  const given = flags.get('--today');
  if (typeof given === 'string') {
    const date = dateFromIso(given);
    if (!date) throw new UsageError(`--today needs a date written yyyy-mm-dd, such as 2025-03-31; "${given}" is not one.`);
    return date;
  }
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function periodFrom(flags: ReadonlyMap<string, string | true>): string | undefined {
  const given = flags.get('--period');
  if (typeof given !== 'string') return undefined;
  if (!parsePeriodLabel(given))
    throw new UsageError(`--period "${given}" is not a period KPI Tracker knows; try "Q2 2024/25", "Apr-24", "M1", "YTD" or "2014/15".`);
  return given;
}

async function check(positional: readonly string[], flags: ReadonlyMap<string, string | true>, io: CliIo): Promise<number> {
  const path = onePath(positional, 'check');
  const today = todayFrom(flags);
  const period = periodFrom(flags);
  const { workbook } = await readXlsxFile(path);
  const { detection, verdicts } = judgeWorkbook(workbook, { today, ...(period ? { period } : {}) });
  if (detection.tables.length === 0) {
    io.err(
      [
        `No KPI table was found in ${path}, so there is nothing to check. Run "kpi-tracker scan ${path}" to see what KPI Tracker looks for.`,
        ...detection.doubts.map((doubt) => doubt.message),
      ].join('\n'),
    );
    return 1;
  }
  if (flags.has('--json')) {
    io.out(JSON.stringify(checkJson(verdicts), null, 2));
    // The JSON is the contract; what could not be read is said beside it, never left out.
    for (const doubt of detection.doubts) io.err(doubt.message);
  } else io.out(checkText(path, verdicts, detection.doubts));
  if (period && verdicts.length === 0) io.err(`No indicator in ${path} has figures for ${period}.`);
  return 0;
}

type Step = 'recalc' | 'plan' | 'committee' | 'pack';

const STEPS: Record<Step, { statuses: boolean; actionPlan: boolean; committee: boolean }> = {
  recalc: { statuses: true, actionPlan: false, committee: false },
  plan: { statuses: false, actionPlan: true, committee: false },
  committee: { statuses: false, actionPlan: false, committee: true },
  pack: { statuses: true, actionPlan: true, committee: true },
};

/** recalc, plan, committee and pack: one run of the engine, written to a copy of the workbook. */
async function write(step: Step, positional: readonly string[], flags: ReadonlyMap<string, string | true>, io: CliIo): Promise<number> {
  const path = onePath(positional, step);
  const today = todayFrom(flags);
  const period = periodFrom(flags);
  const dryRun = flags.has('--dry-run');
  const output = dryRun ? undefined : outputPathFor(path, flags);
  const committeeName = flags.get('--committee');
  const meeting = flags.get('--meeting');
  const { workbook, source, structureProtected } = await readXlsxFile(path);
  if (!dryRun && structureProtected) {
    io.err(
      `The structure of ${path} is protected (Review → Protect Workbook), so KPI Tracker can't add its sheets. Unprotect it and run again. Nothing was written.`,
    );
    return 1;
  }
  const run = runKpiTracker(workbook, {
    today,
    now: new Date().toISOString(),
    command: step,
    steps: STEPS[step],
    includeNearMisses: flags.has('--near-misses'),
    ...(period ? { period } : {}),
    committee: {
      ...(typeof committeeName === 'string' ? { name: committeeName } : {}),
      ...(typeof meeting === 'string' ? { meetingDate: meeting } : {}),
    },
  });
  if (run.detection.tables.length === 0) {
    io.err(
      `No KPI table was found in ${path}, so there is nothing to ${step === 'recalc' ? 'recalculate' : 'report'}. Run "kpi-tracker scan ${path}" to see what KPI Tracker looks for.`,
    );
    return 1;
  }
  if (run.plan.refusals.length > 0) {
    io.err(planText(run.plan, dryRun));
    return 1;
  }
  if ((step === 'committee' || step === 'plan') && run.reportPeriod === null) {
    io.err(`No indicator in ${path} has figures yet, so there is no period to report on. Give one with --period.`);
    return 1;
  }
  // One period for the whole run, said first: every status, word and sheet written is about it.
  if (run.reportPeriod) io.out(`Reporting period: ${run.reportPeriod}${period ? '' : ' (the latest with figures)'}.`);
  io.out(planText(run.plan, dryRun));
  if (run.reportPeriod && (step === 'committee' || step === 'pack'))
    io.out(
      summaryText(
        run.reportPeriod,
        run.chosen.map((choice) => choice.verdict),
      ),
    );
  if (dryRun) return 0;
  const { bytes, notes } = await applyPlanToXlsx(source, run.plan);
  for (const note of notes) io.out(note);
  await writeXlsxFile(bytes, output!);
  io.out(`Written to ${output}.`);
  if (flags.has('--pdf') && run.reportPeriod) {
    const pdf = await writeSheetPdf(output!, committeeSheetName(run.reportPeriod));
    io.out(pdf.kind === 'written' ? `The committee sheet is printed to ${pdf.path}.` : HOW_TO_GET_PDF);
  }
  return 0;
}
