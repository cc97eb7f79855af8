import type { PlanCell, PlanValue, Plan, OwnedSheet } from '../../core/plan/plan-types';
import type { Cell, CellValue, Sheet, Workbook } from '../../core/model/workbook';
import { parseRangeAddress } from '../../core/model/address';

function valueOf(value: PlanValue): CellValue {
  switch (value.kind) {
    case 'text':
      // Text is always literal: "=1+1" stays the five characters an officer would see.
      return { kind: 'text', value: value.text };
    case 'number':
      return { kind: 'number', value: value.value };
    case 'empty':
      return { kind: 'empty' };
  }
}

function cellOf(planCell: PlanCell | undefined): Cell | undefined {
  if (!planCell || planCell.value.kind === 'empty') return planCell?.fill ? { value: { kind: 'empty' }, fill: planCell.fill } : undefined;
  return {
    value: valueOf(planCell.value),
    ...(planCell.numberFormat ? { format: planCell.numberFormat } : {}),
    ...(planCell.fill ? { fill: planCell.fill.toUpperCase() } : {}),
  };
}

function ownedSheet(existing: Sheet | undefined, owned: OwnedSheet): Sheet {
  const newRows = owned.rows.map((row) => row.map(cellOf));
  const rows = owned.mode === 'append' && existing ? [...existing.rows, ...newRows] : newRows;
  return {
    name: owned.name,
    visibility: owned.visibility,
    isProtected: false,
    rows,
    merges: owned.mode === 'append' && existing ? existing.merges : (owned.merges ?? []).map((m) => parseRangeAddress(m)!).filter(Boolean),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    tables: [],
  };
}

/**
 * Applies a plan to an in-memory workbook and returns the new workbook; the input is not changed.
 * Used by the tests and the browser workbench in place of Excel.
 */
export function applyPlanInMemory(workbook: Workbook, plan: Plan): Workbook {
  if (plan.refusals.length > 0) return workbook;
  const sheets = workbook.sheets.map((sheet) => {
    const edits = plan.edits.filter((edit) => edit.sheet === sheet.name);
    if (edits.length === 0) return sheet;
    // Only the rows an edit touches are copied: the workbench applies a run of 10,000
    // indicators on the page, and copying every row held it for a tenth of a second.
    const rows = [...sheet.rows];
    const copied = new Set<number>();
    for (const edit of edits) {
      if (!copied.has(edit.row)) {
        rows[edit.row] = rows[edit.row] ? [...rows[edit.row]!] : [];
        copied.add(edit.row);
      }
      const row = rows[edit.row] as (Cell | undefined)[];
      // Whatever was written replaces a formula: the cell keeps its format, not its formula.
      const { formula: _formula, ...before } = row[edit.col] ?? {};
      row[edit.col] = {
        ...before,
        value: valueOf(edit.value),
        ...(edit.fill ? { fill: edit.fill.toUpperCase() } : {}),
      };
    }
    return { ...sheet, rows };
  });
  for (const owned of plan.sheets) {
    const index = sheets.findIndex((sheet) => sheet.name === owned.name);
    const built = ownedSheet(index >= 0 ? sheets[index] : undefined, owned);
    if (index >= 0) sheets[index] = built;
    else sheets.push(built);
  }
  return { sheets };
}
