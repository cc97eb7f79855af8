/**
 * The write-back guard (issue 4, "Done when" 1): recalc on every sample and on deliberately awkward
 * workbooks, through the command line (.xlsx host) and through recalculate + applyPlanInMemory, then
 * every cell of every sheet is compared before and after. Only the planned status and commentary
 * cells and the sheets KPI Tracker owns may differ; formulas and officers' words stay byte-for-byte;
 * row heights, column widths, hidden rows and columns, merges and filters stay; a second run changes
 * nothing.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cellAddress } from '../../src/core/model/address';
import { cellText } from '../../src/core/model/cell-text';
import { cellAt, findSheet, type Workbook } from '../../src/core/model/workbook';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { planValueText, type Plan } from '../../src/core/plan/plan-types';
import { DEFAULT_COLOURS } from '../../src/core/plan/status-style';
import { recalculate } from '../../src/core/run/run-kpi-tracker';
import { SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { runCliCapture } from '../support/cli';
import { SAMPLE_NAMES, samplePath, type SampleName } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';
import {
  changeLogRows,
  definedNames,
  editKey,
  forbiddenModelDifferences,
  forbiddenXlsxDifferences,
  OWNED_SHEETS,
  readXlsxSnapshot,
  snapshotXlsx,
  xlsxFormulas,
  type XlsxSheetSnap,
} from '../support/workbook-snapshot';
import {
  AWKWARD_SETTINGS,
  awkwardExcel,
  awkwardSheets,
  COMMENTARY_FORMULA,
  COVER_SHEET,
  DESCRIPTIONS,
  HIDDEN_ROW,
  KPI_SHEET,
  LOOKUPS_SHEET,
  MET_FILL,
  OFFICER_COMMENTARY,
  STATUS_FORMULA,
  TEMPLATES,
  withChart,
  writeAwkwardXlsx,
} from './awkward-workbooks';

jest.setTimeout(30_000);

const TODAY = '2025-01-15';
const today = { year: 2025, month: 1, day: 15 };
const NOW = '2025-01-15T09:30:00.000Z';

const tmp = tempFolder('guard');
afterAll(() => tmp.cleanup());

const officerFormulas = (snap: Map<string, XlsxSheetSnap>): Map<string, string> =>
  new Map([...xlsxFormulas(snap)].filter(([key]) => !OWNED_SHEETS.some((owned) => key.startsWith(`${owned}!`))));

/** Cells of every sheet (owned ones too) as text, for "a second run changes nothing". */
function allCells(snap: Map<string, XlsxSheetSnap>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [name, sheet] of snap) for (const [address, cell] of sheet.cells) cells[`${name}!${address}`] = JSON.stringify(cell);
  return cells;
}

