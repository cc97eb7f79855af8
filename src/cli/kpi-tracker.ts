import { runCli } from './main';

// Piped into `head` or a closed pager, the reader has gone: the rest of the output is dropped
// quietly, and the run still finishes and writes its workbook.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
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
