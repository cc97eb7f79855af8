// Replaced at bundle time by scripts/webpack/bank-holidays-table-loader.cjs (see webpack.config.js).
