/**
 * Issue 5, "Done when" 3, the merge test: pack the layout A sample for Q1 (last quarter's action
 * plan: 01, 04 and 05 missed); an officer edits the action plan in the written file (progress, new
 * action rows with and without the Ref, a By date, the key outcome, the responsible officer); the
 * indicator data changes (04 recovers in Q2, 06 newly fails); pack again, for the latest quarter.
 * Every officer edit is still there, word for word, in its block; 06 gets a new block; 04's block
 * stays and is marked for closing; action statuses are recomputed from the By text. Then a second
 * round of edits, and a run with nothing changed that changes nothing.
 */
import type ExcelJS from 'exceljs';
import { ACTION_PLAN_SHEET } from '../../src/core/sheets/action-plan-sheet';
import { runKpiTracker } from '../../src/core/run/run-kpi-tracker';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { runCliCapture } from '../support/cli';
import {
  actionPlanBlocks,
  actionPlanSheet,
  calendar,
  committeeSheets,
  packSample,
  readExcel,
  rowWith,
  SAMPLE_RUNS,
  sheetRows,
  tableByHeader,
} from '../support/report-sheets';
import { tempFolder } from '../support/xlsx-writer';

jest.setTimeout(30_000);

const RUN = SAMPLE_RUNS.find((run) => run.sample === 'service-plan-quarterly')!;
const KPI_SHEET = 'KPIs 2024-25';
const folder = tempFolder('reports-merge');

/** Columns D…I of an action row: what the officer owns. */
type OfficerCells = readonly [keyOutcome: string, keyActions: string, responsible: string, by: string, progress: string, howWeKnow: string];
const officerPart = (row: readonly string[]): string[] => row.slice(3, 9);

async function save(excel: ExcelJS.Workbook, name: string): Promise<string> {
  const path = folder.path(name);
  await excel.xlsx.writeFile(path);
  return path;
}

async function pack(input: string, output: string): Promise<{ out: string; code: number; err: string }> {
  const run = await runCliCapture([
    'pack',
    input,
    '-o',
    output,
    '--today',
    RUN.today,
    '--committee',
    RUN.committee,
    '--meeting',
    RUN.meeting,
  ]);
  return { out: run.out, code: run.code, err: run.err };
}

/** Writes cells D…I of a 1-based row. */
function type(ws: ExcelJS.Worksheet, row: number, cells: Partial<Record<'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>>): void {
  for (const [col, text] of Object.entries(cells)) ws.getCell(`${col}${row}`).value = text;
}

/** The 1-based row of an indicator on the KPI sheet (its number in column A). */
function indicatorRow(ws: ExcelJS.Worksheet, ref: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? '').trim() === ref) return r;
  throw new Error(`indicator ${ref} not found`);
}

// The officer's words, typed the way officers type: line breaks, a leading dash, a leading "=".
const EDIT_04_FIRST: OfficerCells = [
  'Current tenant arrears back under 4% by the year end',
  'Weekly arrears surgeries on the three largest estates\n- Oakfield\n- Brook Lane\n- Station Road',
  'Income Manager',
  'October 2024',
  '- Two surgeries held in October; 41 households seen.',
  'Arrears at or below 4% at the end of Q3',
];
const EDIT_04_NEW_WITH_REF: OfficerCells = [
  '',
  'Refer households in arrears to the Money Advice partnership',
  'Income Officer (Tenancy Sustainment)',
  'March 2025',
  '',
  '',
];
const EDIT_04_NEW_WITHOUT_REF: OfficerCells = [
  '',
  '=Mobysoft prompts reviewed monthly with the team',
  'Income Manager',
  'Ongoing from October 2024',
  'Started.',
  '',
];
const EDIT_05_FIRST: OfficerCells = [
  'Faster relets',
  'Review the relet process with Dragonfly',
  'Lettings Team Leader',
  'December 2024 (and ongoing)',
  'Meeting booked for 2 December.',
  '',
];
const EDIT_05_NEW_WITHOUT_REF: OfficerCells = [
  '',
  'Report weekly relet times to the Head of Housing',
  'Lettings Team Leader',
  '1st August (completed)',
  '',
  '',
];

let packed1: string;
let edited: string;
let packed2: string;
let editedAgain: string;
let packed3: string;
let second: { out: string; code: number; err: string };

