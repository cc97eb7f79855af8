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
import { layoutA, renderPane, screen, within } from './pane-test-kit';

jest.setTimeout(60_000);

async function openIndicators(workbook: Workbook) {
  const host = new MemoryPaneHost(workbook);
  await host.saveSettings(withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(detectWorkbook(workbook).tables)));
  const rendered = renderPane(host);
  await rendered.user.click(await screen.findByRole('tab', { name: 'Indicators' }));
  await screen.findByRole('heading', { level: 2, name: 'Indicators' });
  return { host, ...rendered };
}

const card = (name: RegExp) => screen.getByRole('article', { name });

describe('Indicators view', () => {
  it('shows every indicator for the latest period: status chip with label and colour, actual against target, trend chart, reason', async () => {
    const { container } = await openIndicators(await layoutA());
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('Q2 2024/25');
    expect(within(screen.getByRole('list', { name: 'Indicators' })).getAllByRole('article')).toHaveLength(14);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 14 of 14 indicators');

    const first = card(/^01 /);
    const chip = within(first).getByText('Near miss');
    expect(chip).toHaveStyle({ backgroundColor: DEFAULT_COLOURS.near });
    expect(first).toHaveTextContent('Q2 2024/25: 90.2% against a target of 92% (-2%)');
    expect(within(first).getByRole('img', { name: 'Trend: 83%, 90.2%' })).toBeInTheDocument();
    expect(first).toHaveTextContent(/higher is better/i);
    expect(within(card(/^04 /)).getByText('Not met')).toHaveStyle({ backgroundColor: DEFAULT_COLOURS.missed });
    expect(await axe(container)).toHaveNoViolations();
  });

  it('filters by status, and follows the chosen period', async () => {
    const { user } = await openIndicators(await layoutA());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Not met');
    expect(
      within(screen.getByRole('list', { name: 'Indicators' }))
        .getAllByRole('article')
        .map((a) => a.getAttribute('aria-labelledby') && a.querySelector('h3')!.textContent!.slice(0, 2)),
    ).toEqual(['04']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All statuses');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Q1 2024/25');
    expect(within(card(/^01 /)).getByText('Not met')).toBeInTheDocument();
    expect(card(/^01 /)).toHaveTextContent('Q1 2024/25: 83 against a target of 92%');
  });

  it('selecting an indicator selects its row in the sheet', async () => {
    const { host, user } = await openIndicators(await layoutA());
    const selections: unknown[] = [];
    host.onChange((_, selection) => selections.push(selection));
    await user.click(within(card(/^04 /)).getByRole('button', { name: 'Select row 9 in KPIs 2024-25' }));
    expect(selections).toEqual([{ sheet: 'KPIs 2024-25', address: 'A9:I9' }]);
  });

  it('the officer can correct which way is better; it is saved and the verdict follows', async () => {
    const { host, user } = await openIndicators(await layoutA());
    await user.selectOptions(within(card(/^01 /)).getByRole('combobox', { name: 'Which way is better for 01' }), 'Lower is better');
    await waitFor(() => expect(within(card(/^01 /)).getByText('Met')).toBeInTheDocument());
    expect(readSettings(host.current()).settings.polarity).toEqual({ '01': 'lower' });
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
    expect(within(screen.getByRole('list', { name: 'Indicators' })).getAllByRole('article')).toHaveLength(1);
    await user.selectOptions(owner, 'No owner named');
    expect(
      within(screen.getByRole('list', { name: 'Indicators' }))
        .getAllByRole('article')
        .map((a) => a.querySelector('h3')!.textContent),
    ).toEqual(['T3 Homes with a valid gas safety certificate']);
    expect(await axe(container)).toHaveNoViolations();
  });
});
