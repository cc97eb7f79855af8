/**
 * Issues 5 and 16: golden tests of the committee sheet and the action plan for each sample, cell by
 * cell, read back with exceljs from the file `kpi-tracker pack` writes; and the key facts a
 * councillor relies on, asserted by hand: who the report is for, the key to the statuses with the
 * tolerance in words, counts by status that equal the verdicts with shares of those judged, the
 * exceptions with their commentary and the action being taken, owners, polarity-aware arrows as
 * shape and word, the print set-up, and the chart of statuses the .xlsx host writes.
 *
 * Goldens: tests/golden/sheets/<sample>.committee.json and <sample>.action-plan.json
 * (rewrite with `UPDATE_GOLDEN=1 npx jest tests/sheets/golden-sheets.test.ts`, then read the diff).
 */
import type ExcelJS from 'exceljs';
import { ACTION_COLUMNS, ACTION_PLAN_SHEET } from '../../src/core/sheets/action-plan-sheet';
import { actionStatus } from '../../src/core/sheets/action-due-text';
import type { IndicatorVerdict } from '../../src/core/engine/indicator-verdict';
import { STATUSES, type Status } from '../../src/core/engine/target-types';
import { chooseVerdicts } from '../../src/core/plan/recalc-plan';
import { JUDGED, NO_ACTION_YET } from '../../src/core/sheets/committee-key';
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
import { sheetChart } from '../support/sheet-chart';
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
 * The columns of each sample's full indicator table. Ref and Previous are left out where no
 * indicator of the period has one: layout B has no references and a single year; layouts C and E
 * have no previous period to compare with. Owner stays where an indicator has one or where one
 * missed: layouts A and C name no owners but have reds, layout B has owners on its measure cards.
 * No sample has the same period last year. Direction always stays: exceptions use its place.
 */
const COLUMNS: Record<SampleName, readonly string[]> = {
  'service-plan-quarterly': ['Ref', 'Indicator', 'Owner', 'Target', 'Actual', 'Previous', 'Status', 'Direction', 'Commentary'],
  'service-delivery-plan-annual': ['Indicator', 'Owner', 'Target', 'Actual', 'Status', 'Direction', 'Commentary'],
  'kpi-return': ['Ref', 'Indicator', 'Owner', 'Target', 'Actual', 'Status', 'Direction', 'Commentary'],
  'inspection-action-plan': ['Ref', 'Indicator', 'Owner', 'Target', 'Actual', 'Status', 'Direction', 'Commentary'],
};

