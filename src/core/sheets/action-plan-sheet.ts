import { cellText } from '../model/cell-text';
import type { CalendarDate } from '../model/serial-dates';
import { formatDateGB } from '../model/serial-dates';
import { findSheet, type Workbook } from '../model/workbook';
import type { IndicatorVerdict } from '../engine/indicator-verdict';
import { planValueText, textValue, type OwnedSheet, type PlanCell, type PlanValue } from '../plan/plan-types';
import { judgedFigures, type JudgedFigures } from '../engine/judged-figures';
import type { Status } from '../engine/target-types';
import { estimateRowHeight, heightOfLines, SharedCells, wrappedLineCount, type SharedCell } from '../plan/row-heights';
import { DEFAULT_COLOURS, HEADER_FILL } from '../plan/status-style';
import { actionStatusReader, type ActionStatus } from './action-due-text';

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
  const ref = verdict.ref;
  if (ref === null) return `${verdict.sheet} row ${verdict.row + 1}`;
  // Two indicators numbered alike each keep a block of their own.
  return duplicated.has(ref) ? `${ref} (${verdict.sheet} row ${verdict.row + 1})` : ref;
}

const NO_DUPLICATES: ReadonlySet<string> = new Set();

/** References used by more than one indicator (as in a workbook where two rows are both "04"). */
export function duplicatedRefs(verdicts: readonly IndicatorVerdict[]): Set<string> {
  return indexRefs(verdicts).duplicated;
}

interface RefIndex {
  readonly duplicated: Set<string>;
  /** Where the indicator a key names is: the last with that key, as a map filled from every indicator's key would hold; -1 for none. */
  indexFor(key: string): number;
}

/**
 * One pass over the indicators' references, for both the duplicated references and the indicator
 * each key names, without building a key string for the many indicators whose key is their reference.
 */
function indexRefs(verdicts: readonly IndicatorVerdict[]): RefIndex {
  // Where each reference was last seen. Comparing each indicator with the one before it of the
  // same reference finds the same duplicates as comparing with the first: if every one matches the
  // one before, all match the first. Compared by sheet and row, with no key string to build.
  const lastByRef = new Map<string, number>();
  const duplicated = new Set<string>();
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    const ref = v.ref;
    if (ref === null) continue;
    const last = lastByRef.get(ref);
    if (last !== undefined) {
      const seen = verdicts[last]!;
      if (seen.sheet !== v.sheet || seen.row !== v.row) duplicated.add(ref);
    }
    lastByRef.set(ref, i);
  }
  // Keys that are not a bare reference (no reference, or a shared one), built on first asking.
  let otherKeys: Map<string, number> | undefined;
  const otherKeysIndex = (): Map<string, number> => {
    if (otherKeys) return otherKeys;
    otherKeys = new Map();
    for (let i = 0; i < verdicts.length; i++) {
      const ref = verdicts[i]!.ref;
      if (ref === null || (duplicated.size > 0 && duplicated.has(ref))) otherKeys.set(indicatorKey(verdicts[i]!, duplicated), i);
    }
    return otherKeys;
  };
  return {
    duplicated,
    indexFor(key: string): number {
      const asRef = duplicated.has(key) ? undefined : lastByRef.get(key);
      const asOther = otherKeysIndex().get(key);
      // A reference may read like another indicator's key ("Sheet1 row 4"): the later indicator wins.
      return asRef === undefined ? (asOther ?? -1) : asOther === undefined ? asRef : Math.max(asRef, asOther);
    },
  };
}

