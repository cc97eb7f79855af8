import { keyTolerance } from './rag-key';
import { figuresBeforeTheTargetYear } from './target-year-history';
import { columnIndex, columnLetter, rangeAddress } from '../model/address';
import type { Sheet, Workbook } from '../model/workbook';
import { dateAlone, financialYearInName, parsePeriodLabel, periodInText } from '../periods/parse-period-label';
import { periodLabel, type Period } from '../periods/period';
import { bodyRowsBelow, MAX_SPACER, resolveColumns, type HeaderCell } from './resolve-columns';
import type { SavedTable, Settings } from '../settings/settings-schema';
import { readSettings, SETTINGS_SHEET } from '../settings/settings-store';
import { readActionRows, readRecommendation } from './action-plan-table';
import { readDefinitions } from './definitions';
import {
  kindOf,
  readBody,
  readHeader,
  repeatedHeader,
  REFERENCE_PATTERN,
  segmentsOf,
  sideBySideSpans,
  repeatedBlocks,
  shorten,
  yearAbove,
  type ColumnSpan,
  type HeaderCandidate,
} from './find-tables';
import { classifyHeader, normaliseHeader } from './header-lexicon';
import { readMeasureCards, wordingOverlap } from './measure-cards';
import { SheetGrid } from './sheet-grid';
import { sideBySideSplit } from './side-by-side';
import { pairTargetRows } from './target-rows';
import { splitRowsWithOwnFigures } from './figure-rows';
import { leaveOutCountsAndComplements } from './shares-and-counts';
import { unreadGridDoubt, unreadGrids } from './unread-grids';
import { readLabelledFigureTables } from './labelled-figures';
import { readHeaderlessLists } from './headerless-lists';
import { MEASURE_WORDS } from './column-values';
import type { ColumnMapping, ColumnRole, Detection, DetectedIndicator, DetectedTable, Footnote, MeasureCard } from './types';
import { issue, type Issue } from '../model/issue';

/**
 * Finds every KPI table in a workbook and maps its columns to roles. The officer's saved
 * mapping wins over detection; where detection is unsure it says so in `doubts`.
 */
export function detectWorkbook(workbook: Workbook, settingsOverride?: Settings): Detection {
  const doubts: Issue[] = [];
  let settings = settingsOverride;
  if (!settings) {
    const reading = readSettings(workbook);
    if (!reading.ok) doubts.push(reading.problem);
    settings = reading.settings;
  }
  const owned = new Set([SETTINGS_SHEET, ...settings.ownedSheets]);
  const read = (figureLists: boolean): { tables: DetectedTable[]; cards: MeasureCard[]; unread: Issue[] } => {
    const all = { tables: [] as DetectedTable[], cards: [] as MeasureCard[], unread: [] as Issue[] };
    for (const sheet of workbook.sheets) {
      if (owned.has(sheet.name) || sheet.visibility === 'veryHidden') continue;
      const saved = settings.tables.filter((table) => table.sheet === sheet.name);
      const found = detectSheet(sheet, saved, figureLists);
      all.tables.push(...found.tables);
      all.cards.push(...found.cards);
      all.unread.push(...found.unread);
    }
    return all;
  };
  // Lists of figures with no header row ("Complaints received | 18") are read only in a workbook
  // with no table at all: beside KPI tables, a list of counts, key facts or budget lines is the
  // report's background (Sandwell's PCN counts), named as a grid not read, not judged.
  let found = read(false);
  if (found.tables.length === 0 && found.cards.length === 0) found = read(true);
  const { tables, cards } = found;
  doubts.push(...found.unread);
  linkCards(tables, cards);
  const used = new Set(tables.map((table) => table.sheet));
  for (const savedTable of settings.tables) {
    if (!workbook.sheets.some((sheet) => sheet.name === savedTable.sheet)) {
      doubts.push(issue('saved-sheet-missing', `The saved mapping names a sheet "${savedTable.sheet}" that is no longer in the workbook.`));
    } else if (!used.has(savedTable.sheet) && !savedTable.ignored) {
      doubts.push(issue('saved-table-not-found', `The saved mapping for sheet "${savedTable.sheet}" found no table there.`));
    }
  }
  return { tables, cards, doubts };
}

