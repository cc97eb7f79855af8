import type { IndicatorVerdict } from '../../core/engine/evaluate';
import { STATUSES, STATUS_WORDS, type Status } from '../../core/engine/target-types';

/** A short table of how many indicators have each status, for the end of a run. */
export function summaryText(period: string, verdicts: readonly IndicatorVerdict[]): string {
  const counts = new Map<Status, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  const lines = [`Summary for ${period}`, `  ${'Status'.padEnd(12)}${'Number'.padStart(7)}${'Share'.padStart(8)}`];
  for (const status of STATUSES) {
    const n = counts.get(status) ?? 0;
    if (n === 0) continue;
    lines.push(`  ${STATUS_WORDS[status].padEnd(12)}${String(n).padStart(7)}${`${Math.round((n / verdicts.length) * 100)}%`.padStart(8)}`);
  }
  lines.push(`  ${'Total'.padEnd(12)}${String(verdicts.length).padStart(7)}${'100%'.padStart(8)}`);
  return lines.join('\n');
}
