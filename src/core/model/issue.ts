/**
 * What KPI Tracker doubts about a workbook, or refuses to do, as zod gives its issues: a code,
 * which every decision is made by, and the words a person reads, which are only ever shown. The
 * words may change without anything else changing; the codes are the contract (`scan --json`
 * gives them beside the words).
 */
export const ISSUE_CODES = [
  // The settings KPI Tracker keeps in the workbook.
  /** The settings sheet holds something that is not JSON. */
  'settings-not-json',
  /** The settings are JSON, but not settings this version can use. */
  'settings-invalid',

  // A mapping given to `kpi-tracker map --set`.
  'mapping-not-json',
  'mapping-invalid',
  /** The mapping names a sheet the workbook does not have. */
  'mapping-sheet-missing',
  /** A column's header in the mapping is not the one the sheet shows. */
  'mapping-header-differs',

  // The mapping the officer saved, against the workbook as it is now. The first and the last stop any run.
  /** A saved table's sheet is no longer in the workbook. */
  'saved-sheet-missing',
  /** A saved table's sheet is there, but no table was found on it. */
  'saved-table-not-found',
  /** A saved column's header reads differently now. */
  'saved-mapping-no-longer-fits',

  // Detection: what it read, and how sure it is.
  /** A grid of words and figures no table could be read from. */
  'grid-not-read',
  /** A grid with periods down its side (one measure over time), not indicators: named, not judged. */
  'rows-are-periods',
  /** A table whose rows are areas' figures for one measure named above it: read, each area an indicator, and said. */
  'rows-are-areas',
  /** A table's columns were worked out from their contents, its headings being ones KPI Tracker does not know. */
  'columns-from-contents',
  /** Each figure is written after its measure's name in one cell ("Rent collected: 97.86%"), the target beside it. */
  'figures-after-names',
  /** Measures listed with their targets beside them and no header row ("1: Average annual score …  At least 84%"). */
  'targets-without-header',
  /** Measures listed with a figure beside each and no header row ("Complaints received  18"): read as figures with no target. */
  'figures-without-header',
  /** A column headed as the status holds no ratings; another column does. */
  'status-column-holds-no-ratings',
  /** A column headed as figures holds ratings, so it is read as the status column. */
  'ratings-under-figures-header',
  /** A column headed as something else holds the measures' names, so it is read as the indicator column. */
  'names-under-other-header',
  /** A column's role is a guess. */
  'column-role-unsure',
  /** A header KPI Tracker does not know, inside the table: the column is left alone. */
  'column-not-recognised',
  /** A headcount beside its share ("Female" beside "Female %"), or a share that is another taken from 100: left alone. */
  'share-beside-its-parts',
  /** Each indicator's targets are read from a Target row of its own under the period columns, not from a column. */
  'targets-in-rows',
  /** Several series of figures for one period ("SSHA | MMHA"): all judged, the first written and reported. */
  'series-reported-first-only',
  'no-target-column',
  'no-status-column',
  'no-indicator-rows',
  /** Two indicators of a table share a reference. */
  'reference-used-twice',
  /** Something in the reference column does not read as a reference. */
  'reference-not-recognised',
  /** An indicator has no reference where the table has a reference column. */
  'indicator-without-reference',
  /** Period columns ("Q1 | Q2") with no year in their headings, the table's title or the sheet's name. */
  'periods-without-year',
  /** A row of figures with no measure's name, read as part of the indicator above. */
  'figures-without-a-name',
  /** An action plan without a recommendation reference (R1, R2.1) above it. */
  'action-plan-without-recommendation',

  // Refusals of a run that writes.
  /** A sheet the run would write to is protected. */
  'sheet-protected',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  readonly code: IssueCode;
  readonly message: string;
}

export function issue(code: IssueCode, message: string): Issue {
  return { code, message };
}
