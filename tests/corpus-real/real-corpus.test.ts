/**
 * The real corpus in CI (tests/corpus-real/README.md): every published table is read and judged
 * without a fault, and KPI Tracker agrees with the publishers' own readings at least as often as
 * it did when this was last raised. The held-back quarter is run here too, but only its score is
 * asserted and nothing of it is printed: it is never tuned against.
 */
import { CASES_DIR, HELD_BACK_DIR, caseFiles, isHeldBack, readCases, scoreCase, summarise } from './real-corpus';

/**
 * The share of the publishers' readings KPI Tracker agrees with, as last measured (npm run
 * corpus:score): working set 97.1%, held back 85.4%. Seventeen more tables joined on 6 December
 * (three held back by their names' hash), scored before any tuning: the new working files read
 * 363 of 432, the new held-back ones 78 of 85. On 7 December eighteen more joined (five held
 * back): the working thirteen are harder than the rest (two whole tables from datasets are not
 * found), so the working share fell from 94.0% to 91.1% with no change to the code; the held
 * back, 52 files, stand at 84.3%. Later on 7 December, with both datasets' tables found and
 * twenty more published tables joined (four held back), the working set, 183 files, stands at
 * 95.4%, the held back, 56 files, at 84.9%. On the next 7 December, twenty-seven more joined
 * in two rounds (seven held back): the held-back ones read 66 of 74 and 54 of 113 on arrival, so
 * the held back, 67 files, stand at 83.8%, the working set, 217 files, at 96.6%. Two more rounds
 * that day (six held back) arrived at 26 of 26 and 70 of 172: the held back, 73 files, stand at
 * 81.4%, the working set, 239 files, at 95.6%. Raise these as detection improves; a change that
 * lowers them has made KPI Tracker read real workbooks worse.
 */
const FLOOR = { working: 0.95, heldBack: 0.81 };

describe('the real corpus', () => {
  const working = readCases(CASES_DIR, (name) => !isHeldBack(name));
  const heldBack = readCases(HELD_BACK_DIR);

  test('holds at least 40 tables from at least 25 organisations, a quarter of them held back', () => {
    const all = [...working, ...heldBack];
    const tables = all.reduce((n, c) => n + c.expect.tables.length, 0);
    const organisations = new Set(all.map((c) => c.source.split(' — ')[0]));
    expect(tables).toBeGreaterThanOrEqual(40);
    expect(organisations.size).toBeGreaterThanOrEqual(25);
    expect(heldBack.length / all.length).toBeGreaterThanOrEqual(0.2);
    // Every held-back file is where the hash puts it, and none is left among the tuned-against cases.
    expect(caseFiles(HELD_BACK_DIR).every(isHeldBack)).toBe(true);
    expect(caseFiles(CASES_DIR).some(isHeldBack)).toBe(false);
  });

  test.each(working.map((c) => [c.name, c] as const))('%s is read and judged without a fault', (_name, realCase) => {
    const score = scoreCase(realCase);
    expect(score.checks.length).toBeGreaterThan(0);
    for (const verdict of score.verdicts) expect(verdict.reason.trim()).not.toBe('');
  });

  test.each([
    ['council-hart-kpi-tiles-q1-2014-15.txt', 'Hart: "IT03 80.6% against 90: above target"'],
    ['ha-shropshire-housing-performance-jan-2018.txt', 'Shropshire Housing: a happy face beside "N/A"'],
  ])("where the figures contradict the publisher's own status, the run shows the officer, never silently (%s; %s)", (name) => {
    const realCase = working.find((c) => c.name === name)!;
    const disagreeing = scoreCase(realCase).checks.filter((check) => check.what === 'status' && !check.ok);
    expect(disagreeing.length).toBeGreaterThan(0);
    expect(disagreeing.filter((check) => !check.shown)).toEqual([]);
  });

  test(`agrees with the publishers on at least ${FLOOR.working * 100}% of the working set`, () => {
    const { passed, total } = summarise(working.map(scoreCase));
    expect(passed / total).toBeGreaterThanOrEqual(FLOOR.working);
  });

  test(`agrees with the publishers on at least ${FLOOR.heldBack * 100}% of the held-back quarter`, () => {
    let scores;
    try {
      scores = heldBack.map(scoreCase);
    } catch {
      // A fault is reported without the case's contents.
      throw new Error('A held-back case could not be read or judged.');
    }
    const { passed, total } = summarise(scores);
    expect(passed / total).toBeGreaterThanOrEqual(FLOOR.heldBack);
  });
});
