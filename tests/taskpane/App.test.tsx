/** @jest-environment jsdom */
import './setup-dom';
import { act, render } from '@testing-library/react';
import { axe } from 'jest-axe';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { savedTablesFrom, withConfirmedTables } from '../../src/core/settings/confirm-mapping';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings-schema';
import { ExcelRunError } from '../../src/hosts/excel/excel-errors';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { currentNotices, dismissNotice, postNotice, requestView, takeRequestedView } from '../../src/shared/pane-bridge';
import { OutsideExcel } from '../../src/taskpane/OutsideExcel';
import { layoutA, paneOnLayoutA, renderPane, screen } from './pane-test-kit';

jest.setTimeout(60_000);

afterEach(() => {
  while (currentNotices().length > 0) dismissNotice(0);
  takeRequestedView();
});

async function confirmedHost(): Promise<MemoryPaneHost> {
  const workbook = await layoutA();
  const host = new MemoryPaneHost(workbook);
  await host.saveSettings(withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(detectWorkbook(workbook).tables)));
  return host;
}

describe('task pane App', () => {
  it('opens at "Set up" when the workbook has no confirmed mapping, with the four tabs', async () => {
    const { container } = await paneOnLayoutA();
    expect(screen.getByRole('heading', { level: 1, name: 'KPI Tracker' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab')).toHaveLength(4);
    for (const name of ['Set up', 'Run', 'Indicators', 'Settings']) expect(screen.getByRole('tab', { name })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Set up' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Set up');
    expect(await axe(container)).toHaveNoViolations();
  });

  it('opens at "Run" once the mapping is confirmed, and the tabs switch views', async () => {
    const { user } = renderPane(await confirmedHost());
    expect(await screen.findByRole('tab', { name: 'Run', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Run' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Indicators' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Indicators' })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Indicators');
    expect(await screen.findByText(/^Showing 14 of 14 indicators/)).toBeInTheDocument();
  });

  it('a view requested by a ribbon command wins, when the pane opens and while it is open', async () => {
    requestView('settings');
    renderPane(await confirmedHost());
    expect(await screen.findByRole('tab', { name: 'Settings', selected: true })).toBeInTheDocument();
    act(() => requestView('mapping'));
    expect(screen.getByRole('tab', { name: 'Set up', selected: true })).toBeInTheDocument();
    act(() => requestView('overview'));
    expect(screen.getByRole('tab', { name: 'Indicators', selected: true })).toBeInTheDocument();
    expect(await screen.findByText(/^Showing 14 of 14 indicators/)).toBeInTheDocument();
  });

  it('notices left by ribbon commands are shown at the top and can be dismissed', async () => {
    postNotice({ intent: 'info', title: 'Set up this workbook first', message: 'KPI Tracker has not been set up for this workbook yet.' });
    const { user, container } = await paneOnLayoutA();
    expect(screen.getByRole('region', { name: 'Messages from the ribbon' })).toHaveTextContent(
      'Set up this workbook firstKPI Tracker has not been set up for this workbook yet.',
    );
    act(() => postNotice({ intent: 'error', title: 'Recalculate status did not finish', message: '<img src=x onerror=alert(1)>' }));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
    await user.click(screen.getByRole('button', { name: 'Dismiss: Set up this workbook first' }));
    expect(screen.queryByText('Set up this workbook first')).not.toBeInTheDocument();
    expect(currentNotices()).toHaveLength(1);
  });

  it('a workbook that cannot be read is explained, and "Try again" reads it again', async () => {
    const host = await confirmedHost();
    const read = host.read.bind(host);
    let fail = true;
    host.read = async () => {
      if (fail)
        throw new ExcelRunError({
          code: 'InvalidOperationInCellEditMode',
          message: 'A cell is being edited. Press Enter or Esc, then try again.',
        });
      return read();
    };
    const { user, container } = renderPane(host);
    expect(await screen.findByText('The workbook could not be read')).toBeInTheDocument();
    expect(screen.getByText(/A cell is being edited\. Press Enter or Esc, then try again\. Nothing was changed\./)).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('tab', { name: 'Run', selected: true })).toBeInTheDocument();
  });

  it('outside Excel, the add-in page explains where the pane works', async () => {
    const { container } = render(<OutsideExcel />);
    expect(screen.getByRole('heading', { level: 1, name: 'KPI Tracker' })).toBeInTheDocument();
    expect(container).toHaveTextContent('npm run workbench');
    expect(await axe(container)).toHaveNoViolations();
  });
});
