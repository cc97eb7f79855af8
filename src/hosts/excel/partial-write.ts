import { cellAddress } from '../../core/model/address';
import type { CellEdit, Plan } from '../../core/plan/plan-types';
import { describeExcelError, ExcelRunError } from './excel-errors';

/** What one step of a write carried: cells with their change-log rows, or a whole owned sheet. */
export type WriteStep = { readonly kind: 'edits'; readonly edits: readonly CellEdit[] } | { readonly kind: 'sheet'; readonly name: string };

const PURPOSE_WORDS: Record<CellEdit['purpose'], string> = { status: 'status', commentary: 'commentary' };
const MOST_RANGES_NAMED = 6;

/** "'KPIs 2024-25'!H4:H6003 (status)" for each column of consecutive cells. */
function rangesOf(edits: readonly CellEdit[]): string[] {
  const sorted = [...edits].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  const ranges: Array<{ first: CellEdit; last: CellEdit }> = [];
  for (const edit of sorted) {
    const range = ranges[ranges.length - 1];
    if (
      range &&
      range.last.sheet === edit.sheet &&
      range.last.col === edit.col &&
      range.last.row + 1 === edit.row &&
      range.last.purpose === edit.purpose
    )
      range.last = edit;
    else ranges.push({ first: edit, last: edit });
  }
  return ranges.map(({ first, last }) => {
    const at =
      first === last ? cellAddress(first.row, first.col) : `${cellAddress(first.row, first.col)}:${cellAddress(last.row, last.col)}`;
    return `'${first.sheet.replace(/'/g, "''")}'!${at} (${PURPOSE_WORDS[first.purpose]})`;
  });
}

function listed(items: readonly string[]): string {
  const named = items.slice(0, MOST_RANGES_NAMED);
  const more = items.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more range${more === 1 ? '' : 's'}` : ''}`;
}

const count = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

/**
 * The error for a write Excel stopped part-way: Excel's reason, then exactly what had been written
 * (the requests before the one that failed) and what had not. With nothing written, Excel's error
 * as it was.
 */
export function partialWriteError(error: unknown, plan: Plan, written: readonly WriteStep[]): unknown {
  const cells = written.flatMap((step) => (step.kind === 'edits' ? step.edits : []));
  const sheets = written.flatMap((step) => (step.kind === 'sheet' ? [step.name] : []));
  if (cells.length === 0 && sheets.length === 0) return error;
  const problem = error instanceof ExcelRunError ? error.problem : describeExcelError(error);
  const writtenCells = new Set(cells);
  const notWritten = plan.edits.filter((edit) => !writtenCells.has(edit));
  const sheetsLeft = plan.sheets.map((sheet) => sheet.name).filter((name) => !sheets.includes(name));
  const parts = [
    `${problem.message} Excel stopped part-way through the changes.`,
    cells.length > 0
      ? `Written: ${count(cells.length, 'cell')} of ${count(plan.edits.length, 'cell')}, ${listed(rangesOf(cells))}; the change log has a row for each of them.`
      : 'Written: none of the status and commentary cells.',
    sheets.length > 0 ? `Sheets written: ${sheets.map((name) => `"${name}"`).join(', ')}.` : '',
    notWritten.length > 0 ? `Not written: ${count(notWritten.length, 'cell')}, ${listed(rangesOf(notWritten))}.` : '',
    sheetsLeft.length > 0 ? `Not finished: ${sheetsLeft.map((name) => `"${name}"`).join(', ')}.` : '',
    'Run it again to finish: what is already written will not change again.',
  ];
  return new ExcelRunError({ code: problem.code, message: parts.filter(Boolean).join(' ') });
}