/** The exceptions table: the action being taken where Direction is (the column is always there). */
function exceptionColumns(columns: readonly string[]): string[] {
  return columns.map((name) => (name === 'Direction' ? 'Action being taken' : name));
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

  it('counts by status equal the verdicts for the period, with shares of those judged; No data and No target counted apart', () => {
    const { committee, forPeriod } = get(run.sample);
    const summary = summaryTable(committee);
    // It sits under the full table's Indicator column and the two after it, with nothing to its left.
    expect(COLUMNS[run.sample][summary.offset]).toBe('Indicator');
    expect(summary.header).toEqual([...Array<string>(summary.offset).fill(''), 'Status', 'Number', 'Share of those judged']);
    summary.rows.forEach(({ before }) => expect(before.every((text) => text === '')).toBe(true));
    const want = STATUSES.map((status) => ({ status, n: forPeriod.filter((v) => v.status === status).length })).filter(({ n }) => n > 0);
    const judged = forPeriod.filter((v) => JUDGED.has(v.status)).length;
    const got = summary.rows.map(({ cells }) => cells);
    expect(got).toEqual([
      ...want.map(({ status, n }) => [label(status), String(n), JUDGED.has(status) ? `${Math.round((100 * n) / judged)}%` : 'not judged']),
      ['Judged against a target', String(judged), judged > 0 ? '100%' : ''],
      ['Total', String(forPeriod.length), ''],
    ]);
    // Each status row wears its status colour.
    want.forEach(({ status }, i) => expect(cellFill(committee, summary.rows[i]!.row, summary.offset + 1)).toBe(DEFAULT_COLOURS[status]));
    expect(committee.getCell(summary.rows[0]!.row, summary.offset + 3).numFmt).toBe('0%');
  });

  it('opens with a key: what each status in the report means, the tolerance in words, and the arrows', () => {
    const { committee, forPeriod, result } = get(run.sample);
    const keyRow = rowWith(committee, 'Key');
    expect(keyRow).toBeLessThan(rowWith(committee, 'Summary'));
    const offset = summaryTable(committee).offset;
    const rows = sheetRows(committee, offset + 2);
    const key: string[][] = [];
    for (let r = keyRow + 1; rows[r]!.some(Boolean); r++) key.push(rows[r]!.slice(offset, offset + 2));
    const present = STATUSES.filter((status) => forPeriod.some((v) => v.status === status));
    // The owner line is there only where a miss has no owner named.
    const unowned = forPeriod.some((v) => (v.status === 'missed' || v.status === 'overdue') && !(v.owner ?? '').trim());
    expect(key.map(([name]) => name)).toEqual([...present.map(label), 'Direction', ...(unowned ? ['Owner'] : [])]);
    for (const [name, meaning] of key) expect({ name, meaning: meaning!.length > 20 }).toEqual({ name, meaning: true });
    const near = key.find(([name]) => name === 'Near miss');
    if (near) expect(near[1]).toContain('within 5% of the target');
    const noData = key.find(([name]) => name === 'No data');
    if (noData) expect(noData[1]).toBe(`No figure for ${result.reportPeriod} yet. Not counted in the shares.`);
    expect(key.find(([name]) => name === 'Direction')![1]).toMatch(/▲ better, ▼ worse, ► the same/);
    if (unowned) expect(key[key.length - 1]![1]).toContain('“Not named” beside a miss means the workbook names no one for it.');
  });

  it('lists exactly the Not met and Overdue indicators as exceptions, with their commentary and the action being taken', () => {
    const { committee, actionPlan, forPeriod } = get(run.sample);
    const exceptions = forPeriod.filter((v) => v.status === 'missed' || v.status === 'overdue');
    const all = tableByHeader(committee, 'All indicators');
    if (exceptions.length === 0) {
      expect(sheetRows(committee, 1)[rowWith(committee, 'Exceptions: indicators not meeting target') + 1]![0]).toBe(
        'None: every indicator with a figure met its target or was within the tolerance.',
      );
      return;
    }
    const table = tableByHeader(committee, 'Exceptions: indicators not meeting target');
    expect(table.header).toEqual(exceptionColumns(COLUMNS[run.sample]));
    expect(table.rows.map(({ by }) => [by.Indicator, by.Status])).toEqual(exceptions.map((v) => [v.indicator.trim(), label(v.status)]));
    const blocks = actionPlanBlocks(actionPlan);
    const statusColumn = table.header.indexOf('Status') + 1;
    table.rows.forEach(({ by, row }, i) => {
      // The same commentary as the indicator's row in the full table, and never empty.
      const same = all.rows.find((r) => r.by.Indicator === by.Indicator && (r.by.Ref ?? '') === (by.Ref ?? ''))!;
      expect(by.Commentary).toBe(same.by.Commentary);
      expect(by.Commentary!.trim()).not.toBe('');
      // The indicator has a block on the action plan; no action is written in it yet, and the committee is told so.
      const block = blocks.get(blockKey(exceptions[i]!))!;
      expect(block[0]![1]).toBe(by.Indicator);
      expect(block.every((cells) => cells[4] === '')).toBe(true);
      expect(by['Action being taken']).toBe(NO_ACTION_YET);
      expect(cellFill(committee, row, statusColumn)).toBe(DEFAULT_COLOURS[exceptions[i]!.status]);
    });
  });

  it('shows every indicator once, in order within its group, with its status colour and owner', () => {
    const { committee, forPeriod } = get(run.sample);
    const all = tableByHeader(committee, 'All indicators');
    expect(all.header).toEqual(COLUMNS[run.sample]);
    const hasRef = all.header.includes('Ref');
    // Rows naming a group (a theme, a table's title) have only column A.
    const indicatorRows = all.rows.filter(({ cells, by }) => cells.slice(1).some(Boolean) && by.Status !== '');
    const key = (ref: string, name: string): string => `${ref}|${name}`;
    expect(indicatorRows.map(({ by }) => key(hasRef ? by.Ref! : '', by.Indicator!)).sort()).toEqual(
      forPeriod.map((v) => key(v.ref ?? '', v.indicator.trim())).sort(),
    );
    const statusColumn = all.header.indexOf('Status') + 1;
    for (const { row, by } of indicatorRows) {
      const v = forPeriod.find((f) => f.indicator.trim() === by.Indicator && (f.ref ?? '') === (hasRef ? by.Ref : ''))!;
      expect(by.Status).toBe(label(v.status));
      expect(cellFill(committee, row, statusColumn)).toBe(DEFAULT_COLOURS[v.status]);
      const missed = v.status === 'missed' || v.status === 'overdue';
      if (all.header.includes('Owner')) expect(by.Owner).toBe(v.owner?.trim() || (missed ? 'Not named' : ''));
    }
  });

  it('leaves out Ref and Previous only where no indicator of the period has one, Owner where none has one and none missed, and always keeps Direction', () => {
    const { forPeriod } = get(run.sample);
    const columns = COLUMNS[run.sample];
    expect(columns.includes('Ref')).toBe(forPeriod.some((v) => v.ref !== null && v.ref !== ''));
    expect(columns.includes('Owner')).toBe(
      forPeriod.some((v) => (v.owner ?? '').trim() !== '' || v.status === 'missed' || v.status === 'overdue'),
    );
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
      // The title, the committee's line and the preparation line.
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
    // The first indicator's row (a group's heading may come before it).
    const first = all.rows.find(({ by }) => by.Status !== '')!.row;
    expect(committee.getCell(first, all.header.indexOf('Commentary') + 1).alignment?.wrapText).toBe(true);
    expect(committee.getCell(first, all.header.indexOf('Indicator') + 1).alignment?.wrapText).toBe(true);
    // Every page says what it is and which page it is.
    expect(committee.headerFooter.oddFooter).toBe(
      `&LPerformance report: ${get(run.sample).result.reportPeriod} · ${run.committee}&RPage &P of &N`,
    );
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

  it('writes a native chart of the statuses beside the summary, and says nothing was left out', async () => {
    const { cli, committee, out } = get(run.sample);
    expect(cli.out).not.toContain('left out');
    expect(cli.out).toContain(`Written to ${out}.`);
    expect(cli.out).toContain(`Updated sheet "${ACTION_PLAN_SHEET}"`);
    // Read back as the file host reads it: the sheet names its drawing, the drawing its chart, and
    // the chart's cached bars are the summary's cells its formulas point at.
    const chart = await sheetChart(out, committee.name);
    const statuses = summaryTable(committee).rows.filter(({ cells }) => STATUSES.some((status) => label(status) === cells[0]));
    expect(chart.title).toBe(`Indicators by status, ${get(run.sample).result.reportPeriod}`);
    expect(chart.labels).toEqual(statuses.map(({ cells }) => cells[0]));
    expect(chart.values).toEqual(statuses.map(({ cells }) => Number(cells[1])));
    expect(chart.labelsInSheet).toEqual(chart.labels);
    expect(chart.valuesInSheet.map(Number)).toEqual(chart.values);
    expect(chart.contentTypes).toEqual({
      drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
      chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    });
  });

  it('lays the action plan out after the seed: title, note, the ten columns, one block per missed indicator', () => {
    const { actionPlan, result } = get(run.sample);
    const rows = sheetRows(actionPlan, ACTION_COLUMNS.length);
    expect(rows[1]![0]).toBe('KPI action plan');
    expect(rows[2]![0]).toContain(`Indicators not meeting their target, ${result.reportPeriod}.`);
    expect(rows[4]).toEqual([...ACTION_COLUMNS]);
    // The action plan is for the run's one period, as the committee sheet and the status cells are.
    const latest = chooseVerdicts(result.verdicts, result.reportPeriod!).filter((v) => v.status === 'missed' || v.status === 'overdue');
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

  it('reports Q2 2024/25 with 5 Met, 2 Near miss, 1 Not met of the 8 judged, and 6 No data counted apart', () => {
    const { committee } = get('service-plan-quarterly');
    expect(committee.name).toBe('Committee Q2 2024-25');
    // Under the Indicator, Target and Actual columns (B to D).
    expect(summaryTable(committee).offset).toBe(1);
    expect(summaryTable(committee).rows.map(({ cells }) => cells)).toEqual([
      ['Met', '5', '63%'],
      ['Near miss', '2', '25%'],
      ['Not met', '1', '13%'],
      ['No data', '6', 'not judged'],
      ['Judged against a target', '8', '100%'],
      ['Total', '14', ''],
    ]);
  });

  it('draws the arrows by polarity, as shape and word: up means better', () => {
    // 01 rent collected 83% → 90.2%, higher is better.
    expect(row('01').slice(3, 8)).toEqual(['92%', '90.2%', '83%', 'Near miss', '▲ better']);
    // 02 rent lost 3.2% → 3.27%: the figure rose, but lower is better.
    expect(row('02').slice(3, 8)).toEqual(['3.5%', '3.27%', '3.2%', 'Met', '▼ worse']);
    // 03 former tenants' arrears 2% → 2.1%, lower is better.
    expect(row('03').slice(3, 8)).toEqual(['2%', '2.1%', '2%', 'Near miss', '▼ worse']);
    // 04 current arrears 5% → 5.5%.
    expect(row('04').slice(2, 8)).toEqual(['Not named', '4%', '5.5%', '5%', 'Not met', '▼ worse']);
    // 06 prevention 84% → 79%, higher is better.
    expect(row('06').slice(5, 8)).toEqual(['84%', 'Met', '▼ worse']);
    expect(row('08')[7]).toBe('► same');
    // 05 has no Q2 figure (TBC): no arrow. Its previous figure keeps its unit.
    expect(row('05').slice(4, 8)).toEqual(['TBC', '20 working days', 'No data', '']);
    // Owners: the workbook names none, and only the miss says so.
    expect(row('05')[2]).toBe('');
  });

  it("lists 04 as the one exception, with the officer's commentary and, beside it, that no action is recorded yet", () => {
    const { committee } = get('service-plan-quarterly');
    const exceptions = tableUnder(committee, 'Exceptions: indicators not meeting target', 9).rows.map(({ cells }) => cells);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]!.slice(0, 8)).toEqual([
      '04',
      'Current tenants arrears as a % of rent due in the financial year',
      'Not named',
      '4%',
      '5.5%',
      '5%',
      'Not met',
      'No action recorded yet — owner to add',
    ]);
    expect(exceptions[0]![8]).toMatch(
      /^Although we are still above the target we are still seeing a gradual decrease in the number of cases\./,
    );
  });

  it('gives only 04, Not met in Q2, an action-plan block: 05 missed in Q1 but has no Q2 figure', () => {
    const blocks = actionPlanBlocks(get('service-plan-quarterly').actionPlan);
    expect([...blocks.keys()]).toEqual(['04']);
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
  });

  it('prints the repeated header of the full table and freezes the three title rows', () => {
    const { committee } = get('service-plan-quarterly');
    const headerRow = rowWith(committee, 'All indicators') + 1;
    expect(committee.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect(sheetRows(committee, 1)[headerRow]![0]).toBe('Ref');
  });
});

describe('layouts B, C and E: the facts by hand', () => {
  it('B 2014/15: two Not met and one Overdue milestone are the exceptions', () => {
    const { committee } = get('service-delivery-plan-annual');
    expect(committee.name).toBe('Committee 2014-15');
    const table = tableByHeader(committee, 'Exceptions: indicators not meeting target');
    // No references in layout B: the action plan knows each indicator by its row.
    const exceptions = table.rows.map(({ by }) => [by.Indicator, by.Target, by.Actual, by.Status, by['Action being taken']]);
    // The figures as judged: "** -75%" is 25% against 100%, "**1 delivered" is 1 against 2 p.a.
    expect(exceptions).toEqual([
      [
        'Homelessness awareness education programme disseminated in 4 secondary schools across East Cambs.',
        '100%',
        '25%',
        'Not met',
        NO_ACTION_YET,
      ],
      ['Landlord Forum delivered 6 monthly', '2 p.a.', '1', 'Not met', NO_ACTION_YET],
      [
        'Review Homelessness Strategy annually ensuring customers receive the best service possible',
        'April 2015',
        'On going',
        'Overdue',
        NO_ACTION_YET,
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
      by['Action being taken'],
      by.Commentary,
    ]);
    expect(exceptions).toEqual([
      ['3', '83%', NO_ACTION_YET, 'Results outside target due to lack of response from clients'],
      ['4', '83%', NO_ACTION_YET, 'Results outside target due to lack of response from clients'],
      ['6', '94%', NO_ACTION_YET, 'Result outside target due to lack of response from client'],
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
      ['Judged against a target', '14', '100%'],
      ['Total', '14', ''],
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
  /*
   * Issue 16: beside each miss, the action from the action plan. The officer writes 04's action and
   * its date on the action plan the first pack built; the next committee sheet prints them beside 04.
   */
  it('prints beside 04 the action its owner wrote on the action plan, with its date', async () => {
    const { out } = get('service-plan-quarterly');
    const excel = await readExcel(out);
    const plan = actionPlanSheet(excel);
    const row = rowWith(plan, '04');
    plan.getCell(`E${row}`).value = 'Weekly arrears surgeries on the three largest estates';
    plan.getCell(`G${row}`).value = 'March 2025';
    const edited = folder.path('a-04-action.xlsx');
    await excel.xlsx.writeFile(edited);
    const next = folder.path('a-04-action.out.xlsx');
    expect((await runCliCapture(['committee', edited, '-o', next, '--today', '2024-11-20'])).code).toBe(0);
    const committee = (await readExcel(next)).getWorksheet('Committee Q2 2024-25')!;
    const exceptions = tableByHeader(committee, 'Exceptions: indicators not meeting target').rows;
    expect(exceptions.map(({ by }) => [by.Ref, by['Action being taken']])).toEqual([
      ['04', 'Weekly arrears surgeries on the three largest estates (by March 2025)'],
    ]);
  });

  it('the committee name given once is kept in the workbook for the next run', async () => {
    const { out } = get('service-plan-quarterly');
    const next = folder.path('a-q1-kept.xlsx');
    expect((await runCliCapture(['committee', out, '-o', next, '--today', '2024-11-20', '--period', 'Q1 2024/25'])).code).toBe(0);
    const ws = (await readExcel(next)).getWorksheet('Committee Q1 2024-25')!;
    expect(sheetRows(ws, 1)[2]![0]).toContain('Committee: Regulatory and Support Services Committee');
  });
});
