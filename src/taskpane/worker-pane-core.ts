import type { Detection } from '../core/detect/types';
import { LocalPaneCore } from './local-pane-core';
import type { CalendarDate } from '../core/model/serial-dates';
import type { Workbook } from '../core/model/workbook';
import type { RunOptions } from '../core/run/run-kpi-tracker';
import {
  assembled,
  CELLS_PER_SLICE,
  WORKBOOKS_KEPT,
  type AnswerPart,
  type CoreMethod,
  type CoreReply,
  type WorkbookPart,
  type WorkbookRef,
} from './core-messages';
import {
  RunCancelled,
  type IndicatorRow,
  type PaneCore,
  type PaneData,
  type RunOutcome,
  type RunStage,
  type SignOffRequest,
} from './pane-core';
import type { PreviewSummary } from './preview-summary';
import { settingsFromTransit, type SettingsInTransit } from './settings-transfer';
import type { SignOffDraft } from './sign-off';

/** The worker's script: built beside the page's own (webpack entry `core-worker`), so it comes from the page's origin. */
export const CORE_WORKER_SCRIPT = 'core-worker.js';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly onStage?: (stage: RunStage) => void;
  /** The parts of a long answer received so far. */
  parts?: AnswerPart[];
}

/**
 * The core in a Web Worker, seen from the page. Calls are answered in order; a workbook is sent
 * once and named after that. Cancel stops the worker at once (the core can't be interrupted part
 * way through judging) and starts a fresh one, which is given the loaded workbook again.
 */
export class WorkerPaneCore implements PaneCore {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly workbookIds = new WeakMap<Workbook, number>();
  /** The numbers of the workbooks the worker holds, the most lately used last (as the worker keeps them). */
  private held: number[] = [];
  private lastLoad: readonly [Workbook, CalendarDate, number] | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Counts Cancels: a call made before the last Cancel and not yet sent is not sent. */
  private generation = 0;

  constructor(private readonly script: string = CORE_WORKER_SCRIPT) {}

  async load(workbook: Workbook, today: CalendarDate, version: number): Promise<PaneData> {
    this.lastLoad = [workbook, today, version];
    const data = (await this.call('load', [workbook, today, version])) as Omit<PaneData, 'settings'> & { settings: SettingsInTransit };
    return { ...data, settings: settingsFromTransit(data.settings) };
  }

  indicators(period: string | null): Promise<IndicatorRow[]> {
    return this.call('indicators', [period]) as Promise<IndicatorRow[]>;
  }

  preview(options: RunOptions): Promise<PreviewSummary> {
    return this.call('preview', [options]) as Promise<PreviewSummary>;
  }

  signOff(input: SignOffRequest): Promise<SignOffDraft> {
    return this.call('signOff', [input]) as Promise<SignOffDraft>;
  }

  findTables(workbook: Workbook): Promise<Detection> {
    return this.call('findTables', [workbook]) as Promise<Detection>;
  }

  plan(workbook: Workbook, options: RunOptions, onStage?: (stage: RunStage) => void): Promise<RunOutcome> {
    return this.call('plan', [workbook, options], onStage) as Promise<RunOutcome>;
  }

