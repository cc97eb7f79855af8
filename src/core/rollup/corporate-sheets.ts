import { STATUSES, STATUS_WORDS, type Status } from '../engine/target-types';
import { columnLetter } from '../model/address';
import { formatDateGB } from '../model/serial-dates';
import { numberValue, textValue, type OwnedSheet, type PlanCell } from '../plan/plan-types';
import { estimateRowHeight, totalWidth } from '../plan/row-heights';
import { DEFAULT_COLOURS, HEADER_FILL } from '../plan/status-style';
import type { RollupReport } from './rollup-report';
import type { DirectionCounts, Miss, MissAction, SourcePlace } from './workbook-summary';

export const SUMMARY_SHEET = 'Summary';
export const EXCEPTIONS_SHEET = 'Exceptions';
export const NOT_INCLUDED_SHEET = 'Not included';

/** A cell of a corporate sheet that links back to where its row came from. */
export interface SourceLink {
  readonly sheet: string;
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly place: SourcePlace;
}

export interface CorporateWorkbook {
  /** The sheets, in the order they are to appear. */
  readonly sheets: readonly OwnedSheet[];
  readonly links: readonly SourceLink[];
}

const TITLE = 'Corporate performance report';
const LINK_BLUE = '#0563C1';
const GREY = '#595959';
const DIRECTION = { better: '▲', worse: '▼', same: '►' } as const;

/** The file's own name, from a path written with either kind of slash. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/**
 * How each file is named in the report: by its own name, or by the path it was found at where two
 * files of the report share a name (folders read with --recursive often hold several "KPIs.xlsx").
 */
function fileLabels(report: RollupReport): Map<string, string> {
  const files = [...report.workbooks.map((w) => w.file), ...report.notIncluded.map((n) => n.file)];
  const byName = new Map<string, number>();
  for (const file of files) byName.set(fileNameOf(file), (byName.get(fileNameOf(file)) ?? 0) + 1);
  return new Map(files.map((file) => [file, byName.get(fileNameOf(file))! > 1 ? file : fileNameOf(file)]));
}

/**
 * A column wide enough for every label on one line: a cell that is a link does not wrap in every
 * spreadsheet program (LibreOffice shows one line of it).
 */
function widthFor(labels: Iterable<string>, least: number, most: number): number {
  let longest = 0;
  for (const label of labels) longest = Math.max(longest, label.length);
  return Math.max(least, Math.min(most, Math.ceil(longest / 1.1) + 1));
}

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function directionText(direction: DirectionCounts): string {
  const parts = (['better', 'worse', 'same'] as const)
    .filter((way) => direction[way] > 0)
    .map((way) => `${DIRECTION[way]} ${direction[way].toLocaleString('en-GB')}`);
  return parts.length > 0 ? parts.join('  ') : '–';
}

/** What an indicator's action plan says is being done, a line an action. */
export function actionText(actions: readonly MissAction[]): string {
  if (actions.length === 0) return 'No action recorded yet in its action plan';
  return actions
    .map((a) => {
      const action = a.action.trim() || '(no action written)';
      const by = a.by.trim();
      return `${action}${by ? ` (by ${by})` : ''}${a.status === 'Overdue' ? ' — overdue' : ''}`;
    })
    .join('\n');
}

/** A sheet built row by row: each row sized from its wrapped cells, lines of text merged across it. */
class SheetRows {
  readonly rows: PlanCell[][] = [];
  readonly heights: number[] = [];
  readonly merges: string[] = [];
  constructor(private readonly widths: readonly number[]) {}

  push(row: PlanCell[]): number {
    this.heights.push(estimateRowHeight(row, this.widths));
    this.rows.push(row);
    return this.rows.length - 1;
  }

  /** A line of text across the whole sheet, wrapped to its width. */
  wide(cell: PlanCell): number {
    const r = this.rows.length + 1;
    this.merges.push(`A${r}:${columnLetter(this.widths.length - 1)}${r}`);
    this.heights.push(estimateRowHeight([{ wrap: true, ...cell }], this.widths, totalWidth(this.widths)));
    this.rows.push([{ wrap: true, ...cell }]);
    return r - 1;
  }

  blank(): void {
    this.push([]);
  }
}

const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value: textValue(value), ...extra });
const cell = (value: string, extra: Partial<PlanCell> = {}): PlanCell => text(value, { wrap: true, border: true, ...extra });
const headerCell = (value: string, fill = HEADER_FILL): PlanCell => cell(value, { bold: true, fill });
const note = (value: string): PlanCell => text(value, { italic: true, fontColour: GREY });

function sheetOf(name: string, built: SheetRows, widths: readonly number[], headerRow: number): OwnedSheet {
  return {
    name,
    purpose: 'committee',
    mode: 'replace',
    visibility: 'visible',
    rows: built.rows,
    columnWidths: widths,
    rowHeights: built.heights,
    merges: built.merges,
    freezeRows: headerRow + 1,
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow + 1, headerRow + 1], footer: `${TITLE}: ${name}` },
  };
}

