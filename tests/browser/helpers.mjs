/* global getComputedStyle -- used inside page.evaluate callbacks, which run in the browser */
// Helpers for the browser tests: waiting, reading the workbench grid, driving the task pane.

/** Polls `check` until it returns a truthy value; fails with `what` and the last value seen. */
export async function waitFor(check, what, timeoutMs = 10_000) {
  const started = Date.now();
  let last;
  let lastError;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) {
      const seen = lastError ? `; last error: ${lastError.message.split('\n')[0]}` : `; last seen: ${JSON.stringify(last)}`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** The workbench's grid: the region "Workbook". */
export function grid(page) {
  return page.getByRole('region', { name: 'Workbook' });
}

/** The task pane: the column beside the grid (the real App, whatever landmarks it has). */
export function pane(page) {
  return page.locator('[data-testid="workbench-pane"]');
}

/** A cell of the sheet shown in the grid, by A1 address. */
export function cell(page, address) {
  return grid(page).locator(`td[data-address="${address}"]`);
}

/** A cell's text, fill (as the model has it) and painted background colour. */
export async function readCell(page, address) {
  return cell(page, address).evaluate((td) => ({
    text: td.textContent,
    fill: td.getAttribute('data-fill'),
    background: getComputedStyle(td).backgroundColor,
    formula: td.getAttribute('data-formula') === 'true',
  }));
}

/** '#F9DFA8' → 'rgb(249, 223, 168)', as getComputedStyle reports colours. */
export function rgbOf(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Opens the workbench and waits for the sample to be in the grid and the pane to have drawn. */
export async function openWorkbench(page, baseUrl, query) {
  await page.goto(`${baseUrl}/?${query}`);
  await grid(page).locator('table').waitFor({ timeout: 15_000 });
  await pane(page).getByRole('tab').first().waitFor({ timeout: 15_000 });
}

/** Clicks one of the pane's tabs ("Set up", "Run", "Indicators", "Settings"). */
export async function paneTab(page, name) {
  const tab = pane(page).getByRole('tab', { name, exact: true });
  await tab.click();
  await waitFor(async () => (await tab.getAttribute('aria-selected')) === 'true', `the "${name}" tab to be selected`);
}

/** Chooses a period in the pane's "Period" picker, whether a native select or a Fluent dropdown. */
export async function choosePeriod(page, label) {
  const picker = pane(page).getByLabel('Period', { exact: true }).first();
  await picker.waitFor();
  const tag = await picker.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await picker.selectOption({ label });
  } else {
    await picker.click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
}

/** Clicks a pane button by its accessible name and waits until it is enabled again. */
export async function clickPaneButton(page, name) {
  const button = pane(page).getByRole('button', { name, exact: true });
  await button.click();
  return button;
}

/** Confirms the detected mapping on the "Set up" tab and waits for the pane to say so. */
export async function confirmMapping(page) {
  await paneTab(page, 'Set up');
  const button = pane(page).getByRole('button', { name: 'Confirm mapping', exact: true });
  await button.click();
  // Saving the mapping writes the settings sheet (very hidden): the grid's hidden-sheet note appears.
  await waitFor(
    async () =>
      (await grid(page)
        .getByText(/hidden sheets? not shown/)
        .count()) > 0,
    'the mapping to be saved in the workbook',
  );
}

/** The names of the sheet tabs under the grid. */
export async function sheetTabs(page) {
  return grid(page).getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allTextContents();
}

export async function showSheet(page, name) {
  await grid(page).getByRole('tab', { name, exact: true }).click();
  await waitFor(async () => (await grid(page).locator('table').getAttribute('data-sheet')) === name, `the grid to show sheet "${name}"`);
}
