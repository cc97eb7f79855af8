/**
 * The committee sheet's commentary: the officer's words where the cell holds some, otherwise the
 * words KPI Tracker writes for this run. Words KPI Tracker wrote on an earlier run are its own, even
 * when this run rewrites them.
 */
import { cellText } from '../../src/core/model/cell-text';
import { findSheet, type Cell, type Workbook } from '../../src/core/model/workbook';
import { runKpiTracker, type RunResult } from '../../src/core/run/run-kpi-tracker';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';

const today = { year: 2025, month: 1, day: 15 };
const pct = (v: number) => ({ v, fmt: '0.0%' });

function kpis(q2: number, commentary: string | null = null): Workbook {
  return buildWorkbook([
    {
      name: 'KPIs',
      rows: [
        ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary'],
        ['T1', 'Rent collected as a % of rent due', pct(0.96), pct(q2), { v: 0.97, fmt: '0%' }, null, commentary],
      ],
    },
  ]);
}

const pack = (workbook: Workbook): RunResult =>
  runKpiTracker(workbook, {
    today,
    now: '2025-01-15T09:30:00.000Z',
    command: 'pack',
    steps: { statuses: true, actionPlan: true, committee: true },
  });

/** Every text on the committee sheet the plan builds. */
function committeeTexts(run: RunResult): string[] {
  const sheet = run.plan.sheets.find((owned) => owned.purpose === 'committee');
  if (!sheet) throw new Error('no committee sheet planned');
  return sheet.rows.flatMap((row) => row.flatMap((cell) => (cell?.value.kind === 'text' ? [cell.value.text] : [])));
}

function replaceQ2(workbook: Workbook, q2: number): Workbook {
  return {
    sheets: workbook.sheets.map((sheet) => {
      if (sheet.name !== 'KPIs') return sheet;
      const rows = sheet.rows.map((row) => (row ? [...row] : row));
      const cell: Cell = { value: { kind: 'number', value: q2 }, format: '0.0%' };
      rows[1]![3] = cell;
      return { ...sheet, rows };
    }),
  };
}

describe('commentary on the committee sheet', () => {
  it("shows this run's words when the cell still holds the words an earlier run wrote", () => {
    const first = pack(kpis(0.95));
    const afterFirst = applyPlanInMemory(kpis(0.95), first.plan);
    const firstWords = cellText(findSheet(afterFirst, 'KPIs')!.rows[1]![6]!);
    expect(firstWords).not.toBe('');

    // Q2's figure is corrected: the commentary KPI Tracker writes changes with it.
    const second = pack(replaceQ2(afterFirst, 0.99));
    const newWords = second.chosen[0]!.commentary!;
    expect(newWords).not.toBe(firstWords);
    const texts = committeeTexts(second);
    expect(texts).toContain(newWords);
    expect(texts).not.toContain(firstWords);
  });

  it("shows the officer's own words, and not KPI Tracker's, where the officer wrote some", () => {
    const officer = 'Collection dipped in September while the new system bedded in.';
    const run = pack(kpis(0.95, officer));
    const texts = committeeTexts(run);
    expect(texts).toContain(officer);
    expect(texts).not.toContain(run.chosen[0]!.commentary);
  });
});
