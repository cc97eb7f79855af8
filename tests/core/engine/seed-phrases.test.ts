/**
 * Every target and actual phrase of the seeds (and the natural variants of issue 3) has a test:
 * how it parses, and, where the reading matters, the verdict it leads to.
 * Seed copies: tests/fixtures/seeds/layout-a-service-plan.txt (003), layout-b-service-delivery-plan.txt (004),
 * layout-c-kpi-return.txt (000). Seed 002 (inspection action plan) is not copied into the repo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, type JudgeContext, type Verdict } from '../../../src/core/engine/judge';
import { parseActualCell, parseActualText } from '../../../src/core/engine/parse-actual';
import { parseTargetCell, parseTargetText } from '../../../src/core/engine/parse-target';
import { decidePolarity } from '../../../src/core/engine/polarity';
import { refineTargetUnit } from '../../../src/core/engine/refine-target';
import { ActualSchema, TargetSchema, type Actual, type Target } from '../../../src/core/engine/target-types';
import { formatVariance } from '../../../src/core/engine/variance';
import { serialFromDate, type CalendarDate } from '../../../src/core/model/serial-dates';
import type { Cell } from '../../../src/core/model/workbook';
import { parsePeriodLabel } from '../../../src/core/periods/parse-period-label';

const SEEDS = join(__dirname, '..', '..', 'fixtures', 'seeds');
const seed = {
  A: readFileSync(join(SEEDS, 'layout-a-service-plan.txt'), 'utf8'),
  B: readFileSync(join(SEEDS, 'layout-b-service-delivery-plan.txt'), 'utf8'),
  C: readFileSync(join(SEEDS, 'layout-c-kpi-return.txt'), 'utf8'),
};
const TODAY: CalendarDate = { year: 2025, month: 1, day: 15 };

function target(text: string): Target {
  const t = parseTargetText(text);
  expect(TargetSchema.safeParse(t).success).toBe(true);
  expect(t.text).toBe(text);
  return t;
}

function actual(text: string): Actual {
  const a = parseActualText(text);
  expect(ActualSchema.safeParse(a).success).toBe(true);
  expect(a.text).toBe(text);
  return a;
}

interface JudgeOptions {
  description?: string;
  period?: string;
  today?: CalendarDate;
  baseline?: Actual;
}

/** Judges two phrases as a target table does (target-table.ts): the unit refined and the polarity decided from the description. */
function verdict(actualText: string, targetText: string, options: JudgeOptions = {}): Verdict {
  const t = refineTargetUnit(target(targetText), options.description ?? '');
  const polarity = decidePolarity({ description: options.description ?? '', target: t });
  const period = options.period ? parsePeriodLabel(options.period) : undefined;
  if (options.period) expect(period).toBeDefined();
  const ctx: JudgeContext = {
    polarity,
    today: options.today ?? TODAY,
    ...(period ? { period } : {}),
    ...(options.baseline ? { baseline: options.baseline } : {}),
  };
  const v = judge(actual(actualText), t, ctx);
  expect(v.reason.trim()).not.toBe('');
  return v;
}

