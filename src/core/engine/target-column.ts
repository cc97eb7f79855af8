import type { ColumnMapping, ColumnRole, DetectedTable } from '../detect/types';
import { comparePeriods, financialYearOf, periodLabel, type Period } from '../periods/period';
import { parsePeriodLabel } from '../periods/parse-period-label';
import { camelCaseWords } from '../model/camel-case';
import type { CalendarDate } from '../model/serial-dates';
import { cellText } from '../model/cell-text';
import { cellAt, isEmptyCell, type Sheet } from '../model/workbook';
import { parseActualCell } from './parse-actual';
import { publishedRating, ratingIn } from './published-rating';
import { columnsOf, textAt } from './table-columns';
import type { Actual, Target } from './target-types';

/**
 * The target column that judges a period: the period's own ("Q2 Target" for Q2), else the one for
 * its year, else one for no year in particular. A table whose only targets are for another year ("2021/2022 Target" beside the
 * 2020/21 actuals, CHP) has none for it: next year's target never judges this year's figure.
 */
export function targetColumnFor(table: DetectedTable, period: Period | undefined, actualCol?: number): ColumnMapping | undefined {
  const targets = columnsOf(table, 'target');
  // "Target | Actual | Target | Actual" under two groups' names (the Criminal Records Bureau's
  // standard and enhanced checks): each figure's target is the nearest before it.
  const undated = targets.filter((t) => !t.period);
  const before = actualCol === undefined || undated.length < 2 ? undefined : undated.filter((t) => t.col < actualCol).pop();
  if (!period) return before ?? targets[0];
  // "Q1 Target | Q1 Actual | Q2 Target | Q2 Actual": a quarter's or month's own target first.
  const label = periodLabel(period);
  const own = targets.find((t) => t.period && t.period.kind !== 'year' && periodLabel(t.period) === label);
  if (own) return own;
  if (period.fy === undefined) return before ?? targets[0];
  return (
    targets.find((t) => t.period?.fy === period.fy && t.period?.kind === 'year') ??
    // A year to date's target judges the year to date alone.
    targets.find((t) => t.period?.fy === period.fy && t.period?.kind !== 'ytd') ??
    before ??
    targets.find((t) => t.period?.fy === undefined) ??
    // The sheet's only target is for the year to date: it judges the cumulative figures too.
    (targets.every((t) => t.period?.kind === 'ytd') ? targets[0] : undefined)
  );
}

/**
 * Where a table keeps its targets in several columns of no particular period, one filled to a
 * row ("MinTarget_num | MaxTarget_num | TargetResult_en", the Transportation Safety Board's
 * results), the one filled on the indicator's row; otherwise the period's own.
 */
export function targetColumnOnRow(
  table: DetectedTable,
  sheet: Sheet,
  row: number,
  column: ColumnMapping | undefined,
): ColumnMapping | undefined {
  if (!column || column.period || !isEmptyCell(cellAt(sheet, row, column.col))) return column;
  const filled = columnsOf(table, 'target').find(
    (other) => other !== column && !other.period && !isEmptyCell(cellAt(sheet, row, other.col)),
  );
  return filled ?? column;
}

/**
 * "target_min | target_max" both filled on the row (GC InfoBase's departmental results: 90.00 and
 * 100.00): the target is the range between them, whichever of the two columns judges the period.
 */
export function boundsAsRange(table: DetectedTable, sheet: Sheet, row: number, column: ColumnMapping, target: Target): Target {
  if (target.kind !== 'threshold' || column.period) return target;
  const side = boundOf(column.header);
  if (!side) return target;
  const partner = columnsOf(table, 'target').find(
    (other) => other !== column && !other.period && boundOf(other.header) === (side === 'min' ? 'max' : 'min'),
  );
  if (!partner) return target;
  const other = parseActualCell(cellAt(sheet, row, partner.col));
  if (other.kind !== 'number') return target;
  const [low, high] = side === 'min' ? [target.value, other.value] : [other.value, target.value];
  if (!(low < high)) return target;
  const unit = target.unit === 'percent' || target.unit === 'money' ? target.unit : 'count';
  const shown = (value: number): string => `${value}${unit === 'percent' ? '%' : ''}`;
  return { kind: 'range', text: `${shown(low)}–${shown(high)}`, low, high, unit };
}

