/**
 * The committee sheet's verdicts are found from planning's choice rather than by choosing from
 * every verdict again: the answer must be chooseVerdicts' own, whatever order the verdicts come in.
 */
import type { IndicatorVerdict } from '../../src/core/engine/evaluate';
import type { Status } from '../../src/core/engine/target-types';
import { periodLabel, type Period } from '../../src/core/periods/period';
import { chooseVerdicts, type ChosenVerdict } from '../../src/core/plan/recalc-plan';
import { latestPeriodReport, reportPeriodVerdicts } from '../../src/core/sheets/committee-verdicts';
import { latestPeriodWithData } from '../../src/core/run/run-kpi-tracker';
// The bench's seeded generator (mulberry32), so every run checks the same lists.
import { seeded } from '../../bench/generate';

function verdict(
  tableIndex: number,
  row: number,
  period: Period | undefined,
  status: Status,
  actualText = status === 'no-data' ? '' : '12',
): IndicatorVerdict {
  return { tableIndex, row, period, periodLabel: period ? periodLabel(period) : '', status, actualText } as unknown as IndicatorVerdict;
}

const month = (m: number, fy?: number): Period => (fy === undefined ? { kind: 'month', month: m } : { kind: 'month', month: m, fy });
const quarter = (q: 1 | 2 | 3 | 4, fy: number): Period => ({ kind: 'quarter', quarter: q, fy });

const chosenOf = (verdicts: readonly IndicatorVerdict[], period?: string): ChosenVerdict[] =>
  chooseVerdicts(verdicts, period).map((v) => ({ verdict: v, commentary: null, statusLabel: '', statusColour: '' }));

/** What the committee read before: chooseVerdicts for the period, and which of those planning chose. */
function expected(verdicts: readonly IndicatorVerdict[], period: string, chosen: readonly ChosenVerdict[]) {
  const forPeriod = chooseVerdicts(verdicts, period);
  return { verdicts: forPeriod, plannedAt: forPeriod.map((v) => chosen.findIndex((c) => c.verdict === v)) };
}

function expectLatestReport(verdicts: readonly IndicatorVerdict[]): void {
  const chosen = chosenOf(verdicts);
  const period = latestPeriodWithData(verdicts);
  const found = latestPeriodReport(verdicts, chosen);
  if (period === null) {
    expect(found).toBeNull();
    return;
  }
  expect(found).not.toBeNull();
  expect(found!.period).toBe(period);
  const want = expected(verdicts, period, chosen);
  expect(found!.verdicts).toEqual(want.verdicts);
  expect(found!.verdicts.every((v, i) => v === want.verdicts[i])).toBe(true);
  expect(found!.plannedAt).toEqual(want.plannedAt);
}

