import type { Detection, DetectedTable } from '../detect/types';
import type { CalendarDate } from '../model/serial-dates';
import { findSheet, type Sheet, type Workbook } from '../model/workbook';
import { parsePeriodLabel } from '../periods/parse-period-label';
import { periodLabel, samePeriod, type Period } from '../periods/period';
import { evaluateCaseList } from './case-list-verdict';
import type { IndicatorVerdict } from './indicator-verdict';
import { evaluateKpiReturn, evaluateSatisfaction } from './kpi-return';
import type { Polarity } from './target-types';
import { evaluateTargetTable } from './target-table';

export type { IndicatorVerdict };

/** For readers that word each reason once and let the verdict go (`kpi-tracker check`). */
export { reasonReadOnce } from './verdict-store';
import type { Tolerance } from './tolerance';

export interface EvaluateOptions {
  readonly today: CalendarDate;
  /** Only this period (a label such as `Q2 2024/25`). */
  readonly period?: string;
  readonly tolerance?: Tolerance;
  /** The officer's saved polarity per indicator reference. */
  readonly polarityByRef?: ReadonlyMap<string, Polarity>;
}

/** Judges every indicator of every table, for every period that has figures. */
export function evaluateWorkbook(workbook: Workbook, detection: Detection, options: EvaluateOptions): IndicatorVerdict[] {
  const verdicts: IndicatorVerdict[] = [];
  detection.tables.forEach((table, tableIndex) => {
    const sheet = findSheet(workbook, table.sheet);
    if (sheet) evaluateTable(workbook, sheet, table, tableIndex, detection, options, verdicts);
  });
  const wanted = options.period ? parsePeriodLabel(options.period) : undefined;
  return wanted ? verdicts.filter((verdict) => verdict.period && periodMatches(verdict.period, wanted)) : verdicts;
}

function periodMatches(period: Period, wanted: Period): boolean {
  if (wanted.fy === undefined)
    return period.kind === wanted.kind && periodLabel({ ...period, fy: undefined } as Period) === periodLabel(wanted);
  return samePeriod(period, wanted);
}

/** Adds the table's verdicts to `out`. */
function evaluateTable(
  workbook: Workbook,
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  detection: Detection,
  options: EvaluateOptions,
  out: IndicatorVerdict[],
): void {
  switch (table.kind) {
    case 'period-table':
    case 'measure-table':
    case 'baseline-table':
      evaluateTargetTable(sheet, table, tableIndex, options, out);
      return;
    case 'kpi-return':
      out.push(...evaluateKpiReturn(sheet, table, tableIndex, detection, options));
      return;
    case 'satisfaction':
      out.push(...evaluateSatisfaction(sheet, table, tableIndex, detection, options));
      return;
    case 'action-plan':
      return;
    case 'case-list':
      out.push(evaluateCaseList(workbook, sheet, table, tableIndex, options));
      return;
  }
}
