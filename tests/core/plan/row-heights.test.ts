/**
 * Row heights count wrapped lines where a spreadsheet may wrap: at whitespace as the pattern \s
 * reads it, a run of it counting as one space. The measuring settles printable ASCII early, so
 * every character is checked against \s here.
 */
import { estimateRowHeight, estimateRowHeights, heightOfLines, SharedCells, wrappedLineCount } from '../../../src/core/plan/row-heights';
import { textValue, type PlanCell } from '../../../src/core/plan/plan-types';

// floor(4.35 × 1.15) = 5 characters a line.
const FIVE_A_LINE = 4.35;

test('every character \\s reads as whitespace is a place to wrap, and no other', () => {
  const wrong: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code === 10) continue; // a line break starts a paragraph
    const ch = String.fromCharCode(code);
    // "ab   cd": one line when the three are a space between two words, two when one word of seven.
    const expected = /\s/.test(ch) ? 1 : 2;
    if (wrappedLineCount(`ab${ch}${ch}${ch}cd`, FIVE_A_LINE) !== expected) wrong.push(code.toString(16));
  }
  expect(wrong).toEqual([]);
});

test('a row measured alone, from shared cells or from its texts has the height the sheet gives it', () => {
  const widths = [10, 20];
  const wrapped = (text: string): PlanCell => ({ value: textValue(text), wrap: true });
  const rows: PlanCell[][] = [
    [wrapped('A fairly long indicator name that wraps'), wrapped('short')],
    [{ value: textValue('Title'), size: 16 }],
    [wrapped('one\ntwo\nthree')],
  ];
  const heights = estimateRowHeights(rows, widths);
  expect(rows.map((row) => estimateRowHeight(row, widths))).toEqual(heights);
  const names = new SharedCells(widths[0]!, (value) => ({ value, wrap: true }));
  const shared = names.get('A fairly long indicator name that wraps');
  expect(names.get('A fairly long indicator name that wraps')).toBe(shared);
  expect(heightOfLines(shared.lines)).toBe(heights[0]);
  expect(heightOfLines(wrappedLineCount('one\ntwo\nthree', widths[0]!))).toBe(heights[2]);
  expect(heights[1]).toBe(heightOfLines(1, 16));
});
