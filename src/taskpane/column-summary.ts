import type { ColumnRole, DetectedTable } from '../core/detect/types';
import { columnLetter } from '../core/model/address';
import type { TableChoice } from './mapping-edit';
import { ROLE_WORDS } from './words';

/** "A Reference; B Indicator (description); C–F Actual for a period; G Target" — neighbouring columns of one role together. */
export function columnSummary(table: DetectedTable, choice: TableChoice): string {
  const runs: Array<{ first: number; last: number; role: ColumnRole | null }> = [];
  for (const column of table.columns) {
    const role = choice.roles[column.col] === undefined ? column.role : choice.roles[column.col]!;
    const previous = runs[runs.length - 1];
    if (previous && previous.role === role && previous.last === column.col - 1) previous.last = column.col;
    else runs.push({ first: column.col, last: column.col, role });
  }
  return runs
    .map(
      (run) =>
        `${columnLetter(run.first)}${run.last > run.first ? `–${columnLetter(run.last)}` : ''} ${run.role ? ROLE_WORDS[run.role] : 'not used'}`,
    )
    .join('; ');
}