beforeAll(async () => {
  packed1 = folder.path('1-packed.xlsx');
  const first = await packSample(RUN, packed1, ['--period', 'Q1 2024/25']);
  if (first.code !== 0) throw new Error(first.err);

  // The officer opens the packed workbook and works on the action plan.
  const excel = await readExcel(packed1);
  const plan = actionPlanSheet(excel);
  const r04 = rowWith(plan, '04');
  const r05 = rowWith(plan, '05');
  expect([rowWith(plan, '01'), r04, r05]).toEqual([5, 6, 7]);
  const full = (cells: OfficerCells): Partial<Record<'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>> => {
    const out: Partial<Record<'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>> = {};
    (['D', 'E', 'F', 'G', 'H', 'I'] as const).forEach((col, i) => {
      if (cells[i]) out[col] = cells[i];
    });
    return out;
  };
  type(plan, r04, full(EDIT_04_FIRST));
  type(plan, r05, full(EDIT_05_FIRST));
  // Two new rows under 04, one with its Ref typed in column A and one without; one under 05, without.
  const values = (ref: string, cells: OfficerCells): Array<string | null> => [
    ref || null,
    null,
    null,
    ...cells.map((text) => text || null),
  ];
  plan.spliceRows(r04 + 1, 0, values('04', EDIT_04_NEW_WITH_REF), values('', EDIT_04_NEW_WITHOUT_REF));
  plan.getRow(rowWith(plan, '05') + 1).values = values('', EDIT_05_NEW_WITHOUT_REF);
  expect(
    sheetRows(plan, 5)
      .slice(6, 11)
      .map((row) => [row[0], row[4]]),
  ).toEqual([
    ['04', EDIT_04_FIRST[1]],
    ['04', EDIT_04_NEW_WITH_REF[1]],
    ['', EDIT_04_NEW_WITHOUT_REF[1]],
    ['05', EDIT_05_FIRST[1]],
    ['', EDIT_05_NEW_WITHOUT_REF[1]],
  ]);

  // Meanwhile the Q2 figures are corrected: 04 falls to 3.5% (meets 4%), 06 falls to 50% (misses 75%).
  const kpis = excel.getWorksheet(KPI_SHEET)!;
  kpis.getCell(indicatorRow(kpis, '04'), 4).value = 0.035;
  kpis.getCell(indicatorRow(kpis, '06'), 4).value = 0.5;
  edited = await save(excel, '2-edited.xlsx');

  packed2 = folder.path('3-packed-again.xlsx');
  second = await pack(edited, packed2);
  if (second.code !== 0) throw new Error(second.err);

  // A second round: the officer moves 04's date and changes who is responsible.
  const again = await readExcel(packed2);
  const plan2 = actionPlanSheet(again);
  const r = rowWith(plan2, '04');
  plan2.getCell(`G${r}`).value = 'January 2025';
  plan2.getCell(`F${r}`).value = 'Income Team Leader (A. Khan)';
  editedAgain = await save(again, '4-edited-again.xlsx');
  packed3 = folder.path('5-packed-third.xlsx');
  const third = await pack(editedAgain, packed3);
  if (third.code !== 0) throw new Error(third.err);
});

afterAll(() => folder.cleanup());

