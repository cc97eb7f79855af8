/**
 * Issue 4, "Done when" 2: the brief's reference verdicts appear in the status cells of the layout A
 * sample after `kpi-tracker recalc`, with their labels and fill colours; the commentary of layout B's
 * rows reproduces the seed's variances; a workbook's own label family and the officer's saved labels
 * are what gets written.
 */
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import type { Status } from '../../src/core/engine/target-types';
import { DEFAULT_COLOURS } from '../../src/core/plan/status-style';
import { recalculate } from '../../src/core/run/run-kpi-tracker';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { buildWorkbook, type SheetInput } from '../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { runCliCapture } from '../support/cli';
import { samplePath } from '../support/samples';
import { settingsSheet, type SettingsInput } from '../support/settings-sheet';
import { changeLogRows } from '../support/workbook-snapshot';
import { excelWorkbook, tempFolder, type XlsxCell } from '../support/xlsx-writer';

jest.setTimeout(30_000);

const TODAY = '2025-01-15';
const today = { year: 2025, month: 1, day: 15 };
const NOW = '2025-01-15T09:30:00.000Z';
const SHEET = 'KPIs 2024-25';

const tmp = tempFolder('reference');
afterAll(() => tmp.cleanup());

/** The label and fill of a status cell as Excel would show them. */
function statusCell(excel: ExcelJS.Workbook, sheet: string, address: string): { label: unknown; fill: string | undefined } {
  const cell = excel.getWorksheet(sheet)!.getCell(address);
  const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  return { label: cell.value, fill: argb ? `#${argb.slice(2)}` : undefined };
}

const shown = (label: string, status: Status) => ({ label, fill: DEFAULT_COLOURS[status] });

async function recalcSample(label: string, ...args: string[]): Promise<{ excel: ExcelJS.Workbook; out: string }> {
  const input = tmp.path(`${label}.xlsx`);
  copyFileSync(samplePath('service-plan-quarterly'), input);
  const output = tmp.path(`${label}.out.xlsx`);
  const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY, ...args]);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(output);
  return { excel, out: run.out };
}

/** Layout A: indicator → row of its status cell (column H) in the sample. */
const ROW = { '01': 4, '02': 5, '03': 6, '04': 9, '05': 12, '06': 13, '10': 21, '14': 25 } as const;
const H = (ref: keyof typeof ROW) => `H${ROW[ref]}`;

describe('layout A sample: the reference verdicts in the status cells', () => {
  it('--period "Q2 2024/25": 01 Near miss, 02 Met, 03 Near miss, 04 Not met, 05 No data, 06 Met', async () => {
    const { excel, out } = await recalcSample('q2', '--period', 'Q2 2024/25');
    const cells = Object.fromEntries((['01', '02', '03', '04', '05', '06'] as const).map((ref) => [ref, statusCell(excel, SHEET, H(ref))]));
    expect(cells).toEqual({
      '01': shown('Near miss', 'near'),
      '02': shown('Met', 'met'),
      '03': shown('Near miss', 'near'),
      '04': shown('Not met', 'missed'),
      '05': shown('No data', 'no-data'),
      '06': shown('Met', 'met'),
    });
    expect(out).toMatch(/KPIs 2024-25!H4: \(empty\) → "Near miss"/);
  });

  it('--period "Q1 2024/25": 01 (`83`) Not met, 03 (2%) Met, 05 (20 vs 14 days) Not met, 10 (29 vs 15 per quarter) Met, 14 (98.58%) Met', async () => {
    const { excel } = await recalcSample('q1', '--period', 'Q1 2024/25');
    const cells = Object.fromEntries((['01', '03', '05', '10', '14'] as const).map((ref) => [ref, statusCell(excel, SHEET, H(ref))]));
    expect(cells).toEqual({
      '01': shown('Not met', 'missed'),
      '03': shown('Met', 'met'),
      '05': shown('Not met', 'missed'),
      '10': shown('Met', 'met'),
      '14': shown('Met', 'met'),
    });
  });

  it('by default each indicator shows its latest period with data: Q2 where there is one, else Q1 (05, 10, 14)', async () => {
    const { excel } = await recalcSample('default');
    const cells = Object.fromEntries((Object.keys(ROW) as Array<keyof typeof ROW>).map((ref) => [ref, statusCell(excel, SHEET, H(ref))]));
    expect(cells).toEqual({
      '01': shown('Near miss', 'near'),
      '02': shown('Met', 'met'),
      '03': shown('Near miss', 'near'),
      '04': shown('Not met', 'missed'),
      '05': shown('Not met', 'missed'),
      '06': shown('Met', 'met'),
      '10': shown('Met', 'met'),
      '14': shown('Met', 'met'),
    });
  });

  it('every coloured status cell carries its label beside the colour, and the change log records it', async () => {
    const { excel } = await recalcSample('labels');
    const ws = excel.getWorksheet(SHEET)!;
    const coloured: string[] = [];
    ws.getColumn(8).eachCell((cell, row) => {
      const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      if (row <= 3 || !fill || cell.value === 'Status') return;
      coloured.push(`H${row}`);
      expect({ address: `H${row}`, label: typeof cell.value === 'string' && cell.value.trim() !== '' }).toEqual({
        address: `H${row}`,
        label: true,
      });
      expect(Object.values(DEFAULT_COLOURS)).toContain(`#${fill.slice(2)}`);
    });
    expect(coloured.length).toBeGreaterThanOrEqual(14);
    const logged = changeLogRows(excel).filter((row) => row[4] === 'Status');
    expect(logged.find((row) => row[3] === 'H4')?.[6]).toBe('Near miss (colour: none → light amber)');
  });

  it('the colours are distinct for every status, so no two statuses look alike', () => {
    expect(new Set(Object.values(DEFAULT_COLOURS)).size).toBe(Object.keys(DEFAULT_COLOURS).length);
  });
});

