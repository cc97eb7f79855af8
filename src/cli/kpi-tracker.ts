import { runCli } from './main';

// Piped into `head` or a closed pager, the reader has gone: stop quietly rather than with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
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
