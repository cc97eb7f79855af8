/**
 * SheetGrid keeps a few counts per row (worked out in one pass, so detection need not list every
 * row's columns). Each must say what the cell-by-cell definition says, odd cells included.
 */
import { SheetGrid } from '../../../src/core/detect/sheet-grid';
import { buildWorkbook, type CellInput } from '../../../src/hosts/memory/build-workbook';

const ODD_ROWS: CellInput[][] = [
  ['Ref', 'Indicator', { v: 45383, fmt: 'mmm-yy' }, { date: '2024-05-01', fmt: 'mmm-yy' }, 'Target', 'Status'],
  ['\u00a0', ' ', '\t', '\u202f\u00a0', null, ''],
  ['-', '*', '–', '📊', '\u200b', '(', 'نسبة', '  Achieved  ', '9'.repeat(40)],
  [
    0.92,
    { v: 0.5, fmt: '0%' },
    { date: '2025-03-31' },
    { date: '2025-03-31', fmt: 'mmmm yyyy' },
    true,
    { error: '#N/A' },
    { v: 12, fmt: 'dd/mm/yyyy' },
  ],
  [null, null, null, 'A1', null, '\u00a0x'],
  [],
];

const grid = new SheetGrid(buildWorkbook([{ name: 'Odd cells', rows: ODD_ROWS }]).sheets[0]!);
const rows = Array.from({ length: grid.rows }, (_, r) => r);

/** Figures always count in a table's body; text only with a letter, a digit or a footnote star. */
const countsInBody = (r: number, c: number): boolean => grid.cell(r, c).value.kind !== 'text' || /[\p{L}\p{N}*]/u.test(grid.text(r, c));
/** Anything but text and a month shown as a month. */
const isFigure = (r: number, c: number): boolean => {
  const cell = grid.cell(r, c);
  if (cell.value.kind === 'text') return false;
  const monthHeading = (cell.value.kind === 'date' || cell.value.kind === 'number') && grid.isMonthOnlyFormat(cell.format);
  return !monthHeading;
};

test.each(rows)('row %i: the kept counts agree with the row cell by cell', (r) => {
  const filled = grid.filledColumns(r);
  expect(filled).toEqual((ODD_ROWS[r] ?? []).flatMap((_, c) => (grid.text(r, c) !== '' ? [c] : [])));
  expect(grid.filledCount(r)).toBe(filled.length);
  expect(grid.isBlankRow(r)).toBe(filled.length === 0);
  expect(grid.firstFilledColumn(r)).toBe(filled[0] ?? -1);
  expect(grid.lastFilledColumn(r)).toBe(filled[filled.length - 1] ?? -1);
  expect(grid.figureCount(r)).toBe(filled.filter((c) => isFigure(r, c)).length);
  const inBody = filled.filter((c) => countsInBody(r, c));
  expect(grid.wordOrFigureCount(r)).toBe(inBody.length);
  expect(grid.firstWordOrFigureColumn(r)).toBe(inBody[0] ?? -1);
  for (const c of filled) expect(grid.showsWordOrFigure(r, c)).toBe(countsInBody(r, c));
});

test('rows outside the sheet are blank', () => {
  for (const r of [-1, grid.rows, grid.rows + 5]) {
    expect(grid.filledCount(r)).toBe(0);
    expect(grid.isBlankRow(r)).toBe(true);
    expect(grid.firstFilledColumn(r)).toBe(-1);
  }
});
