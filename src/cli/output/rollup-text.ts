import { basename } from 'node:path';
import { STATUSES, STATUS_WORDS } from '../../core/engine/target-types';
import type { RollupReport } from '../../core/rollup/rollup-report';
import type { RollupEntry } from '../../core/rollup/workbook-summary';

const PLURAL_WORDS: Partial<Record<string, string>> = { 'Near miss': 'near misses' };

/** One line for a workbook as it is read: the period it was judged for, and its counts. */
export function rollupEntryLine(entry: RollupEntry): string {
  if (entry.kind === 'not-included') return `  ${basename(entry.notIncluded.file)}: not included. ${entry.notIncluded.reason}`;
  const w = entry.summary;
  const name = basename(w.file);
  if (w.period === null) return `  ${name}: ${w.note ?? 'no figures'}`;
  const counts = STATUSES.filter((status) => w.counts[status] > 0)
    .map((status) => {
      const n = w.counts[status];
      const word = STATUS_WORDS[status];
      return `${n} ${n === 1 ? word.toLowerCase() : (PLURAL_WORDS[word] ?? word.toLowerCase())}`;
    })
    .join(', ');
  const share = w.metShare === null ? '' : `; ${Math.round(w.metShare * 100)}% of those judged met`;
  return `  ${name}: ${w.period} (${w.periodChosen === 'asked' ? 'as asked' : 'its latest with figures'}): ${counts || 'no indicators'}${share}${w.note ? `. ${w.note}` : ''}`;
}

/** The end of a roll-up: how many workbooks, the organisation's figures, and what was left out. */
export function rollupTotalsText(report: RollupReport, skippedFolders: readonly string[]): string {
  const { totals } = report;
  const lines: string[] = [];
  const notIn = report.notIncluded.length;
  const n = (count: number): string => count.toLocaleString('en-GB');
  lines.push(
    `Rolled up ${n(totals.workbooks)} workbook${totals.workbooks === 1 ? '' : 's'}` +
      (notIn > 0 ? `; ${n(notIn)} file${notIn === 1 ? '' : 's'} not included (listed above and on the "Not included" sheet).` : '.'),
  );
  if (totals.judged > 0)
    lines.push(
      `Across them, ${n(totals.counts.met)} of the ${n(totals.judged)} indicators judged against a target met it (${Math.round((totals.metShare ?? 0) * 100)}%); ` +
        `${n(totals.counts.missed)} missed and ${n(totals.counts.overdue)} overdue.`,
    );
  if (skippedFolders.length > 0)
    lines.push(
      `Not looked in (add --recursive to read folders inside folders): ${skippedFolders.slice(0, 5).join(', ')}${skippedFolders.length > 5 ? ` and ${skippedFolders.length - 5} more` : ''}.`,
    );
  return lines.join('\n');
}
