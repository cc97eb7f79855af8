// A worker thread of `kpi-tracker rollup`: summarises one workbook at a time, as the main thread
// hands them out, and posts each summary back. Only the summary crosses between threads, so a
// worker holds one workbook at a time whatever the number rolled up.
import { parentPort } from 'node:worker_threads';
import { summariseFile, type RollupJob } from './summarise-file';

export interface WorkerJob extends RollupJob {
  readonly index: number;
}

parentPort?.on('message', (job: WorkerJob) => {
  void summariseFile(job).then((entry) => parentPort!.postMessage({ index: job.index, entry }));
});
