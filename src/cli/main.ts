import { detectWorkbook } from '../core/detect/detect-workbook';
import { parsePeriodLabel } from '../core/periods/parse-period-label';
import { readSettings } from '../core/settings/settings-store';
import { writeCheckJson, writeCheckText } from './output/check-json';
import { scanJson } from './output/scan-json';
import { scanText } from './output/scan-text';
import { runKpiTracker } from '../core/run/run-kpi-tracker';
import { planText } from './output/plan-text';
import { summaryText } from './output/summary-text';
import { judgeWorkbook } from '../core/run/judge-workbook';
import { planSettingsSave } from '../core/run/settings-plan';
import { mappingMisfits, mappingOf, readMappingJson, withMapping } from '../core/settings/mapping-json';
import { committeeSheetName } from '../core/sheets/committee-sheet';
import { readFile } from 'node:fs/promises';
import { HOW_TO_GET_PDF, writeSheetPdf } from './pdf/libreoffice-pdf';
import { rollupCommand } from './rollup/rollup-command';
import { applyPlanToXlsx } from '../hosts/xlsx/apply-plan';
import { readXlsxFile, WorkbookFileError } from '../hosts/xlsx/read-xlsx';
import { writeXlsxFile } from '../hosts/xlsx/write-xlsx';
import { outputPathFor } from './output-path';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import {
  ALL_FLAGS,
  COMMAND_NAMES,
  commandHelpText,
  commandsTaking,
  flagsOf,
  isCommandName,
  USAGE,
  usageLine,
  VALUED_FLAGS,
  type CommandName,
} from './help';
import { checkDestination, checkInput, Refusal } from './preflight';
import { progressOn, type Progress, type ProgressStream } from './progress';
import { didYouMean } from './suggest';
import { todayFrom } from './today-option';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where the progress bar is drawn (stderr); none in tests that only read what is printed. */
  readonly progress?: ProgressStream;
  /** Resolves once what `out` was given has gone out: long output waits for a slow reader rather than piling up. */
  readonly drained?: () => Promise<void>;
}

/** "and" between the last two: `recalc, plan, committee and pack`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function andSeeHelp(command: CommandName): string {
  return `${usageLine(command)}\nFor every option of ${command}: kpi-tracker ${command} --help`;
}

/** `--help` and `help <command>`: what to print, or undefined when help was not asked for. */
function helpAsked(args: ParsedArgs): { text: string; code: number } | undefined {
  const wanted = args.command === 'help' ? args.positional[0] : args.flags.has('--help') ? args.command : undefined;
  if (args.command !== 'help' && !args.flags.has('--help')) return undefined;
  if (wanted === undefined) return { text: USAGE, code: 0 };
  if (isCommandName(wanted)) return { text: commandHelpText(wanted), code: 0 };
  return { text: `"${wanted}" is not a kpi-tracker command.${didYouMean(wanted, COMMAND_NAMES)}\n\n${USAGE}`, code: 2 };
}

/** The first option the command does not take, in words, with what was probably meant. */
function unknownFlag(command: CommandName, flags: Iterable<string>): string | undefined {
  const allowed = flagsOf(command);
  const unknown = [...flags].find((flag) => !allowed.includes(flag));
  if (unknown === undefined) return undefined;
  const others = commandsTaking(unknown);
  if (others.length > 0) return `kpi-tracker ${command} does not take ${unknown}: it is for ${listed(others)}.\n\n${andSeeHelp(command)}`;
  const meant = didYouMean(unknown, allowed) || didYouMean(unknown, ALL_FLAGS);
  return `kpi-tracker ${command} does not know "${unknown}".${meant}\n\n${andSeeHelp(command)}`;
}

