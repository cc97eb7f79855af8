/**
 * Issue 2, "Done when": `kpi-tracker scan` on every sample finds every table and every
 * indicator of the seed text it came from, with the right roles, and golden tests hold that.
 *
 * Two kinds of check:
 * - golden files (tests/golden/scan/<sample>.json) of the exact `scan --json` output, so any
 *   change to what is found shows up in review (re-write them with UPDATE_GOLDEN=1);
 * - explicit assertions against assets/samples/README.md (ranges, header rows) and the seed
 *   text itself (references, descriptions, footnotes, definitions, By texts), so the goldens
 *   can't quietly bless a wrong answer.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DetectedTable } from '../../../src/core/detect/types';
import { rangeAddress } from '../../../src/core/model/address';
import { periodLabel } from '../../../src/core/periods/period';
import { runCliCapture } from '../../support/cli';
import { columnsOf, headerRowsOf, rangeOf, tablesOn } from '../../support/detection-view';
import { expectGolden, GOLDEN_DIR } from '../../support/golden';
import {
  loadSample,
  readmeBlocks,
  SAMPLE_NAMES,
  sampleDisplayPath,
  sampleFilesOnDisk,
  samplePath,
  seedText,
  type SampleName,
} from '../../support/samples';

const cells = (line: string): string[] => line.split('\t').map((cell) => cell.trim());
const filled = (line: string): string[] => cells(line).filter((cell) => cell !== '');
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------

describe('scan --json golden files', () => {
  test('every sample workbook in assets/samples has a golden test, and every golden file a sample', () => {
    expect(sampleFilesOnDisk()).toEqual([...SAMPLE_NAMES].sort());
    const goldenDir = join(GOLDEN_DIR, 'scan');
    if (existsSync(goldenDir)) {
      const goldens = readdirSync(goldenDir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.replace(/\.json$/, ''));
      for (const golden of goldens) expect(SAMPLE_NAMES).toContain(golden);
    }
  });

  test.each(SAMPLE_NAMES)('%s: scan --json output matches its golden file (tests/golden/scan/)', async (name) => {
    const run = await runCliCapture(['scan', samplePath(name), '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { file: string };
    expect(json.file).toBe(samplePath(name));
    // The golden names the file relative to the project, so it is the same on every machine.
    expectGolden(`scan/${name}.json`, { ...json, file: sampleDisplayPath(name) });
  });

  test.each(SAMPLE_NAMES)('%s: no workbook-level doubts, and every table found has indicators or actions', async (name) => {
    const { scan } = await loadSample(name);
    expect(scan.doubts).toEqual([]);
    expect(scan.tables.length).toBeGreaterThan(0);
    for (const table of scan.tables) expect(table.indicators.length + table.actions.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------
// Layout A: service-plan-quarterly.xlsx from seed 003 (tests/fixtures/seeds/layout-a-service-plan.txt)
// ---------------------------------------------------------------------------

interface SeedIndicator {
  readonly ref: string;
  description: string;
  lines: number;
}

/** The seed's header blocks, each with its indicators; a line with an empty number continues the one above. */
function seedABlocks(text: string): SeedIndicator[][] {
  const blocks: SeedIndicator[][] = [];
  let block: SeedIndicator[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    const [first = '', second = ''] = cells(line);
    if (first === 'Indicator No.') {
      block = [];
      blocks.push(block);
    } else if (block && /^\d\d$/.test(first)) {
      block.push({ ref: first, description: second, lines: 1 });
    } else if (block && first === '' && second !== '') {
      const last = block[block.length - 1]!;
      last.description = `${last.description} ${second}`;
      last.lines++;
    }
  }
  return blocks;
}

