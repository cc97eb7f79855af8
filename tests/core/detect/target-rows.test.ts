/**
 * Targets written in rows: each indicator has a "Target" row and an "Actual" row under the same
 * month columns, labelled in a column of their own or named as rows under the indicator's heading.
 * Before, the Target row was read as the figures (every verdict "No target", the targets judged as
 * results) or became an indicator named "Target", and nothing said so. These grids are built for
 * the shape alone; the figures in them are placeholders, not any organisation's.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import type { IndicatorVerdict } from '../../../src/core/engine/indicator-verdict';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';
import { referenceVerdicts } from '../engine/reference-evaluator';

const TODAY = { year: 2025, month: 6, day: 1 };

function read(rows: CellInput[][]) {
  const workbook = buildWorkbook([{ name: 'Monthly KPIs', rows }]);
  const detection = detectWorkbook(workbook);
  return { workbook, detection, verdicts: evaluateWorkbook(workbook, detection, { today: TODAY }) };
}

const LABELLED_IN_A_COLUMN: CellInput[][] = [
  ['Indicator', '', 'Apr 2025', 'May 2025', 'Jun 2025'],
  ['Rent collected as % of rent due', 'Target', '95%', '95%', '95%'],
  ['', 'Actual', '94%', '90%', ''],
  ['Average days to relet', 'Target', 30, 30, 30],
  ['', 'Actual', 35, 28, ''],
];

const NAMED_UNDER_A_HEADING: CellInput[][] = [
  ['Measure', 'Apr 2025', 'May 2025', 'Jun 2025'],
  ['Rent collected as % of rent due', '', '', ''],
  ['Target', '95%', '95%', '95%'],
  ['Actual', '94%', '90%', ''],
  ['Average days to relet', '', '', ''],
  ['Plan', 30, 30, 30],
  ['Actual', 35, 28, ''],
];

describe('an indicator with a Target row and an Actual row', () => {
  test('labelled in a column of their own: one indicator each, judged month by month against its Target row', () => {
    const { detection, verdicts } = read(LABELLED_IN_A_COLUMN);
    const table = detection.tables[0]!;
    expect(table.indicators.map((i) => [i.description, i.row + 1, i.targetRow! + 1])).toEqual([
      ['Rent collected as % of rent due', 3, 2],
      ['Average days to relet', 5, 4],
    ]);
    expect(verdicts.map((v) => [v.indicator, v.actualText, v.targetText, v.status])).toEqual([
      ['Rent collected as % of rent due', '94%', '95%', 'near'],
      ['Rent collected as % of rent due', '90%', '95%', 'missed'],
      ['Average days to relet', '35', '30', 'missed'],
      ['Average days to relet', '28', '30', 'met'],
    ]);
    // The status and colour go on the Actual row, where the figure is.
    expect(verdicts[0]!.actualCell).toBe('C3');
    expect(table.doubts.map((d) => d.code)).not.toContain('no-target-column');
    // Never silent: the officer is told where the targets were read from.
    expect(table.doubts.find((d) => d.code === 'targets-in-rows')?.message).toBe(
      "Each indicator's targets are read from its Target row, period by period, and its figures from the row beside it (2 indicators): check them before you run.",
    );
  });

  test('named as rows under the indicator\'s heading ("Target", "Plan", "Actual"): the heading names the indicator', () => {
    const { detection, verdicts } = read(NAMED_UNDER_A_HEADING);
    const table = detection.tables[0]!;
    expect(table.indicators.map((i) => [i.description, i.row + 1, i.targetRow! + 1])).toEqual([
      ['Rent collected as % of rent due', 4, 3],
      ['Average days to relet', 7, 6],
    ]);
    expect(verdicts.map((v) => v.status)).toEqual(['near', 'missed', 'missed', 'met']);
  });

  test('the targets of a month with no figure yet are not judged: the run reports No data for it, not a miss', () => {
    const { verdicts } = read(LABELLED_IN_A_COLUMN.map((row, r) => (r === 2 ? ['', 'Actual', '', '', ''] : row)));
    const rent = verdicts.filter((v) => v.indicator.startsWith('Rent'));
    expect(rent.map((v) => v.status)).toEqual(['no-data', 'no-data']);
  });

  test("an indicator without a Target row beside the paired ones is named in a doubt, not judged against its neighbour's", () => {
    const { detection, verdicts } = read([...LABELLED_IN_A_COLUMN, ['Complaints received', '', 12, 9, '']]);
    const table = detection.tables[0]!;
    expect(table.doubts.find((d) => d.code === 'no-target-column')?.message).toBe(
      "Targets are read from each indicator's Target row, but 1 indicator has no Target row beside its figures.",
    );
    expect(verdicts.filter((v) => v.indicator === 'Complaints received').map((v) => v.status)).toEqual(['no-target', 'no-target']);
  });

  test('the fast evaluator and the plain reference evaluator agree on both layouts, and beside an "Annual target" column', () => {
    const besideAnnualTarget: CellInput[][] = [
      ['Indicator', '', 'Annual target', 'Q1', 'Q2', 'Q3', 'Q4'],
      ['Affordable homes delivered', 'Target', 200, 40, 90, 140, 200],
      ['', 'Actual', '', 35, 95, 150, ''],
    ];
    for (const rows of [LABELLED_IN_A_COLUMN, NAMED_UNDER_A_HEADING, besideAnnualTarget]) {
      const { workbook, detection, verdicts } = read(rows);
      const fields = (v: IndicatorVerdict) => [v.row, v.actualCell, v.actualText, v.targetText, v.status, v.reason, v.variance, v.trend];
      expect(verdicts.map(fields)).toEqual(referenceVerdicts(workbook, detection, { today: TODAY }).map(fields));
    }
  });
});

describe('tables that only look like it stay as they were', () => {
  test('beside a target column, a row labelled "Target" over a row of another name is no pair: the column sets the targets', () => {
    const { detection, verdicts } = read([
      ['Indicator', '', 'Target', 'Apr 2025', 'May 2025'],
      ['Response times', 'Target', '95%', '96%', '97%'],
      ['', 'Urgent', '', '', ''],
      ['Gas safety certificates', '', '100%', '100%', '99%'],
    ]);
    expect(detection.tables[0]!.indicators.map((i) => i.targetRow)).toEqual([undefined, undefined]);
    expect(verdicts.map((v) => v.targetText)).toEqual(['95%', '95%', '100%', '100%']);
  });

  test('indicators named "Performance" and "Target" under different headings are not paired across them', () => {
    const { detection } = read([
      ['Measure', 'Apr 2025', 'May 2025'],
      ['Finance', '', ''],
      ['Budget target', '95%', '95%'],
      ['Housing', '', ''],
      ['Performance', '94%', '90%'],
    ]);
    expect(detection.tables[0]!.indicators.every((i) => i.targetRow === undefined)).toBe(true);
  });
});
