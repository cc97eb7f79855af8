/**
 * The real corpus (tests/corpus-real/README.md): KPI tables as councils, housing associations and
 * other public bodies published them, each read into a workbook the way Excel types what is pasted
 * into a UK-English sheet, and scored against the publisher's own reading.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import type { Detection } from '../../src/core/detect/types';
import { evaluateWorkbook } from '../../src/core/engine/evaluate';
import type { IndicatorVerdict } from '../../src/core/engine/indicator-verdict';
import { PolaritySchema } from '../../src/core/engine/target-types';
import { columnIndex, columnLetter } from '../../src/core/model/address';
import type { Workbook } from '../../src/core/model/workbook';
import { parsePeriodLabel } from '../../src/core/periods/parse-period-label';
import { comparePeriods, periodLabel, type Period } from '../../src/core/periods/period';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/settings-schema';
import { latestPeriodWithData, planRecalculation } from '../../src/core/plan/recalc-plan';
import { buildWorkbook, type CellInput } from '../../src/hosts/memory/build-workbook';
import { dateFromSerial, isoFromDate } from '../../src/core/model/serial-dates';
import type { XlsxCell, XlsxSheet } from '../support/xlsx-writer';

export const CASES_DIR = join(__dirname, 'cases');
export const HELD_BACK_DIR = join(__dirname, 'held-back');

const ColumnExpectation = z.union([
  z.enum([
    'reference',
    'description',
    'actual',
    'target',
    'status',
    'commentary',
    'owner',
    'polarity',
    'baseline',
    'tolerance',
    'count',
    'metShare',
    'notMetShare',
    'frequency',
    'source',
    'other',
  ]),
]);
const ByColumn = <T extends z.ZodType>(value: T) => z.union([value, z.record(z.string().regex(/^[A-Z]{1,3}$/), value)]);

const ExpectedIndicator = z.object({
  row: z.number().int().positive(),
  polarity: PolaritySchema.optional(),
  publisher: ByColumn(z.string()).optional(),
  status: ByColumn(z.enum(['met', 'near', 'missed', 'no-data', 'no-target', 'not-due', 'overdue', 'unreadable'])).optional(),
});

const ExpectedTable = z.object({
  sheet: z.string(),
  header: z.number().int().positive(),
  columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), ColumnExpectation).default({}),
  period: z.string().optional(),
  indicators: z.array(ExpectedIndicator).default([]),
});

export const ExpectationSchema = z.object({
  tables: z.array(ExpectedTable),
  notTables: z.array(z.string()).default([]),
  settings: z
    .object({
      tolerance: z.number().min(0).max(1),
      toleranceRule: z.enum(['relative', 'points', 'improving', 'on-course']).default('relative'),
    })
    .optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export interface RealCase {
  readonly name: string;
  readonly source: string;
  readonly kind: string;
  readonly workbook: Workbook;
  readonly expect: Expectation;
}

/**
 * A quarter of the corpus is held back from tuning, chosen by a hash of the file's name so the
 * choice is nobody's: those files move to held-back/ and are only ever run.
 */
export function isHeldBack(fileName: string): boolean {
  return parseInt(createHash('sha256').update(fileName).digest('hex').slice(0, 8), 16) % 4 === 0;
}

export function caseFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .sort();
  } catch {
    return [];
  }
}

/** What Excel makes of a pasted cell in a UK-English sheet (README: "Cells are typed as Excel types…"). */
export function excelTyped(raw: string): CellInput {
  const text = raw.trim();
  if (text === '') return null;
  if (text.startsWith("'")) return text.slice(1);
  let m = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (m) {
    const value = Number(`${m[1]}${m[2]!.replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    if (!m[2]!.includes(',')) return value;
    return { v: value, fmt: m[3] ? `#,##0.${'0'.repeat(m[3].length)}` : '#,##0' };
  }
  m = /^([-+]?\d+)(?:\.(\d+))?\s?%$/.exec(text);
  if (m) {
    const decimals = m[2]?.length ?? 0;
    return { v: Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`) / 100, fmt: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  m = /^(-?)£(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (m) {
    const value = Number(`${m[1]}${m[2]!.replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    return { v: value, fmt: m[3] ? '"£"#,##0.00' : '"£"#,##0' };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (!Number.isNaN(Date.parse(iso)) && Number(m[2]) <= 12 && Number(m[1]) <= 31) return { date: iso, fmt: 'dd/mm/yyyy' };
  }
  return text;
}

export function readCase(path: string, name: string): RealCase {
  return readCaseText(readFileSync(path, 'utf8'), name);
}

/** A case from its file's text (layout-variations.ts reads cases it has laid out anew). */
export function readCaseText(text: string, name: string): RealCase {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const sheets: Array<{ name: string; rows: CellInput[][] }> = [];
  let source = '';
  let kind = '';
  let expectAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) {
      const directive = /^## (\w+):?\s*(.*)$/.exec(line);
      const key = directive?.[1];
      if (key === 'expect') {
        expectAt = i + 1;
        break;
      }
      if (key === 'source') source = directive![2]!;
      else if (key === 'kind') kind = directive![2]!;
      else if (key === 'sheet') sheets.push({ name: directive![2]!.trim(), rows: [] });
      continue;
    }
    if (sheets.length === 0) sheets.push({ name: 'Sheet1', rows: [] });
    sheets[sheets.length - 1]!.rows.push(line.split('\t').map(excelTyped));
  }
  if (!source) throw new Error(`${name}: no "## source:" line`);
  if (expectAt < 0) throw new Error(`${name}: no "## expect" section`);
  for (const sheet of sheets) {
    while (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1]!.every((cell) => cell === null)) sheet.rows.pop();
  }
  const expect = ExpectationSchema.parse(JSON.parse(lines.slice(expectAt).join('\n')));
  return { name, source, kind, workbook: buildWorkbook(sheets), expect };
}

