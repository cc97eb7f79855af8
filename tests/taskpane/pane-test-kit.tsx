/** Shared by the task-pane tests: the layout A sample in a MemoryPaneHost, and the pane rendered on it. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cellText } from '../../src/core/model/cell-text';
import { cellAt, findSheet, type Workbook } from '../../src/core/model/workbook';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { runKpiTracker, type RunOptions } from '../../src/core/run/run-kpi-tracker';
import { App } from '../../src/taskpane/App';
import { LocalPaneCore } from '../../src/taskpane/local-pane-core';
import type { PaneCore } from '../../src/taskpane/pane-core';
import { samplePath } from '../support/samples';

export const TODAY = { year: 2025, month: 1, day: 15 };
export const SHEET = 'KPIs 2024-25';

let sample: Promise<Workbook> | undefined;

/** The layout A sample (service plan, quarterly), read once per test file. */
export function layoutA(): Promise<Workbook> {
  sample ??= readXlsxFile(samplePath('service-plan-quarterly')).then(({ workbook }) => workbook);
  return sample;
}

/**
 * Renders the pane on `host`. The core runs in place (a Web Worker in the add-in and the
 * workbench answers the same calls alike; the browser tests run that one).
 */
export function renderPane(host: MemoryPaneHost, core: PaneCore = new LocalPaneCore()) {
  const user = userEvent.setup({ delay: null });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} core={core} today={TODAY} />
    </FluentProvider>,
  );
  return { user, core, ...view };
}

/** A run written into the host as the pane would write it, for setting a test up. */
export async function runInHost(host: MemoryPaneHost, options: RunOptions): Promise<void> {
  await host.write(runKpiTracker(host.current(), options).plan);
}

/** Renders the pane on the layout A sample and waits for it to read the workbook. */
export async function paneOnLayoutA(workbook?: Workbook) {
  const host = new MemoryPaneHost(workbook ?? (await layoutA()));
  const rendered = renderPane(host);
  await screen.findByRole('tablist', { name: 'KPI Tracker' });
  return { host, ...rendered };
}

/** The text of a cell of the host's workbook now, e.g. `text(host, 'H4')`. */
export function cellNow(host: MemoryPaneHost, address: string, sheet = SHEET): string {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = match[1]!.charCodeAt(0) - 65;
  const found = findSheet(host.current(), sheet);
  if (!found) throw new Error(`No sheet ${sheet}`);
  return cellText(cellAt(found, Number(match[2]) - 1, col));
}

export function region(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

export { screen, within };
