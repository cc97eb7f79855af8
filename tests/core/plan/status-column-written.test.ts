/**
 * Where a table has more than one status column, a run writes into the one whose rating it
 * reads: "Final assessment", never the interim one beside it. Before, the engine read the final
 * assessment while the run wrote the figures' status over the interim one, so the officer's
 * interim words were overwritten and the final ones never updated. The headings are the Ministry
 * of Defence's ("Interim Assessment | Final Assessment", PSA performance 2005-08, Defence
 * Committee 2008-09); the rows are an officer's ordinary housing indicators.
 */
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { buildWorkbook } from '../../../src/hosts/memory/build-workbook';
import { planValueText } from '../../../src/core/plan/plan-types';

function recalc(headers: readonly (string | null)[]) {
  return runKpiTracker(
    buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          headers,
          ['Rent collected as a % of rent due', { v: 0.98, fmt: '0%' }, { v: 0.985, fmt: '0.0%' }, 'On track', null],
          ['Average days to re-let empty homes', 20, 31, 'On track', null],
        ],
      },
    ]),
    {
      today: { year: 2025, month: 5, day: 1 },
      period: '2024/25',
      now: '2025-05-01T09:00:00Z',
      command: 'recalc',
      steps: { statuses: true, actionPlan: false, committee: false },
    },
  );
}

describe('the status column a run writes into', () => {
  it('is the final assessment, and the interim words the officer typed are left as they were', () => {
    const run = recalc(['Indicator', 'Target 2024/25', 'Actual 2024/25', 'Interim assessment', 'Final assessment']);
    const statuses = run.plan.edits.filter((edit) => edit.purpose === 'status');
    // In the words the interim column uses ("On track"): the workbook's own for its statuses.
    expect(statuses.map((edit) => [edit.row, edit.col, planValueText(edit.value)])).toEqual([
      [1, 4, 'On track'],
      [2, 4, 'Off track'],
    ]);
    expect(run.plan.edits.some((edit) => edit.col === 3)).toBe(false);
  });

  it('is the one status column where a table has only one', () => {
    const run = recalc(['Indicator', 'Target 2024/25', 'Actual 2024/25', 'Status', null]);
    expect(run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => edit.col)).toEqual([3, 3]);
  });
});
