/**
 * Layouts officers keep that were misread before, found by reviewers running ordinary grids: each
 * grid is built for the shape alone; its figures are placeholders, not any organisation's.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { DetectedTable } from '../../../src/core/detect/types';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { classifyHeader } from '../../../src/core/detect/header-lexicon';
import { readStatusWord } from '../../../src/core/engine/status-words';
import { latestPeriodWithData } from '../../../src/core/plan/recalc-plan';
import { columnLetter } from '../../../src/core/model/address';
import { parseTargetText } from '../../../src/core/engine/parse-target';
import { decidePolarity } from '../../../src/core/engine/polarity';
import { periodLabel } from '../../../src/core/periods/period';
import { planValueText } from '../../../src/core/plan/plan-types';
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';

const TODAY = { year: 2025, month: 1, day: 15 };

const pct = (v: number): CellInput => ({ v, fmt: '0%' });

function recalc(rows: CellInput[][], period?: string) {
  return runKpiTracker(buildWorkbook([{ name: 'KPIs', rows }]), {
    today: TODAY,
    ...(period ? { period } : {}),
    now: '2025-01-15T09:00:00Z',
    command: 'recalc',
    steps: { statuses: true, actionPlan: false, committee: false },
  });
}

const statusEdits = (run: ReturnType<typeof recalc>): string[] =>
  run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => `${String.fromCharCode(65 + edit.col)}${edit.row + 1}`);

function read(rows: CellInput[][]) {
  const workbook = buildWorkbook([{ name: 'KPIs', rows }]);
  const detection = detectWorkbook(workbook);
  return { detection, verdicts: evaluateWorkbook(workbook, detection, { today: TODAY }) };
}

/** The verdict of one measure alone under "Indicator | Target | Actual", for which way is better. */
function polarityRead(description: string) {
  return read([
    ['Indicator', 'Target', 'Actual'],
    [description, 10, 12],
  ]).verdicts[0]!;
}

const roles = (table: DetectedTable): string[] =>
  table.columns.map(
    (column) => `${String.fromCharCode(65 + column.col)}:${column.role}${column.period ? ` ${periodLabel(column.period)}` : ''}`,
  );

