import { runCli } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the command line in-process, capturing what it prints. */
export async function runCliCapture(argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A message for a person: no stack trace, no JavaScript error names. */
export function expectPlainMessage(text: string): void {
  expect(text.trim()).not.toBe('');
  expect(text).not.toMatch(/^\s+at\s/m);
  expect(text).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|RangeError|Error):/);
  expect(text).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
}