describe('layout B sample: verdicts and commentary reproduce the seed', () => {
  async function chosenFor(): Promise<ReturnType<typeof recalculate>['chosen']> {
    const { workbook } = await readXlsxFile(samplePath('service-delivery-plan-annual'));
    return recalculate(workbook, { today: { year: 2025, month: 6, day: 1 }, now: NOW, command: 'recalc' }).chosen;
  }

  it.each([
    ['364 *+38%', '264', '+38%'],
    ['82% +7%', '75%', '+7%'],
    ['22 per quarter ***+47%', '15 per quarter', '+47%'],
  ])('%s vs %s → Met, commentary gives %s', async (actual, target, variance) => {
    const chosen = (await chosenFor()).find((c) => c.verdict.actualText === actual && c.verdict.targetText === target);
    expect(chosen).toBeDefined();
    expect(chosen!.verdict.status).toBe('met');
    expect(chosen!.statusLabel).toBe('Met');
    expect(chosen!.statusColour).toBe(DEFAULT_COLOURS.met);
    expect(chosen!.verdict.variance).toBe(variance);
    // The variance is in the commentary in its own right, not only inside the quoted actual.
    expect(chosen!.commentary!.replace(actual, '')).toContain(variance);
  });

  it.each([
    ['**1 delivered', '2 p.a.', 'missed', 'Not met'],
    ['Achieved', 'Yearly', 'met', 'Met'],
    ['On going', 'April 2015', 'overdue', 'Overdue'],
  ])('%s vs %s → %s', async (actual, target, status, label) => {
    const chosen = (await chosenFor()).find((c) => c.verdict.actualText === actual && c.verdict.targetText === target);
    expect(chosen).toBeDefined();
    expect(chosen!.verdict.status).toBe(status);
    expect(chosen!.statusLabel).toBe(label);
    expect(chosen!.statusColour).toBe(DEFAULT_COLOURS[status as Status]);
    expect(chosen!.commentary).toBeTruthy();
  });

  it('the variances are worked out from the figures, not copied from the seed text next to them', () => {
    const workbook = buildWorkbook([
      {
        name: 'End of year 2014-15',
        rows: [
          ['Preventing Homelessness Performance Measure', 'Target', 'Actual'],
          ['Number of homelessness preventions', 264, 364],
          ['% of customers satisfied with the service', { v: 0.75, fmt: '0%' }, { v: 0.82, fmt: '0%' }],
          ['Number of housing advice interviews', '15 per quarter', '22 per quarter'],
        ],
      },
    ]);
    const chosen = recalculate(workbook, { today: { year: 2015, month: 6, day: 1 }, now: NOW, command: 'recalc' }).chosen;
    expect(chosen.map((c) => [c.verdict.status, c.verdict.variance])).toEqual([
      ['met', '+38%'],
      ['met', '+7%'],
      ['met', '+47%'],
    ]);
    expect(chosen.map((c) => /\(\+\d+%\)/.exec(c.commentary ?? '')?.[0])).toEqual(['(+38%)', '(+7%)', '(+47%)']);
  });
});

