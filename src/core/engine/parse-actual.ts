import { cellText, numberFormatKind } from '../model/cell-text';
import { splitLabelledFigure } from './labelled-figure';
import { dateFromSerial } from '../model/serial-dates';
import type { Cell } from '../model/workbook';
import { normaliseText, readDate, roundFloat, takeScaleWord } from './parse-target';
import type { Actual, RatePeriod } from './target-types';
import { shortText } from '../model/short-text';
import { memoByText } from '../model/memo';
import { readDuration, timeUnitOfWord } from './time-units';

const NO_DATA =
  /^(tbc|tbd|tba|tb|to be confirmed|pending|awaited|awaiting data|not yet available|not available|not available until .{1,30}|information not available|data not (yet )?available|n\/?a|na|nil return|no data|-+|–|—|\.\.|\[[a-z]\]|x|\?+|not reported|not collected|cumulative figure pending|due|new|new kpi|new measure|new indicator|n\/a\s*[-–—:]\s*.+|data not yet validated|not yet validated|awaiting validation|unvalidated|((data|figures?|results?|survey) )?(due|available|expected|reported|in) (in |by |from )?(q[1-4]|quarter [1-4]|year[- ]end|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?)( \d{4}(\/\d{2})?)?)$/;
/** Figures that are not due this period by design. */
const NOT_DUE =
  /^(annual (indicator|measure|figure|kpi)|reported (annually|yearly|six[- ]monthly|half[- ]yearly)|measured (annually|yearly|twice (per|a) year|six[- ]monthly|half[- ]yearly)|(annual|yearly|six[- ]monthly) (data|survey|return)|not due( yet| this (period|quarter|month))?|year end (figure|only)|reported at year end)$/;
const ACHIEVED =
  /^(achieved|complete|completed|done|met|yes|y|delivered|in place|fully achieved|target met|on target|undertaken|carried out|agreed|approved|published)\b/;
const NOT_ACHIEVED = /^(not achieved|not met|no|n|missed|failed|not delivered|not completed|not done|off target)\b/;
const IN_PROGRESS =
  /^(on ?going|in progress|underway|under way|started|progressing|on track|in hand|being progressed|partially (achieved|complete(d)?)|part complete)\b/;
const NONE_UNDERTAKEN = /^(none|nothing|no) (undertaken|delivered|carried out|required|needed|received|requested)$|^none$/;

const RATE_WORDS: ReadonlyArray<[RegExp, RatePeriod]> = [
  [/^per (week|wk)$/, 'week'],
  [/^per (month|mth)$/, 'month'],
  [/^per (quarter|qtr)$/, 'quarter'],
  [/^per (year|annum)$|^p\.?a\.?$/, 'year'],
];

/**
 * Pulls a footnote marker (`*`, `**`, a dagger `†`, `‡`) off the front or middle of the text; or a
 * "#" or "+" straight after the figure ("97#", "259+", Western Port Water's notes below its table).
 */
