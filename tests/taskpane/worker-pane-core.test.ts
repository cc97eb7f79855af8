/**
 * The pane's core in its Web Worker answers exactly as the core in place does: the workbook goes
 * over in slices and only once, long answers come back in slices, a run reports its stages, and
 * Cancel stops the worker and a fresh one carries on. The worker here is the real core-worker.ts,
 * run in this process behind a stand-in for the browser's Worker that copies every message with
 * structuredClone, as postMessage does.
 */
import { generateWorkbook } from '../../bench/generate';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import type { RunOptions } from '../../src/core/run/run-kpi-tracker';
import { planSettingsSave } from '../../src/core/run/settings-plan';
import { savedTablesFrom, withConfirmedTables } from '../../src/core/settings/confirm-mapping';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings-schema';
import { readSettings } from '../../src/core/settings/settings-store';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { CELLS_PER_SLICE, ITEMS_PER_SLICE } from '../../src/taskpane/core-messages';
import { LocalPaneCore } from '../../src/taskpane/local-pane-core';
import { RunCancelled, type RunStage } from '../../src/taskpane/pane-core';
import { WorkerPaneCore } from '../../src/taskpane/worker-pane-core';

const TODAY = { year: 2025, month: 4, day: 30 };
const RUN: RunOptions = {
  today: TODAY,
  now: '2025-04-30T10:00:00Z',
  command: 'test',
  steps: { statuses: true, actionPlan: true, committee: true },
};

/** What the page posted, and what the worker posted back, as they crossed. */
const toWorker: unknown[] = [];
const toPage: unknown[] = [];
let workerScope: { onmessage: ((event: { data: unknown }) => void) | null };
const workers: FakeWorker[] = [];

