import type { DetectedIndicator, DetectedTable } from '../detect/types';
import { shortText } from '../model/short-text';
import type { Sheet, Workbook } from '../model/workbook';
import { casesOf, findTimeTarget } from './case-list';
import type { EvaluateOptions } from './evaluate';
import type { IndicatorVerdict } from './indicator-verdict';
import { placeOf, polarityFor, toleranceFor, yearOfSheet, type RowContext } from './indicator-row';
import type { JudgeContext } from './judge';
import type { Actual, Target } from './target-types';
import { describeTimeTarget, timeliness } from './timeliness';
import { keptVerdict } from './verdict-store';

/**
 * A list of cases with the dates each was received and answered (layout C's letters log): the share
 * answered within the time the workbook sets, judged like any other actual against 100%.
 */
export function evaluateCaseList(
  workbook: Workbook,
  sheet: Sheet,
  table: DetectedTable,
  tableIndex: number,
  options: EvaluateOptions,
): IndicatorVerdict {
  const cases = casesOf(sheet, table);
  const found = findTimeTarget(workbook, sheet, table);
  const name = table.excelTable ? `${sheet.name} (${table.excelTable})` : sheet.name;
  const indicator: DetectedIndicator = {
    row: table.headerRows[0]!,
    rows: [table.headerRows[0]!],
    description: found ? `${name}: answered within ${describeTimeTarget(found.target)}` : `${name}: time taken`,
    hidden: false,
  };
  const ctx: RowContext = { sheet, table, tableIndex, indicator, options };
  const period = yearOfSheet(sheet);
  if (!found) {
    const target: Target = {
      kind: 'none',
      text: '',
      why: 'no time standard (such as "target 15 working days") was found for this case list',
    };
    const actual: Actual = { kind: 'number', text: `${cases.length} cases`, value: cases.length };
    const context: JudgeContext = { polarity: polarityFor(ctx, target), today: options.today };
    return keptVerdict(placeOf(ctx), period, undefined, actual, { target, context });
  }
  const summary = timeliness(cases, found.target, { today: options.today });
  const target: Target = {
    kind: 'threshold',
    text: `100% within ${describeTimeTarget(found.target)}`,
    value: 100,
    unit: 'percent',
    direction: 'higher',
  };
  const actual: Actual =
    summary.shareWithin === undefined
      ? { kind: 'no-data', text: '', why: 'no case has both its dates' }
      : {
          kind: 'number',
          text: `${summary.within} of ${summary.numbers} cases`,
          value: Math.round(summary.shareWithin * 1000) / 10,
          unit: 'percent',
        };
  const context: JudgeContext = { polarity: polarityFor(ctx, target), today: options.today, tolerance: toleranceFor(ctx), period };
  const frame = (reason: string): string =>
    `${summary.reason.replace(/\.?$/, '.')} The standard comes from "${shortText(found.source, 90)}". ${reason}`;
  return keptVerdict(placeOf(ctx), period, undefined, actual, { target, context, frame });
}