/** The planned edits are in the output: literal text (never a formula) and the planned fill. */
function expectEditsApplied(excel: ExcelJS.Workbook, plan: Plan): void {
  for (const edit of plan.edits) {
    const cell = excel.getWorksheet(edit.sheet)!.getCell(edit.row + 1, edit.col + 1);
    const where = editKey(edit);
    expect({ where, type: cell.type, formula: cell.formula, value: cell.value }).toEqual({
      where,
      type: ExcelJS.ValueType.String,
      formula: undefined,
      value: planValueText(edit.value),
    });
    if (edit.fill)
      expect({ where, fill: (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb }).toEqual({
        where,
        fill: `FF${edit.fill.slice(1).toUpperCase()}`,
      });
  }
}

/** The change log names exactly the cells the plan changed, each with its old and new value, and the run's period. */
function expectChangeLogMatches(excel: ExcelJS.Workbook, plan: Plan, period: string | null): void {
  const cellRows = changeLogRows(excel).filter((row) => row[3] !== '');
  expect(cellRows.map((row) => `${row[2]}!${row[3]}`)).toEqual(plan.edits.map(editKey));
  cellRows.forEach((row, i) => {
    const edit = plan.edits[i]!;
    expect(row[1]).toBe(period ? `recalc for ${period}` : 'recalc');
    expect(row[4]).toBe(edit.purpose === 'status' ? 'Status' : 'Commentary');
    expect(row[5]).toBe(edit.before);
    expect(row[6]!.startsWith(planValueText(edit.value))).toBe(true);
  });
}

interface CliGuardResult {
  readonly plan: Plan;
  readonly after: { excel: ExcelJS.Workbook; snap: Map<string, XlsxSheetSnap> };
  readonly before: Map<string, XlsxSheetSnap>;
  readonly out: string;
}

/** Runs `kpi-tracker recalc` on a copy of `source`, checks the guard, runs it again on the output, checks nothing changed. */
async function cliGuard(source: string, label: string, extraArgs: readonly string[] = []): Promise<CliGuardResult> {
  const input = tmp.path(`${label}.xlsx`);
  if (source !== input) copyFileSync(source, input);
  const output = tmp.path(`${label}.out.xlsx`);
  const again = tmp.path(`${label}.again.xlsx`);
  const before = await readXlsxSnapshot(input);
  const { workbook } = await readXlsxFile(input);
  const period = extraArgs.includes('--period') ? extraArgs[extraArgs.indexOf('--period') + 1] : undefined;
  const expected = recalculate(workbook, { today, now: NOW, command: 'recalc', ...(period ? { period } : {}) });
  expect(expected.plan.refusals).toEqual([]);

  const first = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY, ...extraArgs]);
  expect({ code: first.code, err: first.err }).toEqual({ code: 0, err: '' });
  const after = await readXlsxSnapshot(output);

  expect(forbiddenXlsxDifferences(before.snap, after.snap, expected.plan)).toEqual([]);
  expect(officerFormulas(after.snap)).toEqual(officerFormulas(before.snap));
  expect(definedNames(after.excel)).toBe(definedNames(before.excel));
  // What KPI Tracker writes on its own sheets is text too, never a formula.
  expect([...xlsxFormulas(after.snap).keys()].filter((key) => OWNED_SHEETS.some((owned) => key.startsWith(`${owned}!`)))).toEqual([]);
  expectEditsApplied(after.excel, expected.plan);
  expectChangeLogMatches(after.excel, expected.plan, expected.reportPeriod);
  if (expected.plan.edits.length > 0) expect(after.excel.getWorksheet(CHANGE_LOG_SHEET)?.state).toBe('visible');
  const settingsSheet = after.excel.getWorksheet(SETTINGS_SHEET);
  if (settingsSheet) expect(settingsSheet.state).toBe('veryHidden');

  // A second run on the output plans no edits and adds no change-log rows.
  const { workbook: written } = await readXlsxFile(output);
  expect(recalculate(written, { today, now: NOW, command: 'recalc', ...(period ? { period } : {}) }).plan.edits).toEqual([]);
  const second = await runCliCapture(['recalc', output, '-o', again, '--today', TODAY, ...extraArgs]);
  expect({ code: second.code, err: second.err }).toEqual({ code: 0, err: '' });
  expect(second.out).toMatch(/Changed 0 status cells and 0 commentary cells\./);
  const twice = await readXlsxSnapshot(again);
  expect(changeLogRows(twice.excel)).toEqual(changeLogRows(after.excel));
  expect(allCells(twice.snap)).toEqual(allCells(after.snap));
  expect(forbiddenXlsxDifferences(after.snap, twice.snap, { edits: [], sheets: [], notices: [], refusals: [] })).toEqual([]);
  return { plan: expected.plan, after, before: before.snap, out: first.out };
}