describe('a column of the periods the figures are for', () => {
  test('"Latest period" over "Q2 2024/25" and "Sep 2024" dates the figures; it is never a figure that cannot be read', () => {
    const { detection, verdicts } = read([
      ['Indicator', 'Latest period', 'Target', 'Actual', 'RAG'],
      ['Rent collected as % of rent due', 'Q2 2024/25', { v: 0.98, fmt: '0%' }, { v: 0.975, fmt: '0.0%' }, 'Amber'],
      ['Average days to re-let empty homes', 'Sep 2024', 30, 28, 'Green'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:reportingPeriod', 'C:target', 'D:actual', 'E:status']);
    expect(verdicts.map((v) => v.status)).toEqual(['near', 'met']);
  });

  test('"Latest" over figures is still the latest figure', () => {
    const { detection } = read([
      ['Indicator', 'Target', 'Latest', 'RAG'],
      ['Rent collected as % of rent due', { v: 0.98, fmt: '0%' }, { v: 0.975, fmt: '0.0%' }, 'Amber'],
      ['Average days to re-let empty homes', 30, 28, 'Green'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual', 'D:status']);
  });
});

describe('an action tracker with no reference column', () => {
  test('"Action | Lead | Due date | Status | Update" is found, each action read by its status', () => {
    const { detection, verdicts } = read([
      ['Climate Emergency Action Plan - progress January 2025'],
      ['Action', 'Lead', 'Due date', 'Status', 'Update'],
      ['Install solar PV on the civic centre', 'Estates Manager', '31/03/2025', 'On track', 'Contractor appointed'],
      ['Replace fleet vans with electric vehicles', 'Fleet Manager', '31/12/2024', 'Delayed', 'Supply issues; 6 of 12 delivered'],
      ['Plant 5,000 trees', 'Parks Manager', '31/03/2025', 'Complete', '5,240 planted'],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:owner', 'C:due', 'D:status Jan 2025', 'E:commentary']);
    expect(verdicts.map((v) => v.status)).toEqual(['met', 'missed', 'met']);
  });
});

describe('a rating someone typed, beside figures that judge nothing', () => {
  test("last quarter's table kept under this quarter's is left as it is, its A and G untouched, and the run says so", () => {
    const run = recalc([
      ['Quarter 3 2024/25'],
      ['Indicator', 'Target', 'Actual', 'RAG'],
      ['Rent collected', pct(0.98), { v: 0.983, fmt: '0.0%' }, null],
      ['Average relet days', 28, 31, null],
      [],
      ['Quarter 2 2024/25'],
      ['Indicator', 'Target', 'Actual', 'RAG'],
      ['Rent collected', pct(0.98), { v: 0.976, fmt: '0.0%' }, 'A'],
      ['Average relet days', 28, 26, 'G'],
    ]);
    expect(statusEdits(run)).toEqual(['D3', 'D4']);
    expect(run.plan.notices.filter((notice) => notice.kind === 'officer-words-kept')).toEqual([]);
    expect(run.plan.notices.filter((notice) => notice.kind === 'other-period-left-alone').map((notice) => notice.cell)).toEqual(['A7:D9']);
  });

  test("last quarter's tab beside this quarter's is not marked No data by this quarter's run (the seventeenth reviewer: Maidstone, homelessness duties, Q1 and Q2 2021/22)", () => {
    const tab = (name: string, prevention: number, relief: number) => ({
      name,
      rows: [
        ['Performance Indicator', 'Value', 'Target', 'Status'],
        ['Percentage of successful Prevention Duty outcomes', { v: prevention, fmt: '0.00%' }, pct(0.6), ''],
        ['Percentage of successful Relief Duty outcomes', { v: relief, fmt: '0.00%' }, pct(0.6), ''],
      ] as CellInput[][],
    });
    const run = runKpiTracker(buildWorkbook([tab('Q1 2021-22', 0.7576, 0.3804), tab('Q2 2021-22', 0.7889, 0.5616)]), {
      today: TODAY,
      now: '2025-01-15T09:00:00Z',
      command: 'recalc',
      steps: { statuses: true, actionPlan: false, committee: false },
    });
    const written = run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => `${edit.sheet}!${planValueText(edit.value)}`);
    expect(written).toEqual(['Q2 2021-22!Met', 'Q2 2021-22!Not met']);
  });

  test('"See commentary" against £2.4m leaves the officer\'s A, and says so', () => {
    const run = recalc([
      ['Q3 2024/25 Corporate Scorecard'],
      ['Ref', 'Indicator', 'Target', 'Q3', 'RAG'],
      ['C1', 'Delivery of the Medium Term Financial Strategy savings', '£2.4m', 'See commentary', 'A'],
      ['C5', 'Council meetings webcast', 'All', pct(1), null],
    ]);
    expect(statusEdits(run)).toEqual(['E4']);
    expect(run.plan.notices.find((notice) => notice.cell === 'E3')!.message).toBe(
      'E3 says "A", typed in the sheet; the figures for Q3 2024/25 (See commentary against £2.4m) give Can\'t read, which says nothing against it, so it was kept.',
    );
  });

  test('a target of "All" is all of them: 100% meets it', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      ['Council meetings webcast', 'All', pct(1)],
      ['Freedom of information requests answered in 20 days', 'All', { v: 0.93, fmt: '0%' }],
    ]);
    expect(verdicts.map((v) => v.status)).toEqual(['met', 'missed']);
  });
});

describe("which way is better, where only the sheet's own rating says", () => {
  test('"Stage 2 complaints as a share of all complaints" at 8% against 10%, rated G, is better lower; the G is not overwritten', () => {
    const rows: CellInput[][] = [
      ['KPI', 'Description', 'Target', 'Actual', 'RAG'],
      ['KPI 03', 'Customer satisfaction (post-contact survey)', pct(0.85), pct(0.88), 'G'],
      ['KPI 05', 'Stage 2 complaints as a share of all complaints', pct(0.1), pct(0.08), 'G'],
    ];
    const { verdicts } = read(rows);
    expect(verdicts[1]).toMatchObject({ polarity: 'lower', polarityAssumed: false, status: 'met' });
    expect(verdicts[1]!.reason).toContain('Lower is better (the sheet rates 8% against 10% "G")');
    // The G stays G (only its colour is filled in).
    const written = recalc(rows).plan.edits.filter((edit) => edit.purpose === 'status');
    expect(written.map((edit) => planValueText(edit.value))).toEqual(['G', 'G']);
  });

  test('a near miss says nothing of which way, so the assumption stays and is said', () => {
    const { verdicts } = read([
      ['KPI', 'Description', 'Target', 'Actual', 'RAG'],
      ['KPI 07', 'Enquiries logged', 500, 480, 'A'],
    ]);
    expect(verdicts[0]).toMatchObject({ polarity: 'higher', polarityAssumed: true });
  });
});

describe('an amber threshold, and a status for each of the month and the year to date', () => {
  test('"Target (Green) | Amber threshold | Actual": a miss down to the threshold is a near one, and the threshold is never a figure', () => {
    const { detection, verdicts } = read([
      ['Q3 2024/25 Performance Report'],
      ['Indicator', 'Target (Green)', 'Amber threshold', 'Actual', 'RAG'],
      ['Percentage of calls answered within 2 minutes', pct(0.85), pct(0.75), pct(0.79), null],
      ['Average time to answer (seconds)', 60, 90, 85, null],
      ['Percentage of emails responded to within 5 working days', pct(0.95), pct(0.9), pct(0.88), null],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:tolerance', 'D:actual Q3 2024/25', 'E:status']);
    expect(verdicts.map((v) => v.status)).toEqual(['near', 'near', 'missed']);
    expect(verdicts[0]!.reason).toContain('inside the 11.8% (10 points) tolerance');
  });

  test('"Dec-24 | Month RAG | YTD | YTD RAG": the month\'s status goes in Month RAG, the year to date\'s in YTD RAG', () => {
    const run = recalc([
      ['Resources Directorate Dashboard - December 2024'],
      ['Indicator', 'Target', 'Dec-24', 'Month RAG', 'YTD', 'YTD RAG'],
      ['Invoices paid within 30 days', pct(0.95), pct(0.97), null, { v: 0.935, fmt: '0.0%' }, null],
    ]);
    expect(statusEdits(run)).toEqual(['D3']);
    // The year to date's column is left as it is, and said.
    expect(run.plan.notices.map((notice) => notice.message)).toContain(
      'column F rates the year to date, and this run is about Dec 2024, so no status was written into it.',
    );
  });

  test('a numeric "Quartile" beside the figures is where they stand, never a figure', () => {
    const { detection } = read([
      ['Annual Performance Report 2023/24 - Housing'],
      ['Indicator', '2022/23', '2023/24', 'Target 2023/24', 'Quartile', 'National average'],
      ['Average re-let time (calendar days)', 41, 38, 30, 3, 35],
      ['Current tenant arrears as % of annual rent debit', { v: 0.031, fmt: '0.0%' }, { v: 0.029, fmt: '0.0%' }, pct(0.025), 2, pct(0.033)],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:actual 2022/23',
      'C:actual 2023/24',
      'D:target 2023/24',
      'E:rank',
      'F:benchmark',
    ]);
  });
});

describe('which way is better, from what the measure counts', () => {
  test.each([
    ['Average relet days', 'lower'],
    ['Children killed or seriously injured in road traffic accidents', 'lower'],
    ['Smoking prevalence in adults', 'lower'],
    ['Number of people sleeping rough', 'lower'],
    ['Rough sleepers counted on a single night', 'lower'],
    ['Long-term empty homes', 'lower'],
    ['Empty homes brought back into use', 'higher'],
    ['Staff turnover', 'lower'],
    ['Maladministration findings', 'lower'],
    ['Repeat victims of domestic abuse', 'lower'],
    ['ASB cases resolved', 'higher'],
    ['Voids let within target time', 'higher'],
    ['% of tenants in arrears with an agreed payment plan', 'higher'],
    ['Rent loss recovered', 'higher'],
    ['Repairs not completed within 28 days', 'lower'],
    ['The percentage of relevant land and highways that is assessed as having acceptable levels of litter', 'higher'],
    ['To place 1.7 million unemployed people into work', 'higher'],
  ])('"%s" is better %s', (description, polarity) => {
    expect(polarityRead(description).polarity).toBe(polarity);
  });
});

describe('what a column says, read from its words and its place', () => {
  test('"Notes" over "Lower is better" says which way is better for each row', () => {
    const { detection, verdicts } = read([
      ['Landlord Performance 2024/25'],
      ['Measure', '2024/25', 'Target', 'Notes', 'Achieved?'],
      ['Average days to complete damp and mould works', 41, 35, 'Lower is better', null],
      ['Repeat repairs within 30 days', { v: 0.062, fmt: '0.0%' }, pct(0.05), 'Lower is better', null],
      ['Tenancy fraud cases identified', 14, 10, 'Higher is better', null],
    ]);
    expect(roles(detection.tables[0]!)[3]).toBe('D:polarity');
    expect(verdicts.map((v) => `${v.polarity} ${v.status}`)).toEqual(['lower missed', 'lower missed', 'higher met']);
  });

  test('a bare "Direction" after the figures and the previous quarter is their direction of travel, not which way is better', () => {
    const { detection, verdicts } = read([
      ['Quarter 3 2024/25 Performance'],
      ['Indicator', 'Target', 'Current performance', 'Previous quarter', 'Direction', 'Status'],
      ['Households in fuel poverty', pct(0.12), { v: 0.131, fmt: '0.0%' }, { v: 0.135, fmt: '0.0%' }, '↑', null],
    ]);
    expect(roles(detection.tables[0]!)[4]).toBe('E:trend');
    expect(verdicts[0]).toMatchObject({ polarity: 'lower', status: 'missed' });
  });

  test.each(['Did we meet our target?', 'On track?'])('"%s" over Yes and No is the status column, never the target', (heading) => {
    const { detection } = read([
      ['How we performed', 'Our target 24/25', 'What we achieved 24/25', heading],
      ['Rent collected', pct(0.99), { v: 0.993, fmt: '0.0%' }, 'Yes'],
      ['Average days to re-let a home', '25 days', '31 days', 'No'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target 2024/25', 'C:actual 2024/25', 'D:status']);
  });

  test('a count with a target of nought is better lower; days ahead or behind a timetable are not', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      ['Number of Housing Ombudsman determinations of maladministration', 0, 2],
      ['Number of serious injuries to staff', 0, 1],
      ['Number of days ahead / behind project timetable', 0, 5],
    ]);
    expect(verdicts.map((v) => `${v.polarity}${v.polarityAssumed ? ' (assumed)' : ''} ${v.status}`)).toEqual([
      'lower missed',
      'lower missed',
      'higher (assumed) met',
    ]);
  });
});

describe('month-end dates heading a monthly report', () => {
  const date = (iso: string): CellInput => ({ date: iso, fmt: 'dd/mm/yyyy' });
  test.each([2, 4])('%i columns headed "30/09/2024 | 31/10/2024 …" are those months', (count) => {
    const ends = ['2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31'].slice(4 - count);
    const { detection, verdicts } = read([
      ['Customer Services Performance'],
      ['Indicator', 'Target', ...ends.map(date), 'RAG'],
      ['Calls answered', pct(0.9), ...ends.map((_, i) => pct(0.92 - i * 0.02)), null],
      ['Webchat abandonment rate', pct(0.1), ...ends.map((_, i) => pct(0.08 + i * 0.02)), null],
    ]);
    expect(detection.tables).toHaveLength(1);
    const months = ['Sep 2024', 'Oct 2024', 'Nov 2024', 'Dec 2024'].slice(4 - count);
    expect(detection.tables[0]!.columns.filter((column) => column.role === 'actual').map((column) => periodLabel(column.period!))).toEqual(
      months,
    );
    expect(new Set(verdicts.map((v) => v.periodLabel))).toEqual(new Set(months));
  });
});

describe('words the ninth reviewer found unread', () => {
  test('"2024/25 YTD (Q3)" is the year to date, not the whole year', () => {
    const { detection } = read([
      ['Indicator', '2023/24', '2024/25 YTD (Q3)', 'Target 2024/25', 'RAG'],
      ['Rent collected', { v: 0.992, fmt: '0.0%' }, { v: 0.981, fmt: '0.0%' }, pct(0.99), null],
    ]);
    expect(roles(detection.tables[0]!)[2]).toBe('C:actual YTD 2024/25');
  });

  test.each(['Data due Q4', 'Survey in Q4', 'Results expected March 2025'])(
    'an actual reading "%s" is No data, not Can\'t read',
    (text) => {
      const { verdicts } = read([
        ['Indicator', 'Target', 'Actual'],
        ["Residents' survey satisfaction with the council", pct(0.6), text],
      ]);
      expect(verdicts[0]!.status).toBe('no-data');
    },
  );

  test.each([
    ['✔', 'met'],
    ['✖', 'missed'],
    ['Slightly off target', 'near'],
  ])('"%s" in a status column is %s', (word, status) => {
    expect(readStatusWord(word)).toBe(status);
  });

  test('"Upper quartile" as the target is judged against the "Upper quartile" column beside it', () => {
    const { verdicts } = read([
      ['KPI', 'Target', 'Q3 performance', 'Peer median', 'Upper quartile', 'RAG'],
      ['Current tenant arrears', 'Upper quartile', { v: 0.029, fmt: '0.0%' }, { v: 0.036, fmt: '0.0%' }, { v: 0.027, fmt: '0.0%' }, null],
      ['Average re-let time (days)', 'Upper quartile', 24, 38, 26, null],
    ]);
    expect(verdicts.map((v) => v.status)).toEqual(['missed', 'met']);
  });
});

describe('a budget on the row', () => {
  test('"Budget | Target: Within budget | Q3 actual": the budget is what the actual is held to, never a second actual', () => {
    const { detection, verdicts } = read([
      ['Finance KPIs Q3 2024/25'],
      ['Indicator', 'Budget', 'Target', 'Q3 actual', 'RAG'],
      ['Net revenue expenditure (£000)', 18450, 'Within budget', 18720, null],
      ['Temporary accommodation net cost (£000)', 2100, 'Within budget', 1980, null],
      ['Income from fees and charges (£000)', 4300, 'Meet or exceed budget', 4410, null],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:benchmark', 'C:target', 'D:actual Q3 2024/25', 'E:status']);
    expect(verdicts.map((v) => `${v.polarity} ${v.status}`)).toEqual(['lower near', 'lower met', 'higher met']);
  });

  test('"Establish baseline" is no target yet', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      ['Residents engaged through the new tenant panel', 'Establish baseline', 46],
    ]);
    expect(verdicts[0]!.status).toBe('no-target');
  });
});

describe('a Frequency column', () => {
  test('an "Annual" measure with its quarters blank is not due before the year end; a quarterly one is No data', () => {
    const { verdicts } = read([
      ['Performance Indicators 2024/25'],
      ['Indicator', 'Frequency', 'Target', 'Q1', 'Q2', 'Q3', 'Q4'],
      ['Tenant satisfaction (STAR)', 'Annual', pct(0.8), null, null, null, null],
      ['Rent collected', 'Quarterly', pct(0.98), { v: 0.972, fmt: '0.0%' }, { v: 0.978, fmt: '0.0%' }, null, null],
    ]);
    const line = (row: number) => verdicts.filter((v) => v.row === row).map((v) => `${v.periodLabel} ${v.status}`);
    expect(line(2)).toEqual(['Q1 2024/25 not-due', 'Q2 2024/25 not-due']);
    expect(line(3)).toEqual(['Q1 2024/25 near', 'Q2 2024/25 near']);
    expect(verdicts.find((v) => v.row === 2)!.reason).toContain('it is reported once a year (its frequency is "Annual")');
  });
});

describe("the tenth reviewer's grids", () => {
  test('"Quarter 3 2024/25" over "2023/24 outturn | 2024/25 target | Q1 | Q2 | Q3": the quarters are 2024/25, and the run is about Q3', () => {
    const { detection, verdicts } = read([
      ['Borough Council Plan 2024-2028'],
      ['Quarter 3 2024/25'],
      [],
      ['Measure', '2023/24 outturn', '2024/25 target', 'Q1', 'Q2', 'Q3', 'Status'],
      ['Processing of major planning applications within 13 weeks', pct(0.91), pct(0.8), pct(0.88), pct(0.92), pct(0.79), null],
    ]);
    expect(roles(detection.tables[0]!).slice(3, 6)).toEqual(['D:actual Q1 2024/25', 'E:actual Q2 2024/25', 'F:actual Q3 2024/25']);
    expect(latestPeriodWithData(verdicts)).toBe('Q3 2024/25');
  });

  test('"Properties requiring | Compliant | Non-compliant | % compliant | Target": the share is judged, the counts never', () => {
    const { detection, verdicts } = read([
      ['Building Safety Compliance - December 2024'],
      ['Area', 'Properties requiring', 'Compliant', 'Non-compliant', '% compliant', 'Target', 'RAG'],
      ['Electrical (EICR within 5 years)', 12980, 12511, 469, { v: 0.9639, fmt: '0.00%' }, pct(1), null],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:count',
      'C:count',
      'D:count',
      'E:actual Dec 2024',
      'F:target',
      'G:status',
    ]);
    expect(verdicts[0]!.actualValue).toBeCloseTo(96.39);
  });

  test.each([
    ['Profile to date', 'target YTD'],
    ['YTD threshold', 'target YTD'],
    ['Threshold', 'target'],
  ])('"%s" is the %s', (heading, role) => {
    const guess = classifyHeader(heading)!;
    expect(`${guess.role}${guess.period ? ` ${periodLabel(guess.period)}` : ''}`).toBe(role);
  });
});

describe('a status column for the year to date alone', () => {
  test('"Oct-24 | Nov-24 | Dec-24 | YTD actual | YTD target | RAG (YTD)": December\'s statuses are never written into the year to date\'s column, and the run says so', () => {
    const run = recalc([
      ['Homelessness & Housing Options - December 2024'],
      ['Indicator', 'Annual target', 'Oct-24', 'Nov-24', 'Dec-24', 'YTD actual', 'YTD target', 'RAG (YTD)'],
      ['Homelessness preventions', 400, 31, 35, 28, 262, 300, null],
      [
        'Housing register applications assessed within 28 days',
        pct(0.9),
        pct(0.85),
        pct(0.91),
        pct(0.94),
        { v: 0.895, fmt: '0.0%' },
        pct(0.9),
        null,
      ],
    ]);
    expect(statusEdits(run)).toEqual([]);
    expect(run.plan.notices.map((notice) => notice.message)).toContain(
      'column H rates the year to date, and this run is about Dec 2024, so no status was written into it.',
    );
  });
});

describe('more of what the tenth reviewer found', () => {
  test.each([
    ['Average attendance time to emergency incidents', 'lower'],
    ['Domestic burglary rate per 1,000 households', 'lower'],
    ['Proven reoffending rate', 'lower'],
    ['First time entrants to the youth justice system', 'lower'],
    ["Re-referrals to children's social care within 12 months", 'lower'],
    ['Children becoming subject to a child protection plan for a second or subsequent time', 'lower'],
    ['Residual household waste per household (kg)', 'lower'],
    ['False alarms attended', 'lower'],
    ['Planning appeals allowed', 'lower'],
    ['Permanent admissions to residential and nursing care homes (65+) per 100,000', 'lower'],
    ['Delayed transfers of care', 'lower'],
    ['Abandoned vehicles removed within 24 hours', 'higher'],
    ['Positive outcome rate for all crime', 'higher'],
  ])('"%s" is better %s', (description, polarity) => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      [description, 10, 12],
    ]);
    expect(verdicts[0]).toMatchObject({ polarity, polarityAssumed: false });
  });

  test('targets "5 per 1,000 homes" and "New measure - baseline year", and figures marked with a dagger, are read', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      ['Category 1 hazards removed per 1,000 homes', '5 per 1,000 homes', '6.2'],
      ['Tenancy sustainment at 12 months', 'New measure - baseline year', '84.2%†'],
      ['Households helped to remain in their home', 180, '198†'],
    ]);
    expect(verdicts.map((v) => v.status)).toEqual(['met', 'no-target', 'met']);
  });
});