function detectSheet(
  sheet: Sheet,
  saved: readonly SavedTable[],
  figureLists: boolean,
): { tables: DetectedTable[]; cards: MeasureCard[]; unread: Issue[] } {
  const grid = new SheetGrid(sheet);
  const tables: DetectedTable[] = [];
  const savedByRow = new Map(saved.map((table) => [table.headerRows[0]! - 1, table]));
  const ignoredRows = new Set(saved.filter((table) => table.ignored).map((table) => table.headerRows[0]! - 1));
  let lastBottom = -1;
  // A grid with periods down its side ("Q1 (April to June)", "Yearly total") is one measure's
  // figures over time, not a table of indicators: named, with its periods, and not judged.
  const periodGrids: DetectedTable[] = [];
  const setAsideIfPeriodGrid = (table: DetectedTable): boolean => {
    if (!rowsArePeriods(table)) return false;
    periodGrids.push(table);
    return true;
  };
  // The header that ended the table before, read when looking for where that table stops.
  let headerBelow: { row: number; header?: HeaderCandidate } | undefined;

  for (let r = 0; r < grid.rows; r++) {
    const savedTable = savedByRow.get(r);
    const fromSaved = savedTable && !savedTable.ignored ? headerFromSaved(grid, savedTable) : undefined;
    const found = headerBelow?.row === r ? headerBelow.header : undefined;
    const blocks = fromSaved || found || ignoredRows.has(r) ? undefined : repeatedBlocks(grid, r);
    const read = fromSaved?.header ?? (ignoredRows.has(r) || blocks ? undefined : (found ?? readHeader(grid, r)));
    // One header row over two tables standing side by side: each read on its own (side-by-side).
    const split = read && !fromSaved ? sideBySideSplit(grid, read) : undefined;
    const header = split ? undefined : read;
    if (header) {
      headerBelow = nextHeaderRow(grid, header.rows[header.rows.length - 1]! + 1, savedByRow, undefined, fromSaved ? undefined : header);
      const table = buildTable(grid, header, headerBelow.row, lastBottom, fromSaved);
      if (fromSaved || !setAsideIfPeriodGrid(table)) tables.push(table);
      lastBottom = table.range.bottom;
      r = table.range.bottom;
      continue;
    }
    if (ignoredRows.has(r)) continue;
    // Tables side by side: a row that is no header as a whole may be one per run of columns.
    const spans = split ?? blocks ?? sideBySideSpans(segmentsOf(grid, r));
    if (spans.length < 2) continue;
    let bottom = r;
    for (const span of spans) {
      const part = readHeader(grid, r, span);
      if (!part) continue;
      const stopBefore = nextHeaderRow(grid, part.rows[part.rows.length - 1]! + 1, savedByRow, span, part).row;
      const table = buildTable(grid, part, stopBefore, lastBottom, undefined, span);
      if (!setAsideIfPeriodGrid(table)) tables.push(table);
      bottom = Math.max(bottom, table.range.bottom);
    }
    if (bottom > r) {
      lastBottom = bottom;
      r = bottom;
    }
  }
  // Tables with no header row, each figure after its measure's name: read where no table stands.
  const labelled = readLabelledFigureTables(
    grid,
    tables.map((table) => table.range),
  );
  // Lists of targets or figures with no header row ("1: Average annual score …  At least 84%").
  const lists = readHeaderlessLists(
    grid,
    [...tables, ...labelled].map((table) => table.range),
    (row) => titledPeriod(grid, row, -1),
    figureLists,
  );
  if (labelled.length > 0 || lists.length > 0) {
    tables.push(...labelled, ...lists);
    tables.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
  }
  attachDefinitions(grid, tables);
  for (let i = 0; i < tables.length; i++) {
    if (!tables[i]!.confirmed) tables[i] = figuresBeforeTheTargetYear(tables[i]!);
    const tolerance = keyTolerance(grid, tables[i]!);
    if (tolerance) tables[i] = { ...tables[i]!, tolerance };
  }
  const cards = readMeasureCards(grid);
  const covered = [
    ...tables.map((table) => table.range),
    ...periodGrids.map((table) => table.range),
    ...cards.map((card) => ({ top: card.row, left: 0, bottom: card.row + 8, right: 1 })),
  ];
  const unread = [
    ...periodGrids.map((table) => periodGridDoubt(sheet.name, table)),
    ...unreadGrids(grid, covered, ignoredRows).map((range) => unreadGridDoubt(sheet.name, range)),
  ];
  return { tables, cards, unread };
}

/** Totals that close a grid of periods ("Yearly total", "Year to date"). */
const PERIOD_TOTAL = /^((yearly|annual|full[- ]year|year[- ]end)\s+)?total$|^year to date$|^ytd$/i;

/** Whether most of a table's rows are named by a period rather than a measure. */
function rowsArePeriods(table: DetectedTable): boolean {
  // A year of weeks is the longest such grid; a table of thousands of indicators is not asked.
  if (table.indicators.length < 2 || table.indicators.length > 60 || table.kind === 'action-plan') return false;
  // "Month | Target | Actual", a month to a row, is one KPI's sheet and is judged month by month;
  // only a grid with nothing to judge against is set aside.
  if (table.columns.some((column) => column.role === 'target' || column.role === 'status')) return false;
  const periods = table.indicators.filter((indicator) => {
    const name = indicator.description.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
    if (PERIOD_TOTAL.test(name)) return true;
    if (MEASURE_WORDS.test(name)) return false;
    // "Q1 April to June": a period first, then its months in words.
    const words = name.split(' ');
    return [name, words[0]!, words.slice(0, 2).join(' ')].some((start) => parsePeriodLabel(start) !== undefined);
  }).length;
  return periods * 3 >= table.indicators.length * 2;
}

function periodGridDoubt(sheet: string, table: DetectedTable): Issue {
  const names = table.indicators.slice(0, 2).map((indicator) => `"${shorten(indicator.description, 30)}"`);
  return issue(
    'rows-are-periods',
    `'${sheet}'!${rangeAddress(table.range)} has periods down its side (${names.join(', ')}, …), not indicators, so it was not judged: KPI Tracker reads one indicator to a row. Choose its columns if it is a KPI table, or mark it as not a KPI table.`,
  );
}

/**
 * The row where the next table starts (the sheet's height if none), with the header found there,
 * kept so the row is not read again as a header (a saved table's row has none).
 */
function nextHeaderRow(
  grid: SheetGrid,
  from: number,
  savedByRow: Map<number, SavedTable>,
  span?: ColumnSpan,
  current?: HeaderCandidate,
): { row: number; header?: HeaderCandidate } {
  let nextSaved = grid.rows;
  for (const row of savedByRow.keys()) if (row >= from && row < nextSaved) nextSaved = row;
  const names = current && namesHeading(grid, current);
  for (let r = from; r < nextSaved; r++) {
    // A whole row whose counts rule it out is no header: such rows are passed over without a call each.
    if (span === undefined) r = grid.nextRowOfWords(r);
    if (r >= nextSaved) break;
    const header = readHeader(grid, r, span, current?.shapeDoubts !== undefined) ?? (current && repeatedHeader(grid, r, current));
    if (header) return { row: r, header };
    if (names && namesHeadingAgain(grid, r, names)) return { row: r };
  }
  return { row: nextSaved };
}

/**
 * A row of headings that starts with the table's own heading over its measures, though KPI
 * Tracker can read no table under it ("Indicator | Budget (£000) | Forecast outturn (£000) |
 * Variance (£000) | RAG", a budget table under the KPIs): the table above ends there, and the
 * grid below is named as one not read, rather than its headings and figures taken for indicators.
 */
function namesHeadingAgain(grid: SheetGrid, row: number, names: { col: number; heading: string }): boolean {
  if (grid.figureCount(row) > 0 || grid.filledCount(row) < 3) return false;
  const text = grid.text(row, names.col);
  // The words compared only where their lengths could match: most rows are ruled out unread.
  return Math.abs(text.length - names.heading.length) <= 2 && normaliseHeader(text) === names.heading;
}

/** The table's heading over its measures, as the rows under it are compared with it. */
function namesHeading(grid: SheetGrid, current: HeaderCandidate): { col: number; heading: string } | undefined {
  const names = current.columns.find((column) => column.role === 'description');
  const heading = names && current.rows.map((r) => grid.text(r, names.col)).find(Boolean);
  return names && heading ? { col: names.col, heading: normaliseHeader(heading) } : undefined;
}

