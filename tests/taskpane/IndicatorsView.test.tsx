/** @jest-environment jsdom */
import './setup-dom';
import { waitFor } from '@testing-library/react';
import { axe } from 'jest-axe';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import type { Workbook } from '../../src/core/model/workbook';
import { DEFAULT_COLOURS } from '../../src/core/plan/status-style';
import { savedTablesFrom, withConfirmedTables } from '../../src/core/settings/confirm-mapping';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings-schema';
import { readSettings } from '../../src/core/settings/settings-store';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { samplePath, type SampleName } from '../support/samples';
import { layoutA, renderPane, screen, within } from './pane-test-kit';

jest.setTimeout(60_000);

async function openIndicators(workbook: Workbook) {
  const host = new MemoryPaneHost(workbook);
  await host.saveSettings(withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(detectWorkbook(workbook).tables)));
  const rendered = renderPane(host);
  await rendered.user.click(await screen.findByRole('tab', { name: 'Indicators' }));
  await screen.findByRole('heading', { level: 2, name: 'Indicators' });
  userEventSelect = (label, option) => rendered.user.selectOptions(screen.getByRole('combobox', { name: label }), option);
  return { host, ...rendered };
}

let userEventSelect: (label: string, option: string) => Promise<void>;

async function readSample(name: SampleName): Promise<Workbook> {
  return (await readXlsxFile(samplePath(name))).workbook;
}

const card = (name: RegExp) => screen.getByRole('article', { name });
/** The references of the cards shown, top to bottom. */
const shownRefs = () => screen.getAllByRole('article').map((a) => a.querySelector('h4')!.textContent!.split(' ')[0]);
const LAYOUT_A_TITLE = 'Housing Management & Enforcement - Key Performance Indicators – Service Plan 2024-28';

