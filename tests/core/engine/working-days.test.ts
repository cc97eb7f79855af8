import fc from 'fast-check';
import Holidays from 'date-holidays';
import { dateFromSerial, serialFromDate, type CalendarDate } from '../../../src/core/model/serial-dates';
import {
  addWorkingDays,
  bankHolidayName,
  bankHolidays,
  isBankHoliday,
  isWorkingDay,
  nextWorkingDay,
  parseRegion,
  workingDaysBetween,
  WORKING_DAY_REGIONS,
  type WorkingDayRegion,
} from '../../../src/core/engine/working-days';

const d = (iso: string): CalendarDate => {
  const [y, m, day] = iso.split('-').map(Number);
  return { year: y!, month: m!, day: day! };
};

describe('bank holidays of England and Wales (the default)', () => {
  it.each([
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
    ['2007-12-25', 'Christmas Day'],
    ['2007-12-26', 'Boxing Day'],
    ['2008-03-21', 'Good Friday'],
    ['2008-03-24', 'Easter Monday'],
    ['2022-09-19', 'Queen Elizabeth'],
    ['2023-05-08', 'Coronation'],
    ['2021-12-27', 'Christmas Day (substitute day)'],
    ['2021-12-28', 'Boxing Day (substitute day)'],
    ['2022-06-03', 'Jubilee'],
  ])('%s is a bank holiday (%s), not a working day', (iso, name) => {
    expect(isWorkingDay(d(iso))).toBe(false);
    expect(isBankHoliday(d(iso))).toBe(true);
    expect(bankHolidayName(d(iso))!.toLowerCase()).toContain(name.toLowerCase());
  });

  it('counts receipt as day 0: Monday to Tuesday is 1, the same day 0', () => {
    expect(workingDaysBetween(d('2024-06-10'), d('2024-06-11'))).toBe(1);
    expect(workingDaysBetween(d('2024-06-10'), d('2024-06-10'))).toBe(0);
    expect(workingDaysBetween(d('2024-06-10'), d('2024-06-17'))).toBe(5);
    // Friday to Monday
    expect(workingDaysBetween(d('2024-06-14'), d('2024-06-17'))).toBe(1);
  });

  it('treats a weekend receipt as received on the next working day, and a weekend answer likewise', () => {
    // Saturday receipt, Monday answer: the same (effective) day.
    expect(workingDaysBetween(d('2024-06-15'), d('2024-06-17'))).toBe(0);
    expect(workingDaysBetween(d('2024-06-15'), d('2024-06-18'))).toBe(1);
    // Friday receipt, Saturday answer: counts as answered on Monday.
    expect(workingDaysBetween(d('2024-06-14'), d('2024-06-15'))).toBe(1);
  });

  it('skips Christmas and Boxing Day 2024 and 2007', () => {
    expect(workingDaysBetween(d('2024-12-24'), d('2024-12-27'))).toBe(1);
    expect(workingDaysBetween(d('2007-12-24'), d('2007-12-27'))).toBe(1);
    // letters over Christmas 2024 into the new year (New Year's Day skipped too)
    expect(workingDaysBetween(d('2024-12-20'), d('2025-01-02'))).toBe(6);
    expect(addWorkingDays(d('2024-12-20'), 15)).toEqual(d('2025-01-15'));
  });

  it('skips Good Friday and Easter Monday 2008', () => {
    expect(workingDaysBetween(d('2008-03-20'), d('2008-03-25'))).toBe(1);
    expect(addWorkingDays(d('2008-03-20'), 1)).toEqual(d('2008-03-25'));
    expect(addWorkingDays(d('2008-03-25'), -1)).toEqual(d('2008-03-20'));
  });

  it("skips the Queen's funeral (19 Sept 2022) and the coronation (8 May 2023)", () => {
    expect(workingDaysBetween(d('2022-09-16'), d('2022-09-20'))).toBe(1);
    expect(workingDaysBetween(d('2023-05-05'), d('2023-05-09'))).toBe(1);
    // May 2023 had three Monday bank holidays
    expect(workingDaysBetween(d('2023-04-28'), d('2023-05-31'))).toBe(20);
  });

  it('skips the substitute days when Christmas falls at a weekend (2021)', () => {
    expect(isWorkingDay(d('2021-12-24'))).toBe(true);
    expect(workingDaysBetween(d('2021-12-24'), d('2021-12-29'))).toBe(1);
    expect(addWorkingDays(d('2021-12-24'), 1)).toEqual(d('2021-12-29'));
  });

  it("counts observances (Mother's Day and the like) as nothing", () => {
    const names = bankHolidays(2024).map((h) => h.name);
    expect(names).not.toContain("Mother's Day");
    expect(names).toContain('Good Friday');
    expect(bankHolidays(2024)).toHaveLength(8);
  });

  it("matches Wales's list to England's in the library, 1990–2060", () => {
    const public_ = (state: string, year: number) =>
      new Holidays('GB', state)
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .sort();
    for (let year = 1990; year <= 2060; year++) expect(public_('WLS', year)).toEqual(public_('ENG', year));
  });
});