function headerFromSaved(grid: SheetGrid, saved: SavedTable): { header: HeaderCandidate; doubts: Issue[] } | undefined {
  const rows = saved.headerRows.map((n) => n - 1);
  const doubts: Issue[] = [];
  const columns: ColumnMapping[] = [];
  for (const column of saved.columns) {
    const col = columnIndex(column.column);
    const header = rows
      .map((r) => grid.shownText(r, col))
      .filter((text, i, all) => text && all.indexOf(text) === i)
      .join(' ');
    if (normaliseHeader(header) !== normaliseHeader(column.header)) {
      doubts.push(
        issue(
          'saved-mapping-no-longer-fits',
          `The saved mapping no longer fits sheet "${grid.sheet.name}": column ${column.column} was "${column.header}" when you confirmed it and is now "${header || '(empty)'}". Check the mapping before running.`,
        ),
      );
    }
    const period = column.period ? parsePeriodLabel(column.period) : undefined;
    columns.push({
      col,
      header: column.header,
      role: column.role as ColumnRole,
      confidence: 1,
      reason: 'confirmed by you',
      ...(period ? { period } : {}),
    });
  }
  if (columns.length === 0) return undefined;
  // The title is the sheet's, not the mapping's: a theme title in the measures column's header
  // (layout B: "TA Reduction | Target | Actual") names the table whether its columns were saved or not.
  const title = readHeader(grid, rows[0]!)?.title;
  return { header: { rows, columns: columns.sort((a, b) => a.col - b.col), ...(title ? { title } : {}) }, doubts };
}

function buildTable(
  grid: SheetGrid,
  header: HeaderCandidate,
  stopBefore: number,
  lastBottom: number,
  fromSaved: { doubts: Issue[] } | undefined,
  /** The columns a table standing beside others may take. */
  span: { left: number; right: number } = { left: 0, right: Number.MAX_SAFE_INTEGER },
): DetectedTable {
  const spanRight = span.right;
  const headerTop = header.rows[0]!;
  const doubts: Issue[] = [...(fromSaved?.doubts ?? [])];
  let columns = [...header.columns];
  const excelTable = grid.sheet.tables.find((t) => t.range.top === headerTop);
  const bodyLimit = excelTable ? Math.min(stopBefore, excelTable.range.bottom + 1 - (excelTable.hasTotalsRow ? 1 : 0)) : stopBefore;

  if (kindOf(columns) === 'action-plan') {
    const { recommendation, top } = readRecommendation(grid, headerTop, lastBottom);
    const { actions, bottom } = readActionRows(grid, header, bodyLimit);
    const cols = columns.map((column) => column.col);
    if (!recommendation)
      doubts.push(
        issue('action-plan-without-recommendation', 'No recommendation reference (such as R1 or R2.1) was found above this action plan.'),
      );
    return {
      sheet: grid.sheet.name,
      range: { top, left: Math.min(...cols), bottom, right: Math.max(...cols) },
      kind: 'action-plan',
      headerRows: header.rows,
      columns,
      indicators: [],
      footnotes: [],
      actions,
      ...(recommendation ? { recommendation, title: recommendation.title } : {}),
      ...(excelTable ? { excelTable: excelTable.name } : {}),
      confidence: Math.min(...columns.map((column) => column.confidence)),
      doubts,
      confirmed: fromSaved !== undefined,
    };
  }

  columns = refineFromContents(grid, header, columns, bodyLimit);
  const headerBottom = header.rows[header.rows.length - 1]!;
  if (!fromSaved && !header.shapeDoubts) {
    // Headers found by their words: the values settle what the words left open or got wrong.
    const bodyRows = bodyRowsBelow(grid, headerBottom, bodyLimit);
    const resolved = resolveColumns(grid, headerCellsOf(grid, header, columns, spanRight, bodyRows), bodyRows);
    // The resolver's doubts are all about columns the header's words mapped, which are all kept.
    columns = keepSeries(wordsOnlyAfterTheRun(resolved.columns, header.columns), header.columns);
    doubts.push(...resolved.doubts);
  }
  doubts.push(...(header.shapeDoubts ?? []));
  if (!fromSaved) columns = lastYearBesideCurrent(columns);
  const body = readBody(grid, { ...header, columns }, bodyLimit);
  doubts.push(...body.doubts);
  columns = fillPeriods(grid, header.rows, lastBottom, columns);
  const tied = tieFootnotes(grid, columns, body.indicators, body.footnotes);
  const { indicators: pairedRows, paired } = pairTargetRows(grid, columns, tied);
  const indicators = splitRowsWithOwnFigures(grid, columns, pairedRows);
  const shares = leaveOutCountsAndComplements(grid, columns, indicators);
  // The table still spans the columns left alone: they are its own, only not judged.
  const spanned = columns.map((column) => column.col);
  columns = shares.columns;
  const kind = kindOf(columns);
  doubts.push(...shares.doubts, ...describeGaps(kind, columns, indicators, paired), ...seriesReportedFirstOnly(columns));
  const headedTo = lastHeadedColumn(grid, header, Math.max(...columns.map((column) => column.col)), spanRight);
  for (const c of grid.filledColumns(headerTop)) {
    if (!columns.some((column) => column.col === c) && c >= span.left && c <= headedTo && !shares.leftOut.has(c)) {
      doubts.push(
        issue(
          'column-not-recognised',
          `Column ${columnLetter(c)} "${shorten(grid.text(headerTop, c), 40)}" was not recognised; KPI Tracker will leave it alone.`,
        ),
      );
    }
  }
  const cols = spanned;
  const titleRow = header.title === undefined ? titleAbove(grid, headerTop, lastBottom) : undefined;
  return {
    sheet: grid.sheet.name,
    range: {
      top: headerTop,
      left: Math.min(...cols),
      bottom: Math.max(body.bottom, header.rows[header.rows.length - 1]!),
      right: Math.max(...cols),
    },
    kind,
    ...((header.title ?? titleRow) ? { title: header.title ?? titleRow } : {}),
    headerRows: header.rows,
    columns,
    indicators,
    footnotes: body.footnotes,
    actions: [],
    ...(excelTable ? { excelTable: excelTable.name } : {}),
    confidence: Math.min(...columns.filter((column) => column.role !== 'commentary').map((column) => column.confidence)),
    doubts,
    confirmed: fromSaved !== undefined,
  };
}

const CURRENT_HEADER = /^(current|latest|this)\b/;

/**
 * "2023/24 Performance | Current Target | Current Performance" (Northumberland): beside the one
 * column of the current figures, a column dated with a year is last year's outturn, read for
 * direction of travel and never judged as this period's figure.
 */
