/**
 * The fast evaluator (its verdict store, its memos, its reasons worded when read) against the
 * plain reference evaluator (reference-evaluator.ts), field by field, on every sample workbook,
 * on the real corpus (held-back cases too, run but never printed), on the bench's seeded
 * workbooks and on random target tables: the same verdicts, in the same order, every field alike.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateWorkbook } from '../../../bench/generate';
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { ColumnMapping, ColumnRole, Detection, DetectedIndicator, DetectedTable, TableKind } from '../../../src/core/detect/types';
import { evaluateWorkbook, type EvaluateOptions } from '../../../src/core/engine/evaluate';
import { VERDICT_FIELDS, type IndicatorVerdict } from '../../../src/core/engine/indicator-verdict';
import type { Polarity } from '../../../src/core/engine/target-types';
import type { Tolerance } from '../../../src/core/engine/tolerance';
import type { Workbook } from '../../../src/core/model/workbook';
import { parsePeriodLabel } from '../../../src/core/periods/parse-period-label';
import { periodLabel, type Period } from '../../../src/core/periods/period';
import { readSettings } from '../../../src/core/settings/settings-store';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-xlsx';
import { CASES_DIR, HELD_BACK_DIR, readCases } from '../../corpus-real/real-corpus';
import { referenceVerdicts } from './reference-evaluator';

const RUNS = { numRuns: process.env.CI ? 1_500 : 400 };
jest.setTimeout(120_000);

/** The field, and the two values where they differ (left out for a held-back case, which is never printed). */
function differences(fast: readonly IndicatorVerdict[], reference: readonly IndicatorVerdict[], printable: boolean): string[] {
  const found: string[] = [];
  if (fast.length !== reference.length)
    found.push(`${fast.length} verdicts from the fast evaluator, ${reference.length} from the reference`);
  const shown = (value: unknown): string => (printable ? JSON.stringify(value) : '(not shown)');
  for (let i = 0; i < Math.min(fast.length, reference.length); i++) {
    const a = fast[i]!;
    const b = reference[i]!;
    for (const field of VERDICT_FIELDS) {
      const same = field === 'period' ? JSON.stringify(a.period) === JSON.stringify(b.period) : Object.is(a[field], b[field]);
      if (same) continue;
      const where = printable ? `table ${b.tableIndex}, ${b.sheet}!${b.actualCell ?? `row ${b.row + 1}`} ${b.periodLabel}` : `verdict ${i}`;
      found.push(`${where}: ${field} is ${shown(a[field])} fast, ${shown(b[field])} in the reference`);
    }
  }
  return found;
}

interface Tally {
  workbooks: number;
  tables: number;
  verdicts: number;
}

/** Judges a workbook both ways under each set of options; the differences, the first ten of them. */
function compare(workbook: Workbook, detection: Detection, runs: readonly EvaluateOptions[], tally: Tally, printable = true): string[] {
  tally.workbooks++;
  tally.tables += detection.tables.length;
  const found: string[] = [];
  for (const options of runs) {
    const fast = evaluateWorkbook(workbook, detection, options);
    tally.verdicts += fast.length;
    found.push(...differences(fast, referenceVerdicts(workbook, detection, options), printable));
  }
  return found.slice(0, 10);
}

const TOLERANCES: readonly Tolerance[] = [
  { rule: 'relative', percent: 5 },
  { rule: 'points', points: 2, percent: 5 },
  { rule: 'improving', percent: 5 },
  { rule: 'on-course', percent: 10 },
];

/** Each workbook is judged with each tolerance rule, on two days, and for the latest period with figures alone. */
function optionsFor(workbook: Workbook, detection: Detection): EvaluateOptions[] {
  const settings = readSettings(workbook).settings;
  const polarityByRef = new Map<string, Polarity>(Object.entries(settings.polarity));
  const runs: EvaluateOptions[] = TOLERANCES.map((tolerance, i) => ({
    today: i % 2 === 0 ? { year: 2025, month: 1, day: 15 } : { year: 2026, month: 12, day: 6 },
    tolerance: i === 0 ? (settings.tolerance ?? tolerance) : tolerance,
    polarityByRef,
  }));
  const periods = evaluateWorkbook(workbook, detection, runs[0]!).flatMap((v) => (v.period ? [v.period] : []));
  const latest = periods.at(-1);
  if (latest) runs.push({ ...runs[0]!, period: periodLabel(latest) });
  return runs;
}

