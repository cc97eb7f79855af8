import { columnLetter } from '../model/address';
import { dateAlone, parsePeriodLabel, periodInText } from '../periods/parse-period-label';
import type { Period } from '../periods/period';
import { holdsFigures, holdsNames, holdsStatuses, MEASURE_WORDS, profileColumn, valueKind } from './column-values';
import type { HeaderCandidate } from './find-tables';
import type { ColumnMapping } from './types';
import { bodyRowsBelow, MAX_SPACER, resolveColumns, type HeaderCell } from './resolve-columns';
import type { SheetGrid } from './sheet-grid';
import { issue } from '../model/issue';
import { normaliseHeader } from './header-lexicon';

/** Columns a header may use (see find-tables). */
interface Span {
  readonly left: number;
  readonly right: number;
}

/** Words that mark a pivot table's output, which is a summary of data, not a table of KPIs. */
const PIVOT_WORDS = /^(row labels|column labels|grand total|(sum|count|average|max|min) of\b.*)$/i;
/** A header of rating names ("RAG Rating | Green | Amber | Red | Total") counts statuses: a summary, not KPIs. */
const RATING_NAMES =
  /^(green|amber|red|blue|grey|gray|g|a|r|n\/a(\[\d+\])?|total|up|down|no change|not rated|met|not met|achieved|not achieved)$/i;

/** A note under a table, with nothing beside it: "*Notes:", "1. Statistics are provisional …", "• was transmitted …". */
const NOTE_LINE = /^(\*|•|-\s|\d{1,2}[.)]\s|notes?\b|source\b)/i;

const WEB_ADDRESS = /^(https?:\/\/|www\.)\S+$/i;

/** Whether the few columns right of a name are empty (a spacer column aside, a figure would be there). */
function nothingBeside(grid: SheetGrid, row: number, col: number): boolean {
  for (let c = col + 1; c <= col + MAX_SPACER + 2; c++) if (grid.filledCell(row, c)) return false;
  return true;
}

/**
 * Whether most names down a column read as measures rather than as places, bodies or periods.
 * Notes straight under the figures (Western Australia Police) are no names and are not counted.
 */
function namesMeasures(grid: SheetGrid, col: number, rows: readonly number[]): boolean {
  let names = 0;
  let measures = 0;
  const seen = new Set<string>();
  for (const r of rows) {
    const text = grid.text(r, col);
    if (!text || (NOTE_LINE.test(text) && nothingBeside(grid, r, col))) continue;
    names++;
    seen.add(text);
    // A web address ("…/inspection/…") names a page, not a measure, whatever words it holds.
    if (WEB_ADDRESS.test(text)) continue;
    if (MEASURE_WORDS.test(text) && parsePeriodLabel(text.replace(/[()]/g, ' ').replace(/\s+/g, ' ')) === undefined) measures++;
  }
  // One name on every row ("Canadian Food Inspection Agency", a data set's owner) names who
  // published the rows, not what each measures.
  if (names >= 3 && seen.size === 1) return false;
  return names > 0 && measures * 2 >= names;
}

/** A year typed as a number ("2019 | 2020" heading columns). */
export function isYearNumber(grid: SheetGrid, row: number, col: number): boolean {
  const cell = grid.cell(row, col);
  return cell.value.kind === 'number' && Number.isInteger(cell.value.value) && cell.value.value >= 1990 && cell.value.value <= 2100;
}

/** How often a measure is taken, written where its target or figure would be ("Yearly", "Quarterly"). */
const HOW_OFTEN =
  /^(daily|weekly|fortnightly|monthly|quarterly|yearly|annually|annual|half[- ]yearly|six[- ]monthly|termly|ongoing|on-going)$/i;