function lastYearBesideCurrent(columns: ColumnMapping[]): ColumnMapping[] {
  const actuals = columns.filter((column) => column.role === 'actual');
  const current = actuals.filter((column) => CURRENT_HEADER.test(normaliseHeader(column.header)));
  if (current.length !== 1 || current[0]!.period) return columns;
  return columns.map((column) =>
    column.role === 'actual' && column.period?.kind === 'year' && !CURRENT_HEADER.test(normaliseHeader(column.header))
      ? {
          ...column,
          role: 'previous' as const,
          reason: `header "${column.header}": a past year's figure beside "${current[0]!.header}", read for direction of travel`,
        }
      : column,
  );
}

/** A "Key Performance Indicator" column that holds `1a`, `2`, `3` is the reference, not the wording. */
function refineFromContents(grid: SheetGrid, header: HeaderCandidate, columns: ColumnMapping[], stopBefore: number): ColumnMapping[] {
  if (columns.some((column) => column.role === 'reference') || columns.some((column) => column.reason === 'confirmed by you'))
    return columns;
  const desc = columns.find((column) => column.role === 'description');
  if (!desc) return columns;
  const values: string[] = [];
  for (let r = header.rows[header.rows.length - 1]! + 1; r < Math.min(stopBefore, grid.rows) && values.length < 30; r++) {
    const text = grid.text(r, desc.col);
    if (text) values.push(text);
    else if (grid.isBlankRow(r)) break;
  }
  // Years down the side ("2007-08", the Criminal Records Bureau's standards) name their rows' years.
  const short = values.filter(
    (text) => REFERENCE_PATTERN.test(text) && text.length <= 8 && !(/[-/]/.test(text) && parsePeriodLabel(text)?.kind === 'year'),
  ).length;
  if (values.length > 0 && short / values.length >= 0.7) {
    return columns.map((column) =>
      column === desc
        ? {
            ...column,
            role: 'reference' as const,
            confidence: 0.8,
            reason: `header "${column.header}", and its entries are short references such as ${values.slice(0, 3).join(', ')}`,
          }
        : column,
    );
  }
  return columns;
}

/**
 * The last column of the header's run of headings from `from`: headings of no known kind straight
 * after the mapped ones ("Indicator | Target | Update | Rating", Cairngorms National Park
 * Authority) are columns of the table too, for their values to settle or a doubt to name.
 */
function lastHeadedColumn(grid: SheetGrid, header: HeaderCandidate, from: number, spanRight: number): number {
  let last = from;
  while (last < spanRight && header.rows.some((r) => grid.shownText(r, last + 1) !== '')) last++;
  return last;
}

/** Roles a column after the header's known headings may take from its values alone: words, never figures. */
const WORDS_AFTER_THE_RUN: ReadonlySet<ColumnRole> = new Set(['status', 'commentary']);

/**
 * The columns after the last the header's words mapped keep a role their values gave only where it
 * is words: "Update" full of sentences, "Rating" of Greens and Ambers (Cairngorms National Park
 * Authority). Counts headed "Tenants surveyed | Responses" are never the period's figures; they are
 * left alone, and the doubt for headings not recognised names them.
 */
function wordsOnlyAfterTheRun(columns: ColumnMapping[], named: readonly ColumnMapping[]): ColumnMapping[] {
  const lastNamed = Math.max(...named.map((column) => column.col));
  return columns.filter(
    (column) =>
      column.col <= lastNamed ||
      // An unheaded column straight after the run was always the values' to settle.
      (column.col === lastNamed + 1 && column.header.trim() === '') ||
      WORDS_AFTER_THE_RUN.has(column.role),
  );
}

/** The series a two-row header named ("Complainant feedback" under "Quarter 4"), kept through the values' reading of the columns. */
function keepSeries(columns: ColumnMapping[], named: readonly ColumnMapping[]): ColumnMapping[] {
  const seriesAt = new Map(named.filter((column) => column.series !== undefined).map((column) => [column.col, column.series!]));
  if (seriesAt.size === 0) return columns;
  return columns.map((column) => {
    const series = seriesAt.get(column.col);
    return series !== undefined && column.role === 'actual' && column.series === undefined ? { ...column, series } : column;
  });
}

/**
 * Every column of the header as the words read it: the mapped ones with their guesses, the rest
 * (an unheaded column of references, a landlord's name over figures) with none, for their values
 * to settle. The columns run from one left of the first mapped column to one right of the last.
 */
function headerCellsOf(
  grid: SheetGrid,
  header: HeaderCandidate,
  columns: readonly ColumnMapping[],
  spanRight: number,
  bodyRows: readonly number[],
): HeaderCell[] {
  const mapped = new Map(columns.map((column) => [column.col, column]));
  const cols = columns.map((column) => column.col);
  const firstMapped = Math.min(...cols);
  // An unheaded column of references may stand across a spacer column ("1 | | Council tax collected").
  let first = Math.max(0, firstMapped - 1);
  while (first > 0 && first > firstMapped - 1 - MAX_SPACER && grid.isEmptyDown(first, header.rows) && grid.isEmptyDown(first, bodyRows))
    first--;
  const last = lastHeadedColumn(grid, header, Math.max(...cols), spanRight) + 1;
  const cells: HeaderCell[] = [];
  for (let c = first; c <= last; c++) {
    const column = mapped.get(c);
    const written = header.rows
      .map((r) => grid.shownText(r, c))
      .filter((text, i, all) => text && all.indexOf(text) === i)
      .join(' ');
    // A cell outside the mapped run counts only if its header is blank (a column the header left unnamed).
    if (!column && (c === first || c === last) && written) continue;
    cells.push({
      col: c,
      header: column?.header ?? written,
      guess: column
        ? {
            role: column.role,
            confidence: column.confidence,
            reason: column.reason,
            ...(column.period ? { period: column.period } : {}),
            ...(column.rating ? { rating: column.rating } : {}),
          }
        : undefined,
    });
  }
  return cells;
}

/**
 * Gives actual and target columns their periods where the header did not: the financial year
 * most dated columns share, or a period named above the table ("Rent Collection January 2018"),
 * in the sheet's name, or a year written above. An actual column headed by a name rather than a
 * period ("SSHA", "North") keeps that name as its series.
 */
