/**
 * Running twice changes nothing the second time, down to the file: a second `pack` on its own
 * output writes the very same bytes.
 */
import { readFileSync } from 'node:fs';
import { runCliCapture } from '../support/cli';
import { SAMPLE_NAMES, samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

const temp = tempFolder('second-run-file');
afterAll(() => temp.cleanup());

it.each(SAMPLE_NAMES)('%s: a second pack writes a file byte for byte the same as the first', async (name) => {
  const first = temp.path(`${name}.first.xlsx`);
  const second = temp.path(`${name}.second.xlsx`);
  expect((await runCliCapture(['pack', samplePath(name), '-o', first, '--today', '2025-01-15'])).code).toBe(0);
  const again = await runCliCapture(['pack', first, '-o', second, '--today', '2025-01-15']);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/^Reporting period: .+\.\nChanged 0 status cells and 0 commentary cells\./);
  expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
});
