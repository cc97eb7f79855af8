import type { IndicatorVerdict } from '../engine/evaluate';
import { judgedFigures } from '../engine/judged-figures';
import { STATUSES, type Status } from '../engine/target-types';
import { describeTolerance, type Tolerance } from '../engine/tolerance';
import { formatDateGB, type CalendarDate } from '../model/serial-dates';
import { columnLetter } from '../model/address';
import type { ActionPlanRow } from '../actions/action-plan-sheet';
import { ACTION_PLAN_SHEET, ACTION_STATUS_FILL, duplicatedRefs, indicatorKey } from '../actions/action-plan-sheet';
import { numberValue, textValue, type OwnedSheet, type PlanCell } from '../plan/plan-types';
import { estimateRowHeights } from '../plan/row-heights';
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
  const name = `Committee ${period}`.replace(FORBIDDEN_IN_SHEET_NAMES, '-').replace(/^'+|'+$/g, '').trim();
  return name.slice(0, 31);
}

const NO_OVERRIDE: Partial<Record<Column, string>> = {};

const ARROWS: Record<'better' | 'worse' | 'same', string> = { better: '↑ better', worse: '↓ worse', same: '→ same' };

type Column = 'ref' | 'indicator' | 'target' | 'actual' | 'previous' | 'status' | 'direction' | 'commentary';

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

const COLUMN_WIDTHS: Record<Column, number> = { ref: 8, indicator: 42, target: 16, actual: 14, previous: 11, status: 13, direction: 14, commentary: 60 };

