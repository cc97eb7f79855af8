// ESLint flat config: @eslint/js and typescript-eslint recommended rules for
// the whole project (src, tests, scripts and the config files at the top).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

/** Node's globals, for plain .js/.mjs/.cjs files (TypeScript files are checked by tsc instead). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'globalThis',
    'fetch',
  ].map((name) => [name, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

export default defineConfig(
  { ignores: ['dist/', 'dist-workbench/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'smart'],
      // Prettier (.prettierrc.json) sets the width and CI checks it (`npm run format:check`);
      // this catches what the formatter cannot wrap: comments and code. A sentence an officer
      // reads stays one string, so it can be found by searching for it, and may run longer.
      'max-len': [
        'error',
        { code: 140, tabWidth: 2, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    // The core knows no Excel, no React, no files and no surface: hosts read a workbook into its
    // model and apply its plan. A test of this rule lives in tests/build/core-boundary.test.ts.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/hosts/**', '**/taskpane/**', '**/commands/**', '**/functions/**', '**/cli/**', '**/workbench/**', '**/shared/**'],
              message: 'src/core must not import a host or a surface: pass what it needs in as data.',
            },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*'], message: 'src/core must not import React.' },
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'os',
                'child_process',
                'worker_threads',
                'zlib',
                'net',
                'http',
                'https',
                'stream',
                'readline',
              ],
              message: "src/core must not do I/O or use Node's modules: a host does.",
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/hosts/excel touches Excel.*.' },
        { name: 'Office', message: 'Only the hosts and surfaces touch Office.*.' },
        { name: 'window', message: 'src/core runs in Node, a worker and a page alike.' },
        { name: 'document', message: 'src/core runs in Node, a worker and a page alike.' },
      ],
      // The clock is input like any other: a run's "today" and "now" come in from the host, so the
      // same workbook and options always give the same plan.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core must not read the clock: take today or now as a parameter.',
        },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/core must not read the clock.' },
      ],
    },
  },
  {
    // Microsoft's Office.js rules (eslint-plugin-office-addins' recommended set), on the code that
    // calls Office.js. Its 4.0 declares ESLint 9 as its peer; its rules run on ESLint 10 as they
    // are (they use context.sourceCode where it exists), and package.json's overrides let it
    // install beside ESLint 10. Only its rules are taken: its configs bring Prettier and React
    // settings of their own, which this project sets elsewhere.
    files: ['src/hosts/excel/**', 'src/commands/**', 'src/functions/**', 'src/taskpane/**'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
