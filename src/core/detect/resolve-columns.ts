import { columnLetter } from '../model/address';
import { periodLabel } from '../periods/period';
import { periodInText } from '../periods/parse-period-label';
import { parseTargetText } from '../engine/parse-target';
import { COMPARATOR_HEADER, normaliseHeader, type HeaderGuess } from './header-lexicon';
import {
  holdsCodes,
  holdsFigures,
  holdsNames,
  holdsStatuses,
  holdsTargets,
  profileColumn,
  shareOf,
  valueKind,
  type ColumnProfile,
} from './column-values';
import type { SheetGrid } from './sheet-grid';
import { whatAShareCounts } from './shares-and-counts';
import type { ColumnMapping, ColumnRole } from './types';
import { issue, type Issue } from '../model/issue';

/** A column of a candidate table: its header as written and what the header's words say, if anything. */
export interface HeaderCell {
  readonly col: number;
  readonly header: string;
  readonly guess: HeaderGuess | undefined;
}

export interface Resolved {
  readonly columns: ColumnMapping[];
  readonly doubts: Issue[];
}

/** Roles a header may wrongly give a column that in fact names the measures. */
const NAMEABLE: ReadonlySet<ColumnRole> = new Set(['target', 'benchmark', 'actual', 'previous', 'rank', 'count', 'reportingPeriod']);

/** Roles whose values a column of figures can hold. */
const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set([
  'actual',
  'target',
  'baseline',
  'count',
  'metShare',
  'notMetShare',
  'ratingShare',
  'previous',
  'benchmark',
  'rank',
  'longTermTarget',
  'tolerance',
  'rating',
  'variance',
  'forecast',
  'otherAnswers',
]);

function examples(profile: ColumnProfile): string {
  return profile.samples
    .slice(0, 3)
    .map((text) => `"${text.length > 24 ? `${text.slice(0, 23)}…` : text}"`)
    .join(', ');
}

function column(cell: HeaderCell, role: ColumnRole, confidence: number, reason: string, guess?: HeaderGuess): ColumnMapping {
  return {
    col: cell.col,
    header: cell.header,
    role,
    confidence,
    reason,
    ...(guess?.period ? { period: guess.period } : {}),
    ...(guess?.rating ? { rating: guess.rating } : {}),
  };
}

/**
 * The widest run of empty columns read as a spacer inside one table (setting its figures apart
 * from its names) rather than a gap between two tables.
 */
export const MAX_SPACER = 2;

/** The body rows a table's columns are read from: under the header, up to the first blank row (at most 60). */
export function bodyRowsBelow(grid: SheetGrid, headerBottom: number, stopBefore: number): number[] {
  const rows: number[] = [];
  for (let r = headerBottom + 1; r < Math.min(stopBefore, grid.rows) && rows.length < 60; r++) {
    if (grid.isBlankRow(r)) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(r);
  }
  return rows;
}

const NATION = /^(england|wales|scotland|northern ireland|uk|great britain)$/;

/** Words that only a trend says: a polarity column never reads "No change". */
const TREND_ONLY = /^(no change|unchanged|same|stable|static|no movement)$/i;

/** Words for which way a figure moved since the time before. */
const MOVEMENT =
  /^(improved|improving|declined|declining|deteriorated|worsened|worse|better|maintained|stable|no change|unchanged|same|static|up|down)$/i;

/** A column's filled body cells, as their text reads. */
function filledTexts(grid: SheetGrid, col: number, rows: readonly number[]): string[] {
  return rows.map((r) => grid.text(r, col).trim()).filter(Boolean);
}

/** Whether every filled body cell of a column says only which way the figure moved ("Improved", "Declined"). */
function onlyMovements(grid: SheetGrid, col: number, rows: readonly number[]): boolean {
  const filled = filledTexts(grid, col, rows);
  return filled.length >= 2 && filled.every((text) => MOVEMENT.test(text.replace(/[.!]+$/, '')));
}

/** "Similar to last year", "Better than the previous quarter", "Worse than same period last year". */
const COMPARED_WITH_BEFORE =
  /^(similar|same|better|worse|higher|lower|improved|improving|declined|declining|deteriorated|up|down|in line)\b.{0,30}\b(last|previous|the previous|prior) (year|quarter|month|period)$/i;

/** Whether most filled body cells of a column compare the figure with an earlier period's. */
function comparesWithBefore(grid: SheetGrid, col: number, rows: readonly number[]): boolean {
  const filled = filledTexts(grid, col, rows);
  return (
    filled.length > 0 && filled.filter((text) => COMPARED_WITH_BEFORE.test(text.replace(/[.!]+$/, ''))).length * 3 >= filled.length * 2
  );
}

