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
  for (const edit of edits) {
    const fillNote = edit.fill && edit.fill !== edit.fillBefore ? ` (fill ${edit.fillBefore || 'none'} → ${edit.fill})` : '';
    rows.push([
      { value: textValue(when) },
      { value: textValue(run.command) },
      { value: textValue(edit.sheet) },
      { value: textValue(cellAddress(edit.row, edit.col)) },
      { value: textValue(PURPOSE_WORDS[edit.purpose]) },
      { value: textValue(edit.before), wrap: true },
      { value: textValue(`${planValueText(edit.value)}${fillNote}`), wrap: true },
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
