/**
 * The production add-in as Excel loads it: `npm run build` into a temporary folder, then
 * dist/taskpane.html opened in Debian's Chromium at the production address, with every script the
 * page names, in its order, under its Content-Security-Policy. Microsoft's office.js is replaced by
 * the fake Excel (tests/support/office-stub.browser.ts, bundled here with esbuild); nothing else
 * is served and no request leaves the page. A ribbon button is pressed as Office presses it: the
 * function the page associated under the manifest's FunctionName, called with an event.
 *
 * The pane, the ribbon commands and the custom functions share one page, so a command's notice and
 * its request for a view must reach the pane. They did not while each entry carried its own copy of
 * src/shared/pane-bridge.ts: the command opened the pane without saying why. About 20 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Workbook } from '../../src/core/model/workbook';
import { layoutASample } from '../support/excel-fixtures';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const ADDRESS = 'https://kpi-tracker.test/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

/** What the fake's .xlsx reader imports from Node's modules (esbuild names any new one). */
const NODE_NAMES = [
  'basename',
  'dirname',
  'crc32',
  'deflateRaw',
  'inflateRawSync',
  'mkdir',
  'rename',
  'rm',
  'writeFile',
  'readFile',
  'promisify',
];

let out: string;
let officeStub: string;
let browser: Browser;

/** The fake's workbook as the page receives it: JSON, with the model's Sets spelled out. */
function workbookForPage(workbook: Workbook): string {
  return JSON.stringify(workbook, (_key, value: unknown) => (value instanceof Set ? { setOf: [...value] } : value));
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kpi-production-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['run', 'build', '--', '--output-path', out], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 170_000,
    env: { ...process.env, KPI_TRACKER_URL: ADDRESS },
  });
  // The fake reads no files in the page; its .xlsx reader's Node modules are never called there.
  const bundled = await build({
    entryPoints: [join(ROOT, 'tests/support/office-stub.browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    plugins: [
      {
        name: 'no-node-modules-in-the-page',
        setup(b) {
          b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'absent' }));
          b.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({
            contents: `const absent = () => absent; export default absent; export const ${NODE_NAMES.map((n) => `${n} = absent`).join(', ')};`,
          }));
        },
      },
    ],
  });
  officeStub = bundled.outputFiles[0]!.text;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface OpenPage {
  readonly page: Page;
  /** Anything that went wrong in the page: errors, CSP violations, requests that left it. */
  readonly problems: string[];
}

/** Opens the built taskpane.html at the production address on `workbook`, and waits for the pane. */
async function openAddin(workbook: Workbook): Promise<OpenPage> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await context.addInitScript({ content: `window.__kpiWorkbook = ${JSON.stringify(workbookForPage(workbook))};` });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: TYPES['.js'], body: officeStub });
    if (url.startsWith(ADDRESS)) {
      const file = normalize(join(out, decodeURIComponent(new URL(url).pathname)));
      if (file.startsWith(out + sep) && existsSync(file))
        return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      problems.push(`not in the build: ${url}`);
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    problems.push(`request left the page: ${url}`);
    return route.abort();
  });
  await page.goto(`${ADDRESS}taskpane.html`);
  await page
    .getByRole('tablist', { name: 'KPI Tracker' })
    .waitFor({ timeout: 20_000 })
    .catch(async (error: Error) => {
      const shown = await page.locator('body').innerText();
      throw new Error(`The pane did not open: ${error.message}\nThe page shows: ${shown}\n${problems.join('\n')}`);
    });
  return { page, problems };
}

/** Presses a ribbon button as Office does, and waits until the command says it has completed. */
async function pressRibbonButton(page: Page, functionName: string): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const fake = (window as unknown as { __kpiFake: { office: { associated: Map<string, (event: unknown) => void> } } }).__kpiFake;
        const handler = fake.office.associated.get(name);
        if (!handler) return reject(new Error(`${name} was not associated with Office`));
        handler({ completed: () => resolve(), source: { id: name } });
      }),
    functionName,
  );
}

function ribbonMessages(page: Page) {
  return page.getByRole('region', { name: 'Messages from the ribbon' });
}

describe('the production add-in page (dist/taskpane.html in Chromium)', () => {
  it('shows the pane and registers every ribbon command with Office', async () => {
    const { page, problems } = await openAddin(await layoutASample());
    const associated = await page.evaluate(() =>
      [...(window as unknown as { __kpiFake: { office: { associated: Map<string, unknown> } } }).__kpiFake.office.associated.keys()].sort(),
    );
    expect(associated).toEqual(['buildActionPlan', 'generateCommitteeSheet', 'recalculateStatus']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('"Recalculate status" on a workbook not yet set up switches the open pane to Set up and says why', async () => {
    const { page, problems } = await openAddin(await layoutASample());
    await page.getByRole('tab', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Run', exact: true }).getAttribute('aria-selected')).resolves.toBe('true');

    await pressRibbonButton(page, 'recalculateStatus');

    await ribbonMessages(page).getByText('Set up this workbook first').waitFor({ timeout: 10_000 });
    await expect(ribbonMessages(page).innerText()).resolves.toContain('Check how its tables were read and confirm');
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'Set up', undefined, {
      timeout: 10_000,
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a ribbon command that Excel refuses leaves its reason in the pane', async () => {
    const { page, problems } = await openAddin(await layoutASample());
    await page.evaluate(() =>
      (window as unknown as { __kpiFake: { failNextRequest(code: string): void } }).__kpiFake.failNextRequest('AccessDenied'),
    );

    await pressRibbonButton(page, 'buildActionPlan');

    const message = ribbonMessages(page).filter({ hasText: 'Build action plan did not finish' });
    await message.waitFor({ timeout: 10_000 });
    await expect(message.innerText()).resolves.toContain("Excel refused the change: a sheet or the workbook's structure may be protected");
    // The command failing is what the page reports on the console; nothing else may go wrong.
    expect(problems.filter((p) => !p.includes('the ribbon command'))).toEqual([]);
    await page.context().close();
  });
});