describe("the workbook's own labels, and the officer's", () => {
  /** A quarterly table whose status column already uses "On target" / "Off target" from Q1. */
  const rows: XlsxCell[][] = [
    ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary'],
    [
      'R1',
      'Rent collected as a % of rent due',
      { v: 0.96, fmt: '0.0%' },
      { v: 0.98, fmt: '0.0%' },
      { v: 0.97, fmt: '0%' },
      'Off target',
      null,
    ],
    [
      'R2',
      'Void rent loss as a % of rent due',
      { v: 0.019, fmt: '0.0%' },
      { v: 0.03, fmt: '0.0%' },
      { v: 0.02, fmt: '0.0%' },
      'On target',
      null,
    ],
    ['R3', 'Tenants satisfied with repairs', { v: 0.8, fmt: '0%' }, { v: 0.78, fmt: '0%' }, { v: 0.8, fmt: '0%' }, 'On target', null],
    ['R4', 'Homes with a valid gas safety certificate', { v: 1, fmt: '0%' }, { v: 1, fmt: '0%' }, { v: 1, fmt: '0%' }, 'On target', null],
  ];
  const sheetInput = (extra: SheetInput[] = []): SheetInput[] => [
    {
      name: 'Q2',
      rows: rows.map((row) =>
        row.map((cell) =>
          cell !== null && typeof cell === 'object' && 'v' in cell ? { v: cell.v, fmt: cell.fmt } : (cell as string | null),
        ),
      ),
    },
    ...extra,
  ];

  async function viaCli(label: string, settings?: SettingsInput): Promise<Record<string, { label: unknown; fill: string | undefined }>> {
    const excel = excelWorkbook([
      { name: 'Q2', rows },
      ...(settings
        ? [{ name: settingsSheet(settings).name, rows: settingsSheet(settings).rows as XlsxCell[][], state: 'veryHidden' as const }]
        : []),
    ]);
    const input = tmp.path(`${label}.xlsx`);
    await excel.xlsx.writeFile(input);
    const output = tmp.path(`${label}.out.xlsx`);
    const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY, '--period', 'Q2 2024/25']);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(output);
    return Object.fromEntries(['F2', 'F3', 'F4', 'F5'].map((address) => [address, statusCell(written, 'Q2', address)]));
  }

  it('a status column that already says "On target" / "Off target" gets that family: On target, Near target, Off target', async () => {
    expect(await viaCli('family')).toEqual({
      F2: shown('On target', 'met'),
      F3: shown('Off target', 'missed'),
      F4: shown('Near target', 'near'),
      F5: shown('On target', 'met'),
    });
  });

  it("the officer's labels and colours in the settings win over the family the sheet uses", async () => {
    const settings: SettingsInput = { version: 1, labels: { met: 'Achieved', missed: 'Needs attention' }, colours: { met: '#00B050' } };
    expect(await viaCli('officer-labels', settings)).toEqual({
      F2: { label: 'Achieved', fill: '#00B050' },
      F3: shown('Needs attention', 'missed'),
      F4: shown('Near target', 'near'),
      F5: { label: 'Achieved', fill: '#00B050' },
    });
  });

  it("with the officer's labels written, a second run changes nothing (in memory)", () => {
    const settings: SettingsInput = { version: 1, labels: { met: 'Achieved', missed: 'Needs attention' } };
    const workbook = buildWorkbook(sheetInput([settingsSheet(settings)]));
    const first = recalculate(workbook, { today, now: NOW, command: 'recalc', period: 'Q2 2024/25' });
    expect(
      first.plan.edits.filter((edit) => edit.purpose === 'status').map((edit) => (edit.value.kind === 'text' ? edit.value.text : '')),
    ).toEqual(['Achieved', 'Needs attention', 'Near target', 'Achieved']);
    const after = applyPlanInMemory(workbook, first.plan);
    expect(recalculate(after, { today, now: NOW, command: 'recalc', period: 'Q2 2024/25' }).plan.edits).toEqual([]);
  });
});
