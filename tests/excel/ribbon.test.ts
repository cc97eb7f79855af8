/**
 * The ribbon commands end to end: registered with Office under the manifest's FunctionNames, and
 * each one run against the fake Excel object model (tests/support/fake-excel.ts) on the layout A
 * sample. Whatever happens, a command calls event.completed() once, and says what happened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook } from '../../src/core/model/workbook';
import { ACTION_PLAN_SHEET } from '../../src/core/sheets/action-plan-sheet';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { describeExcelError } from '../../src/hosts/excel/excel-errors';
import { currentNotices, dismissNotice, takeRequestedView, type PaneNotice } from '../../src/shared/pane-bridge';
import { layoutASample, withSavedMapping } from '../support/excel-fixtures';
import { FakeExcel, installFakeExcel } from '../support/fake-excel';

const MANIFEST = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
const MANIFEST_FUNCTION_NAMES = [...MANIFEST.matchAll(/<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g)].map((m) => m[1]!);
const DATA_SHEET = 'KPIs 2024-25';

type Commands = typeof import('../../src/commands/commands');
let commands: Commands;
let loadFake: FakeExcel;
let uninstall: (() => void) | undefined;

beforeAll(async () => {
  // The commands read today's date; fix it (and only it) so the sample's verdicts do not move.
  jest.useFakeTimers({
    now: new Date('2024-11-20T10:00:00Z'),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  // Loaded as the shared runtime loads it: with Office present, so it registers on Office.onReady.
  loadFake = new FakeExcel();
  uninstall = installFakeExcel(loadFake);
  commands = await import('../../src/commands/commands');
  await new Promise((resolve) => setImmediate(resolve));
});

afterAll(() => {
  jest.useRealTimers();
  uninstall?.();
});

beforeEach(() => {
  takeRequestedView();
  while (currentNotices().length > 0) dismissNotice(0);
});

function install(workbook: Workbook): FakeExcel {
  uninstall?.();
  const fake = FakeExcel.fromWorkbook(workbook);
  uninstall = installFakeExcel(fake);
  commands.registerRibbonCommands();
  return fake;
}

/** Runs a ribbon command as Office does: the associated function with an event, until it completes. */
async function press(fake: FakeExcel, name: string): Promise<{ completed: jest.Mock; notices: readonly PaneNotice[] }> {
  const handler = fake.office.associated.get(name);
  if (!handler) throw new Error(`${name} was not associated with Office`);
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const completed = jest.fn(() => done());
  handler({ completed, source: { id: name } });
  await finished;
  // Anything that would complete it a second time has had its chance.
  await new Promise((resolve) => setImmediate(resolve));
  return { completed, notices: currentNotices() };
}

const writesIn = (fake: FakeExcel) => fake.requests.reduce((sum, r) => sum + r.writes, 0);

describe('registration', () => {
  it('the manifest names the three ribbon functions', () => {
    expect([...MANIFEST_FUNCTION_NAMES].sort()).toEqual(['buildActionPlan', 'generateCommitteeSheet', 'recalculateStatus']);
  });

  it('registers each under its manifest FunctionName with Office.actions.associate when Office is ready', () => {
    expect([...loadFake.office.associateCalls].sort()).toEqual([...MANIFEST_FUNCTION_NAMES].sort());
    expect(loadFake.office.associateCalls).toHaveLength(new Set(loadFake.office.associateCalls).size);
  });

  it('registerRibbonCommands associates exactly the manifest names, each once', () => {
    const fake = new FakeExcel();
    uninstall?.();
    uninstall = installFakeExcel(fake);
    const names = commands.registerRibbonCommands();
    expect([...names].sort()).toEqual([...MANIFEST_FUNCTION_NAMES].sort());
    expect([...fake.office.associateCalls].sort()).toEqual([...MANIFEST_FUNCTION_NAMES].sort());
    for (const name of MANIFEST_FUNCTION_NAMES) expect(typeof fake.office.associated.get(name)).toBe('function');
  });
});

