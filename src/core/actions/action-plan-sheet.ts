import { cellText } from '../model/cell-text';
import type { CalendarDate } from '../model/serial-dates';
import { formatDateGB } from '../model/serial-dates';
import { findSheet, type Workbook } from '../model/workbook';
import type { IndicatorVerdict } from '../engine/evaluate';
import { textValue, type OwnedSheet, type PlanCell } from '../plan/plan-types';
import { judgedFigures } from '../engine/judged-figures';
import { estimateRowHeights } from '../plan/row-heights';
import { DEFAULT_COLOURS, HEADER_FILL } from '../plan/status-style';
import { actionStatus, type ActionStatus } from './due-text';

export const ACTION_PLAN_SHEET = 'KPI action plan';

export const ACTION_COLUMNS = [
  'Ref',
  'Indicator',
  "What's off",
  'Key outcome',
  'Key actions',
  'Responsible',
  'By',
  'Progress to date',
  "How we'll know we've achieved it",
  'Status',
] as const;

/** Columns KPI Tracker rewrites each run; every other column is the officers' and is kept. */
const OURS = new Set([0, 1, 2, 9]);
const COL = { ref: 0, indicator: 1, off: 2, outcome: 3, actions: 4, responsible: 5, by: 6, progress: 7, howWeKnow: 8, status: 9 } as const;
const TITLE_ROWS = 3;
const WIDTHS = [7, 30, 24, 26, 34, 18, 16, 28, 28, 12];

export interface ActionRowState {
  readonly key: string;
  readonly cells: readonly string[];
}

export interface ActionBlock {
  readonly key: string;
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface ActionPlanRow {
  readonly key: string;
  readonly ref: string;
  readonly action: string;
  readonly by: string;
  readonly responsible: string;
  readonly progress: string;
  readonly status: ActionStatus;
  readonly reason: string;
}

/**
 * The indicator's reference; where it has none (layout B's measures), its sheet and row, which
 * stay unique when several sheets hold unreferenced measures.
 */
export function indicatorKey(verdict: IndicatorVerdict, duplicated: ReadonlySet<string> = NO_DUPLICATES): string {
  if (verdict.ref === null) return `${verdict.sheet} row ${verdict.row + 1}`;
  // Two indicators numbered alike each keep a block of their own.
  return duplicated.has(verdict.ref) ? `${verdict.ref} (${verdict.sheet} row ${verdict.row + 1})` : verdict.ref;
}

const NO_DUPLICATES: ReadonlySet<string> = new Set();

/** References used by more than one indicator (as in a workbook where two rows are both "04"). */
export function duplicatedRefs(verdicts: readonly IndicatorVerdict[]): Set<string> {
  // The first indicator seen with each reference; compared by sheet and row, with no key string to build.
  const firstByRef = new Map<string, IndicatorVerdict>();
  const duplicated = new Set<string>();
  for (const v of verdicts) {
    if (v.ref === null) continue;
    const seen = firstByRef.get(v.ref);
    if (seen === undefined) firstByRef.set(v.ref, v);
    else if (seen.sheet !== v.sheet || seen.row !== v.row) duplicated.add(v.ref);
  }
  return duplicated;
}

/** Reads the blocks already on the action-plan sheet: rows under a reference, and rows an officer added under them. */
export function readActionBlocks(workbook: Workbook): ActionBlock[] {
  const sheet = findSheet(workbook, ACTION_PLAN_SHEET);
  if (!sheet) return [];
  let headerRow = -1;
  for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
    const row = sheet.rows[r];
    if (row && row[COL.ref] && cellText(row[COL.ref]!).trim() === 'Ref' && row[COL.actions] && cellText(row[COL.actions]!).trim() === 'Key actions') headerRow = r;
  }
  if (headerRow < 0) return [];
  const blocks: Array<{ key: string; rows: string[][] }> = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const cells = ACTION_COLUMNS.map((_, c) => (row?.[c] ? cellText(row[c]!) : ''));
    if (cells.every((text) => text.trim() === '')) continue;
    const ref = cells[COL.ref]!.trim();
    const current = blocks[blocks.length - 1];
    if (ref && (!current || current.key !== ref)) blocks.push({ key: ref, rows: [cells] });
    else if (current) current.rows.push(cells);
  }
  return blocks;
}

function whatIsOff(verdict: IndicatorVerdict): string {
  const { actual, target } = judgedFigures(verdict);
  return `${actual || 'No figure'} against ${target || 'no target'}${verdict.variance ? ` (${verdict.variance})` : ''} in ${verdict.periodLabel || 'the period'}`;
}

/** The target in words: "… is at or below 4%", "… done by April 2015", "… done yearly". */
function howWeKnow(verdict: IndicatorVerdict): string {
  const { target } = judgedFigures(verdict);
  if (!target) return '';
  const name = verdict.indicator.trim();
  switch (verdict.targetKind) {
    case 'deadline':
      return `${name}: done by ${target}`;
    case 'recurring':
      return `${name}: done ${target.toLowerCase()}`;
    case 'range':
      return `${name} is within ${target}`;
    case 'none':
    case 'unreadable':
      return '';
    default:
      return `${name} is ${verdict.polarity === 'lower' ? 'at or below' : 'at or above'} ${target}`;
  }
}

export interface ActionPlanBuild {
  readonly sheet: OwnedSheet;
  readonly rows: readonly ActionPlanRow[];
}