/** Whether any body cell of a column reads as `pattern`. */
function profileHoldsText(grid: SheetGrid, col: number, rows: readonly number[], pattern: RegExp): boolean {
  return rows.some((r) => pattern.test(grid.text(r, col).trim()));
}

/** Whether every filled body cell of a column is a yes or a no ("Yes", "N"). */
function onlyYesOrNo(grid: SheetGrid, col: number, rows: readonly number[]): boolean {
  return rows.every((r) => /^(yes|no|y|n)?$/i.test(grid.text(r, col).trim()));
}

/**
 * Whether this target column fills the rows other, filled, target columns leave empty
 * ("MinTarget | MaxTarget | TargetResult"), and never a row they fill.
 */
function targetsOnOtherRows(grid: SheetGrid, col: number, roles: ReadonlyMap<number, ColumnMapping>, rows: readonly number[]): boolean {
  const others = [...roles.values()].filter((mapping) => mapping.role === 'target' && mapping.col !== col);
  // A lone target column of sentences is still the commentary it always was.
  if (!others.some((other) => rows.some((r) => grid.filledCell(r, other.col)))) return false;
  return rows.every((r) => !grid.filledCell(r, col) || others.every((other) => !grid.filledCell(r, other.col)));
}

/** A heading that names a share: "% in time", "Percentage within timescale", "Upheld (%)". */
const SHARE_HEADING = /^(%|percentage|per ?cent|proportion|share)(?=\s|$)|\(%\)$|\s%$/;

/** Whether every filled body cell of a column is a whole number of things (no share, no date). */
function holdsWholeNumbers(grid: SheetGrid, col: number, rows: readonly number[]): boolean {
  let seen = 0;
  for (const r of rows) {
    const cell = grid.cell(r, col);
    if (cell.value.kind === 'empty') continue;
    if (cell.value.kind !== 'number' || !Number.isInteger(cell.value.value) || cell.value.value < 0) return false;
    if (cell.format?.includes('%') || valueKind(cell) !== 'figure') return false;
    seen++;
  }
  return seen > 0;
}

/**
 * "Decisions | Within 13/8 weeks | % in time | Target", "Received | Closed | Closed within
 * timescale | % within timescale": where a share stands among columns of the same period, the
 * whole numbers beside it are the counts it is worked out from, never the figure judged (before,
 * 23 decisions was read as 23% against a 60% target). Counted "Received" and "Closed" are no
 * case list's dates.
 */
function countsBesideTheShare(
  grid: SheetGrid,
  cells: readonly HeaderCell[],
  roles: Map<number, ColumnMapping>,
  bodyRows: readonly number[],
): void {
  // Headings that name no period ("Decisions", "% compliant") share the one the title gives.
  const periodOf = (mapping: ColumnMapping): string => (mapping.period && periodInText(mapping.header) ? periodLabel(mapping.period) : '');
  const shares = [...roles.values()].filter(
    (mapping) =>
      mapping.role === 'actual' && SHARE_HEADING.test(normaliseHeader(mapping.header)) && !holdsWholeNumbers(grid, mapping.col, bodyRows),
  );
  if (shares.length === 0) return;
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (!mapping || shares.includes(mapping)) continue;
    const counted =
      (mapping.role === 'actual' && shares.some((share) => periodOf(share) === periodOf(mapping))) ||
      mapping.role === 'caseStart' ||
      mapping.role === 'caseEnd';
    if (!counted || SHARE_HEADING.test(normaliseHeader(mapping.header)) || !holdsWholeNumbers(grid, cell.col, bodyRows)) continue;
    // "Female" beside "Female %" is the share's own part, left alone and said (see shares-and-counts).
    if (shares.some((share) => whatAShareCounts(share.header) === normaliseHeader(mapping.header))) continue;
    roles.set(
      cell.col,
      column(
        cell,
        'count',
        0.8,
        `it holds counts (${examples(profileColumn(grid, cell.col, bodyRows))}) beside the share "${shares[0]!.header}"`,
      ),
    );
  }
}

/**
 * "3-year average (Q3) | Target" over "104 | Below 3-year average", "MSG average" beside "Below MSG
 * average": a column the targets name is the comparator they are held against, never a second
 * figure of the period.
 */
