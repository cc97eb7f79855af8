import type { Cell } from '../model/workbook';
import { isDateFormat, isMonthOnlyFormat } from '../model/cell-text';
import { memoByText } from '../model/memo';
import { parsePeriodLabel } from '../periods/parse-period-label';
import { SHARE_IN_TIME } from '../engine/parse-target';
import { readStatusWord } from '../engine/status-words';
import { REFERENCE_PATTERN } from './reference-pattern';
import type { SheetGrid } from './sheet-grid';

/**
 * What a cell of a table's body holds, judged from its value alone: detection reads a column's
 * role from its values as well as its header ("a column of Red / Amber / Green is a status column
 * whatever it is called"), so tables whose headings name a landlord or an area are still read.
 */
export type ValueKind =
  /** A figure: a number cell, or text such as `58.5%`, `£1,334`, `12 Days`, `4m 40s`, `77.3% (330)`. */
  | 'figure'
  /** A figure's stand-in: `N/A`, `TBC`, `..`, `[c]`, `-`, "Information not available". */
  | 'no-data'
  /** A rating: Red/Amber/Green, G/A/R, "On target", "target not met", a happy or sad face, a tick. */
  | 'status'
  /** Which way is better: Up/Down, ▲/▼, "Higher is better". */
  | 'polarity'
  /** A period label: `Q2 2024/25`, `Dec 2023`. */
  | 'period'
  /** A short reference: `01`, `PMF-01`, `TP01`, `BV66a`. */
  | 'code'
  /** A target in words: `Max. 2.0% of gross rent`, `≥ 95%`, `Target: 70%`, `More than 95%`, `15% by 2007–08`, `90 in 10 days`. */
  | 'target'
  /** Words: a measure's name, a comment. */
  | 'words'
  /** A date (not shown as a month). */
  | 'date';

const NO_DATA_WORDS =
  /^(n\/?a|na|nil|none|tbc|tbd|tba|to be confirmed|pending|awaited|\.\.|\[[a-z]\]|-+|–|—|\?+|x|not (yet )?available|not available|information not available|data not (yet )?available|no data|not reported|not collected|not applicable|new( kpi| measure| indicator)?|measured (annually|twice per year|twice a year|six[- ]monthly|yearly|quarterly)|annual measure|n\/a\s*[-–]\s*.*|not yet (due|reported|validated)|data not yet validated)$/i;

/** `58.5%`, `£1,334`, `1,234.5`, `12 Days`, `15.41 days`, `4m 40s`, `4 minutes 22 seconds`, `77.3% (330)`, `41 (63%)`, `82.51 per cent`. */
const FIGURE_TEXT =
  /^[<>≤≥~]?\s*[+-]?(£|\$)?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*(%|per ?cent|k|m|p|\(p\)|\(r\)|\*+|million|billion|bn|thousand)?\s*(\*+|p|\(p\)|\(r\)|provisional)?\s*(\(\s*[£]?\d[\d,.]*\s*%?\s*\)|(working |calendar )?days?|wks?|weeks?|hours?|hrs?|mins?|minutes?|secs?|seconds?|months?|years?|per \w+( \w+)?|pa|p\.a\.)?\s*(\*+)?$/i;