/**
 * Whether a row of labels straight under a row of figures starts a new table in a stack of small
 * tables ("Gender Bonus Pay | 50.7% | 95.1%" then "Proportion of staff receiving a bonus | Female |
 * Male"): the row holds no figures, its labels over the figure columns are short plain
 * words, each different, and the row above has figures under them. A body row that happens to be words
 * ("Annual measure | Annual measure") repeats itself, or reads as no data, and is left in its table.
 */
function startsAStackedTable(grid: SheetGrid, row: number, span: Span): boolean {
  // Asked of every row under a table's first row of figures, so the counts that rule most rows out come first.
  if (grid.figureCount(row) > 0) return false;
  // Figures typed as text ("27.6%" with Excel's green triangle) are figures too, looked for only where no number is.
  if (grid.figureCount(row - 1) === 0 && !grid.filledColumns(row - 1).some((c) => valueKind(grid.cell(row - 1, c)) === 'figure'))
    return false;
  const filled = grid.filledColumnsIn(row, span.left, span.right);
  if (filled.length < 3) return false;
  const labelled = filled.slice(1);
  // A measure's name or a comment on a body row of words is longer than a heading.
  if (labelled.some((c) => grid.headerText(row, c).length > 30)) return false;
  if (!labelled.some((c) => valueKind(grid.cell(row - 1, c)) === 'figure')) return false;
  // Headings are plain words; "Yearly | Achieved" is a measure's target and its rating.
  if (labelled.some((c) => valueKind(grid.cell(row, c)) !== 'words' || HOW_OFTEN.test(grid.text(row, c).trim()))) return false;
  const labels = labelled.map((c) => normaliseHeader(grid.headerText(row, c)));
  return labels.every((label) => label.length > 0) && new Set(labels).size === labels.length;
}

/**
 * Whether the row under a header holds only short sub-labels under its labels, with nothing under
 * the names: "(Average) | (Middle)" under "Mean | Median".
 */
function isSubLabelRow(grid: SheetGrid, row: number, labels: readonly number[]): boolean {
  const filled = grid.filledColumns(row);
  if (filled.length === 0 || filled.includes(labels[0]!)) return false;
  return filled.every((c) => labels.includes(c) && valueKind(grid.cell(row, c)) === 'words' && grid.headerText(row, c).length <= 30);
}

/**
 * A row of dates over the labels, each over the first of an equal group of columns ("31 March 2020
 * | | 31 March 2019 |" over "Pay quartile | Female % | Male % | Female % | Male %", the Regulator
 * of Social Housing's quartiles): each column's period, from the date over its group. Undefined
 * unless every cell of the row is a date or period alone, all of one kind, the first over the
 * first label after the names, and each over a group of two or more labels that ends the row.
 */
function periodsAbove(grid: SheetGrid, row: number, span: Span, labelRow: number): Map<number, Period> | undefined {
  if (row < 0) return undefined;
  const labels = grid.filledColumns(labelRow).filter((c) => c >= span.left && c <= span.right);
  const dated = new Map<number, Period>();
  for (const c of grid.filledColumns(row)) {
    if (c < span.left || c > span.right) continue;
    // A heading after the last label stands over its own column alone ("Comments", merged down).
    if (labels.length > 0 && c > labels[labels.length - 1]!) continue;
    const period = dateAlone(grid.headerText(row, c));
    if (!period) return undefined;
    dated.set(c, period);
  }
  const starts = [...dated.keys()];
  if (starts.length < 2 || labels.length < 3 || starts[0] !== labels[1]) return undefined;
  if (new Set([...dated.values()].map((period) => period.kind)).size > 1) return undefined;
  const width = starts[1]! - starts[0]!;
  if (width < 2 || starts.some((c, i) => i > 0 && c - starts[i - 1]! !== width)) return undefined;
  return labels[labels.length - 1]! - starts[starts.length - 1]! + 1 === width ? dated : undefined;
}

/**
 * Whether the one or two columns between a body row's first cell (words: the measure) and the
 * first label have no heading: figures nobody headed, beside the names (GreenSquare).
 */
