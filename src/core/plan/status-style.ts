import { LABEL_FAMILIES, readStatusWord } from '../engine/status-words';
import { getOrInsert } from '../model/memo';
import { STATUSES, STATUS_WORDS, type Status } from '../engine/target-types';

export type StatusLabels = Readonly<Record<Status, string>>;
export type StatusColours = Readonly<Record<Status, string>>;

/**
 * Light tints of the Okabe–Ito palette, which stays distinct for the common kinds of colour
 * blindness; the label is always written beside the colour.
 */
export const DEFAULT_COLOURS: StatusColours = {
  met: '#BFE5D6',
  near: '#F9DFA8',
  missed: '#F4C3A8',
  'not-due': '#D3E9F7',
  overdue: '#E9C7DA',
  'no-data': '#EDEDED',
  'no-target': '#F7F7F7',
  unreadable: '#F6EFA6',
};

export const DEFAULT_LABELS: StatusLabels = STATUS_WORDS;

/** The fill of header rows on every sheet KPI Tracker builds. */
export const HEADER_FILL = '#DDE4EA';

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The labels to write: the officer's own first, then the workbook's own word for each rating
 * where its status cells use one ("At risk" beside "On track" and "Off track"; "Not on track"),
 * then the family those words belong to, then the defaults.
 */
export function chooseLabels(existingStatusTexts: readonly string[], officer: Partial<Record<Status, string>>): StatusLabels {
  const labels = { ...familyLabels(existingStatusTexts, {}) } as Record<Status, string>;
  // Only where the family's own word for a rating is not in the sheet: "On track" beside
  // "Complete" stays the word for met; "At risk" beside "On track | Off track" is the near miss.
  const seen = new Set(existingStatusTexts.map(normalise));
  for (const [status, word] of workbookWords(existingStatusTexts)) if (!seen.has(normalise(labels[status]))) labels[status] = word;
  for (const status of STATUSES) if (officer[status]) labels[status] = officer[status]!;
  return labels;
}

/**
 * The labels of the family the workbook's status cells use, the officer's own over them, without
 * the workbook's other words: what KPI Tracker may rewrite as its own. A word someone typed
 * ("Not on track") is written into blank cells (see chooseLabels), but where the figures say
 * otherwise it is kept as typed, unless KPI Tracker wrote it (see the plan's fingerprints).
 */
export function familyLabels(existingStatusTexts: readonly string[], officer: Partial<Record<Status, string>>): StatusLabels {
  const seen = new Set(existingStatusTexts.map(normalise).filter(Boolean));
  let family: Partial<Record<Status, string>> | undefined;
  let best = 0;
  for (const candidate of LABEL_FAMILIES) {
    const hits = Object.values(candidate).filter((label) => seen.has(normalise(label))).length;
    if (hits > best) {
      best = hits;
      family = candidate;
    }
  }
  const labels = { ...DEFAULT_LABELS } as Record<Status, string>;
  if (family) for (const status of STATUSES) if (family[status]) labels[status] = family[status]!;
  for (const status of STATUSES) if (officer[status]) labels[status] = officer[status]!;
  return labels;
}

const ICON_WORDS = /\b(face|tick|cross|circle|dot|triangle|octagon|arrow)\b/i;

/** The ratings a workbook's status cells give in words of their own: for each, its commonest word. */
function workbookWords(texts: readonly string[]): Map<Status, string> {
  const counts = new Map<Status, Map<string, number>>();
  for (const raw of texts) {
    const text = raw.trim();
    // An icon's description ("sad face", "green tick") stands for a picture, not a word to write.
    const status = text && !ICON_WORDS.test(text) ? readStatusWord(text) : undefined;
    if (status !== 'met' && status !== 'near' && status !== 'missed') continue;
    const words = getOrInsert(counts, status, () => new Map<string, number>());
    words.set(text, (words.get(text) ?? 0) + 1);
  }
  const chosen = new Map<Status, string>();
  for (const [status, words] of counts) {
    let best = '';
    for (const [word, count] of words) if (!best || count > words.get(best)!) best = word;
    chosen.set(status, best);
  }
  return chosen;
}

/** Colours as hosts read them back (#RRGGBB in capitals), so a second run sees its own fills. */
export function chooseColours(officer: Partial<Record<Status, string>>): StatusColours {
  const colours = { ...DEFAULT_COLOURS } as Record<Status, string>;
  for (const [status, colour] of Object.entries(officer)) if (colour) colours[status as Status] = colour.toUpperCase();
  return colours;
}

/** Every label a status cell may hold and still be KPI Tracker's to change. */
export function knownStatusTexts(labels: StatusLabels): Set<string> {
  const texts = new Set<string>();
  for (const label of Object.values(labels)) texts.add(normalise(label));
  for (const label of Object.values(DEFAULT_LABELS)) texts.add(normalise(label));
  for (const family of LABEL_FAMILIES) for (const label of Object.values(family)) texts.add(normalise(label));
  return texts;
}

export function isKnownStatusText(text: string, known: ReadonlySet<string>): boolean {
  return known.has(normalise(text));
}