describe('headings the tenth reviewer found unread', () => {
  test('"Our 2023/24 | Our 2024/25 | Target 2024/25 | England 2023/24": last year is last year, and England is a comparator', () => {
    const { detection } = read([
      ['Measure', 'Description', 'Our 2023/24', 'Our 2024/25', 'Target 2024/25', 'England 2023/24', 'RAG'],
      [
        '2B(1)',
        'Older people still at home 91 days after discharge into reablement',
        pct(0.81),
        { v: 0.842, fmt: '0.0%' },
        pct(0.82),
        { v: 0.838, fmt: '0.0%' },
        null,
      ],
    ]);
    expect(roles(detection.tables[0]!).slice(2)).toEqual([
      'C:actual 2023/24',
      'D:actual 2024/25',
      'E:target 2024/25',
      'F:benchmark',
      'G:status',
    ]);
  });

  test('"Plan | Actual | Variance to plan | Trajectory met?": the plan is the target, the question the status', () => {
    const { detection } = read([
      ['Elective Recovery - December 2024'],
      ['Measure', 'Plan', 'Actual', 'Variance to plan', 'Trajectory met?'],
      ['Patients waiting over 52 weeks', 420, 388, -32, null],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual Dec 2024', 'D:variance', 'E:status']);
  });

  test('"Nearly achieved" is a near miss', () => {
    expect(readStatusWord('Nearly achieved')).toBe('near');
  });
});

describe("a quarter's profiled target beside the annual one", () => {
  test('"Annual target | Q3 target (profile) | Q3 YTD actual": the quarter is judged against its profile, not the year\'s target', () => {
    const { verdicts } = read([
      ['Economy and Regeneration KPIs - Quarter 3 2024/25'],
      ['Indicator', 'Annual target', 'Q3 target (profile)', 'Q3 YTD actual', 'RAG'],
      ['Businesses receiving advice or support', 400, 300, 322, null],
      ['New jobs created through council support', 250, 185, 141, null],
    ]);
    expect(verdicts.map((v) => `${v.targetValue} ${v.status}`)).toEqual(['300 met', '185 missed']);
  });
});

describe('"Better than national average"', () => {
  test('says better, not higher: tenant arrears of 2.9% against a national 3.6% meet it', () => {
    const { verdicts } = read([
      ['KPI', 'Target', 'Q3 performance', 'National average', 'RAG'],
      ['Current tenant arrears', 'Better than national average', { v: 0.029, fmt: '0.0%' }, { v: 0.036, fmt: '0.0%' }, null],
    ]);
    expect(verdicts[0]).toMatchObject({ polarity: 'lower', status: 'met' });
    expect(verdicts[0]!.reason).toContain('The target is to be at or below the national average');
  });
});

describe('a comparator\'s figure written beside it, and a "Travel" column', () => {
  test('"Top quartile (97.3%)" is judged against 97.3%', () => {
    const { verdicts } = read([
      ['Measure', '2024/25 outturn', '2024/25 target', 'Met?'],
      ['Council tax collection rate', { v: 0.962, fmt: '0.0%' }, 'Top quartile (97.3%)', null],
    ]);
    expect(verdicts[0]).toMatchObject({ targetValue: 97.3, status: 'missed' });
  });

  test('"Travel" after the current and previous figures is the direction of travel', () => {
    const { detection } = read([
      ['Indicator', 'Target', 'Current performance', 'Previous quarter', 'Travel', 'Status'],
      ['Households in fuel poverty', pct(0.12), { v: 0.131, fmt: '0.0%' }, { v: 0.135, fmt: '0.0%' }, '↑', null],
    ]);
    expect(roles(detection.tables[0]!)[4]).toBe('E:trend');
  });
});

describe("a rating scheme's bands beside the figure", () => {
  test('"Red | Amber | Green | Actual": Green is the target, Amber the near-miss band, and no band is a figure', () => {
    const { detection, verdicts } = read([
      ['Q3 2024/25 Performance Report'],
      ['Indicator', 'Red', 'Amber', 'Green', 'Actual', 'RAG'],
      ['Percentage of calls answered within 2 minutes', '<75%', '75% - 84.9%', '85%+', pct(0.79), null],
      ['Average time to answer (seconds)', '>90', '61-90', '60 or less', 85, null],
      ['Percentage of emails responded to within 5 working days', '<90%', '90-94.9%', '95%+', pct(0.88), null],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:tolerance',
      'C:tolerance',
      'D:target',
      'E:actual Q3 2024/25',
      'F:status',
    ]);
    expect(verdicts.map((v) => v.status)).toEqual(['near', 'near', 'missed']);
  });

  test('a summary of RAG counts ("Service | Red | Amber | Green") keeps its columns', () => {
    const { detection } = read([
      ['Service', 'Red', 'Amber', 'Green'],
      ['Housing', 2, 3, 11],
      ['Environment', 1, 4, 9],
    ]);
    expect(detection.tables.flatMap((table) => table.columns.filter((column) => column.role === 'target'))).toEqual([]);
  });
});

describe('a budget with no target column', () => {
  test('"Annual budget | Budget to date | Actual to date | Within budget?": spending is held to the budget to date, below it', () => {
    const { detection, verdicts } = read([
      ['Housing Revenue Account KPIs 2024/25 - December'],
      ['Indicator', 'Annual budget', 'Budget to date', 'Actual to date', 'Variance', 'Within budget?'],
      ['Responsive repairs spend', '£14,200,000', '£10,650,000', '£11,320,000', '£670,000', null],
      ['Rental income', '£96,500,000', '£72,375,000', '£72,010,000', '-£365,000', null],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:benchmark',
      'C:target YTD 2024/25',
      'D:actual YTD 2024/25',
      'E:variance',
      'F:status',
    ]);
    expect(verdicts.map((v) => `${v.polarity} ${v.status}`)).toEqual(['lower missed', 'higher near']);
  });
});

describe('an action plan with how far along each action is', () => {
  test('"% complete" is progress, never a figure with no target; "Overdue" is a rating, kept as the action\'s reading', () => {
    const { detection, verdicts } = read([
      ['Corporate Plan Delivery Plan 2024/25 - Q3 update'],
      ['Ref', 'Action', 'Lead officer', 'Deadline', '% complete', 'Status', 'Q3 update'],
      ['CP1.1', 'Adopt Local Plan review', 'Head of Planning', '31/03/2025', pct(0.8), 'On track', 'Examination hearings concluded'],
      ['CP1.5', 'Digital customer portal phase 2', 'Head of ICT', '30/09/2024', pct(0.6), 'Overdue', 'Supplier issues'],
    ]);
    expect(roles(detection.tables[0]!)[4]).toBe('E:progress');
    expect(verdicts.map((v) => v.status)).toEqual(['met', 'missed']);
  });
});

describe('a target of "Improve"', () => {
  test('follows the measure: fewer days to re-let is an improvement, a lower share collected is not', () => {
    const { verdicts } = read([
      ['Indicator', 'Baseline', 'Target', 'Q3 2024/25'],
      ['Average days to re-let empty homes', 41, 'Improve', 36],
      ['Rent collected as % of rent due', pct(0.97), 'Improve', pct(0.96)],
    ]);
    expect(verdicts.map((v) => `${v.polarity} ${v.status}`)).toEqual(['lower met', 'higher missed']);
    expect(verdicts[0]!.reason).toContain('36 against 41: reduced, met');
  });

  test('"Better than 2023/24" is held against 2023/24\'s figure, whichever way the measure is better', () => {
    const { verdicts } = read([
      ['Measure', '2023/24 outturn', '2024/25 outturn', '2024/25 target'],
      ['Planning applications determined within agreed timescales', pct(0.84), pct(0.88), 'Better than 2023/24'],
      ['Average days to re-let empty homes', 41, 44, 'Better than 2023/24'],
    ]);
    const latest = verdicts.filter((v) => v.periodLabel === '2024/25');
    expect(latest.map((v) => `${v.polarity} ${v.status}`)).toEqual(['higher met', 'lower missed']);
  });
});

describe("the opposite mistakes of the measures' own words", () => {
  test.each([
    ['Smokers who have quit at 4 weeks', 'higher'],
    ['Carbon savings from council projects (tonnes)', 'higher'],
    ['Business turnover of supported firms', 'higher'],
    ['Children in low income families', 'lower'],
  ])('"%s" is not read the wrong way round (%s)', (description, polarity) => {
    expect(polarityRead(description).polarity).toBe(polarity);
  });

  test('"Lower quartile rent" names a measure, not an aim: its direction is left to the officer', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      ['Lower quartile rent', 10, 12],
    ]);
    expect(verdicts[0]!.polarityAssumed).toBe(true);
  });
});

describe('"Maintain or reduce"', () => {
  test('holds the level and says lower is better: 118 households in temporary accommodation against 120 meets it', () => {
    const { verdicts } = read([
      ['Indicator', 'Baseline', 'Target', 'Q3 2024/25'],
      ['Households in temporary accommodation', 120, 'Maintain or reduce', 118],
      ['Tenants engaged in scrutiny activities', pct(0.4), 'Maintain or increase', pct(0.3)],
    ]);
    expect(verdicts.map((v) => `${v.polarity} ${v.status}`)).toEqual(['lower met', 'higher missed']);
    expect(verdicts[0]!.reason).toContain('The target is to maintain or reduce it');
  });
});

