import '../shared/zod-no-eval';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelPaneHost } from './excel-pane-host';
import { OutsideExcel } from './OutsideExcel';

function render(inExcel: boolean): void {
  const container = document.getElementById('container');
  if (!container) throw new Error('KPI Tracker: the page has no #container element.');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>{inExcel ? <App host={new ExcelPaneHost()} /> : <OutsideExcel />}</FluentProvider>
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
