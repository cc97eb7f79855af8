import type { IndicatorVerdict } from '../engine/evaluate';
import { formatFigure } from '../engine/format-figure';
import { STATUSES, type Status } from '../engine/target-types';
import { describeTolerance, type Tolerance } from '../engine/tolerance';
import { formatDateGB, type CalendarDate } from '../model/serial-dates';
import type { ActionPlanRow } from '../actions/action-plan-sheet';
import { ACTION_PLAN_SHEET } from '../actions/action-plan-sheet';
import { numberValue, textValue, type OwnedSheet, type PlanCell } from '../plan/plan-types';
import { estimateRowHeights } from '../plan/row-heights';
import type { StatusColours, StatusLabels } from '../plan/status-style';

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

const ARROWS: Record<'better' | 'worse' | 'same', string> = { better: '↑ better', worse: '↓ worse', same: '→ same' };

const HEADERS = ['Ref', 'Indicator', 'Target', 'Actual', 'Previous', 'Status', 'Direction', 'Commentary'];
const WIDTHS = [8, 44, 16, 12, 11, 13, 10, 62];

function header(names: readonly string[]): PlanCell[] {
  return names.map((name) => ({ value: textValue(name), bold: true, fill: '#DDE4EA', wrap: true, border: true }));
}

function previousText(verdict: IndicatorVerdict): string {
  return verdict.previousActual === null ? '' : formatFigure(verdict.previousActual, verdict.unit);
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
  const rows: PlanCell[][] = [];
  const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value: textValue(value), ...extra });
  const commentaryOf = (v: IndicatorVerdict): string => input.commentary.get(v) ?? v.commentary ?? '';

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

  rows.push([text('Summary', { bold: true, size: 12 })]);
  rows.push(header(['Status', 'Number', 'Share']));
  const summaryStart = rows.length + 1;
  const counts = new Map<Status, number>();
  for (const v of verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  for (const status of STATUSES) {
    const n = counts.get(status) ?? 0;
    if (n === 0) continue;
    rows.push([
      text(labels[status], { fill: colours[status], border: true }),
      { value: numberValue(n), border: true },
      { value: numberValue(n / verdicts.length), numberFormat: '0%', border: true },
    ]);
  }
  const summaryEnd = rows.length;
  rows.push([text('Total', { bold: true, border: true }), { value: numberValue(verdicts.length), bold: true, border: true }, { value: numberValue(verdicts.length ? 1 : 0), numberFormat: '0%', bold: true, border: true }]);
  rows.push([]);

  const exceptions = verdicts.filter((v) => v.status === 'missed' || v.status === 'overdue');
  rows.push([text('Exceptions: indicators not meeting target', { bold: true, size: 12 })]);
  if (exceptions.length === 0) {
    rows.push([text('None: every indicator with figures met its target or was within tolerance.', { italic: true })]);
  } else {
    rows.push(header(['Ref', 'Indicator', 'Target', 'Actual', 'Previous', 'Status', 'Action plan', 'Commentary']));
    for (const v of exceptions) {
      const key = v.ref ?? v.indicator.slice(0, 60);
      const hasActions = input.actions.some((a) => a.key === key);
      rows.push([
        text(v.ref ?? '', { border: true }),
        text(v.indicator.trim(), { wrap: true, border: true }),
        text(v.targetText.trim(), { wrap: true, border: true }),
        text(v.actualText.trim(), { wrap: true, border: true }),
        text(previousText(v), { border: true }),
        text(labels[v.status], { fill: colours[v.status], border: true }),
        text(hasActions ? `${ACTION_PLAN_SHEET}, ${key}` : 'No action plan yet', { wrap: true, border: true }),
        text(commentaryOf(v), { wrap: true, border: true }),
      ]);
    }
  }
  rows.push([]);

  rows.push([text('All indicators', { bold: true, size: 12 })]);
  rows.push(header(HEADERS));
  const tableHeaderRow = rows.length;
  let section = '';
  for (const v of verdicts) {
    const sheetSection = v.sheet;
    if (sheetSection !== section && new Set(verdicts.map((x) => x.sheet)).size > 1) {
      section = sheetSection;
      rows.push([text(sheetSection, { bold: true, italic: true })]);
    }
    rows.push([
      text(v.ref ?? '', { border: true }),
      text(v.indicator.trim(), { wrap: true, border: true }),
      text(v.targetText.trim(), { wrap: true, border: true }),
      text(v.actualText.trim(), { wrap: true, border: true }),
      text(previousText(v), { border: true }),
      text(labels[v.status], { fill: colours[v.status], border: true }),
      text(directionText(v), { border: true }),
      text(commentaryOf(v), { wrap: true, border: true }),
    ]);
  }
  rows.push([]);

  const overdue = input.actions.filter((a) => a.status === 'Overdue');
  rows.push([text('Overdue actions', { bold: true, size: 12 })]);
  if (overdue.length === 0) {
    rows.push([text('None.', { italic: true })]);
  } else {
    rows.push(header(['Ref', 'Action', 'By', 'Responsible', 'Progress']));
    for (const a of overdue) {
      rows.push([text(a.ref, { border: true }), text(a.action, { wrap: true, border: true }), text(a.by, { wrap: true, border: true }), text(a.responsible, { wrap: true, border: true }), text(a.progress, { wrap: true, border: true })]);
    }
  }
  rows.push([]);
  rows.push([text(`Tolerance: ${describeTolerance(input.tolerance)}`, { italic: true, fontColour: '#595959' })]);
  rows.push([text('Direction of travel compares with the previous period: ↑ better, ↓ worse, → the same, whichever way is better for the indicator.', { italic: true, fontColour: '#595959' })]);

  return {
    sheet: {
      name: committeeSheetName(input.period),
      purpose: 'committee',
      mode: 'replace',
      visibility: 'visible',
      rows,
      columnWidths: WIDTHS,
      rowHeights: estimateRowHeights(rows, WIDTHS, new Set([0, 1, 2])),
      merges: ['A1:H1', 'A2:H2', 'A3:H3'],
      freezeRows: 3,
      print: { landscape: true, fitToWidth: true, repeatRows: [tableHeaderRow, tableHeaderRow] },
      chart: { title: `Indicators by status, ${input.period}`, labelsRange: `A${summaryStart}:A${summaryEnd}`, valuesRange: `B${summaryStart}:B${summaryEnd}` },
    },
    summaryRows: [summaryStart, summaryEnd],
  };
}
