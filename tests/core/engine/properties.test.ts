/**
 * Property tests (fast-check) for the target engine: the parsers never throw and always give a
 * schema-valid result, judge always gives a status with a reason, a better actual never gives a
 * worse status, swapping polarity mirrors the verdict, and the 5% tolerance edge is included.
 *
 */
import fc from 'fast-check';
import { judge, type JudgeContext } from '../../../src/core/engine/judge';
import { parseActualText } from '../../../src/core/engine/parse-actual';
import { parseTargetText } from '../../../src/core/engine/parse-target';
import type { PolarityDecision } from '../../../src/core/engine/polarity';
import {
  ActualSchema,
  RatePeriodSchema,
  STATUSES,
  TargetSchema,
  UnitSchema,
  type Actual,
  type Polarity,
  type Status,
  type Target,
  type Unit,
} from '../../../src/core/engine/target-types';
import type { Tolerance } from '../../../src/core/engine/tolerance';
import type { CalendarDate } from '../../../src/core/model/serial-dates';
import { parsePeriodLabel } from '../../../src/core/periods/parse-period-label';
import type { Period } from '../../../src/core/periods/period';

const RUNS = process.env.PROPERTY_RUNS ? { numRuns: Number(process.env.PROPERTY_RUNS) } : { numRuns: 1000 };
const TODAY: CalendarDate = { year: 2025, month: 1, day: 15 };

// ---------------------------------------------------------------- arbitraries

const smallNumber = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 100).toString()),
  fc.integer({ min: 1, max: 999_999 }).map((n) => n.toLocaleString('en-GB')),
  fc.constantFrom('83', '90.2', '0.902', '3.5', '264', '364', '84,396', '.5', '-2', '0'),
);
const PIECES = [
  '%',
  ' %',
  'per quarter',
  'per month',
  'per year',
  'p.a.',
  'pa',
  'yearly',
  'Yearly',
  'quarterly',
  '6 monthly',
  '*',
  '**',
  '***',
  '+38%',
  '-75%',
  '+47%',
  'variance',
  'above',
  'below',
  '2014',
  'baseline',
  'by',
  'April',
  'March',
  '2015',
  '31/03/2025',
  'Q3',
  '2024/25',
  '-',
  '–',
  '—',
  '/',
  '£',
  'k',
  'm',
  'working days',
  'days',
  'hours',
  'less than',
  'at least',
  'no more than',
  'or above',
  'within',
  '≥',
  '≤',
  '>',
  '<',
  '(',
  ')',
  '(by September 2010)',
  'delivered',
  'none undertaken',
  'Achieved',
  'Completed-',
  'On going',
  'TBC',
  'N/A',
  '#N/A',
  'pending',
  'to',
  'and',
  'between',
  '.',
  ',',
  ';',
  '\u00a0',
  '\u2212',
  'e5',
  'See table below',
  'of properties',
];
const piece = fc.oneof({ weight: 2, arbitrary: smallNumber }, { weight: 3, arbitrary: fc.constantFrom(...PIECES) });
const phraseTight = fc.array(piece, { maxLength: 7 }).map((parts) => parts.join(''));
const phraseSpaced = fc.array(piece, { maxLength: 7 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'0123456789.,%-+*/£ pa'.split('')) }),
  phraseTight,
  phraseSpaced,
);