describe('rebuilding the action plan after an officer has worked on it', () => {
  let blocks: Map<string, string[][]>;
  beforeAll(async () => {
    blocks = actionPlanBlocks(actionPlanSheet(await readExcel(packed2)));
  });

  it('keeps every officer edit word for word, in the same block and order', () => {
    expect(blocks.get('04')!.map(officerPart)).toEqual([
      [...EDIT_04_FIRST],
      [...EDIT_04_NEW_WITH_REF],
      // How we'll know was empty on this row: the officer left it so and KPI Tracker leaves it so.
      [...EDIT_04_NEW_WITHOUT_REF],
    ]);
    expect(blocks.get('05')!.map(officerPart)).toEqual([
      [
        'Faster relets',
        'Review the relet process with Dragonfly',
        'Lettings Team Leader',
        'December 2024 (and ongoing)',
        'Meeting booked for 2 December.',
        'Allocations – from Dragonfly handover to relet – 14 working days is at or below 14 working days',
      ],
      [...EDIT_05_NEW_WITHOUT_REF],
    ]);
  });

  it('puts the Ref on the rows the officer added without one', () => {
    expect(blocks.get('04')!.map((row) => row[0])).toEqual(['04', '04', '04']);
    expect(blocks.get('05')!.map((row) => row[0])).toEqual(['05', '05']);
  });

  it('keeps 04, which now meets its target, and marks it for closing', () => {
    const [first] = blocks.get('04')!;
    expect(first![1]).toBe('Current tenants arrears as a % of rent due in the financial year');
    expect(first![2]).toBe('Target met in Q2 2024/25; consider closing');
  });

  it('keeps 05, which has no Q2 figure yet, under review', () => {
    expect(blocks.get('05')![0]![2]).toBe('No figures for Q2 2024/25 yet; keep under review');
  });

  it('adds a block for 06, which newly misses its target, after the existing blocks', () => {
    expect([...blocks.keys()]).toEqual(['01', '04', '05', '06']);
    expect(blocks.get('06')).toEqual([
      [
        '06',
        'Homelessness successful prevention cases',
        '50% against 75% (-25%) in Q2 2024/25',
        '',
        '',
        '',
        '',
        '',
        'Homelessness successful prevention cases is at or above 75%',
        'Not started',
      ],
    ]);
  });

  it('recomputes each action status from its By text and progress, as at 20/11/2024', () => {
    expect(blocks.get('04')!.map((row) => [row[6], row[9]])).toEqual([
      ['October 2024', 'Overdue'],
      ['March 2025', 'Not started'],
      ['Ongoing from October 2024', 'On track'],
    ]);
    expect(blocks.get('05')!.map((row) => [row[6], row[9]])).toEqual([
      ['December 2024 (and ongoing)', 'On track'],
      ['1st August (completed)', 'Complete'],
    ]);
  });

  it('keeps text the officer typed with a leading "=" as text, not a formula', async () => {
    const plan = actionPlanSheet(await readExcel(packed2));
    const row = blocks.get('04')!.findIndex((cells) => cells[4]!.startsWith('='));
    const cell = plan.getCell(rowWith(plan, '04') + row, 5);
    expect(cell.type).toBe(3 /* ExcelJS.ValueType.String */);
    expect(cell.value).toBe(EDIT_04_NEW_WITHOUT_REF[1]);
  });

  it('shows the overdue action on the committee sheet and 06 as the exception', async () => {
    const excel = await readExcel(packed2);
    const committees = committeeSheets(excel);
    // Last quarter's sheet stays as it was filed; this quarter's is added.
    expect(committees.map((ws) => ws.name)).toEqual(['Committee Q1 2024-25', 'Committee Q2 2024-25']);
    const committee = committees[1]!;
    // 06's block on the action plan has no action written yet: the committee is told so beside it.
    expect(
      tableByHeader(committee, 'Exceptions: indicators not meeting target').rows.map(({ by }) => [
        by.Ref,
        by.Status,
        by['Action being taken'],
      ]),
    ).toEqual([['06', 'Not met', 'No action recorded yet — owner to add']]);
    expect(
      tableByHeader(committee, 'Overdue actions').rows.map(({ by }) => [by.Ref, by.Action, by.By, by.Responsible, by.Progress]),
    ).toEqual([['04', EDIT_04_FIRST[1], 'October 2024', 'Income Manager', EDIT_04_FIRST[4]]]);
    // 04 met in Q2 at 3.5%, 06 fell from 84% to 50%.
    const all = tableByHeader(committee, 'All indicators').rows.map(({ by }) => by);
    const figures = (ref: string): Array<string | undefined> => {
      const by = all.find((row) => row.Ref === ref)!;
      return [by.Actual, by.Previous, by.Status, by.Direction];
    };
    expect(figures('04')).toEqual(['3.5%', '5%', 'Met', '▲ better']);
    expect(figures('06')).toEqual(['50%', '84%', 'Not met', '▼ worse']);
  });

  it('reports the rebuild in its output and never writes over the input', async () => {
    expect(second.out).toContain(`Updated sheet "${ACTION_PLAN_SHEET}" (rebuilt).`);
    const input = actionPlanBlocks(actionPlanSheet(await readExcel(edited)));
    expect(input.get('04')![0]![2]).toBe('5% against 4% (+1%) in Q1 2024/25');
  });
});

describe('a second round of edits', () => {
  it('keeps the changed By date and responsible officer, and the status follows the new date', async () => {
    const blocks = actionPlanBlocks(actionPlanSheet(await readExcel(packed3)));
    const [first, ...rest] = blocks.get('04')!;
    expect(officerPart(first!)).toEqual([
      EDIT_04_FIRST[0],
      EDIT_04_FIRST[1],
      'Income Team Leader (A. Khan)',
      'January 2025',
      EDIT_04_FIRST[4],
      EDIT_04_FIRST[5],
    ]);
    // Due 31/01/2025 with progress recorded: On track, no longer Overdue.
    expect(first![9]).toBe('On track');
    expect(rest.map(officerPart)).toEqual([[...EDIT_04_NEW_WITH_REF], [...EDIT_04_NEW_WITHOUT_REF]]);
    expect([...blocks.keys()]).toEqual(['01', '04', '05', '06']);
    const committee = committeeSheets(await readExcel(packed3))[1]!;
    expect(committee.name).toBe('Committee Q2 2024-25');
    expect(sheetRows(committee, 1)[rowWith(committee, 'Overdue actions') + 1]![0]).toBe('None.');
  });
});

describe('running again with nothing changed', () => {
  it('plans no edit and rebuilds no sheet', async () => {
    const { workbook } = await readXlsxFile(packed3);
    const result = runKpiTracker(workbook, {
      today: calendar(RUN.today),
      now: '2024-11-20T10:00:00.000Z',
      command: 'pack',
      steps: { statuses: true, actionPlan: true, committee: true },
      committee: { name: RUN.committee, meetingDate: RUN.meeting },
    });
    expect(result.plan.refusals).toEqual([]);
    expect(result.plan.edits).toEqual([]);
    expect(result.plan.sheets.map((sheet) => sheet.name)).toEqual([]);
  });

  it('says so on the command line, and the action plan reads the same', async () => {
    const packed4 = folder.path('6-packed-fourth.xlsx');
    const run = await pack(packed3, packed4);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Changed 0 status cells and 0 commentary cells.');
    expect(run.out).not.toContain('Updated sheet');
    const before = sheetRows(actionPlanSheet(await readExcel(packed3)));
    const after = sheetRows(actionPlanSheet(await readExcel(packed4)));
    expect(after).toEqual(before);
  });
});