  cancel(): void {
    this.generation++;
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = undefined;
    this.held = [];
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const call of waiting) call.reject(new RunCancelled());
  }

  /** The worker, started if there is none (at first, and after Cancel). */
  private started(): { worker: Worker; fresh: boolean } {
    if (this.worker) return { worker: this.worker, fresh: false };
    const worker = new Worker(this.script);
    worker.onmessage = (event: MessageEvent<CoreReply>) => this.reply(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(
        new Error(`KPI Tracker could not start its calculations (${event.message || CORE_WORKER_SCRIPT}). Close and open the pane again.`),
      );
    };
    this.worker = worker;
    return { worker, fresh: true };
  }

  private call(method: CoreMethod, args: readonly unknown[], onStage?: (stage: RunStage) => void): Promise<unknown> {
    const generation = this.generation;
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject, ...(onStage ? { onStage } : {}) };
      // Calls go out in the order made, each after the workbooks it names have gone whole.
      this.queue = this.queue
        .then(() => {
          if (generation !== this.generation) throw new RunCancelled();
          return this.send(method, args, pending);
        })
        .catch(reject);
    });
  }

  private async send(method: CoreMethod, args: readonly unknown[], pending: Pending): Promise<void> {
    const { worker, fresh } = this.started();
    // A fresh worker after Cancel has lost the workbook the views were showing: it is given it again first.
    if (fresh && this.lastLoad && method !== 'load')
      await this.post(worker, 'load', this.lastLoad, { resolve: () => undefined, reject: () => undefined });
    await this.post(worker, method, args, pending);
  }

  private async post(worker: Worker, method: CoreMethod, args: readonly unknown[], pending: Pending): Promise<void> {
    const sent: unknown[] = [];
    for (const arg of args) sent.push(isWorkbook(arg) ? await this.refTo(worker, arg) : arg);
    // Cancelled while a workbook was on its way: this call went with the worker.
    if (worker !== this.worker) throw new RunCancelled();
    const id = this.nextId++;
    this.pending.set(id, pending);
    worker.postMessage({ id, method, args: sent });
  }

  /** Sends the workbook in slices the first time; after that, while the worker holds it, its number. */
  private async refTo(worker: Worker, workbook: Workbook): Promise<WorkbookRef> {
    let id = this.workbookIds.get(workbook);
    if (id === undefined) {
      id = this.nextId++;
      this.workbookIds.set(workbook, id);
    }
    const held = this.held.includes(id);
    this.held = [...this.held.filter((kept) => kept !== id), id].slice(-WORKBOOKS_KEPT);
    if (!held) await sendInSlices(worker, id, workbook, () => worker !== this.worker);
    return { kind: 'workbook', id };
  }

  private reply(message: CoreReply): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ('stage' in message) {
      pending.onStage?.(message.stage);
      return;
    }
    if ('part' in message) {
      (pending.parts ??= []).push(message);
      return;
    }
    this.pending.delete(message.id);
    if ('error' in message) pending.reject(new Error(message.error));
    else pending.resolve(assembled(message.result, pending.parts ?? [], message.assembly));
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.held = [];
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const call of waiting) call.reject(error);
  }
}

/** Lets the page draw and answer between slices. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The workbook as WorkbookPart messages, a slice of rows at a time, yielding to the page between them. */
async function sendInSlices(worker: Worker, id: number, workbook: Workbook, stopped: () => boolean): Promise<void> {
  const start: WorkbookPart = { kind: 'workbook-start', id, sheets: workbook.sheets.map(({ rows: _rows, ...sheet }) => sheet) };
  worker.postMessage(start);
  for (let sheet = 0; sheet < workbook.sheets.length; sheet++) {
    const rows = workbook.sheets[sheet]!.rows;
    let from = 0;
    while (from < rows.length) {
      let to = from;
      let cells = 0;
      while (to < rows.length && cells < CELLS_PER_SLICE) cells += rows[to++]?.length ?? 1;
      await nextTask();
      if (stopped()) return;
      const part: WorkbookPart = { kind: 'workbook-rows', id, sheet, rows: rows.slice(from, to) };
      worker.postMessage(part);
      from = to;
    }
  }
}

function isWorkbook(value: unknown): value is Workbook {
  return typeof value === 'object' && value !== null && Array.isArray((value as { sheets?: unknown }).sheets);
}

let pageCore: PaneCore | undefined;

/** The page's one core: in a worker where the browser has them (every Office version KPI Tracker supports does). */
export function paneCoreForPage(): PaneCore {
  pageCore ??= typeof Worker === 'function' ? new WorkerPaneCore() : new LocalPaneCore();
  return pageCore;
}
