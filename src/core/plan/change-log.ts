import { columnLetter } from '../model/address';
import { colourName } from '../model/colour-names';
import { getOrInsert } from '../model/memo';
import { EXCEL_CELL_LIMIT, planValueText, textValue, type CellEdit, type OwnedSheet, type PlanCell, type PlanValue } from './plan-types';
import { HEADER_FILL } from './status-style';

export const CHANGE_LOG_SHEET = 'KPI Tracker change log';

const HEADER = ['When', 'What was run', 'Sheet', 'Cell', 'Changed', 'Old value', 'New value'];

const PURPOSE_WORDS: Record<CellEdit['purpose'], string> = { status: 'Status', commentary: 'Commentary' };

/** The log's new value: what was written, and how the cell's colour changed, in words. */
function newValue(edit: CellEdit): PlanCell {
  const fillNote =
    edit.fill && edit.fill !== edit.fillBefore
      ? ` (colour: ${edit.fillBefore ? colourName(edit.fillBefore) : 'none'} → ${colourName(edit.fill)})`
      : '';
  // Text written as it is already is a text value to share (a commentary's words, kept once).
  if (fillNote === '' && edit.value.kind === 'text' && edit.value.text.length <= EXCEL_CELL_LIMIT) return { value: edit.value, wrap: true };
  return { value: textValue(`${planValueText(edit.value)}${fillNote}`), wrap: true };
}

/**
 * The audit trail the performance framework asks for: every run appends one row per cell it
 * changed, with the old and the new value. Earlier rows are never rewritten.
 */
export function changeLogSheet(
  edits: readonly CellEdit[],
  run: { now: string; command: string },
  withHeader: boolean,
  rebuiltSheets: readonly string[] = [],
): OwnedSheet {
  const when = run.now.replace('T', ' ').replace(/\.\d+Z?$|Z$/, '');
  const rows: PlanCell[][] = [];
  if (withHeader) rows.push(HEADER.map((text) => ({ value: textValue(text), bold: true, fill: HEADER_FILL })));
  // One row per changed cell (90,000 in a large workbook), most of whose cells repeat: the run,
  // the sheet, the purpose, a status's old and new values. Those cells are made once and shared.
  const whenCell: PlanCell = { value: textValue(when) };
  const commandCell: PlanCell = { value: textValue(run.command) };
  const purposeCells = {
    status: { value: textValue(PURPOSE_WORDS.status) },
    commentary: { value: textValue(PURPOSE_WORDS.commentary) },
  } satisfies Record<CellEdit['purpose'], PlanCell>;
  const sheetCells = new Map<string, PlanCell>();
  // A status's new value by the value written (shared by every edit writing that label), the fill
  // before and the fill after, so no text is made to look one up.
  const newStatusCells = new Map<PlanValue, Map<string, Map<string, PlanCell>>>();
  const oldValueCells = new Map<string, PlanCell>();
  const columnLetters: string[] = [];
  for (const edit of edits) {
    let sheetCell = sheetCells.get(edit.sheet);
    if (!sheetCell) {
      sheetCell = { value: textValue(edit.sheet) };
      sheetCells.set(edit.sheet, sheetCell);
    }
    let newValueCell: PlanCell;
    if (edit.purpose === 'status') {
      const byFillBefore = getOrInsert(newStatusCells, edit.value, () => new Map<string, Map<string, PlanCell>>());
      const byFill = getOrInsert(byFillBefore, edit.fillBefore ?? '', () => new Map<string, PlanCell>());
      newValueCell = getOrInsert(byFill, edit.fill ?? '', () => newValue(edit));
    } else {
      newValueCell = newValue(edit);
    }
    // Commentary's old words are its own, but for the empty cells a first run writes into.
    const shareOld = edit.purpose === 'status' || edit.before === '';
    let oldValueCell = shareOld ? oldValueCells.get(edit.before) : undefined;
    if (!oldValueCell) {
      oldValueCell = { value: textValue(edit.before), wrap: true };
      if (shareOld) oldValueCells.set(edit.before, oldValueCell);
    }
    const letters = (columnLetters[edit.col] ??= columnLetter(edit.col));
    rows.push([
      whenCell,
      commandCell,
      sheetCell,
      { value: textValue(`${letters}${edit.row + 1}`) },
      purposeCells[edit.purpose],
      oldValueCell,
      newValueCell,
    ]);
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