const PERIOD_LABELS = ['Q1 2024/25', 'Q2 2024/25', 'Q4 2024/25', '2014/15', 'Apr-24', 'Mar-25', 'H1 2024/25', 'YTD 2024/25', 'Q3', 'M1'];
const period: fc.Arbitrary<Period | undefined> = fc.option(
  fc.constantFrom(...PERIOD_LABELS).map((label) => parsePeriodLabel(label)!),
  { nil: undefined },
);
const date: fc.Arbitrary<CalendarDate> = fc.record({
  year: fc.integer({ min: 1990, max: 2040 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const tolerance: fc.Arbitrary<Tolerance> = fc.oneof(
  fc.record({ rule: fc.constant('relative' as const), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ rule: fc.constant('points' as const), points: fc.integer({ min: 0, max: 10 }), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ rule: fc.constant('improving' as const), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ rule: fc.constant('on-course' as const), percent: fc.integer({ min: 0, max: 100 }) }),
);
function decision(polarity: Polarity): PolarityDecision {
  return { polarity, source: 'column', assumed: false, reason: polarity === 'none' ? 'no better direction' : `${polarity} is better` };
}
const polarity = fc.constantFrom<Polarity>('higher', 'lower', 'none');

/**
 * Finite doubles of a sane size: what a sheet could hold (0, or 1e-6 to 1e9 either side).
 * Denormal-sized figures are left out: against them a relative variance reaches 1e21 and more,
 * which formatVariance prints in exponent form ("-1e+21%"; reported, cosmetic).
 */
const figure = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-6);
const unit = fc.constantFrom(...UnitSchema.options);
const per = fc.constantFrom(...RatePeriodSchema.options);
const calendar = fc.record({
  year: fc.integer({ min: 1990, max: 2040 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 31 }),
});
const word = fc.string({ maxLength: 30 });

const targetObject: fc.Arbitrary<Target> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('threshold' as const),
      text: word,
      value: figure,
      unit,
      direction: fc.constantFrom('higher' as const, 'lower' as const),
      strict: fc.boolean(),
    },
    { requiredKeys: ['kind', 'text', 'value', 'unit'] },
  ),
  fc.record(
    {
      kind: fc.constant('rate' as const),
      text: word,
      value: figure,
      unit,
      per,
      direction: fc.constantFrom('higher' as const, 'lower' as const),
    },
    { requiredKeys: ['kind', 'text', 'value', 'unit', 'per'] },
  ),
  fc.record(
    {
      kind: fc.constant('relative' as const),
      text: word,
      percent: figure,
      direction: fc.constantFrom('above' as const, 'below' as const),
      baselineLabel: word,
    },
    { requiredKeys: ['kind', 'text', 'percent', 'direction'] },
  ),
  fc.record({ kind: fc.constant('deadline' as const), text: word, due: calendar }),
  fc.record({ kind: fc.constant('recurring' as const), text: word, every: per }),
  fc.record({ kind: fc.constant('range' as const), text: word, low: figure, high: figure, unit }),
  fc.record({ kind: fc.constant('none' as const), text: word, why: word }),
  fc.record({ kind: fc.constant('unreadable' as const), text: word, why: word }),
);
const marker = fc.constantFrom('*', '**', '***');
const actualObject: fc.Arbitrary<Actual> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('number' as const),
      text: word,
      value: figure,
      unit,
      fromPercentFormat: fc.boolean(),
      marker,
      statedVariance: figure,
      note: word,
    },
    { requiredKeys: ['kind', 'text', 'value'] },
  ),
  fc.record(
    { kind: fc.constant('rate' as const), text: word, value: figure, per, marker, statedVariance: figure },
    { requiredKeys: ['kind', 'text', 'value', 'per'] },
  ),
  fc.record(
    { kind: fc.constant('variance-only' as const), text: word, statedVariance: figure, marker },
    { requiredKeys: ['kind', 'text', 'statedVariance'] },
  ),
  fc.record({ kind: fc.constant('achieved' as const), text: word, note: word }, { requiredKeys: ['kind', 'text'] }),
  fc.record({ kind: fc.constant('not-achieved' as const), text: word }),
  fc.record({ kind: fc.constant('in-progress' as const), text: word }),
  fc.record({ kind: fc.constant('none-undertaken' as const), text: word, marker }, { requiredKeys: ['kind', 'text'] }),
  fc.record({ kind: fc.constant('date' as const), text: word, date: calendar }),
  fc.record({ kind: fc.constant('no-data' as const), text: word, why: word }),
  fc.record({ kind: fc.constant('unreadable' as const), text: word, why: word }),
);

const context: fc.Arbitrary<JudgeContext> = fc
  .record(
    {
      polarity: polarity.map(decision),
      period,
      today: date,
      tolerance,
      baseline: actualObject,
      lastYear: figure,
      projectedYearEnd: figure,
    },
    { requiredKeys: ['polarity', 'today'] },
  )
  .map((ctx) => Object.fromEntries(Object.entries(ctx).filter(([, v]) => v !== undefined)) as unknown as JudgeContext);

const VARIANCE = /^([+-](\d+|0\.\d)%|0%)$/;
const RANK: Partial<Record<Status, number>> = { met: 2, near: 1, missed: 0 };

// ---------------------------------------------------------------- the parsers