function fillPeriods(grid: SheetGrid, headerRows: readonly number[], lastBottom: number, columns: ColumnMapping[]): ColumnMapping[] {
  const headerTop = headerRows[0]!;
  const labelRow = headerRows[headerRows.length - 1]!;
  // A title's period ("Quarter 2 2024/25" over a "Financial year" column of 2024/25) is the
  // more precise; where there is none, a column naming each row's period dates the figures.
  const titled = titledPeriod(grid, headerTop, lastBottom) ?? periodInColumn(grid, labelRow, columns);
  // The one undated actual of a table ("This quarter", "Result", "SSHA") is for the period the title names.
  const undated = columns.filter((column) => column.role === 'actual' && !column.period);
  const dated = columns.some((column) => column.role === 'actual' && column.period);
  // Figures columns that each name their own period in their own label ("% of tenants very and
  // fairly satisfied in 2022 | Satisfaction % in 2020") are for those periods, whatever the title.
  const ownPeriods = undated.map((column) => periodInText(grid.headerText(labelRow, column.col)));
  const eachOwn =
    undated.length > 1 &&
    ownPeriods.every((period) => period !== undefined) &&
    new Set(ownPeriods.map((period) => periodLabel(period!))).size === undated.length;
  const named = columns.map((column) => {
    if (column.role !== 'actual' || column.period) return column;
    const byValues = column.reason.startsWith('its values');
    // A figures column headed by a date alone ("31 March 2020 | 31 March 2019") is for that date,
    // whatever the title says; a date among other words ("Result (reported May 2025)") may date the report.
    // "Westminster Year-end 2023/24": the one figures column, headed by a name and the period it is
    // for, where no title dates the table. Among several, a period in the words may be a
    // heading's over some of them only.
    const inWords = eachOwn
      ? ownPeriods[undated.indexOf(column)]
      : undated.length === 1 && !titled
        ? periodInText(column.header)
        : undefined;
    const headed = byValues ? (dateAlone(column.header) ?? inWords) : undefined;
    if (headed) return { ...column, period: headed };
    if (!byValues && (dated || undated.length > 1)) return column;
    return {
      ...column,
      ...(byValues && column.header && !classifyHeader(column.header) ? { series: column.header } : {}),
      ...(titled ? { period: titled } : {}),
    };
  });
  const filled = yearsEndingTheTitledYear(statusesDatedByTheirFigures(totalsOfPeriods(fillYears(grid, headerTop, named, titled))), titled);
  // A table of answers alone ("Standard | Standard achieved?" under "Our annual performance for the
  // 2019/20 financial year"): its answers are for the period the title names.
  if (filled.some((column) => column.role === 'actual' || column.role === 'target')) return filled;
  const answersFor = titled ?? yearAbove(grid, headerTop);
  // Answers headed by their own periods ("2018-19 | 2019-20") keep them.
  return answersFor
    ? filled.map((column) => (column.role === 'status' && !column.period ? { ...column, period: answersFor } : column))
    : filled;
}

/**
 * "2018 Target | 2018 Actual" under "the financial targets set for the 2017–18 financial year"
 * (Western Australia's Department of Mines): a year written alone over the figures is the one
 * the financial year ends in, where the title names that financial year.
 */
function yearsEndingTheTitledYear(columns: ColumnMapping[], titled: Period | undefined): ColumnMapping[] {
  if (titled?.kind !== 'year' || titled.calendar || titled.fy === undefined) return columns;
  const endsIt = (period: Period | undefined): boolean =>
    period?.kind === 'year' && period.calendar === true && period.fy === titled.fy! + 1;
  // Only where every year written alone is that one: "2016 | 2017 | 2018" are calendar years.
  const calendarYears = columns.filter((column) => column.period?.kind === 'year' && column.period.calendar);
  return calendarYears.length > 0 && calendarYears.every((column) => endsIt(column.period))
    ? columns.map((column) => (endsIt(column.period) ? { ...column, period: titled } : column))
    : columns;
}

/**
 * "Q1 2024/25 | Q1 RAG | Q2 2024/25 | Q2 RAG": where each of several status columns follows its
 * own period's figures, it rates that period, and a run writes each period's status there. Before,
 * the second quarter's status went over the first quarter's rating. A status dated by a heading
 * with no year ("Q1" over "Actual | RAG" under "Scorecard 2024/25") takes its figures' year.
 */
function statusesDatedByTheirFigures(columns: ColumnMapping[]): ColumnMapping[] {
  const statuses = columns.filter((column) => column.role === 'status');
  if (statuses.length < 2) return columns;
  const figuresBefore = (status: ColumnMapping): Period | undefined => {
    for (let at = columns.indexOf(status) - 1; at >= 0; at--) {
      const column = columns[at]!;
      if (column.role === 'status') return undefined;
      if (column.role === 'actual') return column.period;
    }
    return undefined;
  };
  const dates = statuses.map(figuresBefore);
  if (dates.some((period) => period === undefined) || new Set(dates.map((period) => periodLabel(period!))).size < dates.length)
    return columns;
  return columns.map((column) => {
    const at = statuses.indexOf(column);
    if (at < 0) return column;
    const figures = dates[at]!;
    const own = column.period;
    // A status headed by a period of its own keeps it, unless it is the same period lacking its year.
    if (own && (own.fy !== undefined || periodLabel({ ...own, fy: figures.fy } as Period) !== periodLabel(figures))) return column;
    return { ...column, period: figures };
  });
}

const FIGURE_ROLES_FOR_PERIOD: ReadonlySet<ColumnMapping['role']> = new Set(['actual', 'target', 'baseline', 'previous', 'benchmark']);

/**
 * The period a table's period column names, where every row names the same one ("FY2019-20" down
 * "Fiscal Year", San Francisco's performance metrics). Rows naming different periods (a dataset of
 * one row per measure per period) date nothing here: each run judges one period.
 */
function periodInColumn(grid: SheetGrid, labelRow: number, columns: readonly ColumnMapping[]): Period | undefined {
  const column = columns.find((c) => c.role === 'reportingPeriod');
  // Only a column before all the figures heads the rows' period: "Baseline | Period | Target" or
  // "Target | Period ("By March 2027") | Actual" names the baseline's year or the target's date.
  if (!column || columns.some((c) => FIGURE_ROLES_FOR_PERIOD.has(c.role) && c.col < column.col)) return undefined;
  const labels = new Set<string>();
  let period: Period | undefined;
  for (const r of bodyRowsBelow(grid, labelRow, grid.rows)) {
    const text = grid.text(r, column.col).trim();
    if (!text) continue;
    const named = /^by\b/i.test(text) ? undefined : (parsePeriodLabel(text) ?? periodInText(text));
    // A year, or a part of a named year: "YTD" or "Q2" alone dates nothing.
    if (!named || named.fy === undefined) return undefined;
    labels.add(periodLabel(named));
    period = named;
  }
  return labels.size === 1 ? period : undefined;
}

