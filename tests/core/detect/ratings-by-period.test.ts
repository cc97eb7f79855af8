/**
 * A rating for each period: "Q1 2024/25 | Q2 2024/25" over "Actual | RAG | Actual | RAG", merged
 * or with the merge lost on export, and a tracker of ratings alone ("Q1 | Q2 | Q3" of Green,
 * Amber and Red). Before, the second header row was dropped or the header read no further than
 * the first quarter, so the later quarters and every RAG column were left out with no word said,
 * and a tracker of ratings alone gave No data. These grids are built for the shape alone, as an
 * officer lays out a quarterly tracker; the figures in them are placeholders, not any
 * organisation's. Published wording for ratings by period is in real-wording.test.ts (Gippsland
 * Water).
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { DetectedTable } from '../../../src/core/detect/types';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { periodLabel } from '../../../src/core/periods/period';
import { latestPeriodWithData } from '../../../src/core/plan/recalc-plan';
import { planValueText } from '../../../src/core/plan/plan-types';
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';

const TODAY = { year: 2025, month: 1, day: 15 };

const QUARTERS_OVER_RAG: CellInput[][] = [
  ['Indicator', 'Target', 'Q1 2024/25', null, 'Q2 2024/25', null],
  [null, null, 'Actual', 'RAG', 'Actual', 'RAG'],
  ['Rent collected as % of rent due', { v: 0.98, fmt: '0%' }, { v: 0.97, fmt: '0%' }, 'Amber', { v: 0.985, fmt: '0.0%' }, null],
  ['Average days to re-let empty homes', 20, 31, 'Red', 18, null],
];

const RATINGS_ALONE: CellInput[][] = [
  ['Action', 'Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25'],
  ['Adopt the new tenancy strategy', 'Green', 'Amber', null],
  ['Open the second housing options hub', 'Red', 'Green', null],
];

function read(rows: CellInput[][], merges?: string[]) {
  const workbook = buildWorkbook([{ name: 'KPIs', rows, ...(merges ? { merges } : {}) }]);
  const detection = detectWorkbook(workbook);
  return { workbook, detection, verdicts: evaluateWorkbook(workbook, detection, { today: TODAY }) };
}

const roles = (table: DetectedTable): string[] =>
  table.columns.map(
    (column) => `${String.fromCharCode(65 + column.col)}:${column.role}${column.period ? ` ${periodLabel(column.period)}` : ''}`,
  );

describe('a quarter written once over "Actual | RAG"', () => {
  test.each([
    ['merged', ['C1:D1', 'E1:F1']],
    ['with the merge lost on export', undefined],
  ])('%s: every quarter and every RAG column is read, each RAG dated by the quarter over it', (_, merges) => {
    const { detection, verdicts } = read(QUARTERS_OVER_RAG, merges);
    expect(detection.tables).toHaveLength(1);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:target',
      'C:actual Q1 2024/25',
      'D:status Q1 2024/25',
      'E:actual Q2 2024/25',
      'F:status Q2 2024/25',
    ]);
    expect(verdicts.map((v) => `${v.row} ${v.periodLabel} ${v.status}`)).toEqual([
      '2 Q1 2024/25 near',
      '2 Q2 2024/25 met',
      '3 Q1 2024/25 missed',
      '3 Q2 2024/25 met',
    ]);
  });

  test("a run for Q2 writes each status into Q2's RAG column and leaves Q1's ratings as the officer typed them", () => {
    const run = runKpiTracker(buildWorkbook([{ name: 'KPIs', rows: QUARTERS_OVER_RAG, merges: ['C1:D1', 'E1:F1'] }]), {
      today: TODAY,
      period: 'Q2 2024/25',
      now: '2025-01-15T09:00:00Z',
      command: 'recalc',
      steps: { statuses: true, actionPlan: false, committee: false },
    });
    const statuses = run.plan.edits.filter((edit) => edit.purpose === 'status');
    expect(statuses.map((edit) => [edit.row, edit.col])).toEqual([
      [2, 5],
      [3, 5],
    ]);
    // The workbook's own words for its statuses.
    expect(statuses.map((edit) => planValueText(edit.value))).toEqual(['Green', 'Green']);
  });

  test('a row of ratings repeated with no period over them is still a body row, not a header', () => {
    const { detection } = read([
      ['Indicator', 'Target', 'Actual', 'Status'],
      ['Rent collected as % of rent due', '98%', '97%', 'Amber'],
      ['Achieved', 'Achieved', 'On going', 'Achieved'],
      ['Average days to re-let empty homes', 20, 31, 'Red'],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.headerRows).toEqual([0]);
  });
});

describe('ratings headed by their periods, and ratings beside the measures', () => {
  test('"2023/24 status | 2024/25 status": one rating per year, the latest year the run\'s', () => {
    const { detection, verdicts } = read([
      ['Priority action', '2023/24 status', '2024/25 status'],
      ['Adopt the new tenancy strategy', 'Green', 'Amber'],
      ['Open the second housing options hub', 'Red', 'Green'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:status 2023/24', 'C:status 2024/25']);
    expect(verdicts.filter((v) => v.periodLabel === '2024/25').map((v) => v.status)).toEqual(['near', 'met']);
    expect(latestPeriodWithData(verdicts)).toBe('2024/25');
  });

  test.each(['Status', 'RAG status'])('"Indicator | %s" over Green, Amber and Red is read as each row\'s rating', (heading) => {
    const { detection, verdicts } = read([
      ['Indicator', heading],
      ['Rent collected as % of rent due', 'Green'],
      ['Average days to re-let empty homes', 'Red'],
      ['Repairs completed right first time', 'Amber'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:status']);
    expect(verdicts.map((v) => v.status)).toEqual(['met', 'missed', 'near']);
  });

  test('a staff list\'s "Name | Status" over "Active" is not a KPI table', () => {
    const { detection } = read([
      ['Name', 'Status'],
      ['Priya Shah', 'Active'],
      ['Tom Evans', 'On leave'],
      ['Ann Moss', 'Active'],
    ]);
    expect(detection.tables).toEqual([]);
  });
});

describe('a tracker of ratings alone, one column per quarter', () => {
  test("each quarter's rating is that quarter's reading, and the empty quarter is not yet rated", () => {
    const { detection, verdicts } = read(RATINGS_ALONE);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:status Q1 2024/25', 'C:status Q2 2024/25', 'D:status Q3 2024/25']);
    expect(verdicts.map((v) => `${v.row} ${v.periodLabel} ${v.status}`)).toEqual([
      '1 Q1 2024/25 met',
      '1 Q2 2024/25 near',
      '1 Q3 2024/25 no-data',
      '2 Q1 2024/25 missed',
      '2 Q2 2024/25 met',
      '2 Q3 2024/25 no-data',
    ]);
    expect(verdicts[1]!.reason).toBe('The sheet\'s own rating is "Amber", with no figure in the table to check it against: a near miss.');
    expect(verdicts[2]!.reason).toContain('the sheet gives no rating for it yet');
    expect(latestPeriodWithData(verdicts)).toBe('Q2 2024/25');
  });

  test("a run writes into the run's own quarter only, and says where a quarter has no column", () => {
    const run = (period: string) =>
      runKpiTracker(buildWorkbook([{ name: 'KPIs', rows: RATINGS_ALONE }]), {
        today: TODAY,
        period,
        now: '2025-01-15T09:00:00Z',
        command: 'recalc',
        steps: { statuses: true, actionPlan: false, committee: false },
      });
    // Q2's ratings are the readings: nothing to change, and Q1's are never touched.
    expect(run('Q2 2024/25').plan.edits.filter((edit) => edit.col !== 2)).toEqual([]);
    const q3 = run('Q3 2024/25');
    expect(new Set(q3.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => edit.col))).toEqual(new Set([3]));
    const q4 = run('Q4 2024/25');
    expect(q4.plan.edits.filter((edit) => edit.purpose === 'status')).toEqual([]);
    expect(q4.plan.notices.map((notice) => notice.message)).toContain(
      'this table rates its indicators period by period and has no column for Q4 2024/25, so no status was written into it.',
    );
  });
});
