/**
 * Issue 16, "Done when" 1: `pack` with no --period tells one story. For every sample, and for a
 * monthly workbook built from Mole Valley District Council's published figures (whose latest month
 * has gaps: a quarterly indicator has no figure for it), the file the command line writes says the
 * same thing everywhere: each indicator's status cell on the KPI sheet is the committee sheet's
 * status for it, the action plan is for the same period, and the change log and the command's first
 * line name that period.
 */
import type ExcelJS from 'exceljs';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { cellText } from '../../src/core/model/cell-text';
import { cellAt, findSheet } from '../../src/core/model/workbook';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { runCliCapture, type CliRun } from '../support/cli';
import { MOLE_VALLEY_SOURCE, moleValleySheets } from '../support/mole-valley';
import {
  actionPlanBlocks,
  actionPlanSheet,
  committeeSheets,
  readExcel,
  SAMPLE_RUNS,
  sheetRows,
  tableByHeader,
} from '../support/report-sheets';
import { samplePath } from '../support/samples';
import { tempFolder, writeXlsx } from '../support/xlsx-writer';

jest.setTimeout(60_000);

const folder = tempFolder('one-story');
afterAll(() => folder.cleanup());

interface Case {
  readonly name: string;
  readonly input: () => Promise<string>;
  readonly today: string;
  /** The period the run must pick: the latest with figures. */
  readonly period: string;
}

const CASES: readonly Case[] = [
  ...SAMPLE_RUNS.map((run) => ({
    name: `${run.layout} ${run.sample}`,
    input: () => Promise.resolve(samplePath(run.sample)),
    today: run.today,
    period: {
      'service-plan-quarterly': 'Q2 2024/25',
      'service-delivery-plan-annual': '2014/15',
      'kpi-return': '2007/08',
      'inspection-action-plan': 'Jul 2010',
    }[run.sample],
  })),
  {
    name: `monthly, with gaps in its latest month (${MOLE_VALLEY_SOURCE})`,
    input: () => writeXlsx(folder.path('mole-valley.xlsx'), moleValleySheets()),
    today: '2024-02-20',
    period: 'Jan 2024',
  },
];

interface Packed {
  readonly cli: CliRun;
  readonly out: string;
  readonly excel: ExcelJS.Workbook;
}

async function pack(c: Case, index: number): Promise<Packed> {
  const out = folder.path(`case-${index}.pack.xlsx`);
  const cli = await runCliCapture(['pack', await c.input(), '-o', out, '--today', c.today]);
  if (cli.code !== 0) throw new Error(cli.err);
  return { cli, out, excel: await readExcel(out) };
}

describe.each(CASES.map((c, i) => [c.name, c, i] as const))('pack with no --period: %s', (_name, c, index) => {
  let packed: Packed;
  beforeAll(async () => {
    packed = await pack(c, index);
  });

  it('says first which period the run is about: the latest with figures', () => {
    expect(packed.cli.out.split('\n')[0]).toBe(`Reporting period: ${c.period} (the latest with figures).`);
  });

  it("every status cell on the KPI sheets is the committee sheet's status for that indicator", async () => {
    const committees = committeeSheets(packed.excel);
    expect(committees.map((ws) => ws.name)).toEqual([`Committee ${c.period.replace(/\//g, '-')}`]);
    const table = tableByHeader(committees[0]!, 'All indicators');
    const onCommittee = new Map<string, string>(
      table.rows.filter(({ by }) => by.Status).map(({ by }) => [`${by.Ref ?? ''}|${by.Indicator}`, by.Status!]),
    );
    // The KPI sheets as the file host reads them back, indicator by indicator.
    const { workbook } = await readXlsxFile(packed.out);
    const detection = detectWorkbook(workbook);
    const compared: Array<{ indicator: string; sheet: string; committee: string | undefined }> = [];
    for (const found of detection.tables) {
      const statusColumn = found.columns.find((column) => column.role === 'status')?.col;
      const sheet = findSheet(workbook, found.sheet)!;
      if (statusColumn === undefined || found.kind === 'action-plan') continue;
      for (const indicator of found.indicators) {
        const key = `${table.header.includes('Ref') ? (indicator.ref ?? '') : ''}|${indicator.description.trim()}`;
        compared.push({
          indicator: key,
          sheet: cellText(cellAt(sheet, indicator.row, statusColumn)),
          committee: onCommittee.get(key),
        });
      }
    }
    expect(compared.filter(({ sheet, committee }) => sheet !== committee)).toEqual([]);
    // Layouts B, C and E have no Status column to fill (their statuses are on the committee sheet
    // only); the others' are every one compared.
    const withStatus = detection.tables.filter((t) => t.kind !== 'action-plan' && t.columns.some((column) => column.role === 'status'));
    expect(compared.length).toBe(withStatus.reduce((n, t) => n + t.indicators.length, 0));
    if (/service-plan-quarterly|monthly/.test(c.name)) expect(compared.length).toBeGreaterThan(0);
  });

  it('the action plan is for the same period: its title, and every indicator that missed it', () => {
    const plan = actionPlanSheet(packed.excel);
    expect(sheetRows(plan, 1)[2]![0]).toContain(`Indicators not meeting their target, ${c.period}.`);
    for (const [key, rows] of actionPlanBlocks(plan)) {
      const off = rows[0]![2]!;
      expect({ key, off: off.endsWith(` in ${c.period}`) || off.includes(`${c.period}`) }).toEqual({ key, off: true });
    }
  });

  it('the change log names the period of every change, reads fills in words, and prints on A4', () => {
    const ws = packed.excel.getWorksheet(CHANGE_LOG_SHEET)!;
    const log = sheetRows(ws, 7).slice(2);
    const runs = new Set(log.filter((row) => row.some(Boolean)).map((row) => row[1]));
    expect([...runs]).toEqual([`pack for ${c.period}`]);
    for (const row of log.filter((cells) => cells[4] === 'Status')) expect(row[6]).toMatch(/\(fill none → [a-z ]+\)$/);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddFooter).toBe('&LKPI Tracker change log&RPage &P of &N');
  });
});

describe('the Mole Valley workbook, by hand', () => {
  let packed: Packed;
  beforeAll(async () => {
    packed = await pack(CASES[CASES.length - 1]!, 99);
  });

  it('reports January 2024 with the same month last year beside it, and telecare as No data for January', () => {
    const table = tableByHeader(committeeSheets(packed.excel)[0]!, 'All indicators');
    // The workbook's "SLT Lead" column is its owner column.
    expect(table.header).toEqual([
      'Ref',
      'Indicator',
      'Owner',
      'Target',
      'Actual',
      'Previous',
      'Same period last year',
      'Status',
      'Direction',
      'Commentary',
    ]);
    // "Data only" indicators are judged against nothing, but still show December's figure and
    // which way they moved since it.
    expect(table.rows.map(({ by }) => [by.Ref, by.Actual, by.Previous, by['Same period last year'], by.Status, by.Direction])).toEqual([
      ['2', '513', '447', '534', 'No target', '▲ better'],
      ['3', '20', '18', '23', 'No target', '▼ worse'],
      ['4', '630', '626', '', 'No target', '▲ better'],
      ['1', '', '', '', 'No data', ''],
    ]);
  });

  it('writes the telecare row’s status as No data for January 2024, and its commentary says so', () => {
    const ws = packed.excel.getWorksheet('PIs 2023-24')!;
    expect([ws.getCell('N12').value, ws.getCell('O12').value]).toEqual(['No data', 'Jan 2024: figures not yet available.']);
    expect(packed.cli.out).toContain('PIs 2023-24!N12: (empty) → "No data"');
  });
});