describe('Indicators view', () => {
  it('shows every indicator for the latest period: status chip with label and colour, actual against target, trend chart, reason', async () => {
    const { container } = await openIndicators(await layoutA());
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('Q2 2024/25');
    expect(await screen.findByText(/^Showing 14 of 14 indicators/)).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(14);
    // One section: the four header blocks of the sheet are one table, under its title.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      `${LAYOUT_A_TITLE} (5 Met, 2 Near miss, 1 Not met, 6 No data)`,
    ]);

    const first = card(/^01 /);
    const chip = within(first).getByText('Near miss');
    expect(chip).toHaveStyle({ backgroundColor: DEFAULT_COLOURS.near });
    expect(within(first).getByRole('img', { name: 'Trend: 83%, 90.2%' })).toBeInTheDocument();
    expect(first).toHaveTextContent(/higher is better/i);
    expect(within(card(/^04 /)).getByText('Not met')).toHaveStyle({ backgroundColor: DEFAULT_COLOURS.missed });
    expect(await axe(container)).toHaveNoViolations();
  });

  it('the variance is in the reason’s unit: points for a percentage target, per cent for a count', async () => {
    await openIndicators(await layoutA());
    await screen.findByText(/^Showing 14/);
    const first = card(/^01 /);
    // The variance in the seeds' whole numbers; the reason gives the exact gap, in the same unit.
    expect(first).toHaveTextContent('Q2 2024/25: 90.2% against a target of 92% (−2 points)');
    expect(first).toHaveTextContent('90.2% is 1.8 points below the target of 92%');
    expect(card(/^04 /)).toHaveTextContent('(+2 points)');
    await userEventSelect('Period', 'Q1 2024/25');
    // 05 is a time in working days: its variance is relative.
    await waitFor(() => expect(card(/^05 /)).toHaveTextContent('Q1 2024/25: 20 against a target of 14 (+43%)'));
  });

  it('Not met first: the indicators that need attention lead, in the workbook’s order within each status', async () => {
    await openIndicators(await layoutA());
    await screen.findByText(/^Showing 14/);
    expect(shownRefs()).toEqual(['04', '01', '03', '05', '10', '11', '12', '13', '14', '02', '06', '07', '08', '09']);
  });

  it('grouped by section, each group opens and closes, and a section where something missed opens at first', async () => {
    const { user } = await openIndicators(await readSample('service-delivery-plan-annual'));
    await screen.findByText(/^Showing /);
    const headers = screen.getAllByRole('heading', { level: 3 });
    expect(headers.map((h) => h.textContent)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^TA Reduction \(/), expect.stringMatching(/^Preventing Homelessness \(/)]),
    );
    const toggles = headers.map((h) => within(h).getByRole('button'));
    const open = toggles.filter((t) => t.getAttribute('aria-expanded') === 'true');
    const shut = toggles.filter((t) => t.getAttribute('aria-expanded') === 'false');
    // Open: exactly the sections with something not met or overdue.
    for (const toggle of open) expect(toggle.textContent).toMatch(/Not met|Overdue/);
    for (const toggle of shut) expect(toggle.textContent).not.toMatch(/Not met|Overdue/);
    expect(shut.length).toBeGreaterThan(0);

    const countBefore = screen.getAllByRole('article').length;
    await user.click(shut[0]!);
    expect(shut[0]).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('article').length).toBeGreaterThan(countBefore);
    await user.click(shut[0]!);
    expect(screen.getAllByRole('article')).toHaveLength(countBefore);
  });

  it('filters by status, and follows the chosen period', async () => {
    const { user } = await openIndicators(await layoutA());
    await screen.findByText(/^Showing 14/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Not met');
    expect(shownRefs()).toEqual(['04']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All statuses');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Q1 2024/25');
    await waitFor(() => expect(within(card(/^01 /)).getByText('Not met')).toBeInTheDocument());
    expect(card(/^01 /)).toHaveTextContent('Q1 2024/25: 83 against a target of 92%');
  });

  it('selecting an indicator selects its row in the sheet', async () => {
    const { host, user } = await openIndicators(await layoutA());
    await screen.findByText(/^Showing 14/);
    const selections: unknown[] = [];
    host.onChange((_, selection) => selections.push(selection));
    await user.click(within(card(/^04 /)).getByRole('button', { name: 'Select row 9 in KPIs 2024-25' }));
    expect(selections).toEqual([{ sheet: 'KPIs 2024-25', address: 'A9:I9' }]);
  });

  it('"which way is better" is asked only where it was assumed; the officer’s answer is saved', async () => {
    const { host, user } = await openIndicators(await layoutA());
    await screen.findByText(/^Showing 14/);
    // 01 is "collected": the sheet says which way is better, so it is not asked.
    expect(within(card(/^01 /)).queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.getAllByRole('combobox', { name: /^Which way is better for / })).toHaveLength(1);
    const picker = within(card(/^10 /)).getByRole('combobox', { name: 'Which way is better for 10' });
    expect(card(/^10 /)).toHaveTextContent('Assumed: KPI Tracker could not tell from the sheet.');
    await user.selectOptions(picker, 'Lower is better');
    await waitFor(() => expect(readSettings(host.current()).settings.polarity).toEqual({ '10': 'lower' }));
    // Told, it is no longer an assumption, so no longer asked.
    await waitFor(() => expect(within(card(/^10 /)).queryByRole('combobox')).not.toBeInTheDocument());
  });

  it('filters by owner, and shows hostile text from the sheet literally', async () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          ['Tenancy KPIs 2024/25'],
          [],
          ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status', 'Commentary', 'Owner'],
          ['T1', '<img src=x onerror=alert(1)>', '96%', '98%', '97%', '', '', 'Jo Bloggs'],
          ['T2', '=HYPERLINK("http://evil.example","Click me")', '3%', '2%', '2.5%', '', '', '<script>alert(2)</script>'],
          ['T3', 'Homes with a valid gas safety certificate', '99%', '100%', '100%', '', '', ''],
        ],
      },
    ]);
    const { container, user } = await openIndicators(workbook);
    await screen.findByText(/^Showing 3/);
    expect(card(/^T1 /)).toHaveTextContent('T1 <img src=x onerror=alert(1)>');
    expect(card(/^T2 /)).toHaveTextContent('T2 =HYPERLINK("http://evil.example","Click me")');
    expect(card(/^T2 /)).toHaveTextContent('Owner: <script>alert(2)</script>');
    expect(container.querySelector('img, script, a[href]')).toBeNull();

    const owner = screen.getByRole('combobox', { name: 'Owner' });
    expect(
      within(owner)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All owners', '<script>alert(2)</script>', 'Jo Bloggs', 'No owner named']);
    await user.selectOptions(owner, 'Jo Bloggs');
    expect(screen.getAllByRole('article')).toHaveLength(1);
    await user.selectOptions(owner, 'No owner named');
    expect(screen.getAllByRole('article').map((a) => a.querySelector('h4')!.textContent)).toEqual([
      'T3 Homes with a valid gas safety certificate',
    ]);
    expect(await axe(container)).toHaveNoViolations();
  });
});
