/**
 * Scores KPI Tracker against the real corpus (tests/corpus-real): every table, column, polarity
 * and status the publisher's own reading gives, for the cases tuned against and for the quarter
 * held back. `npm run corpus:score [-- --verbose]`
 */
import { CASES_DIR, HELD_BACK_DIR, isHeldBack, readCases, scoreCase, summarise, type CaseScore } from '../tests/corpus-real/real-corpus';

const verbose = process.argv.includes('--verbose');
const dir = process.argv.find((arg) => arg.startsWith('--cases='))?.slice('--cases='.length) ?? CASES_DIR;

function report(title: string, scores: CaseScore[]): void {
  const { passed, total, shown, byWhat } = summarise(scores);
  const share = total ? ((passed / total) * 100).toFixed(1) : '—';
  console.log(`\n${title}: ${scores.length} files, ${passed} of ${total} checks agree (${share}%)`);
  if (shown)
    console.log(
      `  of the ${total - passed} that disagree, ${shown} are statuses the run shows the officer as contradicting the sheet's own`,
    );
  for (const [what, [ok, all]] of Object.entries(byWhat)) console.log(`  ${what.padEnd(12)} ${String(ok).padStart(4)} / ${all}`);
  if (!verbose) return;
  for (const score of scores) {
    const failed = score.checks.filter((check) => !check.ok);
    console.log(`  ${failed.length ? '✗' : '✓'} ${score.name}: ${score.checks.length - failed.length}/${score.checks.length}`);
    for (const check of failed)
      console.log(
        `      ${check.what} ${check.where}: expected ${check.expected}, got ${check.got}${check.shown ? ' (shown to the officer)' : ''}`,
      );
  }
}

const working = readCases(dir, (name) => !isHeldBack(name)).map(scoreCase);
report('Working set (tuned against)', working);
if (process.argv.includes('--held-back')) {
  // Held-back cases: from held-back/, and any still in cases/ before they are moved there.
  const held = [...readCases(HELD_BACK_DIR), ...readCases(dir, isHeldBack)].map(scoreCase);
  // Only the score is printed for the held-back quarter, never what failed: it is not tuned against.
  const { passed, total, shown } = summarise(held);
  console.log(
    `\nHeld back (never tuned against): ${held.length} files, ${passed} of ${total} checks agree (${total ? ((passed / total) * 100).toFixed(1) : '—'}%)`,
  );
  if (shown)
    console.log(
      `  of the ${total - passed} that disagree, ${shown} are statuses the run shows the officer as contradicting the sheet's own`,
    );
}