describe('target phrases of the seeds', () => {
  // [phrase, seed it comes from, expected reading]
  const cases: Array<[string, keyof typeof seed, Partial<Target> & Record<string, unknown>]> = [
    ['92%', 'A', { kind: 'threshold', value: 92, unit: 'percent' }],
    ['3.5%', 'A', { kind: 'threshold', value: 3.5, unit: 'percent' }],
    ['2%', 'A', { kind: 'threshold', value: 2, unit: 'percent' }],
    ['4%', 'A', { kind: 'threshold', value: 4, unit: 'percent' }],
    ['14', 'A', { kind: 'threshold', value: 14, unit: 'count' }],
    ['75%', 'A', { kind: 'threshold', value: 75, unit: 'percent' }],
    ['45%', 'A', { kind: 'threshold', value: 45, unit: 'percent' }],
    ['100%', 'A', { kind: 'threshold', value: 100, unit: 'percent' }],
    ['15 per quarter', 'A', { kind: 'rate', value: 15, unit: 'count', per: 'quarter' }],
    ['40 per quarter', 'A', { kind: 'rate', value: 40, unit: 'count', per: 'quarter' }],
    ['5 per quarter', 'A', { kind: 'rate', value: 5, unit: 'count', per: 'quarter' }],
    ['90%', 'A', { kind: 'threshold', value: 90, unit: 'percent' }],
    ['95%', 'A', { kind: 'threshold', value: 95, unit: 'percent' }],
    ['264', 'B', { kind: 'threshold', value: 264, unit: 'count' }],
    ['2 p.a.', 'B', { kind: 'rate', value: 2, unit: 'count', per: 'year' }],
    ['Yearly', 'B', { kind: 'recurring', every: 'year' }],
    ['yearly', 'B', { kind: 'recurring', every: 'year' }],
    ['April 2015', 'B', { kind: 'deadline', due: { year: 2015, month: 4, day: 30 } }],
    ['5 working days', 'B', { kind: 'threshold', value: 5, unit: 'working days' }],
    ['10 working days', 'B', { kind: 'threshold', value: 10, unit: 'working days' }],
    ['5% above 2014 baseline', 'B', { kind: 'relative', percent: 5, direction: 'above', baselineLabel: '2014' }],
    ['50%', 'B', { kind: 'threshold', value: 50, unit: 'percent' }],
    ['N/A', 'B', { kind: 'none' }],
    ['1', 'B', { kind: 'threshold', value: 1, unit: 'count' }],
    ['2', 'B', { kind: 'threshold', value: 2, unit: 'count' }],
    ['350', 'B', { kind: 'threshold', value: 350, unit: 'count' }],
  ];

  it.each(cases)('%s (seed %s) parses', (phrase, from, expected) => {
    expect(seed[from]).toContain(phrase);
    expect(target(phrase)).toMatchObject(expected);
  });

  it('a blank target is "none" (a monitoring-only indicator)', () => {
    expect(target('')).toMatchObject({ kind: 'none' });
    expect(target('   ')).toMatchObject({ kind: 'none' });
  });

  describe('judged', () => {
    it('92% / 90%: 90.2% near miss against 92%, 100% met against 90%', () => {
      expect(verdict('90.2%', '92%', { description: 'Proportion of rent collected' }).status).toBe('near');
      expect(verdict('100%', '90%', { description: 'Lifeline customers satisfied' }).status).toBe('met');
    });

    it('3.5% / 2% / 4% (lower, from the description): met, near at the 5% edge, not met', () => {
      expect(verdict('3.27%', '3.5%', { description: 'Percentage of rent lost through LA dwellings becoming vacant' })).toMatchObject({
        status: 'met',
        variance: '-0.2%',
      });
      expect(verdict('2.1%', '2%', { description: 'Former tenants arrears' })).toMatchObject({ status: 'near', variance: '+0.1%' });
      expect(verdict('5.5%', '4%', { description: 'Current tenants arrears' })).toMatchObject({ status: 'missed', variance: '+2%' });
    });

    it('14 with "14 working days" in the description is a time: lower is better', () => {
      const description = 'Allocations – from Dragonfly handover to relet – 14 working days';
      expect(refineTargetUnit(target('14'), description)).toMatchObject({ kind: 'threshold', value: 14, unit: 'working days' });
      const v = verdict('20', '14', { description });
      expect(v).toMatchObject({ status: 'missed', unit: 'working days' });
      expect(v.reason).toMatch(/lower is better/i);
    });

    it('75% / 45% / 95% / 50% / 100%: met at and above', () => {
      expect(verdict('79%', '75%').status).toBe('met');
      expect(verdict('67%', '45%').status).toBe('met');
      expect(verdict('98.58%', '95%').status).toBe('met');
      expect(verdict('50%', '50%').status).toBe('met');
      expect(verdict('100%', '100%')).toMatchObject({ status: 'met', variance: '0%' });
    });

    it('15 per quarter: as is for a quarter, ×4 for a year, ÷3 for a month', () => {
      expect(verdict('29', '15 per quarter', { period: 'Q1 2024/25' })).toMatchObject({ status: 'met', targetValue: 15 });
      const year = verdict('29', '15 per quarter', { period: '2014/15' });
      expect(year).toMatchObject({ status: 'missed', targetValue: 60 });
      expect(year.reason).toMatch(/15 per quarter is 60 for 2014\/15/);
      expect(verdict('5', '15 per quarter', { period: 'Apr-24' })).toMatchObject({ status: 'met', targetValue: 5 });
    });

    it('40 per quarter / 5 per quarter in Q1: 139 and 8 met', () => {
      expect(verdict('139', '40 per quarter', { period: 'Q1 2024/25' }).status).toBe('met');
      expect(verdict('8', '5 per quarter', { period: 'Q1 2024/25' }).status).toBe('met');
    });

    it('264 / 350: 364 met, variance +38% / +4%', () => {
      expect(verdict('364 *+38%', '264')).toMatchObject({ status: 'met', variance: '+38%' });
      expect(verdict('364', '350', { description: 'To prevent at least 350 households from becoming homeless' })).toMatchObject({
        status: 'met',
        variance: '+4%',
      });
    });

    it('2 p.a.: 1 delivered in the year is not met; scaled to 0.5 for a quarter', () => {
      expect(verdict('**1 delivered', '2 p.a.', { period: '2014/15' })).toMatchObject({
        status: 'missed',
        targetValue: 2,
        variance: '-50%',
      });
      expect(verdict('1', '2 p.a.', { period: 'Q1 2024/25' })).toMatchObject({ status: 'met', targetValue: 0.5 });
    });

    it('Yearly / yearly: Achieved met, 0 not met, On going overdue once the year is over', () => {
      expect(verdict('Achieved', 'Yearly').status).toBe('met');
      expect(verdict('0', 'yearly').status).toBe('missed');
      expect(verdict('On going', 'Yearly', { period: '2014/15' }).status).toBe('overdue');
      expect(verdict('On going', 'Yearly', { period: '2024/25' }).status).toBe('not-due');
    });

    it('April 2015: due at the end of April 2015', () => {
      expect(verdict('On going', 'April 2015', { today: { year: 2015, month: 5, day: 1 } }).status).toBe('overdue');
      expect(verdict('On going', 'April 2015', { today: { year: 2015, month: 4, day: 30 } }).status).toBe('not-due');
      expect(verdict('Completed- output shows that the service is fully meeting needs of customers', 'April 2015').status).toBe('met');
    });

    it('5 working days / 10 working days: a time, lower is better', () => {
      const v = verdict('4', '5 working days');
      expect(v).toMatchObject({ status: 'met', unit: 'working days' });
      expect(v.reason).toMatch(/lower is better/i);
      expect(verdict('6 working days', '5 working days').status).toBe('missed');
      expect(verdict('Achieved', '10 working days').status).toBe('met');
      expect(verdict('*none undertaken', '5 working days').status).toBe('no-data');
    });

    it('5% above 2014 baseline with baseline £84,396 (number, "£"#,##0) → target £88,615.80', () => {
      const baseline = parseActualCell({ value: { kind: 'number', value: 84396 }, format: '"£"#,##0' });
      expect(baseline).toMatchObject({ kind: 'number', value: 84396, unit: 'money', text: '£84,396' });
      const met = verdict('£90,000', '5% above 2014 baseline', { baseline });
      expect(met).toMatchObject({ status: 'met', targetValue: 88615.8, unit: 'money' });
      expect(met.reason).toMatch(/£88,615\.80/);
      expect(met.reason).toMatch(/£84,396/);
      expect(met.reason).toMatch(/higher is better/i);
      expect(verdict('88615.8', '5% above 2014 baseline', { baseline }).status).toBe('met');
      expect(verdict('£88,000', '5% above 2014 baseline', { baseline }).status).toBe('near');
      expect(verdict('£80,000', '5% above 2014 baseline', { baseline }).status).toBe('missed');
    });

    it("5% above 2014 baseline with no baseline: can't compare, saying why", () => {
      const v = verdict('£90,000', '5% above 2014 baseline');
      expect(v.status).toBe('unreadable');
      expect(v.reason).toMatch(/baseline/);
    });

    it('N/A: no target, the actual reported for information', () => {
      const v = verdict('83', 'N/A');
      expect(v.status).toBe('no-target');
      expect(v.reason).toMatch(/N\/A/);
      // With no figure either, the period has no data: so publishers rate it (Maidstone Borough
      // Council, CHE Q1 2021/22 performance report: "TBC" against an "N/A" target).
      expect(verdict('TBC', 'N/A').status).toBe('no-data');
    });

    it('1 / 2: counts', () => {
      expect(verdict('1', '1').status).toBe('met');
      expect(verdict('0', '1').status).toBe('missed');
      expect(verdict('2', '2').status).toBe('met');
    });
  });

  describe('success measures of seed 002 (inspection action plan)', () => {
    // The parser does not read these sentences yet (reported). Whatever it returns must be valid,
    // and if it can't read them the verdict must say so with the text.
    it.each([
      ['100% of properties have a safety certificate (by September 2010)', 100],
      ['85% of customers satisfied or very satisfied (by March 2011)', 85],
    ])('%s', (phrase, percent) => {
      const t = target(phrase);
      expect(['threshold', 'unreadable']).toContain(t.kind);
      if (t.kind === 'threshold') expect(t).toMatchObject({ value: percent, unit: 'percent' });
      const v = verdict('99.65%', phrase);
      if (t.kind === 'unreadable') {
        expect(v.status).toBe('unreadable');
        expect(v.reason).toContain(phrase);
      }
    });

    it('increase the number of repairs reported on the web to 789 per month: "789 per month" is a monthly rate', () => {
      expect(target('789 per month')).toMatchObject({ kind: 'rate', value: 789, per: 'month' });
      const sentence = target('increase the number of repairs reported on the web to 789 per month');
      expect(['rate', 'unreadable']).toContain(sentence.kind);
    });
  });
});

