// Runs the engine alone on one generated workbook and prints its timings as JSON (one process per
// size, so peak memory belongs to that size alone).
import { generateWorkbook } from './generate';
import { runKpiTracker } from '../src/core/run/run-kpi-tracker';

const rows = Number(process.argv[2]);
const workbook = generateWorkbook(rows);
const start = performance.now();
const run = runKpiTracker(workbook, {
  today: { year: 2025, month: 4, day: 30 },
  now: '2025-04-30T10:00:00Z',
  command: 'bench',
  steps: { statuses: true, actionPlan: true, committee: true },
});
const seconds = (performance.now() - start) / 1000;
process.stdout.write(
  JSON.stringify({
    rows,
    verdicts: run.verdicts.length,
    seconds,
    edits: run.plan.edits.length,
    tables: run.detection.tables.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
