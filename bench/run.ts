/**
 * npm run bench: measures KPI Tracker on generated workbooks of 100 to 50,000 indicators with 12
 * monthly actuals each, and prints one table (also written to docs/benchmarks.md):
 * the engine alone (verdicts per second, peak memory), the command line end to end against the
 * floor of exceljs reading and writing the same file, the Excel host against the counting mock,
 * and the task pane bundle; then the corporate roll-up of many such workbooks (200 of 100
 * indicators, or BENCH_ROLLUP=200,1000) against its bars of 30 s and 1.5 GB.
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeGeneratedXlsx } from './write-xlsx';
import { excelHostFigures } from './excel-host';
import { defaultThreads } from '../src/cli/rollup/worker-pool';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** How many workbooks the roll-up reads, each of ROLLUP_INDICATORS indicators. */
const ROLLUP_COUNTS = (process.env.BENCH_ROLLUP ?? '200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const ROLLUP_INDICATORS = 100;
/** The roll-up's bars (issue 19), at 200 workbooks of 100 indicators on a 2-core machine. */
const ROLLUP_BAR = { seconds: 30, peakMb: 1536 };
import { paneMainThreadFigures, PANE_RUNS } from './pane-main-thread';
/** The task pane in Chromium is measured at these sizes (bar: no main-thread task over 200 ms). */
const PANE_SIZES = [1000, 10000].filter((size) => SIZES.includes(size));
const OUT = join(__dirname, '..', 'bench-output');
const ROOT = join(__dirname, '..');

interface Timed {
  seconds: number;
  maxRssMb: number;
}

/**
 * Runs a command, returning wall time and its peak memory (from GNU time when present). With
 * `stdoutTo`, what it prints goes to that file rather than being collected (check --json prints
 * 300 MB at 50,000 indicators).
 */
function timed(command: string, args: string[], stdoutTo?: string): Timed {
  const useTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const output = stdoutTo ? openSync(stdoutTo, 'w') : undefined;
  const options = {
    cwd: ROOT,
    encoding: 'utf8' as const,
    maxBuffer: 1 << 28,
    ...(output !== undefined ? { stdio: ['ignore', output, 'pipe'] as ['ignore', number, 'pipe'] } : {}),
  };
  const result = useTime ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], options) : spawnSync(command, args, options);
  if (output !== undefined) closeSync(output);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const kb = useTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, maxRssMb: kb / 1024 };
}

function best(runs: number, run: () => Timed): Timed {
  let fastest: Timed | undefined;
  for (let i = 0; i < runs; i++) {
    const t = run();
    if (!fastest || t.seconds < fastest.seconds) fastest = { seconds: t.seconds, maxRssMb: Math.max(t.maxRssMb, fastest?.maxRssMb ?? 0) };
  }
  return fastest!;
}

const fmt = (n: number, digits = 2): string =>
  Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';
const whole = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-GB') : '–');

/**
 * The engine is measured as it ships, bundled by esbuild like the command line (the task pane's
 * webpack bundle is the same code): run through tsx's loader it measured about a quarter slower,
 * which is the loader, not the engine.
 */