function unheadedBetween(grid: SheetGrid, headerRow: number, bodyRow: number, namesCol: number, firstLabel: number): boolean {
  if (firstLabel - namesCol - 1 > MAX_SPACER || valueKind(grid.cell(bodyRow, namesCol)) !== 'words') return false;
  for (let c = namesCol + 1; c < firstLabel; c++) if (grid.filledCell(headerRow, c)) return false;
  return true;
}

/** Whether columns `from`..`to` are empty in the header row and every body row (true when from > to). */
function emptyDown(grid: SheetGrid, from: number, to: number, headerRow: number, bodyRows: readonly number[]): boolean {
  for (let c = from; c <= to; c++) if (grid.filledCell(headerRow, c) || !grid.isEmptyDown(c, bodyRows)) return false;
  return true;
}

/**
 * Whether every gap between a header's labels is a spacer: one or two columns left empty all the
 * way down, officers' way of setting figures apart from the names ("Measure | | Apr | May"). A run
 * after a gap that repeats a heading from before it, or starts with names of its own (after a
 * column of references, perhaps) with figures beside them, is a second table standing beside the
 * first ("Indicator | Q1 | | Indicator | Q1"), and the row is no one header.
 */
function spacersOnly(grid: SheetGrid, row: number, labels: readonly number[], bodyRows: readonly number[]): boolean {
  for (let i = 1; i < labels.length; i++) {
    const before = labels[i - 1]!;
    const after = labels[i]!;
    if (after === before + 1) continue;
    if (after - before - 1 > MAX_SPACER) return false;
    for (let c = before + 1; c < after; c++) if (!grid.isEmptyDown(c, bodyRows)) return false;
    const headingsBefore = new Set(labels.slice(0, i).map((c) => normaliseHeader(grid.headerText(row, c))));
    const run = labels.slice(i);
    if (run.some((c) => headingsBefore.has(normaliseHeader(grid.headerText(row, c))))) return false;
    if (startsWithNames(grid, run, bodyRows) || startsWithNames(grid, run.slice(1), bodyRows)) return false;
  }
  return true;
}

/** Whether a run of columns starts with a column of names with figures or ratings beside it. */
function startsWithNames(grid: SheetGrid, run: readonly number[], bodyRows: readonly number[]): boolean {
  const [first, next] = run;
  if (first === undefined || next !== first + 1 || !holdsNames(profileColumn(grid, first, bodyRows))) return false;
  const beside = profileColumn(grid, next, bodyRows);
  return holdsFigures(beside) || holdsStatuses(beside);
}

/** How many cells of the row above `row` stand over its labels, up to its last. */
function headingsUpTo(grid: SheetGrid, row: number): number {
  const last = grid.lastFilledColumn(row);
  return grid.filledColumns(row - 1).filter((c) => c <= last).length;
}

/** A heading over names that are areas, sites or landlords rather than measures. */
const AREA_HEADER =
  /^(district|districts|area|areas|region|regions|ward|wards|division|divisions|bcu|basic command unit|locality|localities|borough|boroughs|neighbourhood|neighbourhoods|county|counties|patch|site|sites|hospital|hospitals|station|stations)$/;

/**
 * "District | Year to 31 Dec 2013" under "Less crime: % reduction in recorded offences" (New
 * Zealand Police): the rows are areas, each with its figure for the one measure the line above
 * names, and the columns are periods. The measure's words, where the table is that; otherwise
 * undefined, and rows of places stay a comparison, not a KPI table.
 */
function oneMeasureByArea(grid: SheetGrid, row: number, namesCol: number, labels: readonly number[], span: Span): string | undefined {
  if (!AREA_HEADER.test(normaliseHeader(grid.headerText(row, namesCol)))) return undefined;
  const figureLabels = labels.filter((c) => c > namesCol);
  if (figureLabels.length === 0 || !figureLabels.every((c) => periodInText(grid.headerText(row, c)) !== undefined)) return undefined;
  for (let r = row - 1; r >= Math.max(0, row - 3); r--) {
    // Only the cells over this table count: a table beside it has a title of its own.
    const filled = grid.filledColumnsIn(r, span.left, span.right);
    if (filled.length === 0) continue;
    const line = filled.length === 1 ? grid.text(r, filled[0]!) : '';
    return line && MEASURE_WORDS.test(line) ? line : undefined;
  }
  return undefined;
}