/** A "Total" after a year's months or quarters ("April | … | Mar | TOTAL"). */
const TOTAL_HEADER = /^(total|totals|year total|annual total|yearly total|full year total|total for (the )?year)$/i;

/**
 * A "Total" column straight after month or quarter columns of one financial year is that year's
 * figure (all twelve months or four quarters) or its year to date, not another month: the
 * title's period, which an undated figures column would otherwise take, is not its period.
 */
function totalsOfPeriods(columns: ColumnMapping[]): ColumnMapping[] {
  return columns.map((column, i) => {
    if (column.role !== 'actual' || !TOTAL_HEADER.test(column.header.trim())) return column;
    const parts: Period[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const period = columns[j]!.role === 'actual' ? columns[j]!.period : undefined;
      if (!period || (period.kind !== 'month' && period.kind !== 'quarter')) break;
      parts.unshift(period);
    }
    const fy = parts[0]?.fy;
    if (parts.length < 2 || fy === undefined || parts.some((part) => part.kind !== parts[0]!.kind || part.fy !== fy)) return column;
    const whole = parts.length === (parts[0]!.kind === 'month' ? 12 : 4);
    return { ...column, period: whole ? { kind: 'year', fy } : { kind: 'ytd', fy } };
  });
}

/** The period a page's opening lines name, for every table on it ("This is the key performance data for quarter 3, 2024 to 2025."). */
function periodAtTopOfSheet(grid: SheetGrid, headerTop: number): Period | undefined {
  for (let r = 0; r < Math.min(headerTop, 12); r++) {
    const filled = grid.filledColumns(r);
    if (filled.length === 0 || filled.length > 2) continue;
    const line = filled.map((c) => grid.text(r, c)).join(' ');
    // "Published: 26 March 2025" dates the page, not the period it reports.
    if (/^(published|updated|last updated|date|printed|generated|produced|issued)\b/i.test(line)) continue;
    const period = periodInText(line);
    if (period) return period;
  }
  return undefined;
}

/** The period a table's title names: the line above it, else the page's opening lines, else the sheet's name. */
function titledPeriod(grid: SheetGrid, headerTop: number, lastBottom: number): Period | undefined {
  return periodAboveTable(grid, headerTop, lastBottom) ?? periodAtTopOfSheet(grid, headerTop) ?? periodOfSheetName(grid.sheet.name);
}

/**
 * The period a sheet's name gives: in words ("Performance Q2 2024-25"), or as a tab named for its
 * month the way officers name a month's tab ("Dec-23", "M9 Dec-23").
 */
function periodOfSheetName(name: string): Period | undefined {
  const inWords = periodInText(name);
  if (inWords) return inWords;
  const parts = name.trim().split(/\s+/);
  for (let from = 0; from < parts.length; from++) {
    const rest = parts.slice(from).join(' ');
    // "June 30" names a day as often as a month of 2030: a two-digit year must be joined ("Dec-23").
    if (/^[a-z]+\.?\s\d{2}$/i.test(rest)) continue;
    const period = parsePeriodLabel(rest);
    if (period?.fy !== undefined) return period;
  }
  return undefined;
}

/** The period named in the nearest title line above a table (within twelve rows, below the table before). */
function periodAboveTable(grid: SheetGrid, headerTop: number, lastBottom: number): Period | undefined {
  for (let r = headerTop - 1; r > lastBottom && r >= headerTop - 12; r--) {
    const filled = grid.filledColumns(r);
    if (filled.length === 0) continue;
    if (filled.length > 2) return undefined;
    const period = periodInText(filled.map((c) => grid.text(r, c)).join(' '));
    if (period) return period;
  }
  return undefined;
}

/**
 * The one financial year the header's other cells name, for month columns that name none:
 * "KPI | Measure (2019/20) | April | May | …" (the Legal Ombudsman) is April 2019 onwards.
 */