describe('Scotland and Northern Ireland', () => {
  it("Scotland has 2 January and St Andrew's Day but not Easter Monday", () => {
    expect(isWorkingDay(d('2024-01-02'), 'scotland')).toBe(false);
    expect(isWorkingDay(d('2024-01-02'))).toBe(true);
    expect(isWorkingDay(d('2023-11-30'), 'scotland')).toBe(false);
    expect(isWorkingDay(d('2023-11-30'))).toBe(true);
    // St Andrew's Day 2024 was a Saturday: substitute Monday 2 December
    expect(isWorkingDay(d('2024-12-02'), 'scotland')).toBe(false);
    expect(isWorkingDay(d('2008-03-24'), 'scotland')).toBe(true);
    expect(workingDaysBetween(d('2008-03-20'), d('2008-03-25'), 'scotland')).toBe(2);
  });

  it("Northern Ireland has St Patrick's Day and 12 July", () => {
    expect(isWorkingDay(d('2023-03-17'), 'northern-ireland')).toBe(false);
    expect(isWorkingDay(d('2023-03-17'))).toBe(true);
    expect(isWorkingDay(d('2023-07-12'), 'northern-ireland')).toBe(false);
    expect(isWorkingDay(d('2023-07-12'))).toBe(true);
    expect(isWorkingDay(d('2008-03-17'), 'northern-ireland')).toBe(false);
    expect(workingDaysBetween(d('2023-07-11'), d('2023-07-13'), 'northern-ireland')).toBe(1);
    expect(workingDaysBetween(d('2023-07-11'), d('2023-07-13'))).toBe(2);
  });

  it('all regions share the UK-wide one-off days', () => {
    for (const region of WORKING_DAY_REGIONS) {
      expect(isWorkingDay(d('2022-09-19'), region)).toBe(false);
      expect(isWorkingDay(d('2023-05-08'), region)).toBe(false);
    }
  });
});

describe('parseRegion', () => {
  it.each<[string, WorkingDayRegion | undefined]>([
    ['England', 'england-and-wales'],
    ['england and wales', 'england-and-wales'],
    ['England & Wales', 'england-and-wales'],
    ['E&W', 'england-and-wales'],
    ['e & w', 'england-and-wales'],
    ['Wales', 'england-and-wales'],
    ['england-and-wales', 'england-and-wales'],
    ['GB-ENG', 'england-and-wales'],
    ['Scotland', 'scotland'],
    [' SCOTLAND ', 'scotland'],
    ['GB-SCT', 'scotland'],
    ['NI', 'northern-ireland'],
    ['N.I.', 'northern-ireland'],
    ['N. Ireland', 'northern-ireland'],
    ['Northern Ireland', 'northern-ireland'],
    ['northern-ireland', 'northern-ireland'],
    ['UK', undefined],
    ['France', undefined],
    ['', undefined],
  ])('%j → %s', (text, region) => {
    expect(parseRegion(text)).toBe(region);
  });

  it('gives undefined for no text', () => {
    expect(parseRegion(undefined)).toBeUndefined();
    expect(parseRegion(null)).toBeUndefined();
  });
});

