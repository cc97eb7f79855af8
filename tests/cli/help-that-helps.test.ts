/**
 * The command line as a new officer meets it (issue 17): each command's own help, "did you
 * mean …?" for a slip of the keyboard, dates written the UK way, a workbook open in Excel never
 * written over, the destination checked before any work, and a sentence of its own for an old
 * .xls workbook and for a password-protected one.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_NAMES, commandHelp, flagsOf } from '../../src/cli/help';
import { CORPUS } from '../corpus/make-corpus';
import { expectPlainMessage, runCliCapture } from '../support/cli';
import { ROOT, samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

const temp = tempFolder('help-that-helps');
afterAll(() => temp.cleanup());

const QUARTERLY = samplePath('service-plan-quarterly');
const ANNUAL = samplePath('service-delivery-plan-annual');
/** The layout A sample saved by LibreOffice as an Excel 97–2003 workbook (soffice --convert-to xls). */
const OLD_XLS = join(ROOT, 'tests', 'fixtures', 'xls', 'service-plan-quarterly.xls');

/** A copy of the layout A sample in a folder of its own, to write beside. */
function copyOfQuarterly(folder: string): string {
  const dir = temp.path(folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'kpis.xlsx');
  copyFileSync(QUARTERLY, path);
  return path;
}