function yearInHeaderRow(grid: SheetGrid, headerTop: number, columns: readonly ColumnMapping[]): number | undefined {
  const figures = new Set(columns.filter((column) => column.role === 'actual').map((column) => column.col));
  const cols = columns.map((column) => column.col);
  const years = new Set<number>();
  for (let c = Math.min(...cols); c <= Math.max(...cols); c++) {
    if (figures.has(c)) continue;
    const text = grid.text(headerTop, c);
    if (!/\d{4}\s*[-/]\s*\d{2}/.test(text)) continue;
    // "Last year (2023/24)", "Baseline 2023/24", "Scottish average 2023/24" date another figure, not the months.
    // Over the names, a year is the months' own ("2020/2021 | Apr | May", East Ayrshire).
    const overNames = columns.some((column) => column.col === c && column.role === 'description');
    const kind = classifyHeader(text)?.role;
    if (!overNames && kind !== undefined && kind !== 'description' && kind !== 'commentary') continue;
    const fy = financialYearInName(text);
    if (fy !== undefined) years.add(fy);
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** Undated actual and target columns take the financial year written above the table, if any. */
function fillYears(grid: SheetGrid, headerTop: number, columns: ColumnMapping[], titled?: Period): ColumnMapping[] {
  // A calendar year named above ("Performance Report 2024") dates months, not quarters or years of
  // the financial year: January 2024 is in 2023/24.
  const calendarYear = titled?.kind === 'year' && titled.calendar ? titled.fy : undefined;
  const titledYear = calendarYear === undefined ? titled?.fy : undefined;
  // The year most dated actual columns share (last year's outturn column must not win).
  const years = new Map<number, number>();
  for (const column of columns) {
    if (column.role === 'actual' && column.period?.fy !== undefined) years.set(column.period.fy, (years.get(column.period.fy) ?? 0) + 1);
  }
  const targetYears = new Set(
    columns.flatMap((column) => (column.role === 'target' && column.period?.fy !== undefined ? [column.period.fy] : [])),
  );
  const targetYear = targetYears.size === 1 ? [...targetYears][0] : undefined;
  const mostDated = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  // "Target 2024/25 | Q1 | Q2 | Q3 | Q4 | 2023/24 Outturn" with Q3 and Q4 still empty: where the
  // only dated figures are whole years before the one year the targets name, and the undated
  // periods are still being filled in, the dated figures are last year's outturn and the quarters
  // are the targets' year. A year reported whole ("Q1 … Q4 | 2023/24 Outturn | 2024/25 Target")
  // is the outturn's, with next year's target beside it; a title naming the year says which.
  const outturnsOnly = columns.every(
    (column) => column.role !== 'actual' || column.period?.fy === undefined || column.period.kind === 'year',
  );
  const undatedParts = columns.filter((column) => column.role === 'actual' && column.period && column.period.fy === undefined);
  const partsInYear: Partial<Record<string, number>> = { quarter: 4, month: 12, half: 2 };
  const stillFillingIn =
    undatedParts.length < (partsInYear[undatedParts[0]?.period?.kind ?? ''] ?? 0) ||
    undatedParts.some((column) => !figuresBelow(grid, headerTop, column.col));
  const targetsYearNow =
    mostDated !== undefined &&
    titledYear === undefined &&
    outturnsOnly &&
    stillFillingIn &&
    targetYear !== undefined &&
    targetYear > mostDated;
  // "Target | Year end 2023/24 | Quarter 1 | Quarter 2" (Rotherham's housing service): last year's
  // outturn stands before this year's quarters, which have no year of their own; they follow it.
  const datedYears = columns.filter(
    (column) => column.role === 'actual' && column.period?.kind === 'year' && column.period.fy !== undefined,
  );
  // A title dated in the year after the outturn ("… to 31 March 2009" over "2007/08 | Oct | …",
  // Nottingham City Homes) says so too.
  const outturnBeforeParts =
    mostDated !== undefined &&
    (titledYear === undefined || titledYear === mostDated + 1) &&
    targetYear === undefined &&
    outturnsOnly &&
    undatedParts.length > 0 &&
    datedYears.every((column) => undatedParts.every((part) => column.col < part.col)) &&
    // A bare "2023/24" before four full quarters may be that year's own: only an outturn named so,
    // or quarters still being filled in, say the year is over.
    (stillFillingIn || datedYears.every((column) => /\b(year[- ]end|outturn|out-turn|actual|previous|last year)\b/i.test(column.header)));
  const dated =
    (targetsYearNow ? targetYear : outturnBeforeParts ? mostDated + 1 : mostDated) ??
    targetYear ??
    columns.find((column) => column.period?.fy !== undefined)?.period?.fy;
  // A title naming a later financial year ("08/09 TH Index Report" over "Actual 07/08 | June
  // target | June actual") dates the undated months: a lone dated actual is last year's outturn.
  // So does a quarter ("Quarter 3 2024/25" over "2023/24 outturn | 2024/25 target | Q1 | Q2 | Q3").
  // A month or date in a title ("Report to Cabinet, July 2025") says when it was written, not this.
  const laterYear =
    titled !== undefined &&
    titled.kind !== 'month' &&
    titledYear !== undefined &&
    years.size > 0 &&
    dated !== undefined &&
    titledYear > dated;
  const year =
    (laterYear ? titledYear : dated) ??
    titledYear ??
    yearInHeaderRow(grid, headerTop, columns) ??
    yearAbove(grid, headerTop)?.fy ??
    financialYearInName(grid.sheet.name);
  // A table of targets alone ("Companies House Public Targets 2013-14" over "Public Target |
  // Proposed2013-14 Target"): its targets are for the year written above it. A plan's baselines
  // and targets (layout B) keep the year of the figures the plan reports on.
  const targetsOnly = !columns.some((column) => column.role === 'actual' || column.role === 'baseline');
  return columns.map((column) => {
    if ((column.role === 'actual' || (targetsOnly && column.role === 'target')) && !column.period) {
      return year === undefined ? column : { ...column, period: { kind: 'year', fy: year } };
    }
    if ((column.role === 'actual' || column.role === 'target') && column.period && column.period.fy === undefined) {
      if (year !== undefined) return { ...column, period: { ...column.period, fy: year } };
      if (calendarYear !== undefined && column.period.kind === 'month')
        return { ...column, period: { ...column.period, fy: column.period.month >= 4 ? calendarYear : calendarYear - 1 } };
    }
    return column;
  });
}

/** Whether a column holds a figure in the rows under a header (looked at as far as a table runs). */
function figuresBelow(grid: SheetGrid, headerTop: number, col: number): boolean {
  const last = Math.min(grid.rows - 1, headerTop + 60);
  for (let row = headerTop + 1; row <= last; row++) if (grid.cell(row, col).value.kind === 'number') return true;
  return false;
}

function titleAbove(grid: SheetGrid, headerTop: number, lastBottom: number): string | undefined {
  for (let r = headerTop - 1; r > lastBottom && r >= headerTop - 3; r--) {
    const filled = grid.filledColumns(r);
    if (filled.length === 1) {
      const text = grid.text(r, filled[0]!);
      if (!parsePeriodLabel(text) && text.length <= 160) return text;
    }
    if (filled.length > 1) return undefined;
  }
  return undefined;
}

/** Ties footnotes (`*variance-…`) to the indicator whose actual carries the same marker. */
function tieFootnotes(
  grid: SheetGrid,
  columns: readonly ColumnMapping[],
  indicators: DetectedIndicator[],
  footnotes: readonly Footnote[],
): DetectedIndicator[] {
  if (footnotes.length === 0) return indicators;
  const actualCols = columns.filter((column) => column.role === 'actual').map((column) => column.col);
  return indicators.map((indicator) => {
    let marker = '';
    for (const c of actualCols) {
      const runs = grid.text(indicator.row, c).match(/\*+/g) ?? [];
      for (const run of runs) if (run.length > marker.length) marker = run;
    }
    if (!marker) return indicator;
    const note = footnotes.find((footnote) => footnote.marker === marker && footnote.row > indicator.row);
    return note ? { ...indicator, footnote: note } : indicator;
  });
}

/**
 * Figures for the same period side by side, each headed by who or where they are for ("SSHA |
 * MMHA"): each is judged (`check --json` lists every verdict), but a run writes and reports one status an
 * indicator, the first series', so the officer is told which and what is left as it is.
 */
function seriesReportedFirstOnly(columns: readonly ColumnMapping[]): Issue[] {
  // Series of different dates ("Female % | Male %" under 31 March 2020, then under 31 March 2019)
  // stand side by side only with those of their own date.
  const byPeriod = new Map<string, ColumnMapping[]>();
  for (const column of columns) {
    if (column.role !== 'actual' || column.series === undefined) continue;
    const key = column.period ? periodLabel(column.period) : '';
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), column]);
  }
  const sideBySide = [...byPeriod.entries()].filter(([, group]) => group.length > 1);
  if (sideBySide.length === 0) return [];
  const [[label, series]] = sideBySide as [[string, ColumnMapping[]]];
  const statuses = columns.filter((column) => column.role === 'status');
  const [first, ...others] = series;
  const named = others.map((column) => `${columnLetter(column.col)} "${column.series}"`).join(', ');
  const untouched =
    statuses.length > 1
      ? ` Column ${statuses
          .slice(1)
          .map((column) => columnLetter(column.col))
          .join(', ')} is left as it is.`
      : '';
  return [
    issue(
      'series-reported-first-only',
      `Columns ${columnLetter(first!.col)} "${first!.series}" and ${named} hold figures side by side for the same period${label ? ` (${label})` : ''}${sideBySide.length > 1 ? `, and so do the columns of ${sideBySide.length - 1} other period${sideBySide.length > 2 ? 's' : ''}` : ''}. KPI Tracker judges each, but writes and reports the status of the first, "${first!.series}", only.${untouched}`,
    ),
  ];
}

