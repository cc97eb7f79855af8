/**
 * Issue 9, hostile text: descriptions, owner names, commentary templates and status labels saved
 * in the settings sheet, and committee details given on the command line, that start with =, +, -
 * or @, or contain =HYPERLINK(…) or =cmd|…, land as literal text — never as a formula — in the
 * status, commentary, action-plan and committee cells, in both hosts:
 *  - the .xlsx host (`kpi-tracker pack`), the output read back with exceljs and as raw XML;
 *  - the in-memory host (applyPlanInMemory);
 *  - the Excel host on the fake Excel, which enters a string as Excel does (a leading = makes a
 *    formula, and +, -, @ too) unless it is written literally: each cell must be stored as text.
 * (Hostile text in the task pane is covered by tests/taskpane and tests/browser.)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_PLAN_SHEET } from '../../src/core/sheets/action-plan-sheet';
import { cellAddress } from '../../src/core/model/address';
import type { Workbook } from '../../src/core/model/workbook';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { planValueText, type Plan } from '../../src/core/plan/plan-types';
import type { RunResult } from '../../src/core/run/run-kpi-tracker';
import { SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import { applyPlanInMemory } from '../../src/hosts/memory/apply-plan';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import type { FakeExcel } from '../support/fake-excel';
import { tempFolder } from '../support/xlsx-writer';
import { cli, inFakeExcel, isolatedCopy, plannedRun, TODAY } from './corpus-support';
import { FIRST_BLOCK, HOSTILE, HOSTILE_KPIS, indicatorRows, makeCorpus } from './make-corpus';

jest.setTimeout(60_000);

const tmp = tempFolder('hostile');
afterAll(() => tmp.cleanup());

const ROWS = indicatorRows(HOSTILE_KPIS);
const COMMITTEE = { name: HOSTILE.committee, meetingDate: HOSTILE.meeting };

let source: string;
let workbook: Workbook;
/** The plan `pack` makes, with the committee details given. */
let expected: RunResult;
beforeAll(async () => {
  source = (await makeCorpus(join(tmp.dir, 'corpus'))).hostile;
  workbook = (await readXlsxFile(source)).workbook;
  expected = plannedRun(workbook, 'pack', { committee: COMMITTEE });
});

/** Every text cell the plan writes: edits, and the cells of the sheets it builds, as `Sheet!A1` → text. */
function plannedTexts(plan: Plan): Map<string, string> {
  const texts = new Map<string, string>();
  for (const edit of plan.edits) texts.set(`${edit.sheet}!${cellAddress(edit.row, edit.col)}`, planValueText(edit.value));
  for (const sheet of plan.sheets) {
    if (sheet.name === SETTINGS_SHEET) continue;
    // The change log is appended under what is there; it is new in this workbook.
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) =>
        cell && cell.value.kind === 'text' && cell.value.text !== ''
          ? texts.set(`${sheet.name}!${cellAddress(r, c)}`, cell.value.text)
          : undefined,
      ),
    );
  }
  return texts;
}

