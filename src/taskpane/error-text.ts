import { ExcelRunError } from '../hosts/excel/excel-errors';

/** What went wrong, in the words the host gave: Excel's problems are already written for an officer. */
export function errorText(error: unknown): string {
  if (error instanceof ExcelRunError) return error.problem.message;
  if (typeof error === 'object' && error !== null && 'problem' in error) {
    const problem = (error as { problem: unknown }).problem;
    if (typeof problem === 'object' && problem !== null && 'message' in problem && typeof problem.message === 'string')
      return problem.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
