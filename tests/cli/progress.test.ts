/**
 * Long work shows itself on a terminal: the stages (reading, finding tables, judging, writing)
 * with a progress bar on stderr. Piped, or with --quiet, nothing but the output itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import type { ProgressStream } from '../../src/cli/progress';
import { runCliCapture } from '../support/cli';
import { ROOT, samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

const temp = tempFolder('progress');
afterAll(() => temp.cleanup());

const QUARTERLY = samplePath('service-plan-quarterly');
const STAGES = ['Reading the workbook', 'Finding the KPI tables', 'Judging each indicator', 'Writing the result'];
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[|\x1b[78]/;

/** A stand-in for a terminal: what the bar draws, kept. */
function terminal(isTTY: boolean): ProgressStream & { drawn: string } {
  const stream = {
    isTTY,
    columns: 100,
    drawn: '',
    write(text: string) {
      stream.drawn += text;
      return true;
    },
  };
  return stream;
}

async function runWith(argv: string[], stream: ProgressStream) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text), progress: stream });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function positions(drawn: string, words: readonly string[]): number[] {
  return words.map((word) => drawn.indexOf(word));
}

describe('on a terminal', () => {
  test('pack shows each stage in order, and the bar is gone when it is done', async () => {
    const screen = terminal(true);
    const run = await runWith(['pack', QUARTERLY, '-o', temp.path('pack.xlsx'), '--today', '2024-11-20'], screen);
    expect(run.code).toBe(0);
    const at = positions(screen.drawn, STAGES);
    expect(at.every((position) => position >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The bar fills a step a stage: a quarter after reading, all but the last after judging.
    expect(screen.drawn).toMatch(/={5}-{15} Finding the KPI tables/);
    expect(screen.drawn).toMatch(/={15}-{5} Writing the result/);
    // Cleared at the end: the last thing drawn erases the line.
    expect(screen.drawn.endsWith('\x1b[2K')).toBe(true);
  });

  test('check shows reading, finding and judging; what it prints is the same as without a terminal', async () => {
    const screen = terminal(true);
    const shown = await runWith(['check', QUARTERLY, '--json', '--today', '2024-11-20'], screen);
    const plain = await runCliCapture(['check', QUARTERLY, '--json', '--today', '2024-11-20']);
    expect(positions(screen.drawn, STAGES.slice(0, 3)).every((position) => position >= 0)).toBe(true);
    expect(shown.out).toBe(plain.out);
    expect(shown.err).toBe('');
  });

  test('--quiet draws nothing', async () => {
    const screen = terminal(true);
    const run = await runWith(['check', QUARTERLY, '--quiet', '--today', '2024-11-20'], screen);
    expect(run.code).toBe(0);
    expect(screen.drawn).toBe('');
  });

  test('a refusal takes the bar away before the sentence is printed', async () => {
    const screen = terminal(true);
    const run = await runWith(['scan', temp.path('no-such-book.xlsx')], screen);
    expect(run.code).toBe(1);
    expect(screen.drawn === '' || screen.drawn.endsWith('\x1b[2K')).toBe(true);
  });
});

describe('not on a terminal', () => {
  test('stderr piped into a file or program: nothing is drawn', async () => {
    const pipe = terminal(false);
    const run = await runWith(['pack', QUARTERLY, '-o', temp.path('piped.xlsx'), '--today', '2024-11-20'], pipe);
    expect(run.code).toBe(0);
    expect(pipe.drawn).toBe('');
  });

  test('the real command piped: stdout is clean JSON and stderr is empty', () => {
    const child = spawnSync(process.execPath, [join('bin', 'kpi-tracker.js'), 'check', QUARTERLY, '--json', '--today', '2024-11-20'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    expect(child.stdout).not.toMatch(ESCAPES);
    expect(Array.isArray(JSON.parse(child.stdout))).toBe(true);
  });
});

describe('in a real pseudo-terminal (util-linux script)', () => {
  test('pack draws its stages on the terminal while its output, sent to a file, stays clean', () => {
    const output = temp.path('pty.xlsx');
    const printed = temp.path('pty-output.txt');
    const command = `node ${join('bin', 'kpi-tracker.js')} pack ${QUARTERLY} -o ${output} --today 2024-11-20 > ${printed}`;
    const child = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(child.status).toBe(0);
    for (const stage of STAGES) expect(child.stdout).toContain(stage);
    expect(existsSync(output)).toBe(true);
    const text = readFileSync(printed, 'utf8');
    expect(text).toContain(`Written to ${output}.`);
    expect(text).not.toMatch(ESCAPES);
    expect(text).not.toContain('Reading the workbook');
  });
});