/** Reads the blocks already on the action-plan sheet: rows under a reference, and rows an officer added under them. */
export function readActionBlocks(workbook: Workbook): ActionBlock[] {
  const sheet = findSheet(workbook, ACTION_PLAN_SHEET);
  if (!sheet) return [];
  let headerRow = -1;
  for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
    const row = sheet.rows[r];
    if (
      row &&
      row[COL.ref] &&
      cellText(row[COL.ref]!).trim() === 'Ref' &&
      row[COL.actions] &&
      cellText(row[COL.actions]!).trim() === 'Key actions'
    )
      headerRow = r;
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

function whatIsOff(verdict: IndicatorVerdict, periodLabel: string, { actual, target }: JudgedFigures): string {
  const variance = verdict.variance;
  return `${actual || 'No figure'} against ${target || 'no target'}${variance ? ` (${variance})` : ''} in ${periodLabel || 'the period'}`;
}

/** The target in words: "… is at or below 4%", "… done by April 2015", "… done yearly". */
function howWeKnow(verdict: IndicatorVerdict, name: string, { target }: JudgedFigures): string {
  if (!target) return '';
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
  /** The references more than one of the verdicts' indicators share (`duplicatedRefs` of them). */
  readonly duplicated: ReadonlySet<string>;
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
  options: {
    today: CalendarDate;
    includeNearMisses: boolean;
    period: string;
    /** Judged figures already worked out for some of the verdicts (same order); the rest are worked out here. */
    figures?: ReadonlyArray<JudgedFigures | undefined>;
  },
): ActionPlanBuild {
  const existing = readActionBlocks(workbook);
  const { includeNearMisses } = options;
  const isFailing = (status: Status): boolean => status === 'missed' || status === 'overdue' || (includeNearMisses && status === 'near');
  const index = indexRefs(verdicts);
  // The officers' blocks first, as they stand; then a block of one empty row for each indicator
  // failing now that has none. Each block remembers where its indicator is, or -1.
  const blocks: Array<{ readonly key: string; readonly rows: ReadonlyArray<readonly string[]>; readonly at: number }> = existing.map(
    (block) => ({
      key: block.key,
      rows: block.rows,
      at: index.indexFor(block.key),
    }),
  );
  const known = new Set(blocks.map((block) => block.key));
  for (const verdict of verdicts) {
    if (!isFailing(verdict.status)) continue;
    const key = indicatorKey(verdict, index.duplicated);
    if (!known.has(key)) {
      known.add(key);
      blocks.push({ key, rows: NEW_BLOCK_ROWS, at: index.indexFor(key) });
    }
  }

  const rows: PlanCell[][] = [];
  const heights: number[] = [];
  const push = (row: PlanCell[]): void => {
    heights.push(estimateRowHeight(row, WIDTHS));
    rows.push(row);
  };
  const title = (text: string, extra: Partial<PlanCell> = {}): PlanCell[] => [{ value: textValue(text), ...extra }];
  push(title('KPI action plan', { bold: true, size: 14 }));
  push(
    title(
      `Indicators not meeting their target, ${options.period}. Statuses as at ${formatDateGB(options.today)}. Columns D to I are yours to edit; KPI Tracker keeps them.`,
      { italic: true },
    ),
  );
  push([]);
  push(ACTION_COLUMNS.map((name) => ({ value: textValue(name), bold: true, fill: HEADER_FILL, wrap: true, border: true })));

  // One row for each action of every failing indicator: cells that repeat down a column (names,
  // what's off, empty cells, statuses) are built and measured once and shared, as hosts only read
  // them. Every cell wraps, at size 11, so a row's height is its tallest cell's lines.
  const plain = (value: PlanValue): PlanCell => ({ value, wrap: true, border: true });
  const bold = (value: PlanValue): PlanCell => ({ value, wrap: true, border: true, bold: true });
  const grey = (value: PlanValue): PlanCell => ({ value, wrap: true, border: true, fontColour: '#7F7F7F' });
  const statusStyle = (value: PlanValue): PlanCell => ({
    value,
    wrap: true,
    border: true,
    fill: ACTION_STATUS_FILL[planValueText(value) as ActionStatus],
  });
  const plainCells = WIDTHS.map((width) => new SharedCells(width, plain));
  const greyCells = WIDTHS.map((width) => new SharedCells(width, grey));
  const nameCells = new SharedCells(WIDTHS[COL.indicator]!, bold);
  const statusCells = new SharedCells(WIDTHS[COL.status]!, statusStyle);
  const statusOf = actionStatusReader(options.today, options.today.year);

  const actionRows: ActionPlanRow[] = [];
  for (const block of blocks) {
    const { key, at } = block;
    const verdict = at < 0 ? undefined : verdicts[at];
    const status = verdict?.status;
    const failsNow = status !== undefined && isFailing(status);
    for (let r = 0; r < block.rows.length; r++) {
      const cells = block.rows[r]!;
      const first = r === 0;
      const texts = cells.slice();
      texts[COL.ref] = key;
      if (first) {
        const name = verdict?.indicator.trim();
        texts[COL.indicator] = name ?? cells[COL.indicator] ?? '';
        if (!verdict) {
          texts[COL.off] = 'This indicator is no longer in the workbook; consider closing';
        } else {
          const wantsHowWeKnow = !texts[COL.howWeKnow]?.trim();
          // Both texts read the judged figures: they are taken from planning, or worked out once, and only when wanted.
          const figures = failsNow || wantsHowWeKnow ? (options.figures?.[at] ?? judgedFigures(verdict)) : undefined;
          const periodLabel = verdict.periodLabel;
          texts[COL.off] = failsNow
            ? whatIsOff(verdict, periodLabel, figures!)
            : status === 'met' || status === 'near'
              ? `Target met in ${periodLabel || 'the latest period'}; consider closing`
              : `No figures for ${periodLabel || 'the latest period'} yet; keep under review`;
          if (!texts[COL.responsible]?.trim()) {
            const owner = verdict.owner;
            if (owner) texts[COL.responsible] = owner;
          }
          if (wantsHowWeKnow) texts[COL.howWeKnow] = howWeKnow(verdict, name!, figures!);
        }
      } else {
        texts[COL.indicator] = '';
        texts[COL.off] = '';
      }
      const by = texts[COL.by] ?? '';
      const progress = texts[COL.progress] ?? '';
      const hasAction = Boolean(texts[COL.actions]?.trim() || by.trim());
      // Reading the By text decides nothing for a row without an action.
      const actionStatus = hasAction ? statusOf(by, progress) : NO_ACTION_WRITTEN;
      texts[COL.status] = actionStatus.status;
      actionRows.push({
        key,
        ref: key,
        action: texts[COL.actions] ?? '',
        by,
        responsible: texts[COL.responsible] ?? '',
        progress,
        status: actionStatus.status,
        reason: actionStatus.reason,
      });
      const row = new Array<PlanCell>(texts.length);
      let lines = 1;
      for (let c = 0; c < texts.length; c++) {
        const text = texts[c]!;
        let shared: SharedCell;
        if (c === COL.status) shared = statusCells.get(actionStatus.status);
        else if (!first && OURS.has(c)) shared = greyCells[c]!.get(text);
        else if (first && c === COL.indicator) shared = nameCells.get(text);
        else if (first && (c === COL.ref || c === COL.off || c === COL.howWeKnow)) {
          // A block's reference is its own, and what's off and how we'll know are newly built
          // strings: hashing them to find a shared cell costs more than the cell.
          const cell: PlanCell = { value: textValue(text), wrap: true, border: true };
          row[c] = cell;
          const cellLines = wrappedLineCount(planValueText(cell.value), WIDTHS[c]!);
          if (cellLines > lines) lines = cellLines;
          continue;
        } else shared = plainCells[c]!.get(text);
        row[c] = shared.cell;
        if (shared.lines > lines) lines = shared.lines;
      }
      heights.push(heightOfLines(lines));
      rows.push(row);
    }
  }
  return {
    sheet: {
      name: ACTION_PLAN_SHEET,
      purpose: 'action-plan',
      mode: 'replace',
      visibility: 'visible',
      rows,
      columnWidths: WIDTHS,
      rowHeights: heights,
      freezeRows: TITLE_ROWS + 1,
      print: { landscape: true, fitToWidth: true, repeatRows: [TITLE_ROWS + 1, TITLE_ROWS + 1] },
    },
    rows: actionRows,
    duplicated: index.duplicated,
  };
}

/** The block a newly failing indicator starts with: one row, every cell empty. */
const NEW_BLOCK_ROWS: ReadonlyArray<readonly string[]> = [ACTION_COLUMNS.map(() => '')];

const NO_ACTION_WRITTEN = { status: 'Not started', reason: 'no action written yet' } as const;

/** Action statuses in the indicator palette: complete as met, on track as not due, overdue as overdue. */
export const ACTION_STATUS_FILL: Record<ActionStatus, string> = {
  Complete: DEFAULT_COLOURS.met,
  'On track': DEFAULT_COLOURS['not-due'],
  'Not started': DEFAULT_COLOURS['no-data'],
  Overdue: DEFAULT_COLOURS.overdue,
};