describe('a minimum and a maximum target, one filled to a row', () => {
  test('"Minimum target | Maximum target": each row is judged against the one it fills, a floor or a ceiling', () => {
    const { detection, verdicts } = read([
      ['Indicator', 'Minimum target', 'Maximum target', 'Actual'],
      ['Satisfied with the repairs service', 85, '', 83],
      ['Staff turnover', '', 12, 13],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:target', 'D:actual']);
    expect(verdicts.map((v) => [v.targetText, v.polarity, v.polarityAssumed])).toEqual([
      ['85', 'higher', false],
      ['12', 'lower', false],
    ]);
  });

  test('"Target (min)" is minutes, not a floor: an average response time is still lower-is-better', () => {
    const { verdicts } = read([
      ['Indicator', 'Target (min)', 'Actual'],
      ['Average response time to emergency calls', 8, 7],
    ]);
    expect([verdicts[0]!.polarity, verdicts[0]!.status]).toEqual(['lower', 'met']);
  });
});

describe('counts beside the share worked out from them', () => {
  test('"Decisions | Within 13/8 weeks | % in time | Target": the share is judged, never 23 decisions read as 23%', () => {
    const { detection, verdicts } = read([
      ['Measure', 'Decisions', 'Within 13/8 weeks or agreed extension', '% in time', 'Target', 'RAG'],
      ['Major', 23, 21, { v: 0.913, fmt: '0.0%' }, pct(0.6), ''],
      ['Minor', 180, 150, { v: 0.833, fmt: '0.0%' }, pct(0.65), ''],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:count', 'C:count', 'D:actual', 'E:target', 'F:status']);
    expect(verdicts.map((v) => [v.actualText, v.status, v.polarity])).toEqual([
      ['91.3%', 'met', 'higher'],
      ['83.3%', 'met', 'higher'],
    ]);
  });

  test('"Received | Closed | Closed within timescale | % within timescale | Target": counted cases are no case list', () => {
    const { detection, verdicts } = read([
      ['Stage', 'Received', 'Closed', 'Closed within timescale', '% within timescale', 'Target', 'RAG'],
      ['Stage 1 (10 working days)', 151, 143, 131, { v: 0.916, fmt: '0.0%' }, pct(0.95), ''],
      ['Stage 2 (20 working days)', 24, 22, 17, { v: 0.773, fmt: '0.0%' }, pct(0.95), ''],
    ]);
    expect(roles(detection.tables[0]!).slice(1, 5)).toEqual(['B:count', 'C:count', 'D:count', 'E:actual']);
    expect(verdicts.map((v) => [v.actualText, v.status])).toEqual([
      ['91.6%', 'near'],
      ['77.3%', 'missed'],
    ]);
  });

  test('"Target time | Jobs completed | Completed in target | % in target | Target %": the time allowed defines the measure; the share is judged against "Target %"', () => {
    const { detection, verdicts } = read([
      ['Priority', 'Target time', 'Jobs completed', 'Completed in target', '% in target', 'Target %'],
      ['Emergency', '24 hours', 412, 409, { v: 0.993, fmt: '0.0%' }, pct(0.99)],
      ['Urgent', '7 days', 1108, 1041, { v: 0.94, fmt: '0.0%' }, pct(0.95)],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'C:count', 'D:count', 'E:actual', 'F:target']);
    expect(verdicts.map((v) => [v.targetText, v.status, v.polarity])).toEqual([
      ['99%', 'met', 'higher'],
      ['95%', 'near', 'higher'],
    ]);
  });
});

describe('years written once over their columns, in a row above the headings', () => {
  test('"2023/24 | | 2024/25" over "Target | Outturn | Target | Q3 YTD | RAG": this year\'s year to date is judged against this year\'s target', () => {
    const run = recalc([
      ['Housing Services Performance Report - Quarter 3 2024/25'],
      ['', '2023/24', '', '2024/25', '', ''],
      ['Measure', 'Target', 'Outturn', 'Target', 'Q3 YTD', 'RAG'],
      ['Rent collected as % of rent due', pct(0.985), pct(0.989), pct(0.99), pct(0.982), ''],
      ['Average days to re-let a standard void', 30, 34, 28, 26, ''],
    ]);
    expect(roles(run.detection.tables[0]!)).toEqual([
      'A:description',
      'B:target 2023/24',
      'C:actual 2023/24',
      'D:target 2024/25',
      'E:actual YTD 2024/25',
      'F:status',
    ]);
    expect(statusEdits(run)).toEqual(['F4', 'F5']);
    expect(run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => planValueText(edit.value))).toEqual([
      'Near miss',
      'Met',
    ]);
  });

  test("one indicator's year to date does not make the run about a year the rest have no figures for", () => {
    const { verdicts } = read([
      ['Measure', '2023/24 Target', '2023/24 Outturn', '2024/25 YTD'],
      ['Rent collected as % of rent due', pct(0.985), pct(0.989), ''],
      ['Average days to re-let a standard void', 30, 34, ''],
      ['Homes made decent', 200, 214, 96],
    ]);
    expect(latestPeriodWithData(verdicts)).toBe('2023/24');
  });

  test('"Charter indicator" names the measures under a row of years ("2023/24 | | 2024/25" over "Our result | Scottish average | Target | Our result | RAG")', () => {
    const { detection } = read([
      ['Charter Performance 2024/25 - Housing Committee'],
      ['', '', '2023/24', '', '2024/25', '', ''],
      ['No.', 'Charter indicator', 'Our result', 'Scottish average', 'Target', 'Our result', 'RAG'],
      ['C1', 'Tenants satisfied with overall service', pct(0.824), pct(0.867), pct(0.85), pct(0.841), ''],
      ['C15', 'Gross rent arrears as % of rent due', pct(0.068), pct(0.063), pct(0.06), pct(0.061), ''],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:reference',
      'B:description',
      'C:actual 2023/24',
      'D:benchmark',
      'E:target 2024/25',
      'F:actual 2024/25',
      'G:status 2024/25',
    ]);
  });
});

describe('which way is better, from ordinary measures the words missed', () => {
  test.each([
    ['Tenancy offers refused (%)', 'lower'],
    ['Complaints escalated to stage 2 (%)', 'lower'],
    ['Recalls (repeat visit within 30 days)', 'lower'],
    ['Repairs completed without a recall', 'higher'],
    ['Food Recall Warning Postings - Class I (within 24 hours)', 'higher'],
    ['Properties without a valid gas safety certificate', 'lower'],
    ['Voids returned within 10 days', 'higher'],
    ['Land with litter below grade B (%)', 'lower'],
    ['Children placed more than 20 miles from home', 'lower'],
    ['Total waiting list', 'lower'],
    ['DM01 - patients waiting over 6 weeks for a diagnostic test', 'lower'],
    ['People delayed in hospital (daily average)', 'lower'],
    ['Staff with no sickness absence (%)', 'higher'],
    ['Average number of calendar days taken to deliver a Disabled Facilities Grant', 'lower'],
    ['Tenancy turnover (%)', 'lower'],
    ['First appliance at life-risk incidents within 10 minutes', 'higher'],
    ['Emergency incidents attended within 15 minutes', 'higher'],
    ['Council tax in-year collection rate', 'higher'],
    ['Homes that do not meet the Decent Homes Standard', 'lower'],
  ])('"%s" is %s is better', (description, polarity) => {
    const verdict = polarityRead(description);
    expect([verdict.polarity, verdict.polarityAssumed]).toEqual([polarity, false]);
  });
});

describe("comparators, last year's figures and a housing association's periods, by their headings", () => {
  test('"Wales median 2023-24" beside "Target 2024-25 | 2024-25" is a comparator, never the figure judged', () => {
    const { detection } = read([
      ['PAM', 'Description', '2022-23', '2023-24', 'Wales median 2023-24', 'Target 2024-25', '2024-25', 'Status'],
      [
        'PAM/012',
        'Percentage of households for which homelessness was successfully prevented',
        pct(0.613),
        pct(0.589),
        pct(0.63),
        pct(0.65),
        pct(0.664),
        '',
      ],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:reference',
      'B:description',
      'C:actual 2022/23',
      'D:actual 2023/24',
      'E:benchmark',
      'F:target 2024/25',
      'G:actual 2024/25',
      'H:status',
    ]);
  });

  test('"Same point last year" and "Same period 2023/24" beside the year to date are last year\'s figures, never judged', () => {
    const { detection } = read([
      ['Indicator', 'Target to date', 'Actual to date', 'Same point last year', 'Same period 2023/24', 'RAG'],
      ['Council tax in-year collection rate', pct(0.841), pct(0.836), pct(0.839), pct(0.839), ''],
    ]);
    expect(roles(detection.tables[0]!).slice(3, 5)).toEqual(['D:previous', 'E:previous']);
  });

  test('"P7 | P8 | P9" under "Period 9 2024/25" are October to December', () => {
    const run = recalc([
      ['Operations Committee - KPI Report, Period 9 2024/25'],
      ['KPI', 'Target', 'P7', 'P8', 'P9', 'RAG'],
      ['Rent collection (% of debit)', pct(0.99), pct(0.984), pct(0.989), pct(0.993), ''],
    ]);
    expect(roles(run.detection.tables[0]!).slice(2, 5)).toEqual(['C:actual Oct 2024', 'D:actual Nov 2024', 'E:actual Dec 2024']);
    expect(run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => planValueText(edit.value))).toEqual(['Met']);
  });
});

describe("the workbook's own words for its ratings", () => {
  test('"At risk" beside "On track" and "Off track" is the near miss KPI Tracker writes; "Not on track" is not on track', () => {
    const run = recalc([
      ['Ref', 'Measure', 'Target', 'Q3', 'Status'],
      ['CP05', 'Residents satisfied with their area as a place to live', pct(0.8), pct(0.789), 'At risk'],
      ['CP09', 'Major planning applications decided on time', pct(0.7), pct(0.61), 'Off track'],
      ['CP11', 'Households prevented from becoming homeless', 450, 478, 'On track'],
      ['CP14', 'Council homes let within 28 days', pct(0.8), pct(0.77), ''],
      ['CP17', 'Potholes repaired within 5 working days', pct(0.95), pct(0.83), ''],
    ]);
    const written = run.plan.edits.filter((edit) => edit.purpose === 'status');
    expect(written.map((edit) => [`${String.fromCharCode(65 + edit.col)}${edit.row + 1}`, planValueText(edit.value)])).toEqual([
      ['E2', 'At risk'],
      ['E3', 'Off track'],
      ['E4', 'On track'],
      ['E5', 'At risk'],
      ['E6', 'Off track'],
    ]);
  });

  test('"Not on track" is read as not met, and written where the sheet uses it', () => {
    const run = recalc([
      ['Measure', 'Target', 'Dec-24', 'Status'],
      ['Reviews completed within 12 months', pct(0.8), pct(0.7), 'Not on track'],
      ['Care Act assessments completed within 28 days', pct(0.75), pct(0.79), 'On track'],
      ['Carers assessments completed', 120, 100, ''],
    ]);
    const written = run.plan.edits.filter((edit) => edit.purpose === 'status');
    expect(written.map((edit) => planValueText(edit.value))).toEqual(['Not on track', 'On track', 'Not on track']);
    expect(run.plan.notices.filter((notice) => notice.kind === 'officer-words-kept')).toEqual([]);
  });
});

describe("a near-miss band the sheet's own key states", () => {
  test('"RAG key: … Amber = within 2% of target" under the table: 87% against 90% is not met, as the officer rated it', () => {
    const run = recalc([
      ['KPI', 'Target', 'Q3 Actual', 'RAG'],
      ['Rent arrears - current tenants', pct(0.025), { v: 0.0254, fmt: '0.00%' }, 'A'],
      ['ASB cases resolved', pct(0.9), pct(0.87), 'R'],
      ['RAG key: Green = target met; Amber = within 2% of target; Red = more than 2% below target'],
    ]);
    expect(run.detection.tables[0]!.tolerance).toEqual({ rule: 'relative', percent: 2 });
    expect(run.verdicts.map((v) => v.status)).toEqual(['near', 'missed']);
    // Both ratings stand: nothing to overwrite, nothing said.
    expect(run.plan.notices.filter((notice) => notice.kind === 'status-disagrees')).toEqual([]);
  });

  test('"RAG (Amber within 10%)" heads the status column and gives the band', () => {
    const { detection, verdicts } = read([
      ['Indicator', 'Target', 'Q3', 'RAG (Amber within 10%)'],
      ['Invoices paid within 30 days', pct(0.95), pct(0.88), ''],
      ['Complaints responded to within 15 days', pct(0.9), pct(0.79), ''],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual Q3', 'D:status']);
    expect(verdicts.map((v) => v.status)).toEqual(['near', 'missed']);
  });

  test("the officer's own tolerance setting still comes first", () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          ['Indicator', 'Target', 'Q3', 'RAG (Amber within 10%)'],
          ['Invoices paid within 30 days', pct(0.95), pct(0.88), ''],
        ],
      },
    ]);
    const detection = detectWorkbook(workbook);
    const verdicts = evaluateWorkbook(workbook, detection, { today: TODAY, tolerance: { rule: 'relative', percent: 5 } });
    expect(verdicts[0]!.status).toBe('missed');
  });
});