/**
 * The corporate report as sheets KPI Tracker owns, for a host to write into a new workbook:
 * a summary by workbook (counts by status, share met of those judged, direction of travel),
 * every indicator that missed across all workbooks with its owner and action, and the files that
 * could not be used with the reason. Every row names, and links back to, where it came from.
 */
export function buildCorporateSheets(report: RollupReport): CorporateWorkbook {
  const links: SourceLink[] = [];
  const labels = fileLabels(report);
  return {
    sheets: [summarySheet(report, labels, links), exceptionsSheet(report, labels, links), notIncludedSheet(report, labels, links)],
    links,
  };
}

function summarySheet(report: RollupReport, labels: ReadonlyMap<string, string>, links: SourceLink[]): OwnedSheet {
  const { workbooks, totals } = report;
  // A column for each status some workbook has; the rest would be a column of noughts.
  const statuses = STATUSES.filter((status) => totals.counts[status] > 0);
  const anyNote = workbooks.some((w) => w.note);
  const fileWidth = widthFor(
    workbooks.map((w) => labels.get(w.file)!),
    14,
    40,
  );
  const widths = [34, 12, ...statuses.map(() => 9), 8, 9, 22, fileWidth, ...(anyNote ? [28] : [])];
  const built = new SheetRows(widths);
  const periods = new Set(workbooks.map((w) => w.period));
  const onePeriod = periods.size === 1 ? [...periods][0] : undefined;
  built.wide(text(`${TITLE}${onePeriod ? `: ${onePeriod}` : ''}`, { bold: true, size: 16 }));
  const notIn = report.notIncluded.length;
  built.wide(
    text(
      `Prepared ${formatDateGB(report.today)} from ${plural(workbooks.length, 'workbook')}. ` +
        (report.period
          ? `Each is reported for ${report.period}.`
          : 'Each is reported for its latest period with figures, shown beside it.') +
        (notIn > 0 ? ` ${plural(notIn, 'file')} could not be used: see “${NOT_INCLUDED_SHEET}”.` : ' Every file given was used.'),
    ),
  );
  const overdue = totals.counts.overdue;
  built.wide(
    text(
      totals.judged > 0
        ? `Across all workbooks, ${totals.counts.met.toLocaleString('en-GB')} of the ${plural(totals.judged, 'indicator')} judged against a target met it (${percent(totals.metShare)}); ` +
            `${plural(totals.counts.missed, 'indicator')} missed ${totals.counts.missed === 1 ? 'its' : 'their'} target${overdue > 0 ? ` and ${plural(overdue, 'milestone')} ${overdue === 1 ? 'is' : 'are'} overdue` : ''}` +
            (totals.misses > 0 ? `: see “${EXCEPTIONS_SHEET}”.` : '.')
        : 'No indicator in these workbooks could be judged against a target.',
      { bold: true },
    ),
  );
  built.blank();

  const headerRow = built.push([
    headerCell('Workbook'),
    headerCell('Period'),
    ...statuses.map((status) => headerCell(STATUS_WORDS[status], DEFAULT_COLOURS[status])),
    headerCell('Total'),
    headerCell('Share met'),
    headerCell('Direction of travel\n▲ better ▼ worse ► same'),
    headerCell('File (a link to it)'),
    ...(anyNote ? [headerCell('Note')] : []),
  ]);
  const sourceAt = 2 + statuses.length + 3;
  const count = (n: number, extra: Partial<PlanCell> = {}): PlanCell => ({
    value: numberValue(n),
    numberFormat: '#,##0',
    border: true,
    ...extra,
  });
  const share = (value: number | null, extra: Partial<PlanCell> = {}): PlanCell =>
    value === null ? cell('–', extra) : { value: numberValue(value), numberFormat: '0%', border: true, ...extra };
  for (const w of workbooks) {
    const row = built.push([
      cell(w.title),
      cell(w.period ?? '–'),
      ...statuses.map((status) => count(w.counts[status])),
      count(w.total),
      share(w.metShare),
      cell(directionText(w.direction)),
      cell(labels.get(w.file)!, { fontColour: LINK_BLUE }),
      ...(anyNote ? [cell(w.note ?? '')] : []),
    ]);
    links.push({ sheet: SUMMARY_SHEET, row, col: sourceAt, place: w.source });
  }
  if (workbooks.length === 0) built.wide(text('No workbook could be used.', { italic: true }));
  else {
    const direction = { better: 0, worse: 0, same: 0 };
    for (const w of workbooks) for (const way of ['better', 'worse', 'same'] as const) direction[way] += w.direction[way];
    const bold = { bold: true };
    built.push([
      cell('All workbooks', bold),
      cell(onePeriod ?? '', bold),
      ...statuses.map((status) => count(totals.counts[status], bold)),
      count(totals.total, bold),
      share(totals.metShare, bold),
      cell(directionText(direction), bold),
      cell(''),
      ...(anyNote ? [cell('')] : []),
    ]);
  }
  built.blank();
  built.wide(
    note(
      'Counts are those each workbook’s own committee sheet shows for the same period. Share met is of the indicators judged against a target (met, near miss, not met, not due yet, overdue): no data, no target and can’t read are not counted in it.',
    ),
  );
  built.wide(
    note(
      'Direction of travel counts the indicators that did better (▲), worse (▼) or the same (►) as in the previous period, whichever way is better for each; – where a workbook has no earlier period to compare with. Indicators with no better direction (such as complaints per 1,000 homes) are not counted.',
    ),
  );
  built.wide(
    note(
      'Each file name opens its workbook at its first KPI table. The links lead to where the workbooks were when this report was made, from this file’s folder: move the report and the workbooks together and the links keep working.',
    ),
  );
  return sheetOf(SUMMARY_SHEET, built, widths, headerRow);
}