function describeGaps(
  kind: DetectedTable['kind'],
  columns: readonly ColumnMapping[],
  indicators: readonly DetectedIndicator[],
  pairedTargetRows: number,
): Issue[] {
  const roles = new Set(columns.map((column) => column.role));
  const doubts: Issue[] = [];
  const unpaired = indicators.length - pairedTargetRows;
  if (pairedTargetRows > 0)
    doubts.push(
      issue(
        'targets-in-rows',
        `Each indicator's targets are read from its Target row, period by period, and its figures from the row beside it (${pairedTargetRows} indicator${pairedTargetRows === 1 ? '' : 's'}): check them before you run.`,
      ),
    );
  if (pairedTargetRows > 0 && unpaired > 0)
    doubts.push(
      issue(
        'no-target-column',
        `Targets are read from each indicator's Target row, but ${unpaired} indicator${unpaired === 1 ? ' has' : 's have'} no Target row beside ${unpaired === 1 ? 'its' : 'their'} figures.`,
      ),
    );
  else if ((kind === 'period-table' || kind === 'measure-table') && !roles.has('target') && pairedTargetRows === 0)
    doubts.push(issue('no-target-column', 'No target column was found.'));
  if ((kind === 'period-table' || kind === 'measure-table') && !roles.has('status')) {
    doubts.push(
      issue(
        'no-status-column',
        'There is no Status column: KPI Tracker can judge these indicators, but has nowhere in this table to write their statuses until you choose one.',
      ),
    );
  }
  for (const column of columns) {
    if (column.confidence < 0.8 && column.reason !== 'confirmed by you')
      doubts.push(issue('column-role-unsure', `Column ${columnLetter(column.col)} taken as ${column.role}: ${column.reason}.`));
  }
  // "Q1 | Q2 | Q3 | Q4" under a title of "2022" alone (CEDR's tables, a year to a table): with no
  // financial year anywhere, one table's Q4 cannot be told from another's.
  const undated = columns.filter(
    (column) => column.role === 'actual' && column.period && column.period.kind !== 'year' && column.period.fy === undefined,
  );
  if (undated.length >= 2)
    doubts.push(
      issue(
        'periods-without-year',
        `Columns ${columnLetter(undated[0]!.col)} to ${columnLetter(undated[undated.length - 1]!.col)} (${undated.map((column) => periodLabel(column.period!)).join(', ')}) name no year, and no financial year is written above the table or in the sheet's name: write it there, or the same periods of another year cannot be told apart.`,
      ),
    );
  if (indicators.length === 0) doubts.push(issue('no-indicator-rows', 'The table has a header but no indicator rows under it.'));
  if (referencesRise(indicators)) return doubts;
  const seen = new Map<string, number>();
  for (const indicator of indicators) {
    if (!indicator.ref) continue;
    const earlier = seen.get(indicator.ref);
    if (earlier !== undefined)
      doubts.push(
        issue('reference-used-twice', `Reference ${indicator.ref} is used twice (rows ${earlier + 1} and ${indicator.row + 1}).`),
      );
    else seen.set(indicator.ref, indicator.row);
  }
  return doubts;
}

/**
 * Whether each reference sorts after the one before: then none is used twice. References mostly
 * run in order down a table, and this spares building a map of every one (tens of thousands).
 */
function referencesRise(indicators: readonly DetectedIndicator[]): boolean {
  let previous = '';
  for (let i = 0; i < indicators.length; i++) {
    const ref = indicators[i]!.ref;
    if (!ref) continue;
    if (previous !== '' && !(previous < ref)) return false;
    previous = ref;
  }
  return true;
}

function attachDefinitions(grid: SheetGrid, tables: DetectedTable[]): void {
  if (!tables.some((table) => table.kind === 'kpi-return')) return;
  const definitions = readDefinitions(grid);
  if (definitions.size === 0) return;
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    if (table.kind !== 'kpi-return') continue;
    const hasDescription = table.columns.some((column) => column.role === 'description');
    const indicators = table.indicators.map((indicator) => {
      const definition = indicator.ref ? definitions.get(indicator.ref.toLowerCase()) : undefined;
      if (!definition) return indicator;
      return {
        ...indicator,
        definition: definition.text,
        ...(hasDescription && indicator.description ? {} : { description: definition.text }),
      };
    });
    tables[i] = { ...table, indicators };
  }
}

/** Gives indicators the owner and frequency of the measure card whose outcome matches their wording. */
function linkCards(tables: DetectedTable[], cards: readonly MeasureCard[]): void {
  if (cards.length === 0) return;
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    const indicators = table.indicators.map((indicator) => {
      let best: { card: MeasureCard; score: number } | undefined;
      for (const card of cards) {
        if (!card.outcome) continue;
        const score = wordingOverlap(indicator.description, card.outcome);
        if (score >= 0.75 && (!best || score > best.score)) best = { card, score };
      }
      return best ? { ...indicator, card: best.card } : indicator;
    });
    tables[i] = { ...table, indicators };
  }
}
