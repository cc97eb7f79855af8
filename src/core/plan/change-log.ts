import { columnLetter } from '../model/address';
import { getOrInsert } from '../model/memo';
import { EXCEL_CELL_LIMIT, planValueText, textValue, type CellEdit, type OwnedSheet, type PlanCell, type PlanValue } from './plan-types';
import { colourInWords } from './colour-words';
import { heightOfLines, wrappedLineCount } from './row-heights';
import { HEADER_FILL } from './status-style';

export const CHANGE_LOG_SHEET = 'KPI Tracker change log';

/** The width of the old and new value columns, in characters. */
const VALUE_WIDTH = 50;

const HEADER = ['When', 'What was run', 'Sheet', 'Cell', 'Changed', 'Old value', 'New value'];

const PURPOSE_WORDS: Record<CellEdit['purpose'], string> = { status: 'Status', commentary: 'Commentary' };

/** The log's new value: what was written, and how the fill changed, in words ("fill none → light green"). */
function newValue(edit: CellEdit): PlanCell {
  const fillNote =
    edit.fill && edit.fill !== edit.fillBefore ? ` (fill ${colourInWords(edit.fillBefore)} → ${colourInWords(edit.fill)})` : '';
  // Text written as it is already is a text value to share (a commentary's words, kept once).
  if (fillNote === '' && edit.value.kind === 'text' && edit.value.text.length <= EXCEL_CELL_LIMIT) return { value: edit.value, wrap: true };
  return { value: textValue(`${planValueText(edit.value)}${fillNote}`), wrap: true };
}

/**
 * The audit trail the performance framework asks for: every run appends one row per cell it
 * changed, with the old and the new value, and says which period the run was about. Earlier rows
 * are never rewritten. It prints on A4, landscape, one page wide, its header on every page.
 */
export function changeLogSheet(
  edits: readonly CellEdit[],
  run: { now: string; command: string; period?: string },
  withHeader: boolean,
  rebuiltSheets: readonly string[] = [],
): OwnedSheet {
  const when = run.now.replace('T', ' ').replace(/\.\d+Z?$|Z$/, '');
  const rows: PlanCell[][] = [];
  if (withHeader) rows.push(HEADER.map((text) => ({ value: textValue(text), bold: true, fill: HEADER_FILL })));
  // One row per changed cell (90,000 in a large workbook), most of whose cells repeat: the run,
  // the sheet, the purpose, a status's old and new values. Those cells are made once and shared.
  const whenCell: PlanCell = { value: textValue(when) };
  const what = run.period ? `${run.command} for ${run.period}` : run.command;
  const commandCell: PlanCell = { value: textValue(what), wrap: true };
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
  // Wrapped words need taller rows to print whole; most rows (a status) take one line, and a
  // shared cell is measured once.
  const heights: number[] = [];
  if (withHeader) heights.push(heightOfLines(1));
  const linesOf = new Map<PlanCell, number>();
  const lines = (cell: PlanCell): number => {
    let known = linesOf.get(cell);
    if (known === undefined) {
      known = wrappedLineCount(planValueText(cell.value), VALUE_WIDTH);
      linesOf.set(cell, known);
    }
    return known;
  };
  let anyTall = false;
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
    const tallest = Math.max(lines(oldValueCell), lines(newValueCell));
    if (tallest > 1) anyTall = true;
    heights.push(heightOfLines(tallest));
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
      whenCell,
      commandCell,
      { value: textValue(name) },
      { value: textValue('') },
      { value: textValue('Sheet rebuilt') },
      { value: textValue('') },
      { value: textValue(`KPI Tracker rebuilt its sheet "${name}"`), wrap: true },
    ]);
    heights.push(heightOfLines(1));
  }
  return {
    name: CHANGE_LOG_SHEET,
    purpose: 'change-log',
    mode: 'append',
    visibility: 'visible',
    rows,
    columnWidths: [19, 18, 24, 8, 12, VALUE_WIDTH, VALUE_WIDTH],
    ...(anyTall ? { rowHeights: heights } : {}),
    freezeRows: 1,
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 1], footer: CHANGE_LOG_SHEET },
  };
}
