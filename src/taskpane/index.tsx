import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';

function render(inExcel: boolean): void {
  const container = document.getElementById('container');
  if (!container) throw new Error('KPI Tracker: the page has no #container element.');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App inExcel={inExcel} />
      </FluentProvider>
    </StrictMode>,
  );
}

// Inside Excel wait for Office.js; in a plain browser (or if office.js could
// not be loaded) render at once so the pane can still be seen and tested.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
