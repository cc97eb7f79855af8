import type { IndicatorVerdict } from '../engine/indicator-verdict';
import { judgedFigures, type JudgedFigures } from '../engine/judged-figures';
import { STATUSES } from '../engine/target-types';
import type { Tolerance } from '../engine/tolerance';
import { formatDateGB, type CalendarDate } from '../model/serial-dates';
import { columnLetter } from '../model/address';
import type { ActionPlanRow } from './action-plan-sheet';
import { ACTION_STATUS_FILL, duplicatedRefs, indicatorKey } from './action-plan-sheet';
import { DIRECTION_MEANING, DIRECTION_WORDS, JUDGED, NO_ACTION_YET, OWNER_MEANING, OWNER_NOT_NAMED, statusMeaning } from './committee-key';
import { countStatuses, judgedCount } from './status-counts';
import { numberValue, planValueText, textValue, type OwnedSheet, type PlanCell, type PlanValue } from '../plan/plan-types';
import { estimateRowHeight, heightOfLines, SharedCells, totalWidth, wrappedLineCount } from '../plan/row-heights';
import { HEADER_FILL, type StatusColours, type StatusLabels } from '../plan/status-style';

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

type Column = 'ref' | 'indicator' | 'owner' | 'target' | 'actual' | 'previous' | 'lastYear' | 'status' | 'direction' | 'commentary';

const ALL_COLUMNS: readonly Column[] = [
  'ref',
  'indicator',
  'owner',
  'target',
  'actual',
  'previous',
  'lastYear',
  'status',
  'direction',
  'commentary',
];

const COLUMN_TITLES: Record<Column, string> = {
  ref: 'Ref',
  indicator: 'Indicator',
  owner: 'Owner',
  target: 'Target',
  actual: 'Actual',
  previous: 'Previous',
  lastYear: 'Same period last year',
  status: 'Status',
  direction: 'Direction',
  commentary: 'Commentary',
};

/** In characters; the sheet prints one page wide, so every column earns its width. */
const COLUMN_WIDTHS: Record<Column, number> = {
  ref: 8,
  indicator: 38,
  owner: 16,
  target: 14,
  actual: 12,
  previous: 11,
  lastYear: 11,
  status: 12,
  direction: 22,
  commentary: 52,
};

/** The chart of statuses beside the summary is at least this many rows tall. */
const CHART_ROWS = 12;

function header(names: readonly string[], offset = 0): PlanCell[] {
  return [
    ...Array<PlanCell | undefined>(offset).fill(undefined),
    ...names.map((name) => ({ value: textValue(name), bold: true, fill: HEADER_FILL, wrap: true, border: true })),
  ] as PlanCell[];
}

function directionText(verdict: IndicatorVerdict): string {
  if (verdict.polarity === 'none') return DIRECTION_WORDS.none;
  const trend = verdict.trend;
  return trend ? DIRECTION_WORDS[trend] : '';
}

export interface CommitteeBuild {
  readonly sheet: OwnedSheet;
  /** 1-based rows of the status summary, for a chart where the host can draw one. */
  readonly summaryRows: readonly [number, number];
}

/**
 * What an indicator's action-plan block says is being done, a line per action with its date; or,
 * where the block has no action written yet, that the owner is to add one.
 */
function actionsByKey(actions: readonly ActionPlanRow[]): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const a of actions) {
    const action = a.action.trim();
    if (!action) continue;
    const by = a.by.trim();
    const line = `${action}${by ? ` (by ${by})` : ''}${a.status === 'Overdue' ? ' — overdue' : ''}`;
    const known = lines.get(a.key);
    if (known) known.push(line);
    else lines.set(a.key, [line]);
  }
  return new Map([...lines].map(([key, texts]) => [key, texts.join('\n')]));
}