describe('natural variants of the target phrases (issue 3)', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['≥ 92%', { kind: 'threshold', value: 92, unit: 'percent', direction: 'higher' }],
    ['92% or above', { kind: 'threshold', value: 92, unit: 'percent', direction: 'higher' }],
    ['no more than 3.5%', { kind: 'threshold', value: 3.5, unit: 'percent', direction: 'lower' }],
    ['less than 14 days', { kind: 'threshold', value: 14, unit: 'days', direction: 'lower', strict: true }],
    ['at least 264', { kind: 'threshold', value: 264, unit: 'count', direction: 'higher' }],
    ['within 10 working days', { kind: 'threshold', value: 10, unit: 'working days', direction: 'lower' }],
    ['by 31/03/2025', { kind: 'deadline', due: { year: 2025, month: 3, day: 31 } }],
    ['Q3 2024/25', { kind: 'deadline', due: { year: 2024, month: 12, day: 31 } }],
    ['6 monthly', { kind: 'recurring', every: 'half' }],
    ['Quarterly', { kind: 'recurring', every: 'quarter' }],
    ['by March 2011', { kind: 'deadline', due: { year: 2011, month: 3, day: 31 } }],
    ['31/03/2025', { kind: 'deadline', due: { year: 2025, month: 3, day: 31 } }],
    ['40 per month', { kind: 'rate', value: 40, unit: 'count', per: 'month' }],
  ];

  it.each(cases)('%s parses', (phrase, expected) => {
    expect(target(phrase)).toMatchObject(expected);
  });

  it('the wording sets the polarity, not assumed', () => {
    for (const [phrase, direction] of [
      ['≥ 92%', 'higher'],
      ['92% or above', 'higher'],
      ['no more than 3.5%', 'lower'],
      ['less than 14 days', 'lower'],
      ['at least 264', 'higher'],
      ['within 10 working days', 'lower'],
    ] as const) {
      const p = decidePolarity({ description: '', target: target(phrase) });
      expect({ phrase, polarity: p.polarity, assumed: p.assumed }).toEqual({ phrase, polarity: direction, assumed: false });
    }
  });

  it("judged: met, near and not met with the wording's direction", () => {
    expect(verdict('92%', '≥ 92%').status).toBe('met');
    expect(verdict('91%', '92% or above').status).toBe('near');
    expect(verdict('3.6%', 'no more than 3.5%').status).toBe('near');
    expect(verdict('4%', 'no more than 3.5%').status).toBe('missed');
    expect(verdict('13', 'less than 14 days').status).toBe('met');
    // "less than 14": 14 itself does not meet it (inside the tolerance, so a near miss).
    const edge = verdict('14', 'less than 14 days');
    expect(edge.status).toBe('near');
    expect(edge.reason).toMatch(/must be passed/);
    expect(verdict('300', 'at least 264').status).toBe('met');
    expect(verdict('11', 'within 10 working days').status).toBe('missed');
    expect(verdict('100', '40 per month', { period: 'Q2 2024/25' })).toMatchObject({ status: 'missed', targetValue: 120 });
  });

  it('judged: deadlines', () => {
    expect(verdict('On going', 'by 31/03/2025').status).toBe('not-due');
    expect(verdict('On going', 'by 31/03/2025', { today: { year: 2025, month: 4, day: 1 } }).status).toBe('overdue');
    expect(verdict('On going', 'Q3 2024/25').status).toBe('overdue');
    expect(verdict('Achieved', '31/03/2025').status).toBe('met');
    expect(verdict('31/03/2011', 'by March 2011').status).toBe('met');
    const late = verdict('15/04/2011', 'by March 2011');
    expect(late.status).toBe('missed');
    expect(late.reason).toMatch(/late/);
    expect(verdict('Achieved', '6 monthly').status).toBe('met');
  });

  test('95%–105% parses as a range', () => {
    expect(parseTargetText('95%–105%')).toMatchObject({ kind: 'range', low: 95, high: 105, unit: 'percent' });
  });
});