describe('the report period and its verdicts, found from planning’s choice', () => {
  it('an indicator without figures for the latest month keeps its verdict for it, not its latest with figures', () => {
    const verdicts = [
      verdict(0, 4, month(1, 2024), 'met'),
      verdict(0, 4, month(2, 2024), 'missed'),
      verdict(0, 5, month(1, 2024), 'met'),
      verdict(0, 5, month(2, 2024), 'no-data'),
      verdict(1, 4, month(1, 2024), 'met'),
    ];
    expectLatestReport(verdicts);
    expect(latestPeriodReport(verdicts, chosenOf(verdicts))!.plannedAt).toEqual([0, -1]);
  });

  it('the latest month turning up late still finds the earlier indicators’ verdicts for it', () => {
    expectLatestReport([
      verdict(0, 4, month(1, 2024), 'met'),
      verdict(0, 4, month(3, 2024), 'no-data'),
      verdict(0, 5, month(2, 2024), 'met'),
      verdict(0, 5, month(3, 2024), 'missed'),
      verdict(0, 6, month(3, 2024), 'met'),
    ]);
  });

  it('an indicator with two verdicts for the period keeps the first', () => {
    expectLatestReport([
      verdict(0, 4, month(1, 2024), 'met'),
      verdict(0, 4, month(1, 2024), 'missed'),
      verdict(0, 5, month(1, 2024), 'near'),
    ]);
  });

  it('indicators whose verdicts are interleaved keep the order they first appear in', () => {
    expectLatestReport([
      verdict(0, 4, month(1, 2024), 'met'),
      verdict(0, 5, month(2, 2024), 'met'),
      verdict(0, 4, month(2, 2024), 'missed'),
      verdict(0, 5, month(1, 2024), 'met'),
    ]);
    expectLatestReport([
      verdict(0, 5, month(1, 2024), 'met'),
      verdict(0, 4, month(2, 2024), 'met'),
      verdict(0, 5, month(2, 2024), 'missed'),
    ]);
  });

  it('a quarter ending in the same month as the latest month is not its verdict', () => {
    expectLatestReport([
      verdict(0, 4, quarter(1, 2024), 'met'),
      verdict(0, 4, month(3, 2024), 'met'),
      verdict(0, 5, quarter(1, 2024), 'missed'),
    ]);
    // Even labelled alike, as chooseVerdicts matches the kind too.
    const labelledLikeMarch = { ...verdict(0, 4, quarter(3, 2024), 'met'), periodLabel: periodLabel(month(3, 2024)) } as IndicatorVerdict;
    expectLatestReport([labelledLikeMarch, verdict(0, 4, month(3, 2024), 'missed'), verdict(0, 5, month(3, 2024), 'met')]);
  });

  it('no figures at all: no report period', () => {
    expectLatestReport([verdict(0, 4, month(1, 2024), 'no-data'), verdict(0, 5, undefined, 'met')]);
    expectLatestReport([]);
  });

  it('agrees with chooseVerdicts on many mixed lists', () => {
    const random = seeded(7);
    const periods: Period[] = [month(1, 2024), month(2, 2024), month(12, 2023), month(3, 2024), quarter(1, 2024), quarter(4, 2023)];
    const statuses: Status[] = ['met', 'missed', 'near', 'no-data', 'overdue'];
    for (let run = 0; run < 300; run++) {
      const verdicts: IndicatorVerdict[] = [];
      const count = Math.floor(random() * 40);
      const interleaved = random() < 0.3;
      let table = 0;
      let row = 3;
      for (let i = 0; i < count; i++) {
        if (interleaved) {
          table = Math.floor(random() * 2);
          row = 3 + Math.floor(random() * 4);
        } else if (random() < 0.3) {
          row++;
          if (random() < 0.2) table++;
        }
        // Shared period objects, as a table's columns share them, and now and then one of its own.
        const shared = periods[Math.floor(random() * periods.length)]!;
        const period = random() < 0.1 ? undefined : random() < 0.2 ? { ...shared } : shared;
        verdicts.push(verdict(table, row, period, statuses[Math.floor(random() * statuses.length)]!));
      }
      expectLatestReport(verdicts);
      const chosen = chosenOf(verdicts);
      for (const period of [...periods.map(periodLabel), 'Feb', 'Q1', 'nonsense']) {
        const found = reportPeriodVerdicts(verdicts, period, chosen, undefined);
        const want = expected(verdicts, period, chosen);
        expect(found.verdicts.length).toBe(want.verdicts.length);
        expect(found.verdicts.every((v, i) => v === want.verdicts[i])).toBe(true);
        expect(found.plannedAt).toEqual(want.plannedAt);
      }
    }
  });

  it('where planning chose for the report period, its choice is the answer', () => {
    const verdicts = [verdict(0, 4, month(1, 2024), 'met'), verdict(0, 4, month(2, 2024), 'missed'), verdict(0, 5, month(2, 2024), 'met')];
    const feb = periodLabel(month(2, 2024));
    const chosen = chosenOf(verdicts, feb);
    const found = reportPeriodVerdicts(verdicts, feb, chosen, feb);
    expect(found.verdicts).toEqual(chooseVerdicts(verdicts, feb));
    expect(found.plannedAt).toEqual([0, 1]);
  });
});