function header(names: readonly string[], offset = 0): PlanCell[] {
  return [...Array<PlanCell | undefined>(offset).fill(undefined), ...names.map((name) => ({ value: textValue(name), bold: true, fill: HEADER_FILL, wrap: true, border: true }))] as PlanCell[];
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
  readonly commentary: ReadonlyMap<IndicatorVerdict, string | null>;
  readonly labels: StatusLabels;
  readonly colours: StatusColours;
  readonly committee: CommitteeDetails;
  readonly tolerance: Tolerance;
  readonly actions: readonly ActionPlanRow[];
  readonly today: CalendarDate;
}): CommitteeBuild {
  const { verdicts, labels, colours } = input;
  const commentaryOf = (v: IndicatorVerdict): string => input.commentary.get(v) ?? v.commentary ?? '';
  const cellsOf = (v: IndicatorVerdict): Record<Column, string> => {
    const figures = judgedFigures(v);
    return {
      ref: v.ref ?? '',
      indicator: v.indicator.trim(),
      target: figures.target,
      actual: figures.actual,
      previous: figures.previous,
      status: labels[v.status],
      direction: directionText(v),
      commentary: commentaryOf(v),
    };
  };
  const all = verdicts.map((v) => ({ v, cells: cellsOf(v) }));
  // Direction stays even when empty: the exceptions table uses its place for the action-plan reference.
  const optional: Column[] = ['ref', 'previous'];
  const columns = (['ref', 'indicator', 'target', 'actual', 'previous', 'status', 'direction', 'commentary'] as Column[]).filter(
    (column) => !optional.includes(column) || all.some(({ cells }) => cells[column] !== ''),
  );
  const widths = columns.map((column) => COLUMN_WIDTHS[column]);
  const lastColumn = columnLetter(columns.length - 1);

  const rows: PlanCell[][] = [];
  const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value: textValue(value), ...extra });
  // Two rows for each indicator (more for exceptions): cells are built without spreads, and a
  // status cell, the same for every indicator with that status, is built once and shared.
  const statusCells = new Map<Status, PlanCell>();
  const wrappedCells = new Map<string, PlanCell>();
  const statusCell = (status: Status): PlanCell => {
    let cell = statusCells.get(status);
    if (!cell) {
      cell = { value: textValue(labels[status]), fill: colours[status], border: true };
      statusCells.set(status, cell);
    }
    return cell;
  };
  const row = (v: IndicatorVerdict, cells: Record<Column, string>, override: Partial<Record<Column, string>> = NO_OVERRIDE): PlanCell[] =>
    columns.map((column) => {
      const value = override[column] ?? cells[column];
      if (column === 'status') return value === labels[v.status] ? statusCell(v.status) : { value: textValue(value), fill: colours[v.status], border: true };
      if (column === 'ref' || column === 'commentary') return { value: textValue(value), wrap: column !== 'ref', border: true };
      // Targets, figures, directions and indicator names repeat down the sheet: one cell per text.
      let cell = wrappedCells.get(value);
      if (!cell) {
        cell = { value: textValue(value), wrap: true, border: true };
        wrappedCells.set(value, cell);
      }
      return cell;
    });

  rows.push([text(`Performance report: ${input.period}`, { bold: true, size: 16 })]);
  const details = [
    input.committee.name ? `Committee: ${input.committee.name}` : '',
    input.committee.meetingDate ? `Meeting: ${input.committee.meetingDate}` : '',
    input.committee.service ? `Service: ${input.committee.service}` : '',
    input.committee.preparedBy ? `Prepared by: ${input.committee.preparedBy}` : '',
  ].filter(Boolean);
  rows.push([text(details.length > 0 ? details.join('   ·   ') : 'Committee details can be set in KPI Tracker’s settings.', { italic: details.length === 0 })]);
  rows.push([text(`Prepared ${formatDateGB(input.today)} from the KPI workbook. ${verdicts.length} indicator${verdicts.length === 1 ? '' : 's'}.`, { italic: true, fontColour: '#595959' })]);
  rows.push([]);

  // The summary sits in the indicator and target columns, which are wide enough for a status label.
  const indent = columns.indexOf('indicator');
  const pad = (cells: PlanCell[]): PlanCell[] => [...Array<PlanCell | undefined>(indent).fill(undefined), ...cells] as PlanCell[];
  rows.push([text('Summary', { bold: true, size: 12 })]);
  rows.push(header(['Status', 'Number', 'Share'], indent));
  const summaryStart = rows.length + 1;
  const counts = new Map<Status, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  for (const status of STATUSES) {
    const n = counts.get(status) ?? 0;
    if (n === 0) continue;
    rows.push(pad([text(labels[status], { fill: colours[status], border: true }), { value: numberValue(n), border: true }, { value: numberValue(n / verdicts.length), numberFormat: '0%', border: true }]));
  }
  const summaryEnd = rows.length;
  rows.push(pad([text('Total', { bold: true, border: true }), { value: numberValue(verdicts.length), bold: true, border: true }, { value: numberValue(verdicts.length ? 1 : 0), numberFormat: '0%', bold: true, border: true }]));
  rows.push([]);

  const exceptions = all.filter(({ v }) => v.status === 'missed' || v.status === 'overdue');
  rows.push([text('Exceptions: indicators not meeting target', { bold: true, size: 12 })]);
  if (exceptions.length === 0) {
    rows.push([text('None: every indicator with figures met its target or was within tolerance.', { italic: true })]);
  } else {
    // The direction column gives way to the action-plan reference here.
    rows.push(header(columns.map((column) => (column === 'direction' ? 'Action plan' : COLUMN_TITLES[column]))));
    const planned = new Set(input.actions.map((a) => a.key));
    const duplicated = duplicatedRefs(verdicts);
    for (const { v, cells } of exceptions) {
      const key = indicatorKey(v, duplicated);
      const plan = planned.has(key) ? `See ${ACTION_PLAN_SHEET}, ${key}` : 'No action plan yet';
      rows.push(row(v, cells, { direction: plan }));
    }
  }
  rows.push([]);

  rows.push([text('All indicators', { bold: true, size: 12 })]);
  rows.push(header(columns.map((column) => COLUMN_TITLES[column])));
  const tableHeaderRow = rows.length;
  const sheets = new Set(verdicts.map((v) => v.sheet)).size > 1;
  let section = '';
  for (const { v, cells } of all) {
    if (sheets && v.sheet !== section) {
      section = v.sheet;
      rows.push([text(v.sheet, { bold: true, italic: true })]);
    }
    rows.push(row(v, cells));
  }
  rows.push([]);

  const overdue = input.actions.filter((a) => a.status === 'Overdue');
  rows.push([text('Overdue actions', { bold: true, size: 12 })]);
  if (overdue.length === 0) {
    rows.push([text('None.', { italic: true })]);
  } else {
    // Actions sit in the table's own columns: the action under Indicator, its progress under Commentary.
    const place: Partial<Record<Column, keyof ActionPlanRow | 'label'>> = { ref: 'ref', indicator: 'action', target: 'by', actual: 'responsible', commentary: 'progress' };
    const titles: Partial<Record<Column, string>> = { ref: 'Ref', indicator: 'Action', target: 'By', actual: 'Responsible', commentary: 'Progress' };
    rows.push(columns.map((column) => ({ value: textValue(titles[column] ?? ''), bold: true, fill: HEADER_FILL, wrap: true, border: true })));
    for (const a of overdue) {
      rows.push(
        columns.map((column) => {
          const field = place[column];
          const value = field === undefined ? (column === 'status' ? 'Overdue' : '') : column === 'ref' && !columns.includes('ref') ? '' : String(a[field as keyof ActionPlanRow] ?? '');
          return column === 'status' ? text(value, { fill: ACTION_STATUS_FILL.Overdue, border: true }) : text(value, { wrap: true, border: true });
        }),
      );
    }
  }
  rows.push([]);
  rows.push([text(`Tolerance: ${describeTolerance(input.tolerance)}`, { italic: true, fontColour: '#595959' })]);
  rows.push([text('Direction of travel compares with the previous period: ↑ better, ↓ worse, → the same, whichever way is better for the indicator.', { italic: true, fontColour: '#595959' })]);

  const merged = new Set([0, 1, 2]);
  return {
    sheet: {
      name: committeeSheetName(input.period),
      purpose: 'committee',
      mode: 'replace',
      visibility: 'visible',
      rows,
      columnWidths: widths,
      rowHeights: estimateRowHeights(rows, widths, merged),
      merges: [`A1:${lastColumn}1`, `A2:${lastColumn}2`, `A3:${lastColumn}3`],
      freezeRows: 3,
      print: { landscape: true, fitToWidth: true, repeatRows: [tableHeaderRow, tableHeaderRow], footer: `Performance report: ${input.period}` },
      chart: { title: `Indicators by status, ${input.period}`, labelsRange: `${columnLetter(indent)}${summaryStart}:${columnLetter(indent)}${summaryEnd}`, valuesRange: `${columnLetter(indent + 1)}${summaryStart}:${columnLetter(indent + 1)}${summaryEnd}` },
    },
    summaryRows: [summaryStart, summaryEnd],
  };
}