/** recalculate + applyPlanInMemory, the guard on the model, and a second run that plans nothing. */
function memoryGuard(workbook: Workbook, period?: string): { plan: Plan; after: Workbook } {
  const run = recalculate(workbook, { today, now: NOW, command: 'recalc', ...(period ? { period } : {}) });
  expect(run.plan.refusals).toEqual([]);
  const after = applyPlanInMemory(workbook, run.plan);
  expect(forbiddenModelDifferences(workbook, after, run.plan)).toEqual([]);
  for (const edit of run.plan.edits) {
    const cell = cellAt(findSheet(after, edit.sheet)!, edit.row, edit.col);
    expect({ where: editKey(edit), value: cell.value, formula: cell.formula, fill: cell.fill }).toEqual({
      where: editKey(edit),
      value: { kind: 'text', value: planValueText(edit.value) },
      formula: undefined,
      fill: edit.fill ? edit.fill.toUpperCase() : cellAt(findSheet(workbook, edit.sheet)!, edit.row, edit.col).fill,
    });
  }
  const second = recalculate(after, { today, now: '2025-01-16T09:30:00.000Z', command: 'recalc', ...(period ? { period } : {}) });
  expect(second.plan.edits).toEqual([]);
  expect(second.plan.sheets.map((sheet) => sheet.name)).toEqual([]);
  expect(applyPlanInMemory(after, second.plan)).toEqual(after);
  return { plan: run.plan, after };
}

describe('every sample, through the command line', () => {
  const EXPECT_EDITS: Record<SampleName, boolean> = {
    'service-plan-quarterly': true,
    'service-delivery-plan-annual': false,
    'kpi-return': true,
    'inspection-action-plan': false,
  };

  it.each(SAMPLE_NAMES)('%s: only the planned cells and the owned sheets change; a second run changes nothing', async (name) => {
    const { plan } = await cliGuard(samplePath(name), name);
    expect(plan.edits.length > 0).toBe(EXPECT_EDITS[name]);
  });

  it('service-plan-quarterly with --period "Q2 2024/25" as well', async () => {
    const { plan } = await cliGuard(samplePath('service-plan-quarterly'), 'quarterly-q2', ['--period', 'Q2 2024/25']);
    expect(plan.edits.filter((edit) => edit.purpose === 'status')).toHaveLength(14);
  });

  it('the sample file itself is never written', async () => {
    const before = await readXlsxSnapshot(samplePath('service-plan-quarterly'));
    const input = tmp.path('untouched.xlsx');
    copyFileSync(samplePath('service-plan-quarterly'), input);
    await runCliCapture(['recalc', input, '-o', tmp.path('untouched.out.xlsx'), '--today', TODAY]);
    expect(allCells((await readXlsxSnapshot(samplePath('service-plan-quarterly'))).snap)).toEqual(allCells(before.snap));
  });
});

describe('every sample, through recalculate and the in-memory host', () => {
  it.each(SAMPLE_NAMES)('%s', async (name) => {
    const { workbook } = await readXlsxFile(samplePath(name));
    memoryGuard(workbook);
    memoryGuard(workbook, name === 'service-plan-quarterly' ? 'Q1 2024/25' : undefined);
  });
});