function judgedBothWays(workbook: Workbook, tally: Tally, printable = true): string[] {
  const detection = detectWorkbook(workbook, readSettings(workbook).settings);
  return compare(workbook, detection, optionsFor(workbook, detection), tally, printable);
}

describe('the fast evaluator gives what the reference evaluator gives, field by field', () => {
  it('on every sample workbook', async () => {
    const samples = join(__dirname, '..', '..', '..', 'assets', 'samples');
    const tally: Tally = { workbooks: 0, tables: 0, verdicts: 0 };
    for (const name of readdirSync(samples).filter((file) => file.endsWith('.xlsx'))) {
      const { workbook } = await readXlsxFile(join(samples, name));
      expect({ name, differences: judgedBothWays(workbook, tally) }).toEqual({ name, differences: [] });
    }
    expect(tally.workbooks).toBeGreaterThanOrEqual(4);
    expect(tally.verdicts).toBeGreaterThan(100);
  });

  it('on the real corpus', () => {
    const tally: Tally = { workbooks: 0, tables: 0, verdicts: 0 };
    for (const realCase of readCases(CASES_DIR)) {
      expect({ name: realCase.name, differences: judgedBothWays(realCase.workbook, tally) }).toEqual({
        name: realCase.name,
        differences: [],
      });
    }
    expect(tally.workbooks).toBeGreaterThanOrEqual(40);
    expect(tally.verdicts).toBeGreaterThan(2_000);
  });

  it('on the held-back part of the real corpus (run, never printed)', () => {
    const tally: Tally = { workbooks: 0, tables: 0, verdicts: 0 };
    readCases(HELD_BACK_DIR).forEach((realCase, at) => {
      expect({ heldBack: at, differences: judgedBothWays(realCase.workbook, tally, false) }).toEqual({ heldBack: at, differences: [] });
    });
  });

  it('on the bench’s seeded workbooks', () => {
    const tally: Tally = { workbooks: 0, tables: 0, verdicts: 0 };
    for (const seed of [1, 2, 3]) {
      const workbook = generateWorkbook(600, seed);
      expect({ seed, differences: judgedBothWays(workbook, tally) }).toEqual({ seed, differences: [] });
    }
    expect(tally.verdicts).toBeGreaterThan(20_000);
  });

  it('on random target tables', () => {
    fc.assert(
      fc.property(randomTable, ({ workbook, detection, options }) => {
        const tally: Tally = { workbooks: 0, tables: 0, verdicts: 0 };
        expect(compare(workbook, detection, [options], tally)).toEqual([]);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- random target tables

const FY = 2024;
const month = (m: number, fy = FY): Period => ({ kind: 'month', month: m, fy });
const quarter = (q: 1 | 2 | 3 | 4, fy = FY): Period => ({ kind: 'quarter', quarter: q, fy });
/** The periods a table's figure columns stand for: months, quarters of this year and last, years, a year to date. */
const PERIOD_SETS: ReadonlyArray<readonly Period[]> = [
  [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((m) => month(m)),
  [4, 5, 6].map((m) => month(m)),
  [quarter(1, FY - 1), quarter(2, FY - 1), quarter(1), quarter(2), quarter(3)],
  [quarter(3, FY - 1), quarter(4, FY - 1), quarter(1), quarter(2)],
  [1, 2, 3, 4].flatMap((q) => [quarter(q as 1, FY - 1), quarter(q as 1)]),
  [quarter(1), quarter(2), quarter(3), quarter(4), { kind: 'ytd', fy: FY }],
  [
    { kind: 'year', fy: FY - 2 },
    { kind: 'year', fy: FY - 1 },
    { kind: 'year', fy: FY },
  ],
  [quarter(2), quarter(1)],
  [{ kind: 'half', half: 1, fy: FY }, quarter(3), month(1)],
];

const DESCRIPTIONS = [
  'Proportion of rent collected as a % of rent due',
  'Current tenant arrears as a % of rent due',
  'Average days to re-let empty homes',
  'Number of fixed penalty notices issued',
  'Number of homelessness cases prevented',
  'Total affordable homes delivered each year',
  'Complaints responded to within 10 working days',
  'Review the homelessness strategy',
  'Tenant satisfaction with repairs',
  'Sickness absence days lost per employee',
];

const TARGETS: readonly CellInput[] = [
  { v: 0.92, fmt: '0%' },
  '92%',
  '28 days',
  '5 per month',
  '15 per quarter',
  '≥ 75%',
  '95%–100%',
  'March 2025',
  'Yearly',
  '5% above 2023 baseline',
  'Maintain',
  'Reduce',
  'Top quartile',
  'At or above national average',
  120,
  60,
  12,
  240,
  '2 p.a.',
  'Max. 2.0%',
  'Annual Indicator',
  'N/A',
  '',
  { error: '#REF!' },
];

const ACTUALS: readonly CellInput[] = [
  { v: 0.902, fmt: '0.0%' },
  { v: 0.95, fmt: '0%' },
  { v: 0.031, fmt: '0.0%' },
  31,
  24,
  7,
  14,
  0,
  { v: 1234.5, fmt: '#,##0.0' },
  { v: 84396, fmt: '"£"#,##0' },
  '98.58%',
  '22 per quarter',
  '364 *+38%',
  '** -75%',
  'TBC',
  'Achieved',
  'On going',
  'Not achieved',
  '58.5% p',
  'Annual Indicator',
  { date: '2025-02-14' },
  { error: '#N/A' },
  null,
  null,
  null,
];

const STATUS_WORDS = ['Green', 'Amber', 'Red', 'happy face', 'sad face', 'Yes', 'No', 'Met', 'Not met', 'For info only', '✓', '', ''];
const POLARITY_WORDS = ['Higher is better', 'Lower', '↑', '▼', 'Neither', '', 'Good is low'];
const TOLERANCE_CELLS: readonly CellInput[] = ['10%', { v: 0.1, fmt: '0%' }, 7, 150, '', null];

type Extra = 'owner' | 'polarity' | 'tolerance' | 'baseline' | 'previous' | 'benchmark' | 'quartile' | 'commentary' | 'status';
const EXTRAS: readonly Extra[] = [
  'owner',
  'polarity',
  'tolerance',
  'baseline',
  'previous',
  'benchmark',
  'quartile',
  'commentary',
  'status',
];

const indicatorRow = fc.record({
  ref: fc.option(fc.constantFrom('01', '02', 'R1', 'HM03', 'A0001'), { nil: undefined }),
  // Counts against an annual target (each quarter judged against its share, and a year to date) often enough to matter.
  description: fc.oneof(fc.constantFrom(...DESCRIPTIONS), fc.constant('Number of homelessness cases prevented')),
  actuals: fc.array(
    fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...ACTUALS) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }) }),
    { minLength: 12, maxLength: 12 },
  ),
  targets: fc.tuple(
    fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...TARGETS) }, { weight: 1, arbitrary: fc.constantFrom<CellInput>(120, 12) }),
    fc.constantFrom(...TARGETS),
  ),
  statuses: fc.array(fc.constantFrom(...STATUS_WORDS), { minLength: 3, maxLength: 3 }),
  owner: fc.constantFrom('Housing', 'A Jones', ''),
  polarity: fc.constantFrom(...POLARITY_WORDS),
  tolerance: fc.constantFrom(...TOLERANCE_CELLS),
  baseline: fc.constantFrom<CellInput>(80000, { v: 0.9, fmt: '0%' }, null),
  previous: fc.constantFrom<CellInput>(30, { v: 0.91, fmt: '0.0%' }, 'TBC', null),
  benchmark: fc.constantFrom<CellInput>(25, { v: 0.93, fmt: '0%' }, null),
  quartile: fc.constantFrom<CellInput>(18, { v: 0.97, fmt: '0%' }, null),
  commentary: fc.constantFrom('Collection is on track.', '', 'See note'),
  secondRow: fc.boolean(),
});

