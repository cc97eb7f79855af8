/**
 * `kpi-tracker check <book.xlsx> [--period <label>] [--today <yyyy-mm-dd>] [--json]` on the sample
 * workbooks, through runCli (the same function bin/kpi-tracker.js runs). The --json shape is the
 * contract of issue 3: extra fields are allowed, the listed ones must be there with these types.
 */
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const BOOKS = ['service-plan-quarterly.xlsx', 'service-delivery-plan-annual.xlsx', 'kpi-return.xlsx', 'inspection-action-plan.xlsx'];
const QUARTERLY = join(SAMPLES, 'service-plan-quarterly.xlsx');
const ANNUAL = join(SAMPLES, 'service-delivery-plan-annual.xlsx');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json(...argv: string[]): Promise<Array<Record<string, unknown>>> {
  const result = await run('check', ...argv, '--json');
  expect(result.code).toBe(0);
  const parsed: unknown = JSON.parse(result.out);
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as Array<Record<string, unknown>>;
}

const STATUSES = ['met', 'near', 'missed', 'not-due', 'overdue', 'no-data', 'no-target', 'unreadable'];
const STATUS_WORDS = /\b(Met|Near miss|Not met|Not due yet|Overdue|No data|No target|Can't read)\b/;

function expectContract(item: Record<string, unknown>): void {
  for (const key of [
    'sheet',
    'ref',
    'indicator',
    'period',
    'actual',
    'target',
    'polarity',
    'polarityAssumed',
    'status',
    'variance',
    'reason',
  ]) {
    expect(Object.keys(item)).toContain(key);
  }
  expect(typeof item.sheet).toBe('string');
  expect(item.ref === null || typeof item.ref === 'string').toBe(true);
  expect(typeof item.indicator).toBe('string');
  expect(typeof item.period).toBe('string');
  expect(typeof item.actual).toBe('string');
  expect(typeof item.target).toBe('string');
  expect(['higher', 'lower', 'none']).toContain(item.polarity);
  expect(typeof item.polarityAssumed).toBe('boolean');
  expect(STATUSES).toContain(item.status);
  expect(item.variance === null || typeof item.variance === 'string').toBe(true);
  if (typeof item.variance === 'string') expect(item.variance).toMatch(/^([+-]\d+(\.\d)?%|0%)$/);
  expect(typeof item.reason).toBe('string');
  expect((item.reason as string).trim()).not.toBe('');
}

describe('kpi-tracker check on each sample', () => {
  it.each(BOOKS)('%s: exits 0 and prints the verdicts', async (book) => {
    const result = await run('check', join(SAMPLES, book), '--today', '2025-01-15');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/\d+ verdicts?/);
    expect(result.out).toMatch(/Sheet "/);
    expect(result.out).toMatch(STATUS_WORDS);
  });

  it('without --today it still runs (today by default)', async () => {
    const result = await run('check', QUARTERLY);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Near miss/);
  });

  it('the text output of layout A shows the reference verdicts and their reasons', async () => {
    const { out } = await run('check', QUARTERLY, '--today', '2025-01-15');
    expect(out).toMatch(/Near miss\s+Q2 2024\/25\s+01 .*90\.2% vs 92%/);
    expect(out).toMatch(/Not met\s+Q1 2024\/25\s+01 .*83 vs 92%/);
    expect(out).toMatch(/read 83 as 83% because the target is a percentage/i);
    expect(out).toMatch(/lower is better \(arrears\)/i);
    expect(out).toMatch(/\[direction assumed\]/);
  });
});

