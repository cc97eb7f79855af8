/** Workbooks and comparisons for the Excel host tests (tests/excel). */
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { cellAddress } from '../../src/core/model/address';
import type { Cell, Workbook } from '../../src/core/model/workbook';
import type { RunOptions } from '../../src/core/run/run-kpi-tracker';
import { savedTablesFrom } from '../../src/core/settings/confirm-mapping';
import { buildSheet, buildWorkbook, type CellInput } from '../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { samplePath } from './samples';
import { settingsSheet, type SettingsInput } from './settings-sheet';

export const TODAY = { year: 2024, month: 11, day: 20 } as const;
export const NOW = '2024-11-20T09:00:00.000Z';

export function options(steps: Partial<RunOptions['steps']> = {}, command = 'Recalculate status'): RunOptions {
  return { today: TODAY, now: NOW, command, steps: { statuses: false, actionPlan: false, committee: false, ...steps } };
}

/** A workbook with its detected tables saved as the confirmed mapping (as the pane saves it), plus any other settings. */
export function withSavedMapping(
  workbook: Workbook,
  extra: Omit<SettingsInput, 'version'> = {},
  mappingFrom: Workbook = workbook,
): Workbook {
  const tables = savedTablesFrom(detectWorkbook(mappingFrom).tables);
  return { sheets: [...workbook.sheets, buildSheet(settingsSheet({ version: 1, tables, ...extra }))] };
}

/** Layout A: assets/samples/service-plan-quarterly.xlsx, 14 indicators, as the .xlsx host reads it. */
export async function layoutASample(): Promise<Workbook> {
  return (await readXlsxFile(samplePath('service-plan-quarterly'))).workbook;
}

export const MONTHS_2024_25 = [
  'Apr-24',
  'May-24',
  'Jun-24',
  'Jul-24',
  'Aug-24',
  'Sep-24',
  'Oct-24',
  'Nov-24',
  'Dec-24',
  'Jan-25',
  'Feb-25',
  'Mar-25',
];

/**
 * A generated layout A style sheet: a title, then Ref, Description, twelve monthly actuals
 * Apr-24 … Mar-25 (figures up to October), Target, Status, Commentary; `count` indicators with a
 * mix of met, near and missed. Its saved mapping comes from the same layout with a few rows.
 */
export function generatedLayoutA(count: number, extra: Omit<SettingsInput, 'version'> = {}): Workbook {
  const sheet = (n: number) => {
    const rows: CellInput[][] = [
      ['Performance indicators 2024/25'],
      [],
      ['Ref', 'Description', ...MONTHS_2024_25, 'Target', 'Status', 'Commentary'],
    ];
    for (let i = 0; i < n; i++) {
      const actuals: CellInput[] = MONTHS_2024_25.map((_, m) =>
        m < 7 ? { v: Math.round((0.8 + ((i * 7 + m * 13) % 20) / 100) * 1000) / 1000, fmt: '0.0%' } : null,
      );
      rows.push([
        `PI${String(i + 1).padStart(5, '0')}`,
        `Indicator number ${i + 1} of the service plan`,
        ...actuals,
        { v: 0.9, fmt: '0%' },
        null,
        null,
      ]);
    }
    return { name: 'KPIs', rows };
  };
  return withSavedMapping(buildWorkbook([sheet(count)]), extra, buildWorkbook([sheet(3)]));
}

/** Each sheet's shape, in tab order, then one line per non-empty cell: `Sheet!A1 kind:text [format] {=formula} #FILL`. */
export function snapshot(workbook: Workbook): string[] {
  const lines: string[] = [];
  // In tab order: the Excel host puts a rebuilt sheet back in its place, as the in-memory host does.
  for (const sheet of workbook.sheets) {
    lines.push(
      `sheet ${sheet.name} ${sheet.visibility}${sheet.isProtected ? ' protected' : ''} merges=${sheet.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).join(',')} tables=${sheet.tables.map((t) => t.name).join(',')}`,
    );
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const line = cellLine(cell);
        if (line) lines.push(`${sheet.name}!${cellAddress(r, c)} ${line}`);
      }),
    );
  }
  return lines;
}

export function cellLine(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  const fill = cell.fill && cell.fill.toUpperCase() !== '#FFFFFF' ? ` ${cell.fill.toUpperCase()}` : '';
  const format = cell.format && cell.format !== 'General' ? ` [${cell.format}]` : '';
  const formula = cell.formula !== undefined ? ` {=${cell.formula}}` : '';
  const v = cell.value;
  const value =
    v.kind === 'empty'
      ? 'empty'
      : v.kind === 'number'
        ? `number:${v.value}`
        : v.kind === 'date'
          ? `date:${v.serial}`
          : v.kind === 'error'
            ? `error:${v.code}`
            : v.kind === 'boolean'
              ? `boolean:${v.value}`
              : `text:${JSON.stringify(v.value)}`;
  // Excel has no empty text: writing '' empties the cell.
  if ((v.kind === 'empty' || (v.kind === 'text' && v.value === '')) && !fill && !formula) return undefined;
  return `${value}${format}${formula}${fill}`;
}