describe('an awkward workbook, through the command line', () => {
  let result: CliGuardResult;
  let ws: ExcelJS.Worksheet;
  const cell = (address: string) => ws.getCell(address);
  const fillOf = (address: string) => (cell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

  beforeAll(async () => {
    const path = await writeAwkwardXlsx(tmp.path('awkward.xlsx'));
    result = await cliGuard(path, 'awkward');
    ws = result.after.excel.getWorksheet(KPI_SHEET)!;
  });

  it('plans exactly the expected cells on the second sheet', () => {
    expect(result.plan.edits.map((edit) => `${edit.purpose} ${editKey(edit)}`)).toEqual([
      `status ${KPI_SHEET}!F4`,
      `commentary ${KPI_SHEET}!G4`,
      `status ${KPI_SHEET}!F5`,
      `commentary ${KPI_SHEET}!G6`,
      `status ${KPI_SHEET}!F7`,
      `status ${KPI_SHEET}!F9`,
      `commentary ${KPI_SHEET}!G9`,
      `status ${KPI_SHEET}!F11`,
      `commentary ${KPI_SHEET}!G12`,
    ]);
  });

  it('templates and descriptions starting with =, +, -, @ land as literal text', () => {
    expect(cell('G4').type).toBe(ExcelJS.ValueType.String);
    expect(cell('G4').value).toBe(`=HYPERLINK("http://example.com/evil","${DESCRIPTIONS['01']}")`);
    expect(cell('G6').type).toBe(ExcelJS.ValueType.String);
    expect(String(cell('G6').value).startsWith("=cmd|' /C calc'!A0 ")).toBe(true);
    expect(cell('G9').value).toBe(DESCRIPTIONS['06']);
    expect(cell('G12').value).toBe(DESCRIPTIONS['09']);
    expect(TEMPLATES.near.startsWith('=HYPERLINK(')).toBe(true);
  });

  it('the literal text is an inline string in the file itself, with no formula element', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(tmp.path('awkward.out.xlsx')));
    // The input was written by exceljs, which numbers sheet parts in tab order; the KPI sheet is the second.
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    for (const address of ['G4', 'G6', 'G9']) {
      const element = new RegExp(`<c r="${address}"[^>]*>[\\s\\S]*?</c>`).exec(xml)?.[0];
      expect({ address, element: element ?? '(missing)' }).toEqual({
        address,
        element: expect.stringMatching(/^<c [^>]*t="inlineStr"[^>]*><is><t xml:space="preserve">[^<]*<\/t><\/is><\/c>$/),
      });
    }
  });

  it('formulas in status and commentary cells, and everywhere else, are left as they were', () => {
    expect(cell('F6').formula).toBe(STATUS_FORMULA);
    expect(cell('G7').formula).toBe(COMMENTARY_FORMULA);
    expect(result.after.excel.getWorksheet(COVER_SHEET)!.getCell('A4').formula).toBe('"Pack "&"2024/25"');
    expect(result.after.excel.getWorksheet(LOOKUPS_SHEET)!.getCell('B3').formula).toBe("'KPIs 2024-25'!F6");
    expect(result.plan.notices.filter((n) => n.kind === 'formula-left-alone').map((n) => n.cell)).toEqual(['F6', 'G7']);
    expect(result.out).toMatch(/F6 holds a formula/);
  });

  it("the officer's commentary and own status words are kept byte for byte", () => {
    for (const [address, text] of Object.entries(OFFICER_COMMENTARY)) {
      expect({ address, type: cell(address).type, value: cell(address).value }).toEqual({
        address,
        type: ExcelJS.ValueType.String,
        value: text,
      });
    }
    expect(cell('F8').value).toBe('See note');
    expect(result.plan.notices.filter((n) => n.kind === 'officer-words-kept').map((n) => n.cell)).toEqual(['F8']);
    const cover = result.after.excel.getWorksheet(COVER_SHEET)!;
    expect(cover.getCell('A5').value).toBe('=this line is text an officer typed, not a formula');
    expect(cover.getCell('A5').type).toBe(ExcelJS.ValueType.String);
  });

  it('a fill written to one of several status cells sharing a style does not spread to the others', () => {
    expect(fillOf('F11')).toBe(`FF${DEFAULT_COLOURS.missed.slice(1)}`);
    expect(cell('F11').value).toBe('Not met');
    expect(fillOf('F10')).toBe(`FF${MET_FILL.slice(1)}`);
    expect(fillOf('F12')).toBe(`FF${MET_FILL.slice(1)}`);
    expect(cell('F10').font?.bold).toBe(true);
    expect(cell('F11').font?.bold).toBe(true);
    // The body cells sharing the border style keep having no fill.
    for (const address of ['A4', 'B4', 'E5', 'G5', 'B9', 'G10', 'A12'])
      expect({ address, fill: fillOf(address) }).toEqual({ address, fill: undefined });
    expect(cell('F4').border?.top?.style).toBe('thin');
  });

  it('row heights, column widths, hidden rows and columns, merges, the filter and frozen panes are unchanged', () => {
    expect(ws.getRow(HIDDEN_ROW).hidden).toBe(true);
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.getRow(8).height).toBe(45);
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getColumn(7).width).toBe(60);
    expect(ws.getColumn(8).hidden).toBe(true);
    expect(ws.autoFilter).toBe('A3:H12');
    expect([...((ws.model as { merges?: string[] }).merges ?? [])].sort()).toEqual(['A14:H14', 'A1:H1', 'A2:D2']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(result.after.excel.worksheets.map((sheet) => sheet.name).slice(0, 3)).toEqual([COVER_SHEET, KPI_SHEET, LOOKUPS_SHEET]);
  });

  it('the hidden row still gets its status (it is a mapped cell) and stays hidden', () => {
    expect(cell(`F${HIDDEN_ROW}`).value).toBe('Met');
  });
});

