import type { Detection, DetectedTable } from '../../core/detect/types';
import { LAYOUT_OF_KIND } from '../../core/detect/types';
import { columnLetter, rangeAddress } from '../../core/model/address';
import { periodLabel } from '../../core/periods/period';
import type { IssueCode } from '../../core/model/issue';

/**
 * The stable shape of `kpi-tracker scan --json` (documented in the README).
 * Rows are 1-based and columns are letters, as an officer reads them in Excel.
 */
export interface ScanJson {
  readonly file: string;
  readonly tables: readonly ScanTableJson[];
  readonly doubts: readonly string[];
  /** Each doubt's code, in the same order: what a program should decide by (the words may be reworded). */
  readonly doubtCodes: readonly IssueCode[];
}

export interface ScanTableJson {
  readonly sheet: string;
  readonly range: string;
  readonly layout: 'A' | 'B' | 'C' | 'E';
  readonly kind: DetectedTable['kind'];
  readonly title: string | null;
  readonly confidence: number;
  readonly confirmed: boolean;
  readonly excelTable: string | null;
  readonly columns: ReadonlyArray<{
    readonly column: string;
    readonly header: string;
    readonly role: string;
    readonly period: string | null;
    readonly rating: string | null;
    readonly confidence: number;
    readonly reason: string;
  }>;
  readonly indicators: ReadonlyArray<{
    readonly ref: string | null;
    readonly description: string;
    readonly row: number;
    readonly rows: readonly number[];
    readonly section: string | null;
    readonly definition: string | null;
    readonly footnote: { readonly marker: string; readonly text: string; readonly row: number } | null;
    readonly owner: string | null;
    readonly frequency: string | null;
    readonly source: string | null;
    readonly hidden: boolean;
  }>;
  readonly recommendation: {
    readonly ref: string;
    readonly title: string;
    readonly responsible: string | null;
    readonly sponsor: string | null;
    readonly targetDate: string | null;
  } | null;
  readonly actions: ReadonlyArray<{
    readonly row: number;
    readonly keyOutcome: string | null;
    readonly action: string;
    readonly by: string | null;
    readonly progress: string | null;
    readonly successMeasure: string | null;
  }>;
  readonly doubts: readonly string[];
  readonly doubtCodes: readonly IssueCode[];
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function scanJson(file: string, detection: Detection): ScanJson {
  return {
    file,
    doubts: detection.doubts.map((doubt) => doubt.message),
    doubtCodes: detection.doubts.map((doubt) => doubt.code),
    tables: detection.tables.map((table) => ({
      sheet: table.sheet,
      range: rangeAddress(table.range),
      layout: LAYOUT_OF_KIND[table.kind],
      kind: table.kind,
      title: table.title ?? null,
      confidence: round(table.confidence),
      confirmed: table.confirmed,
      excelTable: table.excelTable ?? null,
      columns: table.columns.map((column) => ({
        column: columnLetter(column.col),
        header: column.header,
        role: column.role,
        period: column.period ? periodLabel(column.period) : null,
        rating: column.rating ?? null,
        confidence: round(column.confidence),
        reason: column.reason,
      })),
      indicators: table.indicators.map((indicator) => ({
        ref: indicator.ref ?? null,
        description: indicator.description,
        row: indicator.row + 1,
        rows: indicator.rows.map((r) => r + 1),
        targetRow: indicator.targetRow === undefined ? null : indicator.targetRow + 1,
        section: indicator.section ?? null,
        definition: indicator.definition ?? null,
        footnote: indicator.footnote
          ? { marker: indicator.footnote.marker, text: indicator.footnote.text, row: indicator.footnote.row + 1 }
          : null,
        owner: indicator.card?.owner ?? null,
        frequency: indicator.card?.frequency ?? null,
        source: indicator.card?.source ?? null,
        hidden: indicator.hidden,
      })),
      recommendation: table.recommendation
        ? {
            ref: table.recommendation.ref,
            title: table.recommendation.title,
            responsible: table.recommendation.responsible ?? null,
            sponsor: table.recommendation.sponsor ?? null,
            targetDate: table.recommendation.targetDate ?? null,
          }
        : null,
      actions: table.actions.map((action) => ({
        row: action.row + 1,
        keyOutcome: action.keyOutcome ?? null,
        action: action.action,
        by: action.due ?? null,
        progress: action.progress ?? null,
        successMeasure: action.successMeasure ?? null,
      })),
      doubts: table.doubts.map((doubt) => doubt.message),
      doubtCodes: table.doubts.map((doubt) => doubt.code),
    })),
  };
}
