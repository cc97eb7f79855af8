import { detectWorkbook } from '../core/detect/detect-workbook';
import { evaluateWorkbook } from '../core/engine/evaluate';
import { parsePeriodLabel } from '../core/periods/parse-period-label';
import { readSettings } from '../core/settings/settings-store';
import { writeCheckJson, writeCheckText } from './output/check-json';
import { scanJson } from './output/scan-json';
import { scanText } from './output/scan-text';
import { runKpiTracker } from '../core/run/run-kpi-tracker';
import { planText } from './output/plan-text';
import { summaryText } from './output/summary-text';
import { chooseVerdicts } from '../core/plan/recalc-plan';
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
  const detection = detectWorkbook(workbook);
  if (detection.tables.length === 0) {
    progress.clear();
    io.err(
      `No KPI table was found in ${path}, so there is nothing to check. Run "kpi-tracker scan ${path}" to see what KPI Tracker looks for.`,
    );
    return 1;
  }
  progress.stage('judging');
  const verdicts = evaluateWorkbook(workbook, detection, { today, ...(period ? { period } : {}) });
  const none = verdicts.length === 0;
  progress.clear();
  // Written a piece at a time, and the verdicts let go of as they are written (see writeCheckJson).
  if (flags.has('--json')) await writeCheckJson(verdicts, io.out, io.drained);
  else await writeCheckText(path, verdicts, io.out, io.drained);
  if (period && none) io.err(`No indicator in ${path} has figures for ${period}.`);
  return 0;
}

type Step = Exclude<CommandName, 'scan' | 'check'>;

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
  io.out(planText(run.plan, dryRun));
  if (run.reportPeriod && (step === 'committee' || step === 'pack'))
    io.out(summaryText(run.reportPeriod, chooseVerdicts(run.verdicts, run.reportPeriod)));
  if (dryRun) return 0;
  progress.stage('writing');
  const { bytes, notes } = await applyPlanToXlsx(source, run.plan);
  await writeXlsxFile(bytes, output!);
  progress.clear();
  for (const note of notes) io.out(note);
  io.out(`Written to ${output}.`);
  return 0;
}