/**
 * Builds the action plan after the inspection action plan's layout: one block per indicator that
 * missed its target (near misses too when asked), merged with what is on the sheet already.
 * Every cell an officer typed stays; new failures get a new block; an indicator that now meets
 * its target is marked for closing and never deleted.
 */
export function buildActionPlan(
  workbook: Workbook,
  verdicts: readonly IndicatorVerdict[],
  options: { today: CalendarDate; includeNearMisses: boolean; period: string },
): ActionPlanBuild {
  const existing = readActionBlocks(workbook);
  const failing = verdicts.filter((v) => v.status === 'missed' || v.status === 'overdue' || (options.includeNearMisses && v.status === 'near'));
  const duplicated = duplicatedRefs(verdicts);
  const keyOf = (v: IndicatorVerdict): string => indicatorKey(v, duplicated);
  const byKey = new Map(verdicts.map((v) => [keyOf(v), v]));
  const blocks: Array<{ key: string; rows: string[][] }> = existing.map((block) => ({ key: block.key, rows: block.rows.map((row) => [...row]) }));
  const known = new Set(blocks.map((block) => block.key));
  const failingNow = new Set(failing);
  for (const verdict of failing) {
    const key = keyOf(verdict);
    if (!known.has(key)) {
      known.add(key);
      blocks.push({ key, rows: [ACTION_COLUMNS.map(() => '')] });
    }
  }

  const rows: PlanCell[][] = [];
  const title = (text: string, extra: Partial<PlanCell> = {}): PlanCell[] => [{ value: textValue(text), ...extra }];
  rows.push(title('KPI action plan', { bold: true, size: 14 }));
  rows.push(title(`Indicators not meeting their target, ${options.period}. Statuses as at ${formatDateGB(options.today)}. Columns D to I are yours to edit; KPI Tracker keeps them.`, { italic: true }));
  rows.push([]);
  rows.push(ACTION_COLUMNS.map((name) => ({ value: textValue(name), bold: true, fill: HEADER_FILL, wrap: true, border: true })));

  const actionRows: ActionPlanRow[] = [];
  for (const block of blocks) {
    const verdict = byKey.get(block.key);
    const failsNow = verdict !== undefined && failingNow.has(verdict);
    block.rows.forEach((cells, index) => {
      const first = index === 0;
      const out = [...cells];
      out[COL.ref] = block.key;
      if (first) {
        out[COL.indicator] = verdict?.indicator.trim() ?? cells[COL.indicator] ?? '';
        out[COL.off] = !verdict
          ? 'This indicator is no longer in the workbook; consider closing'
          : failsNow
            ? whatIsOff(verdict)
            : verdict.status === 'met' || verdict.status === 'near'
              ? `Target met in ${verdict.periodLabel || 'the latest period'}; consider closing`
              : `No figures for ${verdict.periodLabel || 'the latest period'} yet; keep under review`;
        if (!out[COL.responsible]?.trim() && verdict?.owner) out[COL.responsible] = verdict.owner;
        if (!out[COL.howWeKnow]?.trim() && verdict) out[COL.howWeKnow] = howWeKnow(verdict);
      } else {
        out[COL.indicator] = '';
        out[COL.off] = '';
      }
      const status = actionStatus(out[COL.by] ?? '', out[COL.progress] ?? '', options.today, options.today.year);
      const hasAction = Boolean(out[COL.actions]?.trim() || out[COL.by]?.trim());
      out[COL.status] = hasAction ? status.status : 'Not started';
      actionRows.push({
        key: block.key,
        ref: block.key,
        action: out[COL.actions] ?? '',
        by: out[COL.by] ?? '',
        responsible: out[COL.responsible] ?? '',
        progress: out[COL.progress] ?? '',
        status: hasAction ? status.status : 'Not started',
        reason: hasAction ? status.reason : 'no action written yet',
      });
      rows.push(
        out.map((text, c): PlanCell => {
          // Built without spreads: one row for each action of every failing indicator.
          if (c === COL.status) return { value: textValue(text), wrap: true, border: true, fill: ACTION_STATUS_FILL[out[COL.status] as ActionStatus] };
          if (OURS.has(c) && !first) return { value: textValue(text), wrap: true, border: true, fontColour: '#7F7F7F' };
          if (first && c === COL.indicator) return { value: textValue(text), wrap: true, border: true, bold: true };
          return { value: textValue(text), wrap: true, border: true };
        }),
      );
    });
  }
  return {
    sheet: {
      name: ACTION_PLAN_SHEET,
      purpose: 'action-plan',
      mode: 'replace',
      visibility: 'visible',
      rows,
      columnWidths: WIDTHS,
      rowHeights: estimateRowHeights(rows, WIDTHS),
      freezeRows: TITLE_ROWS + 1,
      print: { landscape: true, fitToWidth: true, repeatRows: [TITLE_ROWS + 1, TITLE_ROWS + 1] },
    },
    rows: actionRows,
  };
}

/** Action statuses in the indicator palette: complete as met, on track as not due, overdue as overdue. */
export const ACTION_STATUS_FILL: Record<ActionStatus, string> = {
  Complete: DEFAULT_COLOURS.met,
  'On track': DEFAULT_COLOURS['not-due'],
  'Not started': DEFAULT_COLOURS['no-data'],
  Overdue: DEFAULT_COLOURS.overdue,
};
