// Bundles the command line into dist-cli (outside dist/, which the add-in build cleans) so
// `npx kpi-tracker` starts fast straight after `npm ci` (npm runs this as the `prepare` script).
// Dependencies stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/kpi-tracker.ts'],
  outfile: 'dist-cli/kpi-tracker.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