const DURATION_TEXT = /^(\d+\s*(h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\s*)+$|^\d{1,2}:\d{2}(:\d{2})?$/i;

const TARGET_PHRASE =
  /^(target\s*[:=-]|(at least|no less than|no more than|not more than|more than|less than|fewer than|greater than|minimum( of)?|maximum( of)?|min\.?|max\.?|a minimum of|a maximum of|within|below|above|under|over|up to|maintain|reduce|increase|improve|top quartile|upper quartile|at or above|at or below|national average|[<>≤≥]=?)\s*\S|\d[\d,.]*\s*%?\s*\+(\s+of\b.*)?$|\d[\d,.]*\s*%\s+of\s+\w|\d[\d,.]*\s*%?\s+by\s+(the\s+)?(end\s+of\s+)?([a-z]+\s+)?(19|20)\d{2}\b|(average|on average|minimum( of)?|maximum( of)?)\s+\d[\d,.]*\s+times\s+(per|a|each)\s+(annum|year|quarter|month|week)$)/i;

/**
 * A whole cell saying which way is better ("Up", "▼", "Higher is better", "Good is low"), not
 * words that begin alike ("Upper quartile").
 */
const POLARITY_PHRASE =
  /^(polarity:?\s*)?(higher|lower|high|low|up|down|↑|↓|▲|▼|△|▽|increase|decrease|reduce|bigger|smaller|maximi[sz]e|minimi[sz]e)( (is|are) (better|best|good))?$|^good is (high|low|higher|lower)$/i;

function kindOfText(text: string): ValueKind {
  // A dagger marks a footnote ("198†"), as an asterisk does.
  const t = text.trim().replace(/[†‡]+$/, '');
  if (NO_DATA_WORDS.test(t)) return 'no-data';
  if (readStatusWord(t) !== undefined) return 'status';
  if (/\d/.test(t) && (FIGURE_TEXT.test(t) || DURATION_TEXT.test(t))) return 'figure';
  if ((TARGET_PHRASE.test(t) && /\d|maintain|reduce|increase|improve|quartile|average/i.test(t)) || SHARE_IN_TIME.test(t)) return 'target';
  if (POLARITY_PHRASE.test(t)) return 'polarity';
  if (t.length <= 40 && parsePeriodLabel(t) !== undefined) return 'period';
  if (t.length <= 12 && REFERENCE_PATTERN.test(t)) return 'code';
  return 'words';
}

// Columns repeat their words row after row ("N/A", "Green", "happy face"): each is read once.
const textKind = memoByText(kindOfText);

export function valueKind(cell: Cell): ValueKind | undefined {
  const value = cell.value;
  switch (value.kind) {
    case 'empty':
      return undefined;
    case 'number':
      if (isMonthOnlyFormat(cell.format)) return 'period';
      return isDateFormat(cell.format) ? 'date' : 'figure';
    case 'date':
      return isMonthOnlyFormat(cell.format) ? 'period' : 'date';
    case 'boolean':
      return 'status';
    case 'error':
      return 'no-data';
    case 'text':
      return value.value.trim() === '' ? undefined : textKind(value.value);
  }
}

/** What a column's body holds: how many of its cells are of each kind, and how long its words run. */
export interface ColumnProfile {
  readonly col: number;
  readonly filled: number;
  readonly counts: Readonly<Record<ValueKind, number>>;
  /** Average length of its text, figures included as written. */
  readonly averageLength: number;
  /** Distinct texts among its cells (up to 20), for the words a workbook uses for its statuses. */
  readonly samples: readonly string[];
}

export function profileColumn(grid: SheetGrid, col: number, rows: readonly number[]): ColumnProfile {
  const counts: Record<ValueKind, number> = {
    figure: 0,
    'no-data': 0,
    status: 0,
    polarity: 0,
    period: 0,
    code: 0,
    target: 0,
    words: 0,
    date: 0,
  };
  let filled = 0;
  let length = 0;
  const samples = new Set<string>();
  for (const row of rows) {
    const cell = grid.cell(row, col);
    const kind = valueKind(cell);
    if (kind === undefined) continue;
    filled++;
    counts[kind]++;
    const text = grid.text(row, col);
    length += text.length;
    if (samples.size < 20) samples.add(text);
  }
  return { col, filled, counts, averageLength: filled ? length / filled : 0, samples: [...samples] };
}

/** Share of a column's filled cells of the given kinds (0 when it has none). */
export function shareOf(profile: ColumnProfile, ...kinds: ValueKind[]): number {
  if (profile.filled === 0) return 0;
  let n = 0;
  for (const kind of kinds) n += profile.counts[kind];
  return n / profile.filled;
}

/** A column of figures: mostly figures (or their stand-ins), with at least one real figure. */
export function holdsFigures(profile: ColumnProfile): boolean {
  return profile.counts.figure >= 1 && shareOf(profile, 'figure', 'no-data') >= 0.6;
}

/** A column of ratings: mostly status words, at least two of them. */
export function holdsStatuses(profile: ColumnProfile): boolean {
  return profile.counts.status >= 2 && shareOf(profile, 'status', 'no-data') >= 0.7 && profile.counts.status >= profile.counts['no-data'];
}

/** A column naming the measures: words, long enough to be a name rather than a code or a rating. */
export function holdsNames(profile: ColumnProfile): boolean {
  return profile.counts.words >= 1 && shareOf(profile, 'words', 'target') >= 0.6 && profile.averageLength >= 8;
}

/** A column of short references. */
export function holdsCodes(profile: ColumnProfile): boolean {
  return profile.counts.code >= 2 && shareOf(profile, 'code') >= 0.7 && profile.averageLength <= 10;
}

export function holdsTargets(profile: ColumnProfile): boolean {
  return (
    profile.counts.target >= 1 && shareOf(profile, 'target', 'figure', 'no-data') >= 0.7 && profile.counts.target * 3 >= profile.filled
  );
}

/** Words that name something measured: a share, a count, a time, a service's output. */
export const MEASURE_WORDS =
  /%|per ?cent|percentage|proportion|number|\bno\.? ?of\b|\bjobs?\b|overdue|outstanding|\brate\b|average|\bmean\b|median|\btotal\b|\btime|\bdays?\b|weeks?\b|hours?\b|minutes?\b|satisf|complain|collect|arrears|respon|within|quartile|\bgap\b|\bwait|\bcases?\b|incident|visits?\b|\bcalls?\b|application|repairs?\b|\bhomes?\b|household|tenan|customer|patient|\bstaff|\bpay\b|bonus|spend|\bcost|income|\brent\b|\bvoids?\b|\blet\b|relet|re-let|\bfires?\b|death|injur|crime|offen|score|index|count|volume|\blevel|achieved|completed|delivered|prevent|recycl|waste|missed|sickness|absence|attendance|enquir|referral|treat|admission|discharge|appointment|inspection|decision|determin|emails?\b|letters?\b|visitors?|reception|\bbins?\b|recovered|processed|paid|issued|answered|resolved|turnover|surplus|deficit|\binterest\b|borrowing|gearing|\bmargin|ebitda|investment|\bdebt\b|reserves|liquidity|headroom|expenditure|\bbudget|savings/i;
