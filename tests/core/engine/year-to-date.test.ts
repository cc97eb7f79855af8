import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import type { IndicatorVerdict } from '../../../src/core/engine/indicator-verdict';
import type { Tolerance } from '../../../src/core/engine/tolerance';
import { buildWorkbook } from '../../../src/hosts/memory/build-workbook';

const pct = (v: number) => ({ v, fmt: '0%' });

function verdicts(tolerance?: Tolerance): IndicatorVerdict[] {
  const workbook = buildWorkbook([
    {
      name: 'KPIs',
      rows: [
        [
          'Ref',
          'Indicator',
          'Q1 2023/24',
          'Q2 2023/24',
          'Q1 2024/25',
          'Q2 2024/25',
          'Q3 2024/25',
          'Q4 2024/25',
          'Annual Target 2024/25',
          'Status',
        ],
        // Seed 004: "Preventing at least 264 households from becoming homeless per year".
        ['P1', 'Number of households prevented from becoming homeless', 50, 60, 70, 55, null, null, 264, null],
        ['P2', 'Proportion of rent collected', pct(0.85), pct(0.8), pct(0.83), pct(0.86), null, null, pct(0.92), null],
        ['P3', 'Current tenants arrears as a % of rent due', pct(0.05), pct(0.06), pct(0.045), pct(0.055), null, null, pct(0.04), null],
      ],
    },
  ]);
  return evaluateWorkbook(workbook, detectWorkbook(workbook), {
    today: { year: 2024, month: 11, day: 1 },
    ...(tolerance ? { tolerance } : {}),
  });
}

const find = (all: IndicatorVerdict[], ref: string, period: string) => all.find((v) => v.ref === ref && v.periodLabel === period)!;

describe('an annual count judged quarter by quarter and year to date', () => {
  const all = verdicts();

  it('judges each quarter against its share of the annual target (264 a year is 66 a quarter)', () => {
    const q1 = find(all, 'P1', 'Q1 2024/25');
    expect(q1.targetValue).toBe(66);
    expect(q1.status).toBe('met');
    expect(q1.reason).toMatch(/264 a year is 66 for Q1 2024\/25/);
    expect(find(all, 'P1', 'Q2 2024/25').status).toBe('missed');
  });

  it('adds a year-to-date verdict for this year only, pro rata, with the year-end projection', () => {
    const ytd = find(all, 'P1', 'YTD 2024/25');
    expect(ytd.actualValue).toBe(125); // 70 + 55: last year's 50 and 60 are not counted
    expect(ytd.targetValue).toBe(132); // 264 × 6 / 12
    expect(ytd.status).toBe('missed');
    expect(ytd.reason).toMatch(/125 so far this year against 132 by the end of September/);
    expect(ytd.reason).toMatch(/the year ends at about 250, short of the annual target of 264/);
  });

  it('gives percentages no year-to-date sum (a rate is not added up)', () => {
    expect(all.some((v) => v.ref === 'P2' && v.periodLabel.startsWith('YTD'))).toBe(false);
    expect(all.some((v) => v.ref === 'P3' && v.periodLabel.startsWith('YTD'))).toBe(false);
  });
});

describe('the tolerance rules that look beyond the target', () => {
  it('"improving" makes an off-target quarter better than the same quarter last year a near miss', () => {
    const plain = verdicts();
    const improving = verdicts({ rule: 'improving', percent: 5 });
    // P2 Q2: 86% against 92% (6 points short, outside 4.6); last year's Q2 was 80%.
    expect(find(plain, 'P2', 'Q2 2024/25').status).toBe('missed');
    expect(find(improving, 'P2', 'Q2 2024/25').status).toBe('near');
    expect(find(improving, 'P2', 'Q2 2024/25').reason).toMatch(/better than the same period last year \(80%\)/);
    // P2 Q1: 83% against last year's 85%: worse, so still not met.
    expect(find(improving, 'P2', 'Q1 2024/25').status).toBe('missed');
    // Lower is better: P3 Q2 5.5% against last year's 6% is an improvement.
    expect(find(improving, 'P3', 'Q2 2024/25').status).toBe('near');
  });

  it('"on course" makes an off-target period a near miss when the year is on course for the annual target', () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Annual Target 2024/25', 'Status'],
          ['P1', 'Number of households prevented from becoming homeless', 90, 50, 264, null],
          ['P2', 'Number of households helped into private rented homes', 40, 50, 264, null],
        ],
      },
    ]);
    const all = evaluateWorkbook(workbook, detectWorkbook(workbook), {
      today: { year: 2024, month: 11, day: 1 },
      tolerance: { rule: 'on-course', percent: 5 },
    });
    // Q2: 50 against 66 is well short, but 140 in six months is on course for 280 ≥ 264.
    const q2 = find(all, 'P1', 'Q2 2024/25');
    expect(q2.status).toBe('near');
    expect(q2.reason).toMatch(/on course to meet the target by the year end \(projected 280\)/);
    // P2: 90 in six months is on course for only 180, short of 264: still not met.
    expect(find(all, 'P2', 'Q2 2024/25').status).toBe('missed');
  });
});
