import '../shared/zod-no-eval';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelPaneHost } from './excel-pane-host';
import { OutsideExcel } from './OutsideExcel';
import type { OfficeThemeColours } from './pane-theme';
import { ThemedPane } from './ThemedPane';
import { paneCoreForPage } from './worker-pane-core';

/** Office's theme now; undefined where the host does not tell. */
function officeThemeNow(): OfficeThemeColours | undefined {
  return Office.context?.officeTheme ?? undefined;
}

/** The pane inside Excel, in Office's theme, following it when the officer changes it. */
function PaneInExcel() {
  const [theme, setTheme] = useState(officeThemeNow);
  const [host] = useState(() => new ExcelPaneHost());
  useEffect(() => {
    // Not every Office host raises the event; there the theme is read when the pane opens.
    try {
      Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, () => setTheme({ ...officeThemeNow() }));
    } catch {}
  }, []);
  return (
    <ThemedPane officeTheme={theme}>
      <App host={host} core={paneCoreForPage()} />
    </ThemedPane>
  );
}

function render(inExcel: boolean): void {
  const container = document.getElementById('container');
  if (!container) throw new Error('KPI Tracker: the page has no #container element.');
  createRoot(container).render(
    <StrictMode>
      {inExcel ? (
        <PaneInExcel />
      ) : (
        <FluentProvider theme={webLightTheme}>
          <OutsideExcel />
        </FluentProvider>
      )}
    </StrictMode>,
  );
}

// Inside Excel wait for Office.js; in a plain browser (or if office.js could not be loaded)
// explain at once where the pane works. The workbench has its own entry with the in-memory host.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
