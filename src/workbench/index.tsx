// First, before any module that builds zod schemas: no eval under the page's CSP.
import '../shared/zod-no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { paneCoreForPage } from '../taskpane/worker-pane-core';
import { OFFICE_THEMES, optionsFromSearch } from './options';
import { Workbench } from './Workbench';

// The browser workbench: the add-in's own task pane (src/taskpane/App) beside a grid view of a
// sample workbook, with the in-memory host where the add-in has Excel. See webpack.workbench.js.
const container = document.getElementById('container');
if (!container) throw new Error('KPI Tracker workbench: the page has no #container element.');
const options = optionsFromSearch(window.location.search);
createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <Workbench
        initialSample={options.sample}
        officeTheme={OFFICE_THEMES[options.theme]}
        core={paneCoreForPage()}
        indicators={options.indicators}
        {...(options.today ? { today: options.today } : {})}
        warnings={options.warnings}
      />
    </FluentProvider>
  </StrictMode>,
);
