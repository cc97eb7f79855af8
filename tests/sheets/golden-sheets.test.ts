/**
 * Issue 5, "Done when" 1: golden tests of the committee sheet and the action plan for each sample,
 * cell by cell, read back with exceljs from the file `kpi-tracker pack` writes; and the key facts a
 * councillor relies on, asserted by hand: who the report is for, counts by status that equal the
 * verdicts, the exceptions with their commentary and action-plan reference, polarity-aware arrows,
 * the print set-up, the tolerance footnote, and the .xlsx host saying it left the chart out.
 *
 * Goldens: tests/golden/sheets/<sample>.committee.json and <sample>.action-plan.json
 * (rewrite with `UPDATE_GOLDEN=1 npx jest tests/sheets/golden-sheets.test.ts`, then read the diff).
 */
import type ExcelJS from 'exceljs';
import { ACTION_COLUMNS, ACTION_PLAN_SHEET } from '../../src/core/sheets/action-plan-sheet';
import { actionStatus } from '../../src/core/sheets/action-due-text';
import type { IndicatorVerdict } from '../../src/core/engine/evaluate';
import { STATUSES, type Status } from '../../src/core/engine/target-types';
import { chooseVerdicts } from '../../src/core/plan/recalc-plan';
import { DEFAULT_COLOURS, DEFAULT_LABELS } from '../../src/core/plan/status-style';
import { committeeSheetName } from '../../src/core/sheets/committee-sheet';
import { runKpiTracker, type RunResult } from '../../src/core/run/run-kpi-tracker';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import type { CliRun } from '../support/cli';
import { expectGolden } from '../support/golden';
import {
  actionPlanBlocks,
  actionPlanSheet,
  calendar,
  cellFill,
  committeeSheets,
  packSample,
  readExcel,
  rowWith,
  SAMPLE_RUNS,
  sheetGolden,
  sheetRows,
  summaryTable,
  tableByHeader,
  tableUnder,
  type SampleRun,
} from '../support/report-sheets';
import { runCliCapture } from '../support/cli';
import { samplePath, type SampleName } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

jest.setTimeout(30_000);

interface Packed {
  readonly run: SampleRun;
  readonly cli: CliRun;
  readonly out: string;
  readonly excel: ExcelJS.Workbook;
  readonly committee: ExcelJS.Worksheet;
  readonly actionPlan: ExcelJS.Worksheet;
  /** The same run in-process, for the verdicts the sheets must agree with. */
  readonly result: RunResult;
  readonly forPeriod: readonly IndicatorVerdict[];
}

const folder = tempFolder('sheets-golden');
const packed = new Map<SampleName, Packed>();

beforeAll(async () => {
  await Promise.all(
    SAMPLE_RUNS.map(async (run) => {
      const out = folder.path(`${run.sample}.pack.xlsx`);
      const cli = await packSample(run, out);
      if (cli.code !== 0) throw new Error(`pack ${run.sample} failed (${cli.code}): ${cli.err}`);
      const excel = await readExcel(out);
      const { workbook } = await readXlsxFile(samplePath(run.sample));
      const result = runKpiTracker(workbook, {
        today: calendar(run.today),
        now: '2000-01-01T00:00:00.000Z',
        command: 'pack',
        steps: { statuses: true, actionPlan: true, committee: true },
        committee: { name: run.committee, meetingDate: run.meeting },
      });
      const sheets = committeeSheets(excel);
      expect(sheets).toHaveLength(1);
      packed.set(run.sample, {
        run,
        cli,
        out,
        excel,
        committee: sheets[0]!,
        actionPlan: actionPlanSheet(excel),
        result,
        forPeriod: chooseVerdicts(result.verdicts, result.reportPeriod!),
      });
    }),
  );
});

afterAll(() => folder.cleanup());

const get = (sample: SampleName): Packed => packed.get(sample)!;
const label = (status: Status): string => DEFAULT_LABELS[status];

/**
 * The columns of each sample's full indicator table. Ref and Previous are left out where
 * no indicator of the period has one: layout B has no references and a single year; layouts C and
 * E have no previous period to compare with. Direction always stays: exceptions use its place.
 */
