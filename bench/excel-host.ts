// Excel host figures for the benchmark: the first "Recalculate status" on a generated workbook
// against the counting fake of the Excel object model the tests use (tests/support/fake-excel.ts):
// requests sent, the largest request, and all the bytes sent.
import { FakeExcel, installFakeExcel } from '../tests/support/fake-excel';
import { runInExcel } from '../src/hosts/excel/excel-run';
import { generateWorkbook } from './generate';

export interface ExcelHostFigures {
  readonly syncs: number;
  readonly largestRequest: number;
  readonly totalBytes: number;
}

export async function excelHostFigures(rows: number): Promise<ExcelHostFigures> {
  const fake = FakeExcel.fromWorkbook(generateWorkbook(rows));
  const restore = installFakeExcel(fake);
  try {
    await runInExcel(
      {
        today: { year: 2025, month: 4, day: 30 },
        now: '2025-04-30T10:00:00Z',
        command: 'bench',
        steps: { statuses: true, actionPlan: false, committee: false },
      },
      false,
    );
  } finally {
    restore();
  }
  const sent = fake.requests.filter((request) => request.operations > 0 || !request.closing);
  return {
    syncs: sent.length,
    largestRequest: Math.max(0, ...sent.map((request) => request.requestBytes)),
    totalBytes: sent.reduce((sum, request) => sum + request.requestBytes, 0),
  };
}