/** The browser's Worker, as far as the page uses it, running core-worker.ts in this process. */
class FakeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;

  constructor(readonly script: string) {
    workers.push(this);
    // The worker's global scope: each worker starts from a fresh copy of the module.
    const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (data: unknown) => this.fromWorker(data) };
    Object.assign(globalThis, { onmessage: null, postMessage: scope.postMessage });
    jest.isolateModules(() => {
      require('../../src/taskpane/core-worker');
    });
    scope.onmessage = (globalThis as unknown as typeof scope).onmessage;
    workerScope = scope;
    this.scope = scope;
  }

  private scope: { onmessage: ((event: { data: unknown }) => void) | null };

  postMessage(data: unknown): void {
    const copy = structuredClone(data);
    toWorker.push(copy);
    setTimeout(() => !this.terminated && this.scope.onmessage?.({ data: copy }), 0);
  }

  private fromWorker(data: unknown): void {
    const copy = structuredClone(data);
    toPage.push(copy);
    setTimeout(() => !this.terminated && this.onmessage?.({ data: copy }), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

beforeAll(() => {
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
});

beforeEach(() => {
  toWorker.length = 0;
  toPage.length = 0;
});

const kinds = (messages: unknown[]) =>
  messages.map(
    (m) =>
      (m as { kind?: string; method?: string; part?: string }).kind ??
      (m as { method?: string }).method ??
      (m as { part?: string }).part ??
      'answer',
  );

describe('the core in its worker', () => {
  const workbook = generateWorkbook(2_500);
  const local = new LocalPaneCore();
  const worker = new WorkerPaneCore('core-worker.js');

  it('load: the workbook goes in slices of rows, and the answer is the same as in place', async () => {
    const here = await local.load(workbook, TODAY, 1);
    const there = await worker.load(workbook, TODAY, 1);
    // Strictly: the settings' records arrive as records, not as copies of their insides.
    expect(there).toStrictEqual(here);
    const cells = workbook.sheets.reduce((n, sheet) => n + sheet.rows.reduce((m, row) => m + (row?.length ?? 1), 0), 0);
    const slices = kinds(toWorker).filter((kind) => kind === 'workbook-rows').length;
    expect(slices).toBeGreaterThanOrEqual(Math.floor(cells / CELLS_PER_SLICE));
    expect(kinds(toWorker)[0]).toBe('workbook-start');
    expect(kinds(toWorker).at(-1)).toBe('load');
  });

  it('indicators: a long list comes back in slices, and is the same list', async () => {
    const here = await local.indicators(null);
    const there = await worker.indicators(null);
    expect(here.length).toBe(2_500);
    expect(there).toStrictEqual(here);
    expect(kinds(toPage).filter((kind) => kind === 'items')).toHaveLength(Math.ceil(2_500 / ITEMS_PER_SLICE));
    expect(kinds(toWorker)).toEqual(['indicators']);
  });

  it('preview and sign-off answer as in place, naming the loaded workbook without sending it again', async () => {
    expect(await worker.preview(RUN)).toStrictEqual(await local.preview(RUN));
    const request = { labels: (await local.load(workbook, TODAY, 1)).look.labels, period: 'Mar-25', today: TODAY };
    expect(await worker.signOff(request)).toStrictEqual(await local.signOff(request));
    expect(kinds(toWorker)).toEqual(['preview', 'signOff']);
  });

  it('plan: the stages are heard, the plan comes back in slices, whole, and the workbook is not sent again', async () => {
    const stages: RunStage[] = [];
    const there = await worker.plan(workbook, RUN, (stage) => stages.push(stage));
    const here = await local.plan(workbook, RUN);
    expect(stages).toEqual(['finding tables', 'judging']);
    expect(there).toStrictEqual(here);
    expect(here.plan.edits.length).toBeGreaterThan(ITEMS_PER_SLICE);
    expect(kinds(toPage).filter((kind) => kind === 'edits').length).toBe(Math.ceil(here.plan.edits.length / ITEMS_PER_SLICE));
    expect(kinds(toWorker)).toEqual(['plan']);
  });

  it('Cancel: the call fails with RunCancelled, the worker is stopped, and a fresh one is given the workbook again', async () => {
    const planned = worker.plan(workbook, RUN);
    worker.cancel();
    await expect(planned).rejects.toBeInstanceOf(RunCancelled);
    expect(workers.at(-1)!.terminated).toBe(true);
    toWorker.length = 0;
    const rows = await worker.indicators('Apr-24');
    expect(rows).toStrictEqual(await local.indicators('Apr-24'));
    expect(workers.at(-1)!.terminated).toBe(false);
    // The fresh worker had the loaded workbook sent whole, then was asked.
    expect(kinds(toWorker)[0]).toBe('workbook-start');
    expect(kinds(toWorker).slice(-2)).toEqual(['load', 'indicators']);
  });

  it('a workbook set up and run: its settings arrive whole, so saving them again keeps every fingerprint', async () => {
    const setUp = applyPlanInMemory(
      workbook,
      planSettingsSave(
        workbook,
        withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(detectWorkbook(workbook).tables)),
        '2026-12-06T09:00:00.000Z',
      ),
    );
    const run = applyPlanInMemory(setUp, (await local.plan(setUp, RUN)).plan);
    const here = await local.load(run, TODAY, 2);
    const there = await worker.load(run, TODAY, 2);
    expect(here.settings.written.size).toBeGreaterThan(2_500);
    expect(there.settings).toStrictEqual(here.settings);
    const saved = readSettings(applyPlanInMemory(run, planSettingsSave(run, there.settings, '2026-12-06T09:00:00.000Z')));
    expect(saved.ok).toBe(true);
    expect(saved.settings.written.json()).toBe(here.settings.written.json());
  });

  it('a failure in the worker is a plain error for the page, not a hang', async () => {
    expect(workerScope).toBeDefined();
    await expect(new WorkerPaneCore('core-worker.js').indicators(null)).rejects.toThrow('KPI Tracker has not read the workbook yet.');
  });
});
