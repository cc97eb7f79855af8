/**
 * The task pane's run in Excel (src/taskpane/excel-pane-host.ts with runOnPane), against the fake
 * Excel object model: the page reads (values, then the status cells' fills of a large workbook
 * once the core has found the tables), the core plans, the page writes; the cells end up as
 * runInExcel (the ribbon's one-click run) leaves them, and a second run changes nothing.
 */
import { runInExcel } from '../../src/hosts/excel/excel-run';
import { readWorkbookFromExcel } from '../../src/hosts/excel/read-excel';
import { ExcelPaneHost } from '../../src/taskpane/excel-pane-host';
import { LocalPaneCore } from '../../src/taskpane/local-pane-core';
import type { RunStage } from '../../src/taskpane/pane-core';
import { runOnPane } from '../../src/taskpane/run-on-pane';
import { generatedLayoutA, layoutASample, options, snapshot, withSavedMapping } from '../support/excel-fixtures';
import { FakeExcel, installFakeExcel } from '../support/fake-excel';

const RECALC = options({ statuses: true });

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

async function paneRun(fake: FakeExcel) {
  uninstall = installFakeExcel(fake);
  const stages: RunStage[] = [];
  const outcome = await runOnPane(new ExcelPaneHost(), new LocalPaneCore(), RECALC, {
    onStage: (stage) => stages.push(stage),
    cancelled: () => false,
  });
  uninstall();
  uninstall = undefined;
  return { outcome, stages };
}

it('layout A: the pane writes what the one-click run writes, with the stages in order', async () => {
  const sample = withSavedMapping(await layoutASample());
  const byPane = FakeExcel.fromWorkbook(sample);
  const { outcome, stages } = await paneRun(byPane);
  expect(stages).toEqual(['reading', 'finding tables', 'judging', 'writing']);
  expect(outcome.plan.refusals).toEqual([]);

  const byRibbon = FakeExcel.fromWorkbook(sample);
  uninstall = installFakeExcel(byRibbon);
  await runInExcel(RECALC, false);
  // The change log's times differ by when each ran; every other cell is the same.
  const withoutLog = (lines: string[]) => lines.filter((line) => !line.startsWith('KPI Tracker change log!'));
  expect(withoutLog(snapshot(byPane.toWorkbook()))).toEqual(withoutLog(snapshot(byRibbon.toWorkbook())));
});

it('a workbook too large to read its fills with its values: the status fills are read once the tables are known, so a second run changes nothing', async () => {
  const fake = FakeExcel.fromWorkbook(withSavedMapping(generatedLayoutA(5_000)));
  uninstall = installFakeExcel(fake);
  expect((await Excel.run((context) => readWorkbookFromExcel(context))).fillsRead).toBe(false);
  uninstall();
  const first = await paneRun(fake);
  expect(first.outcome.plan.edits.length).toBeGreaterThan(0);
  const second = await paneRun(fake);
  expect(second.outcome.plan.edits).toEqual([]);
  // Two whole runs over 5,000 indicators: behaviour, not speed (npm run bench measures that).
}, 60_000);
