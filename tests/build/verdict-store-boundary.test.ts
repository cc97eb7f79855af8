import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Verdicts are kept compactly by one module of the engine (src/core/engine/verdict-store.ts) and
 * read everywhere else as `IndicatorVerdict`: plain read-only fields. These tests keep it so.
 */

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

const files = sourceFiles(join(root, 'src')).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

describe('the verdict store', () => {
  it('is used by the engine’s judging alone', () => {
    const users = files.filter(({ text }) => /from '[^']*verdict-store'/.test(text)).map(({ path }) => path);
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((path) => !path.startsWith('src/core/engine/'))).toEqual([]);
  });

  it('is not reached into by anything that reads verdicts: no typed arrays, no prototypes', () => {
    const readers = files.filter(({ path, text }) => path !== 'src/core/engine/verdict-store.ts' && /IndicatorVerdict\b/.test(text));
    expect(readers.length).toBeGreaterThan(10);
    const reaching = readers
      .filter(({ text }) => /\b(Uint8Array|Uint16Array|Uint32Array|Int32Array|Float64Array|Object\.create|STATUSES\.indexOf)\b/.test(text))
      .map(({ path }) => path);
    expect(reaching).toEqual([]);
  });
});