describe('parseTargetText and parseActualText on any text', () => {
  it('never throw, and always give a schema-valid result quoting the text ', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const target = parseTargetText(text);
        {
          expect(TargetSchema.safeParse(target).success).toBe(true);
          expect(target.text).toBe(text);
        }
        const actual = parseActualText(text);
        expect(ActualSchema.safeParse(actual).success).toBe(true);
        expect(actual.text).toBe(text);
      }),
      RUNS,
    );
  });

  it('unreadable results always say why, naming the text', () => {
    fc.assert(
      fc.property(fc.oneof(phraseTight, phraseSpaced, fc.string()), (text) => {
        const target = parseTargetText(text);
        if (target?.kind === 'unreadable') {
          expect(target.why.trim()).not.toBe('');
          expect(target.why).toContain(text.trim());
        }
        const actual = parseActualText(text);
        if (actual.kind === 'unreadable') expect(actual.why.trim()).not.toBe('');
      }),
      RUNS,
    );
  });

  it('phrases built as officers write them ("364 *+38%", "22 per quarter ***+47%") read as figures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('', '*', '**', '***'),
        fc.integer({ min: -99, max: 999 }),
        (n, stars, variance) => {
          const sign = variance < 0 ? '-' : '+';
          const withVariance = parseActualText(`${n} ${stars}${sign}${Math.abs(variance)}%`);
          expect(withVariance).toMatchObject({ kind: 'number', value: n, statedVariance: variance === 0 ? 0 : variance });
          const rate = parseActualText(`${n} per quarter ${stars}${sign}${Math.abs(variance)}%`);
          expect(rate).toMatchObject({ kind: 'rate', value: n, per: 'quarter' });
          expect(parseTargetText(`${n} per quarter`)).toMatchObject({ kind: 'rate', value: n, per: 'quarter' });
          expect(parseTargetText(`${n}%`)).toMatchObject({ kind: 'threshold', value: n, unit: 'percent' });
          expect(parseTargetText(`${n} p.a.`)).toMatchObject({ kind: 'rate', value: n, per: 'year' });
        },
      ),
      RUNS,
    );
  });

  test('parseTargetText never throws on range-shaped text ("0-0", "1-5", "2014-15", "10 to 20", "£5-£10")', () => {
    for (const text of ['0-0', '1-5', '95-105', '2014-15', '10 to 20', '£5-£10']) {
      expect(() => parseTargetText(text)).not.toThrow();
    }
  });

  test('a 400-digit figure still gives a schema-valid actual and target', () => {
    const huge = '9'.repeat(400);
    expect(ActualSchema.safeParse(parseActualText(huge)).success).toBe(true);
    expect(ActualSchema.safeParse(parseActualText(`+${huge}%`)).success).toBe(true);
    expect(TargetSchema.safeParse(parseTargetText(`${huge}% above baseline`)).success).toBe(true);
  });
});

// ---------------------------------------------------------------- judge

