/* Builds the KPI Tracker add-in: the task pane and the shared runtime (ribbon
 * commands) share one page, taskpane.html, as the manifest's long-lived
 * Runtime asks.
 *
 *   npm run build        production bundle in dist/, manifest URLs rewritten
 *   npm run dev-server   https://localhost:3000 with the Office dev certificate
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const urlDev = 'https://localhost:3000/';
// Where the production build is hosted; the manifest in dist/ points here.
const urlProd = process.env.KPI_TRACKER_URL || 'https://kpi-tracker.example.org/';

async function getHttpsOptions() {
  // Loaded only for the dev server: it creates and trusts a localhost
  // certificate on first use, which a production build must not do.
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);

  return {
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      functions: './src/functions/functions.ts',
      // The task pane's Web Worker (the core, off the page), loaded by the pane from this origin
      // as core-worker.js; not a script of the page, so not in HtmlWebpackPlugin's chunks.
      'core-worker': './src/taskpane/core-worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx'],
      alias: { 'date-holidays$': path.resolve(__dirname, 'scripts/webpack/date-holidays-browser.js') },
    },
    module: {
      rules: [
        {
          // The browser's date-holidays: a table of UK bank holidays computed by the library at build time.
          test: /scripts[\\/]webpack[\\/]date-holidays-browser\.js$/,
          loader: path.resolve(__dirname, 'scripts/webpack/bank-holidays-table-loader.cjs'),
        },
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic' },
        },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020' })],
    },
    performance: {
      // Fluent UI and React are most of the weight; warn only past 1 MiB.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // The shared runtime loads the pane and the commands in one page.
        chunks: ['taskpane', 'commands', 'functions'],
      }),
      // Reads the JSDoc of src/functions into functions.json (KPI.STATUS, KPI.VARIANCE, KPI.WORKDAYS).
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: serving ? await getHttpsOptions() : undefined },
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
};