/** Runs the command line and returns the exit status: 0 done, 1 the user's input can't be used, 2 usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, VALUED_FLAGS);
  } catch (error) {
    if (error instanceof UsageError) {
      const command = argv.find((arg) => !arg.startsWith('-'));
      io.err(`${error.message}\n\n${command && isCommandName(command) ? andSeeHelp(command) : USAGE}`);
      return 2;
    }
    throw error;
  }
  const help = helpAsked(args);
  if (help) {
    (help.code === 0 ? io.out : io.err)(help.text);
    return help.code;
  }
  if (args.command === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (!isCommandName(args.command)) {
    io.err(`"${args.command}" is not a kpi-tracker command.${didYouMean(args.command, COMMAND_NAMES)}\n\n${USAGE}`);
    return 2;
  }
  const unknown = unknownFlag(args.command, args.flags.keys());
  if (unknown) {
    io.err(unknown);
    return 2;
  }
  const progress = progressOn(io.progress, args.flags.has('--quiet'));
  try {
    switch (args.command) {
      case 'scan':
        return await scan(args.positional, args.flags.has('--json'), io, progress);
      case 'check':
        return await check(args.positional, args.flags, io, progress);
      case 'map':
        return await map(args.positional, args.flags, io);
      case 'rollup':
        return await rollupCommand(args.positional, args.flags, { today: todayFrom(args.flags), period: periodFrom(args.flags) }, io);
      default:
        return await write(args.command, args.positional, args.flags, io, progress);
    }
  } catch (error) {
    progress.clear();
    if (error instanceof WorkbookFileError || error instanceof Refusal || error instanceof UsageError) {
      io.err(error.message);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  } finally {
    progress.clear();
  }
}

function onePath(positional: readonly string[], command: string): string {
  if (positional.length === 0) throw new UsageError(`kpi-tracker ${command} needs a workbook: kpi-tracker ${command} <book.xlsx>`);
  if (positional.length > 1) throw new UsageError(`kpi-tracker ${command} takes one workbook at a time; got ${positional.length}.`);
  return positional[0]!;
}

async function scan(positional: readonly string[], asJson: boolean, io: CliIo, progress: Progress): Promise<number> {
  const path = onePath(positional, 'scan');
  await checkInput(path);
  progress.stage('reading');
  const { workbook } = await readXlsxFile(path);
  if (workbook.sheets.every((sheet) => sheet.rows.length === 0)) {
    progress.clear();
    io.err(`${path} has no cells with anything in them, so there is no KPI table to find.`);
    return 1;
  }
  progress.stage('finding tables');
  const detection = detectWorkbook(workbook);
  const result = scanJson(path, detection);
  progress.clear();
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
    await checkInput(path);
    const { workbook } = await readXlsxFile(path);
    const reading = readSettings(workbook);
    const detection = detectWorkbook(workbook, reading.settings);
    io.out(JSON.stringify(mappingOf(detection), null, 2));
    for (const doubt of [...(reading.ok ? [] : [reading.problem]), ...detection.doubts]) io.err(doubt.message);
    return 0;
  }
  if (given === true) throw new UsageError('--set needs the mapping file: kpi-tracker map <book.xlsx> --set mapping.json');
  const output = outputPathFor(path, flags);
  await checkInput(path);
  await checkDestination(path, output, flags.has('--in-place'));
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
  const { bytes, notes } = await applyPlanToXlsx(source, planSettingsSave(workbook, settings, new Date().toISOString()));
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

function periodFrom(flags: ReadonlyMap<string, string | true>): string | undefined {
  const given = flags.get('--period');
  if (typeof given !== 'string') return undefined;
  if (!parsePeriodLabel(given))
    throw new UsageError(`--period "${given}" is not a period KPI Tracker knows; try "Q2 2024/25", "Apr-24", "M1", "YTD" or "2014/15".`);
  return given;
}

async function check(
  positional: readonly string[],
  flags: ReadonlyMap<string, string | true>,
  io: CliIo,
  progress: Progress,
): Promise<number> {
  const path = onePath(positional, 'check');
  const today = todayFrom(flags);
  const period = periodFrom(flags);
  await checkInput(path);
  progress.stage('reading');
  const { workbook } = await readXlsxFile(path);
  progress.stage('finding tables');
  const reading = readSettings(workbook);
  const found = detectWorkbook(workbook, reading.settings);
  if (found.tables.length === 0) {
    progress.clear();
    io.err(
      [
        `No KPI table was found in ${path}, so there is nothing to check. Run "kpi-tracker scan ${path}" to see what KPI Tracker looks for.`,
        ...found.doubts.map((doubt) => doubt.message),
      ].join('\n'),
    );
    return 1;
  }
  progress.stage('judging');
  // Judged with the workbook's own saved tolerance and polarities, as every run is.
  const { detection, verdicts } = judgeWorkbook(workbook, { today, detection: found, ...(period ? { period } : {}) });
  const none = verdicts.length === 0;
  progress.clear();
  // Written a piece at a time, and the verdicts let go of as they are written (see writeCheckJson).
  if (flags.has('--json')) {
    await writeCheckJson(verdicts, io.out, io.drained);
    // The JSON is the contract; what could not be read is said beside it, never left out.
    for (const doubt of detection.doubts) io.err(doubt.message);
  } else await writeCheckText(path, verdicts, io.out, io.drained, detection.doubts);
  if (period && none) io.err(`No indicator in ${path} has figures for ${period}.`);
  return 0;
}

type Step = Exclude<CommandName, 'scan' | 'check' | 'map' | 'rollup'>;

const STEPS: Record<Step, { statuses: boolean; actionPlan: boolean; committee: boolean }> = {
  recalc: { statuses: true, actionPlan: false, committee: false },
  plan: { statuses: false, actionPlan: true, committee: false },
  committee: { statuses: false, actionPlan: false, committee: true },
  pack: { statuses: true, actionPlan: true, committee: true },
};

/** recalc, plan, committee and pack: one run of the engine, written to a copy of the workbook. */
async function write(
  step: Step,
  positional: readonly string[],
  flags: ReadonlyMap<string, string | true>,
  io: CliIo,
  progress: Progress,
): Promise<number> {
  const path = onePath(positional, step);
  const today = todayFrom(flags);
  const period = periodFrom(flags);
  const dryRun = flags.has('--dry-run');
  const output = dryRun ? undefined : outputPathFor(path, flags);
  const committeeName = flags.get('--committee');
  const meeting = flags.get('--meeting');
  await checkInput(path);
  // Before any work: a result that can't be written is better known in a second than in a minute.
  if (output !== undefined) await checkDestination(path, output, flags.has('--in-place'));
  progress.stage('reading');
  const { workbook, source, structureProtected } = await readXlsxFile(path);
  if (!dryRun && structureProtected) {
    progress.clear();
    io.err(
      `The structure of ${path} is protected (Review → Protect Workbook), so KPI Tracker can't add its sheets. Unprotect it and run again. Nothing was written.`,
    );
    return 1;
  }
  progress.stage('finding tables');
  const detection = detectWorkbook(workbook, readSettings(workbook).settings);
  progress.stage('judging');
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
    detection,
  });
  progress.clear();
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
  progress.stage('writing');
  const { bytes, notes } = await applyPlanToXlsx(source, run.plan);
  await writeXlsxFile(bytes, output!);
  progress.clear();
  for (const note of notes) io.out(note);
  io.out(`Written to ${output}.`);
  if (flags.has('--pdf') && run.reportPeriod) {
    const pdf = await writeSheetPdf(output!, committeeSheetName(run.reportPeriod));
    io.out(pdf.kind === 'written' ? `The committee sheet is printed to ${pdf.path}.` : HOW_TO_GET_PDF);
  }
  return 0;
}