describe('judge on anything', () => {
  it("never throws on parsed phrases; status in STATUSES; a non-empty reason; variance null or in the seeds' form", () => {
    fc.assert(
      fc.property(fc.oneof(phraseSpaced, phraseTight), fc.oneof(phraseSpaced, phraseTight), context, (actualText, targetText, ctx) => {
        const target = parseTargetText(targetText);
        if (!target) return;
        const v = judge(parseActualText(actualText), target, ctx);
        expect(STATUSES).toContain(v.status);
        expect(v.reason.trim()).not.toBe('');
        expect(v.reason).not.toMatch(/undefined|NaN|\[object/);
        if (v.variance !== null) expect(v.variance).toMatch(VARIANCE);
      }),
      RUNS,
    );
  });

  it('never throws on any schema-shaped target and actual', () => {
    fc.assert(
      fc.property(actualObject, targetObject, context, (actual, target, ctx) => {
        const v = judge(actual, target, ctx);
        expect(STATUSES).toContain(v.status);
        expect(v.reason.trim()).not.toBe('');
        expect(v.reason).not.toMatch(/undefined|\[object/);
        if (v.variance !== null) expect(v.variance).toMatch(VARIANCE);
      }),
      RUNS,
    );
  });

  it('a figure with no better direction (polarity none) is never rated met, near or not met', () => {
    fc.assert(
      fc.property(figure, figure, fc.constantFrom<Unit>('count', 'percent', 'days'), (a, t, u) => {
        const v = judge(
          { kind: 'number', text: String(a), value: a, ...(u === 'percent' ? { unit: u } : {}) },
          { kind: 'threshold', text: String(t), value: t, unit: u },
          { polarity: decision('none'), today: TODAY },
        );
        expect(v.status).toBe('no-target');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- monotonicity and mirroring

const thresholdUnit = fc.constantFrom<Unit>('percent', 'count', 'money', 'days', 'working days', 'hours', 'score');
function numberActual(value: number, u: Unit): Actual {
  // A percentage actual carries its % (as typed or from the cell format); other figures are bare.
  return { kind: 'number', text: String(value), value, ...(u === 'percent' ? { unit: 'percent' as const } : {}) };
}

describe('a better actual never gives a worse status (met > near > not met)', () => {
  it('threshold targets, both polarities, any tolerance rule, strict or not', () => {
    fc.assert(
      fc.property(
        figure,
        figure,
        figure,
        thresholdUnit,
        fc.constantFrom<Polarity>('higher', 'lower'),
        tolerance,
        fc.boolean(),
        figure,
        figure,
        (a, b, t, u, p, tol, strict, lastYear, projected) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const target: Target = { kind: 'threshold', text: String(t), value: t, unit: u, ...(strict ? { strict } : {}) };
          const ctx: JudgeContext = { polarity: decision(p), today: TODAY, tolerance: tol, lastYear, projectedYearEnd: projected };
          const low = judge(numberActual(lo, u), target, ctx);
          const high = judge(numberActual(hi, u), target, ctx);
          const [better, worse] = p === 'higher' ? [high, low] : [low, high];
          expect(RANK[better.status]).toBeGreaterThanOrEqual(RANK[worse.status]!);
        },
      ),
      RUNS,
    );
  });

  it('rate targets scaled to the period, and relative targets against a baseline', () => {
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        per,
        period,
        fc.constantFrom<Polarity>('higher', 'lower'),
        (a, b, t, every, when, p) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const ctx: JudgeContext = {
            polarity: decision(p),
            today: TODAY,
            ...(when ? { period: when } : {}),
            baseline: { kind: 'number', text: String(t), value: t, unit: 'money' },
          };
          for (const target of [
            { kind: 'rate', text: `${t} per ${every}`, value: t, unit: 'count', per: every },
            { kind: 'relative', text: '5% above baseline', percent: 5, direction: p === 'higher' ? 'above' : 'below' },
          ] as Target[]) {
            const low = judge(numberActual(lo, 'count'), target, ctx);
            const high = judge(numberActual(hi, 'count'), target, ctx);
            const [better, worse] = p === 'higher' ? [high, low] : [low, high];
            expect(RANK[better.status]).toBeGreaterThanOrEqual(RANK[worse.status]!);
          }
        },
      ),
      RUNS,
    );
  });

  it('from typed text: "<a>%" against "<t>%", and "<a>" against "<t>"', () => {
    const cents = fc.integer({ min: 0, max: 2_000_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        cents,
        cents,
        fc.integer({ min: 1, max: 100_000 }).map((n) => n / 100),
        fc.constantFrom('%', ''),
        fc.constantFrom<Polarity>('higher', 'lower'),
        (a, b, t, suffix, p) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const target = parseTargetText(`${t}${suffix}`);
          const ctx: JudgeContext = { polarity: decision(p), today: TODAY };
          const low = judge(parseActualText(`${lo}${suffix}`), target, ctx);
          const high = judge(parseActualText(`${hi}${suffix}`), target, ctx);
          const [better, worse] = p === 'higher' ? [high, low] : [low, high];
          expect(RANK[better.status]).toBeGreaterThanOrEqual(RANK[worse.status]!);
        },
      ),
      RUNS,
    );
  });

  // A bare number is read as a fraction only when that reading is nearer the target, so 1 is 1%.
  test('bare "1.5" against "92%" (higher) is not worse than bare "1"', () => {
    const target = parseTargetText('92%');
    const ctx: JudgeContext = { polarity: decision('higher'), today: TODAY };
    const one = judge(parseActualText('1'), target, ctx);
    const oneAndAHalf = judge(parseActualText('1.5'), target, ctx);
    expect(RANK[oneAndAHalf.status]).toBeGreaterThanOrEqual(RANK[one.status]!);
  });
});

describe('swapping polarity mirrors the verdict', () => {
  it('a against t (higher) has the status of 2t − a against t (lower), for threshold targets', () => {
    fc.assert(
      fc.property(figure, figure, thresholdUnit, tolerance, fc.boolean(), figure, figure, (a, t, u, tol, strict, lastYear, projected) => {
        const target: Target = { kind: 'threshold', text: String(t), value: t, unit: u, ...(strict ? { strict } : {}) };
        const up = judge(numberActual(a, u), target, {
          polarity: decision('higher'),
          today: TODAY,
          tolerance: tol,
          lastYear,
          projectedYearEnd: projected,
        });
        const down = judge(numberActual(2 * t - a, u), target, {
          polarity: decision('lower'),
          today: TODAY,
          tolerance: tol,
          lastYear: 2 * t - lastYear,
          projectedYearEnd: 2 * t - projected,
        });
        expect(down.status).toBe(up.status);
      }),
      RUNS,
    );
  });

  it('the same from typed percentages: "a%" vs "t%" higher mirrors "(2t − a)%" lower', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a100, t100) => {
        fc.pre(2 * t100 - a100 >= 0); // "-3%" alone is read as a variance, not a figure
        const target = parseTargetText(`${t100 / 100}%`);
        const up = judge(parseActualText(`${a100 / 100}%`), target, { polarity: decision('higher'), today: TODAY });
        const down = judge(parseActualText(`${(2 * t100 - a100) / 100}%`), target, { polarity: decision('lower'), today: TODAY });
        expect(down.status).toBe(up.status);
      }),
      RUNS,
    );
  });
});

