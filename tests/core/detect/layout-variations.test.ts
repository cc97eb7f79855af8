/**
 * The same published table laid out the ways officers' workbooks vary: a narrow empty spacer
 * column between names and figures, a blank line under the header or the title, figures typed as
 * text, a comments column added at the end, a unit after each heading, another word for a target.
 * Each table here is a real one (wording and figures as published, sources beside each) with
 * that one change made: it must read as it does without it. Two tables standing side by side,
 * each with names of its own, must still read as two.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { DetectedTable } from '../../../src/core/detect/types';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';
import { periodLabel } from '../../../src/core/periods/period';

const TODAY = { year: 2026, month: 12, day: 6 };

function read(rows: CellInput[][]) {
  const workbook = buildWorkbook([{ name: 'Performance', rows }]);
  const detection = detectWorkbook(workbook);
  return { detection, verdicts: evaluateWorkbook(workbook, detection, { today: TODAY }) };
}

const roles = (table: DetectedTable): string[] => table.columns.map((column) => `${String.fromCharCode(65 + column.col)}:${column.role}`);
const pct = (v: number): CellInput => ({ v, fmt: '0.0%' });

// Lewisham and Greenwich NHS Trust, "How the Trust is performing", performance against key targets (April 2018).
const lewisham: CellInput[][] = [
  ['Performance against key targets'],
  ['National standard', null, 'Dec 17', 'Jan 18', 'Feb 18', 'Mar 18', 'Apr 18'],
  ['A&E: Trust overall', null, pct(0.86), pct(0.833), pct(0.856), pct(0.837), pct(0.876)],
  ['A&E: UHL', null, pct(0.869), pct(0.867), pct(0.892), pct(0.871), pct(0.903)],
  ['18-week referral', null, pct(0.8864), pct(0.889), pct(0.887), pct(0.881), pct(0.882)],
  ['Cases of MRSA', null, 0, 0, 0, 0, 0],
];

describe('a spacer column inside a table', () => {
  test('months across with an empty column before them are still read, one figure a month', () => {
    const { detection } = read(lewisham);
    expect(detection.tables).toHaveLength(1);
    const table = detection.tables[0]!;
    expect(roles(table)).toEqual(['A:description', 'C:actual', 'D:actual', 'E:actual', 'F:actual', 'G:actual']);
    expect(table.indicators.map((indicator) => indicator.description)).toEqual([
      'A&E: Trust overall',
      'A&E: UHL',
      '18-week referral',
      'Cases of MRSA',
    ]);
    expect(detection.doubts.map((doubt) => doubt.code)).not.toContain('grid-not-read');
  });

  test('an unheaded column of numbers across a spacer is still the reference column', () => {
    // Northumberland County Council, "NCC Current Performance Report at 18 May 2024 for Transactional Services".
    const { detection, verdicts } = read([
      ['NCC Current Performance Report at 18 May 2024 for'],
      ['Transactional Services'],
      [null, null, 'Measure', 'Unit', '2023/24 Performance', 'Current Target', 'Current Performance', 'Performance'],
      [1, null, 'Percentage of Council Tax collected in-year to date', 'Percentage', 96.7, 96.6, 96.7, 'Green'],
      [2, null, 'Percentage of National Non Domestic Rates collected in-year', 'Percentage', 96.4, 96.4, 96.4, 'Green'],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(roles(detection.tables[0]!).slice(0, 2)).toEqual(['A:reference', 'C:description']);
    expect(detection.tables[0]!.indicators.map((indicator) => indicator.ref)).toEqual(['1', '2']);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met', 'met']);
  });

  test('a "Target:" cell across a spacer from its "name: figure" cell is still its target', () => {
    // Network Homes, "Our performance", quarter two 2024/25.
    const { detection, verdicts } = read([
      ["Here's our results for quarter two, 2024/25 which is July to September 2024:"],
      ['Customer satisfaction (LCRA)*: 58.5%', null, 'Target: 70%'],
      ['Complaints responded to on time**: 92%', null, 'Target: 95%'],
      ["Residents' trust in us: 58.1%", null, 'Target: 60%'],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(roles(detection.tables[0]!)).toEqual(['A:actual', 'C:target']);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['missed', 'near', 'near']);
  });

  test('two tables side by side, each with its own title and an unheaded column of measures, are both read (Manchester City Council benefits 2023/24, Lewisham and Greenwich NHS Trust)', () => {
    const { detection } = read([
      ['How the Benefits service is performing in 2023/24:', null, null, null, null, 'Performance against key targets'],
      [null, 'Target for the year', 'April to June 2023', 'July to September 2023', null, 'National standard', 'Mar 18', 'Apr 18'],
      ['Days to process new claims', 'less than 20 days', 20.6, 18.4, null, 'A&E: Trust overall', pct(0.837), pct(0.876)],
      ['Days to process changes', 'less than 9 days', 6.8, 8, null, '18-week referral', pct(0.881), pct(0.882)],
    ]);
    expect(detection.tables.map((table) => table.indicators.map((indicator) => indicator.description))).toEqual([
      ['Days to process new claims', 'Days to process changes'],
      ['A&E: Trust overall', '18-week referral'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual', 'D:actual']);
  });

  test('two tables side by side with an empty column between, each naming its own measures, stay two tables', () => {
    const { detection } = read([
      ['National standard', 'Mar 18', 'Apr 18', null, 'National standard', 'Mar 18', 'Apr 18'],
      ['A&E: Trust overall', pct(0.837), pct(0.876), null, 'A&E: UHL', pct(0.871), pct(0.903)],
      ['18-week referral', pct(0.881), pct(0.882), null, 'Cases of MRSA', 0, 0],
    ]);
    expect(detection.tables).toHaveLength(2);
    expect(detection.tables.map((table) => table.indicators.map((indicator) => indicator.description))).toEqual([
      ['A&E: Trust overall', '18-week referral'],
      ['A&E: UHL', 'Cases of MRSA'],
    ]);
    expect(detection.tables.map(roles)).toEqual([
      ['A:description', 'B:actual', 'C:actual'],
      ['E:description', 'F:actual', 'G:actual'],
    ]);
    // Each table's headings are its own: the other's are not "not recognised".
    expect(detection.tables.flatMap((table) => table.doubts).map((doubt) => doubt.code)).not.toContain('column-not-recognised');
  });
});

describe('a blank line under the header or the title', () => {
  test('a table of financial measures with a blank line under its row of years is still read (Southern Housing, key financial indicators 2023/24)', () => {
    const money = (v: number): CellInput => ({ v, fmt: '"£"#,##0.0' });
    const { detection } = read([
      ['Key Financial Indicators'],
      ['Please see below our key financial indicators and value for money metrics:'],
      [null, '2023/24', '2022/23', '2021/22'],
      [],
      ['Number of homes', 79820, 78760, 77178],
      ['Turnover', money(609), money(642.3), money(592.4)],
      ['Turnover from Social Housing', money(401.4), money(481.1), money(448.8)],
      ['Operating Surplus', money(108), money(136), money(165)],
      ['Lender Interest Cover', { v: 1.9, fmt: '0%' }, { v: 2.03, fmt: '0%' }, { v: 2.04, fmt: '0%' }],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.indicators.map((indicator) => indicator.description)).toEqual([
      'Number of homes',
      'Turnover',
      'Turnover from Social Housing',
      'Operating Surplus',
      'Lender Interest Cover',
    ]);
  });

  test('"name: figure" cells with a blank line under their title are still read, dated by it (Network Homes, quarter two 2024/25)', () => {
    const { detection } = read([
      ["Here's our results for quarter two, 2024/25 which is July to September 2024:"],
      [],
      ['Customer satisfaction (LCRA)*: 58.5%', 'Target: 70%'],
      ['Complaints responded to on time**: 92%', 'Target: 95%'],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.columns[0]!.period).toEqual({ kind: 'quarter', quarter: 2, fy: 2024 });
  });
});

describe('figures typed as text', () => {
  test('small tables stacked with no blank line between still split where figures typed as text end (Calderdale and Huddersfield NHS FT, gender pay gap 2023/24)', () => {
    const { detection } = read([
      ['Difference between Men and Women', 'Mean', 'Median'],
      [null, '(Average)', '(Middle)'],
      ['Gender Pay Gap', '27.6%', '18.9%'],
      ['Gender Bonus Pay', '50.7%', '95.1%'],
      ['Proportion of staff receiving a bonus', 'Female', 'Male'],
      ['Received a bonus', '3.2%', '11.8%'],
      ['No bonus received', '96.8%', '88.2%'],
    ]);
    expect(detection.tables.map((table) => table.indicators.map((indicator) => indicator.description))).toEqual([
      ['Gender Pay Gap', 'Gender Bonus Pay'],
      ['Received a bonus', 'No bonus received'],
    ]);
  });
});

describe('a comments column added at the end', () => {
  const comment = 'Performance is being monitored by the service manager.';

  test('a comment in a body row is never read as the header of a new table (South Tyneside Homes, tenancy standard 2019/20)', () => {
    const { detection } = read([
      ['Our annual performance for the 2019/20 financial year can be viewed below.'],
      ['Service Area', 'Standard', 'Standard achieved?', 'Comments'],
      ['Area Teams', 'We will carry out a Tenancy Support Visit within one month of your tenancy starting', 'No', comment],
      ['Area Teams', 'We will carry out a Tenancy Support Visit 8 months after the start of your tenancy', 'No', comment],
      [
        'Empty Homes',
        'We will complete a Lettable Standards checklist during your viewing and provide you with a signed copy',
        'Yes',
        comment,
      ],
      ['Income', 'We will contact you if you fall into arrears', 'Yes', comment],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.indicators.map((indicator) => indicator.row + 1)).toEqual([3, 4, 5, 6]);
  });

  test('"Comments" past the last label of a two-row header stands over its own column (Regulator of Social Housing, pay quartiles; Ombudsman, charter)', () => {
    const quartiles = read([
      [null, '31 March 2020', null, '31 March 2019', null, 'Comments'],
      ['Pay quartile', 'Female %', 'Male %', 'Female %', 'Male %'],
      ['Top quartile', pct(0.55), pct(0.45), pct(0.47), pct(0.53), comment],
      ['Upper middle quartile', pct(0.6), pct(0.4), pct(0.6), pct(0.4), comment],
    ]);
    expect(quartiles.detection.tables).toHaveLength(1);
    expect(roles(quartiles.detection.tables[0]!)).toContain('F:commentary');
    const charter = read([
      [null, '2017-18 Quarter 4', null, 'Change from Quarter 3', null, 'Comments'],
      [null, 'Casework process assurance', 'Complainant feedback', 'Casework process assurance', 'Complainant feedback'],
      ['1. We will explain our role and what we can and cannot do', pct(0.97), pct(0.8), '-3%', '+2%', comment],
      ['2. We will explain how we handle complaints and what information we need from you', pct(0.97), pct(0.8), '-3%', '-1%', comment],
    ]);
    expect(charter.detection.tables).toHaveLength(1);
    expect(roles(charter.detection.tables[0]!)).toEqual(['A:description', 'B:actual', 'C:actual', 'D:trend', 'E:trend', 'F:commentary']);
  });
});

describe('headings worded another way', () => {
  test('a unit after each heading ("Dec 17 (%)") leaves the months as months', () => {
    const withUnits = lewisham.map((row, i) =>
      i === 1 ? row.map((cell, c) => (c >= 2 && typeof cell === 'string' ? `${cell} (%)` : cell)) : row,
    );
    const { detection } = read(withUnits);
    const months = detection.tables[0]!.columns.filter((column) => column.role === 'actual');
    expect(months.map((column) => column.period?.kind)).toEqual(['month', 'month', 'month', 'month', 'month']);
  });

  test('"2015/16 (%)" over "Value" and "2016/17 (%)" over "Target" keep their years (Fife Council, responsiveness to communities)', () => {
    const { detection } = read([
      ['Performance', '2014/15 (%)', '2015/16 (%)', '2016/17 (%)', '2016/17 (%)'],
      [null, 'Value', 'Value', 'Value', 'Target'],
      [
        'Percentage of users satisfied with the overall quality of FifeDirect (SOCITM/Neilson user survey)',
        pct(0.691),
        pct(0.677),
        pct(0.65),
        pct(0.8),
      ],
      [
        "Percentage of Solace/LGBF benchmarked indicators in the top half of all councils' performance",
        pct(0.463),
        52.55,
        'Due Mar 2018',
        pct(0.5),
      ],
    ]);
    const dated = detection.tables[0]!.columns.filter((c) => c.period).map((c) => `${c.role} ${periodLabel(c.period!)}`);
    expect(dated).toEqual(['actual 2014/15', 'actual 2015/16', 'actual 2016/17', 'target 2016/17']);
  });

  test('"Annual goal" and "Result (%)" are the target and the result (Cheshire West and Chester, housing KPIs quarter 1)', () => {
    const { detection, verdicts } = read([
      ['Quarter 1 Status and narrative', 'KPI ref and description', 'Annual goal', 'Tolerance', 'Quarter 1 Result (%)'],
      ['Tick', 'PMF-01: Current rent collected as a % of rent owed (excl void rent loss)', pct(1), pct(0.02), pct(1.0114)],
      [
        'Tick',
        'PMF-02: Rent arrears of current & former tenants as % of annual rent owed (excl void loss)',
        pct(0.075),
        pct(0.01),
        pct(0.0556),
      ],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(expect.arrayContaining(['C:target', 'E:actual']));
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met', 'met']);
  });
});

// East Lothian Housing Association, "Performance 365", February 2023: a list of figures under
// each outcome's heading, with no header row. An officer's comments column added beside it.
describe('a list of figures with a comment beside each', () => {
  test('"Percentage of new tenants with a disability | 25% | …" with a comment after the figure, and "Comments" over them, is still the list', () => {
    const { detection } = read([
      ['Performance 365'],
      ['February 2023'],
      [],
      ['Ethnic breakdown of new tenants', null, 'Comments'],
      ['Percentage of new tenants with a disability', pct(0.25), 'Performance is being monitored by the service manager.'],
      ['Medical adaptations completed', 0, 'Performance is being monitored by the service manager.'],
      ['Medical transfers', 2, null],
    ]);
    expect(detection.tables.map(roles)).toEqual([['A:description', 'B:actual', 'C:commentary']]);
    expect(periodLabel(detection.tables[0]!.columns[1]!.period!)).toBe('Feb 2023');
  });
});
