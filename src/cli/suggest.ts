import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped word was most likely meant to be, or undefined when none is close:
 * within two edits, or one in three letters for a long word (`chek` → `check`, `--todya` →
 * `--today`), or the only
 * candidate the word begins (`--near` → `--near-misses`).
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const bare = (text: string) => text.replace(/^-+/, '');
  const started = candidates.filter((candidate) => bare(typed).length >= 2 && candidate.startsWith(typed));
  if (started.length === 1) return started[0];
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(bare(typed), bare(candidate));
    if (!best || edits < best.edits) best = { candidate, edits };
  }
  if (!best) return undefined;
  // Two edits for a short word: a swapped pair of letters (`jsno`) counts as two.
  const length = bare(best.candidate).length;
  const allowed = length <= 2 ? 0 : Math.max(2, Math.floor(length / 3));
  return best.edits <= allowed ? best.candidate : undefined;
}

/** ` Did you mean "check"?` or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match ? ` Did you mean "${match}"?` : '';
}
