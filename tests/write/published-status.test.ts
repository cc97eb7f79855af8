/**
 * A Status column the publisher already filled in is the workbook's vocabulary (issue 14): read
 * it, write in it, and where the figures contradict a rating someone typed, say so — never copy
 * the rating, never overwrite it in silence.
 */
import { join } from 'node:path';
import { runKpiTracker } from '../../src/core/run/run-kpi-tracker';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';
import { CASES_DIR, readCase } from '../corpus-real/real-corpus';

const TODAY = { year: 2025, month: 3, day: 26 };
const run = (workbook: Parameters<typeof runKpiTracker>[0]) =>
  runKpiTracker(workbook, {
    today: TODAY,
    now: '2025-03-26T09:00:00.000Z',
    command: 'recalc',
    steps: { statuses: true, actionPlan: false, committee: false },
  });

describe('ratings typed in the status column', () => {
  test('a label of the workbook’s own family that the figures contradict is rewritten, and the officer is told (Bracknell Forest, Q3 2024/25)', () => {
    const name = 'council-bracknell-forest-kpis-q3-2024-25.txt';
    const { plan } = run(readCase(join(CASES_DIR, name), name).workbook);
    // 1.2.1.KR: "Percentage of care leavers … NEET" 53.6% against 36%, published "Red": the figures agree.
    expect(plan.notices.some((n) => n.cell === 'G24')).toBe(false);
    // 1.1.3.PI: "Number of visits to the Look Out Discovery Centre" 10,966 against 19,625, published "Red": agrees, no notice.
    expect(plan.notices.some((n) => n.cell === 'G19')).toBe(false);
    const disagreements = plan.notices.filter((n) => n.kind === 'status-disagrees');
    expect(disagreements.length).toBeGreaterThan(0);
    for (const notice of disagreements) {
      expect(notice.message).toMatch(
        /^G\d+ said "(Green|Amber|Red)", typed in the sheet; the figures for Q3 2024\/25 \(.+ against .+\) give (Green|Amber|Red), so it now says that\.$/,
      );
      const edit = plan.edits.find((e) => `${String.fromCharCode(65 + e.col)}${e.row + 1}` === notice.cell);
      expect(edit?.purpose).toBe('status');
    }
  });

  test('a rating in words of its own ("happy face") that the figures contradict is kept as typed, and said (Shropshire Housing, repairs, January 2018)', () => {
    // SSHA's repairs figures as published: "% of repairs appointments kept 98.9 happy face", target 99.2.
    const workbook = buildWorkbook([
      {
        name: 'Performance',
        rows: [
          ['Repairs January 2018'],
          ['Description', 'SSHA', 'Target Met?', 'Target'],
          ['% of repairs given an appointment', 100, 'target met', 99.3],
          ['% of repairs appointments kept', 98.9, 'happy face', 99.2],
          ['% of repairs completed right first time', 91.2, 'sad face', 94.5],
        ],
      },
    ]);
    const { plan } = run(workbook);
    // The ratings that agree with the figures keep their words and take the status's colour; the one that does not is left alone.
    const edits = plan.edits.filter((e) => e.purpose === 'status');
    expect(edits.map((e) => [e.row + 1, e.value.kind === 'text' ? e.value.text : null, e.before])).toEqual([
      [3, 'target met', 'target met'],
      [5, 'sad face', 'sad face'],
    ]);
    const notices = plan.notices.filter((n) => n.kind === 'status-disagrees');
    expect(notices.map((n) => n.message)).toEqual([
      'C4 says "happy face", but the figures for Jan 2018 (98.9 against 99.2) give Target not met. It was kept as typed: change it, or check the figures.',
    ]);
  });
});
