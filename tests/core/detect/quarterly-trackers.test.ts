/**
 * The fifth reviewer's grids: quarterly trackers as officers keep them, each misread before these
 * mends (silently, or with a status written over the officer's). The grids are built for the
 * shape alone; their figures are placeholders, not any organisation's.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { DetectedTable } from '../../../src/core/detect/types';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { periodLabel } from '../../../src/core/periods/period';
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';

const roles = (table: DetectedTable): string[] =>
  table.columns.map(
    (column) => `${String.fromCharCode(65 + column.col)}:${column.role}${column.period ? ` ${periodLabel(column.period)}` : ''}`,
  );

describe("the fifth reviewer's grids: quarterly trackers", () => {
  const NOVEMBER = { year: 2024, month: 11, day: 1 };
  const judged = (rows: CellInput[][], merges?: string[]) => {
    const workbook = buildWorkbook([{ name: 'KPIs', rows, ...(merges ? { merges } : {}) }]);
    const detection = detectWorkbook(workbook);
    const verdicts = evaluateWorkbook(workbook, detection, { today: NOVEMBER });
    const run = runKpiTracker(workbook, {
      today: NOVEMBER,
      now: '2024-11-01T09:00:00Z',
      command: 'recalc',
      steps: { statuses: true, actionPlan: false, committee: false },
    });
    return {
      detection,
      verdicts,
      run,
      line: (v: { row: number; periodLabel: string; status: string }) => `${v.row} ${v.periodLabel} ${v.status}`,
    };
  };
  const statusCells = (run: ReturnType<typeof runKpiTracker>) =>
    run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => `${String.fromCharCode(65 + edit.col)}${edit.row + 1}`);

  test("bare quarters beside last year's outturn are the target's year, not the outturn's", () => {
    const { detection, run } = judged([
      ['Indicator', 'Target 2024/25', 'Q1', 'Q2', 'Q3', 'Q4', '2023/24 Outturn', 'Status'],
      [
        '% rent collected',
        { v: 0.97, fmt: '0%' },
        { v: 0.96, fmt: '0.0%' },
        { v: 0.972, fmt: '0.0%' },
        null,
        null,
        { v: 0.965, fmt: '0.0%' },
        'Green',
      ],
      ['Average days to relet', 25, 28, 24, null, null, 27, 'Green'],
    ]);
    expect(roles(detection.tables[0]!).slice(2, 4)).toEqual(['C:actual Q1 2024/25', 'D:actual Q2 2024/25']);
    expect(run.reportPeriod).toBe('Q2 2024/25');
    expect(run.chosen.map((choice) => choice.verdict.status)).toEqual(['met', 'met']);
  });

  test('"2024/25" written once over "Target | Q1 | Q2", its merge lost, dates the quarters as well as the target', () => {
    const { detection, verdicts } = judged([
      ['Indicator', '2023/24', null, '2024/25', null, null, 'RAG'],
      [null, 'Target', 'Outturn', 'Target', 'Q1', 'Q2', null],
      ['Average days to relet', 30, 32, 28, 27, 26, 'Green'],
    ]);
    expect(roles(detection.tables[0]!).slice(3, 6)).toEqual(['D:target 2024/25', 'E:actual Q1 2024/25', 'F:actual Q2 2024/25']);
    expect(verdicts.find((v) => v.periodLabel === 'Q2 2024/25')!.reason).toContain('26 is 2 below the target of 28: met');
  });

  test("one count's year to date never becomes the run's period, and a count taken at a moment is never shared out over the year", () => {
    const { verdicts, run } = judged([
      ['Indicator', 'Target 2024/25', 'Q1 2024/25', 'Q2 2024/25', 'Status'],
      ['Number of households in temporary accommodation', 150, 160, 148, null],
      ['% rent collected', { v: 0.97, fmt: '0%' }, { v: 0.96, fmt: '0.0%' }, { v: 0.972, fmt: '0.0%' }, 'Green'],
    ]);
    expect(run.reportPeriod).toBe('Q2 2024/25');
    expect(run.chosen.map((choice) => choice.verdict.status)).toEqual(['met', 'met']);
    expect(verdicts.find((v) => v.row === 1 && v.periodLabel === 'Q2 2024/25')!.reason).toContain('148 is 2 below the target of 150: met');
    expect(verdicts.some((v) => v.periodLabel.startsWith('YTD'))).toBe(false);
  });

  test("\"Q1 RAG\" after each quarter's figures rates that quarter: the run writes Q2's status beside Q2 and leaves Q1's", () => {
    const { detection, run } = judged([
      ['Indicator', 'Target', 'Q1 2024/25', 'Q1 RAG', 'Q2 2024/25', 'Q2 RAG'],
      [
        '% of council homes meeting Decent Homes Standard',
        { v: 0.95, fmt: '0%' },
        { v: 0.93, fmt: '0%' },
        'Amber',
        { v: 0.955, fmt: '0.0%' },
        null,
      ],
      ['Average days to process new housing benefit claims', 20, 24, 'Red', 19, null],
    ]);
    expect(roles(detection.tables[0]!).slice(3)).toEqual(['D:status Q1 2024/25', 'E:actual Q2 2024/25', 'F:status Q2 2024/25']);
    expect(statusCells(run)).toEqual(['F2', 'F3']);
  });

  test('"Q1" over "Actual | RAG" under a title naming the year: each RAG takes the year with its quarter', () => {
    const { run } = judged(
      [
        ['Scorecard 2024/25'],
        ['Indicator', 'Annual Target', 'Q1', null, 'Q2', null],
        [null, null, 'Actual', 'RAG', 'Actual', 'RAG'],
        ['Days to process HB changes', 8, 9.5, 'Red', 7.8, null],
        ['% FOIs answered in 20 days', { v: 0.9, fmt: '0%' }, { v: 0.85, fmt: '0%' }, 'Red', { v: 0.92, fmt: '0%' }, null],
      ],
      ['C2:D2', 'E2:F2'],
    );
    expect(run.reportPeriod).toBe('Q2 2024/25');
    expect(statusCells(run)).toEqual(['F4', 'F5']);
    expect(run.plan.notices.filter((notice) => notice.kind === 'no-status-column')).toEqual([]);
  });

  test.each([
    ['unmerged', undefined],
    ['merged', ['D1:I1', 'D2:E2', 'F2:G2', 'H2:I2']],
  ])('a header over three rows, "2024/25", then "Q1 | Q2 | Q3", then "Actual | RAG" (%s), reads every RAG', (_, merges) => {
    const { detection, run } = judged(
      [
        ['Ref', 'Indicator', 'Target', '2024/25', null, null, null, null, null],
        [null, null, null, 'Q1', null, 'Q2', null, 'Q3', null],
        [null, null, null, 'Actual', 'RAG', 'Actual', 'RAG', 'Actual', 'RAG'],
        [
          'SP1',
          '% major planning apps determined in time',
          { v: 0.6, fmt: '0%' },
          { v: 0.75, fmt: '0%' },
          'Green',
          { v: 0.58, fmt: '0%' },
          null,
          null,
          null,
        ],
        ['SP2', 'Days to process HB change of circumstances', 8, 9.5, 'Red', 7.8, null, null, null],
      ],
      merges,
    );
    expect(detection.tables[0]!.headerRows).toEqual([0, 1, 2]);
    expect(roles(detection.tables[0]!).slice(3)).toEqual([
      'D:actual Q1 2024/25',
      'E:status Q1 2024/25',
      'F:actual Q2 2024/25',
      'G:status Q2 2024/25',
      'H:actual Q3 2024/25',
      'I:status Q3 2024/25',
    ]);
    expect(statusCells(run)).toEqual(['G4', 'G5']);
  });

  test("each quarter is judged against its own target, not the first quarter's", () => {
    const { verdicts } = judged([
      ['Indicator', 'Q1 Target', 'Q1 Actual', 'Q2 Target', 'Q2 Actual', 'Status'],
      [
        'Council tax collected (cumulative)',
        { v: 0.29, fmt: '0%' },
        { v: 0.292, fmt: '0.0%' },
        { v: 0.57, fmt: '0%' },
        { v: 0.55, fmt: '0.0%' },
        'Amber',
      ],
    ]);
    expect(verdicts.map((v) => `${v.periodLabel} ${v.status} ${v.targetText}`)).toEqual(['Q1 met 29%', 'Q2 near 57%']);
  });

  test('things "cleared within 5 days" against 90% are better higher; the mean time of those done within a time stays better lower', () => {
    const { verdicts } = judged([
      ['Indicator', 'Target', 'Q1 2024/25', 'Q2 2024/25', 'Status'],
      ['Fly-tipping incidents cleared within 5 days', { v: 0.9, fmt: '0%' }, { v: 0.93, fmt: '0%' }, { v: 0.91, fmt: '0%' }, 'Green'],
      ['Mean time for those completed within 20 days', 10, 9.25, 9, null],
    ]);
    expect(verdicts.map((v) => `${v.row} ${v.polarity} ${v.status}`)).toEqual([
      '1 higher met',
      '1 higher met',
      '2 lower met',
      '2 lower met',
    ]);
  });

  test('"Reduce" and "Maintain" are held against the baseline, then each quarter against the one before', () => {
    const { verdicts } = judged([
      ['Ref', 'Indicator', 'Baseline', 'Target 2024/25', 'Q1', 'Q2', 'Status'],
      ['H4', 'Number of households in B&B', 52, 'Reduce', 45, 38, null],
      ['H5', '% of homes with valid EICR', { v: 0.97, fmt: '0%' }, 'Maintain', { v: 0.97, fmt: '0%' }, { v: 0.96, fmt: '0%' }, null],
    ]);
    expect(verdicts.map((v) => `${v.row} ${v.periodLabel} ${v.status}`)).toEqual([
      '1 Q1 2024/25 met',
      '1 Q2 2024/25 met',
      '2 Q1 2024/25 met',
      '2 Q2 2024/25 near',
    ]);
    expect(verdicts[0]!.reason).toContain('the figure to compare with is the baseline ("Baseline"), 52');
    expect(verdicts[1]!.reason).toContain('the figure to compare with is the figure for Q1 2024/25, 45');
  });

  test("last year's outturn with no target is still the figure before: the first quarter's \"Reduce\" is held against it, a count's never", () => {
    const { verdicts } = judged([
      ['Ref', 'Indicator', '2023/24 Outturn', 'Target 2024/25', 'Q1', 'Q2', 'Status'],
      ['H4', 'Households in B&B', 52, 'Reduce', 45, 38, null],
      ['H8', 'Number of empty homes brought back into use', 40, 'Increase', 8, 15, null],
    ]);
    expect(verdicts.filter((v) => v.periodLabel === 'Q1 2024/25').map((v) => `${v.row} ${v.status}`)).toEqual(['1 met', '2 no-data']);
    expect(verdicts.find((v) => v.row === 2 && v.periodLabel === 'Q1 2024/25')!.reason).toContain('no earlier figure');
  });
});

describe('a monthly tracker with a target for the year to date', () => {
  test('"YTD Target" judges the year to date, and the months keep their share of the annual target', () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          ['Indicator', 'Annual Target', 'YTD Target', 'Apr-24', 'May-24', 'Jun-24', 'YTD Actual', 'RAG'],
          ['Number of affordable homes delivered', 200, 45, 12, 15, 20, 47, null],
          [
            '% rent collected',
            { v: 0.98, fmt: '0%' },
            { v: 0.97, fmt: '0%' },
            { v: 0.96, fmt: '0%' },
            { v: 0.97, fmt: '0%' },
            { v: 0.975, fmt: '0.0%' },
            { v: 0.968, fmt: '0.0%' },
            null,
          ],
        ],
      },
    ]);
    const verdicts = evaluateWorkbook(workbook, detectWorkbook(workbook), { today: { year: 2024, month: 7, day: 15 } });
    const yearToDate = verdicts.filter((v) => v.periodLabel === 'YTD 2024/25');
    expect(yearToDate.map((v) => `${v.status} ${v.targetText}`)).toEqual(['met 45', 'near 97%']);
    expect(verdicts.find((v) => v.row === 1 && v.periodLabel === 'Jun 2024')!.reason).toContain('200 a year is 16.67 for Jun 2024');
  });
});

describe('an action tracker rated quarter by quarter', () => {
  test('"Q1 status | Q2 status | Q3 status" over "On track", "Delayed", "At risk" is each quarter\'s rating', () => {
    const workbook = buildWorkbook([
      {
        name: 'Actions',
        rows: [
          ['Ref', 'Action', 'Lead', 'Due date', 'Q1 status', 'Q2 status', 'Q3 status'],
          ['A1', 'Launch new repairs portal', 'ICT Lead', { date: '2024-12-31' }, 'On track', 'Delayed', 'Delayed'],
          ['A2', 'Procure repairs contract', 'Procurement Lead', { date: '2025-06-30' }, 'On track', 'On track', 'At risk'],
        ],
      },
    ]);
    const detection = detectWorkbook(workbook);
    expect(roles(detection.tables[0]!).slice(4)).toEqual(['E:status Q1', 'F:status Q2', 'G:status Q3']);
    const verdicts = evaluateWorkbook(workbook, detection, { today: { year: 2025, month: 1, day: 20 } });
    expect(verdicts.filter((v) => v.periodLabel === 'Q3').map((v) => `${v.ref} ${v.status}`)).toEqual(['A1 missed', 'A2 near']);
  });
});

describe('a table with no targets', () => {
  test('still says which way each figure moved since the period before', () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          ['Indicator', '2022/23', '2023/24'],
          ['Average days to re-let empty homes', 31, 27],
          ['Rent collected as % of rent due', { v: 0.97, fmt: '0.0%' }, { v: 0.965, fmt: '0.0%' }],
        ],
      },
    ]);
    const verdicts = evaluateWorkbook(workbook, detectWorkbook(workbook), { today: { year: 2024, month: 6, day: 1 } });
    const latest = verdicts.filter((v) => v.periodLabel === '2023/24');
    expect(latest.map((v) => `${v.status} ${v.previousActual} ${v.trend}`)).toEqual(['no-target 31 better', 'no-target 97 worse']);
  });
});

/**
 * The sixth reviewer's grids: ordinary tables the rules above first misread (the opposite
 * mistakes), each read as an officer would now. Placeholder figures.
 */