describe('a budget book of workload measures', () => {
  test('"ADOPTED" over "WORKLOAD | ACTUAL | BUDGET | ESTIMATED | BUDGET" over "MEASURES | 2016‐17 …" (U+2010): one header of three rows, each column read downwards', () => {
    // The City of Forest Hill's FY 19 budget book, Fire Operations.
    const { detection, verdicts } = read([
      ['', '', '', '', 'ADOPTED'],
      ['WORKLOAD', 'ACTUAL', 'BUDGET', 'ESTIMATED', 'BUDGET'],
      ['MEASURES', '2016‐17', '2017‐18', '2017‐18', '2018‐19'],
      ['Number of Fire Calls', 2196, 2240, 2400, 2400],
      ['Number of Fire Inspections', 270, 300, 315, 315],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.headerRows.map((r) => r + 1)).toEqual([1, 2, 3]);
    // The adopted budget for the year ahead beside an estimate of the year in progress: the table
    // looks forward, and the actual 2016‐17 is its history.
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:previous 2016/17',
      'C:target 2017/18',
      'D:forecast 2017/18',
      'E:target 2018/19',
    ]);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['no-data', 'no-data']);
  });

  test('"FY 2021-22" alone over the last column, three rows of headings under it, groups of cities under headings: one table', () => {
    // The City of Keller's FY 2021-22 budget book, Public Safety Dispatch & Records.
    const { detection } = read([
      ['', '', '', '', 'FY 2021-22'],
      ['', 'FY 2019-20', 'FY 2020-21', 'FY 2020-21'],
      ['', 'Actual', 'Budget', 'YE Proj.', 'Adopted'],
      ['SERVICES PROVIDED', '', '', '', 'Budget'],
      ['Number of Fire/EMS calls for service:'],
      ['Keller', 3752, 4000, 4700, 4500],
      ['Southlake', 3258, 4000, 4000, 3500],
      ['Number of in-coming phone calls', 120467, 127000, 87000, 90000],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.headerRows.map((r) => r + 1)).toEqual([1, 2, 3, 4]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:previous 2019/20',
      'C:target 2020/21',
      'D:forecast 2020/21',
      'E:target 2021/22',
    ]);
    expect(detection.tables[0]!.indicators.map((indicator) => indicator.row + 1)).toEqual([6, 7, 8]);
  });

  test('years over pairs of "Goal | Actual", the names\' headings on the middle row: each pair takes its year', () => {
    // The City of Watauga's FY2025 budget book, Storm Drain Division.
    const { detection, verdicts } = read([
      ['', '', '', 'FY2023', '', 'FY2024', '', 'FY2025'],
      ['Measurement', 'Strategic Goal', 'Measure'],
      ['', '', 'Type', 'Goal', 'Actual', 'Goal', 'Actual', 'Goal'],
      [
        'Percentage of drainage channels maintained to satisfactory levels.',
        '# 2. Expend public safety through non-enforcement',
        'Efficiency',
        pct(1),
        pct(0.85),
        pct(1),
        pct(0.9),
        pct(1),
      ],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.headerRows.map((r) => r + 1)).toEqual([1, 2, 3]);
    expect(roles(detection.tables[0]!).slice(3)).toEqual([
      'D:target 2022/23',
      'E:actual 2022/23',
      'F:target 2023/24',
      'G:actual 2023/24',
      'H:target 2024/25',
    ]);
    const latest = verdicts.filter((verdict) => verdict.period && periodLabel(verdict.period) === '2023/24');
    expect(latest.map((verdict) => verdict.status)).toEqual(['missed']);
  });

  test('"% Value paid over 30 days" is better lower, "% Value paid in 30 days" higher (the Better Payment Practice Code)', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Actual'],
      ['% Value paid in 30 days', pct(0.95), pct(0.945)],
      ['% Value paid over 30 days', pct(0.05), pct(0.055)],
    ]);
    expect(verdicts.map((v) => [v.polarity, v.polarityAssumed])).toEqual([
      ['higher', false],
      ['lower', false],
    ]);
  });
});

describe("targets held against a figure of the sheet's own", () => {
  test('"Below 3-year average" beside "3-year average (Q3)": that column is the comparator, never a second figure', () => {
    const { detection, verdicts } = read([
      ['Measure', 'Q3 2024/25', '3-year average (Q3)', 'Target', 'RAG'],
      ['Accidental dwelling fires', 98, 104, 'Below 3-year average', ''],
      ['Deliberate secondary fires', 266, 231, 'Below 3-year average', ''],
      ['Home Fire Safety Visits to vulnerable people', 2940, 2615, 'Above 3-year average', ''],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:actual Q3 2024/25', 'C:benchmark', 'D:target', 'E:status']);
    expect(verdicts.map((v) => v.status)).toEqual(['met', 'missed', 'met']);
    expect(verdicts[0]!.reason).toContain('the "3-year average (Q3)" column, 104');
  });

  test('"Below MSG average" beside "MSG average"', () => {
    const { verdicts } = read([
      ['Crime type', 'Rate per 1,000', 'MSG average', 'Target', 'RAG'],
      ['All crime', 76.2, 81.4, 'Below MSG average', ''],
      ['Shoplifting', 6.9, 5.4, 'Below MSG average', ''],
    ]);
    expect(verdicts.map((v) => [v.status, v.polarity])).toEqual([
      ['met', 'lower'],
      ['missed', 'lower'],
    ]);
    expect(verdicts[0]!.reason).toContain('MSG average');
  });

  test('"5% reduction on 2023/24" is held against the 2023/24 column\'s figure', () => {
    const { verdicts } = read([
      ['Indicator', '2023/24', '2024/25', 'Target', 'Achieved?'],
      ['Primary fires', 1402, 1318, '5% reduction on 2023/24', ''],
      ['Fire safety audits completed', 1150, 1231, '10% increase on 2023/24', ''],
    ]);
    const thisYear = verdicts.filter((v) => v.periodLabel === '2024/25');
    expect(thisYear.map((v) => v.status)).toEqual(['met', 'missed']);
    expect(thisYear[0]!.reason).toMatch(/^5% below the 2023\/24 figure of 1,402 is 1,331\.9/);
  });
});

describe('targets and headings in the words officers write', () => {
  test('"Within 5% of last year (61%)" is a band either side of 61%; "Monitor only - baseline year" is no target', () => {
    const { verdicts } = read([
      ['KPI', 'Target', 'December', 'RAG'],
      ['Tenants on Universal Credit with APA in place', 'Within 5% of last year (61%)', pct(0.58), ''],
      ['Net spend against budget (£m)', 'Within 2% of budget (£14.6m)', { v: 14500000, fmt: '£#,##0' }, ''],
      ['Customer portal registrations', 'Monitor only - baseline year', 1200, ''],
    ]);
    expect(verdicts.map((v) => [v.targetKind, v.status])).toEqual([
      ['range', 'met'],
      ['range', 'met'],
      ['none', 'no-target'],
    ]);
  });

  test('bilingual headings ("Dangosydd / Indicator", "Ch3 / Q3", "Statws / Status") and "Meets objective?" are read', () => {
    const { detection } = read([
      ['Dangosydd / Indicator', 'Targed / Target', 'Ch3 / Q3', 'Statws / Status', 'Meets objective?'],
      ['Percentage of waste reused, recycled or composted', pct(0.7), pct(0.679), '', ''],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual Q3', 'D:status', 'E:status']);
  });
});

describe("a police and crime plan's rolling years", () => {
  test('"12 months to Dec 2023 | 12 months to Dec 2024 | % change | Aim": each year dated, the change shown, the aims the targets', () => {
    const { detection, verdicts } = read([
      ['Police and Crime Plan - Performance Summary'],
      ['Measure', '12 months to Dec 2023', '12 months to Dec 2024', '% change', 'Aim', 'Assessment'],
      ['Total recorded crime (excluding fraud)', 118402, 112930, { v: -0.046, fmt: '0.0%' }, 'Reduce', ''],
      ['Charge/summons rate (all crime)', pct(0.069), pct(0.078), { v: 0.009, fmt: '0.0%' }, 'Increase', ''],
      ['999 calls answered within 10 seconds', pct(0.881), pct(0.914), { v: 0.033, fmt: '0.0%' }, pct(0.9), ''],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:actual Dec 2023',
      'C:actual Dec 2024',
      'D:variance',
      'E:target',
      'F:status',
    ]);
    const latest = verdicts.filter((v) => v.periodLabel === 'Dec 2024');
    expect(latest.map((v) => v.status)).toEqual(['met', 'met', 'met']);
  });

  test('"TSM" and "PAM" over their codes are the references', () => {
    expect(classifyHeader('TSM')?.role).toBe('reference');
    expect(classifyHeader('PAM')?.role).toBe('reference');
  });
});

describe('the opposite mistakes of this stop’s rules (a review of the change)', () => {
  test('a lone "Target" column of sentences is still commentary; "Status / Update" is no status heading', () => {
    const { detection } = read([
      ['Indicator', 'Target', 'Actual', 'Status / Update'],
      ['Calls answered by the contact centre', 'This is reported by the contact centre team each quarter', 1200, 'Recruitment under way'],
      ['Visits to the customer portal', 'Reported each quarter by the digital team for information', 5400, 'New pages live'],
      ['Emails answered', 'Reported each quarter by the contact centre for information', 800, 'Backlog cleared'],
    ]);
    const columns = roles(detection.tables[0]!);
    expect(columns).toContain('B:commentary');
    expect(columns.some((column) => column.startsWith('D:status'))).toBe(false);
  });

  test('"Amber = within 80% of target" gives no band: it is no distance from the target', () => {
    const run = recalc([
      ['KPI', 'Target', 'Actual', 'RAG'],
      ['Satisfied with the service', pct(0.9), pct(0.4), ''],
      ['Key: Green = target met; Amber = within 80% of target; Red = below 80% of target'],
    ]);
    expect(run.detection.tables[0]!.tolerance).toBeUndefined();
    expect(run.verdicts[0]!.status).toBe('missed');
  });

  test('"5% reduction on 2023/24" beside a baseline column is held against 2023/24, and says so', () => {
    const { verdicts } = read([
      ['Indicator', 'Baseline 2019/20', '2023/24', '2024/25', 'Target'],
      ['Primary fires', 9000, 8000, 7800, '5% reduction on 2023/24'],
    ]);
    const thisYear = verdicts.find((v) => v.periodLabel === '2024/25')!;
    // 7,800 against 7,600 (not 8,550, 5% below the 2019/20 baseline): a near miss by the default band.
    expect(thisYear.status).toBe('near');
    expect(thisYear.reason).toMatch(/^5% below the 2023\/24 figure of 8,000 is 7,600/);
  });

  test('"Determined in time" beside "% determined in time" is a count, never read as a share', () => {
    const { detection } = read([
      ['Measure', 'Decisions', 'Determined in time', '% determined in time', 'Target'],
      ['Major', 23, 20, { v: 0.87, fmt: '0%' }, pct(0.6)],
      ['Minor', 180, 150, { v: 0.833, fmt: '0%' }, pct(0.65)],
    ]);
    const columns = roles(detection.tables[0]!);
    expect(columns.filter((column) => /:actual/.test(column))).toEqual(['D:actual']);
    expect(columns).toContain('E:target');
  });

  test('a typed "Not on track" the figures contradict is kept as typed, and said', () => {
    const run = recalc([
      ['Measure', 'Target', 'Dec-24', 'Status'],
      ['Care Act assessments completed within 28 days', pct(0.75), pct(0.79), 'Not on track'],
      ['Reviews completed within 12 months', pct(0.8), pct(0.7), 'Not on track'],
    ]);
    const written = run.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => [edit.row + 1, planValueText(edit.value)]);
    expect(written).not.toContainEqual([2, 'On track']);
    expect(run.plan.notices.filter((notice) => notice.kind === 'status-disagrees').map((notice) => notice.cell)).toEqual(['D2']);
  });

  test('a word for met is never written over another ("On track" beside the commoner "Complete")', () => {
    const run = recalc([
      ['Ref', 'Action', 'Lead', 'Due date', 'Status'],
      ['A1', 'Review the void standard', 'Head of Housing', { v: 45747, fmt: 'dd/mm/yyyy' }, 'On track'],
      ['A2', 'Publish the tenant handbook', 'Comms', { v: 45566, fmt: 'dd/mm/yyyy' }, 'Complete'],
      ['A3', 'Recommission the repairs contract', 'Head of Assets', { v: 45600, fmt: 'dd/mm/yyyy' }, 'Complete'],
    ]);
    const first = run.plan.edits.find((edit) => edit.purpose === 'status' && edit.row === 1);
    if (first) expect(planValueText(first.value)).toBe('On track');
  });

  test.each([
    ['Safeguarding referrals escalated within 24 hours', 'higher'],
    ['Repeat visits to vulnerable victims completed', 'higher'],
    ['Properties without a valid gas certificate brought into compliance', 'higher'],
    ['% of applications not determined within timescale', 'lower'],
    ['% of invoices paid in 60 days or more', 'lower'],
  ])('"%s" is %s is better', (description, polarity) => {
    expect(polarityRead(description).polarity).toBe(polarity);
  });
});

describe('headings that only look like periods', () => {
  test.each(['P1', 'P4', 'Decisions YTD', 'Marriages YTD'])('"%s" is no period', (heading) => {
    expect(classifyHeader(heading)?.period).toBeUndefined();
  });
});

describe('from the twelfth reviewer', () => {
  test('a year-end report rates the year, not its last quarter ("Q1 | … | Q4 | 2024/25 outturn | RAG")', () => {
    const run = recalc([
      ['Measure', 'Target', 'Q1', 'Q2', 'Q3', 'Q4', '2024/25 outturn', 'RAG'],
      ['Complaints responded to within 10 working days', pct(0.9), pct(0.86), pct(0.87), pct(0.87), pct(0.92), pct(0.88), 'A'],
      ['Sickness absence (days per FTE)', 9, 2.4, 2.3, 2.5, 2.5, 9.7, 'R'],
    ]);
    expect(latestPeriodWithData(run.verdicts)).toBe('2024/25');
    expect(run.plan.notices.filter((notice) => notice.kind === 'status-disagrees')).toEqual([]);
  });

  test('"Stat neighbours | England" beside "Dec-24" are comparators; the December figure is judged', () => {
    const { detection } = read([
      ['Indicator', 'Good performance', 'Target', 'Stat neighbours', 'England', 'Dec-24', 'RAG'],
      ['Initial child protection conferences within 15 working days', 'High', pct(0.85), pct(0.791), pct(0.782), pct(0.903), ''],
    ]);
    expect(roles(detection.tables[0]!).filter((column) => /^[DEF]:/.test(column))).toEqual([
      'D:benchmark',
      'E:benchmark',
      'F:actual Dec 2024',
    ]);
  });

  test('"A = within 10% of target" under the table is its band; "N/A - contextual" is no target', () => {
    const run = recalc([
      ['Measure', 'Target', 'Q3', 'RAG'],
      ['Calls answered within 20 seconds', pct(0.9), pct(0.84), ''],
      ['Households in temporary accommodation', 'N/A - contextual', 412, ''],
      ['Key: G = on or better than target; A = within 10% of target; R = more than 10% worse than target'],
    ]);
    expect(run.detection.tables[0]!.tolerance).toEqual({ rule: 'relative', percent: 10 });
    expect(run.verdicts.map((v) => v.status)).toEqual(['near', 'no-target']);
  });

  test.each([
    ['Major applications overturned at appeal (% of major decisions)', 'lower'],
    ['Streetworks inspections failed', 'lower'],
    ['Sundry debt collected within 30 days', 'higher'],
  ])('"%s" is %s is better', (description, polarity) => {
    expect(polarityRead(description).polarity).toBe(polarity);
  });
});

describe('a budget table under the KPIs', () => {
  test('"Indicator | Budget (£000) | Forecast outturn (£000) | Variance (£000) | RAG" ends the table above, and is named as a grid not read', () => {
    const run = recalc([
      ['Quarterly Performance Report - Q3 2024/25'],
      ['Housing'],
      ['Indicator', 'Target', 'Q3', 'RAG'],
      ['Average days to re-let council homes', 28, 26, ''],
      ['Rent collected', { v: 0.975, fmt: '0.0%' }, { v: 0.969, fmt: '0.0%' }, ''],
      ['Finance'],
      ['Indicator', 'Budget (£000)', 'Forecast outturn (£000)', 'Variance (£000)', 'RAG'],
      ['Adults and Health', 98412, 101230, 2818, ''],
      ["Children's Services", 61004, 63950, 2946, ''],
      ['Place', 44210, 43870, -340, ''],
    ]);
    expect(run.detection.tables.map((table) => table.indicators.length)).toEqual([2]);
    expect(run.plan.notices.filter((notice) => notice.kind === 'officer-words-kept')).toEqual([]);
    expect(run.detection.doubts.map((doubt) => doubt.code)).toContain('grid-not-read');
  });

  test('"Within 10% of 2023/24 (2.6%)" is a band either side of 2.6%', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', '2024/25', 'Status'],
      ['Rent arrears as % of rent debit', 'Within 10% of 2023/24 (2.6%)', pct(0.028), ''],
    ]);
    expect([verdicts[0]!.targetKind, verdicts[0]!.status]).toEqual(['range', 'met']);
  });
});

