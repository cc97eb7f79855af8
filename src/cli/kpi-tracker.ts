import { runCli } from './main';

// Piped into `head` or a closed pager, the reader has gone: the rest of the output is dropped
// quietly, and the run still finishes and writes its workbook.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

/** Resolves when the stream has room again, or has gone (a reader that quit never drains it). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) stream.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) stream.on(event, done);
  });
}

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: process.stderr,
  drained: () => drained(process.stdout),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`KPI Tracker stopped on an unexpected problem: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.KPI_TRACKER_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 3;
  },
);
