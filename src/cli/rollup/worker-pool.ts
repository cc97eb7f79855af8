import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { notIncluded, type RollupEntry } from '../../core/rollup/workbook-summary';
import type { RollupJob } from './summarise-file';
import type { WorkerJob } from './rollup-worker';

/** More threads than this only add memory: each holds a workbook and a copy of the engine. */
const MAX_THREADS = 8;

export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/**
 * A worker thread running rollup-worker: the bundled one beside the command line's bundle, or,
 * run from the TypeScript sources (the tests; the command line before it is bundled), the source
 * file through tsx, as bin/kpi-tracker.js does.
 */
function startWorker(): Worker {
  const bundled = join(__dirname, 'rollup-worker.js');
  if (existsSync(bundled)) return new Worker(bundled);
  const source = join(__dirname, 'rollup-worker.ts');
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(source)});`, { eval: true });
}

/**
 * Summarises the workbooks on worker threads, one workbook per thread at a time, and hands each
 * entry to `onEntry` in the order of `jobs` as soon as it and those before it are done: only the
 * small summaries reach this thread, so memory follows the threads, not the number of workbooks.
 * A thread that dies (out of memory on a huge file, say) costs only its workbook, which is
 * reported as not included, and is replaced.
 */
export async function summariseInParallel(
  jobs: readonly RollupJob[],
  onEntry: (entry: RollupEntry, index: number) => void,
  threads = defaultThreads(),
): Promise<void> {
  if (jobs.length === 0) return;
  const waiting = new Map<number, RollupEntry>();
  let nextToHand = 0;
  const done = (index: number, entry: RollupEntry): void => {
    waiting.set(index, entry);
    while (waiting.has(nextToHand)) {
      const ready = waiting.get(nextToHand)!;
      waiting.delete(nextToHand);
      onEntry(ready, nextToHand++);
    }
  };

  let nextJob = 0;
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const launch = (): void => {
      const worker = startWorker();
      running++;
      let current: number | undefined;
      const giveWork = (): void => {
        if (nextJob >= jobs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = nextJob++;
        worker.postMessage({ ...jobs[current]!, index: current } satisfies WorkerJob);
      };
      worker.on('message', (message: { index: number; entry: RollupEntry }) => {
        done(message.index, message.entry);
        giveWork();
      });
      let failure = 'it stopped';
      worker.on('error', (error: NodeJS.ErrnoException) => {
        failure =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'it needed more memory than this computer could give it; open it in Excel to check its size'
            : error.message;
      });
      worker.on('exit', () => {
        running--;
        if (current !== undefined) {
          const file = jobs[current]!.file;
          done(
            current,
            notIncluded(
              file,
              'stopped',
              `KPI Tracker stopped while reading ${basename(file)} (${failure}); the other workbooks were read.`,
            ),
          );
        }
        try {
          // A thread that stopped with work left is replaced, so the rest are still read.
          if (nextJob < jobs.length) launch();
          else if (running === 0) resolve();
        } catch (error) {
          reject(error as Error);
        }
      });
      giveWork();
    };
    for (let i = 0; i < Math.min(threads, jobs.length); i++) launch();
  });
}
