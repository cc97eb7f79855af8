import { buildWorkbook, type CellInput } from '../src/hosts/memory/build-workbook';
import type { Workbook } from '../src/core/model/workbook';

/** A small seeded generator (mulberry32) so every run builds the same workbooks. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Apr-24', 'May-24', 'Jun-24', 'Jul-24', 'Aug-24', 'Sep-24', 'Oct-24', 'Nov-24', 'Dec-24', 'Jan-25', 'Feb-25', 'Mar-25'];

const KINDS = [
  {
    description: 'Proportion of rent collected as a % of rent due',
    target: () => ({ v: 0.92, fmt: '0%' }),
    actual: (r: () => number) => ({ v: 0.8 + r() * 0.2, fmt: '0.0%' }),
  },
  {
    description: 'Current tenants arrears as a % of rent due',
    target: () => ({ v: 0.04, fmt: '0%' }),
    actual: (r: () => number) => ({ v: 0.02 + r() * 0.04, fmt: '0.0%' }),
  },
  { description: 'Average days to re-let empty homes', target: () => '28 days', actual: (r: () => number) => Math.round(15 + r() * 30) },
  { description: 'Number of fixed penalty notices issued', target: () => '5 per month', actual: (r: () => number) => Math.round(r() * 10) },
  {
    description: 'Homelessness successful prevention cases',
    target: () => '≥ 75%',
    actual: (r: () => number) => `${Math.round(60 + r() * 40)}%`,
  },
  {
    description: 'Complaints responded to within 10 working days',
    target: () => '95%–100%',
    actual: (r: () => number) => ({ v: 0.9 + r() * 0.1, fmt: '0%' }),
  },
  {
    description: 'Review the homelessness strategy',
    target: () => 'March 2025',
    actual: (r: () => number) => (r() < 0.5 ? 'Achieved' : 'On going'),
  },
  { description: 'Rough sleeper count', target: () => 'Yearly', actual: (r: () => number) => (r() < 0.8 ? 'Achieved' : 'TBC') },
  {
    description: 'Rent collected compared with last year',
    target: () => '5% above 2023 baseline',
    actual: (r: () => number) => Math.round(80000 + r() * 20000),
  },
] as const;

/**
 * A workbook of `rows` indicators with 12 monthly actuals each, in layout A style (repeated header
 * blocks of 500 indicators, a spill row now and then, blank spacer rows) mixing every target kind.
 */
export function generateWorkbook(rows: number, seed = 42): Workbook {
  const random = seeded(seed);
  const header: CellInput[] = ['Indicator No.', 'KPI Description', ...MONTHS, 'Annual Target 2024/25', 'Baseline', 'Status', 'Commentary'];
  const out: CellInput[][] = [['Performance indicators by area, 2024/25'], []];
  for (let i = 0; i < rows; i++) {
    if (i % 500 === 0) {
      if (i > 0) out.push([]);
      out.push(header);
    }
    const kind = KINDS[i % KINDS.length]!;
    const actuals = MONTHS.map(() => (random() < 0.03 ? 'TBC' : (kind.actual(random) as CellInput)));
    out.push([
      `A${String(i + 1).padStart(5, '0')}`,
      `${kind.description} (area ${Math.floor(i / 60) + 1})`,
      ...actuals,
      kind.target() as CellInput,
      i % KINDS.length === 8 ? 84396 : null,
      null,
      random() < 0.2 ? 'Officer commentary written by hand.' : null,
    ]);
  }
  return buildWorkbook([{ name: 'KPIs by area', rows: out }]);
}
