import type { DetectedTable } from '../core/detect/types';
import { periodLabel } from '../core/periods/period';

/**
 * One table as an officer sees it. A service plan repeats its header row above each block of
 * indicators (layout A: four blocks on one sheet); each block is found as a table of its own, but
 * it is one table to the officer, and the pane shows it as one.
 */
export interface TableGroup {
  /** The detected tables it is made of, by their place in the detection, top first. */
  readonly indices: readonly number[];
  readonly sheet: string;
  /** The title above its first block, if any. */
  readonly title: string | undefined;
}

/** What makes two header rows the same: the columns, their roles, their header text and period. */
function signature(table: DetectedTable): string {
  const columns = table.columns.map(
    (column) => `${column.col}:${column.role}:${column.header.trim().toLowerCase()}:${column.period ? periodLabel(column.period) : ''}`,
  );
  return `${table.sheet}\u0000${table.kind}\u0000${table.range.left}-${table.range.right}\u0000${columns.join('|')}`;
}

/**
 * Tables grouped as the officer sees them: a block joins the table above it on the same sheet when
 * its header row reads the same and it has no title of its own (a block under a new title, as in
 * layout B's themed tables, is a table of its own).
 */
export function tableGroups(tables: readonly DetectedTable[]): TableGroup[] {
  const groups: Array<{ indices: number[]; sheet: string; title: string | undefined; signature: string; bottom: number }> = [];
  tables.forEach((table, index) => {
    const own = signature(table);
    const last = groups[groups.length - 1];
    const title = table.title?.trim() || undefined;
    if (last && last.signature === own && table.range.top > last.bottom && (!title || title === last.title)) {
      last.indices.push(index);
      last.bottom = table.range.bottom;
      return;
    }
    groups.push({ indices: [index], sheet: table.sheet, title, signature: own, bottom: table.range.bottom });
  });
  return groups.map(({ indices, sheet, title }) => ({ indices, sheet, title }));
}

/** For each detected table, the group it belongs to. */
export function groupOfTable(groups: readonly TableGroup[]): Map<number, TableGroup> {
  const byTable = new Map<number, TableGroup>();
  for (const group of groups) for (const index of group.indices) byTable.set(index, group);
  return byTable;
}
