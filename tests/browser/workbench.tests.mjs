/* global document, getComputedStyle, performance -- used inside page.evaluate callbacks, which run in the browser */
// The browser tests: the real task pane in the workbench, driven as an officer would.
// Each test gets a fresh browser context; run.mjs guards every page against requests that leave
// the page's own origin, page errors, dialogs and Content-Security-Policy violations.
import {
  assert,
  assertEqual,
  cell,
  choosePeriod,
  clickPaneButton,
  confirmMapping,
  grid,
  openWorkbench,
  pane,
  paneTab,
  readCell,
  rgbOf,
  sheetTabs,
  showSheet,
  waitFor,
} from './helpers.mjs';

const LAYOUT_A = 'sample=service-plan-quarterly&today=2024-11-20';
const PERIOD = 'Q2 2024/25';
const COMMITTEE_SHEET = 'Committee Q2 2024-25';

/** The core's default status fills (src/core/plan/status-style.ts). */
const FILLS = { met: '#BFE5D6', near: '#F9DFA8', missed: '#F4C3A8' };

/** The brief's reference verdicts for layout A at Q2 2024/25, in the sample's status column H. */
const REFERENCE = [
  { address: 'H4', ref: '01', label: 'Near miss', fill: FILLS.near },
  { address: 'H5', ref: '02', label: 'Met', fill: FILLS.met },
  { address: 'H6', ref: '03', label: 'Near miss', fill: FILLS.near },
  { address: 'H9', ref: '04', label: 'Not met', fill: FILLS.missed },
];

async function recalculate(page) {
  await paneTab(page, 'Run');
  await choosePeriod(page, PERIOD);
  await clickPaneButton(page, 'Recalculate status');
  await waitFor(async () => (await readCell(page, 'H4')).text !== '', 'a status in H4 after "Recalculate status"', 15_000);
}