/** A heading's words, a field name's ("MinTarget_num", "target_min") split as written. */
function headingWords(header: string): string {
  return header
    .split(/[\s_.]+/)
    .map((part) => camelCaseWords(part) ?? part)
    .join(' ')
    .toLowerCase();
}

/** Whether a target column's heading names the bottom or the top of a range ("target_min", "Max target"). */
function boundOf(header: string): 'min' | 'max' | undefined {
  const words = headingWords(header);
  if (/\b(min|minimum|lower|floor)\b/.test(words)) return 'min';
  if (/\b(max|maximum|upper|ceiling)\b/.test(words)) return 'max';
  return undefined;
}

/** A bare figure under "Minimum target" is a floor, under "Maximum target" a ceiling. */
export function boundByHeading(column: ColumnMapping, target: Target): Target {
  if (target.kind !== 'threshold' || target.direction) return target;
  const words = headingWords(column.header);
  // "Min" alone may be minutes ("Target (min)"): only "Minimum" or "Min target" is a floor.
  const direction = /\bminimum\b|\bmin\.? ?target/.test(words)
    ? 'higher'
    : /\bmaximum\b|\bmax\.? ?target|\blimit\b|\bceiling\b/.test(words)
      ? 'lower'
      : undefined;
  if (!direction) return target;
  return {
    ...target,
    direction,
    directionFrom: `is a ${direction === 'higher' ? 'minimum' : 'maximum'} (column "${column.header.trim()}")`,
  };
}

/**
 * The figure a relative target is held against where it names its year ("5% reduction on
 * 2023/24") and the table has that year's column: its figure on the indicator's row.
 */
export function baselineTheTargetNames(
  table: DetectedTable,
  sheet: Sheet,
  row: number,
  target: Target,
): { readonly figure: Actual; readonly label: string } | undefined {
  if (target.kind !== 'relative' || !target.baselineLabel) return undefined;
  const named = parsePeriodLabel(target.baselineLabel);
  if (!named) return undefined;
  const column = columnsOf(table, 'actual').find((c) => c.period && periodLabel(c.period) === periodLabel(named));
  if (!column) return undefined;
  const figure = parseActualCell(cellAt(sheet, row, column.col));
  return figure.kind === 'number' ? { figure, label: `the ${periodLabel(named)} figure` } : undefined;
}

/**
 * The target a table with no figures yet is read against: the year of its (empty) figure
 * columns where they are dated; otherwise, where its targets run over several years, the first
 * not yet over ("Target 2024/25 | 2025/26 | 2026/27" in 2024/25), or the latest once all are
 * ("Targets 2016/17 | 2017/18", Wellington City Council's annual plan for 2017/18).
 */
export function targetForTableWithoutFigures(table: DetectedTable, today: CalendarDate): ColumnMapping | undefined {
  const dated = columnsOf(table, 'actual').find((column) => column.period?.fy !== undefined);
  if (dated) return targetColumnFor(table, dated.period);
  const targets = columnsOf(table, 'target');
  const years = targets.filter((target) => target.period?.fy !== undefined).sort((a, b) => comparePeriods(a.period!, b.period!));
  if (years.length < 2) return targets[0];
  const thisYear = financialYearOf(today);
  return years.find((target) => target.period!.fy! >= thisYear) ?? years[years.length - 1];
}

/** Columns of figures: where a table has any, its own rating is not the only reading there is. */
const FIGURES_ELSEWHERE: readonly ColumnRole[] = [
  'actual',
  'baseline',
  'previous',
  'rank',
  'benchmark',
  'count',
  'metShare',
  'notMetShare',
  'variance',
  'forecast',
  'otherAnswers',
];

/** Headings that say the column is the sheet's own rating of progress. */
const RATING_HEADING = /\b(rag|rating|status|achieved|met|on target|on track|progress)\b/i;

/**
 * A table with no figures, only its own answers or ratings: "Standard | Standard achieved?" over
 * "We will … within one month | No" (South Tyneside Homes), or "Indicator | Target | Update |
 * Rating" over "Number of Capercaillie | 1200 by 2022 | No change. … | Amber" (Cairngorms National
 * Park Authority). The sheet's own reading is the reading, met, near miss or not met, and the
 * reason says there was no figure to check it against. Undefined elsewhere.
 */