describe('the awkward workbook, in memory', () => {
  let plan: Plan;
  let after: Workbook;
  let sheet: Workbook['sheets'][number];
  beforeAll(() => {
    ({ plan, after } = memoryGuard(buildWorkbook(awkwardSheets())));
    sheet = findSheet(after, KPI_SHEET)!;
  });
  const at = (address: string) => {
    const match = /^([A-Z])(\d+)$/.exec(address)!;
    return cellAt(sheet, Number(match[2]) - 1, match[1]!.charCodeAt(0) - 65);
  };

  it('plans the same cells as the .xlsx host', () => {
    expect(plan.edits.map((edit) => cellAddress(edit.row, edit.col))).toEqual(['F4', 'G4', 'F5', 'G6', 'F7', 'F9', 'G9', 'F11', 'G12']);
  });

  it('text starting with = is text, formulas stay formulas, officer words stay', () => {
    expect(at('G4')).toEqual({ value: { kind: 'text', value: `=HYPERLINK("http://example.com/evil","${DESCRIPTIONS['01']}")` } });
    expect(at('G4').formula).toBeUndefined();
    expect(at('F6').formula).toBe(STATUS_FORMULA);
    expect(at('G7').formula).toBe(COMMENTARY_FORMULA);
    for (const [address, text] of Object.entries(OFFICER_COMMENTARY)) expect(cellText(at(address))).toBe(text);
    expect(cellText(at('F8'))).toBe('See note');
    expect(at('F10').fill).toBe(MET_FILL);
    expect(at('F12').fill).toBe(MET_FILL);
    expect(at('F11')).toEqual({ value: { kind: 'text', value: 'Not met' }, fill: DEFAULT_COLOURS.missed });
    expect(sheet.hiddenRows.has(HIDDEN_ROW - 1)).toBe(true);
  });

  it('the owned sheets are the only new ones', () => {
    expect(after.sheets.map((s) => `${s.name} ${s.visibility}`)).toEqual([
      `${COVER_SHEET} visible`,
      `${KPI_SHEET} visible`,
      `${LOOKUPS_SHEET} visible`,
      `${SETTINGS_SHEET} veryHidden`,
      `${CHANGE_LOG_SHEET} visible`,
    ]);
  });

  it('without a settings sheet the default templates are used, and the guard still holds', () => {
    const plain = buildWorkbook(awkwardSheets(null));
    const { plan: plainPlan } = memoryGuard(plain);
    const g4 = plainPlan.edits.find((edit) => cellAddress(edit.row, edit.col) === 'G4');
    expect(planValueText(g4!.value)).toMatch(/^Q2 2024\/25: 96(\.0)?% against a target of 97%/);
  });

  it('a second run after the officer edits the written commentary keeps the edit', () => {
    const g9 = plan.edits.find((edit) => cellAddress(edit.row, edit.col) === 'G9')!;
    const rows = sheet.rows.map((row) => (row ? [...row] : row));
    rows[g9.row]![g9.col] = { value: { kind: 'text', value: '=Audits ahead of plan; see the tenancy report.' } };
    const edited: Workbook = { sheets: after.sheets.map((s) => (s.name === KPI_SHEET ? { ...s, rows } : s)) };
    const again = recalculate(edited, { today, now: NOW, command: 'recalc' });
    expect(again.plan.edits).toEqual([]);
    const result = applyPlanInMemory(edited, again.plan);
    expect(cellText(cellAt(findSheet(result, KPI_SHEET)!, g9.row, g9.col))).toBe('=Audits ahead of plan; see the tenancy report.');
  });
});