export const tests = [
  {
    name: 'recalculate-layout-a',
    title: 'layout A: confirm the mapping, recalculate, and the grid shows the reference verdicts',
    async run({ page, baseUrl }) {
      await openWorkbench(page, baseUrl, LAYOUT_A);
      for (const { address } of REFERENCE) assertEqual((await readCell(page, address)).text, '', `${address} before the run`);
      await confirmMapping(page);
      await recalculate(page);
      for (const { address, ref, label, fill } of REFERENCE) {
        const row = address.slice(1);
        assertEqual((await readCell(page, `A${row}`)).text, ref, `indicator in A${row}`);
        const shown = await readCell(page, address);
        assertEqual(shown.text, label, `status of ${ref} (${address})`);
        assertEqual(shown.fill, fill, `fill of ${address}`);
        assertEqual(shown.background, rgbOf(fill), `colour painted in ${address}`);
        assert(!shown.formula, `${address} holds text, not a formula`);
      }
      // Read again through the worker, the workbook has nothing left to change: the run's own
      // words and colours are known as its own.
      await waitFor(
        async () =>
          (await pane(page).getByRole('region', { name: 'Preview' }).innerText()).includes(
            '0 status cells and 0 commentary cells would change',
          ),
        'a preview with nothing left to change after the run',
      );
      // "Show" beside a changed range selects it, as Excel would: the grid highlights it.
      await pane(page).getByRole('button', { name: 'Show status cells KPIs 2024-25 H9', exact: true }).click();
      await waitFor(async () => (await cell(page, 'H9').getAttribute('data-selected')) === 'true', 'H9 to be highlighted after "Show"');
      assertEqual(await cell(page, 'H4').getAttribute('data-selected'), null, 'H4 highlighted');
    },
  },
  {
    name: 'template-preview',
    title: 'settings: editing the "Met" commentary template changes the template preview',
    async run({ page, baseUrl }) {
      await openWorkbench(page, baseUrl, LAYOUT_A);
      await confirmMapping(page);
      await paneTab(page, 'Settings');
      const template = pane(page).getByRole('textbox', { name: 'Template for Met', exact: true });
      const preview = pane(page).getByRole('region', { name: 'Template preview', exact: true });
      await template.waitFor();
      await preview.waitFor();
      await template.scrollIntoViewIfNeeded();
      const before = (await preview.innerText()).trim();
      const marker = 'Workbench check';
      await template.fill(`${marker}: {ref} reached {actual} against {target} in {period}.`);
      const after = await waitFor(async () => {
        const text = (await preview.innerText()).trim();
        return text !== before && text.includes(marker) ? text : false;
      }, 'the template preview to show the edited template');
      assert(!after.includes('{actual}') && !after.includes('{target}'), `the preview fills the template's fields: ${after}`);
      await preview.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'committee-sheet',
    title: 'run: "Generate committee sheet" adds the committee sheet, titled for the period, to the grid',
    async run({ page, baseUrl }) {
      await openWorkbench(page, baseUrl, LAYOUT_A);
      await confirmMapping(page);
      await paneTab(page, 'Run');
      await choosePeriod(page, PERIOD);
      await clickPaneButton(page, 'Generate committee sheet');
      await waitFor(async () => (await sheetTabs(page)).includes(COMMITTEE_SHEET), `a sheet tab "${COMMITTEE_SHEET}"`, 15_000);
      // "Show" beside the new sheet selects it: the grid turns to that sheet.
      await pane(page)
        .getByRole('button', { name: `Show committee sheet ${COMMITTEE_SHEET} A1`, exact: true })
        .click();
      await waitFor(
        async () => (await grid(page).locator('table').getAttribute('data-sheet')) === COMMITTEE_SHEET,
        'the grid to turn to the committee sheet',
      );
      assertEqual((await readCell(page, 'A1')).text, `Performance report: ${PERIOD}`, 'committee sheet title in A1');
      const table = grid(page).locator('table');
      for (const ref of ['01', '02', '03', '04']) {
        assert(
          (await table.getByRole('cell', { name: ref, exact: true }).count()) > 0,
          `indicator ${ref} is listed on the committee sheet`,
        );
      }
    },
  },
  {
    name: 'no-requests-leave-origin',
    title: "privacy: every tab, sample and command makes no request outside the page's own origin",
    async run({ page, baseUrl, requests }) {
      await openWorkbench(page, baseUrl, LAYOUT_A);
      await confirmMapping(page);
      await paneTab(page, 'Run');
      await choosePeriod(page, PERIOD);
      await clickPaneButton(page, 'Recalculate, plan and report');
      await waitFor(
        async () => (await sheetTabs(page)).includes(COMMITTEE_SHEET),
        'the committee sheet after "Recalculate, plan and report"',
        15_000,
      );
      for (const tab of ['Indicators', 'Settings', 'Set up', 'Run']) await paneTab(page, tab);
      const picker = page.getByRole('combobox', { name: 'Sample workbook' });
      for (const sample of ['service-delivery-plan-annual', 'kpi-return', 'inspection-action-plan', 'service-plan-quarterly']) {
        await picker.selectOption(sample);
        await waitFor(async () => new URL(page.url()).searchParams.get('sample') === sample, `the address to name ${sample}`);
        await grid(page).locator('table').waitFor();
        await pane(page).getByRole('tab').first().waitFor();
      }
      const origin = new URL(baseUrl).origin;
      assert(requests.length > 0, 'the page made requests (the guard is listening)');
      const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
      assertEqual(foreign.length, 0, `requests outside ${origin}: ${foreign.join(', ')}`);
      assert(
        requests.some((url) => url.includes('/samples/kpi-return.json')),
        "the samples were loaded from the page's own origin",
      );
    },
  },
  {
    name: 'hostile-text',
    title: 'hostile text: HTML and formulas in a workbook are shown as literal text and nothing runs',
    async run({ page, baseUrl, dialogs }) {
      const html = '<img src=x onerror=alert(1)>';
      const hyperlink = '=HYPERLINK("http://evil","x")';
      await openWorkbench(page, baseUrl, 'sample=hostile-text&today=2024-11-20');
      assertEqual((await readCell(page, 'B4')).text, html, 'B4 shows the HTML as text');
      assertEqual((await readCell(page, 'B5')).text, hyperlink, 'B5 shows the formula as text');
      assert(!(await readCell(page, 'B5')).formula, 'B5 is not marked as a formula');

      await confirmMapping(page);
      await recalculate(page);
      await paneTab(page, 'Indicators');
      await waitFor(
        async () => (await pane(page).getByText(html, { exact: false }).count()) > 0,
        'the pane to list the HTML description as text',
      );
      await waitFor(
        async () => (await pane(page).getByText(hyperlink, { exact: false }).count()) > 0,
        'the pane to list the formula description as text',
      );

      const sheet = '<b onmouseover=alert(3)>x</b>';
      assert((await sheetTabs(page)).includes(sheet), 'the sheet named with HTML has a tab, shown as text');
      await showSheet(page, sheet);
      await grid(page).getByRole('tab', { name: sheet, exact: true }).hover();
      assertEqual((await readCell(page, 'A1')).text, '<script>alert(2)</script>', 'A1 of the sheet named with HTML');

      await paneTab(page, 'Run');
      await clickPaneButton(page, 'Generate committee sheet');
      await waitFor(async () => (await sheetTabs(page)).includes(COMMITTEE_SHEET), 'the committee sheet for the hostile workbook', 15_000);
      await showSheet(page, COMMITTEE_SHEET);
      const table = grid(page).locator('table');
      assert(
        (await table.getByRole('cell', { name: html, exact: true }).count()) > 0,
        'the committee sheet shows the HTML description as text',
      );
      assert(
        (await table.getByRole('cell', { name: hyperlink, exact: true }).count()) > 0,
        'the committee sheet shows the formula description as text',
      );
      assertEqual(await table.locator('td[data-formula="true"]').count(), 0, 'formula cells on the committee sheet');

      // Nothing the workbook holds became markup: no <img src=x>, no <script>, no <b> with a handler.
      const injected = await page.evaluate(
        () => document.querySelectorAll('img[src="x"], script:not([src]), b[onmouseover], [onerror]').length,
      );
      assertEqual(injected, 0, 'elements made from workbook text');
      await page.waitForTimeout(300);
      assertEqual(dialogs.length, 0, `dialogs opened (${dialogs.join(', ')})`);
    },
  },
  {
    name: 'first-run-summary',
    title: 'first run: one line of what was found and Continue at the top; Continue sets the workbook up and moves to Run',
    async run({ page, baseUrl }) {
      await openWorkbench(page, baseUrl, LAYOUT_A);
      const summary = pane(page).getByRole('status').first();
      await summary.waitFor();
      assertEqual(
        (await summary.innerText()).trim(),
        'Found 14 indicators in 1 table on sheet "KPIs 2024-25", with figures for Q1 2024/25 and Q2 2024/25.',
        'the first-run summary',
      );
      // Continue is the first button in the view, above the tables.
      const view = pane(page).getByRole('tabpanel');
      assertEqual((await view.getByRole('button').first().innerText()).trim(), 'Continue', 'the first button of the view');
      const continueBox = await view.getByRole('button', { name: 'Continue', exact: true }).boundingBox();
      const firstTable = await view.getByRole('region', { name: /^Table 1: / }).boundingBox();
      assert(continueBox && firstTable && continueBox.y < firstTable.y, 'Continue sits above the tables');
      // The four header blocks of the sheet are one table.
      assertEqual(await view.getByRole('region', { name: /^Table \d+: / }).count(), 1, 'tables shown');
      await view.getByRole('button', { name: 'Continue', exact: true }).click();
      await waitFor(
        async () => (await pane(page).getByRole('tab', { name: 'Run', exact: true }).getAttribute('aria-selected')) === 'true',
        'the Run tab after Continue',
      );
      await waitFor(
        async () =>
          (await grid(page)
            .getByText(/hidden sheets? not shown/)
            .count()) > 0,
        'the mapping saved in the workbook',
      );
      // The pane reads the saved mapping back (from its worker): the workbook is set up now.
      await pane(page)
        .getByRole('region', { name: 'Preview' })
        .getByText(/would change/)
        .first()
        .waitFor();
      assertEqual(
        await pane(page)
          .getByText(/has not been set up yet/)
          .count(),
        0,
        'the "not set up" note after Continue',
      );
    },
  },
  {
    name: 'dark-theme',
    title: "theme: the pane follows Office's dark theme (Fluent's dark tokens, light text on a dark pane), and is light by default",
    async run({ page, baseUrl }) {
      const shade = async () =>
        pane(page)
          .locator('[data-theme]')
          .first()
          .evaluate((element) => {
            const rgb = (text) => text.match(/\d+/g).slice(0, 3).map(Number);
            const lum = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            const style = getComputedStyle(element);
            const heading = element.querySelector('h1');
            return {
              theme: element.getAttribute('data-theme'),
              background: lum(rgb(style.backgroundColor)),
              text: lum(rgb(getComputedStyle(heading).color)),
            };
          });
      await openWorkbench(page, baseUrl, LAYOUT_A);
      const light = await shade();
      assertEqual(light.theme, 'light', 'the theme without ?theme');
      assert(light.background > 0.9 && light.text < 0.3, `dark text on a light pane by default: ${JSON.stringify(light)}`);

      await openWorkbench(page, baseUrl, `${LAYOUT_A}&theme=dark`);
      const dark = await shade();
      assertEqual(dark.theme, 'dark', 'the theme with ?theme=dark');
      assert(dark.background < 0.2 && dark.text > 0.8, `light text on a dark pane: ${JSON.stringify(dark)}`);
      // The rest of the pane follows: a card's background and a button's text are dark-theme colours too.
      await confirmMapping(page);
      await paneTab(page, 'Run');
      const preview = pane(page).getByRole('region', { name: 'Preview' });
      await preview
        .getByText(/would change/)
        .first()
        .waitFor();
      const card = await preview.evaluate((element) => getComputedStyle(element).backgroundColor);
      const channels = card.match(/\d+/g).slice(0, 3).map(Number);
      assert(Math.max(...channels) < 80, `the preview card is dark: ${card}`);
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'large-workbook-worker',
    title: 'a large workbook: a run shows its stage, Cancel stops it with nothing written, and while the worker judges the page answers',
    async run({ page, baseUrl }) {
      // 20,000 indicators: the workbook that froze the workbench for 18 s before the worker.
      await page.goto(`${baseUrl}/?sample=generated&indicators=20000&today=2025-04-30`);
      await grid(page).locator('table').waitFor({ timeout: 40_000 });
      await pane(page).getByRole('tab', { name: 'Run', exact: true }).click({ timeout: 40_000 });
      await pane(page)
        .getByText(/would change\./)
        .first()
        .waitFor({ timeout: 40_000 });
      const bar = pane(page).getByRole('progressbar', { name: /^Recalculate status: (finding the KPI tables|judging each indicator)…$/ });
      await clickPaneButton(page, 'Recalculate status');
      await bar.waitFor({ timeout: 10_000 });
      await pane(page).getByRole('button', { name: 'Cancel', exact: true }).click();
      await pane(page).getByText('Recalculate status was cancelled. Nothing was written.').waitFor();
      assertEqual((await readCell(page, 'Q4')).text, '', 'the first status cell after Cancel');
      // A fresh worker takes the next run; while it judges, the page still answers at once.
      await clickPaneButton(page, 'Recalculate status');
      await bar.waitFor({ timeout: 10_000 });
      const answered = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const asked = performance.now();
            setTimeout(() => resolve(performance.now() - asked), 0);
          }),
      );
      assert(answered < 200, `the page answered in ${Math.round(answered)} ms while the worker judged`);
      await pane(page).getByRole('heading', { name: 'Done: Recalculate status' }).waitFor({ timeout: 40_000 });
      await waitFor(async () => (await readCell(page, 'Q4')).text !== '', 'a status in Q4 after the run', 10_000);
    },
  },
];
