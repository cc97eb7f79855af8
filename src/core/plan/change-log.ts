import { cellAddress } from '../model/address';
import { planValueText, textValue, type CellEdit, type OwnedSheet, type PlanCell } from './plan-types';
import { HEADER_FILL } from './status-style';

export const CHANGE_LOG_SHEET = 'KPI Tracker change log';

const HEADER = ['When', 'What was run', 'Sheet', 'Cell', 'Changed', 'Old value', 'New value'];

const PURPOSE_WORDS: Record<CellEdit['purpose'], string> = { status: 'Status', commentary: 'Commentary' };

/**
 * The audit trail the performance framework asks for: every run appends one row per cell it
 * changed, with the old and the new value. Earlier rows are never rewritten.
 */
export function changeLogSheet(edits: readonly CellEdit[], run: { now: string; command: string }, withHeader: boolean, rebuiltSheets: readonly string[] = []): OwnedSheet {
  const when = run.now.replace('T', ' ').replace(/\.\d+Z?$|Z$/, '');
  const rows: PlanCell[][] = [];
  if (withHeader) rows.push(HEADER.map((text) => ({ value: textValue(text), bold: true, fill: HEADER_FILL })));
  // One row per changed cell (90,000 in a large workbook), most of whose cells repeat: the run,
  // the sheet, the purpose, a status's old and new values. Those cells are made once and shared.
  const whenCell: PlanCell = { value: textValue(when) };
  const commandCell: PlanCell = { value: textValue(run.command) };
  const purposeCells = { status: { value: textValue(PURPOSE_WORDS.status) }, commentary: { value: textValue(PURPOSE_WORDS.commentary) } } satisfies Record<CellEdit['purpose'], PlanCell>;
  const sheetCells = new Map<string, PlanCell>();
  const newValueCells = new Map<string, PlanCell>();
  const oldValueCells = new Map<string, PlanCell>();
  for (const edit of edits) {
    let sheetCell = sheetCells.get(edit.sheet);
    if (!sheetCell) {
      sheetCell = { value: textValue(edit.sheet) };
      sheetCells.set(edit.sheet, sheetCell);
    }
    const fillNote = edit.fill && edit.fill !== edit.fillBefore ? ` (fill ${edit.fillBefore || 'none'} → ${edit.fill})` : '';
    const newText = `${planValueText(edit.value)}${fillNote}`;
    let newValueCell = edit.purpose === 'status' ? newValueCells.get(newText) : undefined;
    if (!newValueCell) {
      newValueCell = { value: textValue(newText), wrap: true };
      if (edit.purpose === 'status') newValueCells.set(newText, newValueCell);
    }
    let oldValueCell = edit.purpose === 'status' ? oldValueCells.get(edit.before) : undefined;
    if (!oldValueCell) {
      oldValueCell = { value: textValue(edit.before), wrap: true };
      if (edit.purpose === 'status') oldValueCells.set(edit.before, oldValueCell);
    }
    rows.push([whenCell, commandCell, sheetCell, { value: textValue(cellAddress(edit.row, edit.col)) }, purposeCells[edit.purpose], oldValueCell, newValueCell]);
  }
  for (const name of rebuiltSheets) {
    rows.push([
      { value: textValue(when) },
      { value: textValue(run.command) },
      { value: textValue(name) },
      { value: textValue('') },
      { value: textValue('Sheet rebuilt') },
      { value: textValue('') },
      { value: textValue(`KPI Tracker rebuilt its sheet "${name}"`), wrap: true },
    ]);
  }
  return {
    name: CHANGE_LOG_SHEET,
    purpose: 'change-log',
    mode: 'append',
    visibility: 'visible',
    rows,
    columnWidths: [19, 14, 24, 8, 12, 50, 50],
    freezeRows: 1,
  };
}