export function readCases(dir: string, keep: (name: string) => boolean = () => true): RealCase[] {
  return caseFiles(dir)
    .filter(keep)
    .map((name) => readCase(join(dir, name), name));
}

/** One thing the publisher's reading says, and whether KPI Tracker agreed. */
export interface Check {
  readonly what: 'table' | 'column' | 'period' | 'indicator' | 'polarity' | 'status' | 'not-a-table';
  readonly where: string;
  readonly expected: string;
  readonly got: string;
  readonly ok: boolean;
  /**
   * A status that disagrees with the publisher's own, where the run shows the officer that the
   * sheet's status contradicts its figures (a `status-disagrees` notice on that row): not silent,
   * though still not the publisher's reading.
   */
  readonly shown?: boolean;
}

export interface CaseScore {
  readonly name: string;
  readonly checks: readonly Check[];
  readonly detection: Detection;
  readonly verdicts: readonly IndicatorVerdict[];
}

const TODAY = { year: 2026, month: 12, day: 6 };

function settingsFor(expect: Expectation): Settings {
  const tolerance = expect.settings;
  if (!tolerance) return DEFAULT_SETTINGS;
  const percent = tolerance.tolerance * 100;
  return {
    ...DEFAULT_SETTINGS,
    tolerance:
      tolerance.toleranceRule === 'points'
        ? { rule: 'points', points: percent, percent: 5 }
        : tolerance.toleranceRule === 'relative'
          ? { rule: 'relative', percent }
          : { rule: tolerance.toleranceRule, percent },
  };
}

