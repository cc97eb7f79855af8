import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const GOLDEN_DIR = join(__dirname, '..', 'golden');
const ROOT = join(__dirname, '..', '..');

/** True when the run should (re)write golden files instead of comparing: `UPDATE_GOLDEN=1 npx jest …`. */
export function updatingGolden(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}

function goldenText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Compares `value` with the committed golden JSON file `tests/golden/<name>`,
 * or writes that file when UPDATE_GOLDEN=1. A missing golden file is a failure,
 * never silently created.
 */
export function expectGolden(name: string, value: unknown): void {
  const path = join(GOLDEN_DIR, name);
  const where = relative(ROOT, path);
  if (updatingGolden()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, goldenText(value));
    return;
  }
  if (!existsSync(path)) {
    throw new Error(
      `The golden file ${where} is missing. Check the output by hand, then write it with: UPDATE_GOLDEN=1 npx jest <this test file>`,
    );
  }
  const expected: unknown = JSON.parse(readFileSync(path, 'utf8'));
  // Compared through JSON so that `undefined` and key order behave as in the file.
  expect(JSON.parse(goldenText(value))).toEqual(expected);
}
