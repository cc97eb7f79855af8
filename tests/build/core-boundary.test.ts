import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The core stays pure by a lint rule (eslint.config.mjs): these are the imports it must refuse.
const root = join(__dirname, '..', '..');

/** ESLint runs as a process of its own: its flat config is an ES module, which jest's sandbox can't load. */
function problemsIn(code: string): string[] {
  const eslint = join(root, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', 'src/core/engine/example.ts', '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ message: string }> }>;
  return result!.messages.map((message) => message.message);
}

describe('the core’s boundary', () => {
  it.each([
    ["import { readXlsx } from '../../hosts/xlsx/read-xlsx';", 'host'],
    ["import { App } from '../../taskpane/App';", 'surface'],
    ["import { useState } from 'react';", 'React'],
    ["import { Button } from '@fluentui/react-components';", 'React'],
    ["import { readFileSync } from 'node:fs';", 'I/O'],
    ["import { readFileSync } from 'fs';", 'I/O'],
  ])('refuses %s', (code, kind) => {
    const problems = problemsIn(`${code}\nexport const used = [${code.match(/\{ (\w+) \}/)![1]}];\n`);
    expect(problems.join('\n')).toContain(kind);
  });

  it('refuses Excel.* in the core', () => {
    const problems = problemsIn('export const range = () => Excel.run(async () => undefined);\n');
    expect(problems.join('\n')).toContain('Only src/hosts/excel touches Excel');
  });

  it('accepts the core’s own modules and zod', () => {
    const problems = problemsIn(
      "import { z } from 'zod';\nimport { cellAt } from '../model/workbook';\nexport const used = [z, cellAt];\n",
    );
    expect(problems).toEqual([]);
  });
});
