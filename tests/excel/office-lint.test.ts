/**
 * eslint-plugin-office-addins checks the code that calls Office.js (eslint.config.mjs): Microsoft's
 * rules run on this project's ESLint 10 and fail the lint on what they exist to catch.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** ESLint runs as a process of its own: its flat config is an ES module, which jest's sandbox can't load. */
function officeProblems(code: string, file: string): string[] {
  const eslint = join(ROOT, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
  return result!.messages.flatMap((m) => (m.ruleId?.startsWith('office-addins/') ? [m.ruleId] : []));
}

const SYNC_IN_A_LOOP = `export async function each(context: Excel.RequestContext, names: string[]): Promise<void> {
  for (const name of names) {
    context.workbook.worksheets.getItem(name).getRange('A1').values = [['x']];
    await context.sync();
  }
}
`;

const READ_BEFORE_LOAD = `export async function title(context: Excel.RequestContext): Promise<string> {
  const range = context.workbook.worksheets.getItem('KPIs').getRange('A1');
  await context.sync();
  return String(range.values[0]![0]);
}
`;

describe('eslint-plugin-office-addins on the Office.js code', () => {
  test.each(['src/hosts/excel/example.ts', 'src/commands/example.ts', 'src/functions/example.ts', 'src/taskpane/example.ts'])(
    'flags context.sync() in a loop in %s',
    (file) => {
      expect(officeProblems(SYNC_IN_A_LOOP, file)).toContain('office-addins/no-context-sync-in-loop');
    },
  );

  it('flags a property read that was never loaded', () => {
    expect(officeProblems(READ_BEFORE_LOAD, 'src/hosts/excel/example.ts')).toContain('office-addins/load-object-before-read');
  });

  it('leaves the pure core to its own rules', () => {
    expect(officeProblems(SYNC_IN_A_LOOP, 'src/core/example.ts')).toEqual([]);
  });
});
