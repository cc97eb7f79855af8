import { resolve } from 'node:path';
import type { CalendarDate } from '../../core/model/serial-dates';
import { mergeEntries } from '../../core/rollup/rollup-report';
import type { RollupEntry } from '../../core/rollup/workbook-summary';
import { UsageError } from '../args';
import { rollupJson } from '../output/rollup-json';
import { rollupEntryLine, rollupTotalsText } from '../output/rollup-text';
import { HOW_TO_GET_PDF, writeWorkbookPdf } from '../pdf/libreoffice-pdf';
import { findWorkbooks } from './find-workbooks';
import type { RollupJob } from './summarise-file';
import { summariseInParallel } from './worker-pool';
import { writeCorporateWorkbook } from './write-corporate-workbook';

export interface RollupIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const ROLLUP_FLAGS: ReadonlySet<string> = new Set([
  '-o',
  '--output',
  '--period',
  '--today',
  '--json',
  '--pdf',
  '--recursive',
  '--help',
]);

/**
 * `kpi-tracker rollup <files or folders…> -o corporate.xlsx`: reads every service workbook given
 * or found (never writing one), judges each for its latest period with figures (or --period) on
 * worker threads, and writes the corporate report. Exit status 0 when at least one workbook was
 * used, 1 when none could be (the report still says why each was left out).
 */
export async function rollupCommand(
  positional: readonly string[],
  flags: ReadonlyMap<string, string | true>,
  options: { readonly today: CalendarDate; readonly period: string | undefined },
  io: RollupIo,
): Promise<number> {
  if (positional.length === 0)
    throw new UsageError(
      'kpi-tracker rollup needs the workbooks or folders to roll up: kpi-tracker rollup <files or folders…> -o corporate.xlsx',
    );
  const given = flags.get('-o') ?? flags.get('--output');
  const output = typeof given === 'string' ? given : null;
  const asJson = flags.has('--json');
  if (output === null && !asJson)
    throw new UsageError(
      'kpi-tracker rollup needs -o and where to write the corporate report, e.g. -o corporate.xlsx (or --json to print it).',
    );
  if (output !== null && !/\.xlsx$/i.test(output)) throw new UsageError(`-o ${output}: the corporate report must be an .xlsx file.`);
  if (output === null && flags.has('--pdf')) throw new UsageError('--pdf prints the corporate report workbook, so it needs -o as well.');
  if (output !== null && positional.some((input) => resolve(input) === resolve(output)))
    throw new UsageError(`-o ${output} is one of the workbooks being rolled up; KPI Tracker never writes over them. Choose another name.`);

  const found = await findWorkbooks(positional, {
    recursive: flags.has('--recursive'),
    exclude: output === null ? [] : [output, output.replace(/\.xlsx$/i, '.pdf')],
  });
  if (found.files.length === 0) {
    io.err(`No file was found to roll up in ${positional.join(', ')}: KPI Tracker rolls up .xlsx and .xlsm workbooks.`);
    return 1;
  }

  // Files found that will not be read take their place in the order; the rest are read on worker threads.
  const entries = new Array<RollupEntry>(found.files.length);
  const jobs: RollupJob[] = [];
  const jobPlaces: number[] = [];
  const now = new Date().toISOString();
  found.files.forEach((file, place) => {
    if (file.kind === 'not-included') entries[place] = { kind: 'not-included', notIncluded: file.notIncluded };
    else {
      jobs.push({ file: file.file, today: options.today, now, ...(options.period ? { period: options.period } : {}) });
      jobPlaces.push(place);
    }
  });
  // Lines go out in the order the files were named or found, each as soon as those before it are done.
  let printed = 0;
  const printReady = (): void => {
    while (printed < entries.length && entries[printed] !== undefined) {
      if (!asJson) io.out(rollupEntryLine(entries[printed]!));
      printed++;
    }
  };
  printReady();
  await summariseInParallel(jobs, (entry, index) => {
    entries[jobPlaces[index]!] = entry;
    printReady();
  });

  const report = mergeEntries(entries, { period: options.period ?? null, today: options.today });
  if (output !== null) await writeCorporateWorkbook(report, output);
  if (asJson) io.out(JSON.stringify(rollupJson(report, output), null, 2));
  // With --json, what is for a person goes to stderr, so stdout stays JSON.
  const say = asJson ? io.err : io.out;
  const totals = rollupTotalsText(report, found.skippedFolders);
  if (!asJson) say(totals);
  else if (found.skippedFolders.length > 0) say(totals.split('\n').pop()!);
  if (output !== null) say(`Written to ${output}.`);
  if (output !== null && flags.has('--pdf')) {
    const pdf = await writeWorkbookPdf(output);
    say(pdf.kind === 'written' ? `PDF written to ${pdf.path}.` : HOW_TO_GET_PDF);
  }
  return report.workbooks.length > 0 ? 0 : 1;
}