/** Runs detection and judging on a case and checks each point of the publisher's reading. */
export function scoreCase(realCase: RealCase): CaseScore {
  const settings = settingsFor(realCase.expect);
  const detection = detectWorkbook(realCase.workbook, settings);
  const verdicts = evaluateWorkbook(realCase.workbook, detection, {
    today: TODAY,
    ...(settings.tolerance ? { tolerance: settings.tolerance } : {}),
  });
  const checks: Check[] = [];
  // The notices a recalculation gives: which rows' printed statuses the figures contradict.
  const period = latestPeriodWithData(verdicts);
  const recalc = planRecalculation(realCase.workbook, detection, verdicts, settings, {
    ...(period ? { period } : {}),
    now: '2026-12-06T00:00:00Z',
    command: 'corpus',
  });
  const contradicted = recalc.parts.notices
    // A typed rating kept beside figures that can't be judged is shown too ("officer-words-kept").
    .filter((notice) => (notice.kind === 'status-disagrees' || notice.kind === 'officer-words-kept') && notice.cell)
    .map((notice) => ({
      sheet: notice.sheet,
      row: Number(/\d+$/.exec(notice.cell!)![0]),
      col: columnIndex(notice.cell!.replace(/\d+$/, '')),
    }));
  for (const table of realCase.expect.tables) {
    const where = `'${table.sheet}' row ${table.header}`;
    // Tables side by side share a header row: the one holding the expectation's columns is meant.
    const expectedCols = Object.keys(table.columns).map(columnIndex);
    const candidates = detection.tables
      .map((t, index) => ({ t, index }))
      .filter(({ t }) => t.sheet === table.sheet && t.headerRows.includes(table.header - 1));
    const spans = (t: (typeof candidates)[number]['t']): boolean => expectedCols.every((c) => c >= t.range.left && c <= t.range.right);
    const holding = candidates.find(({ t }) => expectedCols.length > 0 && spans(t));
    const tableIndex = (holding ?? candidates[0])?.index ?? -1;
    const found = detection.tables[tableIndex];
    checks.push({ what: 'table', where, expected: 'found', got: found ? 'found' : 'not found', ok: found !== undefined });
    if (!found) {
      // Everything the publisher says of a table that was never found counts as missed.
      checks.push(...unfoundTableChecks(table, where));
      continue;
    }
    const reporting = reportingPeriod(found, table.period);
    for (const [letter, role] of Object.entries(table.columns)) {
      const column = found.columns.find((c) => c.col === columnIndex(letter));
      const got = column?.role ?? 'not used';
      // A previous value read as an earlier period's figure is never judged as the table's result:
      // each run judges one period, and the earlier ones give only the direction of travel.
      const earlier =
        got === 'actual' && column?.period !== undefined && reporting !== undefined && comparePeriods(column.period, reporting) < 0;
      // Likewise a target for another year ("2019-20 target" beside 2018-19's): the engine judges a
      // period only by its own year's target (targetColumnFor), so that column never judges it.
      const otherYear =
        got === 'target' && column?.period?.fy !== undefined && reporting?.fy !== undefined && column.period.fy !== reporting.fy;
      const ok = role === 'other' ? !['actual', 'target', 'status'].includes(got) || earlier || otherYear : got === role;
      checks.push({
        what: 'column',
        where: `${where} column ${letter}`,
        expected: role,
        got: earlier || otherYear ? `${got} for ${periodLabel(column!.period!)}` : got,
        ok,
      });
    }
    if (table.period) {
      const wanted = parsePeriodLabel(table.period);
      // A table of targets alone reports on the period its verdicts are for ("No data for 2022/23").
      const hasActuals = found.columns.some((c) => c.role === 'actual');
      const actualPeriods = hasActuals
        ? found.columns.filter((c) => c.role === 'actual' && c.period).map((c) => c.period!)
        : verdicts.filter((v) => v.tableIndex === tableIndex && v.period).map((v) => v.period!);
      const periods = [...new Set(actualPeriods.map(periodLabel))];
      // A year to date of 2019/20 reports on 2019/20.
      const ok =
        wanted !== undefined &&
        actualPeriods.some(
          (p) => periodLabel(p) === periodLabel(wanted) || (wanted.kind === 'year' && p.kind === 'ytd' && p.fy === wanted.fy),
        );
      checks.push({ what: 'period', where, expected: table.period, got: periods.join(', ') || 'none', ok });
    }
    for (const indicator of table.indicators) {
      const at = `${where}, indicator on row ${indicator.row}`;
      const detected = found.indicators.find((i) => i.row === indicator.row - 1);
      checks.push({ what: 'indicator', where: at, expected: 'read', got: detected ? 'read' : 'not read', ok: detected !== undefined });
      if (!detected) continue;
      const own = verdicts.filter((v) => v.tableIndex === tableIndex && v.row === indicator.row - 1);
      if (indicator.polarity) {
        const judged = own.find((v) => v.status !== 'no-data') ?? own[0];
        const got = judged ? `${judged.polarity}${judged.polarityAssumed ? ' (assumed)' : ''}` : 'no verdict';
        checks.push({ what: 'polarity', where: at, expected: indicator.polarity, got, ok: judged?.polarity === indicator.polarity });
      }
      if (indicator.status === undefined) continue;
      const wanted = typeof indicator.status === 'string' ? { '': indicator.status } : indicator.status;
      for (const [letter, status] of Object.entries(wanted)) {
        const verdict = letter
          ? own.find((v) => v.actualCell?.replace(/\d+$/, '') === letter)
          : reportedVerdict(
              own,
              verdicts.filter((v) => v.tableIndex === tableIndex),
              table.period,
            );
        const got = verdict?.status ?? 'no verdict';
        // A period column nobody has filled in is a future period: nothing to judge, so no data.
        const ok = got === status || (status === 'no-data' && verdict === undefined);
        // A series' status is the first status column after its figures (Shropshire: B then C, D then E).
        const nextActual = letter
          ? Math.min(
              ...Object.entries(table.columns)
                .filter(([l, role]) => role === 'actual' && columnIndex(l) > columnIndex(letter))
                .map(([l]) => columnIndex(l)),
            )
          : Infinity;
        const shown =
          !ok &&
          contradicted.some(
            (n) => n.sheet === table.sheet && n.row === indicator.row && (!letter || (n.col > columnIndex(letter) && n.col < nextActual)),
          );
        checks.push({
          what: 'status',
          where: `${at}${letter ? ` column ${letter}` : ''}`,
          expected: status,
          got,
          ok,
          ...(shown ? { shown } : {}),
        });
      }
    }
  }
  for (const range of realCase.expect.notTables) {
    const [sheetName, address] = range.includes('!') ? range.split('!') : [realCase.workbook.sheets[0]!.name, range];
    const top = Number(/\d+/.exec(address!)![0]) - 1;
    const bottom = Number(/\d+(?!.*\d)/.exec(address!)![0]) - 1;
    const taken = detection.tables.find((t) => t.sheet === sheetName && t.headerRows[0]! >= top && t.headerRows[0]! <= bottom);
    checks.push({
      what: 'not-a-table',
      where: range,
      expected: 'left alone',
      got: taken ? 'read as a KPI table' : 'left alone',
      ok: !taken,
    });
  }
  return { name: realCase.name, checks, detection, verdicts };
}