describe('kpi-tracker <command> --help prints that command’s own help', () => {
  test.each(COMMAND_NAMES)('%s --help: its usage, what it does and only its own options, on stdout, exit 0', async (command) => {
    const run = await runCliCapture([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out.split('\n')[0]).toBe(
      `Usage: kpi-tracker ${command} ${command === 'rollup' ? '<files or folders…> -o corporate.xlsx' : '<book.xlsx>'} [options]`,
    );
    expect(run.out).toContain(commandHelp(command).about);
    const own = flagsOf(command);
    for (const flag of own) expect(run.out).toMatch(new RegExp(`^  ${flag}\\b`, 'm'));
    const others = new Set(COMMAND_NAMES.flatMap((name) => flagsOf(name)).filter((flag) => !own.includes(flag)));
    for (const flag of others) expect(run.out).not.toMatch(new RegExp(`^  ${flag}\\b`, 'm'));
  });

  test('check --help does not offer writing options; pack --help offers the committee’s', async () => {
    const check = await runCliCapture(['check', '--help']);
    expect(check.out).not.toContain('--in-place');
    expect(check.out).not.toContain('--dry-run');
    const pack = await runCliCapture(['pack', '--help']);
    expect(pack.out).toContain('--committee <name>');
    expect(pack.out).toContain('--meeting <date>');
  });

  test('"help recalc" is the same as "recalc --help"', async () => {
    expect((await runCliCapture(['help', 'recalc'])).out).toBe((await runCliCapture(['recalc', '--help'])).out);
  });

  test('--help after a workbook still prints the help and reads nothing', async () => {
    const run = await runCliCapture(['scan', temp.path('no-such-book.xlsx'), '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: kpi-tracker scan/);
  });

  test('kpi-tracker --help lists every command and says how to get one command’s help', async () => {
    const run = await runCliCapture(['--help']);
    for (const command of COMMAND_NAMES) expect(run.out).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    expect(run.out).toContain('kpi-tracker <command> --help');
  });
});

describe('a mistyped command or option gets "did you mean …?"', () => {
  test.each<[string[], string]>([
    [['chek', QUARTERLY], 'Did you mean "check"?'],
    [['scna', QUARTERLY], 'Did you mean "scan"?'],
    [['reclac', QUARTERLY], 'Did you mean "recalc"?'],
    [['help', 'comittee'], 'Did you mean "committee"?'],
    [['check', QUARTERLY, '--todya', '2025-01-15'], 'Did you mean "--today"?'],
    [['scan', QUARTERLY, '--jsno'], 'Did you mean "--json"?'],
    [['pack', QUARTERLY, '--near-miss'], 'Did you mean "--near-misses"?'],
    [['recalc', QUARTERLY, '--inplace'], 'Did you mean "--in-place"?'],
    [['recalc', QUARTERLY, '--dryrun'], 'Did you mean "--dry-run"?'],
  ])('%j', async (argv, suggestion) => {
    const run = await runCliCapture(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expectPlainMessage(run.err);
    expect(run.err.split('\n')[0]).toContain(suggestion);
  });

  test('an option another command takes says which commands take it', async () => {
    const run = await runCliCapture(['check', QUARTERLY, '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe('kpi-tracker check does not take --dry-run: it is for recalc, plan, committee and pack.');
    expect(run.err).toContain('kpi-tracker check --help');
  });

  test('nothing is suggested when nothing is close', async () => {
    const command = await runCliCapture(['frobnicate', QUARTERLY]);
    expect(command.err.split('\n')[0]).toBe('"frobnicate" is not a kpi-tracker command.');
    const option = await runCliCapture(['check', QUARTERLY, '--colour']);
    expect(option.err.split('\n')[0]).toBe('kpi-tracker check does not know "--colour".');
  });
});

describe('--today accepts dates written the UK way as well as ISO', () => {
  const milestone = async (today: string) => {
    const run = await runCliCapture(['check', ANNUAL, '--json', '--today', today]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const items = JSON.parse(run.out) as Array<Record<string, unknown>>;
    return items.find((item) => item.actual === 'On going' && item.target === 'April 2015');
  };

  test.each(['01/05/2015', '1/5/2015', '01/05/15', '01.05.2015', '01-05-2015'])(
    '%s is 1 May 2015: the April 2015 milestone still "On going" is overdue',
    async (today) => {
      const item = await milestone(today);
      expect(item).toMatchObject({ status: 'overdue' });
      expect(item!.reason).toMatch(/01\/05\/2015/);
    },
  );

  test('day first, as in the UK: 01/03/2015 is 1 March, before the milestone is due', async () => {
    expect(await milestone('01/03/2015')).toMatchObject({ status: 'not-due' });
  });

  test('UK and ISO give the same verdicts', async () => {
    const uk = await runCliCapture(['check', QUARTERLY, '--json', '--today', '15/10/2025']);
    const iso = await runCliCapture(['check', QUARTERLY, '--json', '--today', '2025-10-15']);
    expect(uk.out).toBe(iso.out);
  });

  test.each(['31/02/2015', '13/13/2015', '2015/05/01', 'May 2015'])('%s is refused with the forms it accepts', async (today) => {
    const run = await runCliCapture(['check', ANNUAL, '--today', today]);
    expect(run.code).toBe(2);
    expectPlainMessage(run.err);
    expect(run.err).toContain(`"${today}"`);
    expect(run.err).toMatch(/dd\/mm\/yyyy or yyyy-mm-dd/);
  });
});

describe('a workbook open in Excel is never written over', () => {
  test('recalc --in-place beside ~$kpis.xlsx: refused in plain words, the workbook byte for byte as it was', async () => {
    const book = copyOfQuarterly('open-in-excel');
    writeFileSync(join(temp.path('open-in-excel'), '~$kpis.xlsx'), 'Jane Smith');
    const before = readFileSync(book);
    const run = await runCliCapture(['recalc', book, '--in-place', '--today', '2024-11-20']);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expectPlainMessage(run.err);
    expect(run.err).toContain(`${book} is open in Excel (~$kpis.xlsx is beside it), so KPI Tracker won't write over it.`);
    expect(run.err).toContain('leave out --in-place to write a copy');
    expect(run.err).toContain('Nothing was written.');
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(readdirSync(temp.path('open-in-excel')).sort()).toEqual(['kpis.xlsx', '~$kpis.xlsx']);
  });

  test('the same workbook without --in-place is read, and its copy written', async () => {
    const book = copyOfQuarterly('open-in-excel-copy');
    writeFileSync(join(temp.path('open-in-excel-copy'), '~$kpis.xlsx'), 'Jane Smith');
    const run = await runCliCapture(['recalc', book, '--today', '2024-11-20']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(book.replace(/\.xlsx$/, '.checked.xlsx'))).toBe(true);
  });

  test('-o onto a workbook open in Excel is refused too', async () => {
    const book = copyOfQuarterly('output-open');
    const output = join(temp.path('output-open'), 'report.xlsx');
    copyFileSync(QUARTERLY, output);
    writeFileSync(join(temp.path('output-open'), '~$report.xlsx'), 'Jane Smith');
    const run = await runCliCapture(['pack', book, '-o', output, '--today', '2024-11-20']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${output} is open in Excel`);
    expect(run.err).toContain('choose another file with -o');
    expect(readFileSync(output).equals(readFileSync(QUARTERLY))).toBe(true);
  });

  test('a workbook open in LibreOffice (.~lock.kpis.xlsx#) is refused as well', async () => {
    const book = copyOfQuarterly('open-in-libreoffice');
    writeFileSync(join(temp.path('open-in-libreoffice'), '.~lock.kpis.xlsx#'), 'Jane Smith,host,01.01.2025 10:00,');
    const run = await runCliCapture(['recalc', book, '--in-place']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('is open in LibreOffice');
  });
});

describe('the destination is checked before any work is done', () => {
  // The workbook here is not a workbook at all: were it read first, that would be the complaint.
  const notAWorkbook = () => {
    const path = temp.path('not-a-workbook.xlsx');
    writeFileSync(path, 'Ref\tIndicator\tTarget\n');
    return path;
  };

  test('a folder that is a file: refused before the workbook is read', async () => {
    const blocker = temp.path('reports');
    writeFileSync(blocker, 'a file where a folder should be');
    const run = await runCliCapture(['recalc', notAWorkbook(), '-o', join(blocker, 'out.xlsx')]);
    expect(run.code).toBe(1);
    expectPlainMessage(run.err);
    expect(run.err).toBe(`${join(blocker, 'out.xlsx')} can't be written: ${blocker} is a file, not a folder. Nothing was written.`);
  });

  test('-o naming a folder: refused (exit 2, the command was written wrongly), with a file name to use instead', async () => {
    const folder = temp.path('a-folder');
    mkdirSync(folder, { recursive: true });
    const run = await runCliCapture(['pack', notAWorkbook(), '-o', folder]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`-o ${folder} is a folder; give a file name, such as ${join(folder, 'not-a-workbook.checked.xlsx')}.`);
    expect(run.err).not.toMatch(/not an Excel workbook/);
  });

  test('-o naming the workbook itself by another path (a link to it): refused without --in-place', async () => {
    const book = copyOfQuarterly('linked');
    const link = join(temp.path('linked'), 'same-book.xlsx');
    symlinkSync(book, link);
    const before = readFileSync(book);
    const run = await runCliCapture(['recalc', book, '-o', link]);
    expect(run.code).toBe(1);
    expect(run.err).toContain("is the workbook being read; KPI Tracker won't write over it unless you add --in-place");
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('a folder that does not exist yet is fine: it is made', async () => {
    const book = copyOfQuarterly('new-folder');
    const output = join(temp.path('new-folder'), 'reports', '2025', 'kpis.xlsx');
    const run = await runCliCapture(['recalc', book, '-o', output, '--today', '2024-11-20']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(output)).toBe(true);
  });

  test('--dry-run writes nothing, so a bad destination does not matter', async () => {
    const blocker = temp.path('dry-run-blocker');
    writeFileSync(blocker, '');
    const run = await runCliCapture(['recalc', QUARTERLY, '--dry-run', '-o', join(blocker, 'out.xlsx'), '--today', '2024-11-20']);
    expect(run.code).toBe(0);
  });
});

describe('an old .xls workbook and a password-protected one each get their own sentence', () => {
  test.each(['scan', 'check', 'recalc', 'pack'])('%s on an Excel 97–2003 .xls: "save it as .xlsx", exit 1', async (command) => {
    const writes = command === 'recalc' || command === 'pack' ? ['-o', temp.path(`${command}-from-xls.xlsx`)] : [];
    const run = await runCliCapture([command, OLD_XLS, ...writes]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expectPlainMessage(run.err);
    expect(run.err).toBe(
      "service-plan-quarterly.xls is an Excel 97–2003 workbook (.xls), which KPI Tracker can't read. Open it in Excel and save it as .xlsx (File → Save As → Excel Workbook), then run KPI Tracker on the .xlsx file.",
    );
  });

  test('the same .xls renamed .xlsx is still told to be saved as .xlsx', async () => {
    const renamed = temp.path('renamed.xlsx');
    copyFileSync(OLD_XLS, renamed);
    const run = await runCliCapture(['check', renamed]);
    expect(run.err).toMatch(/^renamed\.xlsx is an Excel 97–2003 workbook \(\.xls\)/);
  });

  test('a password-protected workbook: it says so, and how to remove the password', async () => {
    const path = temp.path('protected.xlsx');
    writeFileSync(path, await CORPUS.encrypted.bytes());
    const run = await runCliCapture(['check', path]);
    expect(run.code).toBe(1);
    expectPlainMessage(run.err);
    expect(run.err).toBe(
      "protected.xlsx is password-protected (encrypted), so KPI Tracker can't read it. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, then clear the password), save it, and try again.",
    );
    expect(run.err).not.toMatch(/\.xls\b|97–2003/);
  });
});
