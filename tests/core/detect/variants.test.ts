/**
 * Issue 2, "Done when": a workbook it has never seen, laid out like A, B, C or E but with other
 * sheet names, column order, header wording and extra columns, is still read right.
 *
 * None of these workbooks copies a sample: they are built here, in memory (buildWorkbook) and,
 * for some, written to .xlsx with exceljs and read back through the real .xlsx host.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { DetectedTable, Detection } from '../../../src/core/detect/types';
import { buildWorkbook, type SheetInput } from '../../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-xlsx';
import { columnsOf, headerRowsOf, indicatorsOf, onlyTable, rangeOf, tableList } from '../../support/detection-view';
import { tempFolder, writeXlsx } from '../../support/xlsx-writer';

const detect = (...sheets: SheetInput[]): Detection => detectWorkbook(buildWorkbook(sheets));

const MONTHS_2024 = [
  'Apr-24',
  'May-24',
  'Jun-24',
  'Jul-24',
  'Aug-24',
  'Sep-24',
  'Oct-24',
  'Nov-24',
  'Dec-24',
  'Jan-25',
  'Feb-25',
  'Mar-25',
];
const MONTH_LABELS_2024 = [
  'Apr 2024',
  'May 2024',
  'Jun 2024',
  'Jul 2024',
  'Aug 2024',
  'Sep 2024',
  'Oct 2024',
  'Nov 2024',
  'Dec 2024',
  'Jan 2025',
  'Feb 2025',
  'Mar 2025',
];
const letters = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(from.charCodeAt(0) + i));

function expectNoKpiTable(detection: Detection): void {
  expect(tableList(detection)).toEqual([]);
}

// ---------------------------------------------------------------------------
// Like layout A: indicators down, periods across
// ---------------------------------------------------------------------------

describe('like layout A (period tables)', () => {
  test('a corporate scorecard: shuffled columns, other wording, extra columns, merged title, spacer and spill rows, numbers as text', () => {
    const detection = detect({
      name: 'Corporate scorecard',
      merges: ['A1:N1'],
      rows: [
        ['Corporate scorecard – Quarter 2'],
        [],
        [
          'Lead Officer',
          'Ref',
          'Performance Indicator',
          'Polarity',
          'Baseline 2023/24',
          'Qtr 1',
          'Qtr 2',
          'Qtr 3',
          'Qtr 4',
          'Target 2025/26',
          'RAG',
          'Comments',
          'Notes for finance',
          'Last updated',
        ],
        [
          'J Smith',
          'HM01',
          'Rent collected as a % of rent due',
          'Higher is better',
          '97.1%',
          '95.2%',
          '96.0%',
          null,
          null,
          '98%',
          null,
          'On profile',
          'check with finance',
          { date: '2025-10-03' },
        ],
        [
          'A Jones',
          'HM02',
          'Average days to re-let',
          'Lower is better',
          '30',
          '28',
          '25',
          null,
          null,
          '25',
          null,
          null,
          null,
          { date: '2025-10-03' },
        ],
        [
          null,
          null,
          '(general needs, excluding major works)',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          'Major works voids shown separately',
          null,
          null,
        ],
        [],
        [
          'P Brown',
          'HM03',
          'Stage 1 complaints answered within 10 working days',
          'Higher is better',
          '0.9',
          '0.92',
          '0.88',
          null,
          null,
          '0.95',
          null,
          null,
          null,
          null,
        ],
        [
          'P Brown',
          'HM04',
          'Anti-social behaviour cases per 1,000 homes',
          'No direction',
          '12',
          '14',
          '11',
          null,
          null,
          'N/A',
          null,
          null,
          null,
          null,
        ],
      ],
    });
    const table = onlyTable(detection);
    expect(table.kind).toBe('period-table');
    expect(rangeOf(table)).toBe('A3:L9');
    expect(table.title).toBe('Corporate scorecard – Quarter 2');
    expect(columnsOf(table)).toEqual([
      'A owner',
      'B reference',
      'C description',
      'D polarity',
      'E baseline',
      // Undated quarters take the year of the dated target beside them.
      'F actual Q1 2025/26',
      'G actual Q2 2025/26',
      'H actual Q3 2025/26',
      'I actual Q4 2025/26',
      'J target 2025/26',
      'K status',
      'L commentary',
    ]);
    expect(indicatorsOf(table)).toEqual([
      'HM01 Rent collected as a % of rent due',
      'HM02 Average days to re-let (general needs, excluding major works)',
      'HM03 Stage 1 complaints answered within 10 working days',
      'HM04 Anti-social behaviour cases per 1,000 homes',
    ]);
    expect(table.indicators[1]!.rows.map((row) => row + 1)).toEqual([5, 6]);
    // "Notes for finance" and "Last updated" are left alone.
    expect(table.columns.map((column) => column.header)).not.toEqual(expect.arrayContaining(['Notes for finance']));
    expect(table.columns.map((column) => column.header)).not.toEqual(expect.arrayContaining(['Last updated']));
  });

  test('monthly columns Apr-24 … Mar-25 with YTD, PI Code / Measure / Frequency / Data source, starting in column B', () => {
    const detection = detect({
      name: 'Monthly monitoring',
      rows: [
        [null, 'Homelessness – monthly monitoring'],
        [],
        [null, 'PI Code', 'Measure', 'Frequency', 'Data source', ...MONTHS_2024, 'YTD', 'Target 2024/25', 'Status'],
        [
          null,
          'HL1',
          'Households prevented from becoming homeless',
          'Monthly',
          'Locata',
          '22',
          '25',
          '30',
          '24',
          '20',
          '19',
          null,
          null,
          null,
          null,
          null,
          null,
          '140',
          '264',
          null,
        ],
        [
          null,
          'HL2',
          'Families in B&B over 6 weeks',
          'Monthly',
          'Locata',
          '0',
          '0',
          '1',
          '0',
          '0',
          '0',
          null,
          null,
          null,
          null,
          null,
          null,
          '1',
          '0',
          null,
        ],
      ],
    });
    const table = onlyTable(detection);
    expect(rangeOf(table)).toBe('B3:T5');
    expect(table.kind).toBe('period-table');
    expect(columnsOf(table)).toEqual([
      'B reference',
      'C description',
      'D frequency',
      'E source',
      ...letters('F', 12).map((letter, i) => `${letter} actual ${MONTH_LABELS_2024[i]}`),
      'R actual YTD 2024/25',
      'S target 2024/25',
      'T status',
    ]);
    expect(table.columns.find((column) => column.header === 'Jan-25')!.period).toEqual({ kind: 'month', month: 1, fy: 2024 });
    expect(indicatorsOf(table)).toEqual(['HL1 Households prevented from becoming homeless', 'HL2 Families in B&B over 6 weeks']);
  });

  test('unrelated columns in the middle of a table ("Notes for finance", "Last updated") are left alone, and said so', () => {
    const detection = detect({
      name: 'Finance view',
      rows: [
        ['Ref', 'Measure', 'Notes for finance', 'Q1 2024/25', 'Last updated', 'Q2 2024/25', 'Target', 'Status'],
        ['1', 'Rent collected', 'see ledger', '95%', { date: '2024-07-10' }, '96%', '97%', null],
        ['2', 'Void rent loss', null, '2%', { date: '2024-07-10' }, '2.1%', '2%', null],
      ],
    });
    const table = onlyTable(detection);
    expect(rangeOf(table)).toBe('A1:H3');
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'D actual Q1 2024/25',
      'F actual Q2 2024/25',
      'G target',
      'H status',
    ]);
    expect(indicatorsOf(table)).toEqual(['1 Rent collected', '2 Void rent loss']);
    expect(table.doubts).toEqual(
      expect.arrayContaining([
        { code: 'column-not-recognised', message: expect.stringMatching(/Column C "Notes for finance"/) },
        { code: 'column-not-recognised', message: expect.stringMatching(/Column E "Last updated"/) },
      ]),
    );
  });

  test('a YTD column is dated by the months beside it, not by last year\'s outturn column ("Actual 2023/24")', () => {
    const detection = detect({
      name: 'Rent',
      rows: [
        ['PI Code', 'Measure', 'Actual 2023/24', ...MONTHS_2024, 'YTD', 'Target', 'Status'],
        [
          'BV66a',
          'Rent collected',
          '97.5%',
          '90%',
          '91%',
          '92%',
          '93%',
          '94%',
          '95%',
          null,
          null,
          null,
          null,
          null,
          null,
          '95%',
          '97%',
          null,
        ],
      ],
    });
    const table = onlyTable(detection);
    expect(columnsOf(table).slice(0, 3)).toEqual(['A reference', 'B description', 'C actual 2023/24']);
    expect(columnsOf(table).slice(3, 15)).toEqual(letters('D', 12).map((letter, i) => `${letter} actual ${MONTH_LABELS_2024[i]}`));
    // The year to date of Apr-24 … Mar-25 is 2024/25.
    expect(columnsOf(table)[15]).toBe('P actual YTD 2024/25');
  });

  test('financial months M1, M2, M3 and YTD under a lone "2025/26" line', () => {
    const detection = detect({
      name: 'Repairs',
      rows: [
        ['2025/26'],
        ['Ref', 'Measure', 'M1', 'M2', 'M3', 'YTD', 'Target', 'Status'],
        ['R1', 'Repairs completed right first time', '88%', '91%', '90%', '90%', '92%', null],
        ['R2', 'Emergency repairs attended within 4 hours', '99%', '98%', '100%', '99%', '100%', null],
      ],
    });
    const table = onlyTable(detection);
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'C actual Apr 2025',
      'D actual May 2025',
      'E actual Jun 2025',
      'F actual YTD 2025/26',
      'G target',
      'H status',
    ]);
    expect(indicatorsOf(table)).toEqual(['R1 Repairs completed right first time', 'R2 Emergency repairs attended within 4 hours']);
  });

  test('month names "April", "May", "June" take the year from the sheet name "KPIs 2023-24"', () => {
    const detection = detect({
      name: 'KPIs 2023-24',
      rows: [
        ['Ref', 'Indicator', 'April', 'May', 'June', 'Target', 'Comments'],
        ['1', 'Calls answered in 30 seconds', '81%', '84%', '86%', '85%', null],
        ['2', 'Abandoned calls', '9%', '7%', '6%', '5%', 'New IVR from May'],
      ],
    });
    const table = onlyTable(detection);
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'C actual Apr 2023',
      'D actual May 2023',
      'E actual Jun 2023',
      'F target',
      'G commentary',
    ]);
    expect(indicatorsOf(table)).toEqual(['1 Calls answered in 30 seconds', '2 Abandoned calls']);
  });

  test('two KPI tables one under the other, with a hidden row and a blank spacer row inside the first', () => {
    const header = ['Ref', 'Performance Indicator', 'Qtr 1', 'Qtr 2', 'Target 2024/25', 'RAG'];
    const detection = detect({
      name: 'Q2 report',
      hiddenRows: [4],
      rows: [
        ['Housing KPIs'],
        header,
        ['HS1', 'Rent collected', 0.95, 0.96, 0.98, null],
        ['HS2', 'Tenancy audits completed', 40, 45, 50, null],
        [],
        ['HS3', 'Gas safety compliance', 1, 0.99, 1, null],
        [],
        [],
        ['Environment KPIs'],
        header,
        ['EN1', 'Missed bins per 100,000 collections', 40, 35, 50, null],
        ['EN2', 'Fly-tips cleared within 2 working days', '88%', '91%', '90%', null],
      ],
    });
    expect(tableList(detection)).toEqual(['Q2 report!A2:F6', 'Q2 report!A10:F12']);
    const [housing, environment] = detection.tables as [DetectedTable, DetectedTable];
    expect([housing.title, environment.title]).toEqual(['Housing KPIs', 'Environment KPIs']);
    for (const table of [housing, environment]) {
      expect(columnsOf(table)).toEqual([
        'A reference',
        'B description',
        'C actual Q1 2024/25',
        'D actual Q2 2024/25',
        'E target 2024/25',
        'F status',
      ]);
    }
    expect(indicatorsOf(housing)).toEqual(['HS1 Rent collected', 'HS2 Tenancy audits completed', 'HS3 Gas safety compliance']);
    expect(housing.indicators.map((indicator) => indicator.hidden)).toEqual([false, true, false]);
    expect(indicatorsOf(environment)).toEqual(['EN1 Missed bins per 100,000 collections', 'EN2 Fly-tips cleared within 2 working days']);
  });

  test('an Excel table (ListObject) with a totals row, not starting in column A: the totals row is no indicator', () => {
    const detection = detect({
      name: 'Dashboard',
      merges: ['C1:I1'],
      tables: [{ name: 'tblHousingKPIs', ref: 'C3:I6', totalsRow: true }],
      rows: [
        [null, null, 'Housing dashboard'],
        [],
        [null, null, 'Ref', 'Measure', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Comments'],
        [null, null, 'H1', 'Voids re-let', '12', '14', '15 per quarter', null, null],
        [null, null, 'H2', 'Former tenant arrears', '3.2%', '3.1%', '3%', null, 'rising'],
        [null, null, 'Total', null, { f: 'SUBTOTAL(109,E4:E5)', v: 15.2 }, { f: 'SUBTOTAL(109,F4:F5)', v: 17.1 }, null, null, null],
        [],
        [null, null, 'Figures are provisional until the year-end audit.'],
      ],
    });
    const table = onlyTable(detection);
    expect(table.excelTable).toBe('tblHousingKPIs');
    expect(rangeOf(table)).toBe('C3:I5');
    expect(columnsOf(table)).toEqual([
      'C reference',
      'D description',
      'E actual Q1 2024/25',
      'F actual Q2 2024/25',
      'G target',
      'H status',
      'I commentary',
    ]);
    expect(indicatorsOf(table)).toEqual(['H1 Voids re-let', 'H2 Former tenant arrears']);
  });

  test('columns in reverse order (Status first, Ref last), with a description spilling onto a second row', () => {
    const detection = detect({
      name: 'Customer services',
      rows: [
        ['Status', 'Commentary', 'Target 2025/26', 'Qtr 2', 'Qtr 1', 'Performance Indicator', 'Ref'],
        [null, 'on track', '95%', '96%', '94%', 'Calls answered', 'C1'],
        [null, null, '10', '12', '9', 'Complaints escalated to', 'C2'],
        [null, null, null, null, null, 'stage 2', null],
        [null, null, '5', '4', '3', 'Ombudsman cases', 'C3'],
      ],
    });
    const table = onlyTable(detection);
    expect(columnsOf(table)).toEqual([
      'A status',
      'B commentary',
      'C target 2025/26',
      'D actual Q2 2025/26',
      'E actual Q1 2025/26',
      'F description',
      'G reference',
    ]);
    expect(indicatorsOf(table)).toEqual(['C1 Calls answered', 'C2 Complaints escalated to stage 2', 'C3 Ombudsman cases']);
    expect(table.indicators[1]!.rows.map((row) => row + 1)).toEqual([3, 4]);
  });

  test('a two-row header: a merged "2024/25" over Q1 | Q2 | Q3 | Q4', () => {
    const detection = detect({
      name: 'Quarterly',
      merges: ['C1:F1', 'A1:A2', 'B1:B2', 'G1:G2', 'H1:H2'],
      rows: [
        ['Ref', 'Indicator', '2024/25', null, null, null, 'Target', 'Status'],
        [null, null, 'Q1', 'Q2', 'Q3', 'Q4', null, null],
        ['K1', 'Rent collected', 0.9, 0.95, null, null, 0.97, null],
        ['K2', 'Void rent loss', 0.03, 0.02, null, null, 0.02, null],
      ],
    });
    const table = onlyTable(detection);
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'C actual Q1 2024/25',
      'D actual Q2 2024/25',
      'E actual Q3 2024/25',
      'F actual Q4 2024/25',
      'G target',
      'H status',
    ]);
    expect(headerRowsOf(table)).toEqual([1, 2]);
    expect(indicatorsOf(table)).toEqual(['K1 Rent collected', 'K2 Void rent loss']);
  });

  test('the year in brackets: "Q1 (2024/25)", "Q2 (2024/25)", "Target (2024/25)"', () => {
    const detection = detect({
      name: 'Bracketed',
      rows: [
        ['Ref', 'Indicator', 'Q1 (2024/25)', 'Q2 (2024/25)', 'Target (2024/25)', 'Status'],
        ['1', 'Rent collected', '95%', '96%', '97%', null],
      ],
    });
    const table = onlyTable(detection);
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'C actual Q1 2024/25',
      'D actual Q2 2024/25',
      'E target 2024/25',
      'F status',
    ]);
  });

  test('.xlsx written by exceljs: an Excel table with a totals row, monthly columns, a hidden row, numbers as text, a merged title', async () => {
    const temp = tempFolder('variants-a');
    try {
      const path = await writeXlsx(temp.path('housing-monthly.xlsx'), [
        {
          name: 'Housing 24-25',
          rows: [[null, 'Housing performance – monthly'], [null]],
          merges: ['B1:H1'],
          hiddenRows: [5],
          tables: [
            {
              name: 'HousingKPIs',
              ref: 'B3',
              totalsRow: true,
              columns: [
                { name: 'PI Code', totalsRowLabel: 'Total' },
                { name: 'Measure' },
                { name: 'Apr-24', totalsRowFunction: 'sum' },
                { name: 'May-24', totalsRowFunction: 'sum' },
                { name: 'Target 2024/25' },
                { name: 'RAG' },
                { name: 'Comments' },
              ],
              rows: [
                ['HP1', 'Repairs completed on time', '0.95', '0.97', '96%', null, null],
                ['HP2', 'Complaints received', '12', '9', '10 per month', null, 'seasonal'],
                ['HP3', 'Tenancy fraud cases closed', '3', '4', '40 p.a.', null, null],
              ],
            },
          ],
        },
        { name: 'Read me', rows: [['This workbook is updated monthly by the performance team.']] },
      ]);
      const { workbook } = await readXlsxFile(path);
      const detection = detectWorkbook(workbook);
      const table = onlyTable(detection);
      expect(table.sheet).toBe('Housing 24-25');
      expect(table.excelTable).toBe('HousingKPIs');
      expect(rangeOf(table)).toBe('B3:H6');
      expect(table.title).toBe('Housing performance – monthly');
      expect(columnsOf(table)).toEqual([
        'B reference',
        'C description',
        'D actual Apr 2024',
        'E actual May 2024',
        'F target 2024/25',
        'G status',
        'H commentary',
      ]);
      expect(indicatorsOf(table)).toEqual(['HP1 Repairs completed on time', 'HP2 Complaints received', 'HP3 Tenancy fraud cases closed']);
      expect(table.indicators.map((indicator) => indicator.hidden)).toEqual([false, true, false]);
    } finally {
      temp.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// Like layout B: small themed tables, Target/Actual, footnotes
// ---------------------------------------------------------------------------

describe('like layout B (themed measure tables)', () => {
  test('Actual before Target, a Lead Officer column, footnotes *, ** and *** and a sub-heading, year from a "2023/2024" line', () => {
    const detection = detect({
      name: 'Year end 2023-24',
      merges: ['A1:D1', 'A7:D7', 'A14:D14', 'A15:D15'],
      rows: [
        ['Annual review of the Tenancy Services plan'],
        ['2023/2024'],
        [],
        ['Tenancy Sustainment Performance Measure', 'Actual', 'Target', 'Lead Officer'],
        ['Tenancies sustained beyond 12 months', '91% +1%', '90%', 'K Patel'],
        ['Money advice referrals', '*40 referrals', '50 p.a.', 'K Patel'],
        ['*Variance- referrals fell while the money adviser post was vacant.'],
        [],
        ['Community Safety Performance Measure', 'Actual', 'Target', 'Lead Officer'],
        ['ASB cases closed within 30 days', '**85%', '80%', 'D Okoro'],
        ['Youth Outreach – Schools Programme'],
        ['School sessions delivered', '3 delivered ***', '4 p.a.', 'D Okoro'],
        ['Parents attending drop-in sessions', 'On going', 'March 2024', 'D Okoro'],
        ['** Variance- two complex cases were closed on day 31.'],
        ['***Variance- one school withdrew.'],
      ],
    });
    expect(tableList(detection)).toEqual(['Year end 2023-24!A4:D7', 'Year end 2023-24!A9:D15']);
    const [sustainment, safety] = detection.tables as [DetectedTable, DetectedTable];
    expect([sustainment.kind, safety.kind]).toEqual(['measure-table', 'measure-table']);
    expect([sustainment.title, safety.title]).toEqual(['Tenancy Sustainment', 'Community Safety']);
    for (const table of [sustainment, safety])
      expect(columnsOf(table)).toEqual(['A description', 'B actual 2023/24', 'C target', 'D owner']);
    expect(indicatorsOf(sustainment)).toEqual(['Tenancies sustained beyond 12 months', 'Money advice referrals']);
    expect(indicatorsOf(safety)).toEqual([
      'ASB cases closed within 30 days',
      'School sessions delivered',
      'Parents attending drop-in sessions',
    ]);
    expect(safety.indicators.map((indicator) => indicator.section ?? null)).toEqual([
      null,
      'Youth Outreach – Schools Programme',
      'Youth Outreach – Schools Programme',
    ]);
    const notes = [...sustainment.indicators, ...safety.indicators].map((indicator) => [
      indicator.description,
      indicator.footnote?.marker ?? null,
      indicator.footnote?.text ?? null,
    ]);
    expect(notes).toEqual([
      ['Tenancies sustained beyond 12 months', null, null],
      ['Money advice referrals', '*', 'Variance- referrals fell while the money adviser post was vacant.'],
      ['ASB cases closed within 30 days', '**', 'Variance- two complex cases were closed on day 31.'],
      ['School sessions delivered', '***', 'Variance- one school withdrew.'],
      ['Parents attending drop-in sessions', null, null],
    ]);
  });

  test('a Baseline/Target table under "Performance Measure: <theme>", with dated headers and a Frequency column', () => {
    const detection = detect({
      name: 'Plan',
      rows: [
        ['Performance Measure: Reduce the use of temporary accommodation', 'Baseline 2023/24', 'Target 2024/25', 'Frequency'],
        ['Families in B&B for more than 6 weeks', 0, 0, 'Monthly'],
        ['Homeless decisions within 33 working days', '95%', '100%', 'Quarterly'],
        ['Rent collected on temporary accommodation', { v: 84396, fmt: '"£"#,##0' }, '5% above 2023 baseline', 'Quarterly'],
      ],
    });
    const table = onlyTable(detection);
    expect(table.kind).toBe('baseline-table');
    expect(table.title).toBe('Reduce the use of temporary accommodation');
    expect(columnsOf(table)).toEqual(['A description', 'B baseline', 'C target 2024/25', 'D frequency']);
    expect(indicatorsOf(table)).toEqual([
      'Families in B&B for more than 6 weeks',
      'Homeless decisions within 33 working days',
      'Rent collected on temporary accommodation',
    ]);
  });

  test('"Measure | 2014/2015 | Target 2015/16 | Comments" with an Owner column and a Data source column', () => {
    const detection = detect({
      name: 'Options',
      rows: [
        ['Measure', 'Owner', '2014/2015', 'Target 2015/16', 'Data source', 'Comments'],
        ['Households prevented from becoming homeless', 'Housing Options Team', 364, 350, 'Locata', 'Well above target'],
        ['Landlord forums held', 'Housing Options Team', 1, '2 p.a.', 'Attendance lists', null],
      ],
    });
    const table = onlyTable(detection);
    expect(table.kind).toBe('measure-table');
    expect(columnsOf(table)).toEqual(['A description', 'B owner', 'C actual 2014/15', 'D target 2015/16', 'E source', 'F commentary']);
    expect(indicatorsOf(table)).toEqual(['Households prevented from becoming homeless', 'Landlord forums held']);
  });
});

// ---------------------------------------------------------------------------
// Like layout C: KPI return with counts and target-met shares, satisfaction counts
// ---------------------------------------------------------------------------

describe('like layout C (KPI return and satisfaction counts)', () => {
  test('one-row header "KPI No. | Cases | % within target | % outside target | Notes", definitions, a satisfaction table', () => {
    const detection = detect({
      name: 'Q3 return',
      rows: [
        ['Adaptations service – quarterly return'],
        [],
        ['KPI No.', 'Cases', '% within target', '% outside target', 'Notes'],
        ['1', 30, { v: 0.9, fmt: '0%' }, { v: 0.1, fmt: '0%' }, 'Two late: contractor delays'],
        ['2', 12, '100%', '-', null],
        ['3', 'See table below', null, null, null],
        [],
        ['Definitions'],
        ['KPI 1 - Time taken to assess a referral (target 10 working days)'],
        ['KPI 2: Time taken to approve the grant (target 28 days)'],
        ['KPI 3 – Customer satisfaction with the finished adaptation'],
        [],
        ['Satisfaction', 'Very dissatisfied', 'Dissatisfied', 'Satisfied', 'Very satisfied', '% satisfied'],
        ['Quality of work', 0, 1, 5, 10, { v: 0.94, fmt: '0%' }],
        ['Cleanliness', null, 2, 6, 8, { v: 0.875, fmt: '0%' }],
        ['Overall', 0, 1, 6, 9, { v: 0.94, fmt: '0%' }],
      ],
    });
    expect(tableList(detection)).toEqual(['Q3 return!A3:E6', 'Q3 return!A13:F16']);
    const [kpiReturn, satisfaction] = detection.tables as [DetectedTable, DetectedTable];
    expect(kpiReturn.kind).toBe('kpi-return');
    expect(columnsOf(kpiReturn)).toEqual(['A reference', 'B count', 'C metShare', 'D notMetShare', 'E commentary']);
    expect(kpiReturn.indicators.map((indicator) => [indicator.ref, indicator.definition])).toEqual([
      ['1', 'Time taken to assess a referral (target 10 working days)'],
      ['2', 'Time taken to approve the grant (target 28 days)'],
      ['3', 'Customer satisfaction with the finished adaptation'],
    ]);
    expect(satisfaction.kind).toBe('satisfaction');
    expect(columnsOf(satisfaction)).toEqual([
      'A description',
      'B rating Very dissatisfied',
      'C rating Dissatisfied',
      'D rating Satisfied',
      'E rating Very satisfied',
      'F ratingShare',
    ]);
    expect(indicatorsOf(satisfaction)).toEqual(['Quality of work', 'Cleanliness', 'Overall']);
  });

  test('.xlsx written by exceljs: a two-row header with "Target Met" merged over Yes | No, starting in column B, shares as text', async () => {
    const temp = tempFolder('variants-c');
    try {
      const path = await writeXlsx(temp.path('return.xlsx'), [
        {
          name: 'Results',
          merges: ['D2:E2', 'B2:B3', 'C2:C3', 'F2:F3'],
          rows: [
            [null, 'Disabled adaptations – results for 2023/24'],
            [null, 'Key Performance Indicator', 'Number of cases', 'Target Met', null, 'Comments'],
            [null, null, null, 'Yes', 'No', null],
            [null, '1a', 41, null, null, null],
            [null, '2', 10, { v: 1, fmt: '0%' }, '-', null],
            [null, '3', 8, '75%', '25%', 'Two visits were late: staff sickness'],
          ],
        },
      ]);
      const { workbook } = await readXlsxFile(path);
      const table = onlyTable(detectWorkbook(workbook));
      expect(table.kind).toBe('kpi-return');
      expect(rangeOf(table)).toBe('B2:F6');
      expect(headerRowsOf(table)).toEqual([2, 3]);
      expect(columnsOf(table)).toEqual(['B reference', 'C count', 'D metShare', 'E notMetShare', 'F commentary']);
      expect(table.indicators.map((indicator) => indicator.ref)).toEqual(['1a', '2', '3']);
    } finally {
      temp.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// Like layout E: action plans under recommendation headings
// ---------------------------------------------------------------------------

describe('like layout E (action plans)', () => {
  test('other header wording, a target date line, Responsible and Executive Sponsor in several forms, By free text', () => {
    const detection = detect({
      name: 'Improvement plan',
      merges: ['A1:E1', 'A3:E3'],
      rows: [
        ['Housing Inspection – Improvement Plan 2025'],
        [],
        ['R1 Improve damp and mould response times'],
        ['Target date: March 2026'],
        ['Responsible: Sam Lee – Head of Repairs', null, 'Executive Sponsor: Chris Ng'],
        ['Key outcome', 'Key actions', 'Due date', 'Progress made', 'How will we know?'],
        [
          'Homes are dry and safe',
          'Triage all damp reports within 24 hours',
          'December 2025 (and ongoing)',
          'Pilot started',
          '100% of reports triaged in 24 hours',
        ],
        [null, 'Train surveyors in the new guidance', 'Ongoing from October 2025', null, null],
        [null, 'Write to all tenants about reporting damp', '1st August (completed)', 'Letters sent', null],
        ['Costs/Resources required'],
        ['£20,000 from the repairs budget'],
        [],
        [],
        ['R2.1 Publish repairs performance every month'],
        ['Responsible: Jo Bell, Performance Manager | Executive Sponsor - Pat Kaur'],
        ['Key outcomes for customers', 'Key actions', 'By', 'Progress taken to date', "How do we know when we've achieved this?"],
        [
          'Tenants can see how we perform',
          'Monthly web page of repairs figures',
          'September/October 2025',
          null,
          'Page live and updated monthly',
        ],
        [null, 'Quarterly summary in the tenants’ newsletter', 'July 2025 (completed)', 'First issue out', null],
      ],
    });
    expect(tableList(detection)).toEqual(['Improvement plan!A3:E9', 'Improvement plan!A14:E18']);
    const [r1, r21] = detection.tables as [DetectedTable, DetectedTable];
    for (const table of [r1, r21]) {
      expect(table.kind).toBe('action-plan');
      expect(columnsOf(table)).toEqual(['A keyOutcome', 'B keyActions', 'C due', 'D progress', 'E successMeasure']);
    }
    expect(r1.recommendation).toEqual({
      ref: 'R1',
      title: 'Improve damp and mould response times',
      responsible: 'Sam Lee – Head of Repairs',
      sponsor: 'Chris Ng',
      targetDate: 'March 2026',
    });
    expect(r1.actions.map((action) => [action.action, action.due, action.keyOutcome])).toEqual([
      ['Triage all damp reports within 24 hours', 'December 2025 (and ongoing)', 'Homes are dry and safe'],
      ['Train surveyors in the new guidance', 'Ongoing from October 2025', 'Homes are dry and safe'],
      ['Write to all tenants about reporting damp', '1st August (completed)', 'Homes are dry and safe'],
    ]);
    expect(r21.recommendation).toMatchObject({ ref: 'R2.1', responsible: 'Jo Bell, Performance Manager', sponsor: 'Pat Kaur' });
    expect(r21.actions.map((action) => action.due)).toEqual(['September/October 2025', 'July 2025 (completed)']);
  });

  test('.xlsx written by exceljs: shuffled columns with Lead Officer and Comments, starting in column B', async () => {
    const temp = tempFolder('variants-e');
    try {
      const path = await writeXlsx(temp.path('actions.xlsx'), [
        {
          name: 'Actions',
          merges: ['B1:H1'],
          rows: [
            [null, 'R3.2 Break down barriers to accessing services'],
            [null, 'Responsible: Amy Ward – Equalities Lead'],
            [null, 'Key actions', 'Key outcomes for customers', 'Lead Officer', 'By', 'Progress', 'Comments'],
            [null, 'Translate the tenancy leaflets', 'Everyone can read our letters', 'A Ward', 'July 2025 (completed)', 'Done', null],
            [null, 'Add a BSL video to the website', null, 'A Ward', 'Ongoing', null, 'Budget pending'],
          ],
        },
      ]);
      const { workbook } = await readXlsxFile(path);
      const table = onlyTable(detectWorkbook(workbook));
      expect(table.kind).toBe('action-plan');
      expect(rangeOf(table)).toBe('B1:G5');
      expect(columnsOf(table)).toEqual(['B keyActions', 'C keyOutcome', 'D owner', 'E due', 'F progress', 'G commentary']);
      expect(table.recommendation).toMatchObject({
        ref: 'R3.2',
        title: 'Break down barriers to accessing services',
        responsible: 'Amy Ward – Equalities Lead',
      });
      expect(table.actions.map((action) => [action.action, action.due, action.keyOutcome])).toEqual([
        ['Translate the tenancy leaflets', 'July 2025 (completed)', 'Everyone can read our letters'],
        ['Add a BSL video to the website', 'Ongoing', 'Everyone can read our letters'],
      ]);
    } finally {
      temp.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------
// Not KPI tables
// ---------------------------------------------------------------------------

describe('sheets with no KPI table', () => {
  test('a prose-only sheet', () => {
    expectNoKpiTable(
      detect({
        name: 'Minutes',
        rows: [
          ['This workbook holds the minutes of the scrutiny panel.'],
          ['The panel met on 3 March and agreed to review the targets for 2025/26.'],
          ['Members asked officers to report back on rent arrears and void times in Q2.'],
          [],
          ['Status of actions: officers will report at the next meeting. Target date: June.'],
        ],
      }),
    );
  });

  test('a sheet with a single line of text', () => {
    expectNoKpiTable(detect({ name: 'Sheet1', rows: [['Quarterly performance report']] }));
  });

  test('an empty sheet, and a workbook with no sheets', () => {
    expectNoKpiTable(detect({ name: 'Sheet1', rows: [] }));
    expect(detectWorkbook({ sheets: [] })).toEqual({ tables: [], cards: [], doubts: [] });
  });

  test('a list of names and phone numbers', () => {
    expectNoKpiTable(
      detect({
        name: 'Contacts',
        rows: [
          ['Name', 'Phone', 'Email', 'Team'],
          ['Jane Smith', '01234 567890', 'jane.smith@council.gov.uk', 'Housing'],
          ['Raj Patel', '01234 567891', 'raj.patel@council.gov.uk', 'Finance'],
          ['Mary O’Neill', '07700 900123', 'mary.oneill@council.gov.uk', 'Housing'],
        ],
      }),
    );
  });

  test('a staff list with a "No." column and a "Status" column is still not a KPI table', () => {
    expectNoKpiTable(
      detect({
        name: 'Staff list',
        rows: [
          ['No.', 'Name', 'Phone', 'Status'],
          ['1', 'Jane Smith', '01234 567890', 'Active'],
          ['2', 'Raj Patel', '01234 567891', 'On leave'],
        ],
      }),
    );
  });

  test('KPI tables are found beside sheets that have none, and only they are reported', () => {
    const detection = detect(
      { name: 'Read me', rows: [['Fill in the yellow cells each quarter.']] },
      {
        name: 'Contacts',
        rows: [
          ['Name', 'Telephone'],
          ['Jane Smith', '01234 567890'],
        ],
      },
      {
        name: 'Data',
        rows: [
          ['Ref', 'Measure', 'Q1', 'Target', 'Status'],
          ['1', 'Rent collected', '95%', '97%', null],
        ],
      },
    );
    expect(tableList(detection)).toEqual(['Data!A1:E2']);
  });
});