describe("the sixth reviewer's grids: the rules' opposite mistakes", () => {
  const read = (rows: CellInput[][], today = { year: 2024, month: 11, day: 1 }) => {
    const workbook = buildWorkbook([{ name: 'KPIs', rows }]);
    const detection = detectWorkbook(workbook);
    const verdicts = evaluateWorkbook(workbook, detection, { today });
    const run = runKpiTracker(workbook, {
      today,
      now: '2024-11-01T09:00:00Z',
      command: 'recalc',
      steps: { statuses: true, actionPlan: false, committee: false },
    });
    const written = run.plan.edits
      .filter((edit) => edit.purpose === 'status')
      .map((edit) => `${String.fromCharCode(65 + edit.col)}${edit.row + 1}`);
    return { detection, verdicts, run, written };
  };

  test('counts of things done to empty, open or live things still add up over the year', () => {
    const { verdicts } = read([
      ['Indicator', 'Annual Target 2024/25', 'Q1', 'Q2', 'Q3', 'Q4', 'RAG'],
      ['Number of void properties let', 400, 105, 98, null, null, ''],
      ['Number of live chat sessions handled', 2000, 520, 530, null, null, ''],
      ['Number of open days held', 12, 3, 3, null, null, ''],
    ]);
    expect(verdicts.filter((v) => v.periodLabel === 'Q2 2024/25').map((v) => v.reason.split('.')[0])).toEqual([
      '400 a year is 100 for Q2 2024/25',
      '2,000 a year is 500 for Q2 2024/25',
      '12 a year is 3 for Q2 2024/25',
    ]);
  });

  test('a year reported whole, "Q1 … Q4 | 2023/24 Outturn | 2024/25 Target", stays the outturn\'s year', () => {
    const { detection } = read(
      [
        ['Indicator', 'Q1', 'Q2', 'Q3', 'Q4', '2023/24 Outturn', '2024/25 Target', 'RAG'],
        [
          '% rent collected',
          { v: 0.95, fmt: '0%' },
          { v: 0.96, fmt: '0%' },
          { v: 0.97, fmt: '0%' },
          { v: 0.98, fmt: '0%' },
          { v: 0.98, fmt: '0%' },
          { v: 0.99, fmt: '0%' },
          'Green',
        ],
        ['Average days to re-let', 32, 30, 29, 27, 29, 25, 'Amber'],
      ],
      { year: 2024, month: 5, day: 15 },
    );
    expect(roles(detection.tables[0]!).slice(1, 5)).toEqual([
      'B:actual Q1 2023/24',
      'C:actual Q2 2023/24',
      'D:actual Q3 2023/24',
      'E:actual Q4 2023/24',
    ]);
  });

  test('"Current status | Year end status": the run writes the current one, where the engine reads it', () => {
    const { written, verdicts } = read([
      ['Indicator', 'Target', 'Q2 2024/25', 'Current status', 'Year end status'],
      ['% rent collected', { v: 0.97, fmt: '0%' }, { v: 0.95, fmt: '0%' }, 'Green', 'Amber'],
      ['Average days to re-let', 30, 34, 'Green', 'Green'],
    ]);
    expect(written).toEqual(['D2', 'D3']);
    expect(verdicts[0]!.reason).toContain('The sheet itself says "Green"');
  });

  test('an undated "RAG" beside "Q2 RAG | Q1 RAG" is the current quarter\'s, and is written', () => {
    const { written } = read(
      [
        ['Indicator', 'Target', 'Q3 2024/25', 'RAG', 'Direction of travel', 'Q2 RAG', 'Q1 RAG'],
        ['% rent collected', { v: 0.97, fmt: '0%' }, { v: 0.95, fmt: '0%' }, '', '', 'Amber', 'Green'],
        ['Average days to re-let', 30, 34, '', '', 'Green', 'Red'],
      ],
      { year: 2025, month: 2, day: 1 },
    );
    expect(written).toEqual(['D2', 'D3']);
  });

  test('"Q2 2024/25 | Q1 status | Current status": the run writes the current status, never over the first quarter\'s', () => {
    const { written } = read(
      [
        ['Indicator', 'Target', 'Q2 2024/25', 'Q1 status', 'Current status'],
        ['% rent collected', { v: 0.97, fmt: '0%' }, { v: 0.95, fmt: '0%' }, 'Green', ''],
        ['Average days to re-let', 30, 34, 'Red', ''],
      ],
      { year: 2025, month: 2, day: 1 },
    );
    expect(written).toEqual(['E2', 'E3']);
  });

  test('what was not done within a time, a backlog or calls abandoned, stays better lower', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Q2 2024/25', 'RAG'],
      ['Backlog of repairs not completed within 28 days', 50, 60, ''],
      ['Calls abandoned before being answered within 60 seconds', 200, 260, ''],
    ]);
    expect(verdicts.map((v) => `${v.polarity} ${v.status}`)).toEqual(['lower missed', 'lower missed']);
  });

  test("a sheet's only target, for the year to date, still judges the cumulative months", () => {
    const { verdicts } = read(
      [
        ['Indicator', 'YTD Target', 'Apr-24', 'May-24', 'Jun-24', 'Status'],
        ['Number of affordable homes delivered (cumulative)', 45, 10, 25, 45, ''],
      ],
      { year: 2024, month: 7, day: 15 },
    );
    expect(verdicts.find((v) => v.periodLabel === 'Jun 2024')!.status).toBe('met');
  });

  test("a quarter's count is never held against a year's baseline; a share is", () => {
    const { verdicts } = read([
      ['Indicator', 'Baseline 2023/24', 'Target', 'Q1', 'Q2', 'Q3', 'Q4', 'Status'],
      ['Number of fly-tipping incidents', 1200, 'Reduce', 290, 310, null, null, ''],
      ['% rent collected', { v: 0.97, fmt: '0%' }, 'Increase', { v: 0.95, fmt: '0%' }, { v: 0.96, fmt: '0%' }, null, null, ''],
    ]);
    const first = verdicts.filter((v) => v.periodLabel.startsWith('Q1'));
    expect(first.map((v) => v.status)).toEqual(['no-data', 'missed']);
    expect(first[1]!.reason).toContain('the baseline ("Baseline 2023/24"), 97%');
  });

  test('two series side by side are not two times: no direction of travel between them', () => {
    const { verdicts } = read([
      ['Indicator', 'Tenants', 'Leaseholders', 'Comments'],
      ['Satisfaction with repairs', { v: 0.78, fmt: '0%' }, { v: 0.55, fmt: '0%' }, ''],
    ]);
    expect(verdicts.map((v) => v.trend)).toEqual([null, null]);
  });
});
