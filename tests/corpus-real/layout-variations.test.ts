/**
 * The working cases laid out the ways officers' workbooks differ from a published page
 * (layout-variations.ts): KPI Tracker must read them nearly as well as the originals. The floors
 * are the shares last measured; a change that lowers one has made detection depend on a layout
 * detail a real workbook may not share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR, caseFiles, isHeldBack, readCaseText, scoreCase, summarise } from './real-corpus';
import { VARIATIONS, varied } from './layout-variations';

// Lowered on 7 December only because thirteen harder published tables joined the working set
// (the whole set's own share fell from 94.0% to 91.1% with them); measured then: 90.3%, 90.8%,
// 89.3%, 88.1%, 82.4%. Raised later that day, when the working set read 95.4%: measured 94.8%,
// 94.7%, 93.6%, 91.4%, 82.9%. Raised on the next, with 196 working files: measured 96.0%, 95.1%,
// 95.3%, 94.5%, 84.3%. Side by side raised when years repeated over two tables read as headings:
// measured 86.8%. Ten published tables joined the working set on 7 December, three of them still
// misread as published (a blank line under the header measured 94.8% with them, side by side 85.4%).
// With 227 working files (ten more that day), a comments column at the end measured 94.7%.
const FLOOR: Record<string, number> = {
  'an empty column after the names': 0.95,
  'a blank line under the header': 0.94,
  'a comments column at the end': 0.94,
  'a unit after each figure heading': 0.94,
  'the sheet twice, side by side': 0.85,
  // Added with 196 working files: measured 96.0% and 95.9%.
  'headings in capitals': 0.95,
  'a title straight over the header': 0.95,
};

describe('the working cases, laid out as officers lay out their workbooks', () => {
  const texts = caseFiles(CASES_DIR)
    .filter((name) => !isHeldBack(name))
    .map((name) => ({ name, text: readFileSync(join(CASES_DIR, name), 'utf8') }));

  test.each(VARIATIONS.map((variation) => [variation.name, variation] as const))('with %s, they are still read', (name, variation) => {
    const scores = texts.flatMap(({ name: file, text }) => {
      const laidOut = varied(text, variation);
      return laidOut ? [scoreCase(readCaseText(laidOut, file))] : [];
    });
    const { passed, total } = summarise(scores);
    expect(scores.length).toBeGreaterThan(40);
    expect(passed / total).toBeGreaterThanOrEqual(FLOOR[name]!);
  });
});