const randomTable = fc
  .record({
    periods: fc.constantFrom(...PERIOD_SETS),
    /** Two figure columns per period (two sites), each with its own status column. */
    series: fc.boolean(),
    targetColumns: fc.constantFrom(0, 1, 2),
    extras: fc.subarray([...EXTRAS]),
    kind: fc.constantFrom<TableKind>('period-table', 'measure-table', 'baseline-table'),
    title: fc.constantFrom('Performance 2024/25', 'Housing KPIs', undefined),
    rows: fc.array(indicatorRow, { minLength: 1, maxLength: 5 }),
    today: fc.constantFrom({ year: 2024, month: 8, day: 1 }, { year: 2025, month: 4, day: 30 }, { year: 2026, month: 1, day: 1 }),
    tolerance: fc.constantFrom(...TOLERANCES),
    period: fc.constantFrom(undefined, undefined, 'Q2 2024/25', 'Jun 2024', 'Q2', '2024/25'),
    officer: fc.option(fc.constantFrom<Polarity>('higher', 'lower', 'none'), { nil: undefined }),
  })
  .map(({ periods, series, targetColumns, extras, kind, title, rows, today, tolerance, period, officer }) => {
    const columns: ColumnMapping[] = [];
    const add = (role: ColumnRole, header: string, more: Partial<ColumnMapping> = {}): number => {
      columns.push({ col: columns.length, header, role, confidence: 1, reason: 'generated', ...more });
      return columns.length - 1;
    };
    const refCol = add('reference', 'Ref');
    const descriptionCol = add('description', 'Indicator');
    const extraCols = new Map<Extra, number>();
    const EXTRA_COLUMNS: Partial<Record<Extra, [ColumnRole, string]>> = {
      owner: ['owner', 'Owner'],
      polarity: ['polarity', 'Polarity'],
      tolerance: ['tolerance', 'Tolerance'],
      baseline: ['baseline', 'Baseline'],
      previous: ['previous', 'Previous value'],
      benchmark: ['benchmark', 'National average'],
      quartile: ['benchmark', 'Top quartile'],
    };
    for (const extra of extras) {
      const column = EXTRA_COLUMNS[extra];
      if (column) extraCols.set(extra, add(...column));
    }
    const figureCols: Array<{ col: number; statusCol: number | undefined }> = [];
    for (const p of periods) {
      for (const site of series ? ['North', 'South'] : ['']) {
        const col = add('actual', site || periodLabel(p), { period: p, ...(site ? { series: site } : {}) });
        const statusCol = series && extras.includes('status') ? add('status', 'Target Met?') : undefined;
        figureCols.push({ col, statusCol });
      }
    }
    const targetCols = [FY, FY - 1].slice(0, targetColumns).map((fy) =>
      add('target', targetColumns === 2 ? `Target ${fy}/${String((fy + 1) % 100).padStart(2, '0')}` : 'Annual Target', {
        period: { kind: 'year', fy },
      }),
    );
    const statusCol = !series && extras.includes('status') ? add('status', 'Status') : undefined;
    const commentaryCol = extras.includes('commentary') ? add('commentary', 'Commentary') : undefined;

    const sheetRows: CellInput[][] = [columns.map((column) => column.header)];
    const indicators: DetectedIndicator[] = [];
    for (const row of rows) {
      const r = sheetRows.length;
      const cells: CellInput[] = columns.map(() => null);
      cells[refCol] = row.ref ?? null;
      cells[descriptionCol] = row.description;
      for (const [extra, col] of extraCols) cells[col] = row[extra as 'owner'] as CellInput;
      figureCols.forEach(({ col, statusCol: own }, at) => {
        cells[col] = row.actuals[at % row.actuals.length]!;
        if (own !== undefined) cells[own] = row.statuses[at % row.statuses.length]!;
      });
      targetCols.forEach((col, at) => (cells[col] = row.targets[at]!));
      if (statusCol !== undefined) cells[statusCol] = row.statuses[0]!;
      if (commentaryCol !== undefined) cells[commentaryCol] = row.commentary;
      sheetRows.push(cells);
      const rowsOf = [r];
      if (row.secondRow) {
        const more: CellInput[] = columns.map(() => null);
        if (commentaryCol !== undefined) more[commentaryCol] = 'More on the next row.';
        sheetRows.push(more);
        rowsOf.push(r + 1);
      }
      indicators.push({ row: r, rows: rowsOf, ...(row.ref ? { ref: row.ref } : {}), description: row.description, hidden: false });
    }
    const sheet = 'KPIs 2024-25';
    const workbook = buildWorkbook([{ name: sheet, rows: sheetRows }]);
    const table: DetectedTable = {
      sheet,
      range: { top: 0, left: 0, bottom: sheetRows.length - 1, right: columns.length - 1 },
      kind,
      ...(title ? { title } : {}),
      headerRows: [0],
      columns,
      indicators,
      footnotes: [],
      actions: [],
      confidence: 1,
      doubts: [],
      confirmed: false,
    };
    const refs = indicators.flatMap((indicator) => (indicator.ref ? [indicator.ref] : []));
    const options: EvaluateOptions = {
      today,
      tolerance,
      ...(period && parsePeriodLabel(period) ? { period } : {}),
      ...(officer && refs[0] ? { polarityByRef: new Map([[refs[0], officer]]) } : {}),
    };
    return { workbook, detection: { tables: [table], cards: [], doubts: [] } as Detection, options };
  });
