/**
 * Layouts officers keep that were misread before, found by reviewers running ordinary grids: each
 * grid is built for the shape alone; its figures are placeholders, not any organisation's.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { DetectedTable } from '../../../src/core/detect/types';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { periodLabel } from '../../../src/core/periods/period';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';

const TODAY = { year: 2025, month: 1, day: 15 };

function read(rows: CellInput[][]) {
  const workbook = buildWorkbook([{ name: 'KPIs', rows }]);
  const detection = detectWorkbook(workbook);
  return { detection, verdicts: evaluateWorkbook(workbook, detection, { today: TODAY }) };
}

const roles = (table: DetectedTable): string[] =>
  table.columns.map(
    (column) => `${String.fromCharCode(65 + column.col)}:${column.role}${column.period ? ` ${periodLabel(column.period)}` : ''}`,
  );

describe('a column of the periods the figures are for', () => {
  test('"Latest period" over "Q2 2024/25" and "Sep 2024" dates the figures; it is never a figure that cannot be read', () => {
    const { detection, verdicts } = read([
      ['Indicator', 'Latest period', 'Target', 'Actual', 'RAG'],
      ['Rent collected as % of rent due', 'Q2 2024/25', { v: 0.98, fmt: '0%' }, { v: 0.975, fmt: '0.0%' }, 'Amber'],
      ['Average days to re-let empty homes', 'Sep 2024', 30, 28, 'Green'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:reportingPeriod', 'C:target', 'D:actual', 'E:status']);
    expect(verdicts.map((v) => v.status)).toEqual(['near', 'met']);
  });

  test('"Latest" over figures is still the latest figure', () => {
    const { detection } = read([
      ['Indicator', 'Target', 'Latest', 'RAG'],
      ['Rent collected as % of rent due', { v: 0.98, fmt: '0%' }, { v: 0.975, fmt: '0.0%' }, 'Amber'],
      ['Average days to re-let empty homes', 30, 28, 'Green'],
    ]);
    expect(roles(detection.tables[0]!)).toEqual(['A:description', 'B:target', 'C:actual', 'D:status']);
  });
});