describe('kpi-tracker check --json follows the contract', () => {
  it.each(BOOKS)('%s: an array of verdicts with every contract field', async (book) => {
    const items = await json(join(SAMPLES, book), '--today', '2025-01-15');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expectContract(item);
  });

  it('layout A: the reference verdicts, with actual and target as written', async () => {
    const items = await json(QUARTERLY, '--today', '2025-01-15');
    const at = (ref: string, period: string) => items.find((i) => i.ref === ref && i.period === period);
    expect(at('01', 'Q2 2024/25')).toMatchObject({
      actual: '90.2%',
      target: '92%',
      polarity: 'higher',
      polarityAssumed: false,
      status: 'near',
      variance: '-2%',
      sheet: 'KPIs 2024-25',
    });
    expect(at('01', 'Q1 2024/25')).toMatchObject({ actual: '83', status: 'missed' });
    expect(at('02', 'Q2 2024/25')).toMatchObject({ status: 'met', polarity: 'lower' });
    expect(at('03', 'Q2 2024/25')).toMatchObject({ status: 'near', polarity: 'lower' });
    expect(at('03', 'Q1 2024/25')).toMatchObject({ status: 'met' });
    expect(at('04', 'Q2 2024/25')).toMatchObject({ status: 'missed' });
    expect(at('05', 'Q1 2024/25')).toMatchObject({ status: 'missed', polarity: 'lower' });
    expect(at('05', 'Q2 2024/25')).toMatchObject({ actual: 'TBC', status: 'no-data', variance: null });
    expect(at('06', 'Q2 2024/25')).toMatchObject({ status: 'met' });
    expect(at('10', 'Q1 2024/25')).toMatchObject({ target: '15 per quarter', status: 'met', polarityAssumed: true });
    expect(at('14', 'Q1 2024/25')).toMatchObject({ status: 'met' });
  });

  it('layout B: the reference verdicts', async () => {
    const items = await json(ANNUAL, '--today', '2025-01-15');
    const find = (actual: string, target: string) => {
      const found = items.filter((i) => i.actual === actual && i.target === target);
      expect(found).toHaveLength(1);
      return found[0];
    };
    expect(find('364 *+38%', '264')).toMatchObject({ status: 'met', variance: '+38%', ref: null, period: '2014/15' });
    expect(find('82% +7%', '75%')).toMatchObject({ status: 'met', variance: '+7%' });
    expect(find('22 per quarter ***+47%', '15 per quarter')).toMatchObject({ status: 'met', variance: '+47%' });
    expect(find('**1 delivered', '2 p.a.')).toMatchObject({ status: 'missed' });
    expect(find('Achieved', 'Yearly')).toMatchObject({ status: 'met', variance: null });
    expect(find('On going', 'April 2015')).toMatchObject({ status: 'overdue' });
  });
});

describe('kpi-tracker check --period', () => {
  it('"Q2 2024/25" keeps only that period', async () => {
    const all = await json(QUARTERLY, '--today', '2025-01-15');
    const q2 = await json(QUARTERLY, '--today', '2025-01-15', '--period', 'Q2 2024/25');
    expect(q2).toHaveLength(14);
    expect(q2.length).toBeLessThan(all.length);
    expect(new Set(q2.map((i) => i.period))).toEqual(new Set(['Q2 2024/25']));
    expect(q2).toEqual(all.filter((i) => i.period === 'Q2 2024/25'));
  });

  it('--period=Q1 2024/25 (inline form) and the text output', async () => {
    const result = await run('check', QUARTERLY, '--today=2025-01-15', '--period=Q1 2024/25');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/14 verdicts/);
    expect(result.out).toMatch(/Q1 2024\/25/);
    expect(result.out).not.toMatch(/Q2 2024\/25/);
  });

  it('a period with no figures prints an empty list and says so, exit 0', async () => {
    const result = await run('check', QUARTERLY, '--today', '2025-01-15', '--period', 'Q2 2030/31', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([]);
    expect(result.err).toMatch(/No indicator .* has figures for Q2 2030\/31/);
  });
});

describe('kpi-tracker check --today', () => {
  const milestone = async (today: string) => {
    const items = await json(ANNUAL, '--today', today);
    return items.find((i) => i.actual === 'On going' && i.target === 'April 2015');
  };

  it('2015-05-01: the April 2015 milestone still "On going" is overdue', async () => {
    const item = await milestone('2015-05-01');
    expect(item).toMatchObject({ status: 'overdue' });
    expect(item!.reason).toMatch(/01\/05\/2015/);
  });

  it('2015-03-01: not due yet', async () => {
    expect(await milestone('2015-03-01')).toMatchObject({ status: 'not-due' });
  });
});

describe('bad options exit 2 with a plain sentence', () => {
  const plain = (result: Run) => {
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trim()).not.toBe('');
    expect(result.err).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    expect(result.err).not.toMatch(/^\w*Error:/m);
    expect(result.err.split('\n')[0]).toMatch(/^[A-Za-z"-].*[.!]$|\.$/);
  };

  it.each(['2015-13-01', '31/02/2015', 'tomorrow', '2015-02-30'])('--today %s', async (today) => {
    const result = await run('check', ANNUAL, '--today', today);
    plain(result);
    expect(result.err).toMatch(/--today/);
    expect(result.err).toContain(today);
    expect(result.err).toMatch(/yyyy-mm-dd/);
  });

  it.each(['Q9', 'next week', 'Q5 2024/25'])('--period %s', async (period) => {
    const result = await run('check', QUARTERLY, '--period', period);
    plain(result);
    expect(result.err).toMatch(/--period/);
    expect(result.err).toContain(period);
  });

  it('--today with no value', async () => {
    const result = await run('check', QUARTERLY, '--today');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--today needs a value/);
  });

  it('a missing workbook exits 1 and names the file', async () => {
    const result = await run('check', join(SAMPLES, 'no-such-book.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no-such-book\.xlsx/);
    expect(result.err).toMatch(/no such file/);
  });
});