const COLUMNS: Record<SampleName, readonly string[]> = {
  'service-plan-quarterly': ['Ref', 'Indicator', 'Target', 'Actual', 'Previous', 'Status', 'Direction', 'Commentary'],
  'service-delivery-plan-annual': ['Indicator', 'Target', 'Actual', 'Status', 'Direction', 'Commentary'],
  'kpi-return': ['Ref', 'Indicator', 'Target', 'Actual', 'Status', 'Direction', 'Commentary'],
  'inspection-action-plan': ['Ref', 'Indicator', 'Target', 'Actual', 'Status', 'Direction', 'Commentary'],
};

/** The exceptions table: the action-plan reference where Direction is (the column is always there). */
function exceptionColumns(columns: readonly string[]): string[] {
  return columns.includes('Direction')
    ? columns.map((name) => (name === 'Direction' ? 'Action plan' : name))
    : [...columns.slice(0, -1), 'Action plan', columns[columns.length - 1]!];
}

/** The action plan's key for an indicator: its reference, or its 1-based row where it has none. */
const blockKey = (v: IndicatorVerdict): string => v.ref ?? `${v.sheet} row ${v.row + 1}`;

const letter = (n: number): string => String.fromCharCode(64 + n);

describe.each(SAMPLE_RUNS.map((run) => [`${run.layout} ${run.sample}`, run] as const))('pack %s', (_name, run) => {
  it('matches the committee sheet golden, cell by cell', () => {
    expectGolden(`sheets/${run.sample}.committee.json`, sheetGolden(get(run.sample).committee));
  });

  it('matches the action plan golden, cell by cell', () => {
    expectGolden(`sheets/${run.sample}.action-plan.json`, sheetGolden(get(run.sample).actionPlan));
  });

  it("names the committee sheet for its period within Excel's rules", () => {
    const { committee, result } = get(run.sample);
    expect(committee.name).toBe(committeeSheetName(result.reportPeriod!));
    expect(committee.name.startsWith('Committee ')).toBe(true);
    expect(committee.name.length).toBeLessThanOrEqual(31);
    expect(committee.name).not.toMatch(/[[\]:*?/\\]/);
    expect(committee.state).toBe('visible');
  });

  it('says who the report is for: title, committee, meeting date, date prepared', () => {
    const { committee, result, forPeriod } = get(run.sample);
    const rows = sheetRows(committee, 8);
    expect(rows[1]![0]).toBe(`Performance report: ${result.reportPeriod}`);
    expect(rows[2]![0]).toBe(`Committee: ${run.committee}   ·   Meeting: ${run.meeting}`);
    const [y, m, d] = run.today.split('-');
    expect(rows[3]![0]).toBe(`Prepared ${d}/${m}/${y} from the KPI workbook. ${forPeriod.length} indicators.`);
    // The title rows are merged across the table, so they are not cut off at column A.
    const last = letter(COLUMNS[run.sample].length);
    expect((committee.model as { merges?: string[] }).merges).toEqual(
      expect.arrayContaining([`A1:${last}1`, `A2:${last}2`, `A3:${last}3`]),
    );
    expect(committee.getCell('A1').font?.bold).toBe(true);
  });

  it('counts by status equal the verdicts for the period, with shares and a total', () => {
    const { committee, forPeriod } = get(run.sample);
    const summary = summaryTable(committee);
    // It sits under the full table's Indicator, Target and Actual columns, with nothing to its left.
    expect(COLUMNS[run.sample].slice(summary.offset, summary.offset + 3)).toEqual(['Indicator', 'Target', 'Actual']);
    expect(summary.header).toEqual([...Array<string>(summary.offset).fill(''), 'Status', 'Number', 'Share']);
    summary.rows.forEach(({ before }) => expect(before.every((text) => text === '')).toBe(true));
    const want = STATUSES.map((status) => ({ status, n: forPeriod.filter((v) => v.status === status).length })).filter(({ n }) => n > 0);
    const got = summary.rows.map(({ cells }) => cells);
    expect(got).toEqual([
      ...want.map(({ status, n }) => [label(status), String(n), `${Math.round((100 * n) / forPeriod.length)}%`]),
      ['Total', String(forPeriod.length), '100%'],
    ]);
    // Each status row wears its status colour.
    want.forEach(({ status }, i) => expect(cellFill(committee, summary.rows[i]!.row, summary.offset + 1)).toBe(DEFAULT_COLOURS[status]));
    expect(committee.getCell(summary.rows[0]!.row, summary.offset + 3).numFmt).toBe('0%');
  });

  it('lists exactly the Not met and Overdue indicators as exceptions, with their commentary and action-plan reference', () => {
    const { committee, actionPlan, forPeriod } = get(run.sample);
    const exceptions = forPeriod.filter((v) => v.status === 'missed' || v.status === 'overdue');
    const all = tableByHeader(committee, 'All indicators');
    if (exceptions.length === 0) {
      expect(sheetRows(committee, 1)[rowWith(committee, 'Exceptions: indicators not meeting target') + 1]![0]).toBe(
        'None: every indicator with figures met its target or was within tolerance.',
      );
      return;
    }
    const table = tableByHeader(committee, 'Exceptions: indicators not meeting target');
    expect(table.header).toEqual(exceptionColumns(COLUMNS[run.sample]));
    expect(table.rows.map(({ by }) => [by.Indicator, by.Status])).toEqual(exceptions.map((v) => [v.indicator.trim(), label(v.status)]));
    const blocks = actionPlanBlocks(actionPlan);
    const statusColumn = table.header.indexOf('Status') + 1;
    for (const { by, row } of table.rows) {
      // The same commentary as the indicator's row in the full table, and never empty.
      const same = all.rows.find((r) => r.by.Indicator === by.Indicator && (r.by.Ref ?? '') === (by.Ref ?? ''))!;
      expect(by.Commentary).toBe(same.by.Commentary);
      expect(by.Commentary!.trim()).not.toBe('');
      // The action-plan reference names the block of this very indicator on the action plan sheet.
      const reference = /^See KPI action plan, (.+)$/.exec(by['Action plan']!);
      expect(reference).not.toBeNull();
      expect(blocks.has(reference![1]!)).toBe(true);
      expect(blocks.get(reference![1]!)![0]![1]).toBe(by.Indicator);
      expect(cellFill(committee, row, statusColumn)).toBe(
        DEFAULT_COLOURS[exceptions.find((v) => v.indicator.trim() === by.Indicator)!.status],
      );
    }
  });

  it('shows every indicator once, in order, with its status colour', () => {
    const { committee, forPeriod } = get(run.sample);
    const all = tableByHeader(committee, 'All indicators');
    expect(all.header).toEqual(COLUMNS[run.sample]);
    const hasRef = all.header.includes('Ref');
    // Rows naming a sheet (where the indicators come from several) have only column A.
    const indicatorRows = all.rows.filter(({ cells, by }) => cells.slice(1).some(Boolean) && by.Status !== '');
    expect(indicatorRows.map(({ by }) => [hasRef ? by.Ref : '', by.Indicator, by.Status])).toEqual(
      forPeriod.map((v) => [v.ref ?? '', v.indicator.trim(), label(v.status)]),
    );
    const statusColumn = all.header.indexOf('Status') + 1;
    indicatorRows.forEach(({ row }, i) => expect(cellFill(committee, row, statusColumn)).toBe(DEFAULT_COLOURS[forPeriod[i]!.status]));
  });

  it('leaves out Ref and Previous only where no indicator of the period has one, and always keeps Direction', () => {
    const { forPeriod } = get(run.sample);
    const columns = COLUMNS[run.sample];
    expect(columns.includes('Ref')).toBe(forPeriod.some((v) => v.ref !== null && v.ref !== ''));
    expect(columns.includes('Previous')).toBe(forPeriod.some((v) => v.previousActual !== null));
    // A direction is an arrow (a previous figure to compare with) or "not rated" (no polarity).
    expect(columns.includes('Direction')).toBe(true);
  });

  it('lists the overdue actions of the action plan', () => {
    const { committee, result } = get(run.sample);
    const overdue = result.actions.filter((a) => a.status === 'Overdue');
    const next = sheetRows(committee, 5)[rowWith(committee, 'Overdue actions') + 1]!;
    if (overdue.length === 0) expect(next[0]).toBe('None.');
    else expect(tableUnder(committee, 'Overdue actions', 5).rows.map(({ cells }) => cells[0])).toEqual(overdue.map((a) => a.ref));
  });

  it('prints landscape, one page wide, repeating the table header; panes frozen under the title', () => {
    const { committee, actionPlan } = get(run.sample);
    const headerRow = tableUnder(committee, 'All indicators').headerRow;
    for (const [ws, repeat, frozen] of [
      [committee, `${headerRow}:${headerRow}`, 3],
      [actionPlan, '4:4', 4],
    ] as const) {
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
        printTitlesRow: repeat,
      });
      expect(ws.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: frozen, xSplit: 0 })]);
    }
    // Column widths are set for every column of every table (the commentary column is the widest) and long text wraps.
    const titles = ['All indicators'];
    if (get(run.sample).forPeriod.some((v) => v.status === 'missed' || v.status === 'overdue'))
      titles.push('Exceptions: indicators not meeting target');
    for (const title of titles) {
      const { header } = tableByHeader(committee, title);
      const widths = header.map((_, c) => committee.getColumn(c + 1).width ?? 0);
      expect({
        table: title,
        narrowerThan8: header.filter((_, c) => widths[c]! < 8),
        widerThanCommentary: header.filter((_, c) => widths[c]! > widths[header.indexOf('Commentary')]!),
      }).toEqual({ table: title, narrowerThan8: [], widerThanCommentary: [] });
    }
    const all = tableByHeader(committee, 'All indicators');
    expect(committee.getCell(all.rows[0]!.row, all.header.indexOf('Commentary') + 1).alignment?.wrapText).toBe(true);
    expect(committee.getCell(all.rows[0]!.row, all.header.indexOf('Indicator') + 1).alignment?.wrapText).toBe(true);
    // Every page says what it is and which page it is.
    expect(committee.headerFooter.oddFooter).toBe(`&LPerformance report: ${get(run.sample).result.reportPeriod}&RPage &P of &N`);
    // One typeface throughout: Calibri, 11 point but for the titles.
    committee.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === null || cell.value === '' || (cell.isMerged && cell.master.address !== cell.address)) return;
        expect({
          cell: cell.address,
          font: cell.font?.name,
          size: cell.font?.size === 11 || (cell.font?.bold && cell.font?.size && cell.font.size > 11),
        }).toEqual({ cell: cell.address, font: 'Calibri', size: true });
      }),
    );
  });

  it('states the tolerance rule and the meaning of the arrows in a footnote', () => {
    const { committee } = get(run.sample);
    const rows = sheetRows(committee, 1);
    const last = rows.length - 1;
    expect(rows[last - 1]![0]).toBe('Tolerance: Near miss: within 5% of the target (the edge counts as a near miss).');
    expect(rows[last]![0]).toMatch(/^Direction of travel compares with the previous period: ↑ better, ↓ worse, → the same/);
  });

  it('says on the command line that the .xlsx host left the chart out', () => {
    const { cli, committee, out } = get(run.sample);
    expect(cli.out).toContain(`The chart of statuses on "${committee.name}" was left out: the command line can't draw charts.`);
    expect(cli.out).toContain(`Written to ${out}.`);
    expect(cli.out).toContain(`Updated sheet "${ACTION_PLAN_SHEET}"`);
  });

  it('lays the action plan out after the seed: title, note, the ten columns, one block per missed indicator', () => {
    const { actionPlan, result } = get(run.sample);
    const rows = sheetRows(actionPlan, ACTION_COLUMNS.length);
    expect(rows[1]![0]).toBe('KPI action plan');
    expect(rows[2]![0]).toContain(`Indicators not meeting their target, ${result.reportPeriod}.`);
    expect(rows[4]).toEqual([...ACTION_COLUMNS]);
    const latest = chooseVerdicts(result.verdicts, undefined).filter((v) => v.status === 'missed' || v.status === 'overdue');
    const blocks = actionPlanBlocks(actionPlan);
    expect([...blocks.keys()]).toEqual(latest.map(blockKey));
    for (const v of latest) {
      const [first] = blocks.get(blockKey(v))!;
      expect(first![1]).toBe(v.indicator.trim());
      expect(first![2]).toMatch(new RegExp(` against .* in ${v.periodLabel.replace(/[/()]/g, '\\$&')}$`));
      expect(first![9]).toBe('Not started');
    }
  });
});