describe('two tables side by side under one header row', () => {
  test('an empty column between them, the second names column unheaded: two tables, not one with the second names as comments', () => {
    // Rotherham's housing service measures (Quarter 1), set out twice across one sheet as an
    // officer sets out two areas, the second table's names column left without a heading.
    const { detection, verdicts } = read([
      ['Criteria', 'Target', 'Quarter 1', '', '', 'Target', 'Quarter 1'],
      [
        'Percentage of homes not meeting the Decent Homes Standard (Lower is better)',
        pct(0),
        { v: 0.071, fmt: '0.0%' },
        '',
        'Percentage of homes not meeting the Decent Homes Standard (Lower is better)',
        pct(0),
        { v: 0.071, fmt: '0.0%' },
      ],
      [
        'Percentage of emergency repairs completed in time',
        pct(0.97),
        { v: 0.997, fmt: '0.0%' },
        '',
        'Percentage of emergency repairs completed in time',
        pct(0.97),
        { v: 0.997, fmt: '0.0%' },
      ],
    ]);
    expect(detection.tables.map((table) => [columnLetter(table.range.left), table.indicators.length])).toEqual([
      ['A', 2],
      ['E', 2],
    ]);
    expect(verdicts.map((verdict) => [verdict.actualText, verdict.status])).toEqual([
      ['7.1%', 'missed'],
      ['99.7%', 'met'],
      ['7.1%', 'missed'],
      ['99.7%', 'met'],
    ]);
  });
});

