import type { Tolerance } from '../engine/tolerance';
import type { CellRange } from '../model/workbook';
import type { Period } from '../periods/period';
import type { Issue } from '../model/issue';

export type ColumnRole =
  | 'reference'
  | 'description'
  | 'actual'
  | 'target'
  | 'status'
  | 'commentary'
  | 'owner'
  | 'polarity'
  | 'baseline'
  | 'frequency'
  | 'source'
  | 'tolerance'
  | 'count'
  | 'metShare'
  | 'notMetShare'
  | 'rating'
  | 'ratingShare'
  | 'keyOutcome'
  | 'keyActions'
  | 'due'
  | 'progress'
  | 'successMeasure'
  | 'caseStart'
  | 'caseEnd'
  /** Last period's or last year's figure, for direction of travel (never judged). */
  | 'previous'
  /** A rank among other organisations: never a target. */
  | 'rank'
  /** A target for years ahead ("5-year target", "Long-term target"): shown, never judged against this period's figure. */
  | 'longTermTarget'
  /** A comparator's figure (national average, top quartile) a benchmark target is judged against. */
  | 'benchmark'
  /** The publisher's own direction of travel. */
  | 'trend'
  /** What the figures are measured in ("Percentage", "Number"). */
  | 'unit'
  /** The publisher's own gap from target or from last time ("Variance from target"): shown, never judged. */
  | 'variance'
  /** A projected figure ("Forecast outturn"): never judged as the period's result. */
  | 'forecast'
  /** The share giving an answer other than a good one ("Neither %", "Dissatisfied %"): shown, never judged. */
  | 'otherAnswers'
  /** The period each row reports ("Fiscal Year" over "FY2019-20"): it dates the figures beside it. */
  | 'reportingPeriod';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'reference',
  'description',
  'actual',
  'target',
  'status',
  'commentary',
  'owner',
  'polarity',
  'baseline',
  'frequency',
  'source',
  'tolerance',
  'count',
  'metShare',
  'notMetShare',
  'rating',
  'ratingShare',
  'keyOutcome',
  'keyActions',
  'due',
  'progress',
  'successMeasure',
  'caseStart',
  'caseEnd',
  'previous',
  'rank',
  'longTermTarget',
  'benchmark',
  'trend',
  'unit',
  'variance',
  'forecast',
  'otherAnswers',
  'reportingPeriod',
];

export interface ColumnMapping {
  readonly col: number;
  /** The header as written (both rows of a two-row header, joined). */
  readonly header: string;
  readonly role: ColumnRole;
  /** For actuals: the period the column stands for; for targets: the period it covers. */
  readonly period?: Period;
  /** For rating columns: the answer they count (`Very Good`). */
  readonly rating?: string;
  /**
   * For actual columns headed by who or where the figures are for rather than when ("SSHA",
   * "North", "Combined figure"): that name. Their period comes from the title or the sheet name.
   */
  readonly series?: string;
  /** 0–1 */
  readonly confidence: number;
  readonly reason: string;
}

/**
 * The kinds of table in the brief: A period table, B measure table (target/actual),
 * B baseline table, C KPI return, C satisfaction counts, E action plan.
 */
export type TableKind = 'period-table' | 'measure-table' | 'baseline-table' | 'kpi-return' | 'satisfaction' | 'action-plan' | 'case-list';

export const LAYOUT_OF_KIND: Record<TableKind, 'A' | 'B' | 'C' | 'E'> = {
  'period-table': 'A',
  'measure-table': 'B',
  'baseline-table': 'B',
  'kpi-return': 'C',
  satisfaction: 'C',
  'action-plan': 'E',
  'case-list': 'C',
};

export interface Footnote {
  readonly row: number;
  /** `*`, `**`, `***` */
  readonly marker: string;
  readonly text: string;
}

export interface DetectedIndicator {
  /**
   * The row its figures are read from and its status goes: its first, or its Actual row where the
   * indicator has a Target row and an Actual row.
   */
  readonly row: number;
  /** Every row it spans, the first included (descriptions spill onto a second row). */
  readonly rows: readonly number[];
  /** Where its targets are written in a row of their own under the period columns: that row. */
  readonly targetRow?: number;
  readonly ref?: string;
  readonly description: string;
  /** The sub-heading it sits under, if the table has several. */
  readonly section?: string;
  /** A definition found elsewhere on the sheet (layout C: "KPI 3 – … (target 14 days)"). */
  readonly definition?: string;
  /** The footnote tied to a `*`-marked actual (layout B). */
  readonly footnote?: Footnote;
  readonly hidden: boolean;
  /** Owner, frequency and source from a measure card, where one matched. */
  readonly card?: MeasureCard;
}

export interface ActionRow {
  readonly row: number;
  readonly keyOutcome?: string;
  readonly action: string;
  readonly due?: string;
  readonly progress?: string;
  readonly successMeasure?: string;
}

export interface Recommendation {
  readonly ref: string;
  readonly title: string;
  readonly responsible?: string;
  readonly sponsor?: string;
  readonly targetDate?: string;
}

export interface DetectedTable {
  readonly sheet: string;
  readonly range: CellRange;
  readonly kind: TableKind;
  /** Title row or theme the table sits under. */
  readonly title?: string;
  /** 0-based rows holding the header (one or two). */
  readonly headerRows: readonly number[];
  readonly columns: readonly ColumnMapping[];
  readonly indicators: readonly DetectedIndicator[];
  readonly footnotes: readonly Footnote[];
  /** Layout E only. */
  readonly recommendation?: Recommendation;
  readonly actions: readonly ActionRow[];
  /** An Excel table (ListObject) the rows come from, if any. */
  readonly excelTable?: string;
  readonly confidence: number;
  readonly doubts: readonly Issue[];
  /** True when the columns come from the officer's saved mapping. */
  readonly confirmed: boolean;
  /** The near-miss band the table's own key states ("Amber = within 2% of target"), if any. */
  readonly tolerance?: Tolerance;
}

export interface MeasureCard {
  readonly sheet: string;
  readonly row: number;
  readonly theme: string;
  readonly owner?: string;
  readonly coOwners?: string;
  readonly outcome?: string;
  readonly source?: string;
  readonly frequency?: string;
  readonly whoMeasures?: string;
  readonly reportingTimescale?: string;
}

export interface Detection {
  readonly tables: readonly DetectedTable[];
  readonly cards: readonly MeasureCard[];
  /** Doubts about the workbook as a whole (settings that can't be read, sheets skipped). */
  readonly doubts: readonly Issue[];
}