describe('layout A (service plan, quarterly), Q2 2024/25: the facts by hand', () => {
  const row = (ref: string): string[] => {
    const { committee } = get('service-plan-quarterly');
    return tableUnder(committee, 'All indicators').rows.find(({ cells }) => cells[0] === ref)!.cells;
  };

  it('reports Q2 2024/25 with 5 Met, 2 Near miss, 1 Not met and 6 No data', () => {
    const { committee } = get('service-plan-quarterly');
    expect(committee.name).toBe('Committee Q2 2024-25');
    // Under the Indicator, Target and Actual columns (B to D).
    expect(summaryTable(committee).offset).toBe(1);
    expect(summaryTable(committee).rows.map(({ cells }) => cells)).toEqual([
      ['Met', '5', '36%'],
      ['Near miss', '2', '14%'],
      ['Not met', '1', '7%'],
      ['No data', '6', '43%'],
      ['Total', '14', '100%'],
    ]);
  });

  it('draws the arrows by polarity: up means better', () => {
    // 01 rent collected 83% → 90.2%, higher is better.
    expect(row('01').slice(2, 7)).toEqual(['92%', '90.2%', '83%', 'Near miss', '↑ better']);
    // 02 rent lost 3.2% → 3.27%: the figure rose, but lower is better.
    expect(row('02').slice(2, 7)).toEqual(['3.5%', '3.27%', '3.2%', 'Met', '↓ worse']);
    // 03 former tenants' arrears 2% → 2.1%, lower is better.
    expect(row('03').slice(2, 7)).toEqual(['2%', '2.1%', '2%', 'Near miss', '↓ worse']);
    // 04 current arrears 5% → 5.5%.
    expect(row('04').slice(2, 7)).toEqual(['4%', '5.5%', '5%', 'Not met', '↓ worse']);
    // 06 prevention 84% → 79%, higher is better.
    expect(row('06').slice(4, 7)).toEqual(['84%', 'Met', '↓ worse']);
    expect(row('08')[6]).toBe('→ same');
    // 05 has no Q2 figure (TBC): no arrow. Its previous figure keeps its unit.
    expect(row('05').slice(3, 7)).toEqual(['TBC', '20 working days', 'No data', '']);
  });

  it("lists 04 as the one exception, with the officer's commentary and its action-plan block", () => {
    const { committee } = get('service-plan-quarterly');
    const exceptions = tableUnder(committee, 'Exceptions: indicators not meeting target').rows.map(({ cells }) => cells);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]!.slice(0, 7)).toEqual([
      '04',
      'Current tenants arrears as a % of rent due in the financial year',
      '4%',
      '5.5%',
      '5%',
      'Not met',
      'See KPI action plan, 04',
    ]);
    expect(exceptions[0]![7]).toMatch(
      /^Although we are still above the target we are still seeing a gradual decrease in the number of cases\./,
    );
  });

  it('gives 04 (Not met in Q2) and 05 (Not met in Q1, its latest figure) an action-plan block', () => {
    const blocks = actionPlanBlocks(get('service-plan-quarterly').actionPlan);
    expect([...blocks.keys()]).toEqual(['04', '05']);
    expect(blocks.get('04')![0]!.slice(2)).toEqual([
      '5.5% against 4% (+2%) in Q2 2024/25',
      '',
      '',
      '',
      '',
      '',
      'Current tenants arrears as a % of rent due in the financial year is at or below 4%',
      'Not started',
    ]);
    expect(blocks.get('05')![0]![2]).toBe('20 working days against 14 working days (+43%) in Q1 2024/25');
  });

  it('prints the repeated header of the full table (row 18) and freezes the three title rows', () => {
    const { committee } = get('service-plan-quarterly');
    expect(committee.pageSetup.printTitlesRow).toBe('18:18');
    expect(sheetRows(committee, 1)[18]![0]).toBe('Ref');
  });
});

