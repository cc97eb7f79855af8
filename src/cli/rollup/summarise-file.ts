import { basename } from 'node:path';
import type { CalendarDate } from '../../core/model/serial-dates';
import { runKpiTracker } from '../../core/run/run-kpi-tracker';
import { notIncluded, summariseRun, type RollupEntry } from '../../core/rollup/workbook-summary';
import { readXlsxFile, WorkbookFileError, type XlsxSource } from '../../hosts/xlsx/read-xlsx';
import { decodeXml } from '../../hosts/xlsx/xml-text';

/** One workbook to summarise; plain data, so it can be posted to a worker thread. */
export interface RollupJob {
  readonly file: string;
  readonly today: CalendarDate;
  readonly period?: string;
  /** ISO date-time of the roll-up. */
  readonly now: string;
}

/**
 * Reads one service workbook and summarises it for the corporate report: the same run as
 * `kpi-tracker committee` (its own saved mapping, settings and action plan), planned and never
 * written. A file that can't be used comes back as not included, with the reason; nothing here
 * throws, so one bad file never stops the rest.
 */
export async function summariseFile(job: RollupJob): Promise<RollupEntry> {
  const name = basename(job.file);
  try {
    const { workbook, source } = await readXlsxFile(job.file);
    const run = runKpiTracker(workbook, {
      today: job.today,
      now: job.now,
      command: 'rollup',
      steps: { statuses: false, actionPlan: true, committee: true },
      ...(job.period ? { period: job.period } : {}),
    });
    return summariseRun(run, { file: job.file, name, title: documentTitle(source), periodAsked: job.period !== undefined });
  } catch (error) {
    if (error instanceof WorkbookFileError) return notIncluded(job.file, 'unreadable', error.message);
    return notIncluded(
      job.file,
      'stopped',
      `KPI Tracker stopped on an unexpected problem while reading ${name} (${error instanceof Error ? error.message : String(error)}); the other workbooks were read. Please report it with the file if you can.`,
    );
  }
}

/** The title set in the workbook's properties (File → Info → Title), or null. */
export function documentTitle(source: XlsxSource): string | null {
  const core = source.package.text('docProps/core.xml');
  const found = core ? /<(?:\w+:)?title(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?title>/.exec(core) : null;
  const title = found ? decodeXml(found[1]!).trim() : '';
  return title || null;
}