describe('the 5% tolerance edge is a near miss; a hair beyond is not met', () => {
  const edgeCase = (t: number, u: Unit) => {
    // "A hair": more than the engine's float allowance of 1e-9 × max(1, |target|).
    const hair = Math.max(t * 1e-6, 1e-8);
    const target: Target = { kind: 'threshold', text: String(t), value: t, unit: u };
    const higher = { polarity: decision('higher'), today: TODAY };
    const lower = { polarity: decision('lower'), today: TODAY };
    expect(judge(numberActual(t * (1 - 0.05), u), target, higher).status).toBe('near');
    expect(judge(numberActual(t * (1 - 0.05) - hair, u), target, higher).status).toBe('missed');
    expect(judge(numberActual(t * (1 + 0.05), u), target, lower).status).toBe('near');
    expect(judge(numberActual(t * (1 + 0.05) + hair, u), target, lower).status).toBe('missed');
    expect(judge(numberActual(t, u), target, higher).status).toBe('met');
    expect(judge(numberActual(t, u), target, lower).status).toBe('met');
  };

  it.each([2, 3.5, 92, 264, 0.35, 4, 14, 15, 75, 100, 84396])('target %p (percent and count)', (t) => {
    edgeCase(t, 'percent');
    edgeCase(t, 'count');
  });

  it('any positive target', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), thresholdUnit, (t, u) => edgeCase(t, u)),
      RUNS,
    );
  });

  it('typed text: 2.1% against 2% lower is exactly 5% over → near; 1.9% higher → near; 87.4% against 92% → near', () => {
    const lower = { polarity: decision('lower'), today: TODAY };
    const higher = { polarity: decision('higher'), today: TODAY };
    expect(judge(parseActualText('2.1%'), parseTargetText('2%'), lower).status).toBe('near');
    expect(judge(parseActualText('2.11%'), parseTargetText('2%'), lower).status).toBe('missed');
    expect(judge(parseActualText('1.9%'), parseTargetText('2%'), higher).status).toBe('near');
    expect(judge(parseActualText('87.4%'), parseTargetText('92%'), higher).status).toBe('near');
    expect(judge(parseActualText('87.39%'), parseTargetText('92%'), higher).status).toBe('missed');
    expect(judge(parseActualText('0.3325%'), parseTargetText('0.35%'), higher).status).toBe('near');
    expect(judge(parseActualText('250.8'), parseTargetText('264'), higher).status).toBe('near');
    expect(judge(parseActualText('250.7'), parseTargetText('264'), higher).status).toBe('missed');
  });

  it('a band in percentage points: 10% relative on 3.5% is ±0.35 points; 1 point on 3.5% reaches 4.5%', () => {
    const target = parseTargetText('3.5%');
    const relative10 = { polarity: decision('lower'), today: TODAY, tolerance: { rule: 'relative', percent: 10 } as Tolerance };
    expect(judge(parseActualText('3.85%'), target, relative10).status).toBe('near');
    expect(judge(parseActualText('3.86%'), target, relative10).status).toBe('missed');
    const points = { polarity: decision('lower'), today: TODAY, tolerance: { rule: 'points', points: 1, percent: 5 } as Tolerance };
    expect(judge(parseActualText('4.5%'), target, points).status).toBe('near');
    expect(judge(parseActualText('4.51%'), target, points).status).toBe('missed');
  });
});