function comparatorsTheTargetsName(grid: SheetGrid, roles: Map<number, ColumnMapping>, bodyRows: readonly number[]): void {
  // Headings first, which cost nothing: every comparator a target names is an average, a median
  // or a mean, and most tables have no such column to look for.
  const candidates = [...roles.values()].filter(
    (mapping) => (mapping.role === 'actual' || mapping.role === 'previous') && /\b(average|median|mean)\b/i.test(mapping.header),
  );
  if (candidates.length === 0) return;
  const comparators = new Set<string>();
  for (const mapping of roles.values()) {
    if (mapping.role !== 'target') continue;
    for (const r of bodyRows) {
      const text = grid.text(r, mapping.col).trim();
      if (!/[a-z]/i.test(text)) continue;
      const target = parseTargetText(text);
      if (target.kind === 'benchmark') comparators.add(target.comparator);
    }
  }
  if (comparators.size === 0) return;
  for (const mapping of candidates) {
    const col = mapping.col;
    const heading = normaliseHeader(mapping.header);
    const named = [...comparators].find((comparator) =>
      comparator
        .toLowerCase()
        .split(' ')
        .every((word) => heading.includes(word)),
    );
    if (!named) continue;
    roles.set(col, {
      ...mapping,
      role: 'benchmark',
      confidence: 0.8,
      reason: `header "${mapping.header}" is the ${named} the targets name`,
    });
  }
}

const FIELD_NOT_READ = /^(is|has)_[a-z0-9_]+$|^[a-z0-9]+(_[a-z0-9]+)*_fr$/i;

/** A share done within the time allowed, named as such: "% of replies within target", "% in time". */
const SHARE_IN_TARGET_HEADING = /^(%|percentage|per ?cent|proportion) .*\b(with)?in (target|time|timescales?)$/;
/** A heading naming a time allowed: "Target set for reply (working days)", "Target time (hours)". */
const TIME_HEADING = /\b(target|standard) (time|set for \w+)\b|\((working |calendar )?(days|hours|weeks|minutes)\)$/;

/** A time allowed, as written: "24 hours", "7 days", "10 working days". */
const TIME_ALLOWED = /^\d+(\.\d+)?\s*(working |calendar )?(hours?|hrs|days?|weeks?|months?|minutes?|mins)$/i;

/**
 * "Priority | Target time | … | % in target | Target %" (a repairs report): beside a target for
 * the share, a column of times allowed ("24 hours", "7 days") defines the measure, and is not the
 * target its share is judged against.
 */
function timescalesBesideTheTarget(grid: SheetGrid, roles: Map<number, ColumnMapping>, bodyRows: readonly number[]): void {
  const targets = [...roles.values()].filter((mapping) => mapping.role === 'target' && !mapping.period);
  // "Target set for reply (working days) | … | % of replies within target" (the Cabinet Office's
  // correspondence tables): the share is counted against the time, which is no target for it.
  const shareInTarget = [...roles.values()].some(
    (mapping) => mapping.role === 'actual' && SHARE_IN_TARGET_HEADING.test(normaliseHeader(mapping.header)),
  );
  if (shareInTarget && targets.length === 1 && TIME_HEADING.test(normaliseHeader(targets[0]!.header))) {
    roles.delete(targets[0]!.col);
    return;
  }
  const allowsTime = (col: number): boolean => {
    const texts = filledTexts(grid, col, bodyRows);
    return texts.length > 0 && texts.every((text) => TIME_ALLOWED.test(text));
  };
  // "Plan" written once over "2 minutes | 90.00%" (Niagara EMS, its merge lost): the share under
  // the blank heading is the target, held within the time beside it.
  if (targets.length === 1 && allowsTime(targets[0]!.col)) {
    const time = targets[0]!;
    const share = roles.get(time.col + 1);
    const laterActual = [...roles.values()].some((mapping) => mapping.role === 'actual' && mapping.col > time.col + 1);
    const percentages = bodyRows.every((r) => grid.cell(r, time.col + 1).format?.includes('%'));
    if (share?.role === 'actual' && !share.header.trim() && laterActual && percentages) {
      roles.set(share.col, {
        ...share,
        role: 'target',
        confidence: 0.7,
        reason: `under "${time.header}" beside the time allowed, it holds the share to reach`,
      });
      roles.delete(time.col);
      return;
    }
  }
  if (targets.length < 2) return;
  const timescales = targets.filter((mapping) => allowsTime(mapping.col));
  if (timescales.length === 0 || timescales.length === targets.length) return;
  const shareJudged = [...roles.values()].some(
    (mapping) => mapping.role === 'actual' && bodyRows.some((r) => grid.cell(r, mapping.col).format?.includes('%')),
  );
  if (!shareJudged) return;
  for (const mapping of timescales) roles.delete(mapping.col);
}

