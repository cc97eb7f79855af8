import type { ColumnRole, TableKind } from '../core/detect/types';
import type { Polarity, Unit } from '../core/engine/target-types';
import type { Tolerance } from '../core/engine/tolerance';
import type { NoticeKind } from '../core/plan/plan-types';

/** Column roles in the words an officer would use. */
export const ROLE_WORDS: Record<ColumnRole, string> = {
  reference: 'Reference',
  description: 'Indicator (description)',
  actual: 'Actual for a period',
  target: 'Target',
  status: 'Status',
  commentary: 'Commentary',
  owner: 'Owner',
  polarity: 'Which way is better',
  baseline: 'Baseline',
  frequency: 'Reporting frequency',
  source: 'Source of data',
  tolerance: 'Tolerance',
  count: 'Number of cases',
  metShare: 'Share that met the target',
  notMetShare: 'Share that did not meet the target',
  rating: 'Count of one rating',
  ratingShare: 'Share with a good rating',
  keyOutcome: 'Key outcome',
  keyActions: 'Key actions',
  due: 'By (due date)',
  progress: 'Progress to date',
  successMeasure: 'How we will know',
  caseStart: 'Case received (date)',
  caseEnd: 'Case answered (date)',
  previous: 'Previous figure (for the trend)',
  rank: 'Rank (not judged)',
  longTermTarget: 'Long-term target (not judged this period)',
  benchmark: 'Comparison figure (such as the national average)',
  trend: 'Direction of travel (as published)',
  unit: 'Unit of measure',
  variance: 'Variance as published (not judged)',
  forecast: 'Forecast (not judged)',
  otherAnswers: 'Share giving another answer (not judged)',
  reportingPeriod: 'Period each row reports (dates its figures)',
};

export const KIND_WORDS: Record<TableKind, string> = {
  'period-table': 'indicators with a column per period',
  'measure-table': 'measures with a target and an actual',
  'baseline-table': 'measures with a baseline and a target',
  'kpi-return': 'KPI return (cases and share that met the target)',
  satisfaction: 'satisfaction counts by rating',
  'action-plan': 'action plan',
  'case-list': 'list of cases with their dates',
};

export const NOTICE_WORDS: Record<NoticeKind, string> = {
  'formula-left-alone': 'Formula left alone',
  'officer-words-kept': 'Your words kept',
  'frozen-period': 'Signed-off period kept',
  'stale-commentary': 'Commentary may be out of date',
  'no-status-column': 'Nowhere to write',
  'chart-left-out': 'Chart left out',
  'status-disagrees': 'Status typed in the sheet differs from the figures',
  'other-period-left-alone': "Another period's table left alone",
};

export const POLARITY_WORDS: Record<Polarity, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  none: 'No better direction (reported, not rated)',
};

export const TOLERANCE_RULE_WORDS: Record<Tolerance['rule'], string> = {
  relative: 'Within a percentage of the target',
  points: 'Within percentage points of a rate',
  improving: 'Off target but improving on last year',
  'on-course': 'Off target but on course for the year end',
};

/** "1 cell", "3 cells", "20,000 cells". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * A verdict's variance in the unit its reason uses: percentage points for a percentage target
 * ("−1.8 points", as the reason says "1.8 points below"), relative per cent otherwise ("+43%").
 * The figure itself is the engine's; only the words around it are the pane's.
 */
export function varianceWords(variance: string | null, unit: Unit | undefined): string | null {
  if (variance === null) return null;
  const signed = variance.replace(/^-/, '−');
  if (unit !== 'percent') return signed;
  const figure = signed.replace(/%$/, '');
  return `${figure} ${/^[+−]?1$/.test(figure) ? 'point' : 'points'}`;
}
