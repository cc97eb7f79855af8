import fc from 'fast-check';
import { dateFromSerial, serialFromDate, type CalendarDate } from '../../../src/core/model/serial-dates';
import {
  DEFAULT_GOOD_LABELS,
  judgeCase,
  percentText,
  satisfactionShare,
  timeliness,
  type TimelinessCase,
} from '../../../src/core/engine/timeliness';

const d = (iso: string): CalendarDate => {
  const [y, m, day] = iso.split('-').map(Number);
  return { year: y!, month: m!, day: day! };
};
const plus = (date: CalendarDate, days: number): CalendarDate => dateFromSerial(serialFromDate(date) + days);

describe('timeliness: layout C "Numbers | Target met Yes | No"', () => {
  // KPI 3 of seed 000: IFA visits within 14 days of referral; 12 cases, 83% yes, 17% no.
  const referral = d('2007-06-04');
  const kpi3: TimelinessCase[] = [3, 5, 7, 8, 10, 12, 13, 14, 14, 0, 19, 26].map((days, i) => ({
    ref: `HM-${String(i + 1).padStart(3, '0')}`,
    start: plus(referral, i),
    end: plus(referral, i + days),
  }));

  it('reproduces KPI 3: 12 | 83% | 17%', () => {
    const s = timeliness(kpi3, { amount: 14, unit: 'days' });
    expect(s.numbers).toBe(12);
    expect(s.within).toBe(10);
    expect(s.outside).toBe(2);
    expect(percentText(s.shareWithin!)).toBe('83%');
    expect(percentText(s.shareOutside!)).toBe('17%');
    expect(s.longest).toBe(26);
    expect(s.longestRef).toBe('HM-012');
    expect(s.averageDays).toBeCloseTo(131 / 12, 10);
    expect(s.reason).toBe('10 of 12 cases within 14 days (83%); 2 outside (17%)');
    expect(s.cases[8]!.reason).toBe('answered in 14 days, within 14');
    expect(s.cases[9]!.reason).toBe('answered the same day, within 14');
    expect(s.cases[10]!.reason).toBe('answered in 19 days, 5 over the 14');
    expect(s.cases[10]!.status).toBe('outside');
  });

  it('reproduces KPI 6: 17 | 94% | 6%', () => {
    const cases: TimelinessCase[] = Array.from({ length: 17 }, (_, i) => ({
      start: plus(d('2007-09-03'), i * 3),
      end: plus(d('2007-09-03'), i * 3 + (i === 16 ? 35 : 20)),
    }));
    const s = timeliness(cases, { amount: 28, unit: 'days' }, { verb: 'visited' });
    expect([s.numbers, percentText(s.shareWithin!), percentText(s.shareOutside!)]).toEqual([17, '94%', '6%']);
    expect(s.cases[16]!.reason).toBe('visited in 35 days, 7 over the 28');
    expect(s.longestRef).toBe('case 17');
  });

  it('letters within 15 working days across Christmas 2024, with open and unreadable cases apart', () => {
    const letters: TimelinessCase[] = [
      { ref: 'L1', start: d('2024-12-20'), end: d('2025-01-02') }, // 6 working days
      { ref: 'L2', start: d('2024-12-20'), end: d('2025-01-15') }, // 15: on the day
      { ref: 'L3', start: d('2024-12-20'), end: d('2025-01-16') }, // 16: one over
      { ref: 'L4', start: d('2024-12-23'), end: d('2024-12-24') }, // 1
      { ref: 'L5', start: d('2024-12-24'), end: undefined },
      { ref: 'L6', start: undefined, end: d('2025-01-06') },
      { ref: 'L7', start: d('2025-01-10'), end: d('2025-01-06') },
    ];
    const s = timeliness(letters, { amount: 15, unit: 'working days' });
    expect(s.cases.map((c) => c.status)).toEqual(['within', 'within', 'outside', 'within', 'open', 'unreadable', 'unreadable']);
    expect(s.cases.map((c) => c.days)).toEqual([6, 15, 16, 1, undefined, undefined, undefined]);
    expect(s.cases[0]!.reason).toBe('answered in 6 working days, within 15');
    expect(s.cases[3]!.reason).toBe('answered in 1 working day, within 15');
    expect(s.cases[2]!.reason).toBe('answered in 16 working days, 1 over the 15');
    expect(s.cases[4]!.reason).toBe('still open (no end date)');
    expect(s.cases[5]!.reason).toBe("can't read: no start date");
    expect(s.cases[6]!.reason).toBe("can't read: ends 06/01/2025, before it starts 10/01/2025");
    expect(s).toMatchObject({
      numbers: 4,
      within: 3,
      outside: 1,
      open: 1,
      unreadable: 2,
      shareWithin: 0.75,
      shareOutside: 0.25,
      longest: 16,
    });
    expect(s.reason).toBe('3 of 4 cases within 15 working days (75%); 1 outside (25%); 1 still open; 2 could not be read');
  });

  it('counts calendar days against a "days" target, working days against "working days"', () => {
    const c = { start: d('2024-12-20'), end: d('2025-01-02') };
    expect(judgeCase(c, { amount: 10, unit: 'days' }).status).toBe('outside'); // 13 days
    expect(judgeCase(c, { amount: 10, unit: 'working days' }).status).toBe('within'); // 6 working days
  });

  it('uses the chosen region', () => {
    // Received Thursday 20 March 2008; Good Friday and Easter Monday in England, not Easter Monday in Scotland.
    const c = { start: d('2008-03-20'), end: d('2008-03-25') };
    expect(judgeCase(c, { amount: 1, unit: 'working days' }).status).toBe('within');
    expect(judgeCase(c, { amount: 1, unit: 'working days' }, { region: 'scotland' }).status).toBe('outside');
  });

  it('flags open cases already past the target when today is given', () => {
    const s = timeliness(
      [
        { ref: 'A', start: d('2024-06-03'), end: undefined },
        { ref: 'B', start: d('2024-06-20'), end: undefined },
      ],
      { amount: 15, unit: 'working days' },
      { today: d('2024-06-28') },
    );
    expect(s.open).toBe(2);
    expect(s.openOverdue).toBe(1);
    expect(s.cases[0]!.reason).toBe('still open after 19 working days, already past the 15');
    expect(s.cases[1]!.reason).toBe('still open after 6 working days, 9 working days left');
    expect(s.reason).toBe('no closed cases to judge against 15 working days; 2 still open, 1 of them already past the target');
    expect(s.shareWithin).toBeUndefined();
    expect(s.averageDays).toBeUndefined();
  });

  it('treats a date that does not exist as unreadable', () => {
    expect(judgeCase({ start: { year: 2023, month: 2, day: 29 }, end: d('2023-03-10') }, { amount: 5, unit: 'days' }).reason).toBe(
      "can't read: the start date 29/2/2023 does not exist",
    );
  });

  it('refuses a target that is not a number of days', () => {
    expect(() => timeliness([], { amount: Number.NaN, unit: 'days' })).toThrow(RangeError);
    expect(() => timeliness([], { amount: -1, unit: 'days' })).toThrow(RangeError);
  });

  it('always adds up, and every case has a reason', () => {
    const maybeDate = fc.option(fc.integer({ min: 32874, max: 58804 }).map(dateFromSerial), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: maybeDate, end: maybeDate })),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom<'days' | 'working days'>('days', 'working days'),
        (cases, amount, unit) => {
          const s = timeliness(cases, { amount, unit });
          expect(s.within + s.outside + s.open + s.unreadable).toBe(cases.length);
          expect(s.numbers).toBe(s.within + s.outside);
          if (s.numbers > 0) expect(s.shareWithin! + s.shareOutside!).toBeCloseTo(1, 12);
          for (const c of s.cases) expect(c.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('satisfactionShare: the KPI 10 table of layout C', () => {
  // Seed 000, "Criteria for KPI 10": Very Poor | Poor | Good | Very Good | Excellent | share
  const rows: [string, (number | undefined)[]][] = [
    ['Time taken to respond to enquiries', [0, 0, 1, 1, 7]],
    ['Officers understanding of your needs', [0, 0, 1, 1, 7]],
    ['The information provided to you', [0, 0, 3, 1, 5]],
    ['The amount of contact or time your HOAO spent with you', [0, 0, 1, 2, 6]],
    ['The service received from the IFA', [0, 0, 1, 0, 2]],
    ['The service received from ART Homes', [0, 0, undefined, 0, 2]],
    ['The service received from your valuer', [0, 0, 2, 2, 0]],
    ['The service received from your solicitor', [0, 0, 1, 1, 2]],
    ['Overall rating of service', [0, 0, 1, 1, 7]],
  ];
  const ratings = ['Very Poor', 'Poor', 'Good', 'Very Good', 'Excellent'];

  it.each(rows)('%s → 100%%', (_criterion, values) => {
    const counts = Object.fromEntries(ratings.map((r, i) => [r, values[i]]));
    const s = satisfactionShare(counts);
    expect(s.total).toBe(values.reduce<number>((a, b) => a + (b ?? 0), 0));
    expect(s.good).toBe(s.total);
    expect(percentText(s.share!)).toBe('100%');
    expect(s.share! >= 0.75).toBe(true); // KPI 10: 75% good, very good or excellent
  });

  it('counts blanks as 0 and gives no share without answers', () => {
    expect(satisfactionShare({ Good: undefined, Poor: undefined })).toEqual({ total: 0, good: 0, share: undefined });
    expect(satisfactionShare({ Good: Number.NaN, Poor: 2 })).toEqual({ total: 2, good: 0, share: 0 });
  });

  it('recognises the satisfaction scale, but never "dissatisfied" as satisfied', () => {
    const s = satisfactionShare({
      'Very satisfied': 40,
      'Fairly satisfied': 30,
      'Neither satisfied nor dissatisfied': 10,
      'Fairly dissatisfied': 12,
      'VERY DISSATISFIED': 8,
    });
    expect(s).toEqual({ total: 100, good: 70, share: 0.7 });
    expect(satisfactionShare({ 'very good': 1, 'EXCELLENT ': 1, poor: 2 }).share).toBe(0.5);
  });

  it('takes its own list of good ratings', () => {
    expect(satisfactionShare({ Good: 5, Fair: 3, Poor: 2 }, ['good', 'fair'])).toEqual({ total: 10, good: 8, share: 0.8 });
    expect(DEFAULT_GOOD_LABELS).toContain('Excellent');
  });
});