export function answeredWithoutFigures(
  table: DetectedTable,
  sheet: Sheet,
  row: number,
  periodRatings?: ColumnMapping,
): { actual: Actual; target: Target; period: Period | undefined } | undefined {
  if (FIGURES_ELSEWHERE.some((role) => hasColumn(table, role))) return undefined;
  // Beside a target, only a column headed as the sheet's rating is taken for one: "Risk" may be Red.
  // A period's heading over ratings was read from its values as ratings already.
  if (!periodRatings && hasColumn(table, 'target') && !columnsOf(table, 'status').some((column) => RATING_HEADING.test(column.header)))
    return undefined;
  const answer = periodRatings ? ratingIn(sheet, row, periodRatings) : publishedRating(table, sheet, row, undefined);
  const rated = answer?.status;
  if (rated !== 'met' && rated !== 'near' && rated !== 'missed') return undefined;
  const targetColumn = columnsOf(table, 'target')[0];
  return {
    actual: { kind: rated === 'missed' ? 'not-achieved' : 'achieved', text: answer!.text },
    target: {
      kind: 'answered',
      text: textAt(sheet, row, targetColumn?.col),
      answer: answer!.text,
      rated,
    },
    // The period the title names for the answers, which detection gives the status column.
    period: periodRatings?.period ?? columnsOf(table, 'status').find((column) => column.period)?.period ?? targetColumn?.period,
  };
}

/** A period a table rating period by period has not rated: blank or "-", or in words KPI Tracker cannot read as a rating. */
export function unratedPeriod(sheet: Sheet, row: number, column: ColumnMapping): Actual {
  const cell = cellAt(sheet, row, column.col);
  const written = cellText(cell).trim();
  const unread = written !== '' && parseActualCell(cell).kind !== 'no-data';
  return {
    kind: 'no-data',
    text: written,
    why: unread ? `the sheet's rating "${written}" is not one KPI Tracker can read` : 'the sheet gives no rating for it yet',
  };
}

/** Why a table with no actual column gives No data: what it holds instead. */
export function noActualColumnWhy(table: DetectedTable): string {
  if (hasColumn(table, 'baseline')) return 'this table has no actual column (it sets the baseline and target)';
  // A budget book's earlier years beside the budget year's target (see target-year-history).
  // The latest target's year: "TARGET 18/19 | PROJECTED 18/19 | TARGET 19/20" reports on 2019/20.
  const target = columnsOf(table, 'target')
    .filter((column) => column.period)
    .sort((a, b) => comparePeriods(a.period!, b.period!))
    .pop();
  const history = columnsOf(table, 'previous').filter((column) => column.period);
  if (target?.period && history.length > 0)
    return `the table's figures are for earlier years (${history.map((column) => periodLabel(column.period!)).join(', ')}); it has none yet for ${periodLabel(target.period)}, its target's year`;
  if (hasColumn(table, 'target') || hasColumn(table, 'longTermTarget')) return 'this table has no actual column (it sets targets only)';
  if (hasColumn(table, 'status')) return "this table has no figures, only the sheet's own status for each row";
  return 'this table has no actual column';
}

/**
 * The target of an indicator where no target column judges its period: in a table whose targets
 * are all for other years, none, and the reason says so. A benchmarking table (the body's
 * figures beside comparators or ranks, no targets and no ratings) sets none for any of its rows, so each is
 * No target even where its figure is missing ("N/A"); elsewhere the row's target is simply blank,
 * and a missing figure is No data.
 */
export function targetWithoutColumn(table: DetectedTable): Target {
  const otherYears = columnsOf(table, 'target').filter((column) => column.period?.fy !== undefined);
  if (otherYears.length > 0)
    return {
      kind: 'none',
      text: '',
      why: `the table's target${otherYears.length > 1 ? 's are' : ' is'} for ${otherYears.map((c) => periodLabel(c.period!)).join(' and ')}, not this period's year`,
    };
  // A status column says the publisher rates its rows: they have targets, written or not.
  const comparesOnly = (hasColumn(table, 'benchmark') || hasColumn(table, 'rank')) && !hasColumn(table, 'status');
  return comparesOnly
    ? { kind: 'none', text: '', why: 'the table sets no targets, only comparisons with others', wholeTable: true }
    : { kind: 'none', text: '', why: 'the table has no target column' };
}

function hasColumn(table: DetectedTable, role: ColumnRole): boolean {
  return columnsOf(table, role).length > 0;
}
