import type { Detection, DetectedTable } from '../detect/types';
import type { IndicatorVerdict } from '../engine/indicator-verdict';
import type { Status } from '../engine/target-types';
import { judgedFigures, type JudgedFigures } from '../engine/judged-figures';
import { cellAddress, columnLetter, parseCellAddress, quoteSheetName, rangeAddress } from '../model/address';
import { cellText } from '../model/cell-text';
import { cellAt, findSheet, type Cell, type Sheet, type Workbook } from '../model/workbook';
import { parsePeriodLabel } from '../periods/parse-period-label';
import { readStatusWord } from '../engine/status-words';
import { comparePeriods, financialMonthSpan, periodLabel, type Period } from '../periods/period';
import type { SeenCommentary, Settings } from '../settings/settings-schema';
import { SETTINGS_SHEET, settingsCells } from '../settings/settings-store';
import { changeLogSheet, CHANGE_LOG_SHEET } from './change-log';
import { DEFAULT_TEMPLATES, fillTemplate, type TemplateField } from './commentary-template';
import { fingerprint } from './fingerprint';
import { verdictWithoutFigure } from './no-figure-verdict';
import { cellKey, WrittenCells } from './written-cells';
import { planValueText, textValue, type CellEdit, type Notice, type OwnedSheet, type Plan, type PlanValue } from './plan-types';
import {
  chooseColours,
  chooseLabels,
  familyLabels,
  isKnownStatusText,
  knownStatusTexts,
  type StatusColours,
  type StatusLabels,
} from './status-style';
import { issue, type Issue, type IssueCode } from '../model/issue';
import { commentaryColumn } from '../engine/table-columns';
import { ratingsByPeriod, statusColumnsToWrite, statusColumnToWrite } from '../engine/published-rating';

export interface RecalcOptions {
  /** Judge and write this period (a label such as `Q2 2024/25`); default: each indicator's latest period with data. */
  readonly period?: string;
  /** When the run happens, for the change log (ISO date and time). */
  readonly now: string;
  /** What was run, for the change log ("recalc", "pack"). */
  readonly command: string;
}

/** The verdict a status cell shows, and the commentary written for it. */
export interface ChosenVerdict {
  readonly verdict: IndicatorVerdict;
  readonly commentary: string | null;
  readonly statusLabel: string;
  readonly statusColour: string;
  /** The judged figures, where the commentary template needed them: the sheets read them rather than work them out again. */
  readonly figures: JudgedFigures | undefined;
  /**
   * The officer's own commentary for the indicator, as `officerCommentary` tells it from the saved
   * fingerprints (planning looks at the commentary cell anyway): null where the cell is empty or
   * holds KPI Tracker's words; undefined where planning did not look at the cell (a signed-off
   * period, a cell under another's merge).
   */
  readonly officerCommentary: string | null | undefined;
}

export interface PlanParts {
  readonly edits: readonly CellEdit[];
  readonly notices: readonly Notice[];
  readonly refusals: readonly Issue[];
}

export interface RecalcResult {
  /** The cell edits, notes and refusals; `finalisePlan` turns them into a plan. */
  readonly parts: PlanParts;
  /** Refusals that stop any run, not only one that writes statuses (a mapping that no longer fits). */
  readonly mappingRefusals: readonly Issue[];
  readonly chosen: readonly ChosenVerdict[];
  readonly settings: Settings;
  readonly labels: StatusLabels;
  readonly colours: StatusColours;
}

const DIRECTION_WORDS: Record<string, string> = {
  better: ', improving on the previous period',
  worse: ', worse than the previous period',
  same: ', the same as the previous period',
};

export { cellKey };

/** Doubts that stop every run, not only one that writes statuses: the saved mapping no longer fits the workbook. */
const MAPPING_NO_LONGER_FITS: ReadonlySet<IssueCode> = new Set<IssueCode>(['saved-sheet-missing', 'saved-mapping-no-longer-fits']);

/**
 * Where a run writes a table's statuses: one column, or, where the table rates its rows period by
 * period, the column of each period by its label.
 */
function statusColumnsOf(table: DetectedTable): { col: number | undefined; byPeriod: Map<string, number> | undefined; several: boolean } {
  const byPeriod = ratingsByPeriod(table);
  if (byPeriod.length > 0)
    return { col: undefined, byPeriod: new Map(byPeriod.map((column) => [periodLabel(column.period!), column.col])), several: true };
  const statuses = statusColumnsToWrite(table);
  return { col: statuses[0]?.col, byPeriod: undefined, several: statuses.length > 1 };
}

/** The column of the figure a verdict judged, where it judged one. */
export function judgedColumn(verdict: IndicatorVerdict): number | undefined {
  return verdict.actualCell ? parseCellAddress(verdict.actualCell)?.col : undefined;
}

/**
 * Each indicator's verdict for the chosen period (No data where it has no figure for it), or,
 * where no period is chosen, its latest period with figures.
 */
/** The period and figures a status was judged from, for a sentence: "Q2 2024/25 (98% against 97%)". */
function figuresFor(verdict: IndicatorVerdict): string {
  return `${verdict.periodLabel || 'this period'} (${verdict.actualText.trim() || 'no figure'} against ${verdict.targetText.trim() || 'no target'})`;
}

