import type { Sheet } from '../core/model/workbook';
import type { CellEdit, OwnedSheet } from '../core/plan/plan-types';
import type { RunOutcome, RunStage } from './pane-core';

/** The calls the page makes of the core in its worker. */
export type CoreMethod = 'load' | 'indicators' | 'preview' | 'signOff' | 'findTables' | 'plan';

/**
 * A workbook named by the number it was sent under (see WorkbookPart): a workbook is sent once,
 * not again for each call about it.
 */
export interface WorkbookRef {
  readonly kind: 'workbook';
  readonly id: number;
}

/** How many workbooks the worker keeps; the page counts the same way, so each knows what the other has. */
export const WORKBOOKS_KEPT = 3;

export interface CoreRequest {
  readonly id: number;
  readonly method: CoreMethod;
  readonly args: readonly unknown[];
}

/**
 * A workbook crosses in slices of rows, each its own message: copying a whole workbook of 10,000
 * indicators in one message held the page for half a second; a slice takes a few milliseconds,
 * and the page yields between slices. The worker puts the rows together, then takes calls that
 * name the workbook by its number.
 */
export type WorkbookPart =
  | { readonly kind: 'workbook-start'; readonly id: number; readonly sheets: readonly SheetWithoutRows[] }
  | { readonly kind: 'workbook-rows'; readonly id: number; readonly sheet: number; readonly rows: Sheet['rows'] };

export type SheetWithoutRows = Omit<Sheet, 'rows'>;

/** Cells copied in one slice. */
export const CELLS_PER_SLICE = 10_000;

export type CoreReply =
  | { readonly id: number; readonly result: unknown; readonly assembly?: Assembly }
  | { readonly id: number; readonly error: string }
  | { readonly id: number; readonly stage: RunStage }
  | AnswerPart;

export function isWorkbookRef(value: unknown): value is WorkbookRef {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'workbook';
}

/** Items of a long list (a plan's edits, a sheet's rows, indicator rows) sent back in one message. */
export const ITEMS_PER_SLICE = 2_000;

/**
 * A long answer crosses back in slices too, each its own message (and so its own short task on
 * the page): a plan's edits and each of its sheets' rows, or the items of a list. The answer
 * itself then comes with those parts left empty, and says how to put them back.
 */
export type AnswerPart =
  | { readonly id: number; readonly part: 'edits'; readonly items: readonly CellEdit[] }
  | { readonly id: number; readonly part: 'sheet-rows'; readonly sheet: number; readonly items: OwnedSheet['rows'] }
  | { readonly id: number; readonly part: 'items'; readonly items: readonly unknown[] };

/** How an answer sent in parts is put back together. */
export type Assembly = 'run-outcome' | 'list';

function* slices<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let from = 0; from < items.length; from += ITEMS_PER_SLICE) yield items.slice(from, from + ITEMS_PER_SLICE);
}

/** An answer as the parts to send and what is left to send with the last message. */
export function inParts(id: number, result: unknown): { parts: AnswerPart[]; rest: unknown; assembly?: Assembly } {
  if (Array.isArray(result) && result.length > ITEMS_PER_SLICE) {
    return { parts: [...slices(result)].map((items) => ({ id, part: 'items', items })), rest: [], assembly: 'list' };
  }
  if (isRunOutcome(result)) {
    const { plan } = result;
    const parts: AnswerPart[] = [...slices(plan.edits)].map((items) => ({ id, part: 'edits', items }));
    plan.sheets.forEach((sheet, index) => {
      for (const items of slices(sheet.rows)) parts.push({ id, part: 'sheet-rows', sheet: index, items });
    });
    const rest: RunOutcome = { ...result, plan: { ...plan, edits: [], sheets: plan.sheets.map((sheet) => ({ ...sheet, rows: [] })) } };
    return { parts, rest, assembly: 'run-outcome' };
  }
  return { parts: [], rest: result };
}

/** Puts an answer back together from its parts, in the order they were sent. */
export function assembled(rest: unknown, parts: readonly AnswerPart[], assembly: Assembly | undefined): unknown {
  if (assembly === 'list') return parts.flatMap((part) => (part.part === 'items' ? [...part.items] : []));
  if (assembly === 'run-outcome') {
    const outcome = rest as RunOutcome;
    const edits: CellEdit[] = [];
    const rows = outcome.plan.sheets.map(() => [] as Array<OwnedSheet['rows'][number]>);
    for (const part of parts) {
      if (part.part === 'edits') for (const edit of part.items) edits.push(edit);
      else if (part.part === 'sheet-rows') for (const row of part.items) rows[part.sheet]!.push(row);
    }
    return { ...outcome, plan: { ...outcome.plan, edits, sheets: outcome.plan.sheets.map((sheet, i) => ({ ...sheet, rows: rows[i]! })) } };
  }
  return rest;
}

function isRunOutcome(value: unknown): value is RunOutcome {
  return typeof value === 'object' && value !== null && 'plan' in value && 'reportPeriod' in value;
}
