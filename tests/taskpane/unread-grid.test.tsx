/** @jest-environment jsdom */
/**
 * Never silent (issue 14), in the pane: the set-up view names a grid nothing could be read from,
 * with its sheet and range. Sandwell Metropolitan Borough Council's parking report 2015/16.
 */
import './setup-dom';
import { join } from 'node:path';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { CASES_DIR, readCase } from '../corpus-real/real-corpus';
import { renderPane, screen } from './pane-test-kit';

jest.setTimeout(60_000);

test('the set-up view names the grid KPI Tracker could not read', async () => {
  const name = 'council-sandwell-parking-annual-report-2015-16.txt';
  renderPane(new MemoryPaneHost(readCase(join(CASES_DIR, name), name).workbook));
  await screen.findByRole('tablist', { name: 'KPI Tracker' });
  expect(
    await screen.findByText(
      "'Sheet1'!A2:B10 looks like KPIs, but no table could be read there: choose its columns (or mark it as not a KPI table).",
    ),
  ).toBeInTheDocument();
});