describe('each command, end to end', () => {
  it('Recalculate status writes the statuses and says so', async () => {
    const fake = install(withSavedMapping(await layoutASample()));
    const { completed, notices } = await press(fake, 'recalculateStatus');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([
      expect.objectContaining({
        intent: 'success',
        title: 'Recalculate status: done',
        message: expect.stringMatching(/^\d+ cells changed/),
      }),
    ]);
    expect(fake.cell(DATA_SHEET, 'H5')).toMatchObject({ type: 'String', value: 'Met', fill: expect.stringMatching(/^#[0-9A-F]{6}$/) });
    expect(fake.sheet(CHANGE_LOG_SHEET)).toBeDefined();
    expect(fake.office.showAsTaskpaneCalls).toBe(0);
  });

  it('Generate committee sheet adds the committee sheet and leaves the statuses alone', async () => {
    const workbook = withSavedMapping(await layoutASample());
    const fake = install(workbook);
    const { completed, notices } = await press(fake, 'generateCommitteeSheet');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([expect.objectContaining({ intent: 'success', title: 'Generate committee sheet: done' })]);
    const added = fake.sheets.map((sheet) => sheet.name).filter((name) => !workbook.sheets.some((sheet) => sheet.name === name));
    expect(added.length).toBeGreaterThan(0);
    expect(notices[0]!.message).toContain(`"${added.find((name) => name !== CHANGE_LOG_SHEET)}"`);
    expect(fake.cell(DATA_SHEET, 'H5')).toBeUndefined();
  });

  it('Build action plan adds the action plan sheet', async () => {
    const fake = install(withSavedMapping(await layoutASample()));
    const { completed, notices } = await press(fake, 'buildActionPlan');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([
      expect.objectContaining({
        intent: 'success',
        title: 'Build action plan: done',
        message: expect.stringContaining(`"${ACTION_PLAN_SHEET}"`),
      }),
    ]);
    expect(fake.sheet(ACTION_PLAN_SHEET)?.visibility).toBe('Visible');
  });

  it.each(['recalculateStatus', 'generateCommitteeSheet', 'buildActionPlan'])(
    '%s a second time changes nothing and says so',
    async (name) => {
      const fake = install(withSavedMapping(await layoutASample()));
      await press(fake, name);
      while (currentNotices().length > 0) dismissNotice(0);
      const writes = writesIn(fake);
      const { completed, notices } = await press(fake, name);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(notices).toEqual([expect.objectContaining({ intent: 'success', message: 'Nothing needed to change.' })]);
      expect(writesIn(fake)).toBe(writes);
    },
  );
});

describe('when a command cannot run', () => {
  it.each(['recalculateStatus', 'generateCommitteeSheet', 'buildActionPlan'])(
    '%s without a confirmed mapping opens the pane at the mapping step and writes nothing',
    async (name) => {
      const fake = install(await layoutASample());
      const { completed, notices } = await press(fake, name);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(takeRequestedView()).toBe('mapping');
      expect(fake.office.showAsTaskpaneCalls).toBe(1);
      expect(notices).toEqual([expect.objectContaining({ intent: 'info', title: 'Set up this workbook first' })]);
      expect(writesIn(fake)).toBe(0);
    },
  );

  it('a settings sheet with no tables confirmed counts as no mapping', async () => {
    const sample = await layoutASample();
    const fake = install(withSavedMapping(sample, {}, { sheets: [] }));
    await press(fake, 'recalculateStatus');
    expect(takeRequestedView()).toBe('mapping');
    expect(writesIn(fake)).toBe(0);
  });

  it('a protected sheet gives an error notice, opens the pane, and nothing is written', async () => {
    const sample = await layoutASample();
    const fake = install(
      withSavedMapping({ sheets: sample.sheets.map((sheet) => (sheet.name === DATA_SHEET ? { ...sheet, isProtected: true } : sheet)) }),
    );
    const { completed, notices } = await press(fake, 'recalculateStatus');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([
      expect.objectContaining({
        intent: 'error',
        title: 'Recalculate status: nothing was written',
        message: expect.stringContaining(`Sheet "${DATA_SHEET}" is protected`),
      }),
    ]);
    expect(fake.office.showAsTaskpaneCalls).toBe(1);
    expect(writesIn(fake)).toBe(0);
  });

  it.each(['recalculateStatus', 'generateCommitteeSheet', 'buildActionPlan'])(
    '%s: an Excel error with code AccessDenied is shown in its plain sentence, and the command completes once',
    async (name) => {
      const fake = install(withSavedMapping(await layoutASample()));
      fake.failNextRequest(
        'AccessDenied',
        'Access denied. You do not have permission to perform this action.',
        (label) => label === 'Range.values',
      );
      const { completed, notices } = await press(fake, name);
      expect(completed).toHaveBeenCalledTimes(1);
      const expected = describeExcelError({ code: 'AccessDenied' }).message;
      expect(expected).toMatch(/protected|read-only/);
      expect(notices).toEqual([expect.objectContaining({ intent: 'error', message: expected })]);
      expect(fake.office.showAsTaskpaneCalls).toBe(1);
    },
  );

  it("a failing command (here: the workbook's structure is protected, so Excel refuses to add the change log) completes once and shows the reason", async () => {
    const fake = install(withSavedMapping(await layoutASample()));
    fake.structureProtected = true;
    const { completed, notices } = await press(fake, 'recalculateStatus');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.requests.find((r) => r.failed)).toMatchObject({
      failed: 'AccessDenied',
      summary: expect.arrayContaining(['WorksheetCollection.add']),
    });
    expect(notices).toEqual([
      expect.objectContaining({
        intent: 'error',
        title: 'Recalculate status did not finish',
        message: describeExcelError({ code: 'AccessDenied' }).message,
      }),
    ]);
    expect(fake.office.showAsTaskpaneCalls).toBe(1);
  });

  it('a command completes once even when Excel.run itself throws something that is not an Office error', async () => {
    const fake = install(withSavedMapping(await layoutASample()));
    (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = () => Promise.reject('the host went away');
    const { completed, notices } = await press(fake, 'buildActionPlan');
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([expect.objectContaining({ intent: 'error', message: expect.stringContaining('the host went away') })]);
  });
});
