// Writes a generated workbook to .xlsx for the command-line measurements.
import ExcelJS from 'exceljs';
import { generateWorkbook } from './generate';
import { cellText } from '../src/core/model/cell-text';

export async function writeGeneratedXlsx(rows: number, path: string, seed?: number): Promise<void> {
  const model = generateWorkbook(rows, seed);
  const excel = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = excel.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const values: ExcelJS.CellValue[] = [];
      row.forEach((cell, c) => {
        if (!cell) return;
        values[c + 1] = cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'text' ? cell.value.value : cellText(cell);
      });
      const excelRow = ws.getRow(r + 1);
      excelRow.values = values;
      row.forEach((cell, c) => {
        if (cell?.format) excelRow.getCell(c + 1).numFmt = cell.format;
      });
    });
  }
  await excel.xlsx.writeFile(path);
}
