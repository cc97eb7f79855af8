/** @jest-environment jsdom */
import './setup-dom';
import { waitFor } from '@testing-library/react';
import { axe } from 'jest-axe';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { savedTablesFrom, withConfirmedTables } from '../../src/core/settings/confirm-mapping';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings-schema';
import { readSettings } from '../../src/core/settings/settings-store';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { cellNow, layoutA, region, renderPane, runInHost, screen, TODAY, within } from './pane-test-kit';

jest.setTimeout(60_000);

async function setUpHost(options: { recalculated?: boolean } = {}): Promise<MemoryPaneHost> {
  const workbook = await layoutA();
  const host = new MemoryPaneHost(workbook);
  await host.saveSettings(withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(detectWorkbook(workbook).tables)));
  if (options.recalculated) {
    await runInHost(host, {
      today: TODAY,
      now: '2025-01-15T09:00:00Z',
      command: 'test',
      period: 'Q2 2024/25',
      steps: { statuses: true, actionPlan: false, committee: false },
    });
  }
  return host;
}

async function openSettings(host: MemoryPaneHost) {
  const rendered = renderPane(host);
  await rendered.user.click(await screen.findByRole('tab', { name: 'Settings' }));
  await screen.findByRole('heading', { level: 2, name: 'Settings' });
  return rendered;
}

const template = (status: string) => screen.getByRole('textbox', { name: `Template for ${status}` });