/**
 * The committee sheet for one period, after the performance appendices councils publish for
 * cabinet and scrutiny: who it is for, a key to the statuses with the tolerance in words, counts
 * and shares of the indicators that were judged (No data and No target counted apart) beside a
 * chart of them, the exceptions first with the action being taken, then overdue actions, then every
 * indicator (the table whose header repeats on each printed page), grouped by section where the
 * workbook has sections, with its owner, status colour and word, direction of travel as shape and
 * word, and last year's figure where the workbook has it.
 * Columns with nothing in them for this workbook (no references, no previous period, no last year)
 * are left out. The owner column is too, unless an indicator missed: then it stays, and says
 * "Not named" beside each miss the workbook names no one for.
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
  /** The group (section, service, theme) each verdict is reported under (same order); '' for none. */
  readonly groups?: readonly string[];
  /** Each verdict's figure for the same period last year (same order); '' where the workbook has none. */
  readonly lastYear?: readonly string[];
  readonly labels: StatusLabels;
  readonly colours: StatusColours;
  readonly committee: CommitteeDetails;
  readonly tolerance: Tolerance;
  readonly actions: readonly ActionPlanRow[];
  readonly today: CalendarDate;
}): CommitteeBuild {
  const { verdicts, labels, colours, period } = input;
  const count = verdicts.length;
  const figures = verdicts.map((v, i) => input.figures?.[i] ?? judgedFigures(v));
  const lastYear = input.lastYear ?? [];
  const isException = verdicts.map((v) => v.status === 'missed' || v.status === 'overdue');
  const ownerOf = verdicts.map((v, i) => v.owner?.trim() || (isException[i] ? OWNER_NOT_NAMED : ''));
  // Columns with nothing in them for these indicators are left out.
  const wanted: Partial<Record<Column, boolean>> = {
    ref: verdicts.some((v) => v.ref !== null && v.ref !== ''),
    owner: ownerOf.some(Boolean),
    previous: figures.some((judged) => judged.previous !== ''),
    lastYear: lastYear.some(Boolean),
  };
  // Direction stays even when empty: the exceptions table uses its place for the action.
  const columns = ALL_COLUMNS.filter((column) => wanted[column] ?? true);
  const widths = columns.map((column) => COLUMN_WIDTHS[column]);
  const lastColumn = columnLetter(columns.length - 1);

  const rows: PlanCell[][] = [];
  const heights: number[] = [];
  const merges: string[] = [];
  const sheetWidth = totalWidth(widths);
  const push = (row: PlanCell[], mergedWidth?: number): void => {
    heights.push(estimateRowHeight(row, widths, mergedWidth));
    rows.push(row);
  };
  /** A line of text merged across the sheet, wrapped and sized to its width. */
  const pushWide = (cell: PlanCell): void => {
    merges.push(`A${rows.length + 1}:${lastColumn}${rows.length + 1}`);
    push([{ wrap: true, ...cell }], sheetWidth);
  };
  const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value: textValue(value), ...extra });

  // Cells that repeat down a column (names, owners, targets, statuses, directions) are built once
  // and shared. Actual and previous figures and commentary are not: each is a newly formatted
  // string, mostly the indicator's own, and hashing it to find a shared cell cost more than the
  // cell (profiled at 50,000 indicators).
  const at = (column: Column): number => columns.indexOf(column);
  const refAt = at('ref');
  const indicatorAt = at('indicator');
  const ownerAt = at('owner');
  const targetAt = at('target');
  const actualAt = at('actual');
  const previousAt = at('previous');
  const lastYearAt = at('lastYear');
  const statusAt = at('status');
  const directionAt = at('direction');
  const commentaryAt = at('commentary');
  const wrapped = (value: PlanValue): PlanCell => ({ value, wrap: true, border: true });
  const wrappedIn = (column: number): SharedCells => new SharedCells(widths[column] ?? 0, wrapped);
  const indicatorCells = wrappedIn(indicatorAt);
  const ownerCells = wrappedIn(ownerAt);
  const targetCells = wrappedIn(targetAt);
  const directionCells = wrappedIn(directionAt);
  // Sized from the text as written to the cell, which Excel's limit may have cut.
  const linesIn = (cell: PlanCell, column: number): number => wrappedLineCount(planValueText(cell.value), widths[column]!);
  // Each status's cell, and how many indicators have it.
  const byStatus = new Map(
    STATUSES.map((status) => [status, { cell: { value: textValue(labels[status]), fill: colours[status], border: true } }]),
  );

  // The all-indicators row of each indicator, with its height; an exception's row is a copy with
  // the action in place of the direction, so the lines of the other cells are kept for it.
  const indicatorRows: PlanCell[][] = [];
  const indicatorHeights: number[] = [];
  const linesBesideDirection: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = verdicts[i]!;
    const judged = figures[i]!;
    const row = new Array<PlanCell>(columns.length);
    if (refAt >= 0) row[refAt] = { value: textValue(v.ref ?? ''), wrap: false, border: true };
    const indicator = indicatorCells.get(v.indicator.trim());
    const target = targetCells.get(judged.target);
    const commentary: PlanCell = { value: textValue(input.commentary[i] ?? v.commentary ?? ''), wrap: true, border: true };
    const direction = directionCells.get(directionText(v));
    row[indicatorAt] = indicator.cell;
    row[targetAt] = target.cell;
    const actual: PlanCell = { value: textValue(judged.actual), wrap: true, border: true };
    row[actualAt] = actual;
    const status = byStatus.get(v.status)!;
    row[statusAt] = status.cell;
    row[directionAt] = direction.cell;
    row[commentaryAt] = commentary;
    let lines = Math.max(indicator.lines, target.lines, linesIn(actual, actualAt), linesIn(commentary, commentaryAt));
    if (ownerAt >= 0) {
      const owner = ownerCells.get(ownerOf[i]!);
      row[ownerAt] = owner.cell;
      lines = Math.max(lines, owner.lines);
    }
    if (previousAt >= 0) {
      const previous: PlanCell = { value: textValue(judged.previous), wrap: true, border: true };
      row[previousAt] = previous;
      lines = Math.max(lines, linesIn(previous, previousAt));
    }
    if (lastYearAt >= 0) {
      const earlier: PlanCell = { value: textValue(lastYear[i] ?? ''), wrap: true, border: true };
      row[lastYearAt] = earlier;
      lines = Math.max(lines, linesIn(earlier, lastYearAt));
    }
    indicatorRows.push(row);
    indicatorHeights.push(heightOfLines(Math.max(lines, direction.lines)));
    linesBesideDirection.push(lines);
  }

  // Who it is for: lines that are not set are left out, never filled with a placeholder.
  pushWide(text(`Performance report: ${period}`, { bold: true, size: 16 }));
  const details = [
    input.committee.name ? `Committee: ${input.committee.name}` : '',
    input.committee.meetingDate ? `Meeting: ${input.committee.meetingDate}` : '',
    input.committee.service ? `Service: ${input.committee.service}` : '',
    input.committee.preparedBy ? `Prepared by: ${input.committee.preparedBy}` : '',
  ].filter(Boolean);
  if (details.length > 0) pushWide(text(details.join('   ·   ')));
  pushWide(
    text(`Prepared ${formatDateGB(input.today)} from the KPI workbook. ${count} indicator${count === 1 ? '' : 's'}.`, {
      italic: true,
      fontColour: '#595959',
    }),
  );
  const titleRows = rows.length;
  push([]);

  // The key and the summary sit in the indicator column and those after it, which are wide enough for a status label.
  const indent = indicatorAt;
  const pad = (cells: PlanCell[]): PlanCell[] => [...Array<PlanCell | undefined>(indent).fill(undefined), ...cells] as PlanCell[];
  // Counted as the corporate roll-up counts them (status-counts), so a workbook's numbers agree in both.
  const counts = countStatuses(verdicts.map((v) => v.status));
  const present = STATUSES.filter((status) => counts[status] > 0);
  push([text('Key', { bold: true, size: 12 })]);
  const meaningWidth = sheetWidth - totalWidth(widths.slice(0, indent + 1));
  const keyRow = (label: PlanCell, meaning: string): void => {
    const r = rows.length + 1;
    merges.push(`${columnLetter(indent + 1)}${r}:${lastColumn}${r}`);
    const cell: PlanCell = { value: textValue(meaning), wrap: true, border: true };
    heights.push(heightOfLines(Math.max(1, wrappedLineCount(meaning, meaningWidth))));
    rows.push(pad([label, cell]));
  };
  for (const status of present) keyRow(byStatus.get(status)!.cell, statusMeaning(status, period, input.tolerance));
  keyRow(text('Direction', { border: true }), DIRECTION_MEANING);
  if (ownerOf.includes(OWNER_NOT_NAMED)) keyRow(text('Owner', { border: true }), OWNER_MEANING);
  push([]);

  // Shares are of the indicators judged against a target: missing figures do not water them down.
  const judged = judgedCount(counts);
  const summaryTitleRow = rows.length;
  push([text('Summary', { bold: true, size: 12 })]);
  push(header(['Status', 'Number', 'Share of those judged'], indent));
  const summaryStart = rows.length + 1;
  for (const status of present) {
    const n = counts[status];
    push(
      pad([
        text(labels[status], { fill: colours[status], border: true }),
        { value: numberValue(n), border: true },
        JUDGED.has(status)
          ? { value: numberValue(n / judged), numberFormat: '0%', border: true }
          : text('not judged', { italic: true, fontColour: '#595959', border: true }),
      ]),
    );
  }
  const summaryEnd = rows.length;
  push(
    pad([
      text('Judged against a target', { bold: true, border: true, wrap: true }),
      { value: numberValue(judged), bold: true, border: true },
      judged > 0 ? { value: numberValue(1), numberFormat: '0%', bold: true, border: true } : text('', { border: true }),
    ]),
  );
  push(
    pad([text('Total', { bold: true, border: true }), { value: numberValue(count), bold: true, border: true }, text('', { border: true })]),
  );
  // Room beside the summary for the chart.
  while (rows.length - summaryTitleRow < CHART_ROWS) push([]);
  const chartBottom = rows.length;
  push([]);

  push([text('Exceptions: indicators not meeting target', { bold: true, size: 12 })]);
  const exceptions: number[] = [];
  isException.forEach((exception, i) => {
    if (exception) exceptions.push(i);
  });
  if (exceptions.length === 0) {
    push([text('None: every indicator with a figure met its target or was within the tolerance.', { italic: true })]);
  } else {
    // The direction column gives way to what is being done about it.
    push(header(columns.map((column) => (column === 'direction' ? 'Action being taken' : COLUMN_TITLES[column]))));
    const actionOf = actionsByKey(input.actions);
    const duplicated = input.duplicated ?? duplicatedRefs(verdicts);
    for (const i of exceptions) {
      const key = indicatorKey(verdicts[i]!, duplicated);
      const row = indicatorRows[i]!.slice();
      // Unique to the indicator: not worth sharing.
      row[directionAt] = { value: textValue(actionOf.get(key) ?? NO_ACTION_YET), wrap: true, border: true };
      heights.push(heightOfLines(Math.max(linesBesideDirection[i]!, linesIn(row[directionAt]!, directionAt))));
      rows.push(row);
    }
  }
  push([]);

  const overdue = input.actions.filter((a) => a.status === 'Overdue');
  push([text('Overdue actions', { bold: true, size: 12 })]);
  if (overdue.length === 0) {
    push([text('None.', { italic: true })]);
  } else {
    // Actions sit in the table's own columns: the action under Indicator, its progress under Commentary.
    const place: Partial<Record<Column, keyof ActionPlanRow>> = {
      ref: 'ref',
      indicator: 'action',
      target: 'by',
      [ownerAt >= 0 ? 'owner' : 'actual']: 'responsible',
      commentary: 'progress',
    };
    const titles: Partial<Record<Column, string>> = {
      ref: 'Ref',
      indicator: 'Action',
      target: 'By',
      [ownerAt >= 0 ? 'owner' : 'actual']: 'Responsible',
      status: 'Status',
      commentary: 'Progress',
    };
    push(columns.map((column) => ({ value: textValue(titles[column] ?? ''), bold: true, fill: HEADER_FILL, wrap: true, border: true })));
    for (const a of overdue) {
      push(
        columns.map((column) => {
          const field = place[column];
          const value = field === undefined ? (column === 'status' ? 'Overdue' : '') : String(a[field] ?? '');
          return column === 'status'
            ? text(value, { fill: ACTION_STATUS_FILL.Overdue, border: true })
            : text(value, { wrap: true, border: true });
        }),
      );
    }
  }
  push([]);

  push([text('All indicators', { bold: true, size: 12 })]);
  push(header(columns.map((column) => COLUMN_TITLES[column])));
  const tableHeaderRow = rows.length;
  const groups = input.groups ?? [];
  const groupOrder: string[] = [];
  const members = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const group = groups[i] ?? '';
    const known = members.get(group);
    if (known) known.push(i);
    else {
      members.set(group, [i]);
      groupOrder.push(group);
    }
  }
  const headed = groupOrder.length > 1;
  for (const group of groupOrder) {
    if (headed) push([text(group || 'Other indicators', { bold: true, italic: true })]);
    for (const i of members.get(group)!) {
      heights.push(indicatorHeights[i]!);
      rows.push(indicatorRows[i]!);
    }
  }

  const chartLeft = Math.min(indent + 4, columns.length - 1);
  return {
    sheet: {
      name: committeeSheetName(period),
      purpose: 'committee',
      mode: 'replace',
      visibility: 'visible',
      rows,
      columnWidths: widths,
      rowHeights: heights,
      merges,
      freezeRows: titleRows,
      print: {
        landscape: true,
        fitToWidth: true,
        repeatRows: [tableHeaderRow, tableHeaderRow],
        footer: `Performance report: ${period}${input.committee.name ? ` · ${input.committee.name}` : ''}`,
      },
      chart: {
        title: `Indicators by status, ${period}`,
        labelsRange: `${columnLetter(indent)}${summaryStart}:${columnLetter(indent)}${summaryEnd}`,
        valuesRange: `${columnLetter(indent + 1)}${summaryStart}:${columnLetter(indent + 1)}${summaryEnd}`,
        colours: present.map((status) => colours[status]),
        from: { col: chartLeft, row: summaryTitleRow },
        to: { col: columns.length, row: chartBottom },
      },
    },
    summaryRows: [summaryStart, summaryEnd],
  };
}
