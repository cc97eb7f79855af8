/** @jest-environment jsdom */
import './setup-dom';
import { waitFor } from '@testing-library/react';
import { axe } from 'jest-axe';
import { cellAt, findSheet, type Cell, type Workbook } from '../../src/core/model/workbook';
import { runKpiTracker, type RunOptions, type RunResult } from '../../src/core/run/run-kpi-tracker';
import { LocalPaneCore } from '../../src/taskpane/local-pane-core';
import { RunCancelled, type PaneCore, type RunOutcome, type RunStage } from '../../src/taskpane/pane-core';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import { savedTablesFrom, withConfirmedTables } from '../../src/core/settings/confirm-mapping';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings-schema';
import { readSettings } from '../../src/core/settings/settings-store';
import { cellText } from '../../src/core/model/cell-text';
import { ExcelRunError } from '../../src/hosts/excel/excel-errors';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { cellNow, layoutA, region, renderPane, screen, SHEET, TODAY, within } from './pane-test-kit';

jest.setTimeout(60_000);

/** The layout A sample with its mapping confirmed, as after the Set up step. */
async function setUpHost(change?: (workbook: Workbook) => Workbook): Promise<MemoryPaneHost> {
  const sample = await layoutA();
  const workbook = change ? change(sample) : sample;
  const host = new MemoryPaneHost(workbook);
  await host.saveSettings(withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(detectWorkbook(workbook).tables)));
  return host;
}

function withCell(workbook: Workbook, address: string, cell: Cell): Workbook {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return {
    sheets: workbook.sheets.map((sheet) => {
      if (sheet.name !== SHEET) return sheet;
      const rows = sheet.rows.map((r) => (r ? [...r] : r));
      (rows[row] ??= [])[col] = cell;
      return { ...sheet, rows };
    }),
  };
}

/**
 * The core as the worker is seen from the page: a run waits at "finding tables" until released,
 * and Cancel stops it there (the worker is stopped; its call fails with RunCancelled).
 */
class GatedCore extends LocalPaneCore {
  readonly calls: RunOptions[] = [];
  private open!: () => void;
  private stop!: (error: unknown) => void;
  private readonly gate = new Promise<void>((resolve, reject) => {
    this.open = resolve;
    this.stop = reject;
  });

  release(): void {
    this.open();
  }

  override async plan(workbook: Workbook, options: RunOptions, onStage?: (stage: RunStage) => void): Promise<RunOutcome> {
    this.calls.push(options);
    onStage?.('finding tables');
    await this.gate;
    return super.plan(workbook, options, onStage);
  }

  override cancel(): void {
    this.stop(new RunCancelled());
  }
}

async function openRun(host: MemoryPaneHost, core?: PaneCore) {
  const rendered = renderPane(host, core);
  await screen.findByRole('tab', { name: 'Run', selected: true });
  await waitFor(() => expect(within(region('Preview')).getByText(/Recalculate status:/)).toBeInTheDocument());
  return rendered;
}

const STEPS = { statuses: true, actionPlan: true, committee: true };
const core = (workbook: Workbook, period: string): RunResult =>
  runKpiTracker(workbook, { today: TODAY, now: '2025-01-15T09:00:00Z', command: 'test', period, steps: STEPS });