describe('Settings view', () => {
  it('has the tolerance, a label, colour and template per status, and who prepared the paper; no accessibility violations', async () => {
    const { container } = await openSettings(await setUpHost());
    expect(screen.getByRole('combobox', { name: 'Tolerance rule' })).toHaveValue('relative');
    expect(screen.getByRole('spinbutton', { name: 'Tolerance (%)' })).toHaveValue(5);
    expect(screen.getByText('Near miss: within 5% of the target (the edge counts as a near miss).')).toBeInTheDocument();
    for (const status of ['Met', 'Near miss', 'Not met', 'Not due yet', 'Overdue', 'No data', 'No target', "Can't read"]) {
      expect(screen.getByRole('textbox', { name: `Label for ${status}` })).toBeInTheDocument();
      expect(screen.getByLabelText(`Colour for ${status}`)).toHaveAttribute('type', 'color');
      expect(template(status)).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Label for Met' })).toHaveValue('Met');
    for (const name of ['Service', 'Prepared by']) expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    // The committee and the meeting date are asked for beside "Generate committee sheet", not here.
    for (const name of ['Committee', 'Meeting date']) expect(screen.queryByRole('textbox', { name })).not.toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('the template preview renders the template on a real indicator, and changes as the officer types', async () => {
    const { user } = await openSettings(await setUpHost());
    const preview = region('Template preview');
    // 02 is Met in Q2 2024/25.
    expect(within(preview).getByRole('combobox', { name: 'Indicator for the preview' })).toHaveDisplayValue(/^02 /);
    expect(preview).toHaveTextContent('Q2 2024/25: 3.27% against a target of 3.5% (-0.2%). Target met, worse than the previous period.');

    await user.clear(template('Met'));
    await user.type(template('Met'), '{{ref} is on target at {{actual} (target {{target}).');
    expect(region('Template preview')).toHaveTextContent('02 is on target at 3.27% (target 3.5%).');

    // The preview follows the template being edited, on an indicator with that status (04 is Not met).
    await user.click(template('Not met'));
    expect(region('Template preview')).toHaveTextContent('Template for Not met');
    expect(within(region('Template preview')).getByRole('combobox', { name: 'Indicator for the preview' })).toHaveDisplayValue(/^04 /);
    expect(region('Template preview')).toHaveTextContent(
      'Q2 2024/25: 5.5% against a target of 4% (+2%). Target not met, worse than the previous period; see the action plan.',
    );
    // Any indicator can be chosen; the template is shown as if it had that status.
    await user.selectOptions(
      within(region('Template preview')).getByRole('combobox', { name: 'Indicator for the preview' }),
      within(region('Template preview')).getByRole('option', { name: /^01 / }),
    );
    expect(region('Template preview')).toHaveTextContent('(shown as if it were "Not met")');
    expect(region('Template preview')).toHaveTextContent(
      'Q2 2024/25: 90.2% against a target of 92% (-2%). Target not met, improving on the previous period; see the action plan.',
    );
  });

  it('an unknown {field} is shown as an error and the settings are not saved', async () => {
    const host = await setUpHost();
    const { user } = await openSettings(host);
    await user.clear(template('Met'));
    await user.type(template('Met'), 'Achieved {{actuals}');
    expect(screen.getByText(/\{actuals\} is not a field KPI Tracker knows; use \{indicator\}/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('The settings were not saved')).toBeInTheDocument();
    expect(screen.getByText(/Template for Met: \{actuals\} is not a field/)).toBeInTheDocument();
    expect(readSettings(host.current()).settings.templates).toEqual({});
  });

  it('"Save settings" validates and saves tolerance, labels, colours, templates and committee details in the workbook', async () => {
    const host = await setUpHost();
    const { user } = await openSettings(host);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tolerance rule' }), 'Within percentage points of a rate');
    await user.clear(screen.getByRole('spinbutton', { name: 'Tolerance in percentage points' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Tolerance in percentage points' }), '0.25');
    await user.clear(screen.getByRole('textbox', { name: 'Label for Met' }));
    await user.type(screen.getByRole('textbox', { name: 'Label for Met' }), 'On target');
    await user.clear(template('Not met'));
    await user.type(template('Not met'), '{{period}: off target ({{variance}).');
    await user.type(screen.getByRole('textbox', { name: 'Service' }), 'Housing Management & Enforcement');
    await user.type(screen.getByRole('textbox', { name: 'Prepared by' }), 'Performance Team');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved in the workbook. The next run uses them.')).toBeInTheDocument();
    const saved = readSettings(host.current()).settings;
    expect(saved.tolerance).toEqual({ rule: 'points', points: 0.25, percent: 5 });
    expect(saved.labels).toEqual({ met: 'On target' });
    expect(saved.colours).toEqual({});
    expect(saved.templates).toEqual({ missed: '{period}: off target ({variance}).' });
    expect(saved.committee).toEqual({ service: 'Housing Management & Enforcement', preparedBy: 'Performance Team' });
    expect(saved.tables).toHaveLength(4);

    // An empty label is refused in words.
    await user.clear(screen.getByRole('textbox', { name: 'Label for Near miss' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Label for Near miss: a label cannot be empty/)).toBeInTheDocument();
  });

  it('hostile text typed into a template is previewed as literal text', async () => {
    const { user, container } = await openSettings(await setUpHost());
    await user.clear(template('Met'));
    await user.type(template('Met'), '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")');
    expect(region('Template preview')).toHaveTextContent('<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")');
    expect(container.querySelector('img, a[href]')).toBeNull();
  });

  it('"Sign off period" freezes the status cells as they read; the Run preview then says what a recalculation would change', async () => {
    const host = await setUpHost({ recalculated: true });
    expect(cellNow(host, 'H4')).toBe('Near miss');
    const { user, container } = await openSettings(host);
    expect(screen.getByRole('combobox', { name: 'Period to sign off' })).toHaveValue('Q2 2024/25');
    await user.click(screen.getByRole('button', { name: 'Sign off period' }));
    expect(await screen.findByText('Q2 2024/25 signed off')).toBeInTheDocument();
    const signOffs = readSettings(host.current()).settings.signOffs;
    expect(signOffs).toHaveLength(1);
    expect(signOffs[0]).toEqual(expect.objectContaining({ period: 'Q2 2024/25', signedOffOn: '2025-01-15' }));
    expect(signOffs[0]!.statuses['KPIs 2024-25!H4']).toEqual({ status: 'near', label: 'Near miss' });
    expect(signOffs[0]!.statuses['KPIs 2024-25!H9']).toEqual({ status: 'missed', label: 'Not met' });
    expect(screen.getByRole('list', { name: 'Signed-off periods' })).toHaveTextContent('Q2 2024/25: signed off on 2025-01-15');
    expect(await axe(container)).toHaveNoViolations();

    // A tighter tolerance would now rate 01 (90.2% against 92%) Not met; the signed-off cell stays.
    await user.clear(screen.getByRole('spinbutton', { name: 'Tolerance (%)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Tolerance (%)' }), '1');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved in the workbook. The next run uses them.');
    await user.click(screen.getByRole('tab', { name: 'Run' }));
    await waitFor(() => expect(region('Preview')).toHaveTextContent('Signed-off period kept'));
    expect(region('Preview')).toHaveTextContent(
      '01: Q2 2024/25 was signed off as "Near miss"; recalculating now would make it "Not met". Left as signed off.',
    );
  });
});
