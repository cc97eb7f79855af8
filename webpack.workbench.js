/* Builds the browser workbench: the add-in's task pane (src/taskpane/App) beside a read-only grid
 * of a sample workbook, with the in-memory host in place of Excel. Kept apart from
 * webpack.config.js, which builds the add-in itself; the TypeScript, JSX and browser aliases
 * (e.g. the bank-holiday table standing in for date-holidays) are taken from that config, so
 * the pane is bundled exactly as in the add-in.
 *
 *   npm run workbench         development build, served on http://localhost:3001 (plain http)
 *   npm run build:workbench   production build in dist-workbench/ (the browser tests use it)
 *
 * The samples (assets/samples/*.xlsx) are read once, in Node, into JSON that the page fetches
 * from its own origin (samples/<name>.json): no .xlsx reader in the browser.
 */
const path = require('path');
const { execFileSync } = require('child_process');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const addinConfig = require('./webpack.config.js');

const samplesCache = path.resolve(__dirname, 'node_modules/.cache/kpi-tracker-workbench/samples');

function convertSamples() {
  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.resolve(__dirname, 'scripts/workbench-samples.ts'), samplesCache], {
    cwd: __dirname,
    stdio: 'inherit',
  });
}

module.exports = async (_env = {}, options = {}) => {
  const dev = options.mode !== 'production';
  // Only the shared build settings are used; the add-in config is not served or emitted.
  const addin = await addinConfig({}, { ...options, mode: dev ? 'development' : 'production' });
  convertSamples();

  return {
    name: 'workbench',
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    // The pane's Web Worker is built as in the add-in (webpack.config.js), beside the page.
    entry: { workbench: './src/workbench/index.tsx', 'core-worker': addin.entry['core-worker'] },
    output: {
      path: path.resolve(__dirname, 'dist-workbench'),
      filename: '[name].js',
      clean: true,
    },
    resolve: addin.resolve,
    module: addin.module,
    optimization: { minimizer: addin.optimization.minimizer },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: path.join(samplesCache, '*.json').replace(/\\/g, '/'), to: 'samples/[name][ext]' },
        ],
      }),
    ],
    devServer: {
      port: 3001,
      host: 'localhost',
      server: 'http',
      open: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      static: false,
      devMiddleware: { writeToDisk: false },
    },
  };
};