/** Two labels that differ only in capitals and spacing say the same. */
function sameWords(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Verdicts that judge nothing, and the ratings that do. */
const UNJUDGED: ReadonlySet<Status> = new Set(['no-data', 'no-target', 'unreadable']);
const RATED: ReadonlySet<Status> = new Set(['met', 'near', 'missed']);

/** Whether a rating typed in a status cell means something other than the status the figures give. */
function disagrees(typed: string, status: Status): boolean {
  const rating = readStatusWord(typed);
  return rating !== undefined && rating !== status;
}

export function chooseVerdicts(verdicts: readonly IndicatorVerdict[], period: string | undefined): IndicatorVerdict[] {
  // A period that can't be read chooses as if none were given.
  const wanted = period ? parsePeriodLabel(period) : undefined;
  return wanted ? verdictsForPeriod(verdicts, wanted) : latestVerdicts(verdicts);
}

/**
 * Numbers each indicator met in a list of verdicts 0, 1, 2… in the order first met. A table's index
 * and a row name an indicator (numbers make a cheaper key than strings), and verdicts come
 * indicator by indicator, so the number is looked up only where the indicator changes.
 */
class IndicatorSlots {
  count = 0;
  /** False once an indicator is met again after another one. */
  together = true;
  private readonly slots = new Map<number, number>();
  private currentKey = -1;
  private current = -1;

  slotOf(verdict: IndicatorVerdict): number {
    const key = verdict.tableIndex * 10_000_000 + verdict.row;
    if (key !== this.currentKey) {
      this.currentKey = key;
      const known = this.slots.get(key);
      if (known === undefined) {
        this.current = this.count++;
        this.slots.set(key, this.current);
      } else {
        this.current = known;
        this.together = false;
      }
    }
    return this.current;
  }
}

/**
 * Whether a verdict's period label names the asked-for period, labelled `wantedLabel`: the same
 * label, or, for a period asked for without its year ("Q2"), any label that begins with it. A
 * period asked for with its year must also be of the same kind.
 */
export function labelMatches(own: string, wantedLabel: string, withoutYear: boolean): boolean {
  return withoutYear ? own.startsWith(wantedLabel) : own === wantedLabel;
}

/**
 * Each indicator's verdict for `period`, in the order indicators first appear. An indicator
 * reported over longer periods has its period that ends with this one, where it has a figure for
 * it (a quarterly indicator's Q2 in a report for September). An indicator with periods but none
 * of them this one is No data for it (see `verdictWithoutFigure`), unless its whole table has
 * nothing for the period and another table reports it for the period (last quarter's table, kept
 * beside this quarter's): that table reports another period, and is left out; an indicator
 * with no period at all (a case list, say) keeps its verdict where it has figures, as it is about
 * no period in particular, and is left out where it has none.
 */
function verdictsForPeriod(verdicts: readonly IndicatorVerdict[], wanted: Period): IndicatorVerdict[] {
  const wantedLabel = periodLabel(wanted);
  const withoutYear = wanted.fy === undefined;
  const slots = new IndicatorSlots();
  const match: Array<IndicatorVerdict | undefined> = [];
  /** Per indicator: 1 when it has a verdict for some period, 0 when none so far. */
  const dated: number[] = [];
  const undated: Array<IndicatorVerdict | undefined> = [];
  let unmatched = false;
  // Where an indicator has no column for the period, its period that ends with it (the quarter
  // for a month, the year for a fourth quarter) stands for it, where it has a figure.
  const covering: Array<IndicatorVerdict | undefined> = [];
  const ending = new Map<Period, boolean>();
  for (const verdict of verdicts) {
    const slot = slots.slotOf(verdict);
    if (slot === dated.length) dated.push(0);
    if (match[slot] !== undefined) continue;
    const period = verdict.period;
    if (!period) {
      if (undated[slot] === undefined) undated[slot] = verdict;
      continue;
    }
    dated[slot] = 1;
    if (labelMatches(verdict.periodLabel, wantedLabel, withoutYear) && (withoutYear || period.kind === wanted.kind)) {
      match[slot] = verdict;
      continue;
    }
    let endsTogether = ending.get(period);
    if (endsTogether === undefined) {
      endsTogether = endsWith(period, wanted);
      ending.set(period, endsTogether);
    }
    if (endsTogether && covering[slot] === undefined && verdict.status !== 'no-data' && hasFigures(verdict)) covering[slot] = verdict;
  }
  // The tables with something for the period, and the indicators they report it for: last
  // quarter's table (its own tab, or kept under this quarter's) has nothing for the period, and
  // its indicators are reported by this quarter's; it is left as it is, not marked No data.
  const tablesWithPeriod = new Set<number>();
  const reportedNames = new Set<string>();
  for (let slot = 0; slot < dated.length; slot++) {
    if (match[slot] === undefined && covering[slot] !== undefined) match[slot] = covering[slot];
    if (match[slot] !== undefined) {
      tablesWithPeriod.add(match[slot]!.tableIndex);
      reportedNames.add(match[slot]!.indicator);
    }
    if (match[slot] === undefined && dated[slot] === 1) unmatched = true;
  }
  // Mostly every indicator has the period; the few that have not are looked for again.
  const latest = unmatched ? latestOfUnmatched(verdicts, match, dated) : undefined;
  // A table is left out only where every one of its indicators is reported elsewhere: an annual
  // table sharing one name with this quarter's keeps its other rows, and so that one too.
  const otherPeriodTables = new Set<number>();
  if (latest) {
    const partlyNew = new Set<number>();
    for (const { verdict } of latest.values()) {
      if (tablesWithPeriod.has(verdict.tableIndex)) continue;
      (reportedNames.has(verdict.indicator) ? otherPeriodTables : partlyNew).add(verdict.tableIndex);
    }
    for (const table of partlyNew) otherPeriodTables.delete(table);
  }
  const chosen: IndicatorVerdict[] = [];
  for (let slot = 0; slot < dated.length; slot++) {
    const found = match[slot];
    if (found) chosen.push(found);
    else if (dated[slot] === 1) {
      const { verdict, withFigures } = latest!.get(slot)!;
      if (otherPeriodTables.has(verdict.tableIndex)) continue;
      chosen.push(verdictWithoutFigure(verdict, wanted, wantedLabel, withFigures));
    } else {
      const alone = undated[slot];
      if (alone && alone.status !== 'no-data' && hasFigures(alone)) chosen.push(alone);
    }
  }
  return chosen;
}

/**
 * For each indicator with periods but no verdict for the asked-for one (by its place among the
 * indicators first met): its latest verdict with figures, or else its latest verdict.
 */
function latestOfUnmatched(
  verdicts: readonly IndicatorVerdict[],
  match: ReadonlyArray<IndicatorVerdict | undefined>,
  dated: readonly number[],
): Map<number, { verdict: IndicatorVerdict; withFigures: boolean }> {
  const slots = new IndicatorSlots();
  const latest = new Map<number, { verdict: IndicatorVerdict; withFigures: boolean }>();
  for (const verdict of verdicts) {
    const slot = slots.slotOf(verdict);
    const period = verdict.period;
    if (match[slot] !== undefined || dated[slot] !== 1 || !period) continue;
    const withFigures = verdict.status !== 'no-data' && hasFigures(verdict);
    const best = latest.get(slot);
    const later = !best || comparePeriods(period, best.verdict.period!) > 0;
    if (!best || (withFigures && (!best.withFigures || later)) || (!best.withFigures && later)) latest.set(slot, { verdict, withFigures });
  }
  return latest;
}

/**
 * The latest period any indicator has figures for, by the UK financial year: the period a run
 * reports on when none is asked for. Where periods of different lengths end together (September
 * 2024 and Q2 2024/25, say), the shortest: the longer one's indicators are reported with their
 * period that ends with it (see `verdictsForPeriod`), so every indicator with a figure keeps it.
 */
export function latestPeriodWithData(verdicts: readonly IndicatorVerdict[]): string | null {
  let latest: Period | undefined;
  // The year to date names no month it runs to, so it would outrank every quarter and month of its
  // year: one count's year to date made the whole run about it, and every other indicator No data.
  // It is the run's period only where no other period has figures.
  let yearToDate: Period | undefined;
  // Verdicts share their period (a table's column), so each period is weighed once.
  const weighed = new Set<Period>();
  for (const v of verdicts) {
    const period = v.period;
    if (!period || period === latest || weighed.has(period) || v.status === 'no-data') continue;
    if (period.kind === 'ytd') {
      if ((!yearToDate || endsLater(period, yearToDate)) && hasFigures(v)) yearToDate = period;
      continue;
    }
    if (latest && !endsLater(period, latest)) {
      weighed.add(period);
      continue;
    }
    // A blank cell is no figure, even where a milestone not yet due calls it "not due".
    if (!hasFigures(v)) continue;
    latest = period;
    weighed.add(period);
  }
  // But a later year's year to date outranks a year already over, where as many indicators have
  // figures for it: "2023/24 Outturn | 2024/25 Q3 YTD" reports on this year, not last year's
  // outturn; one count's year to date beside a table of last year's results does not.
  // So it does where more of its figures are judged against a target: "Actuals 2013/14 … 2017/18 |
  // Aim 2019/20 | Year to date 2019/20" (Warwickshire Fire) reports on this year, though a new
  // measure's one 2017/18 figure gives last year a figure more.
  const laterYearToDate =
    latest &&
    yearToDate &&
    yearBeginsAfter(yearToDate, latest) &&
    (withFigures(verdicts, yearToDate) >= withFigures(verdicts, latest) || judgedIn(verdicts, yearToDate) > judgedIn(verdicts, latest));
  const chosen = latest && !laterYearToDate ? latest : (yearToDate ?? latest);
  return chosen ? periodLabel(chosen) : null;
}

/** How many verdicts of a period (by its label) are judged against a target: met, near or missed. */
function judgedIn(verdicts: readonly IndicatorVerdict[], period: Period): number {
  const label = periodLabel(period);
  return verdicts.filter((v) => v.period && RATED.has(v.status) && periodLabel(v.period) === label).length;
}

/** How many verdicts of a period (by its label) have figures. */
function withFigures(verdicts: readonly IndicatorVerdict[], period: Period): number {
  const label = periodLabel(period);
  return verdicts.filter((v) => v.period && v.status !== 'no-data' && periodLabel(v.period) === label && hasFigures(v)).length;
}

/** Whether a year to date's financial year begins after `period` has ended. */
function yearBeginsAfter(yearToDate: Period, period: Period): boolean {
  if (yearToDate.fy === undefined || period.fy === undefined) return false;
  return yearToDate.fy * 12 + 1 > period.fy * 12 + financialMonthSpan(period).last;
}

/**
 * Ends in a later month, or in the same month and is shorter; but a whole year outranks the
 * quarter or month it ends with: a year-end report's "Q1 | … | Q4 | 2024/25 outturn | RAG" rates
 * the year, not its last quarter.
 */
function endsLater(a: Period, b: Period): boolean {
  const endA = (a.fy ?? 0) * 12 + financialMonthSpan(a).last;
  const endB = (b.fy ?? 0) * 12 + financialMonthSpan(b).last;
  if (endA !== endB) return endA > endB;
  if ((a.kind === 'year') !== (b.kind === 'year')) return a.kind === 'year';
  return financialMonthSpan(a).first > financialMonthSpan(b).first;
}

/** A longer period that ends with `wanted` and holds it: Q2 2024/25 for September 2024, the year for Q4. */
function endsWith(period: Period, wanted: Period): boolean {
  if (period.fy === undefined || period.fy !== wanted.fy || period.kind === wanted.kind) return false;
  const own = financialMonthSpan(period);
  const asked = financialMonthSpan(wanted);
  return own.last === asked.last && own.first < asked.first;
}

/** Something is written for the period: a figure judged was read from it, or its cell is not blank. */
function hasFigures(verdict: IndicatorVerdict): boolean {
  return verdict.actualValue !== undefined || verdict.actualText.trim() !== '';
}

/**
 * Each indicator's latest verdict with figures (a blank cell is no data, even where a milestone
 * calls it "not due"), or its last verdict where none has figures; in the order indicators first
 * appear. Read from the end, so each indicator's actual text is usually read once, for its latest
 * period, rather than for every period it has.
 */
function latestVerdicts(verdicts: readonly IndicatorVerdict[]): IndicatorVerdict[] {
  const slots = new IndicatorSlots();
  const firstSeen: number[] = [];
  const last: IndicatorVerdict[] = [];
  const latestWithFigures: Array<IndicatorVerdict | undefined> = [];
  for (let i = verdicts.length - 1; i >= 0; i--) {
    const verdict = verdicts[i]!;
    const slot = slots.slotOf(verdict);
    if (slot === last.length) {
      last.push(verdict);
      latestWithFigures.push(undefined);
    }
    firstSeen[slot] = i;
    if (latestWithFigures[slot] === undefined && verdict.status !== 'no-data' && hasFigures(verdict)) latestWithFigures[slot] = verdict;
  }
  const chosen = latestWithFigures.map((verdict, at) => verdict ?? last[at]!);
  // Where each indicator's verdicts are all together (as evaluation makes them), the order
  // indicators first appear is the reverse of the order they are met from the end.
  if (slots.together) return chosen.reverse();
  const order = Array.from(chosen.keys()).sort((a, b) => firstSeen[a]! - firstSeen[b]!);
  return order.map((at) => chosen[at]!);
}

/**
 * A verdict's commentary from a template. Each field is read only where the template asks for it
 * (the default for "no data" names the period alone), so a verdict's values are not all worked out.
 */
function commentaryFrom(template: string, verdict: IndicatorVerdict, statusLabel: string, figures: JudgedFigures): string {
  return fillTemplate(template, (field) => templateValue(field, verdict, statusLabel, figures));
}

function templateValue(field: TemplateField, verdict: IndicatorVerdict, statusLabel: string, figures: JudgedFigures): string {
  switch (field) {
    case 'indicator':
      return verdict.indicator;
    case 'ref':
      return verdict.ref ?? '';
    case 'period':
      return verdict.periodLabel || 'This period';
    case 'actual':
      return figures.actual;
    case 'target':
      return figures.target;
    case 'variance':
      return verdict.variance ?? '';
    case 'direction': {
      const trend = verdict.trend;
      return trend ? DIRECTION_WORDS[trend]! : '';
    }
    case 'previous':
      return figures.previous;
    case 'owner':
      return verdict.owner ?? '';
    case 'status':
      return statusLabel;
  }
}

/** A cell inside a merged area that starts elsewhere: writing there would not show, or would clash. */
function mergedAway(sheet: Sheet, row: number, col: number): boolean {
  return sheet.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

/** The commentary KPI Tracker would write for a verdict, from the officer's template or the default. */
export function generatedCommentary(verdict: IndicatorVerdict, statusLabel: string, settings: Settings): string | null {
  const status = verdict.status;
  const template = settings.templates[status] ?? DEFAULT_TEMPLATES[status];
  return template ? commentaryFrom(template, verdict, statusLabel, judgedFigures(verdict)) : null;
}

/**
 * The officer's own commentary for an indicator, or null where the cell is empty or still holds
 * words KPI Tracker wrote (which may belong to another period).
 */
export function officerCommentary(workbook: Workbook, table: DetectedTable, verdict: IndicatorVerdict, settings: Settings): string | null {
  const sheet = findSheet(workbook, table.sheet);
  const col = commentaryColumn(table, sheet)?.col;
  if (col === undefined || !sheet) return verdict.commentary;
  const row = verdict.row;
  const text = cellText(cellAt(sheet, row, col));
  if (text.trim() === '' || settings.written.get(cellKey(table.sheet, row, col)) === fingerprint(text)) return null;
  return verdict.commentary;
}

/**
 * Turns verdicts into a plan: status labels and colours, commentary where the cell is empty or
 * still holds KPI Tracker's own words, the change log, and the settings it must remember.
 * Nothing outside the mapped status and commentary cells and the sheets it owns is touched.
 */
export function planRecalculation(
  workbook: Workbook,
  detection: Detection,
  verdicts: readonly IndicatorVerdict[],
  settings: Settings,
  options: RecalcOptions,
): RecalcResult {
  const edits: CellEdit[] = [];
  const notices: Notice[] = [];
  const refusals: Issue[] = [];
  const written = new WrittenCells(settings.written);
  const seenCommentaryAdded = new Map<string, SeenCommentary>();

  for (const doubt of detection.doubts) if (MAPPING_NO_LONGER_FITS.has(doubt.code)) refusals.push(doubt);
  for (const table of detection.tables) for (const doubt of table.doubts) if (MAPPING_NO_LONGER_FITS.has(doubt.code)) refusals.push(doubt);

  const existingStatusTexts: string[] = [];
  for (const table of detection.tables) {
    const sheet = findSheet(workbook, table.sheet);
    if (!sheet) continue;
    for (const { col } of statusColumnsToWrite(table))
      for (const indicator of table.indicators) existingStatusTexts.push(cellText(cellAt(sheet, indicator.row, col)));
  }
  const labels = chooseLabels(existingStatusTexts, settings.labels);
  const colours = chooseColours(settings.colours);
  const known = knownStatusTexts(familyLabels(existingStatusTexts, settings.labels));
  const frozen = new Map<string, { period: string; label: string; status: Status }>();
  for (const signOff of settings.signOffs)
    for (const [cell, value] of Object.entries(signOff.statuses)) frozen.set(cell, { period: signOff.period, ...value });

  const chosen: ChosenVerdict[] = [];
  const unwritable = new Map<number, number>();
  // Tables rating period by period with no column for the run's period, and that period.
  const noColumnForPeriod = new Map<number, string>();
  // Tables with a status column for the year to date that this run left alone, and the run's period.
  const yearToDateColumns = new Map<number, { col: number; period: string }>();
  // Looked up once per table rather than once per indicator.
  const places = detection.tables.map((table) => {
    const sheet = findSheet(workbook, table.sheet);
    return {
      table,
      sheet,
      statusCols: statusColumnsOf(table),
      commentaryCol: commentaryColumn(table, sheet)?.col,
      yearToDateStatusCols: table.columns
        .filter((column) => column.role === 'status' && column.period?.kind === 'ytd')
        .map((column) => column.col),
    };
  });
  // A run writes the same few labels into thousands of cells: one value and one fingerprint each.
  const labelValues = new Map<string, { value: PlanValue; print: string }>();
  const labelValue = (label: string): { value: PlanValue; print: string } => {
    let known = labelValues.get(label);
    if (!known) {
      known = { value: textValue(label), print: fingerprint(label) };
      labelValues.set(label, known);
    }
    return known;
  };
  const forThePeriod = chooseVerdicts(verdicts, options.period);
  for (const verdict of forThePeriod) {
    const row = verdict.row;
    const status = verdict.status;
    const tableIndex = verdict.tableIndex;
    const { table, statusCols, commentaryCol, yearToDateStatusCols } = places[tableIndex]!;
    // Several status columns: the one the engine read beside the figure judged.
    const placeForStatus = statusCols.byPeriod
      ? statusCols.byPeriod.get(verdict.periodLabel)
      : statusCols.several
        ? statusColumnToWrite(table, verdict.period, judgedColumn(verdict))?.col
        : statusCols.col;
    // A column rating the year to date ("RAG (YTD)") is no place for a month's or a quarter's status.
    const yearToDateOnly =
      placeForStatus !== undefined &&
      !statusCols.byPeriod &&
      verdict.period?.kind !== 'ytd' &&
      yearToDateStatusCols.includes(placeForStatus);
    const statusCol = yearToDateOnly ? undefined : placeForStatus;
    if (statusCols.byPeriod && statusCol === undefined) noColumnForPeriod.set(tableIndex, verdict.periodLabel);
    // A year to date's status column left as it is ("Month RAG | … | YTD RAG"), said once per table.
    if (verdict.period?.kind !== 'ytd')
      for (const col of yearToDateStatusCols)
        if (col !== statusCol) yearToDateColumns.set(tableIndex, { col, period: verdict.periodLabel });
    const sheet = places[tableIndex]!.sheet!;
    const statusLabel = labels[status];
    const statusColour = colours[status];
    // generatedCommentary, keeping the judged figures it works out for the reports.
    const template = settings.templates[status] ?? DEFAULT_TEMPLATES[status];
    const figures = template ? judgedFigures(verdict) : undefined;
    const commentary = template ? commentaryFrom(template, verdict, statusLabel, figures!) : null;
    // Whose words the commentary cell holds: undefined until planning looks at the cell.
    let officersCommentary: string | null | undefined;

    // A signed-off status, where there are sign-offs: they name cells by key.
    const freeze = statusCol !== undefined && frozen.size > 0 ? frozen.get(cellKey(table.sheet, row, statusCol)) : undefined;
    if (statusCol !== undefined && mergedAway(sheet, row, statusCol)) {
      notices.push({
        kind: 'officer-words-kept',
        sheet: table.sheet,
        cell: cellAddress(row, statusCol),
        message: `${cellAddress(row, statusCol)} is part of a merged cell that starts on another indicator's row, so ${verdict.ref ?? 'this indicator'}'s status was not written. Unmerge it to give each indicator its own status.`,
      });
    } else if (statusCol !== undefined) {
      const cell = cellAt(sheet, row, statusCol);
      const current = cellText(cell).trim();
      if (cell.formula !== undefined) {
        notices.push({
          kind: 'formula-left-alone',
          sheet: table.sheet,
          cell: cellAddress(row, statusCol),
          message: `${cellAddress(row, statusCol)} holds a formula (=${cell.formula}); KPI Tracker left it alone.`,
        });
      } else if (freeze && freeze.period === verdict.periodLabel) {
        if (freeze.label !== statusLabel) {
          notices.push({
            kind: 'frozen-period',
            sheet: table.sheet,
            cell: cellAddress(row, statusCol),
            message: `${verdict.ref ?? verdict.indicator}: ${freeze.period} was signed off as "${freeze.label}"; recalculating now would make it "${statusLabel}". Left as signed off.`,
          });
        }
      } else if (
        UNJUDGED.has(status) &&
        current !== '' &&
        RATED.has(readStatusWord(current) ?? 'no-data') &&
        written.get(table.sheet, row, statusCol) !== fingerprint(current)
      ) {
        // Figures that can't be judged say nothing against a rating someone typed ("A" beside "See
        // commentary", or last quarter's table kept under this one's): it stays, and is said.
        notices.push({
          kind: 'officer-words-kept',
          sheet: table.sheet,
          cell: cellAddress(row, statusCol),
          message: `${cellAddress(row, statusCol)} says "${current}", typed in the sheet; the figures for ${figuresFor(verdict)} give ${statusLabel}, which says nothing against it, so it was kept.`,
        });
      } else if (
        current !== '' &&
        !isKnownStatusText(current, known) &&
        written.get(table.sheet, row, statusCol) !== fingerprint(current) &&
        disagrees(current, status)
      ) {
        // A rating in words of its own ("happy face") that the figures contradict is the officer's to settle:
        // neither copied nor overwritten, and said.
        notices.push({
          kind: 'status-disagrees',
          sheet: table.sheet,
          cell: cellAddress(row, statusCol),
          message: `${cellAddress(row, statusCol)} says "${current}", but the figures for ${figuresFor(verdict)} give ${statusLabel}. It was kept as typed: change it, or check the figures.`,
        });
      } else if (
        current !== '' &&
        !isKnownStatusText(current, known) &&
        readStatusWord(current) !== status &&
        written.get(table.sheet, row, statusCol) !== fingerprint(current)
      ) {
        notices.push({
          kind: 'officer-words-kept',
          sheet: table.sheet,
          cell: cellAddress(row, statusCol),
          message: `${cellAddress(row, statusCol)} holds "${current}", which is not a status KPI Tracker wrote; it was kept.`,
        });
      } else if (current !== '' && !isKnownStatusText(current, known) && readStatusWord(current) === status) {
        // The sheet's own word for the same rating ("happy face" for Met) already says it: its words
        // are kept, and the cell takes the status's colour.
        if ((cell.fill ?? '') !== statusColour) {
          edits.push({
            sheet: table.sheet,
            row,
            col: statusCol,
            value: labelValue(current).value,
            fill: statusColour,
            purpose: 'status',
            before: current,
            fillBefore: cell.fill ?? '',
          });
        }
      } else if (!sameWords(current, statusLabel) || (cell.fill ?? '') !== statusColour) {
        if (current !== '' && written.get(table.sheet, row, statusCol) !== fingerprint(current) && disagrees(current, status)) {
          // A label of the workbook's own family that someone typed is rewritten, but never silently.
          notices.push({
            kind: 'status-disagrees',
            sheet: table.sheet,
            cell: cellAddress(row, statusCol),
            message: `${cellAddress(row, statusCol)} said "${current}", typed in the sheet; the figures for ${figuresFor(verdict)} give ${statusLabel}, so it now says that.`,
          });
        }
        // The same label in other letters ("target met") keeps the officer's way of writing it.
        const label = sameWords(current, statusLabel) ? labelValue(current) : labelValue(statusLabel);
        edits.push({
          sheet: table.sheet,
          row: row,
          col: statusCol,
          value: label.value,
          fill: statusColour,
          purpose: 'status',
          before: current,
          fillBefore: cell.fill ?? '',
        });
        written.set(table.sheet, row, statusCol, label.print);
      }
    }

    const commentaryHidden = commentaryCol !== undefined && mergedAway(sheet, row, commentaryCol);
    const statusFrozen = freeze !== undefined && freeze.period === verdict.periodLabel;
    if (commentaryCol !== undefined && (statusFrozen || commentaryHidden)) {
      // A signed-off period keeps its words as well as its status; a cell under another's merge is not written.
    } else if (commentaryCol !== undefined) {
      const cell = cellAt(sheet, row, commentaryCol);
      const current = cellText(cell);
      // Ours where empty or where the words are the last KPI Tracker wrote there; the officer's for
      // the committee sheet where they are not what it had written before this run.
      let ours = true;
      let officers = false;
      let print = '';
      if (current.trim() !== '') {
        print = fingerprint(current);
        const savedPrint = written.saved(table.sheet, row, commentaryCol);
        ours = (written.added(table.sheet, row, commentaryCol) ?? savedPrint) === print;
        officers = savedPrint !== print;
      }
      officersCommentary = officers ? verdict.commentary : null;
      if (cell.formula !== undefined) {
        notices.push({
          kind: 'formula-left-alone',
          sheet: table.sheet,
          cell: cellAddress(row, commentaryCol),
          message: `${cellAddress(row, commentaryCol)} holds a formula (=${cell.formula}); KPI Tracker left it alone.`,
        });
      } else if (ours && commentary !== null && current !== commentary) {
        edits.push({
          sheet: table.sheet,
          row: row,
          col: commentaryCol,
          value: textValue(commentary),
          purpose: 'commentary',
          before: current,
        });
        written.set(table.sheet, row, commentaryCol, fingerprint(commentary));
      } else if (!ours) {
        const indicatorKey = `${table.sheet}!${verdict.ref ?? `row ${row + 1}`}`;
        const seen = seenCommentaryAdded.get(indicatorKey) ?? settings.seenCommentary.get(indicatorKey);
        if (seen && seen.period !== verdict.periodLabel && seen.fingerprint === print && seen.actual !== verdict.actualText) {
          notices.push({
            kind: 'stale-commentary',
            sheet: table.sheet,
            cell: cellAddress(row, commentaryCol),
            message: `${verdict.ref ?? verdict.indicator}: the commentary is the same as for ${seen.period}, but the figure moved from ${seen.actual} to ${verdict.actualText}. It may be out of date.`,
          });
        }
        // The record stays as first seen until the officer changes the words, so the flag stays up.
        if (!seen || seen.fingerprint !== print) {
          seenCommentaryAdded.set(indicatorKey, { period: verdict.periodLabel, actual: verdict.actualText, fingerprint: print });
        }
      }
    } else {
      // No commentary column: the words are the verdict's own.
      officersCommentary = verdict.commentary;
      if (statusCol === undefined && !yearToDateOnly) unwritable.set(tableIndex, (unwritable.get(tableIndex) ?? 0) + 1);
    }
    chosen.push({ verdict, commentary, statusLabel, statusColour, figures, officerCommentary: officersCommentary });
  }
  const nowhereToWrite = (tableIndex: number, message: string): Notice => {
    const table = detection.tables[tableIndex]!;
    return { kind: 'no-status-column', sheet: table.sheet, cell: rangeAddress(table.range), message };
  };
  for (const [tableIndex, period] of noColumnForPeriod)
    notices.push(
      nowhereToWrite(
        tableIndex,
        `this table rates its indicators period by period and has no column for ${period || 'this period'}, so no status was written into it.`,
      ),
    );
  for (const [tableIndex, { col, period }] of yearToDateColumns)
    notices.push(
      nowhereToWrite(
        tableIndex,
        `column ${columnLetter(col)} rates the year to date, and this run is about ${period || 'another period'}, so no status was written into it.`,
      ),
    );
  // Last quarter's table, its indicators reported by this quarter's: left as it is, and said.
  const judgedTables = new Set(forThePeriod.map((verdict) => verdict.tableIndex));
  const otherPeriod = new Map<number, string>();
  for (const verdict of verdicts)
    if (options.period && verdict.period && !judgedTables.has(verdict.tableIndex)) otherPeriod.set(verdict.tableIndex, verdict.periodLabel);
  for (const [tableIndex, period] of otherPeriod) {
    const table = detection.tables[tableIndex]!;
    notices.push({
      kind: 'other-period-left-alone',
      sheet: table.sheet,
      cell: rangeAddress(table.range),
      message: `this table reports ${period}, not ${options.period}, and its indicators are reported for ${options.period} by another table, so it was left as it is.`,
    });
  }
  for (const [tableIndex, count] of unwritable)
    notices.push(
      nowhereToWrite(
        tableIndex,
        `this table has no Status or Commentary column, so how its ${count === 1 ? 'indicator' : `${count} indicators`} did is reported but not written into the sheet.`,
      ),
    );

  const mappingRefusals = [...refusals];
  const editedSheets = new Set<string>();
  for (const edit of edits) editedSheets.add(edit.sheet);
  const protectedSheets = [...editedSheets].filter((name) => findSheet(workbook, name)?.isProtected);
  for (const name of protectedSheets) {
    refusals.push(
      issue(
        'sheet-protected',
        `Sheet "${name}" is protected, so KPI Tracker can't write its statuses. Unprotect it (Review → Unprotect Sheet) and run again. Nothing was written.`,
      ),
    );
  }

  const nextSettings: Settings = {
    ...settings,
    written: written.record(),
    seenCommentary: settings.seenCommentary.with([...seenCommentaryAdded.keys()], [...seenCommentaryAdded.values()]),
  };
  return {
    parts: { edits, notices, refusals },
    mappingRefusals,
    chosen,
    settings: nextSettings,
    labels,
    colours,
  };
}

/**
 * Completes a plan: owned sheets whose content would not change are dropped (so a second run
 * changes nothing), what changed is appended to the change log, and the settings sheet is
 * rewritten only when the settings differ. A plan with refusals carries nothing to apply.
 */
export function finalisePlan(
  workbook: Workbook,
  parts: PlanParts & { readonly sheets: readonly OwnedSheet[] },
  settings: Settings,
  run: { now: string; command: string; period?: string },
): Plan {
  if (parts.refusals.length > 0) return { edits: [], sheets: [], notices: parts.notices, refusals: parts.refusals };
  const rebuilt = parts.sheets.filter((sheet) => !ownedSheetUnchanged(workbook, sheet));
  const ownedSheets = [...settings.ownedSheets];
  const sheets: OwnedSheet[] = [...rebuilt];
  if (parts.edits.length > 0 || rebuilt.length > 0) {
    const hasLog = findSheet(workbook, CHANGE_LOG_SHEET) !== undefined;
    sheets.push(
      changeLogSheet(
        parts.edits,
        run,
        !hasLog,
        rebuilt.map((sheet) => sheet.name),
      ),
    );
    for (const name of [CHANGE_LOG_SHEET, ...rebuilt.map((sheet) => sheet.name)]) if (!ownedSheets.includes(name)) ownedSheets.push(name);
  }
  const settingsSheet = settingsSheetIfChanged(workbook, { ...settings, ownedSheets });
  if (settingsSheet) sheets.push(settingsSheet);
  return { edits: parts.edits, sheets, notices: parts.notices, refusals: [] };
}

/** A sheet KPI Tracker rebuilds is left alone when every cell would read the same. */
function ownedSheetUnchanged(workbook: Workbook, owned: OwnedSheet): boolean {
  if (owned.mode !== 'replace') return false;
  const sheet = findSheet(workbook, owned.name);
  if (!sheet) return false;
  const rows = Math.max(sheet.rows.length, owned.rows.length);
  for (let r = 0; r < rows; r++) {
    const planned = owned.rows[r] ?? [];
    const existing = sheet.rows[r] ?? [];
    const cols = Math.max(planned.length, existing.length);
    for (let c = 0; c < cols; c++) {
      const want = planned[c] ? planValueText(planned[c]!.value) : '';
      const have = existing[c] ? rawText(existing[c]!) : '';
      if (want !== have) return false;
    }
  }
  return true;
}

function rawText(cell: Cell): string {
  switch (cell.value.kind) {
    case 'text':
      return cell.value.value;
    case 'number':
      return String(cell.value.value);
    case 'empty':
      return '';
    default:
      return cellText(cell);
  }
}

/** The settings sheet, only when what it would hold differs from what it holds. */
export function settingsSheetIfChanged(workbook: Workbook, settings: Settings): OwnedSheet | undefined {
  const cells = settingsCells(settings);
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  if (sheet) {
    const current = sheet.rows.map((row) => (row?.[0] ? cellText(row[0]) : ''));
    while (current.length > 0 && current[current.length - 1] === '') current.pop();
    if (current.length === cells.length && current.every((text, i) => text === cells[i])) return undefined;
  } else if (
    settings.tables.length === 0 &&
    settings.ownedSheets.length === 0 &&
    settings.written.size === 0 &&
    settings.seenCommentary.size === 0
  ) {
    // Nothing worth remembering yet (a sheet KPI Tracker built is: it must never be read as KPI data).
    return undefined;
  }
  return {
    name: SETTINGS_SHEET,
    purpose: 'settings',
    mode: 'replace',
    visibility: 'veryHidden',
    rows: cells.map((text) => [{ value: textValue(text) }]),
  };
}

export function sheetReference(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, col)}`;
}