function takeMarker(text: string): { marker?: string; rest: string } {
  const after = /^([^#+]*[\d%])(#+|\+)$/.exec(text);
  if (after) return { marker: after[2]!, rest: after[1]!.trim() };
  const runs = text.match(/\*+|[†‡]+/g);
  if (!runs) return { rest: text };
  const marker = runs.reduce((a, b) => (b.length > a.length ? b : a));
  return {
    marker,
    rest: text
      .replace(/\*+|[†‡]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/** "p", "(p)", "(r)", "provisional", "revised" after a figure: it is not final, and the reason says so. */
function takeProvisional(text: string): { provisional?: string; rest: string } {
  const m = /^(.*\d%?)\s*(\(p\)|\(r\)|\bp\b|\br\b|\(provisional\)|provisional|\(revised\)|revised|\(estimate\)|estimated?)$/i.exec(text);
  if (!m) return { rest: text };
  const mark = m[2]!.replace(/[()]/g, '').toLowerCase();
  return {
    provisional: mark === 'r' || mark === 'revised' ? 'revised' : mark.startsWith('estimate') ? 'estimated' : 'provisional',
    rest: m[1]!.trim(),
  };
}

/** A second figure in brackets after the first: "41 (63%)", "5.8% (1720)", "77.3% (330)". */
function takeBracketedFigure(text: string): { alternative?: { value: number; unit?: 'percent' }; rest: string } {
  const m = /^(.*?\d(?:%|\s*per ?cent\.?)?)\s*\(\s*([\d,]+(?:\.\d+)?)\s*(%)?\s*\)$/.exec(text);
  if (!m) return { rest: text };
  const value = Number(m[2]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { rest: text };
  return { alternative: { value, ...(m[3] ? { unit: 'percent' as const } : {}) }, rest: m[1]!.trim() };
}

/** `+38%`, `variance +5%`, `-75%` at the end of the text. */
function takeStatedVariance(text: string): { variance?: number; rest: string } {
  const m = /(?:^|\s)(?:variance\s*[:=]?\s*)?([+-]\s?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (!m) return { rest: text };
  return { variance: Number(m[1]!.replace(/\s/g, '')), rest: text.slice(0, m.index).trim() };
}

/**
 * An actual as a verdict shows it: the cell's text, or for a figure written after its measure's
 * name ("Rent collected as % due: 97.86% ***") the figure alone, as parseActualText reads it.
 */
export function shownActualText(shown: string): string {
  // Any space after the colon, a non-breaking one from a web page included (parseActualText reads
  // those as spaces); or a name, "was" and the figure ("Rent Collection for Quarter three was 90%").
  if (!/:\s|\s(?:was|is|were|are)\s/i.test(shown)) return shown;
  const actual = readActualText(shown);
  return actual.kind === 'number' ? actual.text : shown;
}

/**
 * Reads an actual the way officers type them. Never throws: unreadable text becomes
 * an `unreadable` actual carrying the text and the reason.
 */
/** A sentence that opens by stating the result: "Performance at 99.31% is…", "The outturn was 87.2%, …". */
const STATED_FIGURE =
  /^(?:(?:the |our )?(?:current |overall |year[- ]end )?(?:performance|result|outturn|collection rate|figure)\s+(?:is|was|at|of|stands at|stood at|reached))\s+([+-]?\d[\d,]*(?:\.\d+)?\s*%?)(?=[\s,.;]|$)/;

/** What follows a figure that makes it a gap or a change: "above target", "(days) better than", "improvement". */
const COMPARED =
  /^\s*(?:(?:working |calendar )?(?:days?|weeks?|months?|years?|points?|pp|percentage points?)\s+)?(?:above|below|higher|lower|better|worse|more|less|fewer|greater|improvement|increase|decrease|reduction|rise|fall|drop|up|down|over|under|short|ahead|behind|change|off|on)\b/;

export function parseActualText(raw: string): Actual {
  const text = raw;
  const normal = normaliseText(raw);
  if (normal === '') return { kind: 'no-data', text, why: 'the cell is blank' };
  if (/^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(normal)) {
    return { kind: 'no-data', text, why: `the cell shows the error ${normal.toUpperCase()}` };
  }
  // "..", "-", "[c]": the statistical releases' marks for a figure withheld or not available.
  if (NO_DATA.test(normal.toLowerCase())) return { kind: 'no-data', text, why: `it reads "${raw.trim()}"` };
  // "Customer satisfaction (LCRA)*: 58.5%": the measure's name written in front of its figure.
  const labelled = splitLabelledFigure(normal);
  if (labelled) {
    const figure = parseActualText(labelled.figure);
    if (figure.kind === 'number') return figure;
  }
  const { marker, rest: unmarked } = takeMarker(normal);
  const { provisional, rest: final } = takeProvisional(unmarked);
  const lower = final.toLowerCase().replace(/[.;]+$/, '');
  const markerPart = { ...(marker ? { marker } : {}), ...(provisional ? { provisional } : {}) };

  if (NOT_DUE.test(lower)) return { kind: 'not-due', text, why: `it reads "${raw.trim()}"` };
  if (NO_DATA.test(lower) || /^(tbc|pending)\b/.test(lower)) return { kind: 'no-data', text, why: `it reads "${raw.trim()}"` };
  const duration = readDuration(lower);
  if (duration !== undefined) return { kind: 'number', text, value: roundFloat(duration), unit: 'minutes', ...markerPart };
  if (NONE_UNDERTAKEN.test(lower)) return { kind: 'none-undertaken', text, ...markerPart };

  const { variance, rest } = takeStatedVariance(lower);
  const varPart = variance !== undefined ? { statedVariance: variance } : {};
  // "** -75%" is a variance standing in for the figure; a bare "-3%" is a figure.
  if (variance !== undefined && !Number.isFinite(variance))
    return { kind: 'unreadable', text, why: `"${shortText(raw, 60)}" holds a number too large to use` };
  if (rest === '' && variance !== undefined && (marker || /variance/.test(lower)))
    return { kind: 'variance-only', text, statedVariance: variance, ...markerPart };
  const figureText = rest === '' && variance !== undefined ? lower : rest;

  // A figure, perhaps with a unit, a rate or words after it: "364", "90.2%", "22 per quarter", "1 delivered",
  // "82.51 per cent", "12 Days", "11 wks", and a second figure in brackets: "41 (63%)", "5.8% (1720)".
  const { alternative, rest: figureAlone } = takeBracketedFigure(figureText);
  // "£0.7m" is seven hundred thousand and "5k" five thousand, as targets read them; the "m" of "7 mins" is a unit.
  const m = /^(£)?\s*([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?|[+-]?\.\d+)\s*(%|(?:k|m)(?![a-z])|per ?cent\b)?\s*(.*)$/.exec(
    figureAlone,
  );
  if (m) {
    let value = Number(m[2]!.replace(/,/g, ''));
    if (!Number.isFinite(value) || Math.abs(value) > 1e15)
      return { kind: 'unreadable', text, why: `"${shortText(raw, 60)}" holds a number too large to use` };
    if (m[3] === 'k') value *= 1000;
    if (m[3] === 'm') value *= 1_000_000;
    // "1.7 million" is the number written out; "29.7 per cent." ends its sentence.
    const scale = takeScaleWord(m[4]!);
    value *= scale.factor;
    const words = scale.rest.trim().replace(/^\.$/, '');
    const rate = RATE_WORDS.find(([pattern]) => pattern.test(words));
    const statedPart = figureText === rest ? varPart : {};
    const alternativePart = alternative ? { alternative } : {};
    if (rate) return { kind: 'rate', text, value, per: rate[1], ...markerPart, ...statedPart };
    const timeUnit = timeUnitOfWord(words);
    const unitPart =
      m[3] === '%' || m[3]?.startsWith('per')
        ? { unit: 'percent' as const }
        : m[1]
          ? { unit: 'money' as const }
          : timeUnit
            ? { unit: timeUnit }
            : {};
    if (words === '' || /^[a-z][a-z' ()-]{0,60}$/.test(words)) {
      const notePart = words && !timeUnit ? { note: words } : {};
      return { kind: 'number', text, value, ...unitPart, ...markerPart, ...statedPart, ...notePart, ...alternativePart };
    }
  }
  // "Performance at 99.31% is slightly short of 100% target…" (Cheshire West): a result written as a
  // sentence whose opening words state the figure.
  const stated = STATED_FIGURE.exec(lower);
  // "Performance is 0.5% above target", "4 days better than target": a gap or a change, not the result.
  if (stated && !COMPARED.test(lower.slice(stated[0].length))) {
    const figure = parseActualText(stated[1]!);
    if (figure.kind === 'number') return { ...figure, text, fromSentence: true };
  }
  if (IN_PROGRESS.test(lower)) return { kind: 'in-progress', text };
  if (NOT_ACHIEVED.test(lower)) return { kind: 'not-achieved', text };
  if (ACHIEVED.test(lower)) {
    const note = normal.replace(/^[^-–:]*[-–:]\s*/, '');
    return { kind: 'achieved', text, ...(note && note !== normal ? { note } : {}) };
  }
  const date = readDate(lower.replace(/^(completed|done|delivered)\s+(on\s+)?/, ''));
  if (date) return { kind: 'date', text, date };
  return {
    kind: 'unreadable',
    text,
    why: `"${shortText(raw, 60)}" is not a figure or a word KPI Tracker knows (such as Achieved, On going or TBC)`,
  };
}

type NumberActual = Extract<Actual, { kind: 'number' }>;

/**
 * A figure read from a number cell. Its text is the cell as Excel shows it ("90.2%", "£84,396"),
 * written out only when asked for: a run reads every period's figure but shows few of their texts.
 * Cells never change once read, so the text is the same whenever it is asked for.
 */
class FigureInCell implements NumberActual {
  readonly kind = 'number';
  // Not a field of the reading: kept out of its keys, so it looks like any other actual.
  readonly #cell: Cell;

  constructor(
    cell: Cell,
    readonly value: number,
    readonly unit: 'percent' | 'money' | undefined,
  ) {
    this.#cell = cell;
  }

  /** A fraction formatted as a percentage (0.902 shown as 90.2%), already scaled. */
  get fromPercentFormat(): boolean | undefined {
    return this.unit === 'percent' || undefined;
  }

  get text(): string {
    return cellText(this.#cell);
  }

  /** The reading as a plain actual, written out as every other reading is. */
  toJSON(): NumberActual {
    return {
      kind: 'number',
      text: this.text,
      value: this.value,
      ...(this.unit ? { unit: this.unit, ...(this.fromPercentFormat ? { fromPercentFormat: true } : {}) } : {}),
    };
  }
}

// Officers type the same words in period after period ("TBC", "Achieved", "75%"): each is read once.
const readActualText = memoByText(parseActualText);

function actualFromNumber(cell: Cell, value: number): Actual {
  switch (numberFormatKind(cell.format)) {
    case 'percent':
      return new FigureInCell(cell, roundFloat(value * 100), 'percent');
    case 'date':
      return { kind: 'date', text: cellText(cell), date: dateFromSerial(value) };
    case 'money':
      return new FigureInCell(cell, value, 'money');
    case 'plain':
      return new FigureInCell(cell, value, undefined);
  }
}

export function parseActualCell(cell: Cell): Actual {
  const value = cell.value;
  switch (value.kind) {
    case 'empty':
      return { kind: 'no-data', text: '', why: 'the cell is blank' };
    case 'error':
      return { kind: 'no-data', text: value.code, why: `the cell shows the error ${value.code}` };
    case 'boolean':
      return value.value ? { kind: 'achieved', text: 'TRUE' } : { kind: 'not-achieved', text: 'FALSE' };
    case 'date':
      return { kind: 'date', text: cellText(cell), date: dateFromSerial(value.serial) };
    case 'number':
      return actualFromNumber(cell, value.value);
    case 'text':
      return readActualText(value.value);
  }
}
