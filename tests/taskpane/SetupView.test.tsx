/** @jest-environment jsdom */
import './setup-dom';
import { axe } from 'jest-axe';
import { findSheet } from '../../src/core/model/workbook';
import { readSettings, SETTINGS_SHEET } from '../../src/core/settings/settings-store';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { paneOnLayoutA, renderPane, screen, within } from './pane-test-kit';

jest.setTimeout(60_000);

const table = (n: number) => screen.getByRole('region', { name: new RegExp(`^Table ${n}: `) });

/** Two tables of different shape on one sheet, each with its own header: two cards. */
const TWO_TABLES = buildWorkbook([
  {
    name: 'KPIs',
    rows: [
      ['Tenancy KPIs 2024/25'],
      [],
      ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target', 'Status'],
      ['T1', 'Rent collected as a % of rent due', '96%', '98%', '97%', ''],
      ['T2', 'Void rent loss', '2.1%', '1.9%', '2%', ''],
      [],
      ['Repairs KPIs 2024/25'],
      [],
      ['Measure', 'Annual Target 2024/25', 'Actual 2024/25', 'Status'],
      ['Emergency repairs done in 24 hours', '98%', '99%', ''],
    ],
  },
]);

describe('Set up view', () => {
  it('a first run opens with one line of what was found, and Continue at the top', async () => {
    const { container } = await paneOnLayoutA();
    const summary = screen.getByRole('status');
    expect(summary).toHaveTextContent(
      'Found 14 indicators in 1 table on sheet "KPIs 2024-25", with figures for Q1 2024/25 and Q2 2024/25.',
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons[0]).toHaveTextContent('Continue');
    expect(await axe(container)).toHaveNoViolations();
  });

  it('Continue saves the tables as found and moves to Run', async () => {
    const { host, user } = await paneOnLayoutA();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('tab', { name: 'Run', selected: true })).toBeInTheDocument();
    const saved = readSettings(host.current()).settings.tables;
    expect(saved.map((t) => t.headerRows[0])).toEqual([3, 8, 11, 16]);
    // Set up again: no first-run line now, the mapping was confirmed.
    await user.click(screen.getByRole('tab', { name: 'Set up' }));
    expect(screen.queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
    expect(screen.getByText(/mapping was confirmed before/)).toBeInTheDocument();
  });

  it('a header row repeated above four blocks is one table, read as one: its columns and all 14 indicators', async () => {
    const { container, user } = await paneOnLayoutA();
    expect(screen.getByText(/KPI Tracker found 1 table on 1 sheet/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Table 2: / })).not.toBeInTheDocument();
    const first = table(1);
    expect(within(first).getByRole('heading', { level: 3 })).toHaveTextContent('Table 1: KPIs 2024-25 A3:I25');
    expect(first).toHaveTextContent(
      'Indicators with a column per period, its header row repeated above 4 blocks. 14 indicators; periods Q1 2024/25, Q2 2024/25, Q3 2024/25, Q4 2024/25.',
    );
    expect(first).toHaveTextContent(
      'Columns: A Reference; B Indicator (description); C–F Actual for a period; G Target; H Status; I Commentary.',
    );
    // Sure tables show a summary; the pickers open on request.
    expect(within(first).queryByRole('combobox')).not.toBeInTheDocument();
    await user.click(within(first).getByRole('button', { name: 'Correct the column roles', expanded: false }));
    expect(within(first).getByRole('button', { name: 'Hide the column roles', expanded: true })).toBeInTheDocument();
    expect(within(first).getByRole('combobox', { name: 'Role of column C (Q1 2024/25)' })).toHaveValue('actual');
    expect(within(first).getByRole('combobox', { name: 'Role of column G (Annual Target 2024/25)' })).toHaveValue('target');
    expect(within(first).getByRole('combobox', { name: 'Role of column H (Status)' })).toHaveValue('status');
    expect(within(first).getByRole('checkbox', { name: 'Not a KPI table' })).not.toBeChecked();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('no developer words: no layout letter, no confidence percentage', async () => {
    await paneOnLayoutA();
    const pane = screen.getByRole('main');
    expect(pane).not.toHaveTextContent(/Layout [A-E]\b/);
    expect(pane).not.toHaveTextContent(/Confidence/);
    expect(pane).not.toHaveTextContent(/\d+%\./);
  });

  it('"Confirm mapping" saves the tables in the workbook\'s settings sheet and moves to Run', async () => {
    const { host, user } = await paneOnLayoutA();
    expect(findSheet(host.current(), SETTINGS_SHEET)).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Confirm mapping' }));
    expect(await screen.findByRole('tab', { name: 'Run', selected: true })).toBeInTheDocument();
    const sheet = findSheet(host.current(), SETTINGS_SHEET);
    expect(sheet?.visibility).toBe('veryHidden');
    const saved = readSettings(host.current());
    expect(saved.ok).toBe(true);
    expect(
      saved.settings.tables.map((t) => `${t.sheet} ${t.headerRows.join(',')} ${t.columns.map((c) => `${c.column}:${c.role}`).join(' ')}`),
    ).toEqual(
      [3, 8, 11, 16].map(
        (row) => `KPIs 2024-25 ${row} A:reference B:description C:actual D:actual E:actual F:actual G:target H:status I:commentary`,
      ),
    );
    expect(saved.settings.tables[0]!.columns[2]).toEqual({ column: 'C', header: 'Q1 2024/25', role: 'actual', period: 'Q1 2024/25' });
  });

  it('a corrected role is saved for every block of the table', async () => {
    const { host, user } = await paneOnLayoutA();
    await user.click(within(table(1)).getByRole('button', { name: 'Correct the column roles' }));
    await user.selectOptions(within(table(1)).getByRole('combobox', { name: 'Role of column I (Commentary)' }), 'Not used (leave alone)');
    expect(table(1)).toHaveTextContent(
      'Columns: A Reference; B Indicator (description); C–F Actual for a period; G Target; H Status; I not used.',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm mapping' }));
    await screen.findByRole('tab', { name: 'Run', selected: true });
    const tables = readSettings(host.current()).settings.tables;
    expect(tables).toHaveLength(4);
    for (const saved of tables) expect(saved.columns.map((c) => c.column)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  });

  it('a table marked "Not a KPI table" is what is saved, and can be included again', async () => {
    const host = new MemoryPaneHost(TWO_TABLES);
    const { user } = renderPane(host);
    await screen.findByRole('tab', { name: 'Set up', selected: true });
    expect(screen.getByRole('status')).toHaveTextContent('Found 3 indicators in 2 tables on sheet "KPIs"');
    await user.click(within(table(2)).getByRole('checkbox', { name: 'Not a KPI table' }));
    expect(within(table(2)).queryByRole('button', { name: 'Correct the column roles' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm mapping' }));
    await screen.findByRole('tab', { name: 'Run', selected: true });
    const tables = readSettings(host.current()).settings.tables;
    expect(tables[1]).toEqual(expect.objectContaining({ headerRows: [9], ignored: true }));
    expect(tables.filter((t) => !t.ignored)).toHaveLength(1);

    // Back on Set up, the set-aside table is listed and can be included again.
    await user.click(screen.getByRole('tab', { name: 'Set up' }));
    expect(screen.getByText(/KPI Tracker found 1 table/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Include the table at row 9 of KPIs again' }));
    await user.click(screen.getByRole('button', { name: 'Confirm mapping' }));
    await screen.findByRole('tab', { name: 'Run', selected: true });
    expect(readSettings(host.current()).settings.tables.filter((t) => t.ignored)).toEqual([]);
  });

  it('doubts are shown in a message bar for the officer to check', async () => {
    const workbook = buildWorkbook([
      {
        name: 'KPIs',
        rows: [
          ['Tenancy KPIs 2024/25'],
          [],
          ['Ref', 'Indicator', 'Q1 2024/25', 'Q2 2024/25', 'Target'],
          ['T1', 'Rent collected as a % of rent due', '96%', '98%', '97%'],
        ],
      },
    ]);
    renderPane(new MemoryPaneHost(workbook));
    await screen.findByRole('tab', { name: 'Set up', selected: true });
    const doubts = within(table(1)).getByText('Please check').closest('[role="group"]') as HTMLElement;
    expect(doubts).toHaveTextContent('There is no Status column');
    // A table with doubts opens with its pickers, so the officer can choose a Status column at once.
    expect(within(table(1)).getByRole('combobox', { name: 'Role of column A (Ref)' })).toHaveValue('reference');
  });

  it('text from the workbook is shown as text, never as markup', async () => {
    const workbook = buildWorkbook([
      {
        name: '<img src=x onerror=alert(1)>',
        rows: [
          ['=HYPERLINK("http://evil.example","Click me")'],
          [],
          ['Ref', 'Indicator', 'Q1 2024/25', 'Target', 'Status'],
          ['T1', '<b>Rent</b> collected', '96%', '97%', ''],
        ],
      },
    ]);
    const { container } = renderPane(new MemoryPaneHost(workbook));
    await screen.findByRole('tab', { name: 'Set up', selected: true });
    expect(table(1)).toHaveTextContent('Table 1: <img src=x onerror=alert(1)> A3:E4');
    expect(table(1)).toHaveTextContent('=HYPERLINK("http://evil.example","Click me")');
    expect(container.querySelector('img, b, a[href]')).toBeNull();
  });
});
