// Bundles the command line into dist-cli (outside dist/, which the add-in build cleans) so
// `npx kpi-tracker` starts fast straight after `npm ci` (npm runs this as the `prepare` script).
// Dependencies stay in node_modules. The roll-up's worker threads run a bundle of their own beside it.
import { build } from 'esbuild';

await build({
  entryPoints: { 'kpi-tracker': 'src/cli/kpi-tracker.ts', 'rollup-worker': 'src/cli/rollup/rollup-worker.ts' },
  outdir: 'dist-cli',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
