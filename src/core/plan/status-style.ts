import { LABEL_FAMILIES } from '../engine/status-words';
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
 * The labels to write: the officer's own first, then the family the workbook already uses
 * (read from its status cells), then the defaults.
 */
export function chooseLabels(existingStatusTexts: readonly string[], officer: Partial<Record<Status, string>>): StatusLabels {
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
