import { plainDashes } from '../model/dashes';
import type { SheetGrid } from './sheet-grid';
import type { MeasureCard } from './types';

const CARD_TITLE = /^performance measure\s*[-–:]\s*(.+)$/i;

const FIELDS: ReadonlyArray<{ pattern: RegExp; key: keyof MeasureCard }> = [
  { pattern: /^owner$/i, key: 'owner' },
  { pattern: /^co[ -]?owners?$/i, key: 'coOwners' },
  { pattern: /^output\s*\/\s*outcome/i, key: 'outcome' },
  { pattern: /^source of data$/i, key: 'source' },
  { pattern: /^frequency of reporting$/i, key: 'frequency' },
  { pattern: /^who measures\??$/i, key: 'whoMeasures' },
  { pattern: /^reporting time ?scales?$/i, key: 'reportingTimescale' },
];

/**
 * Measure cards (layout B's appendix): a title row, then label | value rows naming the owner,
 * the source of data and how often it is reported.
 */
export function readMeasureCards(grid: SheetGrid): MeasureCard[] {
  const cards: MeasureCard[] = [];
  // Every row is looked at, by its counts (a card's title row holds one or two cells).
  for (let r = grid.nextRowFilledUpTo(0, 2); r < grid.rows; r = grid.nextRowFilledUpTo(r + 1, 2)) {
    const title = CARD_TITLE.exec(plainDashes(grid.text(r, grid.firstFilledColumn(r))));
    if (!title) continue;
    const card: Record<string, string> = {};
    let end = r;
    for (let k = r + 1; k < Math.min(grid.rows, r + 20); k++) {
      const cells = grid.filledColumns(k);
      if (cells.length === 0) break;
      const label = grid.text(k, cells[0]!);
      if (CARD_TITLE.test(plainDashes(label))) break;
      const value = cells.length > 1 ? grid.text(k, cells[1]!) : '';
      const field = FIELDS.find((f) => f.pattern.test(label.trim()));
      if (field && value) card[field.key] = value.replace(/\.$/, '').trim();
      end = k;
    }
    if (!card.owner && !card.outcome) continue;
    cards.push({ sheet: grid.sheet.name, row: r, theme: title[1]!.trim(), ...card });
    r = end;
  }
  return cards;
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9% ]+/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2),
  );
}

/** How alike an indicator's wording is to a card's outcome, 0–1 (shared words over the smaller set). */
export function wordingOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}
