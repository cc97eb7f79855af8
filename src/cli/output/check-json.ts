import type { IndicatorVerdict } from '../../core/engine/indicator-verdict';
import { STATUS_WORDS, type Polarity, type Status } from '../../core/engine/target-types';
import { shortText } from '../../core/model/short-text';
import type { Issue } from '../../core/model/issue';

export { STATUS_WORDS };

/** One line of `kpi-tracker check --json`: the contract documented in the README. */
export interface CheckJson {
  readonly sheet: string;
  readonly ref: string | null;
  readonly indicator: string;
  readonly period: string;
  readonly actual: string;
  readonly target: string;
  readonly polarity: Polarity;
  readonly polarityAssumed: boolean;
  readonly status: Status;
  readonly variance: string | null;
  readonly reason: string;
  readonly row: number;
  readonly cell: string | null;
  readonly owner: string | null;
  readonly trend: 'better' | 'worse' | 'same' | null;
}

export function checkJson(verdicts: readonly IndicatorVerdict[]): CheckJson[] {
  return verdicts.map((v) => ({
    sheet: v.sheet,
    ref: v.ref,
    indicator: v.indicator,
    period: v.periodLabel,
    actual: v.actualText,
    target: v.targetText,
    polarity: v.polarity,
    polarityAssumed: v.polarityAssumed,
    status: v.status,
    variance: v.variance,
    reason: v.reason,
    row: v.row + 1,
    cell: v.actualCell,
    owner: v.owner,
    trend: v.trend,
  }));
}

function clip(text: string, max: number): string {
  return shortText(text, max);
}

/** What `kpi-tracker check` prints for a person: one line a verdict, then the reason. */
export function checkText(file: string, verdicts: readonly IndicatorVerdict[], doubts: readonly Issue[] = []): string {
  const lines: string[] = [];
  const counts = new Map<Status, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  const summary = [...counts.entries()].map(([status, n]) => `${n} ${STATUS_WORDS[status].toLowerCase()}`).join(', ');
  lines.push(`${file}: ${verdicts.length} verdict${verdicts.length === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}`);
  let sheet = '';
  for (const v of verdicts) {
    if (v.sheet !== sheet) {
      sheet = v.sheet;
      lines.push('', `Sheet "${sheet}"`);
    }
    const name = `${v.ref ? `${v.ref} ` : ''}${clip(v.indicator, 50)}`;
    const figures = `${v.actualText.trim() ? clip(v.actualText, 24) : '(blank)'} vs ${v.targetText.trim() ? clip(v.targetText, 24) : '(none)'}`;
    lines.push(
      `  ${STATUS_WORDS[v.status].padEnd(11)} ${v.periodLabel.padEnd(11)} ${name} — ${figures}${v.variance ? ` (${v.variance})` : ''}${v.polarityAssumed ? ' [direction assumed]' : ''}`,
    );
    lines.push(`              ${v.reason}`);
  }
  // Whatever could not be judged or read, gathered at the end so none is lost in a long list.
  const unjudged = verdicts.filter((v) => v.status === 'unreadable');
  if (doubts.length > 0 || unjudged.length > 0) lines.push('', 'Not read or not judged');
  for (const doubt of doubts) lines.push(`  ! ${doubt.message}`);
  for (const v of unjudged)
    lines.push(
      `  ! ${v.sheet} ${v.actualCell ?? `row ${v.row + 1}`} ${v.ref ?? clip(v.indicator, 40)} (${v.periodLabel || 'no period'}): ${v.reason}`,
    );
  return lines.join('\n');
}