describe('layouts B, C and E: the facts by hand', () => {
  it('B 2014/15: two Not met and one Overdue milestone are the exceptions', () => {
    const { committee } = get('service-delivery-plan-annual');
    expect(committee.name).toBe('Committee 2014-15');
    const table = tableByHeader(committee, 'Exceptions: indicators not meeting target');
    // No references in layout B: the action plan knows each indicator by its row.
    const exceptions = table.rows.map(({ by }) => [by.Indicator, by.Target, by.Actual, by.Status, by['Action plan']]);
    // The figures as judged: "** -75%" is 25% against 100%, "**1 delivered" is 1 against 2 p.a.
    expect(exceptions).toEqual([
      [
        'Homelessness awareness education programme disseminated in 4 secondary schools across East Cambs.',
        '100%',
        '25%',
        'Not met',
        'See KPI action plan, End of year 2014-15 row 17',
      ],
      ['Landlord Forum delivered 6 monthly', '2 p.a.', '1', 'Not met', 'See KPI action plan, End of year 2014-15 row 22'],
      [
        'Review Homelessness Strategy annually ensuring customers receive the best service possible',
        'April 2015',
        'On going',
        'Overdue',
        'See KPI action plan, End of year 2014-15 row 39',
      ],
    ]);
    // The footnote paragraph is the commentary of the marked row.
    expect(table.rows[1]!.by.Commentary).toMatch(/^Variance- One forum delivered/);
  });

  it('C 2007/08: KPIs 3, 4 and 6 missed, each with the return’s own comment', () => {
    const { committee } = get('kpi-return');
    const exceptions = tableByHeader(committee, 'Exceptions: indicators not meeting target').rows.map(({ by }) => [
      by.Ref,
      by.Actual,
      by['Action plan'],
      by.Commentary,
    ]);
    expect(exceptions).toEqual([
      ['3', '83%', 'See KPI action plan, 3', 'Results outside target due to lack of response from clients'],
      ['4', '83%', 'See KPI action plan, 4', 'Results outside target due to lack of response from clients'],
      ['6', '94%', 'See KPI action plan, 6', 'Result outside target due to lack of response from client'],
    ]);
  });

  it('E Jul 2010: the gas certificates are a near miss and there are no exceptions', () => {
    const { committee } = get('inspection-action-plan');
    expect(committee.name).toBe('Committee Jul 2010');
    expect(tableByHeader(committee, 'All indicators').rows.map(({ by }) => [by.Ref, by.Actual, by.Status])).toEqual([
      ['GS1', '99.65%', 'Near miss'],
      ['CS1', 'pending', 'No data'],
      ['CS2', '', 'No data'],
      ['WEB1', '', 'No data'],
    ]);
  });

  /**
   * Issue 5: "An action-plan table that already exists in the workbook (layout E) is read and used,
   * not duplicated". On the inspection sample at 01/11/2010, 23 of its actions are past their By date
   * and not complete ("Board sign off - September 2010", "1st October 2010", …); the committee sheet
   * lists them under "Overdue actions" (it once said "None.").
   */
  it('E lists the overdue actions of the workbook’s own action plan on the committee sheet', () => {
    const { committee, result } = get('inspection-action-plan');
    const today = calendar('2010-11-01');
    const overdue = result.detection.tables
      .flatMap((t) => t.actions)
      .filter((a) => actionStatus(a.due ?? '', a.progress ?? '', today, 2010).status === 'Overdue');
    expect(overdue.length).toBeGreaterThan(10);
    expect(tableUnder(committee, 'Overdue actions', 5).rows.length).toBe(overdue.length);
  });

  /**
   * action-plan-sheet.ts howWeKnow: a deadline target is not written as a threshold.
   * B "Review Homelessness Strategy annually…", target `April 2015` → "…: done by April 2015"
   * (it once said "… is at or above April 2015").
   */
  it('"How we\'ll know" for a deadline target does not say "at or above <date>"', () => {
    const blocks = actionPlanBlocks(get('service-delivery-plan-annual').actionPlan);
    const [, , , , , , , , howWeKnow] = [...blocks.values()].find((rows) => rows[0]![1]!.startsWith('Review Homelessness Strategy'))![0]!;
    expect(howWeKnow).not.toMatch(/at or (above|below) April 2015/);
    expect(howWeKnow).toBe(
      'Review Homelessness Strategy annually ensuring customers receive the best service possible: done by April 2015',
    );
  });
});