describe('the test has teeth', () => {
  it('the run writes hostile text of every kind into status, commentary, action-plan and committee cells', () => {
    const texts = [...plannedTexts(expected.plan)];
    const on = (sheetPrefix: string) => texts.filter(([key]) => key.startsWith(sheetPrefix)).map(([, text]) => text);
    const statuses = expected.plan.edits.filter((e) => e.purpose === 'status').map((e) => planValueText(e.value));
    const commentary = expected.plan.edits.filter((e) => e.purpose === 'commentary').map((e) => planValueText(e.value));
    for (const start of ['=', '+', '-', '@']) {
      expect({ start, status: statuses.some((t) => t.startsWith(start)) }).toEqual({ start, status: true });
      expect({ start, commentary: commentary.some((t) => t.startsWith(start)) }).toEqual({ start, commentary: true });
      expect({ start, committee: on('Committee').some((t) => t.startsWith(start)) }).toEqual({ start, committee: true });
    }
    for (const start of ['=', '+', '-', '@'])
      expect({ start, actionPlan: on(ACTION_PLAN_SHEET).some((t) => t.startsWith(start)) }).toEqual({ start, actionPlan: true });
    expect(commentary.some((t) => t.includes('=HYPERLINK('))).toBe(true);
    expect(commentary.some((t) => t.includes("=cmd|' /C calc'!A0"))).toBe(true);
    expect(on(ACTION_PLAN_SHEET)).toEqual(expect.arrayContaining([HOSTILE.descriptions['02'], HOSTILE.owners['02'], HOSTILE.owners['04']]));
    expect(on('Committee').some((t) => t.includes(HOSTILE.committee))).toBe(true);
  });

  it("the officers' templates and labels are the ones saved in the settings sheet", () => {
    expect(expected.settings.templates).toMatchObject(HOSTILE.templates);
    expect(expected.settings.labels).toMatchObject(HOSTILE.labels);
    expect(expected.plan.edits.find((e) => e.row === ROWS['03']! - 1 && e.purpose === 'commentary')!.value).toEqual({
      kind: 'text',
      text: `${HOSTILE.descriptions['03']} =cmd|' /C calc'!A0 (${HOSTILE.owners['03']})`,
    });
  });
});

