import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { findSheet, type Workbook } from '../../../src/core/model/workbook';
import { officerCommentary, planRecalculation } from '../../../src/core/plan/recalc-plan';
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { readSettings } from '../../../src/core/settings/settings-store';
import { applyPlanInMemory } from '../../../src/hosts/memory/apply-plan';
import { buildWorkbook } from '../../../src/hosts/memory/build-workbook';

/*
 * Planning tells the committee step whose words each chosen verdict's commentary cell holds; it
 * must say what officerCommentary says from the saved fingerprints, on a first run and on a run
 * over a workbook a run has written to (and an officer has edited since).
 */

const today = { year: 2025, month: 1, day: 15 };
const pct = (v: number) => ({ v, fmt: '0.0%' });

function kpis(commentary: ReadonlyArray<string | null>): Workbook {
  return buildWorkbook([
    {
      name: 'KPIs',
      rows: [
        ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary'],
        ...commentary.map((words, i) => [
          `T${i + 1}`,
          `Rent collected as a % of rent due (area ${i + 1})`,
          pct(0.9 + i / 100),
          pct(0.95 - i / 100),
          { v: 0.93, fmt: '0%' },
          null,
          words,
        ]),
      ],
    },
  ]);
}

function expectSameAsOfficerCommentary(workbook: Workbook): Array<string | null | undefined> {
  const settings = readSettings(workbook).settings;
  const detection = detectWorkbook(workbook, settings);
  const verdicts = evaluateWorkbook(workbook, detection, { today });
  const recalc = planRecalculation(workbook, detection, verdicts, settings, { now: '2025-01-15T09:30:00.000Z', command: 'recalc' });
  expect(recalc.chosen.length).toBeGreaterThan(0);
  return recalc.chosen.map((choice) => {
    const v = choice.verdict;
    const planned = choice.officerCommentary;
    expect(planned).toBe(officerCommentary(workbook, detection.tables[v.tableIndex]!, v, settings));
    return planned;
  });
}

describe('the officer commentary planning records for each chosen verdict', () => {
  it("says what officerCommentary says, on a first run and after KPI Tracker's and an officer's words", () => {
    const first = kpis([null, 'The officer wrote this.', '   ', null]);
    expectSameAsOfficerCommentary(first);
    const run = runKpiTracker(first, {
      today,
      now: '2025-01-15T09:30:00.000Z',
      command: 'recalc',
      steps: { statuses: true, actionPlan: false, committee: false },
    });
    const written = applyPlanInMemory(first, run.plan);
    expectSameAsOfficerCommentary(written);
    // An officer rewrites one of KPI Tracker's commentaries.
    const sheet = findSheet(written, 'KPIs')!;
    const rows = sheet.rows.map((row) => (row ? [...row] : row));
    rows[1]![6] = { value: { kind: 'text', value: 'Now the officer’s own words.' } };
    const owners = expectSameAsOfficerCommentary({ sheets: written.sheets.map((s) => (s === sheet ? { ...sheet, rows } : s)) });
    expect(owners).toEqual(['Now the officer’s own words.', 'The officer wrote this.', null, null]);
  });
});
