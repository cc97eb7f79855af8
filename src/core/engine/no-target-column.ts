import type { DetectedTable } from '../detect/types';
import { parseTargetText } from './parse-target';
import type { Target } from './target-types';

/**
 * The target of an indicator in a table with no target column. A benchmarking table (the body's
 * figures beside comparators or ranks, no targets and no ratings) sets none for any of its rows, so each is
 * No target even where its figure is missing ("N/A"); elsewhere the row's target is simply blank,
 * and a missing figure is No data.
 */
export function targetWithoutColumn(table: DetectedTable): Target {
  // A status column says the publisher rates its rows: they have targets, written or not.
  const comparesOnly =
    table.columns.some((column) => column.role === 'benchmark' || column.role === 'rank') &&
    !table.columns.some((column) => column.role === 'status');
  return comparesOnly
    ? { kind: 'none', text: '', why: 'the table sets no targets, only comparisons with others', wholeTable: true }
    : parseTargetText('');
}