describe('committee sheets per period', () => {
  it.each([
    ['Q2 2024/25', 'Committee Q2 2024-25'],
    ['2014/15', 'Committee 2014-15'],
    ['Apr-24', 'Committee Apr-24'],
    ['Q1 [draft]: a*b?c\\d/e', 'Committee Q1 -draft-- a-b-c-d-e'],
    ['A very long period label that goes on and on', 'Committee A very long period la'],
  ])('%j → sheet %j (≤ 31 characters, none of []:*?/\\)', (period, name) => {
    expect(committeeSheetName(period)).toBe(name);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });

  it("generating another period's sheet keeps the first; regenerating the same period replaces it", async () => {
    const { out } = get('service-plan-quarterly');
    const q1 = folder.path('a-q1.xlsx');
    const first = await runCliCapture([
      'committee',
      out,
      '-o',
      q1,
      '--today',
      '2024-11-20',
      '--period',
      'Q1 2024/25',
      '--committee',
      'Regulatory and Support Services Committee',
    ]);
    expect(first.code).toBe(0);
    const again = folder.path('a-q1-again.xlsx');
    expect(
      (
        await runCliCapture([
          'committee',
          q1,
          '-o',
          again,
          '--today',
          '2024-11-20',
          '--period',
          'Q1 2024/25',
          '--committee',
          'Other Committee',
        ])
      ).code,
    ).toBe(0);
    const excel = await readExcel(again);
    expect(committeeSheets(excel).map((ws) => ws.name)).toEqual(['Committee Q2 2024-25', 'Committee Q1 2024-25']);
    const q1Sheet = excel.getWorksheet('Committee Q1 2024-25')!;
    expect(sheetRows(q1Sheet, 1)[2]![0]).toMatch(/^Committee: Other Committee\b/);
    expect(summaryTable(q1Sheet).rows.map(({ cells }) => cells)).toEqual([
      ['Met', '11', '79%'],
      ['Not met', '3', '21%'],
      ['Total', '14', '100%'],
    ]);
    // The Q2 sheet is untouched: still for the committee it was made for.
    expect(sheetRows(excel.getWorksheet('Committee Q2 2024-25')!, 1)[2]![0]).toBe(
      'Committee: Regulatory and Support Services Committee   ·   Meeting: 15 January 2025',
    );
  });

  /**
   * Issue 5: committee details are "settable, kept in the workbook". The --committee and --meeting
   * given to pack are saved in the settings, so the next run without them still prints the
   * committee's name (it once printed "Committee details can be set in KPI Tracker's settings.").
   */
  it('the committee name given once is kept in the workbook for the next run', async () => {
    const { out } = get('service-plan-quarterly');
    const next = folder.path('a-q1-kept.xlsx');
    expect((await runCliCapture(['committee', out, '-o', next, '--today', '2024-11-20', '--period', 'Q1 2024/25'])).code).toBe(0);
    const ws = (await readExcel(next)).getWorksheet('Committee Q1 2024-25')!;
    expect(sheetRows(ws, 1)[2]![0]).toContain('Committee: Regulatory and Support Services Committee');
  });
});
