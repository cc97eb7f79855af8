import { cellAddress } from '../core/model/address';
import type { Plan } from '../core/plan/plan-types';

export interface ChangedRange {
  readonly sheet: string;
  /** A1 address on that sheet, e.g. `H4:H6`. */
  readonly address: string;
  /** What changed there, in words. */
  readonly what: string;
}

const PURPOSE_WORDS = { status: 'Status cells', commentary: 'Commentary cells' } as const;
const SHEET_WORDS = {
  committee: 'Committee sheet',
  'action-plan': 'Action plan',
  'change-log': 'Change log',
  settings: 'Settings',
} as const;

/** The ranges a plan wrote: runs of edited cells down a column, then each visible sheet it built. */
export function changedRanges(plan: Plan): ChangedRange[] {
  const ranges: ChangedRange[] = [];
  const edits = [...plan.edits].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  let run: { sheet: string; col: number; top: number; bottom: number; purpose: 'status' | 'commentary' } | undefined;
  const close = () => {
    if (!run) return;
    const start = cellAddress(run.top, run.col);
    ranges.push({
      sheet: run.sheet,
      address: run.top === run.bottom ? start : `${start}:${cellAddress(run.bottom, run.col)}`,
      what: PURPOSE_WORDS[run.purpose],
    });
  };
  for (const edit of edits) {
    if (run && run.sheet === edit.sheet && run.col === edit.col && run.purpose === edit.purpose && edit.row === run.bottom + 1) {
      run.bottom = edit.row;
      continue;
    }
    close();
    run = { sheet: edit.sheet, col: edit.col, top: edit.row, bottom: edit.row, purpose: edit.purpose };
  }
  close();
  for (const sheet of plan.sheets) {
    if (sheet.visibility !== 'visible') continue;
    ranges.push({ sheet: sheet.name, address: 'A1', what: SHEET_WORDS[sheet.purpose] });
  }
  return ranges;
}