describe('Run view', () => {
  it('previews the changes for the latest period with figures, then "Recalculate status" writes the brief\'s reference verdicts', async () => {
    const host = await setUpHost();
    const { user, container } = await openRun(host);
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('Q2 2024/25');
    expect(
      within(screen.getByRole('combobox', { name: 'Period' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Q1 2024/25', 'Q2 2024/25']);

    const expected = core(host.current(), 'Q2 2024/25');
    const statusCells = expected.plan.edits.filter((e) => e.purpose === 'status').length;
    const commentaryCells = expected.plan.edits.filter((e) => e.purpose === 'commentary').length;
    const preview = region('Preview');
    expect(preview).toHaveTextContent(`${statusCells} status cells and ${commentaryCells} commentary cells would change`);
    expect(expected.actions.length).toBe(1);
    expect(preview).toHaveTextContent(`Build action plan: 1 action on "KPI action plan"`);
    expect(preview).toHaveTextContent('"Committee Q2 2024-25" would be built');
    expect(cellNow(host, 'H4')).toBe('');
    expect(await axe(container)).toHaveNoViolations();

    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    await screen.findByRole('heading', { name: 'Done: Recalculate status' });
    expect({
      H4: cellNow(host, 'H4'),
      H5: cellNow(host, 'H5'),
      H6: cellNow(host, 'H6'),
      H9: cellNow(host, 'H9'),
      H12: cellNow(host, 'H12'),
      H13: cellNow(host, 'H13'),
    }).toEqual({
      H4: 'Near miss',
      H5: 'Met',
      H6: 'Near miss',
      H9: 'Not met',
      H12: 'No data',
      H13: 'Met',
    });
    // Only statuses and commentary: no committee sheet, no action plan.
    expect(host.current().sheets.map((s) => s.name)).not.toContain('Committee Q2 2024-25');
    // The preview is worked out again: nothing is left to change.
    await waitFor(() => expect(region('Preview')).toHaveTextContent('0 status cells and 0 commentary cells would change'));
    expect(await axe(container)).toHaveNoViolations();
  });

  it('the result lists each changed range with a "Show" button that selects it', async () => {
    const host = await setUpHost();
    const selections: Array<{ sheet: string; address: string } | undefined> = [];
    host.onChange((_, selection) => selections.push(selection));
    const { user } = await openRun(host);
    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    const list = await screen.findByRole('list', { name: 'Changed ranges' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Status cells: KPIs 2024-25 H4:H6');
    expect(list).toHaveTextContent('Commentary cells: KPIs 2024-25 I5:I6');
    expect(list).toHaveTextContent('Change log: KPI Tracker change log');
    await user.click(within(list).getByRole('button', { name: 'Show status cells KPIs 2024-25 H4:H6' }));
    expect(selections.at(-1)).toEqual({ sheet: SHEET, address: 'H4:H6' });
  });

  it('a chosen period is previewed and written: Q1 gives 01 Not met, 03 Met, 05 Not met, 10 Met, 14 Met', async () => {
    const host = await setUpHost();
    const { user } = await openRun(host);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Q1 2024/25');
    await waitFor(() => expect(region('Preview')).toHaveTextContent('Committee Q1 2024-25'));
    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    await screen.findByRole('heading', { name: 'Done: Recalculate status' });
    expect(['H4', 'H6', 'H12', 'H21', 'H25'].map((a) => cellNow(host, a))).toEqual(['Not met', 'Met', 'Not met', 'Met', 'Met']);
  });

  it('"Generate committee sheet" and "Build action plan" build their sheets for the chosen period; "Recalculate, plan and report" does everything', async () => {
    const host = await setUpHost();
    const { user } = await openRun(host);
    await user.click(screen.getByRole('button', { name: 'Generate committee sheet' }));
    await screen.findByRole('heading', { name: 'Done: Generate committee sheet' });
    expect(host.current().sheets.map((s) => s.name)).toContain('Committee Q2 2024-25');
    expect(cellNow(host, 'H4')).toBe('');

    await user.click(screen.getByRole('button', { name: 'Build action plan' }));
    await screen.findByRole('heading', { name: 'Done: Build action plan' });
    expect(host.current().sheets.map((s) => s.name)).toContain('KPI action plan');
    expect(cellNow(host, 'H4')).toBe('');

    await user.click(screen.getByRole('button', { name: 'Recalculate, plan and report' }));
    await screen.findByRole('heading', { name: 'Done: Recalculate, plan and report' });
    expect(cellNow(host, 'H4')).toBe('Near miss');
    expect(cellNow(host, 'H9')).toBe('Not met');
  });

  it('asks for the committee and the meeting date beside "Generate committee sheet", prints them, and keeps them', async () => {
    const host = await setUpHost();
    const { user, container } = await openRun(host);
    const details = screen.getByRole('group', { name: 'Committee sheet details' });
    const buttons = screen.getByRole('group', { name: 'Run' });
    // Beside the buttons: the fields come straight before them.
    expect(details.nextElementSibling).toBe(buttons);
    // Nothing set yet: the sheet leaves the line out rather than printing a placeholder.
    await user.click(within(buttons).getByRole('button', { name: 'Generate committee sheet' }));
    await screen.findByRole('heading', { name: 'Done: Generate committee sheet' });
    const line2 = () => cellText(cellAt(findSheet(host.current(), 'Committee Q2 2024-25')!, 1, 0));
    expect(line2()).toMatch(/^Prepared /);

    await user.type(within(details).getByRole('textbox', { name: 'Committee' }), 'Regulatory and Support Services Committee');
    await user.type(within(details).getByRole('textbox', { name: 'Meeting date' }), '15 January 2025');
    await user.click(within(buttons).getByRole('button', { name: 'Generate committee sheet' }));
    await waitFor(() => expect(line2()).toBe('Committee: Regulatory and Support Services Committee   ·   Meeting: 15 January 2025'));
    expect(readSettings(host.current()).settings.committee).toEqual({
      name: 'Regulatory and Support Services Committee',
      meetingDate: '15 January 2025',
    });
    expect(await axe(container)).toHaveNoViolations();

    // An emptied field is cleared from the sheet and the workbook too.
    await user.clear(within(details).getByRole('textbox', { name: 'Meeting date' }));
    await user.click(within(buttons).getByRole('button', { name: 'Generate committee sheet' }));
    await waitFor(() => expect(line2()).toBe('Committee: Regulatory and Support Services Committee'));
    expect(readSettings(host.current()).settings.committee).toEqual({ name: 'Regulatory and Support Services Committee' });
  });

  it('shows the stage a run has reached with a progress bar, and the steps asked for reach the core', async () => {
    const host = await setUpHost();
    const core = new GatedCore();
    const { user, container } = await openRun(host, core);
    await user.click(screen.getByRole('button', { name: 'Recalculate, plan and report' }));
    const bar = await screen.findByRole('progressbar', { name: 'Recalculate, plan and report: finding the KPI tables…' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0.25);
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(0.5);
    expect(screen.getByRole('button', { name: 'Recalculate status' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(await axe(container)).toHaveNoViolations();
    core.release();
    await screen.findByRole('heading', { name: 'Done: Recalculate, plan and report' });
    expect(screen.queryByRole('progressbar', { name: /Recalculate, plan and report:/ })).not.toBeInTheDocument();
    expect(core.calls).toEqual([expect.objectContaining({ period: 'Q2 2024/25', steps: STEPS, today: TODAY })]);
  });

  it('Cancel stops a run before it writes: nothing is written, and it says so', async () => {
    const host = await setUpHost();
    const core = new GatedCore();
    const { user } = await openRun(host, core);
    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    await screen.findByRole('progressbar', { name: 'Recalculate status: finding the KPI tables…' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Recalculate status was cancelled. Nothing was written.')).toBeInTheDocument();
    expect(cellNow(host, 'H4')).toBe('');
    expect(screen.getByRole('button', { name: 'Recalculate status' })).toBeEnabled();
    expect(screen.queryByRole('heading', { name: /^Done:/ })).not.toBeInTheDocument();
  });

  it('once writing has started, Cancel is no longer offered: the run finishes', async () => {
    const host = await setUpHost();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = host.write.bind(host);
    host.write = async (plan) => {
      await gate;
      return write(plan);
    };
    const { user } = await openRun(host);
    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    await screen.findByRole('progressbar', { name: 'Recalculate status: writing to the workbook…' });
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    release();
    await screen.findByRole('heading', { name: 'Done: Recalculate status' });
    expect(cellNow(host, 'H4')).toBe('Near miss');
  });

  it('an error from Excel is shown in plain words with what to do next, and no result is claimed', async () => {
    const host = await setUpHost();
    host.write = async () => {
      throw new ExcelRunError({
        code: 'AccessDenied',
        message: "Excel refused the change: a sheet or the workbook's structure may be protected, or the workbook is read-only.",
      });
    };
    const { user, container } = await openRun(host);
    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    const title = await screen.findByText('Recalculate status did not finish');
    const bar = title.closest('[role="group"]') ?? title.parentElement!.parentElement!;
    expect(bar).toHaveTextContent("Excel refused the change: a sheet or the workbook's structure may be protected");
    expect(bar).toHaveTextContent('Running it again is safe');
    expect(screen.queryByRole('heading', { name: /^Done:/ })).not.toBeInTheDocument();
    expect(cellNow(host, 'H4')).toBe('');
    expect(await axe(container)).toHaveNoViolations();
  });

  it("the preview names what is left alone: a formula, an officer's own words in a status cell", async () => {
    const host = await setUpHost((workbook) =>
      withCell(withCell(workbook, 'H5', { value: { kind: 'text', value: 'Awaiting audit' } }), 'H6', {
        value: { kind: 'text', value: 'Met' },
        formula: 'IF(E6<=G6,"Met","Not met")',
      }),
    );
    await openRun(host);
    const preview = region('Preview');
    expect(preview).toHaveTextContent('Formula left alone (1)');
    expect(preview).toHaveTextContent('KPIs 2024-25!H6: H6 holds a formula');
    expect(preview).toHaveTextContent('Your words kept (1)');
    expect(preview).toHaveTextContent('"Awaiting audit"');
  });

  it('a mapping that no longer fits is a refusal: the preview says nothing can be written, and a run writes nothing', async () => {
    const host = await setUpHost();
    // The officer renames the Q1 header after confirming the mapping.
    const renamed = withCell(host.current(), 'C3', { value: { kind: 'text', value: 'April to June' } });
    const moved = new MemoryPaneHost(renamed);
    const { user } = await openRun(moved);
    expect(region('Preview')).toHaveTextContent('Nothing can be written yet');
    await user.click(screen.getByRole('button', { name: 'Recalculate status' }));
    await screen.findByText('Recalculate status: nothing was written');
    expect(cellAt(findSheet(moved.current(), SHEET)!, 3, 7).value.kind).toBe('empty');
  });
});
