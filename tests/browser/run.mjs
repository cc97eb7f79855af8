#!/usr/bin/env node
/* global document, window -- used in the init script, which runs in the browser */
// Browser tests for the KPI Tracker workbench, with playwright-core and Debian's Chromium.
//
//   node tests/browser/run.mjs            build dist-workbench/ if it is missing or stale, then test
//   node tests/browser/run.mjs --build    always rebuild first;  --no-build: use dist-workbench/ as it is
//   node tests/browser/run.mjs hostile    only the tests whose name contains "hostile"
//
// Serves dist-workbench/ on a free localhost port, runs each test in a fresh browser context and
// saves a screenshot per test in test-output/screenshots/<test-name>.png. Every page is guarded:
// a request to another origin, an uncaught page error, a dialog (alert/confirm/prompt) or a
// Content-Security-Policy violation fails the test. The last line printed is always
// "N passed, N failed"; the exit code is non-zero when any test failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './server.mjs';
import { tests } from './workbench.tests.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = join(root, 'dist-workbench');
const screenshotDir = join(root, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TEST_TIMEOUT_MS = 45_000;

const args = process.argv.slice(2);
const filters = args.filter((arg) => !arg.startsWith('--'));
const selected = filters.length === 0 ? tests : tests.filter((t) => filters.some((f) => t.name.includes(f)));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The bundle is stale when any of its sources is newer than the built page. */
function needsBuild() {
  if (args.includes('--build')) return true;
  if (args.includes('--no-build')) return false;
  const built = join(distDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'assets', 'scripts', 'webpack.config.js', 'webpack.workbench.js', 'package.json'];
  return Math.max(...sources.map((p) => newestMtime(join(root, p)))) > statSync(built).mtimeMs;
}

function build() {
  const started = Date.now();
  console.log('Building the workbench (npm run build:workbench)…');
  const result = spawnSync('npm', ['run', '--silent', 'build:workbench'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`npm run build:workbench failed (exit ${result.status ?? result.signal})`);
  }
  console.log(`Built dist-workbench/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function runTest(browser, baseUrl, test) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', serviceWorkers: 'block' });
  const problems = [];
  // Every Content-Security-Policy violation, including those the console does not report
  // (a blocked eval caught by the code that tried it).
  await context.exposeBinding('__kpiCspViolation', (_source, text) => problems.push(`CSP violation: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__kpiCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${event.sourceFile ? ` in ${event.sourceFile}:${event.lineNumber}` : ''}`,
      );
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const origin = new URL(baseUrl).origin;
  const requests = [];
  const dialogs = [];
  page.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (!url.startsWith('data:') && new URL(url).origin !== origin)
      problems.push(`request left the page's origin: ${request.method()} ${url}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP violation: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    problems.push(`a dialog opened (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });

  const started = Date.now();
  let error;
  try {
    await withTimeout(test.run({ page, baseUrl, requests, dialogs }), TEST_TIMEOUT_MS, test.name);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } catch (caught) {
    error = caught;
    if (problems.length > 0 && !String(caught.message).includes(problems[0]))
      error = new Error(`${caught.message}\n${problems.join('\n')}`);
  } finally {
    await page.screenshot({ path: join(screenshotDir, `${test.name}.png`), fullPage: false }).catch((shotError) => {
      console.log(`  (no screenshot for ${test.name}: ${shotError.message.split('\n')[0]})`);
    });
    await context.close().catch(() => {});
  }
  return { error, ms: Date.now() - started };
}

async function main() {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let server;
  let browser;
  try {
    if (selected.length === 0) throw new Error(`No browser test matches ${filters.join(', ')}`);
    mkdirSync(screenshotDir, { recursive: true });
    if (needsBuild()) build();
    else console.log('Using the existing dist-workbench/ (up to date; --build to rebuild).');
    server = await serveStatic(distDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    console.log(`Workbench served at ${server.url}; Chromium ${browser.version()}`);
    for (const test of selected) {
      const { error, ms } = await runTest(browser, server.url, test);
      if (error) {
        failed++;
        console.log(`✗ ${test.name} (${(ms / 1000).toFixed(1)} s) — ${test.title}`);
        // Playwright's messages carry terminal colour codes; CI logs read better without them.
        console.log(
          String(error.stack ?? error.message)
            // eslint-disable-next-line no-control-regex
            .replace(/\x1b\[[0-9;]*m/g, '')
            .split('\n')
            .map((line) => `    ${line}`)
            .join('\n'),
        );
      } else {
        passed++;
        console.log(`✓ ${test.name} (${(ms / 1000).toFixed(1)} s) — ${test.title}`);
      }
    }
    console.log(`Screenshots: ${screenshotDir}`);
  } catch (error) {
    console.log(`Browser tests could not run: ${error.message}`);
    failed = Math.max(selected.length - passed, 1);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  }
  console.log(`Browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
