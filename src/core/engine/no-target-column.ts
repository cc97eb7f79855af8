import type { DetectedTable } from '../detect/types';
import { parseTargetText } from './parse-target';
import type { Target } from './target-types';

/**
 * The target of an indicator in a table with no target column. A benchmarking table (the body's
 * figures beside comparators or ranks, no targets at all) sets none for any of its rows, so each is
 * No target even where its figure is missing ("N/A"); elsewhere the row's target is simply blank,
 * and a missing figure is No data.
 */
export function targetWithoutColumn(table: DetectedTable): Target {
  const comparesOnly = table.columns.some((column) => column.role === 'benchmark' || column.role === 'rank');
  return comparesOnly
    ? { kind: 'none', text: '', why: 'the table sets no targets, only comparisons with others', wholeTable: true }
    : parseTargetText('');
}
