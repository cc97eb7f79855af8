import type { Detection, DetectedTable } from '../detect/types';
import { cellText } from '../model/cell-text';
import { cellAt, isEmptyCell, type Sheet } from '../model/workbook';
import type { EvaluateOptions } from './evaluate';
import type { IndicatorVerdict } from './indicator-verdict';
import { placeOf, polarityFor, toleranceFor, yearOfSheet, type RowContext } from './indicator-row';
import { parseActualCell } from './parse-actual';
import { columnsOf, textAt } from './table-columns';
import type { Actual, Target } from './target-types';
import { satisfactionShare } from './timeliness';
import { keptVerdict } from './verdict-store';

/*
 * A KPI return (layout C): one row per indicator with the share of cases that met its standard
 * for the year its sheet is named after; and the satisfaction tables that give some of those
 * shares as counts of answers (Very poor … Excellent).
 */

export function evaluateKpiReturn(
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  detection: Detection,
  options: EvaluateOptions,
): IndicatorVerdict[] {
  const metCol = columnsOf(table, 'metShare')[0]?.col;
  const countCol = columnsOf(table, 'count')[0]?.col;
  const period = yearOfSheet(sheet);
  const out: IndicatorVerdict[] = [];
  for (const indicator of table.indicators) {
    const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
    const metCell = metCol === undefined ? undefined : cellAt(sheet, indicator.row, metCol);
    const standard = timeStandardIn(indicator.definition);
    const shareTarget = /(\d+(?:\.\d+)?)\s*%/.exec(indicator.definition ?? '');
    let target: Target;
    if (standard) target = { kind: 'threshold', text: `100% within ${standard}`, value: 100, unit: 'percent', direction: 'higher' };
    else if (shareTarget)
      target = { kind: 'threshold', text: `${shareTarget[1]}%`, value: Number(shareTarget[1]), unit: 'percent', direction: 'higher' };
    else target = { kind: 'none', text: '', why: 'the definition sets no target (a count for information)' };
    let actual: Actual =
      metCell && !isEmptyCell(metCell) ? parseActualCell(metCell) : { kind: 'no-data', text: '', why: 'no "target met" share is given' };
    if (target.kind === 'none' && countCol !== undefined) actual = parseActualCell(cellAt(sheet, indicator.row, countCol));
    const seeBelow =
      /see table below/i.test(metCell ? cellText(metCell) : '') || /see table below/i.test(textAt(sheet, indicator.row, countCol));
    if (seeBelow) {
      const overall = overallSatisfaction(detection, sheet, indicator.ref);
      if (overall) actual = overall;
    }
    const context = {
      polarity: polarityFor(ctx, target),
      today: options.today,
      tolerance: toleranceFor(ctx),
      ...(period ? { period } : {}),
    };
    out.push(keptVerdict(placeOf(ctx), period, actual.text === '' ? undefined : metCol, actual, { target, context }));
  }
  return out;
}

/** The time standard in a layout C definition: "(target 14 days)", "(28 day target)", "(14 days)". */
export function timeStandardIn(definition: string | undefined): string | undefined {
  if (!definition) return undefined;
  const match = /\(\s*(?:target\s+)?(\d+\s*(?:working\s+)?days?(?:\s*&\s*\d+\s*days?)?)(?:\s+target)?\s*\)/i.exec(definition);
  return match?.[1]?.replace(/\s+/g, ' ').replace(/(\d+) day\b(?!s)/g, (whole, n: string) => (n === '1' ? whole : `${n} days`));
}

export function evaluateSatisfaction(
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  detection: Detection,
  options: EvaluateOptions,
): IndicatorVerdict[] {
  const kpiRef = /kpi\s*(\w+)/i.exec(table.title ?? '')?.[1];
  const definition = kpiRef
    ? detection.tables
        .filter((t) => t.sheet === sheet.name && t.kind === 'kpi-return')
        .flatMap((t) => t.indicators)
        .find((i) => i.ref?.toLowerCase() === kpiRef.toLowerCase())?.definition
    : undefined;
  const share = /(\d+(?:\.\d+)?)\s*%/.exec(definition ?? '');
  const target: Target = share
    ? {
        kind: 'threshold',
        text: `${share[1]}% good, very good or excellent`,
        value: Number(share[1]),
        unit: 'percent',
        direction: 'higher',
      }
    : { kind: 'none', text: '', why: 'no target share was found for this satisfaction table' };
  const period = yearOfSheet(sheet);
  const shareCol = columnsOf(table, 'ratingShare')[0]?.col;
  return table.indicators.map((indicator) => {
    const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
    const actual = ratingShare(sheet, table, indicator.row);
    const context = {
      polarity: polarityFor(ctx, target),
      today: options.today,
      tolerance: toleranceFor(ctx),
      ...(period ? { period } : {}),
    };
    return keptVerdict(placeOf(ctx), period, shareCol, actual, { target, context });
  });
}

/** The share of answers that were good, very good or excellent on a satisfaction table's row. */
function ratingShare(sheet: Sheet, table: DetectedTable, row: number): Actual {
  const counts: Record<string, number | undefined> = {};
  for (const column of columnsOf(table, 'rating')) {
    const cell = cellAt(sheet, row, column.col);
    const text = cellText(cell).trim();
    const n = cell.value.kind === 'number' ? cell.value.value : text === '' ? undefined : Number(text);
    if (n !== undefined && !Number.isFinite(n))
      return { kind: 'unreadable', text, why: `"${text}" in the ${column.rating} column is not a count` };
    counts[column.rating ?? column.header] = n;
  }
  const { total, good, share } = satisfactionShare(counts);
  if (share === undefined) {
    const shareCol = columnsOf(table, 'ratingShare')[0]?.col;
    return shareCol === undefined
      ? { kind: 'no-data', text: '', why: 'no answers were counted' }
      : parseActualCell(cellAt(sheet, row, shareCol));
  }
  return { kind: 'number', text: `${good} of ${total} answers`, value: Math.round(share * 1000) / 10, unit: 'percent' };
}

/** A KPI that says "see table below": the overall row of its satisfaction table. */
function overallSatisfaction(detection: Detection, sheet: Sheet, ref: string | undefined): Actual | undefined {
  const table = detection.tables.find(
    (t) => t.sheet === sheet.name && t.kind === 'satisfaction' && (!ref || (t.title ?? '').toLowerCase().includes(ref.toLowerCase())),
  );
  if (!table) return undefined;
  const overall =
    table.indicators.find((indicator) => /overall/i.test(indicator.description)) ?? table.indicators[table.indicators.length - 1];
  return overall ? ratingShare(sheet, table, overall.row) : undefined;
}