function bundleEngineChild(): string {
  const outfile = join(OUT, 'engine-child.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'engine-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

interface EngineRun {
  readonly verdicts: number;
  readonly seconds: number;
  readonly maxRssMb: number;
}

/**
 * The fastest of three cold runs, each in a process of its own: on a shared 2-core machine one run
 * can land beside another job and take a fifth longer, and the fastest is the one least disturbed.
 * Peak memory is the largest of the three.
 */
function fastestEngineRun(engineChild: string, size: number): EngineRun {
  let fastest: EngineRun | undefined;
  let peak = 0;
  for (let i = 0; i < ENGINE_RUNS; i++) {
    const run = JSON.parse(
      spawnSync(process.execPath, [engineChild, String(size)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout,
    ) as EngineRun;
    peak = Math.max(peak, run.maxRssMb);
    if (!fastest || run.seconds < fastest.seconds) fastest = run;
  }
  return { ...fastest!, maxRssMb: peak };
}

const ENGINE_RUNS = 3;

/**
 * A folder of `count` generated workbooks of ROLLUP_INDICATORS indicators each, every one from a
 * seed of its own (so no two are alike), made once and kept in bench-output.
 */
async function rollupFolder(count: number): Promise<string> {
  const folder = join(OUT, `rollup-${count}x${ROLLUP_INDICATORS}`);
  mkdirSync(folder, { recursive: true });
  const have = new Set(readdirSync(folder));
  for (let i = 1; i <= count; i++) {
    const name = `service-${String(i).padStart(4, '0')}.xlsx`;
    if (!have.has(name)) await writeGeneratedXlsx(ROLLUP_INDICATORS, join(folder, name), 1000 + i);
  }
  return folder;
}

/** `kpi-tracker rollup` over the folder, end to end: wall time and the process's peak memory (worker threads included). */
async function rollupRow(count: number): Promise<string[]> {
  process.stderr.write(`bench: roll-up of ${count} workbooks…\n`);
  const folder = await rollupFolder(count);
  const cli = join(ROOT, 'bin', 'kpi-tracker.js');
  const output = join(OUT, `rollup-${count}.xlsx`);
  const run = best(count <= 200 ? 3 : 1, () => timed(process.execPath, [cli, 'rollup', folder, '-o', output, '--today', '2025-04-30']));
  const atBar = count === 200 && ROLLUP_INDICATORS === 100;
  const met = run.seconds < ROLLUP_BAR.seconds && run.maxRssMb < ROLLUP_BAR.peakMb;
  return [
    `${whole(count)} × ${whole(ROLLUP_INDICATORS)}`,
    whole(count * ROLLUP_INDICATORS),
    `${defaultThreads()}`,
    fmt(run.seconds),
    fmt(run.seconds / count, 3),
    whole(run.maxRssMb),
    atBar ? `under ${ROLLUP_BAR.seconds} s and 1.5 GB: ${met ? 'met' : 'missed'}` : '–',
  ];
}

/**
 * Builds what the command-line rows and the page's weight measure: the command line's bundle
 * (dist-cli, which bin/kpi-tracker.js runs) and the add-in (dist). Both are otherwise only made by
 * `npm ci` and `npm run build`, so a bench in a working tree measured whatever was built last.
 */
function buildWhatIsMeasured(): void {
  for (const [command, args] of [
    [process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')]],
    ['npm', ['run', '--silent', 'build']],
  ] as const) {
    // A production build needs the address the add-in is served from; its weight does not depend on it.
    const env = { ...process.env, KPI_TRACKER_URL: process.env.KPI_TRACKER_URL ?? 'https://kpi-tracker.test/' };
    const built = spawnSync(command, [...args], { cwd: ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (built.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed: ${built.stderr || built.stdout.slice(-2000)}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  process.stderr.write('bench: building the command line and the add-in…\n');
  buildWhatIsMeasured();
  const engineChild = bundleEngineChild();
  process.stderr.write(`bench: the task pane in Chromium at ${PANE_SIZES.join(' and ')} indicators…\n`);
  const pane = PANE_SIZES.length > 0 ? await paneMainThreadFigures(PANE_SIZES) : new Map();
  const rows: string[][] = [];
  for (const size of SIZES) {
    process.stderr.write(`bench: ${size} indicators…\n`);
    const engine = fastestEngineRun(engineChild, size);
    const book = join(OUT, `kpis-${size}.xlsx`);
    if (!existsSync(book)) await writeGeneratedXlsx(size, book);
    const repeats = size <= 1000 ? 3 : 1;
    const floor = best(repeats, () => timed(process.execPath, [join(__dirname, 'floor.mjs'), book, join(OUT, `floor-${size}.xlsx`)]));
    const cli = join(ROOT, 'bin', 'kpi-tracker.js');
    const recalc = best(repeats, () =>
      timed(process.execPath, [cli, 'recalc', book, '-o', join(OUT, `recalc-${size}.xlsx`), '--today', '2025-04-30']),
    );
    const pack = best(repeats, () =>
      timed(process.execPath, [cli, 'pack', book, '-o', join(OUT, `pack-${size}.xlsx`), '--today', '2025-04-30']),
    );
    const check = best(1, () =>
      timed(process.execPath, [cli, 'check', book, '--json', '--today', '2025-04-30'], join(OUT, `check-${size}.json`)),
    );
    const excel = await excelHostFigures(size);
    const paneRun = pane.get(size);
    rows.push([
      whole(size),
      whole(engine.verdicts),
      whole(engine.verdicts / engine.seconds),
      whole(engine.maxRssMb),
      fmt(floor.seconds),
      `${fmt(recalc.seconds)} (${fmt(recalc.seconds / floor.seconds)}×)`,
      `${fmt(pack.seconds)} (${fmt(pack.seconds / floor.seconds)}×)`,
      whole(pack.maxRssMb),
      whole(check.maxRssMb),
      paneRun ? `${whole(paneRun.median.longestTaskMs)} (${paneRun.longestTasksMs.map(whole).join(', ')})` : '–',
      excel ? `${excel.syncs}` : '–',
      excel ? `${fmt(excel.largestRequest / 1e6, 2)} MB` : '–',
      excel ? `${fmt(excel.totalBytes / 1e6, 2)} MB` : '–',
    ]);
  }
  const header = [
    'Indicators',
    'Verdicts',
    'Engine verdicts/s',
    'Engine peak MB',
    'Floor s',
    'recalc s (× floor)',
    'pack s (× floor)',
    'pack peak MB',
    'check --json peak MB',
    'Pane longest task ms (runs)',
    'Excel syncs',
    'Largest request',
    'Bytes sent',
  ];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

  const rollupRows: string[][] = [];
  for (const count of ROLLUP_COUNTS) rollupRows.push(await rollupRow(count));
  const rollupHeader = ['Roll-up: workbooks × indicators', 'Indicators', 'Worker threads', 'rollup s', 's per workbook', 'Peak MB', 'Bar'];
  const rollupTable = [rollupHeader, rollupHeader.map(() => '---'), ...rollupRows].map((r) => `| ${r.join(' | ')} |`).join('\n');

  // The page loads every local script its HTML names (webpack splits the shared code and the
  // vendor code into chunks of their own), so the weight is their sum, not taskpane.js alone.
  const pageHtml = join(ROOT, 'dist', 'taskpane.html');
  const sizeOf = (file: string): { raw: number; gz: number } => {
    const bytes = readFileSync(join(ROOT, 'dist', file));
    return { raw: bytes.length, gz: gzipSync(bytes).length };
  };
  const kb = (n: number): string => `${whole(n / 1024)} KB`;
  const bundleLine = existsSync(pageHtml)
    ? (() => {
        const scripts = [...readFileSync(pageHtml, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
          .map((m) => m[1] ?? '')
          .filter((src) => !/^[a-z]+:/i.test(src) && existsSync(join(ROOT, 'dist', src)));
        const sizes = scripts.map((src) => ({ src, ...sizeOf(src) }));
        const raw = sizes.reduce((sum, s) => sum + s.raw, 0);
        const gz = sizes.reduce((sum, s) => sum + s.gz, 0);
        const parts = sizes.map((s) => `${s.src} ${kb(s.raw)}`).join(', ');
        const worker = existsSync(join(ROOT, 'dist', 'core-worker.js')) ? sizeOf('core-worker.js') : undefined;
        const workerText = worker
          ? ` The core's Web Worker, started when a run begins: core-worker.js ${kb(worker.raw)} (${kb(worker.gz)} gzipped).`
          : '';
        return `Task pane page (every script dist/taskpane.html loads): ${kb(raw)} raw, ${kb(gz)} gzipped (${parts}).${workerText}`;
      })()
    : 'Task pane bundle: not built (run npm run build first).';

  const machine = `${osType()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${whole(totalmem() / 2 ** 30)} GiB memory, Node ${process.version}`;
  const text = `${table}\n\n${rollupTable}\n\n${bundleLine}\n\nMachine: ${machine}. Run on ${new Date().toISOString().slice(0, 10)}.\n`;
  process.stdout.write(`${text}`);
  const doc = join(ROOT, 'docs', 'benchmarks.md');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  const previous = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const history = previous.includes('## History') ? previous.slice(previous.indexOf('## History')) : '## History\n';
  writeFileSync(
    doc,
    `# Benchmarks\n\nMade by \`npm run bench\` on generated workbooks (seeded, layout A style with every target kind; 12 monthly actuals per indicator). The engine is timed bundled, as it ships, from a cold start in a process of its own: the fastest of three such runs. The floor is exceljs reading and writing the same file with nothing in between; recalc and pack are the command line end to end (which reads and patches the file's XML itself, so it can come in under that floor); check --json is the command line printing every verdict, into a file. The task pane is the workbench in Chromium (playwright-core, /usr/bin/chromium headless) on the same generated workbook: the longest task the page's main thread ran from clicking "Recalculate status" until the pane showed the result and had read the workbook again (a PerformanceObserver for 'longtask'; the bar is 200 ms), the middle of ${PANE_RUNS} runs, with each run's figure in brackets. Excel syncs and request sizes are measured against the counting Excel mock (tests/support/fake-excel.ts). The roll-up is \`kpi-tracker rollup\` end to end over a folder of generated workbooks (each from its own seed), writing the corporate report; its peak memory is the whole process's, worker threads included.\n\n## Latest\n\n${text}\n${history}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
