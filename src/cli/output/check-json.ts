import { reasonReadOnce } from '../../core/engine/evaluate';
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

/** One verdict as `check --json` gives it. */
export function checkJsonItem(v: IndicatorVerdict): CheckJson {
  return {
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
    reason: reasonReadOnce(v),
    row: v.row + 1,
    cell: v.actualCell,
    owner: v.owner,
    trend: v.trend,
  };
}

/** Text is handed on in pieces about this long: few writes, and little held at once. */
const CHUNK_CHARS = 1 << 20;

/**
 * Collects lines and hands them on a chunk at a time (`emit` ends each chunk with a newline, as
 * the command line's `out` does).
 */
function chunkedLines(emit: (text: string) => void): { line: (text: string) => boolean; end: () => void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    emit(pending.join('\n'));
    pending = [];
    size = 0;
  };
  return {
    /** True when a chunk was handed on. */
    line(text) {
      pending.push(text);
      size += text.length + 1;
      if (size < CHUNK_CHARS) return false;
      flush();
      return true;
    },
    end: flush,
  };
}

/** Verdicts written out at a time: a few hundred kilobytes of text. */
const BATCH = 1000;

/**
 * Writes the verdicts as `JSON.stringify(array, null, 2)` would, a batch at a time, taking each
 * verdict off the list once written: at 50,000 indicators × 12 months the whole text is 300 MB,
 * and every verdict keeps its worded reason for as long as it is held.
 */
export async function writeCheckJson(
  verdicts: IndicatorVerdict[],
  emit: (text: string) => void,
  drained: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (verdicts.length === 0) {
    emit('[]');
    return;
  }
  emit('[');
  verdicts.reverse();
  while (verdicts.length > 0) {
    const batch: CheckJson[] = [];
    while (batch.length < BATCH && verdicts.length > 0) batch.push(checkJsonItem(verdicts.pop()!));
    // A batch as an array, without its brackets, is its items as the whole array would indent them.
    const items = JSON.stringify(batch, null, 2);
    emit(`${items.slice(2, -2)}${verdicts.length > 0 ? ',' : ''}`);
    // A pipe to a slower reader would otherwise hold the whole text in memory.
    await drained();
  }
  emit(']');
}

function clip(text: string, max: number): string {
  return shortText(text, max);
}

/**
 * What `kpi-tracker check` prints for a person: one line a verdict, then the reason; written a
 * piece at a time, taking each verdict off the list once written (see writeCheckJson).
 */
export async function writeCheckText(
  file: string,
  verdicts: IndicatorVerdict[],
  emit: (text: string) => void,
  drained: () => Promise<void> = async () => undefined,
  doubts: readonly Issue[] = [],
): Promise<void> {
  const out = chunkedLines(emit);
  // Whatever could not be judged, gathered as it goes by, to be listed again at the end.
  const unjudged: string[] = [];
  const counts = new Map<Status, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  const summary = [...counts.entries()].map(([status, n]) => `${n} ${STATUS_WORDS[status].toLowerCase()}`).join(', ');
  out.line(`${file}: ${verdicts.length} verdict${verdicts.length === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}`);
  let sheet = '';
  verdicts.reverse();
  for (let v = verdicts.pop(); v !== undefined; v = verdicts.pop()) {
    if (v.sheet !== sheet) {
      sheet = v.sheet;
      out.line('');
      out.line(`Sheet "${sheet}"`);
    }
    const name = `${v.ref ? `${v.ref} ` : ''}${clip(v.indicator, 50)}`;
    const figures = `${v.actualText.trim() ? clip(v.actualText, 24) : '(blank)'} vs ${v.targetText.trim() ? clip(v.targetText, 24) : '(none)'}`;
    out.line(
      `  ${STATUS_WORDS[v.status].padEnd(11)} ${v.periodLabel.padEnd(11)} ${name} — ${figures}${v.variance ? ` (${v.variance})` : ''}${v.polarityAssumed ? ' [direction assumed]' : ''}`,
    );
    const reason = reasonReadOnce(v);
    if (v.status === 'unreadable')
      unjudged.push(
        `  ! ${v.sheet} ${v.actualCell ?? `row ${v.row + 1}`} ${v.ref ?? clip(v.indicator, 40)} (${v.periodLabel || 'no period'}): ${reason}`,
      );
    if (out.line(`              ${reason}`)) await drained();
  }
  // Whatever could not be read or judged, at the end, so none is lost in a long list.
  if (doubts.length > 0 || unjudged.length > 0) {
    out.line('');
    out.line('Not read or not judged');
  }
  for (const doubt of doubts) out.line(`  ! ${doubt.message}`);
  for (const line of unjudged) out.line(line);
  out.end();
}