/**
 * A header row found from the grid's shape rather than its words: a row of short labels over rows
 * in which a column of names stands beside columns of figures or ratings ("Description | SSHA |
 * Target Met? | MMHA …", "Code | Measure | Percentage", months across with an unheaded column of
 * measures). The columns' roles come from their headers where the words are known, and from their
 * values where they are not. Rows that pass no cheap test (any figure in the row, a single cell,
 * no figures below) are ruled out before any column is profiled.
 */
export function readHeaderByShape(grid: SheetGrid, row: number, span: Span, underShapeTable = false): HeaderCandidate | undefined {
  // A table found by its shape stands apart: the row above is blank, a title, or the sheet's top,
  // never a row of a table (whose next row would otherwise split it in two).
  // The one exception is a stack of small tables with no blank row between them, under a table
  // that was itself read from its shape: a row of labels straight under its figures starts the
  // next (see startsAStackedTable). Under a header of known words ("Indicator | Target | Actual"),
  // a row of words is one of its indicators ("Implement new CRM | Go live | Delayed").
  const left = Math.max(span.left, 0);
  // A row of dates over the labels fills at most half as many cells (each date over two or more
  // labels): a body row above another, as full as it, is ruled out by its counts alone.
  // Only the cells over the span count: a table beside this one has a title of its own.
  // The whole row's count is kept: listing every row's cells to count them made detection slower.
  const aboveFilled =
    row === 0
      ? 0
      : span.right === Number.MAX_SAFE_INTEGER
        ? grid.filledCount(row - 1)
        : grid.filledColumnsIn(row - 1, span.left, span.right).length;
  // A heading past the last label ("Comments", merged down) is no date's and is not counted.
  const overLabels = aboveFilled > 1 && grid.lastFilledColumn(row - 1) > grid.lastFilledColumn(row) ? headingsUpTo(grid, row) : aboveFilled;
  const dates = aboveFilled > 1 && overLabels * 2 <= grid.filledCount(row) ? periodsAbove(grid, row - 1, span, row) : undefined;
  if (overLabels > 1 && !dates && !(underShapeTable && startsAStackedTable(grid, row, span))) return undefined;
  const right = Math.min(span.right, grid.rowLength(row) - 1);
  const labels: number[] = [];
  for (let c = left; c <= right; c++) {
    const cell = grid.filledCell(row, c);
    if (!cell) continue;
    const text = grid.headerText(row, c);
    if (text.length > 80) return undefined;
    const kind = valueKind(cell);
    // Years typed as numbers head columns ("2019 | 2020"); any other figure makes the row a body row.
    if (kind === 'figure' && !isYearNumber(grid, row, c)) return undefined;
    if (kind === 'no-data' || kind === 'target' || kind === 'date') return undefined;
    // "Achieved", "Green": a rating is a body row's, unless it is a known heading ("Met?").
    if (kind === 'status' && !grid.classify(text)) return undefined;
    if (PIVOT_WORDS.test(text)) return undefined;
    labels.push(c);
  }
  if (labels.length < 2) return undefined;
  const gapped = span.right === Number.MAX_SAFE_INTEGER && labels.some((c, i) => i > 0 && c > labels[i - 1]! + 1);
  if (labels.filter((c) => RATING_NAMES.test(grid.text(row, c))).length >= 2) return undefined;

  let bodyRows = bodyRowsBelow(grid, row, grid.rows);
  if (bodyRows.length === 0) return undefined;
  // Labels with a gap between them are tables side by side, each run tried on its own, unless
  // the gap is a narrow spacer column left empty all the way down (see spacersOnly).
  if (gapped && !spacersOnly(grid, row, labels, bodyRows)) return undefined;
  // A second header row of sub-labels under the labels ("Mean | Median" over "(Average) | (Middle)").
  const subLabels = !dates && bodyRows[0] === row + 1 && bodyRows.length > 1 && isSubLabelRow(grid, row + 1, labels);
  if (subLabels) bodyRows = bodyRows.slice(1);
  // The rows below must bring figures under some label: a header heads figures. The first three
  // are asked where the first leaves a label's cell empty (its figure not in yet); a first row of
  // words under every label is a second header ("Scheme | Tenants | Leaseholders"), not a body row.
  const firstLeavesAGap = labels.some((c) => !grid.filledCell(bodyRows[0]!, c));
  let figuresBelow = 0;
  for (const next of bodyRows.slice(0, firstLeavesAGap ? 3 : 1)) {
    for (let c = left; c <= Math.min(right + 1, grid.rowLength(next) - 1); c++) {
      const kind = valueKind(grid.cell(next, c));
      if (kind === 'figure' || kind === 'no-data' || kind === 'status') figuresBelow++;
    }
  }
  if (figuresBelow === 0) return undefined;

  // The table spans the labels and whatever the body fills next to them (an unheaded column of measures).
  let first = labels[0]!;
  let last = labels[labels.length - 1]!;
  const wholeRow = span.right === Number.MAX_SAFE_INTEGER;
  for (const r of bodyRows) {
    // An unheaded column of measures, straight left of the labels or across a spacer column; beside
    // another table, the column left of this one's run of labels (its header cell is blank).
    const firstFilled = wholeRow ? grid.firstFilledColumn(r) : (grid.filledColumnsIn(r, span.left - 1, Infinity)[0] ?? -1);
    const lastFilled = grid.lastFilledColumn(r);
    const besideLabels =
      firstFilled >= first - 1 - MAX_SPACER &&
      (emptyDown(grid, firstFilled + 1, first - 1, row, bodyRows) || unheadedBetween(grid, row, r, firstFilled, first));
    if (firstFilled >= (wholeRow ? left : span.left - 1) && firstFilled < first && besideLabels) first = firstFilled;
    if ((wholeRow || lastFilled <= span.right) && lastFilled > last && lastFilled <= last + 1) last = lastFilled;
  }
  const cells: HeaderCell[] = [];
  for (let c = first; c <= last; c++) {
    const below = subLabels ? grid.headerText(row + 1, c) : '';
    const above = dates ? grid.headerText(row - 1, c) : '';
    const header = [above, grid.headerText(row, c), below].filter(Boolean).join(' ');
    cells.push({ col: c, header, guess: header ? grid.classify(header) : undefined });
  }
  // The shape of a KPI table: a column of names with figures or ratings to its right.
  const profiles = cells.map((cell) => profileColumn(grid, cell.col, bodyRows));
  // The measures are the names that read as measures: "Service Area | Standard | Standard
  // achieved?" names its services first, then the standards (South Tyneside Homes).
  const nameColumns = profiles.filter((profile) => holdsNames(profile));
  const names = nameColumns.find((profile) => namesMeasures(grid, profile.col, bodyRows)) ?? nameColumns[0];
  if (!names) return undefined;
  // Rows that are places, organisations or periods ("Aberdeen City", "Kent FRS", "Q1 (April to
  // June)") with the measures across the top are a comparison or a data set, not a KPI table.
  // A heading over the names that names a measure ("Quartile", "Pay quartile") vouches for bands as names.
  const namesHeader = grid.headerText(row, names.col);
  const measure =
    MEASURE_WORDS.test(namesHeader) || namesMeasures(grid, names.col, bodyRows)
      ? undefined
      : oneMeasureByArea(grid, row, names.col, labels, span);
  // A header that names a target beside a result or a verdict ("target | performance | target_met",
  // the Government of Canada's service standards) says it heads KPIs, whatever its names read as.
  const headerSaysKpis =
    cells.some((cell) => cell.guess?.role === 'target' && cell.guess.confidence >= 1) &&
    cells.some((cell) => (cell.guess?.role === 'actual' || cell.guess?.role === 'status') && cell.guess.confidence >= 0.9);
  if (!MEASURE_WORDS.test(namesHeader) && !namesMeasures(grid, names.col, bodyRows) && !measure && !headerSaysKpis) return undefined;
  if (!profiles.some((profile) => profile.col > names.col && (holdsFigures(profile) || holdsStatuses(profile)))) return undefined;

  const resolved = resolveColumns(grid, cells, bodyRows);
  // Figures with no heading between the names and the labelled figures ("Customer satisfaction |
  // 86% | 82.76% …" under " | | Quarter 1 | …", GreenSquare): what they are, a target or last year's
  // figure, nothing says, so they are left unread rather than judged.
  const unheaded = cells.filter(
    (cell) => !cell.header && cell.col > names.col && cell.col < labels[0]! && !grid.isEmptyDown(cell.col, bodyRows),
  );
  const kept = resolved.columns.filter((column) => !unheaded.some((cell) => cell.col === column.col));
  const columns = dates ? datedByRowAbove(grid, row, kept, dates) : kept;
  const doubts = resolved.doubts;
  const roles = new Set(columns.map((c) => c.role));
  if (!roles.has('description') || !(roles.has('actual') || roles.has('target') || roles.has('status'))) return undefined;
  const unread = cells.filter((cell) => (cell.header || unheaded.includes(cell)) && !columns.some((c) => c.col === cell.col));
  // One heading over the figures' labels, none over the names ("Incident category risk" over
  // "High | Medium | Low", South Yorkshire Fire and Rescue): it names what the labels are, and is
  // the header's first row. A title over the names column stays a title.
  const heading =
    !dates &&
    !subLabels &&
    overLabels === 1 &&
    labels[0]! > names.col &&
    !grid.filledCell(row, names.col) &&
    grid.filledCell(row - 1, labels[0]!) !== undefined &&
    valueKind(grid.cell(row - 1, labels[0]!)) === 'words' &&
    grid.headerText(row - 1, labels[0]!).length <= 60 &&
    // "Rent collection January 2018" over "North | South" is a title that dates the figures.
    periodInText(grid.headerText(row - 1, labels[0]!)) === undefined;
  return {
    rows: dates || heading ? [row - 1, row] : subLabels ? [row, row + 1] : [row],
    columns,
    shapeDoubts: [
      ...(measure
        ? [
            issue(
              'rows-are-areas',
              `Each row of this table is an area's figure for one measure, "${measure}" (the line above it): KPI Tracker reads each area as an indicator. Check this before you run.`,
            ),
          ]
        : []),
      issue(
        'columns-from-contents',
        `The columns of this table were worked out from their contents, as their headings are not ones KPI Tracker knows${unread.length ? ` (column${unread.length > 1 ? 's' : ''} ${unread.map((cell) => columnLetter(cell.col)).join(', ')} left unread)` : ''}: check them before you run.`,
      ),
      ...doubts,
    ],
  };
}

/** Each figures column under a row of dates takes the date at or to its left; its own label names the series ("Female %", "Male %"). */
function datedByRowAbove(grid: SheetGrid, row: number, columns: ColumnMapping[], dates: Map<number, Period>): ColumnMapping[] {
  const starts = [...dates.keys()].sort((a, b) => a - b);
  return columns.map((column) => {
    const start = starts.filter((c) => c <= column.col).pop();
    if (column.role !== 'actual' || start === undefined) return column;
    const label = grid.headerText(row, column.col);
    return { ...column, period: dates.get(start)!, ...(label ? { series: label } : {}) };
  });
}
