/**
 * The Excel host (src/hosts/excel) on the 14-indicator layout A sample, against the fake Excel
 * object model in tests/support/fake-excel.ts: how many requests a recalculation takes, whether
 * the cells Excel ends up with are the plan's, and whether text stays text.
 *
 * Bugs found here earlier, now fixed and kept as tests:
 *  - Excel refuses to delete a very hidden sheet, so the settings sheet is emptied in place
 *    (Range.clear) and rewritten; other rebuilt sheets are deleted, added again and put back in
 *    their place among the tabs.
 *  - suspendApiCalculationUntilNextSync() goes with the first write of each request, so nothing is
 *    left for Excel.run's closing sync: 3 requests, not 4.
 *  - Text written literally ('=Met) reads back as text: Office.js gives a quote-prefixed text in
 *    `formulas` without its apostrophe, and the reader takes only real formulas as formulas.
 *
 * A formula whose value is its own text (=B1, B1 holding "=B1") is still a formula: formulas come
 * from getSpecialCells, so no check against the value is needed.
 */
import { columnLetter } from '../../src/core/model/address';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import type { Workbook } from '../../src/core/model/workbook';
import { runKpiTracker } from '../../src/core/run/run-kpi-tracker';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { readSettings, SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import { WRITE_BUDGET_BYTES } from '../../src/hosts/excel/apply-plan-excel';
import { runInExcel, type ExcelRun } from '../../src/hosts/excel/excel-run';
import { readWorkbookFromExcel } from '../../src/hosts/excel/read-excel';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';
import { generatedLayoutA, layoutASample, options, snapshot, withSavedMapping } from '../support/excel-fixtures';
import { FakeExcel, FIVE_MB, installFakeExcel } from '../support/fake-excel';

const RECALC = options({ statuses: true });

/** Labels and templates that start with = + - @ or look like a number, so the literal-text rule is needed. */
const AWKWARD = {
  labels: { met: '=Met', near: '@Near miss', missed: '-Not met', 'no-data': 'TRUE', 'no-target': '#N/A' },
  templates: { met: '+{ref} met: {actual}', near: '{actual}', missed: '={ref} missed by {variance}', 'no-data': '@{ref}: figures to come' },
};

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function install(workbook: Workbook): FakeExcel {
  const fake = FakeExcel.fromWorkbook(workbook);
  uninstall = installFakeExcel(fake);
  return fake;
}

describe('reading the open workbook', () => {
  it('reads values, number formats, formulas, fills, merges, tables, protection and visibility in two requests', async () => {
    const sample = withSavedMapping(await layoutASample());
    const fake = install(sample);
    const { workbook, fillsRead, syncs } = await Excel.run((context) => readWorkbookFromExcel(context));
    expect(fillsRead).toBe(true);
    expect(syncs).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect(snapshot(workbook)).toEqual(snapshot(sample));
  });

  it('reads a workbook of 45 sheets (more than one request of sheet probes) whole', async () => {
    const workbook = buildWorkbook(
      Array.from({ length: 45 }, (_, i) => ({
        name: `Sheet ${i + 1}`,
        rows:
          i % 3 === 0
            ? []
            : [
                ['Ref', i],
                ['A', { v: 0.5, fmt: '0%' }],
              ],
      })),
    );
    const fake = install(workbook);
    const read = await Excel.run((context) => readWorkbookFromExcel(context));
    expect(read.workbook.sheets.map((sheet) => sheet.name)).toEqual(workbook.sheets.map((sheet) => sheet.name));
    expect(snapshot(read.workbook)).toEqual(snapshot(workbook));
    expect(fake.requests).toHaveLength(3);
  });

  it('reads a protected, hidden sheet with a table as such', async () => {
    const workbook: Workbook = {
      sheets: [
        ...(await layoutASample()).sheets,
        {
          name: "Q3 'draft'",
          visibility: 'hidden',
          isProtected: true,
          rows: [
            [{ value: { kind: 'text', value: 'Ref' } }, { value: { kind: 'text', value: 'Actual' } }],
            [{ value: { kind: 'text', value: 'A1' } }, { value: { kind: 'number', value: 3 } }],
          ],
          merges: [],
          hiddenRows: new Set(),
          hiddenColumns: new Set(),
          tables: [{ name: 'Draft', range: { top: 0, left: 0, bottom: 1, right: 1 }, hasHeaderRow: true, hasTotalsRow: false }],
        },
      ],
    };
    install(workbook);
    const read = await Excel.run((context) => readWorkbookFromExcel(context));
    const draft = read.workbook.sheets.find((sheet) => sheet.name === "Q3 'draft'")!;
    expect(draft).toMatchObject({
      visibility: 'hidden',
      isProtected: true,
      tables: [{ name: 'Draft', range: { top: 0, left: 0, bottom: 1, right: 1 }, hasHeaderRow: true, hasTotalsRow: false }],
    });
  });
});

describe('reading a formula whose value is its own text', () => {
  test('=B1, where B1 holds the text "=B1", is read as a formula', async () => {
    const fake = install(buildWorkbook([{ name: 'Sheet1', rows: [['placeholder', 'placeholder']] }]));
    const sheet = fake.sheet('Sheet1')!;
    sheet.rows[0] = [
      { value: '=B1', type: 'String', format: 'General', formula: '=B1' },
      { value: '=B1', type: 'String', format: 'General', quotePrefix: true },
    ];
    const { workbook } = await Excel.run((context) => readWorkbookFromExcel(context));
    const [a1, b1] = workbook.sheets[0]!.rows[0]!;
    expect(b1).toEqual({ value: { kind: 'text', value: '=B1' } });
    // getSpecialCells says A1 holds a formula; the reader still drops it because it equals the value.
    expect(a1).toEqual({ value: { kind: 'text', value: '=B1' }, formula: 'B1' });
  });
});

describe('Recalculate status on the 14-indicator layout A sample', () => {
  async function firstRun(extra: Parameters<typeof withSavedMapping>[1] = {}) {
    const workbook = withSavedMapping(await layoutASample(), extra);
    const fake = install(workbook);
    const run = await runInExcel(RECALC, true);
    return { workbook, fake, run };
  }

  it('finds the 14 indicators and has work to do (the precondition of the tests below)', async () => {
    const { run } = await firstRun();
    expect(run.result.detection.tables.flatMap((table) => table.indicators)).toHaveLength(14);
    expect(run.needsMapping).toBe(false);
    expect(run.result.plan.refusals).toEqual([]);
    expect(run.result.plan.edits.length).toBeGreaterThan(14);
  });

  it('reads in two requests and writes in one: three context.sync() calls', async () => {
    const { fake, run } = await firstRun();
    expect(run.syncs).toBe(3);
    expect(fake.syncCalls).toBe(4); // the host's three, and Excel.run's closing sync
    const [probe, cells, write] = fake.requests;
    expect(probe!.writes).toBe(0);
    expect(cells!.writes).toBe(0);
    expect(write!.writes).toBeGreaterThan(0);
    expect(fake.largestRequestBytes()).toBeLessThan(WRITE_BUDGET_BYTES);
    expect(fake.largestResponseBytes()).toBeLessThan(FIVE_MB);
  });

  it("sends at most 3 requests in total: Excel.run's closing sync has nothing left to send", async () => {
    const { fake } = await firstRun();
    expect(fake.requests.map((r) => r.summary.filter((label) => !label.includes('.path')))).toHaveLength(3);
    expect(fake.requests.filter((r) => r.closing)).toEqual([]);
  });

  it('suspends calculation once in the write request, with its first write', async () => {
    const { fake } = await firstRun();
    const write = fake.requests[2]!.summary.filter((label) => !label.includes('.path'));
    expect(write[0]).toBe('Application.suspendApiCalculationUntilNextSync');
    expect(write.filter((label) => label === 'Application.suspendApiCalculationUntilNextSync')).toHaveLength(1);
    // The reads suspend nothing.
    for (const r of fake.requests.slice(0, 2)) expect(r.summary).not.toContain('Application.suspendApiCalculationUntilNextSync');
  });

  it('leaves Excel holding exactly what applying the plan in memory gives, every status and commentary cell included', async () => {
    const { workbook, fake, run } = await firstRun();
    const expected = applyPlanInMemory(workbook, run.result.plan);
    expect(snapshot(fake.toWorkbook())).toEqual(snapshot(expected));
    // Every status and commentary cell of every indicator, explicitly.
    const detection = detectWorkbook(workbook, readSettings(workbook).settings);
    const after = fake.toWorkbook();
    let compared = 0;
    for (const table of detection.tables) {
      const cols = table.columns.filter((column) => column.role === 'status' || column.role === 'commentary').map((column) => column.col);
      expect(cols).toHaveLength(2);
      const got = after.sheets.find((sheet) => sheet.name === table.sheet)!;
      const want = expected.sheets.find((sheet) => sheet.name === table.sheet)!;
      for (const indicator of table.indicators) {
        for (const col of cols) {
          expect({ row: indicator.row, col, cell: got.rows[indicator.row]?.[col] }).toEqual({
            row: indicator.row,
            col,
            cell: want.rows[indicator.row]?.[col],
          });
          compared++;
        }
      }
    }
    expect(compared).toBe(28);
  });

  it('writes status and commentary runs as rectangular blocks, not cell by cell', async () => {
    const { fake, run } = await firstRun();
    const writes = fake.requests[2]!.summary.filter((label) => label === 'Range.values');
    // Runs of contiguous rows per column: far fewer value writes than edited cells.
    expect(writes.length).toBeLessThan(run.result.plan.edits.length);
  });

  it('lands text starting with = + - @, or looking like a number, TRUE or an error, as that text', async () => {
    const { workbook, fake, run } = await firstRun(AWKWARD);
    const texts = run.result.plan.edits.map((edit) => (edit.value.kind === 'text' ? edit.value.text : ''));
    // The run really wrote such text (else this test proves nothing).
    for (const start of ['=', '+', '-', '@']) expect(texts.some((text) => text.startsWith(start))).toBe(true);
    expect(texts.some((text) => /^\d/.test(text))).toBe(true);
    for (const edit of run.result.plan.edits) {
      if (edit.value.kind !== 'text') continue;
      const cell = fake.sheet(edit.sheet)!.rows[edit.row]![edit.col]!;
      expect({ text: edit.value.text, type: cell.type, value: cell.value, formula: cell.formula }).toEqual({
        text: edit.value.text,
        type: 'String',
        value: edit.value.text,
        formula: undefined,
      });
    }
    expect(snapshot(fake.toWorkbook())).toEqual(snapshot(applyPlanInMemory(workbook, run.result.plan)));
  });

  it('a second run plans no edits and writes nothing', async () => {
    const { fake } = await firstRun();
    const before = snapshot(fake.toWorkbook());
    const requestsBefore = fake.requests.length;
    const second = await runInExcel(RECALC, true);
    expect(second.result.plan.edits).toEqual([]);
    expect(second.result.plan.sheets).toEqual([]);
    expect(second.write?.syncs ?? 0).toBe(0);
    const requests = fake.requests.slice(requestsBefore);
    expect(requests.reduce((sum, r) => sum + r.writes, 0)).toBe(0);
    expect(snapshot(fake.toWorkbook())).toEqual(before);
  });

  it('a second run after awkward text also plans no edits and writes nothing', async () => {
    const { fake } = await firstRun(AWKWARD);
    const before = snapshot(fake.toWorkbook());
    const requestsBefore = fake.requests.length;
    const second = await runInExcel(RECALC, true);
    expect(second.result.plan.edits).toEqual([]);
    expect(fake.requests.slice(requestsBefore).reduce((sum, r) => sum + r.writes, 0)).toBe(0);
    expect(snapshot(fake.toWorkbook())).toEqual(before);
  });

  it('text written as "=Met" reads back as text, not as a formula', async () => {
    await firstRun(AWKWARD);
    const second = await runInExcel(RECALC, true);
    expect(second.result.plan.notices.filter((notice) => notice.kind === 'formula-left-alone')).toEqual([]);
  });

  it('the reader reads the literal "=Met" status cells as text, and the sample\'s real formula as a formula', async () => {
    const { fake, run } = await firstRun(AWKWARD);
    const metEdit = run.result.plan.edits.find((edit) => edit.value.kind === 'text' && edit.value.text === '=Met')!;
    expect(fake.sheet(metEdit.sheet)!.rows[metEdit.row]![metEdit.col]).toMatchObject({ type: 'String', value: '=Met', quotePrefix: true });
    const { workbook } = await Excel.run((context) => readWorkbookFromExcel(context));
    const read = workbook.sheets.find((sheet) => sheet.name === metEdit.sheet)!;
    const cell = read.rows[metEdit.row]![metEdit.col]!;
    expect(cell.value).toEqual({ kind: 'text', value: '=Met' });
    expect(cell.formula).toBeUndefined();
    // The sample's one formula (C22: =100+39) is still read as one.
    expect(read.rows[21]![2]).toMatchObject({ value: { kind: 'number', value: 139 }, formula: '100+39' });
  });

  it('the first run on a workbook with a saved mapping succeeds in Excel (the very hidden settings sheet is not deleted)', async () => {
    const workbook = withSavedMapping(await layoutASample());
    install(workbook);
    await expect(runInExcel(RECALC, true)).resolves.toBeDefined();
  });

  it('empties the very hidden settings sheet in place and rewrites it: saved, still very hidden, in its place, nothing stale left', async () => {
    const saved = withSavedMapping(await layoutASample());
    // A settings sheet with more in it than the new settings: a stale row far down, formatted and merged cells.
    const workbook: Workbook = {
      sheets: saved.sheets.map((sheet) =>
        sheet.name === SETTINGS_SHEET
          ? {
              ...sheet,
              rows: Object.assign([...sheet.rows], { 60: [{ value: { kind: 'text', value: 'stale' }, fill: '#FF0000', format: '@' }] }),
              merges: [{ top: 61, left: 0, bottom: 61, right: 3 }],
            }
          : sheet,
      ),
    };
    const fake = install(workbook);
    const order = fake.sheets.map((sheet) => sheet.name);
    const run = await runInExcel(RECALC, true);
    expect(run.result.plan.sheets.map((sheet) => sheet.purpose)).toContain('settings');
    const settingsRequests = fake.requests.filter((r) => r.summary.includes('Range.clear'));
    expect(settingsRequests).toHaveLength(1);
    expect(fake.requests.flatMap((r) => r.summary)).not.toContain('Worksheet.delete');
    expect(fake.requests.filter((r) => r.failed)).toEqual([]);
    const settings = fake.sheet(SETTINGS_SHEET)!;
    expect(settings.visibility).toBe('VeryHidden');
    expect(settings.merges).toEqual([]);
    // In its place; the new change log is added at the end.
    expect(fake.sheets.map((sheet) => sheet.name)).toEqual([...order, CHANGE_LOG_SHEET]);
    const after = fake.toWorkbook();
    expect(readSettings(after).settings.written.size).toBeGreaterThan(0);
    expect(snapshot(after)).toEqual(snapshot(applyPlanInMemory(workbook, run.result.plan)));
    expect(snapshot(after).filter((line) => line.includes('stale'))).toEqual([]);
  });

  it('a rebuilt committee sheet keeps its position among the tabs', async () => {
    const workbook = withSavedMapping(await layoutASample());
    const fake = install(workbook);
    const steps = options({ statuses: true, committee: true });
    const first = await runInExcel(steps, true);
    const committee = first.result.plan.sheets.find((sheet) => sheet.purpose === 'committee')!.name;
    // The officer moves the committee sheet's tab to the front, between nothing and the data.
    const sheet = fake.sheet(committee)!;
    fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
    fake.sheets.unshift(sheet);
    const order = fake.sheets.map((s) => s.name);
    expect(order[0]).toBe(committee);
    // A new meeting date changes the committee sheet, so it is rebuilt.
    const moved = fake.toWorkbook();
    const before = fake.requests.length;
    const second = await runInExcel({ ...steps, committee: { meetingDate: '12 March 2025' } }, true);
    expect(second.result.plan.sheets.map((s) => s.name)).toContain(committee);
    const summaries = fake.requests.slice(before).flatMap((r) => r.summary);
    expect(summaries).toEqual(expect.arrayContaining(['Worksheet.delete', 'WorksheetCollection.add', 'Worksheet.position']));
    expect(fake.requests.filter((r) => r.failed)).toEqual([]);
    expect(fake.sheets.map((s) => s.name)).toEqual(order);
    // Rebuilt, not left alone; and as the in-memory host, which keeps the place too, leaves it.
    expect(snapshot(fake.toWorkbook())).not.toEqual(snapshot(moved));
    expect(snapshot(fake.toWorkbook())).toEqual(snapshot(applyPlanInMemory(moved, second.result.plan)));
  });

  it('refuses to write into a protected sheet, and writes nothing', async () => {
    const sample = await layoutASample();
    const workbook = withSavedMapping({
      sheets: sample.sheets.map((sheet) => (sheet.name === 'KPIs 2024-25' ? { ...sheet, isProtected: true } : sheet)),
    });
    const fake = install(workbook);
    const run: ExcelRun = await runInExcel(RECALC, true);
    expect(run.result.plan.refusals.map((refusal) => refusal.code)).toEqual(['sheet-protected']);
    expect(run.result.plan.refusals[0]!.message).toMatch(/protected/);
    expect(run.write).toBeNull();
    expect(fake.requests.reduce((sum, r) => sum + r.writes, 0)).toBe(0);
  });

  it.each([
    ['the layout A sample', async () => withSavedMapping(await layoutASample())],
    ['a monthly layout (Apr-24 … Mar-25, 30 indicators)', async () => generatedLayoutA(30)],
  ])(
    'all three steps on %s (statuses, action plan, committee sheet with merges, print set-up and chart) land as planned',
    async (_name, make) => {
      const workbook = await make();
      const fake = install(workbook);
      const run = await runInExcel(options({ statuses: true, actionPlan: true, committee: true }), true);
      expect(run.result.plan.sheets.map((sheet) => sheet.purpose).sort()).toEqual(['action-plan', 'change-log', 'committee', 'settings']);
      expect(snapshot(fake.toWorkbook())).toEqual(snapshot(applyPlanInMemory(workbook, run.result.plan)));
      const committee = run.result.plan.sheets.find((sheet) => sheet.purpose === 'committee')!;
      const sheet = fake.sheet(committee.name)!;
      if (committee.print) expect(sheet.pageLayout.orientation).toBe(committee.print.landscape ? 'Landscape' : 'Portrait');
      expect(committee.chart).toBeDefined();
      expect(sheet.charts).toHaveLength(1);
      // Beside the summary, over the cells the plan keeps free for it, not over the tables.
      const { from, to } = committee.chart!;
      expect(sheet.charts[0]!.position).toBe(`${columnLetter(from.col)}${from.row + 1}:${columnLetter(to.col - 1)}${to.row}`);
      expect(sheet.frozenRows).toBe(committee.freezeRows ?? 0);
      // One write request: the whole plan is far under the budget.
      expect(fake.requests.filter((r) => r.writes > 0)).toHaveLength(1);
    },
  );

  it('plans the same in Excel as on the workbook it read (the host adds nothing of its own)', async () => {
    const workbook = withSavedMapping(await layoutASample());
    install(workbook);
    const run = await runInExcel(RECALC, true);
    expect(run.result.plan).toEqual(runKpiTracker(workbook, RECALC).plan);
  });
});