describe("the fifteenth reviewer's grids", () => {
  test('"How are we performing compared to last year?" over "Similar to last year" is the publisher\'s direction of travel: never written into, even where a cell is blank (LiveWest, tenant satisfaction measures, September 2024)', () => {
    const rows: CellInput[][] = [
      ['Measure', 'Our score', 'Our target', 'How are we performing compared to last year?'],
      ['Proportion of homes for which all required gas safety checks have been carried out (BS01)', pct(1), pct(1), 'Similar to last year'],
      [
        'How many of our customers are satisfied that our home is safe to live in? (customers who rent their home)',
        { v: 0.892, fmt: '0.0%' },
        pct(0.89),
        '',
      ],
      [
        'How many of our customers are satisfied that our home is safe to live in? (shared owners)',
        { v: 0.815, fmt: '0.0%' },
        pct(0.86),
        'Similar to last year',
      ],
    ];
    expect(roles(read(rows).detection.tables[0]!)[3]).toBe('D:trend');
    const run = recalc(rows);
    expect(run.plan.edits.filter((edit) => edit.col === 3)).toEqual([]);
  });

  test('"Target 2023/24 | April to December 2023": the year so far is the figure, judged against the year\'s target (Nottinghamshire Fire and Rescue Service, 1 April to 31 December 2023)', () => {
    const { detection, verdicts } = read([
      ['Measure', 'Target 2023/24', 'April to December 2023'],
      ['On-call station availability', { v: 0.85, fmt: '0%' }, { v: 0.852, fmt: '0.0%' }],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target 2023/24', 'C:actual YTD 2023/24']);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met']);
  });

  test('"Earlier Period | Later Period | Change" over "May-13 to Apr-14 | May-14 to Apr-15 | Numeric | Percentage": two rolling years, and both changes are changes (Lancashire Constabulary\'s scrutiny pack)', () => {
    const { detection } = read([
      ['Areas', 'Earlier Period', 'Later Period', 'Change', ''],
      ['', 'May-13 to Apr-14', 'May-14 to Apr-15', 'Numeric', 'Percentage'],
      ['Cheshire', 54721, 53036, '- 1,685', '- 3.1%'],
      ['Cumbria', 23915, 25285, '+ 1,370', '+ 5.7%'],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:actual Apr 2014', 'C:actual Apr 2015', 'D:variance', 'E:variance']);
  });

  test('"Force | Answered in under 10 seconds | Target": a league of forces held to one target is read, the share in time better higher (999 calls, November 2021 to April 2022)', () => {
    const { detection, verdicts } = read([
      ['Force', 'Answered in under 10 seconds', 'Target'],
      ['Humberside', pct(0.02), pct(0.9)],
      ['South Yorkshire', pct(0.17), pct(0.9)],
      ['All forces', pct(0.71), pct(0.9)],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(verdicts.map((verdict) => [verdict.status, verdict.polarity])).toEqual([
      ['missed', 'higher'],
      ['missed', 'higher'],
      ['missed', 'higher'],
    ]);
  });

  test.each([
    ['Incidents meeting the Attendance Performance Measure (APM)', 'higher'],
    ['% of incidents where the attendance standard was met', 'higher'],
    ['Falls per 1000 occupied bed days', 'lower'],
    ['Readmissions within 30 days', 'lower'],
    ['Cancelled operations not rebooked within 28 days', 'lower'],
    ['HSMR', 'lower'],
    ['Ambulance handover over 60 minutes', 'lower'],
  ])('"%s" is better %s, and says why', (description, polarity) => {
    const decided = decidePolarity({ description, target: parseTargetText('80%') });
    expect([decided.polarity, decided.assumed]).toEqual([polarity, false]);
  });

  test.each(['Dec-23', 'M9 Dec-23'])('a month\'s tab named "%s" dates its table December 2023 (probe: officers\' monthly tabs)', (name) => {
    const workbook = buildWorkbook([
      {
        name,
        rows: [
          ['Measure', 'Target', 'Actual'],
          ['Sickness absence (days per FTE)', 4, 6.07],
        ],
      },
    ]);
    const detection = detectWorkbook(workbook);
    const actual = detection.tables[0]!.columns.find((column) => column.role === 'actual')!;
    expect(periodLabel(actual.period!)).toBe('Dec 2023');
  });

  test('"Target | 2023/24 | 2022/23", the latest year first (Mansfield\'s housing performance): "Reduce" is held to the year on the right (probe wording)', () => {
    const { verdicts } = read([
      ['Measure', 'Target', '2023/24', '2022/23'],
      ['Missed bin collections', 'Reduce', 120, 150],
    ]);
    const latest = verdicts.find((verdict) => verdict.period && periodLabel(verdict.period) === '2023/24')!;
    expect([latest.status, latest.previousActual]).toEqual(['met', 150]);
  });

  test('a column of "Similar to last year" with no heading is a trend too, not a column of comments to write into', () => {
    const rows: CellInput[][] = [
      ['Measure', 'Our score', 'Our target', ''],
      ['Proportion of homes for which all required gas safety checks have been carried out (BS01)', pct(1), pct(1), 'Similar to last year'],
      [
        'How many of our customers are satisfied that our home is safe to live in? (shared owners)',
        { v: 0.815, fmt: '0.0%' },
        pct(0.86),
        'Worse than last year',
      ],
    ];
    expect(roles(read(rows).detection.tables[0]!)[3]).toBe('D:trend');
  });
});

describe("the seventeenth reviewer's grids", () => {
  test.each([
    ['£1m-£1.2m', { low: 1_000_000, high: 1_200_000, unit: 'money' }],
    ['5 to 10 days', { low: 5, high: 10, unit: 'days' }],
    ['4-6 hours', { low: 4, high: 6, unit: 'hours' }],
  ])('a range target "%s" keeps its scale and unit (probe wordings)', (text, range) => {
    expect(parseTargetText(text)).toMatchObject({ kind: 'range', ...range });
  });

  test('a scale written once scales both ends of a range, and "Within 2% of the national average" stays unread rather than a 2% ceiling (a code review)', () => {
    expect(parseTargetText('£5-6m')).toMatchObject({ kind: 'range', low: 5_000_000, high: 6_000_000 });
    expect(parseTargetText('Within 2% of the national average')).toMatchObject({ kind: 'unreadable' });
  });

  test.each([
    ['Cancelled operations rebooked within 28 days', 'higher'],
    ['Cancelled operations not rebooked within 28 days', 'lower'],
    ['Water outages restored within 5 hours', 'higher'],
    ['Garden waste per household collected', 'higher'],
  ])('"%s" is better %s: what was done about a harm is not the harm (a code review)', (description, polarity) => {
    expect(decidePolarity({ description, target: parseTargetText('80%') }).polarity).toBe(polarity);
  });

  test('a heading ending in a bracket after a number never sends the reading round in circles (found by the random-sheet property test)', () => {
    expect(classifyHeader('moOM5[')).toBeUndefined();
  });

  test('"$250,000" is a target in dollars (probe wording)', () => {
    expect(parseTargetText('$250,000')).toMatchObject({ kind: 'threshold', value: 250_000, unit: 'money' });
  });

  test('"Deliver services within the £49.97m budget" holds spending down, but "Projects delivered within budget" is a share (Nottinghamshire Fire and Rescue)', () => {
    expect(decidePolarity({ description: 'Deliver services within the £49.97m budget', target: parseTargetText('£49.97m') }).polarity).toBe(
      'lower',
    );
    expect(decidePolarity({ description: 'Projects delivered within budget', target: parseTargetText('90%') }).polarity).toBe('higher');
  });
});

describe("the sixteenth reviewer's grids", () => {
  test('"2020/21 | 2021/22 | 2022/23 | Latest Scottish Average | Performance": the years are the figures, the average a comparator and "Improved" a trend (Angus, charter report card)', () => {
    const { detection, verdicts } = read([
      ['Housing Quality & Maintenance', '2020/21', '2021/22', '2022/23', 'Latest Scottish Average', 'Performance'],
      [
        'Average length of time taken to complete emergency repairs (Indicator 11)',
        '12.85 hours',
        '14.52 hours',
        '9.32 hours',
        '4.70 hours',
        'Improved',
      ],
      [
        'Average length of time taken to complete non-emergency repairs (Indicator 12)',
        '13.83 days',
        '14.16 days',
        '9.34 days',
        '9.68 days',
        'Improved',
      ],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:description',
      'B:actual 2020/21',
      'C:actual 2021/22',
      'D:actual 2022/23',
      'E:benchmark',
      'F:trend',
    ]);
    expect(latestPeriodWithData(verdicts)).toBe('2022/23');
  });

  test('"Target | Time period to achieve target" over "90% | Monthly": the target is the target; a column of Y flags before the names is never a status to write into (a council\'s annual performance indicators 2023/24)', () => {
    const rows: CellInput[][] = [
      ['PI No.', 'SCC reported stat', 'Service', 'Indicator', 'Target', 'Time period to achieve target', 'Q1', 'Comments'],
      [1, '', 'Accountancy', '% of undisputed invoices paid within 30 days', pct(0.9), 'Monthly', { v: 0.9565, fmt: '0.00%' }, ''],
      [2, 'Y', 'Accountancy', '% of undisputed invoices paid within 10 days', pct(0.6), 'Monthly', { v: 0.5085, fmt: '0.00%' }, ''],
    ];
    const { detection, verdicts } = read(rows);
    expect(roles(detection.tables[0]!)).toEqual(expect.arrayContaining(['E:target', 'F:frequency']));
    expect(roles(detection.tables[0]!).some((role) => role.startsWith('B:'))).toBe(false);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met', 'missed']);
    expect(recalc(rows).plan.edits.filter((edit) => edit.col === 1)).toEqual([]);
  });

  test('"Activity | Level of service | Actual | Target", the activity written once: every level of service is a measure, and a line of figures with no name is said (Christchurch City Council, annual report 2010)', () => {
    const { detection } = read([
      ['Activity', 'Level of service', 'Actual', 'Target'],
      [
        'Water conservation',
        'The water supply network is inspected for leaks',
        '17.2% of water mains network surveyed for leaks',
        '≥ 12.5% of the water supply network is inspected for leaks each year',
      ],
      ['', 'The public awareness of water conservation', pct(0.61), '≥ 70% public awareness / year'],
      ['', '', pct(0.6), pct(0.7)],
    ]);
    expect(detection.tables[0]!.indicators.map((indicator) => indicator.description)).toEqual([
      'The water supply network is inspected for leaks',
      'The public awareness of water conservation',
    ]);
    expect(detection.tables[0]!.doubts.map((doubt) => doubt.code)).toContain('figures-without-a-name');
  });

  test.each([
    ['Sundry Debt Collection Rates', 'higher'],
    ['Arrears of Council Tax Retrieved (£Millions)', 'higher'],
    ['Reduce % of calls lost to 5%', 'lower'],
    ["% of children re-referred to Children's Social Care within 12 months of a previous referral", 'lower'],
    ['Household waste collected per household', 'lower'],
    ['Permanent admissions of adults (aged 65+) into residential/nursing care homes, per 100,000 population', 'lower'],
    ['Rate of Looked After Children per 10,000', 'lower'],
  ])('"%s" is better %s, and not assumed', (description, polarity) => {
    const decided = decidePolarity({ description, target: parseTargetText('5') });
    expect([decided.polarity, decided.assumed]).toEqual([polarity, false]);
  });

  test('"Performance Indicator | Target | Q1 | Q2 | Q3 | Q4" under a title of "2022" alone: the quarters have no financial year, and the officer is told (CEDR, WATRS KPIs)', () => {
    const { detection } = read([
      [2022],
      ['Performance Indicator', 'Target', 'Q1', 'Q2', 'Q3', 'Q4'],
      ['Decisions issued within 35 working days', pct(0.8), pct(0.83), pct(0.91), pct(0.87), pct(0.9)],
    ]);
    expect(detection.tables[0]!.doubts.map((doubt) => doubt.code)).toContain('periods-without-year');
  });

  test('"2020/2021 | Apr | May | …": the year over the names dates the months (East Ayrshire, building standards)', () => {
    const { detection } = read([
      ['2020/2021', 'Apr', 'May', 'Jun'],
      ['% of Building Warrant applications processed within 15 working days (2)', pct(0.99), pct(1), pct(0.97)],
    ]);
    expect(roles(detection.tables[0]!).slice(1)).toEqual(['B:actual Apr 2020', 'C:actual May 2020', 'D:actual Jun 2020']);
  });

  test('"no tgt" is no target (Torbay, adult social care local account)', () => {
    expect(parseTargetText('no tgt')).toMatchObject({ kind: 'none' });
  });
});

describe('years heading two tables side by side', () => {
  test('"Bench | 2018 | 2019 | 2020" twice across the sheet over "Mark | Actual | Estimated | Target": both tables keep their two header rows and their years', () => {
    // The City of Westlake finance department's performance measures (FY2020 budget), laid out
    // twice across one sheet as an officer sets out two departments.
    const years = ['', 'Bench', 2018, 2019, 2020];
    const kinds = ['', 'Mark', 'Actual', 'Estimated', 'Target'];
    const staff = ['1. Full Time Equivalents', 'n/a', 4, 4, 4.5];
    const fundBalance = ['1. Fund balance 180 days or greater', '180 days', '428 days', '467 days', '435 days'];
    const { detection } = read([
      [...years, '', ...years],
      [...kinds, '', ...kinds],
      [...staff, '', ...staff],
      [...fundBalance, '', ...fundBalance],
    ]);
    expect(detection.tables.map((table) => [columnLetter(table.range.left), table.headerRows.map((r) => r + 1)])).toEqual([
      ['A', [1, 2]],
      ['G', [1, 2]],
    ]);
    expect(detection.tables.map((table) => roles(table).slice(2, 5))).toEqual([
      ['C:previous 2018', 'D:forecast', 'E:target 2020'],
      ['I:previous 2018', 'J:forecast', 'K:target 2020'],
    ]);
  });
});

describe('a unit after a year heading', () => {
  test('"FY21 (%) | FY22 (%) | FY23 (%)" over "Actual | Actual | Target": the years still date the columns under them', () => {
    // Fort Worth Fire's performance measures (FY23 budget), with the unit written after each year.
    const { detection, verdicts } = read([
      ['', 'FY21 (%)', 'FY22 (%)', 'FY23 (%)'],
      ['Key Measures', 'Actual', 'Actual', 'Target', 'Desired Level'],
      ['Fire turnout time 80 seconds or less 90% of the time', { v: 0.919, fmt: '0.0%' }, { v: 0.905, fmt: '0.0%' }, pct(0.9), pct(1)],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.headerRows.map((r) => r + 1)).toEqual([1, 2]);
    expect(roles(detection.tables[0]!).slice(1, 4)).toEqual(['B:previous 2020/21', 'C:previous 2021/22', 'D:target 2022/23']);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['no-data']);
  });
});

describe("the thirteenth reviewer's grids", () => {
  test('"Year end 2023/24 | Quarter 1 | Quarter 2": the quarters after last year\'s outturn are this year\'s, and the latest is judged (Rotherham, housing service performance)', () => {
    const { detection, verdicts } = read([
      ['Criteria', 'Target', 'Year end 2023/24', 'Quarter 1', 'Quarter 2', 'Target Met'],
      [
        'Percentage of emergency repairs completed in time',
        pct(0.97),
        { v: 0.991, fmt: '0.0%' },
        { v: 0.997, fmt: '0.0%' },
        { v: 0.994, fmt: '0.0%' },
        '☺',
      ],
    ]);
    expect(roles(detection.tables[0]!).slice(2, 5)).toEqual(['C:actual 2023/24', 'D:actual Q1 2024/25', 'E:actual Q2 2024/25']);
    expect(latestPeriodWithData(verdicts)).toBe('Q2 2024/25');
  });

  test.each([
    ['Target slightly missed (within 10%)', 'near'],
    ['Target not achieved', 'missed'],
    ['Out of target and tolerance', 'missed'],
    ['Not achieving target', 'missed'],
    ['Improving towards target', 'near'],
    ['Behind target', 'missed'],
  ])('a publisher\'s own status words: "%s" is %s (Maidstone, Cheshire West and Chester, Rother, Cherwell)', (word, status) => {
    expect(readStatusWord(word)).toBe(status);
  });

  test('"Target slightly missed (within 10%)" in the Status column sets the near-miss band at 10% (Maidstone, Q3 2023/24)', () => {
    const { verdicts } = read([
      ['Performance Indicator', 'Value', 'Target', 'Status'],
      ['Percentage of successful Prevention Duty outcomes', { v: 0.632, fmt: '0.0%' }, pct(0.65), 'Target slightly missed (within 10%)'],
      ['Percentage of successful Relief Duty outcomes', { v: 0.5522, fmt: '0.00%' }, pct(0.4), 'Target met'],
    ]);
    expect(verdicts[0]).toMatchObject({ status: 'near' });
    expect(verdicts[0]!.reason).toContain('10%');
  });

  test('"within 5 working days on average" against "5 working days": a time taken, better lower (Clarion, December 2025)', () => {
    const { verdicts } = read([
      ['Commitment', 'Target', 'Result', 'Status'],
      [
        'Reply to your emails and online enquiries to our central contact centre within 5 working days on average.',
        '5 working days',
        '*2.7 working days',
        'Target exceeded',
      ],
      ['Acknowledge and record your complaint within 5 working days.', '5 working days', '**4 working days', 'Target exceeded'],
    ]);
    expect(verdicts.map((verdict) => [verdict.polarity, verdict.status])).toEqual([
      ['lower', 'met'],
      ['lower', 'met'],
    ]);
  });

  test('"Force | % answered in under 10 seconds | National standard": a league table of forces against the standard is read (999 answering, 12 months to October 2024)', () => {
    const { detection, verdicts } = read([
      ['Force', '% answered in under 10 seconds', 'National standard'],
      ['Lincolnshire', { v: 0.938, fmt: '0.0%' }, pct(0.9)],
      ['Durham', pct(0.79), pct(0.9)],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:actual', 'C:target']);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met', 'missed']);
  });

  test('"Key | On target | Out of target but within tolerance | …" over the table is a legend, not a table (Cheshire West and Chester)', () => {
    const { detection } = read([
      ['Key', 'On target', 'Out of target but within tolerance', 'Out of target and tolerance'],
      [],
      ['Quarter 4 Status', 'KPI ref and description', 'Target', 'Tolerance', 'Quarter 4 Result'],
      [
        'Out of target but within tolerance',
        'PMF-01: Current rent collected as a % of rent owed (excl void rent loss)',
        pct(1),
        { v: 0.02, fmt: '0.00%' },
        { v: 0.9931, fmt: '0.00%' },
      ],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0]!.headerRows).toEqual([2]);
  });

  test('reasons name what the words name: contamination is no missed collection, a share resolved names no time (Maidstone; Ardenglen)', () => {
    expect(polarityRead('Contamination: Tonnage per month rejected').reason).toContain('(contamination)');
    expect(polarityRead('% of complaints resolved (new complaint SPSO indicator)').reason).toContain('(share resolved)');
  });

  test('sickness days lost per employee against an annual target: each quarter held to a quarter of the year (Bolsover, 2024/25)', () => {
    const { verdicts } = read([
      ['Indicator', 'Annual target 2024/25', 'Q1', 'Q2', 'Q3', 'Q4', 'Outturn 2024/25'],
      ['Average number of days lost per employee', '8.5 days', 2.24, 2.35, 2.09, 2.8, 9.5],
    ]);
    const q3 = verdicts.find((verdict) => verdict.period && periodLabel(verdict.period) === 'Q3 2024/25')!;
    const q4 = verdicts.find((verdict) => verdict.period && periodLabel(verdict.period) === 'Q4 2024/25')!;
    expect([q3.status, q4.status]).toEqual(['met', 'missed']);
    expect(q4.reason).toContain('8.5 days a year is 2.13 days for Q4 2024/25');
  });
});

describe('ordinary layouts the new readings must leave alone (the code review)', () => {
  test('a "Lead Officer" column after a spacer is no second table: the quarters beside it are still read', () => {
    // Rotherham's housing service measures, with the officer's own columns.
    const { detection, verdicts } = read([
      ['Ref', 'Criteria', 'Target', '', 'Lead Officer', 'Quarter 1', 'Quarter 2', 'Status'],
      [
        'HS01',
        'Percentage of emergency repairs completed in time',
        pct(0.97),
        '',
        'Head of Housing',
        { v: 0.997, fmt: '0.0%' },
        { v: 0.994, fmt: '0.0%' },
        '',
      ],
    ]);
    expect(detection.tables).toHaveLength(1);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met', 'met']);
  });

  test('an age band says who is counted, not which way is better', () => {
    // Public Health England's Public Health Outcomes Framework indicator.
    expect(polarityRead('Smoking Prevalence in adults (aged 18 or over) - current smokers (APS)').polarity).toBe('lower');
    expect(polarityRead('Smoking prevalence in adults aged 18 or above').polarity).toBe('lower');
  });

  test('"Performance against targets" over years heads results, not targets', () => {
    // The Legal Ombudsman's heading over Rotherham's two years of emergency repairs.
    const { detection } = read([
      ['Performance against targets', '2023/24', '2024/25'],
      ['Percentage of emergency repairs completed in time', { v: 0.991, fmt: '0.0%' }, { v: 0.994, fmt: '0.0%' }],
    ]);
    expect(roles(detection.tables[0]!).slice(1)).toEqual(['B:actual 2023/24', 'C:actual 2024/25']);
  });

  test('"Decent Homes Standard 2023/24" names a measure, not a target', () => {
    expect(classifyHeader('Decent Homes Standard 2023/24')).toBeUndefined();
  });
});

describe("the fourteenth reviewer's grids (NHS, police, fire)", () => {
  test.each([
    ['Clostridium difficile', 'Plymouth Hospitals NHS Trust'],
    ['E. coli bacteraemia', 'NHS integrated performance reports'],
    ['MSSA bacteraemia', 'NHS integrated performance reports'],
    ['101 call attrition', 'Kent PCC'],
    ['Falls with harm', 'NHS integrated performance reports'],
  ])('"%s" is better lower (%s)', (description) => {
    const verdict = polarityRead(description);
    expect([verdict.polarity, verdict.polarityAssumed]).toEqual(['lower', false]);
  });

  test('"Infection | Limit | Cases": the limit is a ceiling and the cases are held to it (Western Sussex Hospitals)', () => {
    const { detection, verdicts } = read([
      ['Infection', 'Limit', 'Cases', 'Note'],
      ['MRSA bacteraemia', 9, 7, 'Includes a case subject to appeal'],
      ['Clostridium difficile', 187, 125, 'Limit for 2011-12 is 90 cases'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual', 'D:commentary']);
    expect(verdicts.map((verdict) => [verdict.polarity, verdict.status])).toEqual([
      ['lower', 'met'],
      ['lower', 'met'],
    ]);
  });

  test('a time in minutes and seconds against a target in seconds is compared in one unit (West Mercia, Kent, Warwickshire Fire)', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Q1 2024/25'],
      ['Average time to answer 101 calls', '30 seconds', '1min 38secs'],
      ['999 call handling time (mm:ss)', '01:30', '01:45'],
    ]);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['missed', 'missed']);
    expect(verdicts[0]!.reason).toContain('98 seconds');
  });

  test('a time written as the target is, "01:20" against "01:20", meets it exactly (Warwickshire Fire\'s call handling)', () => {
    const { verdicts } = read([
      ['Indicator', 'Target', 'Q1 2024/25'],
      ['999 call handling time (mm:ss)', '01:20', '01:20'],
    ]);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['met']);
  });

  test('"Best Quartile" and "Welsh Median" are comparators, "PAM/030" a reference (Carmarthenshire, PIMS Q3 2018/19)', () => {
    const { detection, verdicts } = read([
      [
        'Ref',
        'Measure Description',
        '2018/19 Quarter 3 Target',
        '2018/19 Quarter 3 Result',
        'End of Year Target',
        'Best Quartile',
        'Welsh Median',
      ],
      ['PAM/030', 'Percentage of waste reused, recycled or composted', 64, 63.94, 64, 65.13, 63.24],
    ]);
    expect(roles(detection.tables[0]!)).toEqual([
      'A:reference',
      'B:description',
      'C:target Q3 2018/19',
      'D:actual Q3 2018/19',
      'E:target',
      'F:benchmark',
      'G:benchmark',
    ]);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['near']);
  });

  test('"Reduction on 2010-11" beside the year\'s actual is the change, not a second actual (Frimley Park NHS FT)', () => {
    const { detection } = read([
      ['Indicator', 'Target 2011-12', 'Actual 2011-12', 'Reduction on 2010-11', 'Target 2012-13'],
      ['C. difficile infection (post 72 hour)', 28, 15, pct(0.46), 14],
    ]);
    expect(roles(detection.tables[0]!)[3]).toBe('D:trend');
  });

  test('"Standard | Target | Position | Met?": the position is the current figure, not a league rank (Oxford University Hospitals, IPR May 2017)', () => {
    const { detection } = read([
      ['Standard', 'Target', 'Position', 'Met?'],
      ['Four-hour wait', pct(0.95), { v: 0.864, fmt: '0.0%' }, 'Not met'],
      ['RTT Incomplete', pct(0.92), { v: 0.9012, fmt: '0.00%' }, 'Not met'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual', 'D:status']);
  });
});

describe('infection objectives and SPC columns', () => {
  test('"Infection | Objective 2024/25 | Year to date" over infections: the objective is the target (an NHS trust\'s infection table)', () => {
    expect(classifyHeader('Objective 2024/25')).toMatchObject({ role: 'target', period: { kind: 'year', fy: 2024 } });
    expect(classifyHeader('Objective')).toBeUndefined();
  });

  test('an SPC chart\'s "Variation" and "Assurance" are the publisher\'s reading, never a commentary column to write into (NHS England, Making Data Count)', () => {
    expect(classifyHeader('Variation')?.role).toBe('trend');
    expect(classifyHeader('Assurance')?.role).toBe('trend');
  });

  test('infections whose names are no measure words, above a table that was read, are still named when unread (Plymouth Hospitals NHS Trust)', () => {
    // Plymouth's December figures ("one case of Clostridium Difficile against trajectories of 1 and 8").
    const { detection } = read([
      ['Infection', 'Quota', 'December'],
      ['Hospital apportioned MRSA bacteraemia', 1, 0],
      ['Clostridium difficile', 8, 1],
      [],
      ['Standard', 'Target', 'Position'],
      ['Four-hour wait', pct(0.95), { v: 0.864, fmt: '0.0%' }],
    ]);
    expect(detection.tables.map((table) => table.range.top + 1)).toEqual([5]);
    expect(detection.doubts.map((doubt) => doubt.message)).toContain(
      "'KPIs'!A1:C3 looks like KPIs, but no table could be read there: choose its columns (or mark it as not a KPI table).",
    );
  });
});

describe('a ceiling in words, already passed in the year to date', () => {
  test('"no more than three for the year" against "Year to date (end of February)": 10 cases is not met (St Helens and Knowsley, MRSA 2012-13)', () => {
    expect(parseTargetText('no more than three for the year')).toMatchObject({ kind: 'threshold', value: 3, direction: 'lower' });
    const { detection, verdicts } = read([
      ['Indicator', 'Target 2012-13', 'Year to date (end of February)'],
      ['Hospital acquired MRSA bacteraemia', 'no more than three for the year', 10],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target 2012/13', 'C:actual YTD 2012/13']);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['missed']);
  });
});
