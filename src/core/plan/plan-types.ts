import type { Issue } from '../model/issue';

/**
 * A plan of edits: what a run would change, computed by the pure core. Hosts only apply it;
 * a dry run prints it. Rows and columns are 0-based.
 */
export type PlanValue =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'empty' };

export type EditPurpose = 'status' | 'commentary';

export interface CellEdit {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: PlanValue;
  /** '#RRGGBB'; absent leaves the fill as it is. */
  readonly fill?: string;
  readonly purpose: EditPurpose;
  /** The cell's text before the edit, for the change log and the dry run. */
  readonly before: string;
  /** The fill before, '#RRGGBB' or '' for none. */
  readonly fillBefore?: string;
}

export interface PlanCell {
  readonly value: PlanValue;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fill?: string;
  readonly fontColour?: string;
  readonly wrap?: boolean;
  readonly numberFormat?: string;
  readonly align?: 'left' | 'centre' | 'right';
  readonly size?: number;
  readonly border?: boolean;
}

export type OwnedSheetPurpose = 'settings' | 'change-log' | 'committee' | 'action-plan';

export interface PrintSetup {
  readonly landscape: boolean;
  readonly fitToWidth: boolean;
  /** 1-based rows repeated at the top of every printed page, e.g. [5, 5]. */
  readonly repeatRows?: readonly [number, number];
  /** Printed at the foot of every page, beside the page number. */
  readonly footer?: string;
}

export interface OwnedSheet {
  readonly name: string;
  readonly purpose: OwnedSheetPurpose;
  /** replace: the sheet is rebuilt whole; append: `rows` go under what is there. */
  readonly mode: 'replace' | 'append';
  readonly visibility: 'visible' | 'veryHidden';
  readonly rows: ReadonlyArray<ReadonlyArray<PlanCell | undefined>>;
  /** In characters, per column. */
  readonly columnWidths?: readonly number[];
  /** In points, per row. */
  readonly rowHeights?: readonly number[];
  /** A1 ranges. */
  readonly merges?: readonly string[];
  /** Rows frozen at the top. */
  readonly freezeRows?: number;
  readonly print?: PrintSetup;
  /** A chart of statuses, where the host can draw one. */
  readonly chart?: ChartPlan;
}

/** A bar chart of one column of figures against their labels, on the sheet it belongs to. */
export interface ChartPlan {
  readonly title: string;
  /** A1 ranges on the same sheet, one cell per bar. */
  readonly labelsRange: string;
  readonly valuesRange: string;
  /** '#RRGGBB' per bar, in order (a status's own colour); the labels say what each bar is. */
  readonly colours?: readonly string[];
  /** 0-based cells the chart spans: from the top-left corner of `from` to the top-left corner of `to`. */
  readonly from: { readonly col: number; readonly row: number };
  readonly to: { readonly col: number; readonly row: number };
}

export type NoticeKind =
  | 'formula-left-alone'
  | 'officer-words-kept'
  | 'frozen-period'
  | 'stale-commentary'
  | 'no-status-column'
  | 'chart-left-out'
  /** A rating someone typed in the status column says otherwise than the figures: kept, and said. */
  | 'status-disagrees'
  /** Last period's table, its indicators reported by this period's: not written into. */
  | 'other-period-left-alone';

export interface Notice {
  readonly kind: NoticeKind;
  readonly sheet: string;
  readonly cell?: string;
  readonly message: string;
}

export interface Plan {
  readonly edits: readonly CellEdit[];
  readonly sheets: readonly OwnedSheet[];
  readonly notices: readonly Notice[];
  /** Reasons nothing may be written; a host applies nothing when there are any. */
  readonly refusals: readonly Issue[];
}

/** Excel holds at most 32,767 characters in a cell; longer text is cut, and says so. */
export const EXCEL_CELL_LIMIT = 32_767;

export const textValue = (text: string): PlanValue => ({
  kind: 'text',
  text: text.length <= EXCEL_CELL_LIMIT ? text : `${cutAtCodePoint(text, EXCEL_CELL_LIMIT - 1)}…`,
});

/** Cuts text to at most `length` UTF-16 units without splitting an emoji or other surrogate pair. */
export function cutAtCodePoint(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
export const numberValue = (value: number): PlanValue => ({ kind: 'number', value });
export const EMPTY_PLAN_VALUE: PlanValue = { kind: 'empty' };

export function planValueText(value: PlanValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    case 'empty':
      return '';
  }
}