const STATUS_OF_MISS: Record<Miss['status'], Status> = { missed: 'missed', overdue: 'overdue' };

function exceptionsSheet(report: RollupReport, labels: ReadonlyMap<string, string>, links: SourceLink[]): OwnedSheet {
  const withMisses = report.workbooks.filter((w) => w.misses.length > 0);
  const fileWidth = widthFor(
    withMisses.map((w) => labels.get(w.file)!),
    12,
    36,
  );
  const widths = [22, 6, 34, 10, 12, 12, 10, 14, 34, fileWidth, 14, 6];
  const built = new SheetRows(widths);
  built.wide(text(`${EXCEPTIONS_SHEET}: indicators not meeting target, across all workbooks`, { bold: true, size: 16 }));
  const { missed, overdue } = report.totals.counts;
  built.wide(
    text(
      report.totals.misses > 0
        ? `${plural(missed, 'indicator')} missed ${missed === 1 ? 'its' : 'their'} target${overdue > 0 ? ` and ${plural(overdue, 'milestone')} ${overdue === 1 ? 'is' : 'are'} overdue` : ''}, in ${plural(withMisses.length, 'workbook')}: each with the action its workbook’s action plan gives, and a link to its cell.`
        : 'None: every indicator judged in these workbooks met its target, was within tolerance or is not due yet.',
      { italic: true },
    ),
  );
  built.blank();
  const headerRow = built.push(
    [
      'Workbook',
      'Ref',
      'Indicator',
      'Period',
      'Target',
      'Actual',
      'Status',
      'Owner',
      'Action being taken',
      'File (a link to the cell)',
      'Sheet',
      'Cell',
    ].map((title) => headerCell(title)),
  );
  for (const w of withMisses) {
    for (const miss of w.misses) {
      const status = STATUS_OF_MISS[miss.status];
      const row = built.push([
        cell(w.title),
        cell(miss.ref ?? ''),
        cell(miss.indicator),
        cell(miss.period),
        cell(miss.target),
        cell(`${miss.actual}${miss.variance ? ` (${miss.variance})` : ''}`),
        cell(STATUS_WORDS[status], { fill: DEFAULT_COLOURS[status] }),
        cell(miss.owner ?? ''),
        cell(actionText(miss.actions)),
        cell(labels.get(w.file)!, { fontColour: LINK_BLUE }),
        cell(miss.source.sheet ?? ''),
        cell(miss.source.cell ?? ''),
      ]);
      links.push({ sheet: EXCEPTIONS_SHEET, row, col: 9, place: miss.source });
    }
  }
  return sheetOf(EXCEPTIONS_SHEET, built, widths, headerRow);
}

function notIncludedSheet(report: RollupReport, labels: ReadonlyMap<string, string>, links: SourceLink[]): OwnedSheet {
  const widths = [
    widthFor(
      report.notIncluded.map((n) => labels.get(n.file)!),
      20,
      40,
    ),
    100,
  ];
  const built = new SheetRows(widths);
  built.wide(text(`${NOT_INCLUDED_SHEET}: files that could not be used`, { bold: true, size: 16 }));
  const n = report.notIncluded.length;
  built.wide(
    text(
      n > 0
        ? `${plural(n, 'file')} ${n === 1 ? 'is' : 'are'} not in this report: none of ${n === 1 ? 'its' : 'their'} figures is counted. The reason says what to do before the next roll-up.`
        : 'None: every file given was used.',
      { italic: true },
    ),
  );
  built.blank();
  const headerRow = built.push([headerCell('File (a link to it)'), headerCell('Why it was left out')]);
  for (const item of report.notIncluded) {
    const row = built.push([cell(labels.get(item.file)!, { fontColour: LINK_BLUE }), cell(item.reason)]);
    links.push({ sheet: NOT_INCLUDED_SHEET, row, col: 0, place: { file: item.file, sheet: null, cell: null } });
  }
  return sheetOf(NOT_INCLUDED_SHEET, built, widths, headerRow);
}
