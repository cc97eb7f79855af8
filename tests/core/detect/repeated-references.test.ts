/**
 * A reference used twice in a table is named in its doubts, whether the references run in order
 * (when detection need not list them to know none repeats) or not.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { buildWorkbook } from '../../../src/hosts/memory/build-workbook';

function doubtsFor(refs: string[]): string[] {
  const rows = [
    ['Ref', 'Indicator', 'Target', 'Actual', 'Status'],
    ...refs.map((ref, i) => [ref, `Indicator ${i + 1}`, '95%', '90%', null]),
  ];
  const detection = detectWorkbook(buildWorkbook([{ name: 'KPIs', rows }]));
  expect(detection.tables).toHaveLength(1);
  return detection.tables[0]!.doubts.filter((doubt) => doubt.code === 'reference-used-twice').map((doubt) => doubt.message);
}

test('references in order, none repeated: no doubt', () => {
  expect(doubtsFor(['HS01', 'HS02', 'HS03', 'HS10'])).toEqual([]);
});

test('references out of order, none repeated: no doubt', () => {
  expect(doubtsFor(['2', '10', '1', '3'])).toEqual([]);
});

test('a reference repeated straight after itself', () => {
  expect(doubtsFor(['HS01', 'HS02', 'HS02', 'HS03'])).toEqual(['Reference HS02 is used twice (rows 3 and 4).']);
});

test('references repeated further down, out of order', () => {
  expect(doubtsFor(['HS01', 'HS03', 'HS02', 'HS01', 'HS03'])).toEqual([
    'Reference HS01 is used twice (rows 2 and 5).',
    'Reference HS03 is used twice (rows 3 and 6).',
  ]);
});