describe('addWorkingDays and nextWorkingDay', () => {
  it('moves a weekend start to the next working day first', () => {
    expect(addWorkingDays(d('2024-06-15'), 0)).toEqual(d('2024-06-17'));
    expect(addWorkingDays(d('2024-06-15'), 1)).toEqual(d('2024-06-18'));
    expect(addWorkingDays(d('2024-06-16'), -1)).toEqual(d('2024-06-14'));
    expect(nextWorkingDay(d('2024-12-25'))).toEqual(d('2024-12-27'));
    expect(nextWorkingDay(d('2024-12-27'))).toEqual(d('2024-12-27'));
  });

  it('gives the usual deadlines', () => {
    // 15 working days from Monday 3 June 2024: Monday 24 June
    expect(addWorkingDays(d('2024-06-03'), 15)).toEqual(d('2024-06-24'));
    // 33 working days from 1 May 2024 (two bank holidays in May)
    expect(addWorkingDays(d('2024-05-01'), 33)).toEqual(d('2024-06-19'));
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays(d('2024-06-03'), 1.5)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------

const FIRST = serialFromDate(d('1990-01-01'));
const LAST = serialFromDate(d('2060-12-31'));
const date = fc.integer({ min: FIRST, max: LAST }).map(dateFromSerial);
const region = fc.constantFrom<WorkingDayRegion>(...WORKING_DAY_REGIONS);

function naiveBetween(start: CalendarDate, end: CalendarDate, r: WorkingDayRegion): number {
  const s = serialFromDate(start);
  const e = serialFromDate(end);
  const [lo, hi, sign] = s <= e ? [s, e, 1] : [e, s, -1];
  let count = 0;
  for (let x = lo; x < hi; x++) if (isWorkingDay(dateFromSerial(x), r)) count++;
  return count === 0 ? 0 : sign * count;
}

describe('properties (1990–2060, every region)', () => {
  it('addWorkingDays then workingDaysBetween gives n back, and lands on a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -2000, max: 2000 }), region, (start, n, r) => {
        const end = addWorkingDays(start, n, r);
        expect(workingDaysBetween(start, end, r)).toBe(n);
        expect(isWorkingDay(end, r)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('workingDaysBetween is monotonic in the end date', () => {
    fc.assert(
      fc.property(date, date, date, region, (start, a, b, r) => {
        const [e1, e2] = serialFromDate(a) <= serialFromDate(b) ? [a, b] : [b, a];
        expect(workingDaysBetween(start, e1, r)).toBeLessThanOrEqual(workingDaysBetween(start, e2, r));
      }),
      { numRuns: 2000 },
    );
  });

  it('is mirror-symmetric and agrees with a day-by-day count', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), region, (start, span, r) => {
        const end = dateFromSerial(serialFromDate(start) + span);
        const n = workingDaysBetween(start, end, r);
        expect(workingDaysBetween(end, start, r)).toBe(0 - n);
        expect(n).toBe(naiveBetween(start, end, r));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for any dates in 1990–2060', () => {
    fc.assert(
      fc.property(date, date, region, fc.integer({ min: -30000, max: 30000 }), (a, b, r, n) => {
        expect(Number.isInteger(workingDaysBetween(a, b, r))).toBe(true);
        expect(typeof isWorkingDay(a, r)).toBe('boolean');
        addWorkingDays(a, n, r);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('performance', () => {
  it('handles 50,000 cases quickly', () => {
    const t0 = performance.now();
    let total = 0;
    for (let i = 0; i < 50_000; i++) {
      const start = dateFromSerial(FIRST + ((i * 7919) % (LAST - FIRST - 400)));
      const end = dateFromSerial(serialFromDate(start) + (i % 60));
      total += workingDaysBetween(start, end);
    }
    expect(total).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