describe('the .xlsx host: `kpi-tracker pack`, read back', () => {
  let output: string;
  let excel: ExcelJS.Workbook;
  beforeAll(async () => {
    const { dir, input } = isolatedCopy(tmp.dir, source, 'pack');
    output = join(dir, 'out.xlsx');
    const run = await cli(['pack', input, '-o', output, '--today', TODAY, '--committee', HOSTILE.committee, '--meeting', HOSTILE.meeting]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(output);
  });

  it('every status, commentary, action-plan and committee cell holds the planned text, as a string', () => {
    const wrong: string[] = [];
    for (const [key, text] of plannedTexts(expected.plan)) {
      const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
      const cell = excel.getWorksheet(sheet)?.getCell(address);
      if (!cell) {
        wrong.push(`${key}: no such cell`);
        continue;
      }
      // The committee sheet's merged title rows: exceljs reads the merged-away cells as part of the merge.
      if (cell.type === ExcelJS.ValueType.Merge) continue;
      // The change log's "When" column holds the time of the run, which the plan above does not know.
      if (sheet === CHANGE_LOG_SHEET && address.startsWith('A')) continue;
      if (cell.type !== ExcelJS.ValueType.String || cell.value !== text)
        wrong.push(`${key}: ${JSON.stringify(text)} → type ${cell.type} ${JSON.stringify(cell.value)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the status labels and the hostile descriptions and owners are there word for word', () => {
    const kpis = excel.getWorksheet(HOSTILE.sheet)!;
    expect(FIRST_BLOCK.map((k) => kpis.getCell(`H${ROWS[k.ref]}`).value)).toEqual([
      '+Near miss',
      '-Not met',
      '+Near miss',
      '-Not met',
      // 05 has no Q2 figure (TBC): No data for the run's period, Q2.
      '@No data',
      '=Met',
      '@No data',
    ]);
    expect(FIRST_BLOCK.map((k) => kpis.getCell(`B${ROWS[k.ref]}`).value)).toEqual(FIRST_BLOCK.map((k) => HOSTILE.descriptions[k.ref]));
    expect(FIRST_BLOCK.map((k) => kpis.getCell(`J${ROWS[k.ref]}`).value)).toEqual(FIRST_BLOCK.map((k) => HOSTILE.owners[k.ref]));
    const plan = excel.getWorksheet(ACTION_PLAN_SHEET)!;
    const responsible: string[] = [];
    plan.eachRow((row, r) => (r > 4 && row.getCell(6).text ? responsible.push(String(row.getCell(6).value)) : undefined));
    expect(responsible).toEqual([HOSTILE.owners['02'], HOSTILE.owners['04']]);
  });

  it('the written file holds no formula at all (the input had none): no <f> element in any sheet', async () => {
    const zip = await JSZip.loadAsync(readFileSync(output));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect({ name, formulas: xml.match(/<f[ >][\s\S]*?<\/f>|<f\/>/g) ?? [] }).toEqual({ name, formulas: [] });
      // Text is a shared or inline string, never a formula's cached string (t="str").
      expect({ name, str: /t="str"/.test(xml) }).toEqual({ name, str: false });
    }
  });

  it('a second pack changes nothing, and still writes no formula', async () => {
    const again = join(tmp.dir, 'pack', 'again.xlsx');
    const run = await cli(['pack', output, '-o', again, '--today', TODAY, '--committee', HOSTILE.committee, '--meeting', HOSTILE.meeting]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Changed 0 status cells and 0 commentary cells\./);
    const zip = await JSZip.loadAsync(readFileSync(again));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
  });

  it('recalc --dry-run prints the hostile text as text', async () => {
    const run = await cli(['recalc', source, '--dry-run', '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('→ "=Met"');
    expect(run.out).toContain(`→ "=cmd|' /C calc'!A0`);
  });
});

describe('the in-memory host', () => {
  it('every planned cell is text with no formula, and nothing in the workbook is a formula', () => {
    const after = applyPlanInMemory(workbook, expected.plan);
    const wrong: string[] = [];
    for (const [key, text] of plannedTexts(expected.plan)) {
      const [sheetName, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
      const sheet = after.sheets.find((s) => s.name === sheetName)!;
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = match[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const cell = sheet.rows[Number(match[2]) - 1]?.[col];
      if (cell?.formula !== undefined || cell?.value.kind !== 'text' || cell.value.value !== text)
        wrong.push(`${key}: ${JSON.stringify(text)} → ${JSON.stringify(cell)}`);
    }
    expect(wrong).toEqual([]);
    const formulas = after.sheets.flatMap((s) =>
      s.rows.flatMap((row, r) => (row ?? []).flatMap((cell, c) => (cell?.formula !== undefined ? [`${s.name}!${cellAddress(r, c)}`] : []))),
    );
    expect(formulas).toEqual([]);
  });
});

describe('the Excel host, on the fake Excel', () => {
  let fake: FakeExcel;
  let result: RunResult;
  beforeAll(async () => {
    const ran = await inFakeExcel(workbook, {
      today: { year: 2025, month: 1, day: 15 },
      now: '2025-01-15T09:30:00.000Z',
      command: 'pack',
      steps: { statuses: true, actionPlan: true, committee: true },
      committee: COMMITTEE,
    });
    fake = ran.fake;
    result = ran.run.result;
  });

  it('plans what the other hosts plan', () => {
    expect(result.plan.edits).toEqual(expected.plan.edits);
    expect(result.plan.sheets.filter((s) => s.name !== CHANGE_LOG_SHEET && s.name !== SETTINGS_SHEET)).toEqual(
      expected.plan.sheets.filter((s) => s.name !== CHANGE_LOG_SHEET && s.name !== SETTINGS_SHEET),
    );
  });

  it('Excel stores every status, commentary, action-plan and committee cell as the text itself: a String, no formula', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [key, text] of plannedTexts(result.plan)) {
      const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
      if (sheet === CHANGE_LOG_SHEET && address.startsWith('A')) continue;
      const cell = fake.cell(sheet, address);
      checked++;
      if (!cell || cell.type !== 'String' || cell.value !== text || cell.formula !== undefined)
        wrong.push(`${key}: ${JSON.stringify(text)} → ${JSON.stringify(cell)}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('text starting with = + - @ went in with its quote prefix, and no cell anywhere holds a formula', () => {
    const kpis = fake.sheet(HOSTILE.sheet)!;
    const h4 = kpis.rows[ROWS['01']! - 1]![7]!;
    expect(h4).toMatchObject({ type: 'String', value: '+Near miss', quotePrefix: true });
    const formulas = fake.sheets.flatMap((s) =>
      s.rows.flatMap((row, r) =>
        (row ?? []).flatMap((cell, c) => (cell?.formula !== undefined ? [`${s.name}!${cellAddress(r, c)} ${cell.formula}`] : [])),
      ),
    );
    expect(formulas).toEqual([]);
  });
});
