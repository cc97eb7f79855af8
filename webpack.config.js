/* Builds the KPI Tracker add-in: the task pane, the ribbon commands and the custom functions share
 * one page, taskpane.html, as the manifest's long-lived Runtime asks, and one webpack runtime.
 *
 *   KPI_TRACKER_URL=https://… npm run build   the production add-in in dist/: its manifest has the
 *                                              production Id and name and every URL on that address
 *   npm run dev-server                         "KPI Tracker (dev)" on https://localhost:3000 with the
 *                                              Office dev certificate (manifest.xml as it is)
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { productionAddress, productionManifest } = require('./scripts/webpack/production-manifest.cjs');

/** Fails a production build, before anything is written, when KPI_TRACKER_URL is missing or unusable. */
class RequireProductionAddress {
  constructor(problem) {
    this.problem = problem;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('RequireProductionAddress', (compilation) => {
      compilation.errors.push(new compiler.webpack.WebpackError(this.problem.message));
    });
  }
}

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
  // Where the production add-in is hosted; dist/manifest.xml points there.
  const address = dev ? undefined : productionAddress(process.env.KPI_TRACKER_URL);

  return {
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      functions: './src/functions/functions.ts',
      // The task pane's Web Worker (the core, off the page), loaded by the pane from this origin
      // as core-worker.js; not a script of the page, so not in HtmlWebpackPlugin's chunks.
      // Its runtime inside it (runtime: false), for the same reason: see optimization below.
      'core-worker': { import: './src/taskpane/core-worker.ts', runtime: false },
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
      // webpack's own minifier (Terser, '...'): the page it ships is 9% smaller than esbuild's
      // (959,589 bytes against 1,050,475 on 2026-12-06), which keeps the pane under the 1 MiB below,
      // for 11 s more of build.
      minimizer: ['...'],
      // The page's HTML is minified by HtmlWebpackPlugin, as before; webpack's own HTML minifier
      // (part of '...') would strip its attributes' quotes too.
      minimizeOptions: { html: false },
      // The three entries run in one page (the shared runtime). One webpack runtime gives them one
      // module registry, so src/shared/pane-bridge.ts is a single module: a ribbon command's notice
      // reaches the pane. The code they share is split out once rather than bundled three times.
      // The core's Web Worker is a page of its own: it keeps its runtime and every module it needs
      // in core-worker.js, since a worker loads only the one script it is started with.
      runtimeChunk: 'single',
      splitChunks: {
        chunks: (chunk) => chunk.name !== 'core-worker',
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', priority: 10 },
          shared: { minChunks: 2, name: 'shared', priority: 0, reuseExistingChunk: true },
        },
      },
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
              return dev || address instanceof Error ? content : productionManifest(content.toString(), address);
            },
          },
        ],
      }),
      ...(address instanceof Error ? [new RequireProductionAddress(address)] : []),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: serving ? await getHttpsOptions() : undefined },
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
};
