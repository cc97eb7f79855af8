import type { IndicatorVerdict } from '../engine/evaluate';
import { judgedFigures, type JudgedFigures } from '../engine/judged-figures';
import { STATUSES, type Status } from '../engine/target-types';
import { describeTolerance, type Tolerance } from '../engine/tolerance';
import { formatDateGB, type CalendarDate } from '../model/serial-dates';
import { columnLetter } from '../model/address';
import type { ActionPlanRow } from './action-plan-sheet';
import { ACTION_PLAN_SHEET, ACTION_STATUS_FILL, duplicatedRefs, keyWithRef } from './action-plan-sheet';
import { numberValue, planValueText, textValue, type OwnedSheet, type PlanCell, type PlanValue } from '../plan/plan-types';
import { estimateRowHeight, heightOfLines, SharedCells, totalWidth, wrappedLineCount } from '../plan/row-heights';
import { HEADER_FILL, type StatusColours, type StatusLabels } from '../plan/status-style';
import { countStatuses } from './status-counts';

export interface CommitteeDetails {
  readonly name?: string;
  readonly meetingDate?: string;
  readonly service?: string;
  readonly preparedBy?: string;
}

const FORBIDDEN_IN_SHEET_NAMES = /[[\]:*?/\\]/g;

/** "Committee Q2 2024-25": within Excel's 31 characters and without []:*?/\ */
export function committeeSheetName(period: string): string {
  const name = `Committee ${period}`
    .replace(FORBIDDEN_IN_SHEET_NAMES, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  return name.slice(0, 31);
}

const ARROWS: Record<'better' | 'worse' | 'same', string> = { better: '↑ better', worse: '↓ worse', same: '→ same' };

type Column = 'ref' | 'indicator' | 'target' | 'actual' | 'previous' | 'status' | 'direction' | 'commentary';

const ALL_COLUMNS: readonly Column[] = ['ref', 'indicator', 'target', 'actual', 'previous', 'status', 'direction', 'commentary'];

/** The title, committee details and preparation line span the sheet. */
const MERGED_TITLE_ROWS = 3;

const COLUMN_TITLES: Record<Column, string> = {
  ref: 'Ref',
  indicator: 'Indicator',
  target: 'Target',
  actual: 'Actual',
  previous: 'Previous',
  status: 'Status',
  direction: 'Direction',
  commentary: 'Commentary',
};

const COLUMN_WIDTHS: Record<Column, number> = {
  ref: 8,
  indicator: 42,
  target: 16,
  actual: 14,
  previous: 11,
  status: 13,
  direction: 14,
  commentary: 60,
};

function header(names: readonly string[], offset = 0): PlanCell[] {
  return [
    ...Array<PlanCell | undefined>(offset).fill(undefined),
    ...names.map((name) => ({ value: textValue(name), bold: true, fill: HEADER_FILL, wrap: true, border: true })),
  ] as PlanCell[];
}

function directionText(verdict: IndicatorVerdict): string {
  if (verdict.polarity === 'none') return '– not rated';
  return verdict.trend ? ARROWS[verdict.trend] : '';
}

export interface CommitteeBuild {
  readonly sheet: OwnedSheet;
  /** 1-based rows of the status summary, for a chart where the host can draw one. */
  readonly summaryRows: readonly [number, number];
}

/**
 * The committee sheet for one period, after the reports in the seeds: who it is for, counts by
 * status, the exceptions first with their commentary and action-plan reference, every indicator
 * with its status colour and direction of travel, overdue actions, and the tolerance rule.
 * Columns with nothing in them for this workbook (no references, no previous period) are left out.
 */
export function buildCommitteeSheet(input: {
  readonly period: string;
  readonly verdicts: readonly IndicatorVerdict[];
  /** Each verdict's commentary (same order); where null, the verdict's own. */
  readonly commentary: ReadonlyArray<string | null>;
  /** Judged figures already worked out for some of the verdicts (same order); the rest are worked out here. */
  readonly figures?: ReadonlyArray<JudgedFigures | undefined>;
  /** The references more than one of these verdicts' indicators share, where the caller knows them. */
  readonly duplicated?: ReadonlySet<string>;
  readonly labels: StatusLabels;
  readonly colours: StatusColours;
  readonly committee: CommitteeDetails;
  readonly tolerance: Tolerance;
  readonly actions: readonly ActionPlanRow[];
  /** The keys of `actions`, where the caller knows them. */
  readonly planned?: ReadonlySet<string>;
  readonly today: CalendarDate;
}): CommitteeBuild {
  const { verdicts, labels, colours } = input;
  const count = verdicts.length;
  // One pass over the indicators reads all the rest needs of them, each field once (a verdict's
  // fields are getters, and the verdicts lie scattered in memory among every period's): each one's
  // printed figures and texts, where the exceptions are, and whether the optional columns and the
  // sheet headings are wanted.
  const figures = new Array<JudgedFigures>(count);
  const statuses = new Array<Status>(count);
  const refs = new Array<string | null>(count);
  const sheets = new Array<string>(count);
  const names = new Array<string>(count);
  const directions = new Array<string>(count);
  const commentaries = new Array<string>(count);
  const exceptions: number[] = [];
  let anyRef = false;
  let anyPrevious = false;
  let manySheets = false;
  for (let i = 0; i < count; i++) {
    const v = verdicts[i]!;
    const judged = input.figures?.[i] ?? judgedFigures(v);
    figures[i] = judged;
    const status = v.status;
    statuses[i] = status;
    if (status === 'missed' || status === 'overdue') exceptions.push(i);
    const ref = v.ref;
    refs[i] = ref;
    if (ref !== null && ref !== '') anyRef = true;
    if (judged.previous !== '') anyPrevious = true;
    const sheet = v.sheet;
    sheets[i] = sheet;
    if (sheet !== sheets[0]) manySheets = true;
    names[i] = v.indicator.trim();
    directions[i] = directionText(v);
    commentaries[i] = input.commentary[i] ?? v.commentary ?? '';
  }
  // Direction stays even when empty: the exceptions table uses its place for the action-plan reference.
  const columns = ALL_COLUMNS.filter((column) => (column === 'ref' ? anyRef : column === 'previous' ? anyPrevious : true));
  const widths = columns.map((column) => COLUMN_WIDTHS[column]);
  const lastColumn = columnLetter(columns.length - 1);

  const rows: PlanCell[][] = [];
  const heights: number[] = [];
  const sheetWidth = totalWidth(widths);
  /** A row sized from its cells; the three title rows are merged across the sheet. */
  const push = (row: PlanCell[]): void => {
    heights.push(estimateRowHeight(row, widths, rows.length < MERGED_TITLE_ROWS ? sheetWidth : undefined));
    rows.push(row);
  };
  const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value: textValue(value), ...extra });

  // Two rows for each indicator (more for exceptions), so their cells are built without spreads
  // or closures over columns, and sized as they are placed. Cells that repeat down a column
  // (names, targets, statuses, directions) are built once and shared. Actual and previous figures
  // and commentary are not: each is a newly formatted string, mostly the indicator's own, and
  // hashing it to find a shared cell cost more than the cell (profiled at 50,000 indicators).
  const at = (column: Column): number => columns.indexOf(column);
  const refAt = at('ref');
  const indicatorAt = at('indicator');
  const targetAt = at('target');
  const actualAt = at('actual');
  const previousAt = at('previous');
  const statusAt = at('status');
  const directionAt = at('direction');
  const commentaryAt = at('commentary');
  const wrapped = (value: PlanValue): PlanCell => ({ value, wrap: true, border: true });
  const wrappedIn = (column: number): SharedCells => new SharedCells(widths[column] ?? 0, wrapped);
  const indicatorCells = wrappedIn(indicatorAt);
  const targetCells = wrappedIn(targetAt);
  const directionCells = wrappedIn(directionAt);
  // Sized from the text as written to the cell, which Excel's limit may have cut.
  const linesIn = (cell: PlanCell, column: number): number => wrappedLineCount(planValueText(cell.value), widths[column]!);
  // Each status's cell.
  const byStatus = new Map(
    STATUSES.map((status) => [status, { cell: { value: textValue(labels[status]), fill: colours[status], border: true } }]),
  );

  // The all-indicators row of each indicator; an exception's row is a copy with the action-plan
  // reference in place of the direction, so the lines of the other cells are kept for it.
  const indicatorRows = new Array<PlanCell[]>(count);
  // Typed arrays: a height is as often fractional as not, and these never change their kind of element.
  const linesBesideDirection = new Uint32Array(count);
  const indicatorHeights = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const judged = figures[i]!;
    const row = new Array<PlanCell>(columns.length);
    if (refAt >= 0) row[refAt] = { value: textValue(refs[i] ?? ''), wrap: false, border: true };
    const indicator = indicatorCells.get(names[i]!);
    const target = targetCells.get(judged.target);
    const commentary: PlanCell = { value: textValue(commentaries[i]!), wrap: true, border: true };
    const direction = directionCells.get(directions[i]!);
    row[indicatorAt] = indicator.cell;
    row[targetAt] = target.cell;
    const actual: PlanCell = { value: textValue(judged.actual), wrap: true, border: true };
    row[actualAt] = actual;
    const status = byStatus.get(statuses[i]!)!;
    row[statusAt] = status.cell;
    row[directionAt] = direction.cell;
    row[commentaryAt] = commentary;
    let lines = Math.max(indicator.lines, target.lines, linesIn(actual, actualAt), linesIn(commentary, commentaryAt));
    if (previousAt >= 0) {
      const previous: PlanCell = { value: textValue(judged.previous), wrap: true, border: true };
      row[previousAt] = previous;
      lines = Math.max(lines, linesIn(previous, previousAt));
    }
    linesBesideDirection[i] = lines;
    indicatorHeights[i] = heightOfLines(Math.max(lines, direction.lines));
    indicatorRows[i] = row;
  }

  push([text(`Performance report: ${input.period}`, { bold: true, size: 16 })]);
  const details = [
    input.committee.name ? `Committee: ${input.committee.name}` : '',
    input.committee.meetingDate ? `Meeting: ${input.committee.meetingDate}` : '',
    input.committee.service ? `Service: ${input.committee.service}` : '',
    input.committee.preparedBy ? `Prepared by: ${input.committee.preparedBy}` : '',
  ].filter(Boolean);
  push([
    text(details.length > 0 ? details.join('   ·   ') : 'Committee details can be set in KPI Tracker’s settings.', {
      italic: details.length === 0,
    }),
  ]);
  push([
    text(`Prepared ${formatDateGB(input.today)} from the KPI workbook. ${verdicts.length} indicator${verdicts.length === 1 ? '' : 's'}.`, {
      italic: true,
      fontColour: '#595959',
    }),
  ]);
  push([]);

  // The summary sits in the indicator and target columns, which are wide enough for a status label.
  const indent = columns.indexOf('indicator');
  const pad = (cells: PlanCell[]): PlanCell[] => [...Array<PlanCell | undefined>(indent).fill(undefined), ...cells] as PlanCell[];
  push([text('Summary', { bold: true, size: 12 })]);
  push(header(['Status', 'Number', 'Share'], indent));
  const summaryStart = rows.length + 1;
  const counts = countStatuses(statuses);
  for (const status of STATUSES) {
    const n = counts[status];
    if (n === 0) continue;
    push(
      pad([
        text(labels[status], { fill: colours[status], border: true }),
        { value: numberValue(n), border: true },
        { value: numberValue(n / verdicts.length), numberFormat: '0%', border: true },
      ]),
    );
  }
  const summaryEnd = rows.length;
  push(
    pad([
      text('Total', { bold: true, border: true }),
      { value: numberValue(verdicts.length), bold: true, border: true },
      { value: numberValue(verdicts.length ? 1 : 0), numberFormat: '0%', bold: true, border: true },
    ]),
  );
  push([]);

  push([text('Exceptions: indicators not meeting target', { bold: true, size: 12 })]);
  if (exceptions.length === 0) {
    push([text('None: every indicator with figures met its target or was within tolerance.', { italic: true })]);
  } else {
    // The direction column gives way to the action-plan reference here.
    push(header(columns.map((column) => (column === 'direction' ? 'Action plan' : COLUMN_TITLES[column]))));
    const planned = input.planned ?? new Set(input.actions.map((a) => a.key));
    const duplicated = input.duplicated ?? duplicatedRefs(verdicts);
    for (const i of exceptions) {
      const key = keyWithRef(refs[i]!, verdicts[i]!, duplicated);
      const plan = planned.has(key) ? `See ${ACTION_PLAN_SHEET}, ${key}` : 'No action plan yet';
      const row = indicatorRows[i]!.slice();
      // Unique to the indicator: not worth sharing.
      row[directionAt] = { value: textValue(plan), wrap: true, border: true };
      heights.push(heightOfLines(Math.max(linesBesideDirection[i]!, linesIn(row[directionAt]!, directionAt))));
      rows.push(row);
    }
  }
  push([]);

  push([text('All indicators', { bold: true, size: 12 })]);
  push(header(columns.map((column) => COLUMN_TITLES[column])));
  const tableHeaderRow = rows.length;
  let section = '';
  for (let i = 0; i < count; i++) {
    if (manySheets && sheets[i] !== section) {
      section = sheets[i]!;
      push([text(section, { bold: true, italic: true })]);
    }
    heights.push(indicatorHeights[i]!);
    rows.push(indicatorRows[i]!);
  }
  push([]);

  const overdue = input.actions.filter((a) => a.status === 'Overdue');
  push([text('Overdue actions', { bold: true, size: 12 })]);
  if (overdue.length === 0) {
    push([text('None.', { italic: true })]);
  } else {
    // Actions sit in the table's own columns: the action under Indicator, its progress under Commentary.
    const place: Partial<Record<Column, keyof ActionPlanRow | 'label'>> = {
      ref: 'ref',
      indicator: 'action',
      target: 'by',
      actual: 'responsible',
      commentary: 'progress',
    };
    const titles: Partial<Record<Column, string>> = {
      ref: 'Ref',
      indicator: 'Action',
      target: 'By',
      actual: 'Responsible',
      commentary: 'Progress',
    };
    push(columns.map((column) => ({ value: textValue(titles[column] ?? ''), bold: true, fill: HEADER_FILL, wrap: true, border: true })));
    for (const a of overdue) {
      push(
        columns.map((column) => {
          const field = place[column];
          const value =
            field === undefined
              ? column === 'status'
                ? 'Overdue'
                : ''
              : column === 'ref' && !columns.includes('ref')
                ? ''
                : String(a[field as keyof ActionPlanRow] ?? '');
          return column === 'status'
            ? text(value, { fill: ACTION_STATUS_FILL.Overdue, border: true })
            : text(value, { wrap: true, border: true });
        }),
      );
    }
  }
  push([]);
  push([text(`Tolerance: ${describeTolerance(input.tolerance)}`, { italic: true, fontColour: '#595959' })]);
  push([
    text(
      'Direction of travel compares with the previous period: ↑ better, ↓ worse, → the same, whichever way is better for the indicator.',
      { italic: true, fontColour: '#595959' },
    ),
  ]);

  return {
    sheet: {
      name: committeeSheetName(input.period),
      purpose: 'committee',
      mode: 'replace',
      visibility: 'visible',
      rows,
      columnWidths: widths,
      rowHeights: heights,
      merges: [`A1:${lastColumn}1`, `A2:${lastColumn}2`, `A3:${lastColumn}3`],
      freezeRows: 3,
      print: {
        landscape: true,
        fitToWidth: true,
        repeatRows: [tableHeaderRow, tableHeaderRow],
        footer: `Performance report: ${input.period}`,
      },
      chart: {
        title: `Indicators by status, ${input.period}`,
        labelsRange: `${columnLetter(indent)}${summaryStart}:${columnLetter(indent)}${summaryEnd}`,
        valuesRange: `${columnLetter(indent + 1)}${summaryStart}:${columnLetter(indent + 1)}${summaryEnd}`,
      },
    },
    summaryRows: [summaryStart, summaryEnd],
  };
}
