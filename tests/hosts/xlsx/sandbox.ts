/**
 * The host's reading and the command line run in a worker thread with a time limit, for inputs
 * that might make them loop: a test cannot stop a loop in its own thread, so the worker is what
 * is stopped, and the test fails naming the input instead of hanging.
 *
 * The worker is sandbox-worker.ts bundled by esbuild (as the command line itself is bundled) into
 * node_modules/.cache, where it finds the project's dependencies.
 */
import { buildSync } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from '../../support/samples';

export type SandboxTask = { readonly kind: 'xml'; readonly text: string } | { readonly kind: 'cli'; readonly argv: readonly string[] };

export type SandboxReply =
  | { readonly outcome: 'read' }
  | { readonly outcome: 'refused'; readonly message: string }
  | { readonly outcome: 'exited'; readonly code: number; readonly out: string; readonly err: string }
  | { readonly outcome: 'crashed'; readonly message: string }
  | { readonly outcome: 'timed out'; readonly seconds: number };

export class Sandbox {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: SandboxReply) => void>();

  constructor(private readonly bundle: string) {}

  /** Runs the task, stopping the worker (and starting a new one for the next task) if it takes longer than `seconds`. */
  async run(task: SandboxTask, seconds: number): Promise<SandboxReply> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<SandboxReply>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        resolve({ outcome: 'timed out', seconds });
      }, seconds * 1000);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(reply);
      });
      worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
    rmSync(this.bundle, { force: true });
  }

  private start(): Worker {
    const worker = new Worker(this.bundle);
    worker.on('message', (message: { id: number; reply: SandboxReply }) => this.waiting.get(message.id)?.(message.reply));
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const answer of [...this.waiting.values()]) answer({ outcome: 'crashed', message: String(error.stack ?? error) });
    });
    return worker;
  }
}

/** Bundles the worker and returns a sandbox ready to run tasks. */
export function openSandbox(): Sandbox {
  const outfile = join(ROOT, 'node_modules', '.cache', 'kpi-tracker-tests', `sandbox-worker-${process.pid}.cjs`);
  buildSync({
    entryPoints: [join(__dirname, 'sandbox-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return new Sandbox(outfile);
}
