/**
 * What each command is for and which options it takes: one list, read by `--help`, by the check
 * of the options given, and by "did you mean …?".
 */
export type CommandName = 'scan' | 'check' | 'recalc' | 'plan' | 'committee' | 'pack' | 'map' | 'rollup';

interface OptionHelp {
  readonly flag: string;
  /** What goes after the flag, e.g. `<label>`; absent for a flag that takes no value. */
  readonly value?: string;
  readonly text: string;
}

interface CommandHelp {
  readonly name: CommandName;
  /** What follows the command, where it is not one workbook. */
  readonly takes?: string;
  readonly summary: string;
  /** A longer word on what the command does, printed by `kpi-tracker <command> --help`. */
  readonly about: string;
  readonly options: readonly OptionHelp[];
  readonly example: string;
}

const JSON_OPTION: OptionHelp = { flag: '--json', text: 'print JSON (the format is described in the README)' };
const PERIOD: OptionHelp = {
  flag: '--period',
  value: '<label>',
  text: 'the period the run is about, e.g. "Q2 2024/25", "Apr-24", "M1", "YTD", "2014/15" (default: the latest with figures)',
};
const TODAY: OptionHelp = {
  flag: '--today',
  value: '<date>',
  text: 'judge deadlines as at this date, written 15/10/2025 or 2025-10-15 (default: today)',
};
const OUTPUT: OptionHelp = {
  flag: '-o',
  value: '<out.xlsx>',
  text: 'where to write the result (default: <name>.checked.xlsx beside the workbook); --output is the same',
};
const OUTPUT_LONG: OptionHelp = { flag: '--output', value: '<out.xlsx>', text: 'the same as -o' };
const DRY_RUN: OptionHelp = { flag: '--dry-run', text: 'show what would change and write nothing' };
const IN_PLACE: OptionHelp = { flag: '--in-place', text: 'write the result over the workbook itself (never while it is open in Excel)' };
const NEAR_MISSES: OptionHelp = { flag: '--near-misses', text: 'give near misses a place in the action plan too' };
const COMMITTEE: OptionHelp = {
  flag: '--committee',
  value: '<name>',
  text: 'the committee\'s name, e.g. "Regulatory and Support Services Committee"',
};
const MEETING: OptionHelp = { flag: '--meeting', value: '<date>', text: 'the meeting date, e.g. "15 January 2025"' };
const PDF: OptionHelp = { flag: '--pdf', text: 'also print the committee sheet to a PDF beside the workbook (needs LibreOffice)' };
const SET: OptionHelp = {
  flag: '--set',
  value: '<mapping.json>',
  text: "save this mapping (map's own JSON, corrected) into a copy of the workbook",
};
const RECURSIVE: OptionHelp = { flag: '--recursive', text: 'look in the folders inside the folders given too' };
const ROLLUP_PDF: OptionHelp = { flag: '--pdf', text: 'also print the report to a PDF beside it (needs LibreOffice)' };
const QUIET: OptionHelp = { flag: '--quiet', text: 'no progress bar while it works' };
const HELP: OptionHelp = { flag: '--help', text: 'show this help' };

const WRITING = [OUTPUT, OUTPUT_LONG, DRY_RUN, IN_PLACE, PERIOD, TODAY];