/** Small whole numbers running down the first column (1, 2, 3, 5): the indicators' numbers. */
function holdsRowNumbers(grid: SheetGrid, col: number, rows: readonly number[]): boolean {
  let seen = 0;
  let previous = -Infinity;
  for (const r of rows) {
    const cell = grid.cell(r, col);
    if (cell.value.kind === 'empty') continue;
    // A comment row under an indicator ("COMMENTS: Strong performance …", Northumberland) is no row of the numbering.
    if (cell.value.kind === 'text' && grid.filledCount(r) === 1) continue;
    if (cell.value.kind !== 'number' || !Number.isInteger(cell.value.value) || cell.value.value < 0 || cell.value.value > 9999)
      return false;
    if (cell.value.value <= previous) return false;
    previous = cell.value.value;
    seen++;
  }
  return seen >= 2;
}

/**
 * Settles each column's role from its header's words and its values together. Words alone
 * decide where the values agree or say nothing; the values decide where the header says nothing
 * (a landlord's name over its figures, an unheaded column of references) or where the values
 * plainly contradict it (a "Status" column of "Up to date" beside a column of Red and Green).
 * Every decision taken from values is said in the column's reason; every overruled header is a doubt.
 */
export function resolveColumns(grid: SheetGrid, cells: readonly HeaderCell[], bodyRows: readonly number[]): Resolved {
  const doubts: Issue[] = [];
  const profiles = new Map(cells.map((cell) => [cell.col, profileColumn(grid, cell.col, bodyRows)]));
  const roles = new Map<number, ColumnMapping>();
  for (const cell of cells) {
    if (cell.guess) roles.set(cell.col, column(cell, cell.guess.role, cell.guess.confidence, cell.guess.reason, cell.guess));
  }
  const profile = (col: number): ColumnProfile => profiles.get(col)!;
  const roleOf = (col: number): ColumnRole | undefined => roles.get(col)?.role;

  // "Indicator | Description": two headers naming the measures, one over codes: that one is the reference.
  const describing = cells.filter((cell) => roleOf(cell.col) === 'description');
  if (describing.length > 1 && !cells.some((cell) => roleOf(cell.col) === 'reference')) {
    const codes = describing.find((cell) => holdsCodes(profile(cell.col)));
    if (codes)
      roles.set(
        codes.col,
        column(codes, 'reference', 0.8, `header "${codes.header}", and it holds short references (${examples(profile(codes.col))})`),
      );
  }

  // "Target | Achievement" over "92%", "113%": the share of the target achieved, shown, never the
  // figure judged nor a rating.
  for (const cell of cells) {
    if (roleOf(cell.col) !== 'status' || !/^achievement$/.test(normaliseHeader(cell.header))) continue;
    const own = profile(cell.col);
    if (holdsFigures(own) && !holdsStatuses(own))
      roles.set(cell.col, column(cell, 'variance', 0.8, `header "${cell.header}" over figures: the share of the target achieved`));
  }

  // A column the header calls an actual (or anything but a status) that holds ratings is the status column.
  const ratingColumns = cells.filter(
    (cell) =>
      holdsStatuses(profile(cell.col)) && !['description', 'commentary', 'keyActions', 'progress', 'due'].includes(roleOf(cell.col) ?? ''),
  );
  if (ratingColumns.length > 0) {
    for (const cell of cells) {
      if (roleOf(cell.col) !== 'status' || ratingColumns.includes(cell)) continue;
      const own = profile(cell.col);
      if (own.filled >= 2 && shareOf(own, 'status') < 0.3) {
        roles.delete(cell.col);
        doubts.push(
          issue(
            'status-column-holds-no-ratings',
            `Column ${columnLetter(cell.col)} "${cell.header}" holds ${examples(own)}, not ratings; the ratings are in column ${columnLetter(ratingColumns[0]!.col)}, which KPI Tracker takes as the status column.`,
          ),
        );
      }
    }
    // A trend coloured by the publisher ("Direction of Travel: Green") stays the trend where another
    // column of ratings is there to be the status (Northumberland: "Direction of Travel | Performance").
    const otherRatings = (cell: HeaderCell): boolean => ratingColumns.some((other) => other !== cell && roleOf(other.col) !== 'trend');
    // Yes and No are ratings only where nothing else is: beside a column headed as the status
    // ("Critical | … | Success", the NYC Comptroller's), they answer some other question.
    const statusByHeader = cells.some((cell) => cell.guess?.role === 'status' && cell.guess.confidence >= 1);
    // Before the measures' names, a column of Y flags ("SCC reported stat") marks which rows are
    // reported elsewhere: it rates nothing.
    const namesCol = [...roles.values()].find((mapping) => mapping.role === 'description')?.col;
    for (const cell of ratingColumns) {
      const was = roleOf(cell.col);
      if (was === 'status' || was === 'polarity') continue;
      if (was === undefined && statusByHeader && onlyYesOrNo(grid, cell.col, bodyRows)) continue;
      if (was === undefined && namesCol !== undefined && cell.col < namesCol && onlyYesOrNo(grid, cell.col, bodyRows)) continue;
      if (was !== undefined && was !== 'actual' && was !== 'trend') continue;
      if (was === 'trend' && otherRatings(cell)) continue;
      // A period's heading over ratings ("Q1 2024/25" over Green, Amber) is that period's rating.
      const period = was === 'actual' ? roles.get(cell.col)?.period : undefined;
      roles.set(cell.col, {
        ...column(cell, 'status', 0.8, `its values are ratings (${examples(profile(cell.col))})`),
        ...(period ? { period } : {}),
      });
      if (was === 'actual')
        doubts.push(
          issue(
            'ratings-under-figures-header',
            `Column ${columnLetter(cell.col)} "${cell.header}" holds ratings (${examples(profile(cell.col))}), so it is read as the status column, not as figures.`,
          ),
        );
    }
  }

  // "2018-19 | 2019-20" over "Achieved | -": where the periods' columns hold ratings and no
  // figures, a period with nothing in it yet is a rating still to give, not a figure missing.
  const periodColumns = cells.filter((cell) => roles.get(cell.col)?.period);
  if (
    periodColumns.some((cell) => roleOf(cell.col) === 'status') &&
    !periodColumns.some((cell) => roleOf(cell.col) === 'actual' && profile(cell.col).counts.figure > 0)
  )
    for (const cell of periodColumns) {
      const mapping = roles.get(cell.col)!;
      if (mapping.role === 'actual')
        roles.set(cell.col, {
          ...mapping,
          role: 'status',
          reason: `header "${cell.header}" beside other periods' ratings, with none given yet`,
        });
    }

  // "Red | Amber | Green | Actual" over "<75% | 75% - 84.9% | 85%+ | 79%": the bands of a rating
  // scheme beside the figure. Green is the target; Amber the near-miss band, Red the band beyond it.
  // A summary of RAG counts has no figure of its own beside them, and keeps its columns.
  const band = (word: string): HeaderCell | undefined => cells.find((cell) => normaliseHeader(cell.header) === word);
  const [red, amber, green] = [band('red'), band('amber'), band('green')];
  if (red && amber && green && cells.some((cell) => roleOf(cell.col) === 'actual' && ![red, amber, green].includes(cell))) {
    roles.set(green.col, column(green, 'target', 0.8, `header "${green.header}" beside "Red" and "Amber": the band that meets the target`));
    roles.set(amber.col, column(amber, 'tolerance', 0.8, `header "${amber.header}": the near-miss band`));
    roles.set(red.col, column(red, 'tolerance', 0.8, `header "${red.header}": the band that misses, read with Amber`));
  }

  // "Annual budget | Budget to date | Actual to date | Within budget?": with no target of its own,
  // a table's budget is what its figures are held to, the year to date's beside the year to date.
  const budgets = cells.filter((cell) => roleOf(cell.col) === 'benchmark' && /\bbudget\b/.test(normaliseHeader(cell.header)));
  if (budgets.length > 0 && !cells.some((cell) => roleOf(cell.col) === 'target')) {
    const toDate = budgets.find((cell) => /\b(to date|ytd)\b/.test(normaliseHeader(cell.header)));
    // Budgets dated year by year ("Budget 2017‐18 | … | Adopted Budget 2018‐19", a budget book's
    // workload measures) are each that year's planned figure.
    const dated = budgets.every((cell) => roles.get(cell.col)?.period?.kind === 'year');
    for (const cell of toDate ? [toDate] : dated ? budgets : budgets.slice(0, 1)) {
      const period = toDate ? ({ kind: 'ytd' } as const) : dated ? roles.get(cell.col)?.period : undefined;
      roles.set(cell.col, {
        ...column(cell, 'target', 0.8, `header "${cell.header}": with no target column, the budget is what the figures are held to`),
        ...(period ? { period } : {}),
      });
    }
  }

  // "Notes" over "Lower is better", "Higher is better": which way is better, said for each row.
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (mapping?.role !== 'commentary' || cells.some((other) => roleOf(other.col) === 'polarity')) continue;
    const own = profile(cell.col);
    if (own.counts.polarity < 2 || shareOf(own, 'polarity') < 0.7) continue;
    roles.set(cell.col, { ...mapping, role: 'polarity', confidence: 0.8, reason: `its values say which way is better (${examples(own)})` });
  }

  // "Current performance | Previous quarter | Direction | Status": a bare "Direction" after the
  // figures is their direction of travel, not which way is better (which stands with the measure).
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (mapping?.role !== 'polarity' || !/^(direction|travel)$/.test(normaliseHeader(cell.header))) continue;
    const figures = cells.filter((other) => ['actual', 'previous'].includes(roleOf(other.col) ?? ''));
    if (!cells.some((other) => roleOf(other.col) === 'previous') || figures.some((other) => other.col > cell.col)) continue;
    roles.set(cell.col, {
      ...mapping,
      role: 'trend',
      confidence: 0.8,
      reason: `header "${cell.header}" after the figures and the previous one`,
    });
  }

  // "Indicator | Latest period | Target | Actual" over "Q2 2024/25", "Sep 2024": a column of the
  // periods the figures beside it are for, though "Latest …" heads a figure as often.
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (mapping?.role !== 'actual' || mapping.period) continue;
    const own = profile(cell.col);
    const periods = own.counts.period + (/\bperiod\b/.test(normaliseHeader(cell.header)) ? own.counts.date : 0);
    if (periods < 2 || periods < own.filled * 0.7) continue;
    if (!cells.some((other) => other !== cell && roleOf(other.col) === 'actual' && holdsFigures(profile(other.col)))) continue;
    roles.set(cell.col, {
      ...mapping,
      role: 'reportingPeriod',
      confidence: 0.8,
      reason: `header "${cell.header}", and its values are periods (${examples(own)})`,
    });
  }

  // "Measure | Target | Achieved" over percentages: "Achieved" heads the figures achieved, not a
  // rating (Ashford and St Peter's), where no other column holds them.
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (mapping?.role !== 'status' || [...roles.values()].some((c) => c.role === 'actual')) continue;
    const own = profile(cell.col);
    if (own.filled < 2 || shareOf(own, 'status') > 0 || !holdsFigures(own)) continue;
    roles.set(cell.col, {
      ...mapping,
      role: 'actual',
      confidence: 0.8,
      reason: `header "${cell.header}", and its values are figures (${examples(own)})`,
    });
  }

  // "Aim" over figures is the aim itself, the target (Warwickshire's "Actuals … | Aim | Year to
  // date"); over "Up" and "Down" it says which way is better.
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (
      mapping?.role !== 'polarity' ||
      !/^aims?( \d{4}([/-]\d{2,4})?)?$/.test(normaliseHeader(cell.header)) ||
      [...roles.values()].some((c) => c.role === 'target')
    )
      continue;
    const own = profile(cell.col);
    if (own.filled < 2 || shareOf(own, 'polarity') > 0 || !(holdsFigures(own) || holdsTargets(own))) continue;
    roles.set(cell.col, {
      ...mapping,
      role: 'target',
      confidence: 0.8,
      reason: `header "${cell.header}", and its values are figures to reach (${examples(own)})`,
    });
  }

  // "Service standard | … | Target | Performance" (Transport Canada, the RCMP): beside a column
  // headed as the target, a "standard" over words names the service measured, not its target; a
  // header naming the measures further right over short words ("Metric" over "10 business days")
  // says how it is measured. Beside a column of the indicators' names, it stays the standard.
  const headedTarget = cells.some((cell) => roleOf(cell.col) === 'target' && /^targets?$/.test(normaliseHeader(cell.header)));
  const named = cells.find((cell) => roleOf(cell.col) === 'description');
  const namedCol = named === undefined ? Infinity : profile(named.col).averageLength < 20 ? named.col : -1;
  if (headedTarget) {
    const standard = cells.find(
      (cell) =>
        roleOf(cell.col) === 'target' &&
        cell.col < namedCol &&
        /\bstandards?$/.test(normaliseHeader(cell.header).replace(/_/g, ' ').replace(/ en$/, '')) &&
        holdsNames(profile(cell.col)),
    );
    if (standard)
      roles.set(
        standard.col,
        column(standard, 'description', 0.8, `header "${standard.header}" over words, beside a column headed as the target`),
      );
  }

  // The measures: the leftmost column of names, where no header named one. A header naming
  // something else over the names ("National standard" over "A&E: Trust overall") gives way to them.
  // A dataset's numeric keys ("service_id") are not its figures.
  const firstFigureCol = Math.min(
    ...cells
      .filter((cell) => holdsFigures(profile(cell.col)) && !['reference', 'reportingPeriod'].includes(roleOf(cell.col) ?? ''))
      .map((cell) => cell.col),
  );
  if (![...roles.values()].some((c) => c.role === 'description')) {
    const names = cells.find(
      (cell) =>
        (roleOf(cell.col) === undefined || NAMEABLE.has(roleOf(cell.col)!)) && holdsNames(profile(cell.col)) && cell.col < firstFigureCol,
    );
    if (names) {
      const was = roles.get(names.col);
      roles.set(names.col, column(names, 'description', 0.7, `it holds the measures' names (${examples(profile(names.col))})`));
      if (was)
        doubts.push(
          issue(
            'names-under-other-header',
            `Column ${columnLetter(names.col)} "${names.header}" holds the measures' names, so it is read as the indicator column, not as ${was.role}.`,
          ),
        );
    }
  }
  const descriptionCol = [...roles.values()].find((c) => c.role === 'description')?.col;

  // "TSM Description | % | No. | Stock" (Tamworth): "No." right of the names, over figures, is a
  // number of things, not a reference.
  for (const cell of cells) {
    if (roleOf(cell.col) !== 'reference' || descriptionCol === undefined || cell.col < descriptionCol) continue;
    const own = profile(cell.col);
    if (!/^(no|nos|number)\.?$/.test(normaliseHeader(cell.header)) || !holdsFigures(own) || holdsCodes(own)) continue;
    roles.set(cell.col, column(cell, 'count', 0.8, `header "${cell.header}" right of the names, over figures (${examples(own)})`));
  }

  for (const cell of cells) {
    if (roles.has(cell.col)) continue;
    // A data set's flags ("is_reporting_discontinued") and its French fields ("actual_result_fr")
    // are never the figures, whatever their values.
    if (FIELD_NOT_READ.test(cell.header.trim())) continue;
    const own = profile(cell.col);
    if (own.filled === 0) continue;
    const leftOfNames = descriptionCol !== undefined && cell.col < descriptionCol;
    if (
      leftOfNames &&
      (holdsCodes(own) || holdsRowNumbers(grid, cell.col, bodyRows)) &&
      ![...roles.values()].some((c) => c.role === 'reference')
    ) {
      roles.set(cell.col, column(cell, 'reference', 0.7, `it holds short references (${examples(own)})`));
    } else if (
      descriptionCol !== undefined &&
      cell.col > descriptionCol &&
      holdsTargets(own) &&
      ![...roles.values()].some((c) => c.role === 'target')
    ) {
      roles.set(cell.col, column(cell, 'target', 0.7, `its values read as targets (${examples(own)})`));
    } else if (
      descriptionCol !== undefined &&
      cell.col > descriptionCol &&
      holdsFigures(own) &&
      COMPARATOR_HEADER.test(normaliseHeader(cell.header).replace(/[:()]/g, '').trim()) &&
      // A nation is a comparator only beside a column its heading makes the body's own figure
      // ("Dec-24", "Actual"): "England | Wales" alone are a landlord's two areas.
      (NATION.test(normaliseHeader(cell.header))
        ? cells.some((other) => other.guess?.role === 'actual' && roleOf(other.col) === 'actual')
        : [...roles.values()].some((c) => c.role === 'actual'))
    ) {
      roles.set(
        cell.col,
        column(
          cell,
          'benchmark',
          0.7,
          `header "${cell.header}" names a wider area to compare with, beside the column of the body's own figures`,
        ),
      );
    } else if (
      descriptionCol !== undefined &&
      cell.col > descriptionCol &&
      holdsFigures(own) &&
      /^(number|no\.?|total) (of )?\w/.test(normaliseHeader(cell.header)) &&
      cells.some((other) => other.guess?.role === 'actual' && roleOf(other.col) === 'actual')
    ) {
      // "Number of programs reporting" beside "Performance" (Transport Canada): how many the
      // figure covers, where a header names the figure itself.
      roles.set(cell.col, column(cell, 'count', 0.7, `header "${cell.header}" counts what the figure beside it covers`));
    } else if (descriptionCol !== undefined && cell.col > descriptionCol && holdsFigures(own)) {
      roles.set(cell.col, column(cell, 'actual', 0.7, `its values are figures (${examples(own)})`));
    } else if (descriptionCol !== undefined && cell.col > descriptionCol && shareOf(own, 'polarity') >= 0.7 && own.filled >= 2) {
      // "Increase | Decrease | No change" tells what happened, not which way is better.
      const happened = profileHoldsText(grid, cell.col, bodyRows, TREND_ONLY);
      roles.set(
        cell.col,
        happened
          ? column(cell, 'trend', 0.7, `its values say which way the figure moved (${examples(own)})`)
          : column(cell, 'polarity', 0.7, `its values say which way is better (${examples(own)})`),
      );
    } else if (descriptionCol !== undefined && cell.col > descriptionCol && comparesWithBefore(grid, cell.col, bodyRows)) {
      // "Similar to last year", "Better than last quarter" (LiveWest's tenant satisfaction measures):
      // the publisher's own direction of travel, never a column to write comments into.
      roles.set(cell.col, column(cell, 'trend', 0.7, `its values compare the figure with an earlier one (${examples(own)})`));
    } else if (descriptionCol !== undefined && cell.col > descriptionCol && shareOf(own, 'words') >= 0.6 && own.averageLength >= 20) {
      if (![...roles.values()].some((c) => c.role === 'commentary'))
        roles.set(cell.col, column(cell, 'commentary', 0.6, `it holds sentences (${examples(own)})`));
    }
  }

  // "Mean | Median" as the first columns of figures (a gender pay gap report) are two measures of
  // the same pay, both the body's own figures; beside a council's own value ("Our value | Mean |
  // Median"), or alone beside an actual, a median stays a benchmark.
  const firstFigures = cells.find((cell) => cell.col > (descriptionCol ?? -1) && holdsFigures(profile(cell.col)));
  const meanCol = firstFigures && /^mean\b/.test(normaliseHeader(firstFigures.header)) ? firstFigures : undefined;
  for (const cell of cells) {
    const mapping = roles.get(cell.col);
    if (!meanCol || mapping?.role !== 'benchmark' || !/^median\b/.test(normaliseHeader(cell.header))) continue;
    if (!holdsFigures(profile(cell.col))) continue;
    roles.set(
      cell.col,
      column(cell, 'actual', 0.7, `header "${cell.header}" beside "${meanCol.header}": two measures of the same figures`),
    );
  }

  // "Aim" over "Reduce | Increase | 90%": a polarity heading over figures holds the targets, each
  // aim a change to judge against the figure before (a police and crime plan's scorecard).
  for (const [col, mapping] of roles) {
    if (mapping.role !== 'polarity') continue;
    const own = profile(col);
    if (own.counts.figure + own.counts.target === 0) continue;
    // A polarity coded as numbers (1 and -1) stays a polarity.
    if (bodyRows.every((r) => valueKind(grid.cell(r, col)) !== 'figure' || /^[+-]?[01]$/.test(grid.text(r, col).trim()))) continue;
    roles.set(col, { ...mapping, role: 'target', confidence: 0.8, reason: `${mapping.reason}, but it holds targets (${examples(own)})` });
  }
  countsBesideTheShare(grid, cells, roles, bodyRows);
  comparatorsTheTargetsName(grid, roles, bodyRows);
  timescalesBesideTheTarget(grid, roles, bodyRows);

  // A header that names figures over a column of words is no actual: "Quarter 4 Result" over sentences stays an actual
  // only if some of it is a figure.
  for (const [col, mapping] of roles) {
    if (!FIGURE_ROLES.has(mapping.role) || mapping.role === 'rating') continue;
    // A target in words ("Continue downward trend in accident rate") on the rows the other target
    // columns leave empty is the rows' target (the Transportation Safety Board's results): read, or
    // said to be unreadable. Beside a target on the same row ("Standard | Target"), it describes.
    if (mapping.role === 'target' && targetsOnOtherRows(grid, col, roles, bodyRows)) continue;
    const own = profile(col);
    if (own.filled >= 3 && own.counts.figure === 0 && own.counts.target === 0 && shareOf(own, 'words') >= 0.8 && own.averageLength >= 30) {
      roles.set(col, { ...mapping, role: 'commentary', reason: `${mapping.reason}, but it holds sentences, not figures` });
    } else if (mapping.role === 'actual' && own.counts.figure === 0 && onlyMovements(grid, col, bodyRows)) {
      // "Performance" over "Improved | Declined" (a Scottish landlord's charter report card): the
      // publisher's direction of travel, never a figure.
      roles.set(col, { ...mapping, role: 'trend', reason: `${mapping.reason}, but it says which way the figure moved (${examples(own)})` });
    }
  }
  countIsTheFigure(roles, profile);
  return { columns: [...roles.values()].sort((a, b) => a.col - b.col), doubts };
}

/**
 * "Infection | Limit | Cases" (an NHS trust's infections against their limits): with a target and no
 * other figure, the one count of figures is what the target is held to, not a count beside a share.
 */
function countIsTheFigure(roles: Map<number, ColumnMapping>, profile: (col: number) => ColumnProfile): void {
  const mappings = [...roles.values()];
  if (mappings.some((mapping) => mapping.role === 'actual') || !mappings.some((mapping) => mapping.role === 'target')) return;
  const counts = mappings.filter((mapping) => mapping.role === 'count' && holdsFigures(profile(mapping.col)));
  if (counts.length !== 1) return;
  const count = counts[0]!;
  roles.set(count.col, {
    ...count,
    role: 'actual',
    confidence: 0.8,
    reason: `${count.reason}: with a target and no other figure, the count is what the target is held to`,
  });
}