describe('the awkward workbook with the settings the officer saved', () => {
  it('keeps the templates as saved in the settings sheet', () => {
    expect(AWKWARD_SETTINGS.templates).toEqual(TEMPLATES);
  });

  it('reading the output back with the .xlsx host gives the same cells as the in-memory host', async () => {
    const path = await writeAwkwardXlsx(tmp.path('awkward-compare.xlsx'));
    const { workbook } = await readXlsxFile(path);
    const run = recalculate(workbook, { today, now: NOW, command: 'recalc' });
    const inMemory = applyPlanInMemory(workbook, run.plan);
    const out = tmp.path('awkward-compare.out.xlsx');
    expect((await runCliCapture(['recalc', path, '-o', out, '--today', TODAY])).code).toBe(0);
    const { workbook: fromFile } = await readXlsxFile(out);
    for (const edit of run.plan.edits) {
      const a = cellAt(findSheet(inMemory, edit.sheet)!, edit.row, edit.col);
      const b = cellAt(findSheet(fromFile, edit.sheet)!, edit.row, edit.col);
      expect({ where: editKey(edit), value: b.value, fill: b.fill }).toEqual({ where: editKey(edit), value: a.value, fill: a.fill });
    }
    const snap = snapshotXlsx((await readXlsxSnapshot(out)).excel);
    expect(snap.get(KPI_SHEET)!.cells.get('G4')!.formula).toBeUndefined();
  });
});

describe('the guard itself notices what it must', () => {
  let path: string;
  let before: Map<string, XlsxSheetSnap>;
  beforeAll(async () => {
    path = await writeAwkwardXlsx(tmp.path('mutations.xlsx'));
    before = (await readXlsxSnapshot(path)).snap;
  });
  const EMPTY_PLAN: Plan = { edits: [], sheets: [], notices: [], refusals: [] };

  async function problemsAfter(mutate: (ws: ExcelJS.Worksheet, excel: ExcelJS.Workbook) => void): Promise<string[]> {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    mutate(excel.getWorksheet(KPI_SHEET)!, excel);
    const out = tmp.path(`mutated-${Math.random().toString(36).slice(2)}.xlsx`);
    await excel.xlsx.writeFile(out);
    return forbiddenXlsxDifferences(before, (await readXlsxSnapshot(out)).snap, EMPTY_PLAN);
  }

  it('an unchanged round trip through exceljs shows no difference', async () => {
    expect(await problemsAfter(() => undefined)).toEqual([]);
  });

  it.each<[string, (ws: ExcelJS.Worksheet, excel: ExcelJS.Workbook) => void, RegExp]>([
    ['a value', (ws) => (ws.getCell('G5').value = 'changed'), /G5/],
    [
      'a formula',
      (ws) => (ws.getCell('F6').value = { formula: 'IF(D6<E6,"Met","Not met")', result: 'Not met' } as ExcelJS.CellFormulaValue),
      /F6/,
    ],
    ['a formula replaced by its value', (ws) => (ws.getCell('G7').value = 'Q2: 35%'), /G7/],
    ['a number format', (ws) => (ws.getCell('C4').numFmt = '0%'), /C4/],
    ['a row height', (ws) => (ws.getRow(4).height = 15), /row 4/],
    ['a column width', (ws) => (ws.getColumn(2).width = 20), /column 2/],
    ['a hidden row shown', (ws) => (ws.getRow(HIDDEN_ROW).hidden = false), new RegExp(`row ${HIDDEN_ROW}`)],
    ['a hidden column shown', (ws) => (ws.getColumn(8).hidden = false), /column 8/],
    ['a merge undone', (ws) => ws.unMergeCells('A14:H14'), /merges/],
    ['the filter removed', (ws) => (ws.autoFilter = undefined as never), /autoFilter/],
    ['a sheet that appeared', (_ws, excel) => excel.addWorksheet('Sheet1'), /appeared/],
    [
      'a drop-down removed',
      (ws) => (ws as unknown as { dataValidations: { remove(a: string): void } }).dataValidations.remove('F11'),
      /extras/,
    ],
    ['a conditional format removed', (ws) => ws.removeConditionalFormatting(''), /extras/],
    ['a note removed', (ws) => (ws.getCell('B8').note = undefined as never), /B8/],
  ])('%s', async (_what, mutate, expected) => {
    const problems = await problemsAfter(mutate);
    expect(problems.join('\n')).toMatch(expected);
  });

  it("the shared-style trap is real in this workbook: exceljs's own `cell.fill =` colours every cell sharing the style, and the guard sees it", async () => {
    const problems = await problemsAfter((ws) => {
      ws.getCell('F11').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4C3A8' } };
    });
    expect(problems.join('\n')).toMatch(/F10/);
    expect(problems.join('\n')).toMatch(/F12/);
  });
});

