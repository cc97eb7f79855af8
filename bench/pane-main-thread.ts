/**
 * The task pane's main thread during a run, in Chromium: the workbench (built for production)
 * opens the benchmark's seeded workbook of `size` indicators, the pane's Run tab waits for its
 * preview, and "Recalculate status" is clicked. A PerformanceObserver for 'longtask' records
 * every task that held the page's main thread over 50 ms, from the click until the pane shows
 * what was done and has read the workbook again; the longest is the figure (the bar: 200 ms,
 * beyond which the pane visibly freezes).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT_MS = 300_000;

export interface PaneRunFigures {
  /** The longest main-thread task from the click to the result shown, in ms (0 when none passed 50 ms). */
  readonly longestTaskMs: number;
  /** Tasks over 50 ms in that time. */
  readonly longTasks: number;
  /** From the click to the result shown and the workbook read again, in seconds. */
  readonly runSeconds: number;
}

/** Runs of each size, each in a fresh browser context: on a shared 2-core machine one run can land beside another job. */
export const PANE_RUNS = 3;

export interface PaneSizeFigures {
  /** The run whose longest task is the middle of the three. */
  readonly median: PaneRunFigures;
  /** The longest tasks of the runs, shortest first. */
  readonly longestTasksMs: readonly number[];
}

declare global {
  interface Window {
    __longTasks?: Array<{ start: number; duration: number }>;
  }
}

function buildWorkbench(): void {
  const built = spawnSync('npm', ['run', '--silent', 'build:workbench'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (built.status !== 0) throw new Error(`npm run build:workbench failed: ${built.stderr}`);
}

async function oneRun(page: Page, baseUrl: string, size: number): Promise<PaneRunFigures> {
  await page.goto(`${baseUrl}/?sample=generated&indicators=${size}&today=2025-04-30`);
  const pane = page.locator('[data-testid="workbench-pane"]');
  await pane.getByRole('tab', { name: 'Run', exact: true }).click({ timeout: TIMEOUT_MS });
  const button = pane.getByRole('button', { name: 'Recalculate status', exact: true });
  await button.waitFor({ timeout: TIMEOUT_MS });
  // The preview worked out: the pane is idle before the click.
  await pane
    .getByText(/would change\./)
    .first()
    .waitFor({ timeout: TIMEOUT_MS });
  await page.waitForTimeout(500);
  const start = await page.evaluate(() => performance.now());
  await button.click();
  await pane.getByRole('heading', { name: 'Done: Recalculate status' }).waitFor({ timeout: TIMEOUT_MS });
  // After the run the pane reads the workbook again and works out a new preview, in which the
  // run has left nothing to change.
  await pane.getByText('Recalculate status: 0 status cells and 0 commentary cells would change.').waitFor({ timeout: TIMEOUT_MS });
  const end = await page.evaluate(() => performance.now());
  // A task still running when the result showed is reported once it ends.
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(({ from, to }) => (window.__longTasks ?? []).filter((t) => t.start >= from && t.start <= to), {
    from: start,
    to: end,
  });
  return {
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    runSeconds: (end - start) / 1000,
  };
}

/** Builds the workbench, then measures PANE_RUNS pane runs per size, each in a fresh browser context. */
export async function paneMainThreadFigures(sizes: readonly number[]): Promise<Map<number, PaneSizeFigures>> {
  buildWorkbench();
  // The browser tests' static server: the page's own origin, nothing else.
  const serverModule = '../tests/browser/server.mjs';
  const { serveStatic } = (await import(serverModule)) as {
    serveStatic: (root: string) => Promise<{ url: string; close: () => Promise<void> }>;
  };
  const server = await serveStatic(join(ROOT, 'dist-workbench'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const figures = new Map<number, PaneSizeFigures>();
  try {
    for (const size of sizes) {
      const runs: PaneRunFigures[] = [];
      for (let i = 0; i < PANE_RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
        await context.addInitScript(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__longTasks!.push({ start: entry.startTime, duration: entry.duration });
          }).observe({ type: 'longtask', buffered: true });
        });
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        runs.push(await oneRun(page, server.url, size));
        await context.close();
      }
      runs.sort((a, b) => a.longestTaskMs - b.longestTaskMs);
      figures.set(size, { median: runs[Math.floor(runs.length / 2)]!, longestTasksMs: runs.map((run) => run.longestTaskMs) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

if (require.main === module) {
  const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  paneMainThreadFigures(sizes).then(
    (figures) => {
      for (const [size, f] of figures)
        process.stdout.write(
          `${size} indicators: longest main-thread task ${Math.round(f.median.longestTaskMs)} ms (runs: ${f.longestTasksMs.map(Math.round).join(', ')} ms), run ${f.median.runSeconds.toFixed(1)} s\n`,
        );
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