describe('actual phrases of the seeds', () => {
  const cases: Array<[string, keyof typeof seed | null, Record<string, unknown>]> = [
    ['83', 'A', { kind: 'number', value: 83 }],
    ['90.2%', 'A', { kind: 'number', value: 90.2, unit: 'percent' }],
    ['TBC', 'A', { kind: 'no-data' }],
    ['98.58%', 'A', { kind: 'number', value: 98.58, unit: 'percent' }],
    ['3.27%', 'A', { kind: 'number', value: 3.27, unit: 'percent' }],
    ['2.1%', 'A', { kind: 'number', value: 2.1, unit: 'percent' }],
    ['5.5%', 'A', { kind: 'number', value: 5.5, unit: 'percent' }],
    ['20', 'A', { kind: 'number', value: 20 }],
    ['84%', 'A', { kind: 'number', value: 84, unit: 'percent' }],
    ['79%', 'A', { kind: 'number', value: 79, unit: 'percent' }],
    ['29', 'A', { kind: 'number', value: 29 }],
    ['139', 'A', { kind: 'number', value: 139 }],
    ['8', 'A', { kind: 'number', value: 8 }],
    ['364 *+38%', 'B', { kind: 'number', value: 364, marker: '*', statedVariance: 38 }],
    ['100% variance +5%', 'B', { kind: 'number', value: 100, unit: 'percent', statedVariance: 5 }],
    ['82% +7%', 'B', { kind: 'number', value: 82, unit: 'percent', statedVariance: 7 }],
    ['22 per quarter ***+47%', 'B', { kind: 'rate', value: 22, per: 'quarter', marker: '***', statedVariance: 47 }],
    ['**1 delivered', 'B', { kind: 'number', value: 1, marker: '**', note: 'delivered' }],
    ['** -75%', 'B', { kind: 'variance-only', statedVariance: -75, marker: '**' }],
    ['*none undertaken', 'B', { kind: 'none-undertaken', marker: '*' }],
    ['Achieved', 'B', { kind: 'achieved' }],
    [
      'Completed- output shows that the service is fully meeting needs of customers',
      'B',
      { kind: 'achieved', note: 'output shows that the service is fully meeting needs of customers' },
    ],
    ['On going', 'B', { kind: 'in-progress' }],
    ['N/A', null, { kind: 'no-data' }],
    ['pending', null, { kind: 'no-data' }],
    ['#N/A', null, { kind: 'no-data' }],
    ['-', 'C', { kind: 'no-data' }],
    ['See table below', 'C', { kind: 'unreadable' }],
  ];

  it.each(cases)('%s (seed %s) parses', (phrase, from, expected) => {
    if (from) expect(seed[from]).toContain(phrase);
    expect(actual(phrase)).toMatchObject(expected);
  });

  it('words that mean "no data" say what they read', () => {
    for (const word of ['TBC', 'N/A', 'pending', '-']) {
      const a = actual(word);
      expect(a.kind).toBe('no-data');
      if (a.kind === 'no-data') expect(a.why).toContain(word);
    }
    const error = actual('#N/A');
    if (error.kind === 'no-data') expect(error.why).toMatch(/#N\/A/);
  });

  it('"See table below" is unreadable on its own and quotes the text (kpi-return.ts fetches the table\'s share instead)', () => {
    const a = actual('See table below');
    if (a.kind === 'unreadable') expect(a.why).toContain('See table below');
    const v = verdict('See table below', '75%');
    expect(v.status).toBe('unreadable');
    expect(v.reason).toContain('See table below');
  });

  it('"83" against a percentage target is read as 83% and the reason says so', () => {
    const v = verdict('83', '92%');
    expect(v).toMatchObject({ status: 'missed', actualValue: 83 });
    expect(v.reason).toMatch(/read 83 as 83% because the target is a percentage/i);
  });

  it('"** -75%" against 100% is 25%, not met, with the variance as written', () => {
    const v = verdict('** -75%', '100%');
    expect(v).toMatchObject({ status: 'missed', actualValue: 25, variance: '-75%' });
  });

  it('"22 per quarter" is compared per quarter even in an annual column', () => {
    expect(verdict('22 per quarter ***+47%', '15 per quarter', { period: '2014/15' })).toMatchObject({
      status: 'met',
      actualValue: 22,
      targetValue: 15,
      variance: '+47%',
    });
  });

  it('a written variance that disagrees with the figures is pointed out', () => {
    const v = verdict('364 *+10%', '264');
    expect(v.variance).toBe('+38%');
    expect(v.reason).toMatch(/the sheet says \+10% but the figures give \+38%/i);
  });

  it('number-as-text with spaces and non-breaking spaces', () => {
    expect(actual(' 8 ')).toMatchObject({ kind: 'number', value: 8 });
    expect(actual('\u00a08\u00a0')).toMatchObject({ kind: 'number', value: 8 });
    expect(actual(' \u00a0 8\u202f')).toMatchObject({ kind: 'number', value: 8 });
  });

  it('no data and milestones: TBC / pending / #N/A give no data against a figure, overdue against a passed deadline', () => {
    for (const word of ['TBC', 'pending', '#N/A', 'N/A', '-']) {
      expect(verdict(word, '90%').status).toBe('no-data');
    }
    expect(verdict('pending', 'April 2015').status).toBe('overdue');
  });

  test('"1" against "2%" (lower is better, arrears) is read as 1% and met', () => {
    const v = verdict('1', '2%', { description: 'Former tenants arrears as a % of rent due' });
    expect(v.actualValue).toBe(1);
    expect(v.status).toBe('met');
  });
});

describe('actual and target cells', () => {
  const num = (value: number, format?: string, formula?: string): Cell => ({
    value: { kind: 'number', value },
    ...(format ? { format } : {}),
    ...(formula ? { formula } : {}),
  });

  it('0.902 with format 0.0% → 90.2%, from the percentage format', () => {
    const a = parseActualCell(num(0.902, '0.0%'));
    expect(a).toMatchObject({ kind: 'number', value: 90.2, unit: 'percent', fromPercentFormat: true, text: '90.2%' });
    expect(ActualSchema.safeParse(a).success).toBe(true);
  });

  it('0.9858 with 0.00% and 0.0327 with 0.00% keep exact values (no binary noise)', () => {
    expect(parseActualCell(num(0.9858, '0.00%'))).toMatchObject({ value: 98.58, text: '98.58%' });
    expect(parseActualCell(num(0.0327, '0.00%'))).toMatchObject({ value: 3.27, text: '3.27%' });
  });

  it('83 in General → the number 83 with no unit', () => {
    const a = parseActualCell(num(83));
    expect(a).toMatchObject({ kind: 'number', value: 83, text: '83' });
    expect(a.kind === 'number' && a.unit).toBeFalsy();
  });

  it('a date cell → a date', () => {
    const serial = serialFromDate({ year: 2015, month: 3, day: 20 });
    expect(parseActualCell({ value: { kind: 'date', serial } })).toMatchObject({ kind: 'date', date: { year: 2015, month: 3, day: 20 } });
    expect(parseActualCell(num(serial, 'dd/mm/yyyy'))).toMatchObject({ kind: 'date', date: { year: 2015, month: 3, day: 20 } });
  });

  it('an error cell → no data, naming the error', () => {
    const a = parseActualCell({ value: { kind: 'error', code: '#N/A' } });
    expect(a).toMatchObject({ kind: 'no-data', text: '#N/A' });
    if (a.kind === 'no-data') expect(a.why).toContain('#N/A');
    expect(parseActualCell({ value: { kind: 'error', code: '#DIV/0!' } }).kind).toBe('no-data');
  });

  it('a formula → its cached value (=100+39 → 139)', () => {
    expect(parseActualCell(num(139, undefined, '100+39'))).toMatchObject({ kind: 'number', value: 139 });
  });

  it('number stored as text, with spaces and a non-breaking space', () => {
    expect(parseActualCell({ value: { kind: 'text', value: ' 8 ' } })).toMatchObject({ kind: 'number', value: 8 });
    expect(parseActualCell({ value: { kind: 'text', value: '8\u00a0' } })).toMatchObject({ kind: 'number', value: 8 });
    expect(parseActualCell({ value: { kind: 'text', value: '\u00a0 8 ' } })).toMatchObject({ kind: 'number', value: 8 });
  });

  it('a blank cell → no data', () => {
    expect(parseActualCell({ value: { kind: 'empty' } })).toMatchObject({ kind: 'no-data' });
  });

  it('target cells: 0.92 as 0% → 92%; 0.035 as 0.0% → exactly 3.5%; 14 General → count; £ format → money', () => {
    expect(parseTargetCell(num(0.92, '0%'))).toMatchObject({ kind: 'threshold', value: 92, unit: 'percent', text: '92%' });
    expect(parseTargetCell(num(0.035, '0.0%'))).toMatchObject({ kind: 'threshold', value: 3.5, unit: 'percent' });
    expect(parseTargetCell(num(14))).toMatchObject({ kind: 'threshold', value: 14, unit: 'count' });
    expect(parseTargetCell(num(84396, '"£"#,##0'))).toMatchObject({ kind: 'threshold', value: 84396, unit: 'money' });
  });

  it('target cell: April 2015 typed into Excel (a date, mmmm yyyy) → due at the end of April 2015', () => {
    const serial = serialFromDate({ year: 2015, month: 4, day: 1 });
    const t = parseTargetCell({ value: { kind: 'date', serial }, format: 'mmmm yyyy' });
    expect(t).toMatchObject({ kind: 'deadline', text: 'April 2015', due: { year: 2015, month: 4, day: 30 } });
    expect(TargetSchema.safeParse(t).success).toBe(true);
  });

  it('cell verdict: 0.902 (0.0%) vs 0.92 (0%), higher → near miss, variance -2%', () => {
    const t = parseTargetCell(num(0.92, '0%'));
    const v = judge(parseActualCell(num(0.902, '0.0%')), t, {
      polarity: decidePolarity({ description: 'Proportion of rent collected', target: t }),
      today: TODAY,
    });
    expect(v).toMatchObject({ status: 'near', variance: '-2%' });
  });
});

describe('variance as the seeds write it: whole numbers with a sign, one decimal only under 1', () => {
  it.each([
    [38, '+38%'],
    [7, '+7%'],
    [46.666, '+47%'],
    [-75, '-75%'],
    [-1.8, '-2%'],
    [6.5625, '+7%'],
    [1.5, '+2%'],
    [0.1, '+0.1%'],
    [-0.2, '-0.2%'],
    [0.96, '+1%'],
    [0, '0%'],
    [0.04, '0%'],
  ])('%p → %s', (value, text) => {
    expect(formatVariance(value)).toBe(text);
  });

  it('nothing to compare → null', () => {
    expect(formatVariance(undefined)).toBeNull();
    expect(formatVariance(Number.NaN)).toBeNull();
  });
});
