import ExcelJS from 'exceljs';
import type { CellEdit, OwnedSheet, Plan, PlanCell, PlanValue } from '../../core/plan/plan-types';

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function rawValue(value: PlanValue): ExcelJS.CellValue {
  switch (value.kind) {
    // exceljs writes a string as a shared string, never as a formula, so "=1+1" stays text.
    case 'text':
      return value.text;
    case 'number':
      return value.value;
    case 'empty':
      return null;
  }
}

/**
 * exceljs shares one style object between all cells read with the same style, so a fill set on
 * one cell would colour all of them. Each change gets a style object of its own.
 */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

function applyEdit(ws: ExcelJS.Worksheet, edit: CellEdit): void {
  const cell = ws.getCell(edit.row + 1, edit.col + 1);
  cell.value = rawValue(edit.value);
  if (edit.fill) restyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(edit.fill) } } });
}

function styleFor(planCell: PlanCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  // The whole font, always: a font with only "bold" set prints in a fallback serif face elsewhere.
  {
    style.font = {
      name: 'Calibri',
      family: 2,
      size: 11,
      ...(planCell.bold ? { bold: true } : {}),
      ...(planCell.italic ? { italic: true } : {}),
      ...(planCell.size ? { size: planCell.size } : {}),
      ...(planCell.fontColour ? { color: { argb: argb(planCell.fontColour) } } : {}),
    };
  }
  if (planCell.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(planCell.fill) } };
  // Top-aligned throughout, so a short cell beside a tall wrapped one reads on the same line.
  style.alignment = {
    vertical: 'top',
    ...(planCell.wrap ? { wrapText: true } : {}),
    ...(planCell.align ? { horizontal: planCell.align === 'centre' ? 'center' : planCell.align } : {}),
  };
  if (planCell.numberFormat) style.numFmt = planCell.numberFormat;
  if (planCell.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return style;
}

function writeRows(ws: ExcelJS.Worksheet, owned: OwnedSheet, firstRow: number): void {
  owned.rows.forEach((row, r) => {
    row.forEach((planCell, c) => {
      if (!planCell) return;
      const cell = ws.getCell(firstRow + r, c + 1);
      cell.value = rawValue(planCell.value);
      const style = styleFor(planCell);
      if (Object.keys(style).length > 0) cell.style = style;
    });
  });
}

function buildOwnedSheet(excel: ExcelJS.Workbook, owned: OwnedSheet): void {
  let ws = excel.getWorksheet(owned.name);
  if (ws && owned.mode === 'replace') {
    excel.removeWorksheet(ws.id);
    ws = undefined;
  }
  const fresh = !ws;
  if (!ws) ws = excel.addWorksheet(owned.name);
  ws.state = owned.visibility;
  const firstRow = owned.mode === 'append' && !fresh ? ws.rowCount + 1 : 1;
  writeRows(ws, owned, firstRow);
  if (fresh || owned.mode === 'replace') {
    owned.columnWidths?.forEach((width, i) => {
      ws.getColumn(i + 1).width = width;
    });
    owned.rowHeights?.forEach((height, i) => {
      ws.getRow(firstRow + i).height = height;
    });
    for (const merge of owned.merges ?? []) ws.mergeCells(merge);
    if (owned.freezeRows) ws.views = [{ state: 'frozen', ySplit: owned.freezeRows, xSplit: 0 }];
    if (owned.print) {
      ws.pageSetup = {
        ...ws.pageSetup,
        orientation: owned.print.landscape ? 'landscape' : 'portrait',
        fitToPage: owned.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
        ...(owned.print.repeatRows ? { printTitlesRow: `${owned.print.repeatRows[0]}:${owned.print.repeatRows[1]}` } : {}),
      };
      if (owned.print.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&L${owned.print.footer.replace(/&/g, '&&')}&RPage &P of &N` };
    }
  }
}

/**
 * Applies a plan to a workbook read with exceljs. Nothing is applied when the plan has refusals.
 * Returns notes on what this host could not do (exceljs cannot draw charts).
 */
export function applyPlanToExcelJs(excel: ExcelJS.Workbook, plan: Plan): string[] {
  if (plan.refusals.length > 0) return [];
  const notes: string[] = [];
  for (const edit of plan.edits) {
    const ws = excel.getWorksheet(edit.sheet);
    if (!ws) throw new Error(`The plan names a sheet "${edit.sheet}" that is not in the workbook.`);
    applyEdit(ws, edit);
  }
  for (const owned of plan.sheets) {
    buildOwnedSheet(excel, owned);
    if (owned.chart) notes.push(`The chart of statuses on "${owned.name}" was left out: the command line can't draw charts. Generate the committee sheet from Excel to get it.`);
  }
  return notes;
}