describe('layout A sample: service-plan-quarterly.xlsx', () => {
  const name: SampleName = 'service-plan-quarterly';
  const seedBlocks = seedABlocks(seedText('layout-a-service-plan'));

  test('the seed has four header blocks holding indicators 01–14 (a sanity check of the parser)', () => {
    expect(seedBlocks.map((block) => block.length)).toEqual([3, 1, 3, 7]);
    expect(seedBlocks.flat().map((indicator) => indicator.ref)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
    ]);
  });

  test('finds the four header blocks at the README ranges and header rows, nothing on "Notes"', async () => {
    const { detection } = await loadSample(name);
    const blocks = readmeBlocks(name);
    expect(blocks).toHaveLength(4);
    expect(detection.tables.map((table) => [table.sheet, rangeOf(table), headerRowsOf(table).join('-')])).toEqual(
      blocks.map((block) => [block.sheet, block.range, block.headerRows]),
    );
    expect(tablesOn(detection, 'Notes')).toEqual([]);
  });

  test('every block is a layout A period table with the same nine column roles and periods', async () => {
    const { detection } = await loadSample(name);
    for (const table of detection.tables) {
      expect(table.kind).toBe('period-table');
      expect(table.confirmed).toBe(false);
      expect(columnsOf(table)).toEqual([
        'A reference',
        'B description',
        'C actual Q1 2024/25',
        'D actual Q2 2024/25',
        'E actual Q3 2024/25',
        'F actual Q4 2024/25',
        'G target 2024/25',
        'H status',
        'I commentary',
      ]);
      const periods = table.columns.filter((column) => column.period).map((column) => column.period);
      expect(periods).toEqual([
        { kind: 'quarter', quarter: 1, fy: 2024 },
        { kind: 'quarter', quarter: 2, fy: 2024 },
        { kind: 'quarter', quarter: 3, fy: 2024 },
        { kind: 'quarter', quarter: 4, fy: 2024 },
        // "Annual Target 2024/25": the target covers the financial year 2024/25.
        { kind: 'year', fy: 2024 },
      ]);
      expect(table.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  test('every indicator of the seed, 01–14 in order, with its reference and its full description', async () => {
    const { detection } = await loadSample(name);
    expect(
      detection.tables.map((table) => table.indicators.map((indicator) => ({ ref: indicator.ref, description: indicator.description }))),
    ).toEqual(seedBlocks.map((block) => block.map((indicator) => ({ ref: indicator.ref, description: indicator.description }))));
  });

  test('the spill rows under 08 and 09 are folded into them, not reported as indicators', async () => {
    const { detection } = await loadSample(name);
    const indicators = detection.tables.flatMap((table) => table.indicators);
    const byRef = new Map(indicators.map((indicator) => [indicator.ref, indicator]));
    expect(byRef.get('08')!.rows.map((row) => row + 1)).toEqual([17, 18]);
    expect(byRef.get('08')!.description).toBe('% of Stage 1 housing complaints responded to within 10 working days Within To Working days');
    expect(byRef.get('09')!.rows.map((row) => row + 1)).toEqual([19, 20]);
    expect(byRef.get('09')!.description).toBe('% of Stage 2 housing complaints responded to within 20 working days');
    expect(indicators.every((indicator) => indicator.ref !== undefined && indicator.ref !== '')).toBe(true);
    // Each indicator spans as many rows as it has lines in the seed.
    const seedLines = new Map(seedBlocks.flat().map((indicator) => [indicator.ref, indicator.lines]));
    for (const indicator of indicators)
      expect([indicator.ref, indicator.rows.length]).toEqual([indicator.ref, seedLines.get(indicator.ref!)]);
  });

  test('the first block takes the merged sheet title; no doubts anywhere', async () => {
    const { detection } = await loadSample(name);
    expect(detection.tables[0]!.title).toBe('Housing Management & Enforcement - Key Performance Indicators – Service Plan 2024-28');
    expect(detection.tables.flatMap((table) => table.doubts)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Layout B: service-delivery-plan-annual.xlsx from seed 004 (tests/fixtures/seeds/layout-b-service-delivery-plan.txt)
// ---------------------------------------------------------------------------

interface SeedMeasure {
  readonly description: string;
  /** Target (target/actual tables) or baseline (baseline/target tables). */
  readonly second: string;
  readonly third: string;
  readonly section?: string;
}

interface SeedBTable {
  readonly header: readonly string[];
  readonly theme: string;
  readonly measures: SeedMeasure[];
  readonly footnotes: Array<{ marker: string; text: string }>;
}

function isSeedBHeader(line: string): boolean {
  const f = filled(line);
  return f.length === 3 && ((f[1] === 'Target' && f[2] === 'Actual') || (f[1] === 'Baseline' && f[2] === 'Target'));
}

function themeOf(header: string): string {
  return /^(.+?)\s+Performance Measure$/i.exec(header)?.[1] ?? /^Performance measure-\s*(.+)$/i.exec(header)?.[1] ?? header;
}

/**
 * The seed's `<Theme> Performance Measure | Target | Actual` and `Performance measure- <theme> | Baseline | Target`
 * tables with their rows, sub-headings and footnotes. A blank line ends a table unless a sub-heading and its
 * rows follow. The last plan row sits after an "Appendix 5" page break in the seed; the sample puts it back
 * (README), and so does this parser.
 */
function seedBTables(raw: string): SeedBTable[] {
  const pageBreak = '\n\nAppendix 5\n\nUndertake ongoing demands analysis';
  if (!raw.includes(pageBreak)) throw new Error('The seed no longer has the page break the README describes.');
  const lines = raw.replace(pageBreak, '\nUndertake ongoing demands analysis').split(/\r?\n/);
  const isMeasure = (line: string | undefined): boolean =>
    line !== undefined && filled(line).length >= 2 && /^[\p{L}\p{N}]/u.test(cells(line)[0]!);
  const tables: SeedBTable[] = [];
  let table: SeedBTable | undefined;
  let section: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isSeedBHeader(line)) {
      const header = filled(line);
      table = { header, theme: themeOf(header[0]!), measures: [], footnotes: [] };
      tables.push(table);
      section = undefined;
      continue;
    }
    if (!table) continue;
    const f = filled(line);
    if (f.length === 0) {
      let next = i + 1;
      while (next < lines.length && filled(lines[next]!).length === 0) next++;
      const subHeadingFollows =
        next < lines.length && filled(lines[next]!).length === 1 && !lines[next]!.startsWith('*') && isMeasure(lines[next + 1]);
      if (!subHeadingFollows) table = undefined;
      continue;
    }
    const footnote = /^(\*+)\s*(.*)$/.exec(f[0]!);
    if (footnote && f.length === 1) {
      table.footnotes.push({ marker: footnote[1]!, text: footnote[2]! });
    } else if (f.length === 1) {
      section = f[0]!;
    } else if (isMeasure(line)) {
      const [description, second, third] = cells(line) as [string, string, string];
      table.measures.push({ description, second, third, ...(section ? { section } : {}) });
    } else {
      table = undefined;
    }
  }
  return tables;
}

/** The longest run of `*` in an actual: the marker its footnote starts with. */
function markerIn(actual: string): string | undefined {
  let marker = '';
  for (const run of actual.match(/\*+/g) ?? []) if (run.length > marker.length) marker = run;
  return marker || undefined;
}

describe('layout B sample: service-delivery-plan-annual.xlsx', () => {
  const name: SampleName = 'service-delivery-plan-annual';
  const seedTables = seedBTables(seedText('layout-b-service-delivery-plan'));
  const measureSeed = seedTables.filter((table) => table.header[2] === 'Actual');
  const baselineSeed = seedTables.filter((table) => table.header[1] === 'Baseline');
  const readmeTables = readmeBlocks(name).filter((block) => block.sheet !== 'Measure cards' && /^[A-Z]+\d+:[A-Z]+\d+$/.test(block.range));

  test('the seed has five Target/Actual tables and six Baseline/Target tables (a sanity check of the parser)', () => {
    expect(measureSeed.map((table) => table.measures.length)).toEqual([4, 4, 5, 3, 4]);
    expect(baselineSeed.map((table) => table.measures.length)).toEqual([4, 3, 1, 4, 4, 4]);
  });

  test('finds exactly the eleven tables of the README, at their ranges and header rows', async () => {
    const { detection } = await loadSample(name);
    expect(readmeTables).toHaveLength(11);
    expect(detection.tables.map((table) => [table.sheet, rangeOf(table), headerRowsOf(table)[0]])).toEqual(
      readmeTables.map((block) => [block.sheet, block.range, Number(/^\d+/.exec(block.headerRows)![0])]),
    );
    expect(tablesOn(detection, 'Measure cards')).toEqual([]);
  });

  test('the Target/Actual tables: kind, title (theme), roles, the 2014/2015 year on the Actual column', async () => {
    const { detection } = await loadSample(name);
    const tables = tablesOn(detection, 'End of year 2014-15');
    expect(tables.map((table) => table.kind)).toEqual(measureSeed.map(() => 'measure-table'));
    expect(tables.map((table) => table.title)).toEqual(measureSeed.map((table) => table.theme));
    for (const table of tables) {
      expect(columnsOf(table)).toEqual(['A description', 'B target', 'C actual 2014/15']);
      // "2014/2015" above the tables is the year the Actual column stands for.
      expect(table.columns[2]!.period).toEqual({ kind: 'year', fy: 2014 });
    }
  });

  test('the Baseline/Target tables: kind, title (theme) and roles', async () => {
    const { detection } = await loadSample(name);
    const tables = tablesOn(detection, 'Plan 2015-16');
    expect(tables.map((table) => table.kind)).toEqual(baselineSeed.map(() => 'baseline-table'));
    expect(tables.map((table) => table.title)).toEqual(baselineSeed.map((table) => table.theme));
    for (const table of tables) expect(columnsOf(table)).toEqual(['A description', 'B baseline', 'C target']);
  });

  test('every measure of every seed table, in order (the last plan row put back after the page break)', async () => {
    const { detection } = await loadSample(name);
    expect(detection.tables.map((table) => table.indicators.map((indicator) => indicator.description))).toEqual(
      seedTables.map((table) => table.measures.map((measure) => measure.description)),
    );
    // Layout B has no references.
    expect(detection.tables.flatMap((table) => table.indicators).filter((indicator) => indicator.ref !== undefined)).toEqual([]);
  });

  test('the sub-heading "Educate, Support & Secure Housing for Young People – Tomorrow\'s Future" heads its two rows', async () => {
    const { detection } = await loadSample(name);
    const table = detection.tables.find((t) => rangeOf(t) === 'A11:C18' && t.sheet === 'End of year 2014-15')!;
    expect(table.indicators.map((indicator) => [indicator.row + 1, indicator.section ?? null])).toEqual([
      [12, null],
      [13, null],
      [16, "Educate, Support & Secure Housing for Young People – Tomorrow's Future"],
      [17, "Educate, Support & Secure Housing for Young People – Tomorrow's Future"],
    ]);
    // The sections come from the seed.
    expect(table.indicators.map((indicator) => indicator.section ?? null)).toEqual(
      measureSeed[1]!.measures.map((measure) => measure.section ?? null),
    );
  });

  test('footnotes are tied to the rows whose actuals carry *, ** and ***, with the seed footnote text', async () => {
    const { detection } = await loadSample(name);
    const tables = tablesOn(detection, 'End of year 2014-15');
    const found: Array<[string, string | null, string | null]> = [];
    const expected: Array<[string, string | null, string | null]> = [];
    tables.forEach((table, i) => {
      const seed = measureSeed[i]!;
      for (const indicator of table.indicators)
        found.push([indicator.description, indicator.footnote?.marker ?? null, indicator.footnote ? flat(indicator.footnote.text) : null]);
      for (const measure of seed.measures) {
        const marker = markerIn(measure.third);
        const note = marker ? seed.footnotes.find((footnote) => footnote.marker === marker) : undefined;
        expected.push([measure.description, note ? marker! : null, note ? flat(note.text) : null]);
      }
      expect(table.footnotes.map((footnote) => [footnote.marker, flat(footnote.text)])).toEqual(
        seed.footnotes.map((footnote) => [footnote.marker, flat(footnote.text)]),
      );
    });
    expect(found).toEqual(expected);
    // The five markers of the seed: `*none undertaken`, `** -75%`, `364 *+38%`, `**1 delivered`, `22 per quarter ***+47%`.
    expect(found.filter(([, marker]) => marker !== null).map(([description, marker]) => `${marker} ${description}`)).toEqual([
      '* Deliver target hardening packages to households at high risk of domestic abuse.',
      '** Homelessness awareness education programme disseminated in 4 secondary schools across East Cambs.',
      '* Preventing at least 264 households from becoming homeless per year',
      '** Landlord Forum delivered 6 monthly',
      '*** Using floating support to prevent homelessness',
    ]);
  });

  test('footnote rows are inside the table range, below the rows they explain', async () => {
    const { detection } = await loadSample(name);
    for (const table of detection.tables) {
      for (const indicator of table.indicators) {
        if (!indicator.footnote) continue;
        expect(indicator.footnote.row).toBeGreaterThan(indicator.row);
        expect(indicator.footnote.row).toBeLessThanOrEqual(table.range.bottom);
      }
    }
  });

  test('the eight measure cards are read at the README rows, with their owners', async () => {
    const { detection } = await loadSample(name);
    const cardBlocks = readmeBlocks(name).filter((block) => block.sheet === 'Measure cards');
    expect(cardBlocks).toHaveLength(8);
    expect(detection.cards.map((card) => [card.sheet, card.row + 1])).toEqual(
      cardBlocks.map((block) => [block.sheet, Number(/^A(\d+)/.exec(block.range)![1])]),
    );
    expect(detection.cards.map((card) => card.owner)).toEqual([
      'Housing Options team',
      'Housing Options team',
      'Housing Options Team',
      'Housing Options Team',
      'Housing Options Team',
      'Housing Options Team',
      'Housing Options Team',
      'Housing Options Team',
    ]);
  });

  test('a measure card is linked to the plan row it describes (owner, frequency, source)', async () => {
    const { detection } = await loadSample(name);
    const plan = tablesOn(detection, 'Plan 2015-16').flatMap((table) => table.indicators);
    const decisions = plan.find((indicator) => indicator.description === 'To ensure that Homeless decisions made within 33 working days.')!;
    expect(decisions.card).toMatchObject({ row: 15, owner: 'Housing Options team', source: 'Locata', frequency: 'Daily' });
    const forums = plan.find((indicator) => indicator.description.startsWith('To effectively engage with landlords'))!;
    expect(forums.card).toMatchObject({ owner: 'Housing Options Team', frequency: '6 monthly', source: 'Attendance data taken at forum' });
  });

  test('the hidden spacer row 16 on "Plan 2015-16" separates two tables and is no indicator', async () => {
    const { workbook, detection } = await loadSample(name);
    const sheet = workbook.sheets.find((s) => s.name === 'Plan 2015-16')!;
    expect(sheet.hiddenRows.has(15)).toBe(true);
    expect(tablesOn(detection, 'Plan 2015-16').map(rangeOf)).toEqual(expect.arrayContaining(['A14:C15', 'A18:C22']));
    expect(detection.tables.flatMap((table) => table.indicators).filter((indicator) => indicator.hidden)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Layout C: kpi-return.xlsx from seed 000 (tests/fixtures/seeds/layout-c-kpi-return.txt)
// ---------------------------------------------------------------------------

function seedC(text: string): {
  refs: string[];
  definitions: Map<string, string>;
  ratings: string[];
  share: string;
  criteria: string[];
} {
  const lines = text.split(/\r?\n/);
  const refs: string[] = [];
  const definitions = new Map<string, string>();
  const criteria: string[] = [];
  let ratings: string[] = [];
  let share = '';
  let part: 'before' | 'return' | 'after' | 'criteria' = 'before';
  for (const line of lines) {
    const f = filled(line);
    if (line.startsWith('Key Performance Indicator\t')) part = 'return';
    else if (part === 'return' && /^\d+[a-z]?$/.test(f[0] ?? '')) refs.push(f[0]!);
    else if (part === 'return' && f[0] === 'Definitions') part = 'after';
    const definition = /^- KPI (\w+)\*\* – (.+)$/.exec(line.trim());
    if (definition) definitions.set(definition[1]!, definition[2]!.trim());
    if (line.startsWith('Criteria for KPI 10\t')) {
      part = 'criteria';
      ratings = f.slice(1, -1);
      share = f[f.length - 1]!;
    } else if (part === 'criteria') {
      if (f.length === 0) part = 'after';
      else criteria.push(f[0]!);
    }
  }
  return { refs, definitions, ratings, share, criteria };
}

describe('layout C sample: kpi-return.xlsx', () => {
  const name: SampleName = 'kpi-return';
  const seed = seedC(seedText('layout-c-kpi-return'));

  test('the seed has KPIs 1a, 1b, 1c, 2–10 with a definition each, and 9 criteria (a sanity check of the parser)', () => {
    expect(seed.refs).toEqual(['1a', '1b', '1c', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect([...seed.definitions.keys()]).toEqual(seed.refs);
    expect(seed.ratings).toEqual(['Very Poor', 'Poor', 'Good', 'Very Good', 'Excellent']);
    expect(seed.criteria).toHaveLength(9);
  });

  test('finds the KPI return (two-row header 3-4) and the satisfaction table at the README ranges', async () => {
    const { detection } = await loadSample(name);
    const blocks = readmeBlocks(name);
    const kpiReturn = blocks.find((block) => /KPI return/.test(block.what))!;
    const satisfaction = blocks.find((block) => /satisfaction/.test(block.what))!;
    expect(
      detection.tables
        .filter((table) => table.kind !== 'case-list')
        .map((table) => [table.sheet, rangeOf(table), headerRowsOf(table).join('-'), table.kind]),
    ).toEqual([
      [kpiReturn.sheet, kpiReturn.range, kpiReturn.headerRows, 'kpi-return'],
      [satisfaction.sheet, satisfaction.range, satisfaction.headerRows, 'satisfaction'],
    ]);
  });

  test('KPI return columns: reference, Numbers as count, Target Met Yes / No as shares, Comments', async () => {
    const { detection } = await loadSample(name);
    const table = detection.tables[0]!;
    expect(columnsOf(table)).toEqual(['A reference', 'B count', 'C metShare', 'D notMetShare', 'E commentary']);
    expect(table.columns.map((column) => column.header)).toEqual([
      'Key Performance Indicator',
      'Numbers',
      'Target Met Yes',
      'Target Met No',
      'Comments',
    ]);
  });

  test('every KPI 1a, 1b, 1c, 2..10 with its definition attached (and used as its description)', async () => {
    const { detection } = await loadSample(name);
    const table = detection.tables[0]!;
    expect(table.indicators.map((indicator) => indicator.ref)).toEqual(seed.refs);
    expect(table.indicators.map((indicator) => [indicator.ref, indicator.definition])).toEqual(
      seed.refs.map((ref) => [ref, seed.definitions.get(ref)]),
    );
    expect(table.indicators.map((indicator) => [indicator.ref, indicator.description])).toEqual(
      seed.refs.map((ref) => [ref, seed.definitions.get(ref)]),
    );
    // The definitions carry the targets the engine will need.
    expect(table.indicators.find((indicator) => indicator.ref === '3')!.definition).toMatch(/\(target 14 days\)$/);
    expect(table.indicators.find((indicator) => indicator.ref === '6')!.definition).toMatch(/28 days & 7 days/);
    expect(table.indicators.map((indicator) => indicator.row + 1)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  test('satisfaction table: the 9 criteria, a rating column per answer and the share column', async () => {
    const { detection } = await loadSample(name);
    const table = detection.tables[1]!;
    expect(table.indicators.map((indicator) => indicator.description)).toEqual(seed.criteria);
    expect(columnsOf(table)).toEqual([
      'A description',
      'B rating Very Poor',
      'C rating Poor',
      'D rating Good',
      'E rating Very Good',
      'F rating Excellent',
      'G ratingShare',
    ]);
    expect(table.columns.filter((column) => column.role === 'rating').map((column) => column.rating)).toEqual(seed.ratings);
    expect(table.columns[6]!.header).toBe(seed.share);
  });

  test('the letters log is an Excel table at the README range, read as a case list of its 12 letters', async () => {
    const { workbook, detection } = await loadSample(name);
    const block = readmeBlocks(name).find((b) => b.sheet === 'Letters log')!;
    const sheet = workbook.sheets.find((s) => s.name === 'Letters log')!;
    expect(sheet.tables.map((table) => [table.name, rangeAddress(table.range)])).toEqual([['LettersLog', block.range]]);
    const [log, ...others] = tablesOn(detection, 'Letters log');
    expect(others).toEqual([]);
    expect(log!.kind).toBe('case-list');
    expect(rangeOf(log!)).toBe(block.range);
    expect(log!.excelTable).toBe('LettersLog');
    expect(log!.columns.map((column) => column.role)).toEqual(['reference', 'caseStart', 'caseEnd']);
    expect(log!.indicators).toHaveLength(12);
  });
});

// ---------------------------------------------------------------------------
// Layout E: inspection-action-plan.xlsx from seed 002
// ---------------------------------------------------------------------------

/** From the seed's action plan (002_960af5f8113656a8.txt): responsible, sponsor, target date and each action's By text. */
const SEED_E: ReadonlyArray<{
  ref: string;
  responsible: string;
  sponsor: string | null;
  targetDate: string;
  by: ReadonlyArray<string | null>;
}> = [
  {
    ref: 'R1',
    responsible: 'Jim Preston – Director of Maintenance Services',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'Immediately',
    by: [
      'Customer sign off - July 2010 (completed). Board sign off - September 2010.',
      'Develop toolkit by the end of July (completed). Updated procedures roll out - August 2010.',
      'Completed and to be monitored monthly.',
    ],
  },
  {
    ref: 'R2.1',
    responsible: 'Donna Middleton – Head of Customer Contact Centre',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'Immediately',
    by: [
      'Service Level Agreement framework principles to be defined by October 2010.',
      'September 2010 and ongoing.',
      'Website re-launch Phase 1 September 2010, Phase 2 definition November 2010.',
      'May 2011.',
    ],
  },
  {
    ref: 'R2.2',
    responsible: 'Stuart Lawson - Head of Performance Reporting',
    sponsor: 'Peter Stott',
    targetDate: 'June 2011',
    by: [
      'Annual report published on website by 1st October 2010 – immediately followed by hard copy to customers.',
      'May 2010 and ongoing.',
      '1st October 2010.',
      'August 2010 and ongoing.',
      '1st October 2010.',
    ],
  },
  {
    ref: 'R2.3',
    responsible: 'Mark Fletcher – Director, Communications',
    sponsor: 'Mark Henderson',
    targetDate: 'June 2011',
    by: ['September 2010.', 'September 2010.', 'September 2010.', 'September 2010.', 'November 2010.'],
  },
  {
    ref: 'R2.4',
    responsible: 'Donna Middleton – Head of Customer Service Centre',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'June 2011',
    by: ['August 2010. May 2011.', 'July 2010 (completed). August 2010.', null, 'Telephony training module delivered in August 2010.'],
  },
  {
    ref: 'R2.5',
    responsible: 'Diane Desay – Customer and Client Experience Director',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'June 2011',
    by: [
      null,
      '5th July 2010 (completed).\n5th July (completed).\n9th August 2010 (completed).\nSeptember 2010.\nPost implementation review September 2010.',
      'Training roll out to commence 1st September 2010, full roll out of training to be completed by December 2010.',
    ],
  },
  {
    ref: 'R2.6',
    responsible: 'Zoey Hawthorne – Director of Development Services',
    sponsor: 'Joe Docherty',
    targetDate: 'June 2011',
    by: [
      'Review baseline data and agree improvement targets by 25th June 2010 (completed).',
      '18 assessments to be completed by 10th August 2010 (completed). 38 additional assessments to be undertaken between 10th August and 10th October 2010.',
      'Resulting Disability Discrimination Act investment work to be concluded by December or where more significant works are required, by March 2011.',
      'Formal policy to be finalised by December 2010.',
      'January 2010.',
    ],
  },
  {
    ref: 'R2.7',
    responsible: 'Mark Henderson – Chief Executive',
    sponsor: null,
    targetDate: 'June 2011',
    by: ['August 2010.', 'September 2010.', 'July 2010 (completed).', 'September/October 2010.', 'September/October 2010.', 'August 2010.'],
  },
  {
    ref: 'R5.1',
    responsible: 'Jim Preston – Director of Maintenance Services',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'June 2011',
    by: ['1st April 2010 and ongoing.', 'October 2010.', 'March 2011.', 'July 2010 (Completed).', 'July 2010 (Completed).', 'April 2011.'],
  },
  {
    ref: 'R5.2',
    responsible: 'Jim Preston – Director of Maintenance Services',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'June 2011',
    by: [
      'August 2010 (completed).',
      'June 2010 (completed), to be refreshed each year.',
      'First article in customer newsletter in August 2010 and ongoing. Launch incentive scheme August 2010.',
      'October 2010.',
    ],
  },
  {
    ref: 'R5.3',
    responsible: 'Jim Preston – Director of Maintenance Services',
    sponsor: 'Rosemary Du Rose',
    targetDate: 'June 2011',
    by: ['Completed and in use.', 'October 2010.'],
  },
];

describe('layout E sample: inspection-action-plan.xlsx', () => {
  const name: SampleName = 'inspection-action-plan';
  const planBlocks = readmeBlocks(name).filter((block) => block.sheet === 'Action plan');

  function planTables(tables: readonly DetectedTable[]): DetectedTable[] {
    return tables.filter((table) => table.kind === 'action-plan');
  }

  test('one action plan per recommendation: range from the heading row down to the last action row', async () => {
    const { detection } = await loadSample(name);
    expect(planBlocks).toHaveLength(11);
    const expected = planBlocks.map((block) => {
      const heading = Number(/heading row (\d+)/.exec(block.what)![1]);
      const [, left, , right, bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(block.range)!;
      return [/^(R[\d.]+)/.exec(block.what)![1], `${left}${heading}:${right}${bottom}`, Number(block.headerRows)];
    });
    expect(planTables(detection.tables).map((table) => [table.recommendation?.ref, rangeOf(table), headerRowsOf(table)[0]])).toEqual(
      expected,
    );
    expect(planTables(detection.tables).every((table) => table.sheet === 'Action plan')).toBe(true);
  });

  test('the five action-plan columns, whatever the header spelling (curly we’ve, "for our customers")', async () => {
    const { detection } = await loadSample(name);
    for (const table of planTables(detection.tables)) {
      expect(columnsOf(table)).toEqual(['A keyOutcome', 'B keyActions', 'C due', 'D progress', 'E successMeasure']);
    }
    const headers = planTables(detection.tables).map((table) => table.columns[0]!.header);
    expect(headers).toContain('Key outcomes for our customers');
    expect(planTables(detection.tables).map((table) => table.columns[4]!.header)).toContain('How do we know when we’ve achieved this?');
  });

  test('R1, R2.1 … R5.3 with responsible, executive sponsor and target date', async () => {
    const { detection } = await loadSample(name);
    expect(
      planTables(detection.tables).map((table) => [
        table.recommendation!.ref,
        table.recommendation!.responsible,
        table.recommendation!.sponsor ?? null,
        table.recommendation!.targetDate,
      ]),
    ).toEqual(SEED_E.map((rec) => [rec.ref, rec.responsible, rec.sponsor, rec.targetDate]));
    expect(planTables(detection.tables)[0]!.recommendation!.title).toBe(
      'Ensure that Home consistently services all gas appliances it owns annually in line with the law.',
    );
    expect(planTables(detection.tables)[7]!.recommendation!.title).toBe('Write letters in plain English.');
  });

  test("each action's By text, as the officer wrote it (empty By stays empty)", async () => {
    const { detection } = await loadSample(name);
    expect(
      planTables(detection.tables).map((table) => [table.recommendation!.ref, table.actions.map((action) => action.due ?? null)]),
    ).toEqual(SEED_E.map((rec) => [rec.ref, rec.by]));
  });

  test('a key outcome holds for the action rows under it until the next one (R2.5, R5.1)', async () => {
    const { detection } = await loadSample(name);
    const byRef = new Map(planTables(detection.tables).map((table) => [table.recommendation!.ref, table]));
    const r51 = byRef.get('R5.1')!.actions.map((action) => action.keyOutcome!.slice(0, 30));
    expect(r51).toEqual([
      "Customers' repairs and gas ser",
      "Customers' repairs and gas ser",
      'Customers will receive a servi',
      'Customers will receive a servi',
      'Customers will receive a servi',
      'Customers will receive a servi',
    ]);
    const r1 = byRef.get('R1')!;
    expect(r1.actions.map((action) => action.action.slice(0, 40))).toEqual([
      'Establish a Gas Policy to deal effective',
      'Update procedures for colleagues and dev',
      'Introduce detailed monitoring plan of “n',
    ]);
    expect(r1.actions[0]!.successMeasure).toMatch(/100% of properties have a safety certificate \(by September 2010\)/);
    expect(byRef.get('R2.3')!.actions[0]!.successMeasure).toMatch(/increase the number of repairs reported on the web to 789 per month/);
  });

  test('the Performance sheet: a plain-range KPI table of the success measures, with owners', async () => {
    const { detection } = await loadSample(name);
    const block = readmeBlocks(name).find((b) => b.sheet === 'Performance')!;
    const [table, ...others] = tablesOn(detection, 'Performance');
    expect(others).toEqual([]);
    expect([rangeOf(table!), headerRowsOf(table!).join('-')]).toEqual([block.range, block.headerRows]);
    expect(columnsOf(table!)).toEqual(['A reference', 'B description', 'C target', 'D actual Jul 2010', 'E owner']);
    expect(table!.columns[3]!.period).toEqual({ kind: 'month', month: 7, fy: 2010 });
    expect(table!.indicators.map((indicator) => indicator.ref)).toEqual(['GS1', 'CS1', 'CS2', 'WEB1']);
    expect(table!.excelTable).toBeUndefined();
  });
});

describe('period labels in the goldens are the ones the model holds', () => {
  test.each(SAMPLE_NAMES)('%s', async (name) => {
    const { detection, scan } = await loadSample(name);
    expect(scan.tables.map((table) => table.columns.map((column) => column.period))).toEqual(
      detection.tables.map((table) => table.columns.map((column) => (column.period ? periodLabel(column.period) : null))),
    );
  });
});