/** The period a table reports: the publisher's where the expectation names it, otherwise the latest its figure columns are dated with. */
function reportingPeriod(table: Detection['tables'][number], expected: string | undefined): Period | undefined {
  const wanted = expected ? parsePeriodLabel(expected) : undefined;
  if (wanted) return wanted;
  let latest: Period | undefined;
  for (const column of table.columns) {
    if (column.role !== 'actual' || !column.period) continue;
    if (!latest || comparePeriods(column.period, latest) > 0) latest = column.period;
  }
  return latest;
}

function unfoundTableChecks(table: z.infer<typeof ExpectedTable>, where: string): Check[] {
  const missed = (what: Check['what'], at: string, expected: string): Check => ({
    what,
    where: at,
    expected,
    got: 'table not found',
    ok: false,
  });
  const checks: Check[] = Object.entries(table.columns).map(([letter, role]) => missed('column', `${where} column ${letter}`, role));
  if (table.period) checks.push(missed('period', where, table.period));
  for (const indicator of table.indicators) {
    const at = `${where}, indicator on row ${indicator.row}`;
    checks.push(missed('indicator', at, 'read'));
    if (indicator.polarity) checks.push(missed('polarity', at, indicator.polarity));
    const statuses =
      indicator.status === undefined ? [] : typeof indicator.status === 'string' ? [indicator.status] : Object.values(indicator.status);
    for (const status of statuses) checks.push(missed('status', at, status));
  }
  return checks;
}

/**
 * The verdict the publisher's status speaks of: the table's period where the expectation names
 * one, otherwise the latest period any indicator of the table has a figure for (an indicator with
 * no figure then has no data for it). Year-to-date verdicts KPI Tracker works out itself (no cell
 * of their own) are not the publisher's.
 */
function reportedVerdict(
  own: readonly IndicatorVerdict[],
  table: readonly IndicatorVerdict[],
  period: string | undefined,
): IndicatorVerdict | undefined {
  const wanted = period ? parsePeriodLabel(period) : undefined;
  if (wanted) {
    const match = own.find((v) => v.period && periodLabel(v.period) === periodLabel(wanted));
    if (match) return match;
  }
  const published = (v: IndicatorVerdict): boolean => v.actualCell !== null || v.period === undefined;
  let latest: IndicatorVerdict | undefined;
  for (const v of table) {
    if (!published(v) || v.status === 'no-data' || !v.period) continue;
    if (!latest || comparePeriods(v.period, latest.period!) > 0) latest = v;
  }
  const candidates = own.filter(published);
  if (latest?.period) {
    const atLatest = candidates.filter((v) => v.period && periodLabel(v.period) === periodLabel(latest!.period!));
    if (atLatest.length > 0) return atLatest[atLatest.length - 1];
  }
  return candidates[candidates.length - 1] ?? own[own.length - 1];
}

export function summarise(scores: readonly CaseScore[]): {
  passed: number;
  total: number;
  shown: number;
  byWhat: Record<string, [number, number]>;
} {
  const byWhat: Record<string, [number, number]> = {};
  let passed = 0;
  let total = 0;
  let shown = 0;
  for (const score of scores) {
    for (const check of score.checks) {
      if (check.shown) shown++;
      const entry = (byWhat[check.what] ??= [0, 0]);
      entry[1]++;
      total++;
      if (check.ok) {
        entry[0]++;
        passed++;
      }
    }
  }
  return { passed, total, shown, byWhat };
}

export { columnLetter };

/** A case's workbook as sheets for the .xlsx writer, so the command line can be run on real wording. */
export function xlsxSheetsOf(realCase: RealCase): XlsxSheet[] {
  return realCase.workbook.sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((row) =>
      (row ?? []).map((cell): XlsxCell => {
        if (!cell) return null;
        const value = cell.value;
        switch (value.kind) {
          case 'number':
            return cell.format ? { v: value.value, fmt: cell.format } : value.value;
          case 'text':
            return value.value;
          case 'date':
            return { date: isoFromDate(dateFromSerial(value.serial)), fmt: cell.format ?? 'dd/mm/yyyy' };
          default:
            return null;
        }
      }),
    ),
  }));
}