export const COMMANDS: readonly CommandHelp[] = [
  {
    name: 'scan',
    summary: 'list every KPI table found, its columns and indicators',
    about:
      'Lists every KPI table KPI Tracker finds in the workbook: its sheet and range, what each column holds, and its indicators. It only reads.',
    options: [JSON_OPTION, QUIET, HELP],
    example: 'kpi-tracker scan kpis.xlsx',
  },
  {
    name: 'check',
    summary: 'judge every indicator and say why',
    about: 'Judges every indicator against its target for every period with figures, and says why. It only reads.',
    options: [PERIOD, TODAY, JSON_OPTION, QUIET, HELP],
    example: 'kpi-tracker check kpis.xlsx --period "Q2 2024/25" --today 15/10/2025',
  },
  {
    name: 'recalc',
    summary: 'write statuses, commentary and the change log into a copy',
    about:
      'Writes each indicator\'s status (a label and a colour) and commentary into a copy of the workbook, and logs every cell it changed on the "KPI Tracker change log" sheet.',
    options: [...WRITING, QUIET, HELP],
    example: 'kpi-tracker recalc kpis.xlsx -o kpis-checked.xlsx',
  },
  {
    name: 'plan',
    summary: 'build or update the action plan for indicators that missed',
    about:
      'Builds or updates the "KPI action plan" sheet for the indicators that missed their target, keeping every word officers typed into it before.',
    options: [...WRITING, NEAR_MISSES, QUIET, HELP],
    example: 'kpi-tracker plan kpis.xlsx --near-misses',
  },
  {
    name: 'committee',
    summary: 'generate the committee sheet for a period (default: the latest with figures)',
    about: 'Generates the committee sheet for a period, ready to print: by default the latest period with figures.',
    options: [...WRITING, COMMITTEE, MEETING, PDF, QUIET, HELP],
    example: 'kpi-tracker committee kpis.xlsx --committee "Scrutiny Panel" --meeting "15 January 2025"',
  },
  {
    name: 'pack',
    summary: 'statuses, commentary, action plan and committee sheet in one go',
    about: 'Does the whole quarterly job in one go: statuses and commentary, the action plan and the committee sheet.',
    options: [...WRITING, NEAR_MISSES, COMMITTEE, MEETING, PDF, QUIET, HELP],
    example: 'kpi-tracker pack kpis.xlsx --today 15/01/2025 --pdf',
  },
  {
    name: 'map',
    summary: 'print which columns every command uses, as JSON; --set saves a corrected mapping',
    about:
      "Prints, as JSON, the mapping every command uses: each table's sheet, header rows and the role of each column. Correct it and give it back with --set: it is saved in a copy of the workbook, where the task pane saves the mapping too, and every later command and the pane use it.",
    options: [SET, OUTPUT, OUTPUT_LONG, IN_PLACE, HELP],
    example: 'kpi-tracker map kpis.xlsx > mapping.json',
  },
  {
    name: 'rollup',
    takes: '<files or folders…> -o corporate.xlsx',
    summary: 'one corporate report from many workbooks (which it only reads)',
    about:
      'Reads every workbook given or found in the folders given (never writing one), judges each for its latest period with figures or --period, and writes one corporate report: a summary by workbook, every indicator that missed with its owner and action, and every file it could not use, with the reason.',
    options: [OUTPUT, OUTPUT_LONG, PERIOD, TODAY, JSON_OPTION, ROLLUP_PDF, RECURSIVE, HELP],
    example: 'kpi-tracker rollup services/ -o corporate.xlsx --pdf',
  },
];

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((command) => command.name);

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

export function commandHelp(name: CommandName): CommandHelp {
  return COMMANDS.find((command) => command.name === name)!;
}

/** Every option any command takes. */
export const ALL_FLAGS: readonly string[] = [...new Set(COMMANDS.flatMap((command) => command.options.map((option) => option.flag)))];

/** The options that are followed by a value. */
export const VALUED_FLAGS: ReadonlySet<string> = new Set(
  COMMANDS.flatMap((command) => command.options.filter((option) => option.value).map((option) => option.flag)),
);

export function flagsOf(name: CommandName): readonly string[] {
  return commandHelp(name).options.map((option) => option.flag);
}

/** The commands that take a flag, for "--dry-run is for recalc, plan, committee and pack". */
export function commandsTaking(flag: string): CommandName[] {
  return COMMANDS.filter((command) => command.options.some((option) => option.flag === flag)).map((command) => command.name);
}

function optionLine(option: OptionHelp): string {
  const left = option.value ? `${option.flag} ${option.value}` : option.flag;
  return `  ${left.padEnd(24)}${option.text}`;
}

/** One command's usage line, e.g. `kpi-tracker check <book.xlsx> [options]`. */
export function usageLine(name: CommandName): string {
  return `Usage: kpi-tracker ${name} ${commandHelp(name).takes ?? '<book.xlsx>'} [options]`;
}

/** What `kpi-tracker <command> --help` prints. */
export function commandHelpText(name: CommandName): string {
  const command = commandHelp(name);
  return [usageLine(name), '', command.about, '', 'Options:', ...command.options.map(optionLine), '', `Example: ${command.example}`].join(
    '\n',
  );
}

/** What `kpi-tracker --help` prints. */
export const USAGE = [
  'Usage: kpi-tracker <command> <book.xlsx> [options]',
  '',
  'Commands:',
  ...COMMANDS.map((command) => `  ${command.name.padEnd(12)}${command.summary}`),
  '',
  'scan, check and map only read (map --set writes). recalc, plan, committee and pack write a copy of',
  'the workbook (<name>.checked.xlsx unless -o or --in-place is given); --dry-run shows what would',
  'change. rollup reads many workbooks and writes one report.',
  '',
  'For the options of one command: kpi-tracker <command> --help',
].join('\n');
