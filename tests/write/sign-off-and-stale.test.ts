/**
 * Sign-off: a period a committee has seen keeps its statuses; a later recalculation leaves them and
 * says what they would become. Stale commentary: the officer's commentary copied unchanged from the
 * previous period while the figure moved is flagged.
 */
import ExcelJS from 'exceljs';
import { cellText } from '../../src/core/model/cell-text';
import { cellAt, findSheet, type Cell, type Workbook } from '../../src/core/model/workbook';
import { fingerprint } from '../../src/core/plan/fingerprint';
import { DEFAULT_COLOURS } from '../../src/core/plan/status-style';
import { recalculate } from '../../src/core/run/run-kpi-tracker';
import { readSettings, SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import type { Settings } from '../../src/core/settings/settings-schema';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { buildSheet, buildWorkbook, type CellInput, type SheetInput } from '../../src/hosts/memory/build-workbook';
import { runCliCapture } from '../support/cli';
import { settingsSheet, type SettingsInput } from '../support/settings-sheet';
import { excelWorkbook, tempFolder, type XlsxCell } from '../support/xlsx-writer';

jest.setTimeout(30_000);

const TODAY = '2025-01-15';
const today = { year: 2025, month: 1, day: 15 };
const NOW = '2025-01-15T09:30:00.000Z';
const Q1 = 'Q1 2024/25';
const Q2 = 'Q2 2024/25';

const tmp = tempFolder('sign-off');
afterAll(() => tmp.cleanup());

const COMMENTARY = 'Collection is on track; the new direct debit dates helped.';

/** Columns: A ref, B indicator, C Q1, D Q2, E target, F status, G commentary. Row 4 is T1, row 5 is T2. */
function kpiRows(options: { t1Target?: number; t1Status?: CellInput; t1Commentary?: CellInput; t2Status?: CellInput } = {}): CellInput[][] {
  return [
    ['Tenancy KPIs 2024/25'],
    [],
    ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary'],
    [
      'T1',
      'Rent collected as a % of rent due',
      { v: 0.96, fmt: '0.0%' },
      { v: 0.98, fmt: '0.0%' },
      { v: options.t1Target ?? 0.97, fmt: '0%' },
      options.t1Status ?? null,
      options.t1Commentary ?? null,
    ],
    [
      'T2',
      'Void rent loss as a % of rent due',
      { v: 0.019, fmt: '0.0%' },
      { v: 0.03, fmt: '0.0%' },
      { v: 0.02, fmt: '0.0%' },
      options.t2Status ?? null,
      null,
    ],
  ];
}

const run = (workbook: Workbook, period?: string) =>
  recalculate(workbook, { today, now: NOW, command: 'recalc', ...(period ? { period } : {}) });

function replaceCell(workbook: Workbook, sheetName: string, row: number, col: number, cell: Cell | undefined): Workbook {
  return {
    sheets: workbook.sheets.map((sheet) => {
      if (sheet.name !== sheetName) return sheet;
      const rows = sheet.rows.map((r) => (r ? [...r] : r));
      (rows[row] ??= [])[col] = cell;
      return { ...sheet, rows };
    }),
  };
}

function withSettings(workbook: Workbook, settings: SettingsInput | Settings): Workbook {
  const sheet = buildSheet(settingsSheet(settings as SettingsInput));
  const others = workbook.sheets.filter((s) => s.name !== SETTINGS_SHEET);
  return { sheets: [...others, sheet] };
}

const SIGN_OFF = {
  period: Q2,
  signedOffOn: '2024-11-20',
  committee: 'Housing Scrutiny Panel',
  statuses: { 'KPIs!F4': { status: 'met' as const, label: 'Met' }, 'KPIs!F5': { status: 'missed' as const, label: 'Not met' } },
};

describe('sign-off', () => {
  it('a signed-off status that would now read differently is left as signed off, with a frozen-period notice saying what it would become', () => {
    // The committee saw T1 as Met against 97%; the target has since been raised to 99%.
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: kpiRows({
          t1Target: 0.99,
          t1Status: { v: 'Met', fill: DEFAULT_COLOURS.met },
          t2Status: { v: 'Not met', fill: DEFAULT_COLOURS.missed },
        }),
      },
      settingsSheet({ version: 1, signOffs: [SIGN_OFF] }),
    ]);
    const result = run(workbook, Q2);
    expect(result.chosen.find((c) => c.verdict.ref === 'T1')!.verdict.status).toBe('near');
    expect(result.plan.edits.filter((edit) => edit.purpose === 'status')).toEqual([]);
    const frozen = result.plan.notices.filter((notice) => notice.kind === 'frozen-period');
    expect(frozen).toEqual([
      {
        kind: 'frozen-period',
        sheet: 'KPIs',
        cell: 'F4',
        message: expect.stringMatching(
          /T1: Q2 2024\/25 was signed off as "Met"; recalculating now would make it "Near miss"\. Left as signed off\./,
        ),
      },
    ]);
    const after = applyPlanInMemory(workbook, result.plan);
    expect(cellAt(findSheet(after, 'KPIs')!, 3, 5)).toEqual({ value: { kind: 'text', value: 'Met' }, fill: DEFAULT_COLOURS.met });
  });

  it('a signed-off status that still reads the same gives no notice', () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: kpiRows({ t1Status: { v: 'Met', fill: DEFAULT_COLOURS.met }, t2Status: { v: 'Not met', fill: DEFAULT_COLOURS.missed } }),
      },
      settingsSheet({ version: 1, signOffs: [SIGN_OFF] }),
    ]);
    const result = run(workbook, Q2);
    expect(result.plan.notices.filter((notice) => notice.kind === 'frozen-period')).toEqual([]);
    expect(result.plan.edits.filter((edit) => edit.purpose === 'status')).toEqual([]);
  });

  it('the sign-off freezes only its period: with --period Q1 the status cell shows Q1', () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: kpiRows({
          t1Target: 0.99,
          t1Status: { v: 'Met', fill: DEFAULT_COLOURS.met },
          t2Status: { v: 'Not met', fill: DEFAULT_COLOURS.missed },
        }),
      },
      settingsSheet({ version: 1, signOffs: [SIGN_OFF] }),
    ]);
    const result = run(workbook, Q1);
    expect(result.plan.notices.filter((notice) => notice.kind === 'frozen-period')).toEqual([]);
    expect(
      result.plan.edits
        .filter((edit) => edit.purpose === 'status')
        .map((edit) => `${edit.row + 1} ${edit.value.kind === 'text' ? edit.value.text : ''}`),
    ).toEqual(['4 Near miss', '5 Met']);
  });

  it('through the command line: the signed-off cell is unchanged in the output and the note is printed', async () => {
    const rows = kpiRows({ t1Target: 0.99, t1Status: 'Met', t2Status: 'Not met' }) as XlsxCell[][];
    const settings = settingsSheet({ version: 1, signOffs: [SIGN_OFF] });
    const excel = excelWorkbook([
      {
        name: 'KPIs',
        rows: rows.map((row) =>
          row.map((cell) =>
            cell !== null && typeof cell === 'object' && 'v' in cell ? { v: cell.v as number, fmt: (cell as { fmt: string }).fmt } : cell,
          ),
        ),
      },
      { name: settings.name, rows: settings.rows as XlsxCell[][], state: 'veryHidden' },
    ]);
    const ws = excel.getWorksheet('KPIs')!;
    ws.getCell('F4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${DEFAULT_COLOURS.met.slice(1)}` } };
    ws.getCell('F5').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${DEFAULT_COLOURS.missed.slice(1)}` } } };
    const input = tmp.path('signed-off.xlsx');
    await excel.xlsx.writeFile(input);
    const output = tmp.path('signed-off.out.xlsx');
    const cli = await runCliCapture(['recalc', input, '-o', output, '--period', Q2, '--today', TODAY]);
    expect({ code: cli.code, err: cli.err }).toEqual({ code: 0, err: '' });
    expect(cli.out).toMatch(
      /KPIs!F4: T1: Q2 2024\/25 was signed off as "Met"; recalculating now would make it "Near miss"\. Left as signed off\./,
    );
    expect(cli.out).not.toMatch(/KPIs!F4: .* → /);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(output);
    expect(written.getWorksheet('KPIs')!.getCell('F4').value).toBe('Met');
    expect((written.getWorksheet('KPIs')!.getCell('F4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      `FF${DEFAULT_COLOURS.met.slice(1)}`,
    );
  });

  /*
   * Signing off freezes the commentary KPI Tracker wrote beside the status too: after the target
   * changes, a recalculation must not re-rate the signed-off period in words ("Met" next to "Just
   * short of target"). It once did.
   * Input: run 1 (--period Q2, target 97%) writes F4 "Met" and G4 "Q2 2024/25: 98.0% … Target
   * met."; the officer signs Q2 off (signOffs F4 = Met); the target becomes 99%; run 2 --period Q2.
   * Expected: no edit of row 4 (the period is frozen); a frozen-period note for F4.
   */
  test("KPI Tracker's own commentary for a signed-off period is not rewritten either", () => {
    const first = buildWorkbook([{ name: 'KPIs', rows: kpiRows() }]);
    const run1 = run(first, Q2);
    const afterRun1 = applyPlanInMemory(first, run1.plan);
    expect(cellText(cellAt(findSheet(afterRun1, 'KPIs')!, 3, 6))).toMatch(/Target met/);
    const signed = withSettings(afterRun1, { ...readSettings(afterRun1).settings, signOffs: [SIGN_OFF] });
    const retargeted = replaceCell(signed, 'KPIs', 3, 4, { value: { kind: 'number', value: 0.99 }, format: '0%' });
    const run2 = run(retargeted, Q2);
    expect(run2.plan.notices.some((notice) => notice.kind === 'frozen-period' && notice.cell === 'F4')).toBe(true);
    expect(run2.plan.edits.filter((edit) => edit.row === 3)).toEqual([]);
  });
});

describe('stale commentary', () => {
  const workbookWith = (settings: SettingsInput, commentary: string = COMMENTARY): Workbook =>
    buildWorkbook([{ name: 'KPIs', rows: kpiRows({ t1Commentary: commentary }) }, settingsSheet(settings)]);

  it('the same commentary fingerprint seen for the previous period with a different actual → a stale-commentary notice', () => {
    const workbook = workbookWith({
      version: 1,
      seenCommentary: { 'KPIs!T1': { period: Q1, actual: '96.0%', fingerprint: fingerprint(COMMENTARY) } },
    });
    const result = run(workbook, Q2);
    const stale = result.plan.notices.filter((notice) => notice.kind === 'stale-commentary');
    expect(stale).toEqual([
      {
        kind: 'stale-commentary',
        sheet: 'KPIs',
        cell: 'G4',
        message: expect.stringMatching(
          /^T1: the commentary is the same as for Q1 2024\/25, but the figure moved from 96\.0% to 98(\.0)?%\. It may be out of date\.$/,
        ),
      },
    ]);
    // The officer's words are kept all the same.
    expect(result.plan.edits.filter((edit) => edit.col === 6 && edit.row === 3)).toEqual([]);
  });

  it('no notice when the figure did not move, or the commentary changed, or it was seen for this period', () => {
    const q2Actual = run(workbookWith({ version: 1 }), Q2).chosen.find((c) => c.verdict.ref === 'T1')!.verdict.actualText;
    const cases: SettingsInput[] = [
      { version: 1, seenCommentary: { 'KPIs!T1': { period: Q1, actual: q2Actual, fingerprint: fingerprint(COMMENTARY) } } },
      {
        version: 1,
        seenCommentary: { 'KPIs!T1': { period: Q1, actual: '96.0%', fingerprint: fingerprint('Something else the officer wrote in Q1.') } },
      },
      { version: 1, seenCommentary: { 'KPIs!T1': { period: Q2, actual: '96.0%', fingerprint: fingerprint(COMMENTARY) } } },
    ];
    for (const settings of cases) {
      expect(run(workbookWith(settings), Q2).plan.notices.filter((notice) => notice.kind === 'stale-commentary')).toEqual([]);
    }
  });

  it('end to end: a run for Q1 remembers the commentary; the same words in Q2 with a new figure are flagged', () => {
    const workbook = buildWorkbook([{ name: 'KPIs', rows: kpiRows({ t1Commentary: COMMENTARY }) }]);
    const q1 = run(workbook, Q1);
    expect(q1.plan.notices.filter((notice) => notice.kind === 'stale-commentary')).toEqual([]);
    const afterQ1 = applyPlanInMemory(workbook, q1.plan);
    expect(readSettings(afterQ1).settings.seenCommentary.get('KPIs!T1')).toMatchObject({
      period: Q1,
      fingerprint: fingerprint(COMMENTARY),
    });
    const q2 = run(afterQ1, Q2);
    expect(q2.plan.notices.filter((notice) => notice.kind === 'stale-commentary').map((notice) => notice.cell)).toEqual(['G4']);
  });

  it('through the command line, the note is printed', async () => {
    const seen = {
      version: 1 as const,
      seenCommentary: { 'KPIs!T1': { period: Q1, actual: '96.0%', fingerprint: fingerprint(COMMENTARY) } },
    };
    const settings = settingsSheet(seen);
    const rows = kpiRows({ t1Commentary: COMMENTARY }).map((row) =>
      row.map((cell) => (cell !== null && typeof cell === 'object' && 'v' in cell ? { v: cell.v as number, fmt: cell.fmt! } : cell)),
    ) as XlsxCell[][];
    const input = tmp.path('stale.xlsx');
    await excelWorkbook([
      { name: 'KPIs', rows },
      { name: settings.name, rows: settings.rows as XlsxCell[][], state: 'veryHidden' },
    ]).xlsx.writeFile(input);
    const cli = await runCliCapture(['recalc', input, '-o', tmp.path('stale.out.xlsx'), '--period', Q2, '--today', TODAY]);
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/KPIs!G4: T1: the commentary is the same as for Q1 2024\/25, but the figure moved from 96\.0% to 98(\.0)?%/);
  });

  /*
   * The stale flag stays up until the officer changes the commentary. (It was once shown only once:
   * the run that flagged it recorded the words as seen for the new period, so the next run said nothing.)
   * Input: run --period Q1, then --period Q2 (flagged), then --period Q2 again, commentary untouched.
   * Expected: the third run flags G4 again.
   */
  test('commentary that is still stale is still flagged on the next run', () => {
    const workbook = buildWorkbook([{ name: 'KPIs', rows: kpiRows({ t1Commentary: COMMENTARY }) } as SheetInput]);
    const afterQ1 = applyPlanInMemory(workbook, run(workbook, Q1).plan);
    const q2 = run(afterQ1, Q2);
    expect(q2.plan.notices.some((notice) => notice.kind === 'stale-commentary')).toBe(true);
    const afterQ2 = applyPlanInMemory(afterQ1, q2.plan);
    expect(
      run(afterQ2, Q2)
        .plan.notices.filter((notice) => notice.kind === 'stale-commentary')
        .map((notice) => notice.cell),
    ).toEqual(['G4']);
  });
});
