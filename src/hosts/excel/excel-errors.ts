/* global Excel */

/** Office.js error codes, in words an officer can act on. */
const MESSAGES: Record<string, string> = {
  AccessDenied: "Excel refused the change: a sheet or the workbook's structure may be protected, or the workbook is read-only.",
  ItemNotFound:
    'A sheet or table KPI Tracker expected is no longer in the workbook. It may have been renamed or deleted; check the mapping.',
  InvalidArgument:
    'Excel could not accept what KPI Tracker sent (an address or a value it did not expect). Please report this with the workbook if you can.',
  InvalidOperation: 'Excel could not do that just now. If a cell is being edited, press Enter or Esc and try again.',
  InvalidOperationInCellEditMode: 'A cell is being edited. Press Enter or Esc, then try again.',
  RequestPayloadSizeLimitExceeded:
    'The change is larger than Excel on the web accepts in one go. Please report this: KPI Tracker should have split it.',
  ResponsePayloadSizeLimitExceeded:
    'The workbook is larger than Excel on the web can send in one go. Please report this: KPI Tracker should have read it in parts.',
  GeneralException: 'Excel reported a general problem. Try again; if it keeps happening, save and reopen the workbook.',
  Conflict: 'Someone else changed the workbook at the same time. Try again in a moment.',
  ActivityLimitReached: 'Excel is busy with too many requests. Wait a moment and try again.',
  ApiNotFound: 'This version of Excel lacks a feature KPI Tracker needs. Update Excel, or use Excel on the web.',
  NotImplemented: 'This version of Excel lacks a feature KPI Tracker needs. Update Excel, or use Excel on the web.',
  UnsupportedOperation: 'Excel does not support that here.',
  EditModeCannotAcquireLease: 'A cell is being edited. Press Enter or Esc, then try again.',
};

export interface ExcelProblem {
  readonly code: string;
  readonly message: string;
}

/** Reads an Office.js error by its code; anything else keeps its own message. */
export function describeExcelError(error: unknown): ExcelProblem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'Unknown';
  const known = MESSAGES[code];
  if (known) return { code, message: known };
  const detail = error instanceof Error ? error.message : String(error);
  return { code, message: `Something went wrong in Excel (${code}): ${detail}` };
}

export class ExcelRunError extends Error {
  constructor(readonly problem: ExcelProblem) {
    super(problem.message);
    this.name = 'ExcelRunError';
  }
}

/** Every Excel.run goes through here, so every failure reaches the officer by its code, in words. */
export async function runExcel<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(work);
  } catch (error) {
    if (error instanceof ExcelRunError) throw error;
    throw new ExcelRunError(describeExcelError(error));
  }
}
