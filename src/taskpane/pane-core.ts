import type { Detection } from '../core/detect/types';
import type { IndicatorVerdict } from '../core/engine/evaluate';
import type { CalendarDate } from '../core/model/serial-dates';
import type { Workbook } from '../core/model/workbook';
import type { Plan } from '../core/plan/plan-types';
import type { StatusLabels } from '../core/plan/status-style';
import type { RunOptions } from '../core/run/run-kpi-tracker';
import type { Settings } from '../core/settings/settings-schema';
import type { PreviewSummary } from './preview-summary';
import type { SignOffDraft } from './sign-off';
import type { StatusLook } from './status-look';
import type { TrendPoint } from './trend';

/**
 * The pure core as the task pane uses it. In the add-in and the workbench it runs in a Web
 * Worker (worker-pane-core.ts), so judging 10,000 indicators never holds the page: the page
 * reads and writes the workbook (Office.js stays there) and sends the core what it read. In the
 * tests it runs in place (local-pane-core.ts); both answer alike. Everything that crosses is
 * plain data.
 */
export interface PaneCore {
  /** Keeps the workbook as read for the calls below, judges it, and says what the views show. */
  load(workbook: Workbook, today: CalendarDate, version: number): Promise<PaneData>;
  /** Each indicator's verdict for `period` (or its latest), with its figures across the periods, of the loaded workbook. */
  indicators(period: string | null): Promise<IndicatorRow[]>;
  /** What a run of every step would change in the loaded workbook. */
  preview(options: RunOptions): Promise<PreviewSummary>;
  /** The sign-off of `period` as the loaded workbook's status cells read now. */
  signOff(input: SignOffRequest): Promise<SignOffDraft>;
  /** The tables in a workbook, with the mapping saved in it. */
  findTables(workbook: Workbook): Promise<Detection>;
  /** The edits a run makes to this workbook; `onStage` hears when it finds the tables and when it judges. */
  plan(workbook: Workbook, options: RunOptions, onStage?: (stage: RunStage) => void): Promise<RunOutcome>;
  /** Stops the work under way, whose promise then rejects with RunCancelled. */
  cancel(): void;
}

/** What the views show of the workbook as it is now. */
export interface PaneData {
  readonly settings: Settings;
  readonly detection: Detection;
  readonly look: StatusLook;
  /** The periods with verdicts, earliest first, e.g. `Q1 2024/25`. */
  readonly periods: readonly string[];
  /** The latest period any indicator has figures for. */
  readonly latestPeriod: string | null;
  /** Counts reloads, so a view can start afresh after the workbook changed. */
  readonly version: number;
}

/** One indicator in a period, as the Indicators view and the template preview show it. */
export interface IndicatorRow {
  /** The same for an indicator in every period: its sheet, table and row. */
  readonly key: string;
  /** Every field of the verdict, its reason worded (a plain object: it crossed from the worker). */
  readonly verdict: IndicatorVerdict;
  /** The indicator's figures across the periods that have one, earliest first. */
  readonly trend: readonly TrendPoint[];
  /** The part of the workbook it belongs to: its sub-heading, else its table's title, else its sheet. */
  readonly section: string;
}

export interface SignOffRequest {
  readonly labels: StatusLabels;
  readonly period: string;
  readonly today: CalendarDate;
  readonly committee?: string;
}

/** What a run will write, and the period its sheets are for. */
export interface RunOutcome {
  readonly plan: Plan;
  readonly reportPeriod: string | null;
}

/** The stages of a run, in order: the page reads, the core finds the tables and judges, the page writes. */
export type RunStage = 'reading' | 'finding tables' | 'judging' | 'writing';

export const RUN_STAGES: readonly RunStage[] = ['reading', 'finding tables', 'judging', 'writing'];

/** The officer pressed Cancel: nothing was written. */
export class RunCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was written.');
    this.name = 'RunCancelled';
  }
}
