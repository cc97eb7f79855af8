import type { IndicatorVerdict } from '../../core/engine/indicator-verdict';
import { STATUSES, STATUS_WORDS, type Status } from '../../core/engine/target-types';
import { JUDGED } from '../../core/sheets/committee-key';

/**
 * A short table of how many indicators have each status, for the end of a run. Shares are of the
 * indicators judged against a target, as on the committee sheet: No data, No target and Can't
 * read are counted apart.
 */
export function summaryText(period: string, verdicts: readonly IndicatorVerdict[]): string {
  const counts = new Map<Status, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  let judged = 0;
  for (const [status, n] of counts) if (JUDGED.has(status)) judged += n;
  const line = (label: string, n: number, share: string): string => `  ${label.padEnd(12)}${String(n).padStart(7)}  ${share}`;
  const lines = [`Summary for ${period}`, `  ${'Status'.padEnd(12)}${'Number'.padStart(7)}  Share of those judged`];
  for (const status of STATUSES) {
    const n = counts.get(status) ?? 0;
    if (n === 0) continue;
    lines.push(line(STATUS_WORDS[status], n, JUDGED.has(status) ? `${Math.round((n / judged) * 100)}%`.padStart(4) : 'not judged'));
  }
  lines.push(line('Judged', judged, judged > 0 ? '100%' : ''));
  lines.push(line('Total', verdicts.length, ''));
  return lines.join('\n').replace(/ +$/gm, '');
}