describe('a colour saved in lower case', () => {
  /*
   * Colours in the settings may be saved in lower case (the schema allows #aabbcc), while both hosts
   * read a cell's fill back in capitals. The planner writes the colour in capitals, so a second run
   * sees its own fills and plans nothing. (It once wrote #aabbcc, so every run re-planned those
   * status cells — "Met" → "Met", fill #AABBCC → #aabbcc — and appended them to the change log again.)
   * Input: settings { colours: { met: '#aabbcc' } }, recalc twice.
   * Expected: the first run fills Met cells #AABBCC; the second plans no edits.
   */
  test('a second run plans no edits when the officer saved a colour in lower case (in memory)', () => {
    const workbook = buildWorkbook(awkwardSheets({ version: 1, colours: { met: '#aabbcc' } }));
    const first = recalculate(workbook, { today, now: NOW, command: 'recalc' });
    expect(first.plan.edits.some((edit) => edit.fill === '#AABBCC')).toBe(true);
    expect(first.plan.edits.some((edit) => edit.fill === '#aabbcc')).toBe(false);
    const after = applyPlanInMemory(workbook, first.plan);
    expect(recalculate(after, { today, now: NOW, command: 'recalc' }).plan.edits).toEqual([]);
  });

  test('a second CLI run adds no change-log rows when the officer saved a colour in lower case', async () => {
    const path = await writeAwkwardXlsx(tmp.path('lower-case-colour.xlsx'), { version: 1, colours: { met: '#aabbcc' } });
    const out = tmp.path('lower-case-colour.out.xlsx');
    const again = tmp.path('lower-case-colour.again.xlsx');
    expect((await runCliCapture(['recalc', path, '-o', out, '--today', TODAY])).code).toBe(0);
    const second = await runCliCapture(['recalc', out, '-o', again, '--today', TODAY]);
    expect(second.out).toMatch(/Changed 0 status cells and 0 commentary cells\./);
    expect(changeLogRows((await readXlsxSnapshot(again)).excel)).toEqual(changeLogRows((await readXlsxSnapshot(out)).excel));
  });
});

describe("the officer's charts", () => {
  /*
   * The .xlsx host must not drop the officer's charts. exceljs does not read chart parts, so a
   * workbook written back by `kpi-tracker recalc` once lost every chart (exceljs/exceljs#1734, #2607).
   * Input: the awkward workbook with a bar chart of Q2 on "KPIs 2024-25" (xl/charts/chart1.xml,
   * drawn by xl/drawings/drawing1.xml); `kpi-tracker recalc book.xlsx -o out.xlsx`.
   * Expected: the chart is still there, or recalc refuses before writing, naming the chart, rather
   * than losing it.
   */
  test("recalc keeps a chart on the officer's sheet, or refuses before writing", async () => {
    const JSZip = (await import('jszip')).default;
    const bytes = await awkwardExcel().xlsx.writeBuffer();
    const path = tmp.path('with-chart.xlsx');
    writeFileSync(path, await withChart(new Uint8Array(bytes as ArrayBuffer)));
    expect(Object.keys((await JSZip.loadAsync(readFileSync(path))).files)).toContain('xl/charts/chart1.xml');
    const out = tmp.path('with-chart.out.xlsx');
    const run = await runCliCapture(['recalc', path, '-o', out, '--today', TODAY]);
    if (run.code === 1) {
      expect(run.err).toMatch(/\bchart\b/);
      expect(run.err).toMatch(/Nothing was written/);
      expect(existsSync(out)).toBe(false);
      return;
    }
    expect(run.code).toBe(0);
    const files = Object.keys((await JSZip.loadAsync(readFileSync(out))).files);
    expect(files.filter((file) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(file))).toEqual([
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
    ]);
  });
});
