/** The task pane renders with Fluent UI outside Excel (server-side, no DOM needed). */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';

describe('task pane App', () => {
  it('shows the KPI Tracker heading', () => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <App inExcel />
      </FluentProvider>,
    );
    expect(html).toMatch(/<h1[^>]*>KPI Tracker<\/h1>/);
  });

  it('says when it is not running in Excel', () => {
    const outside = renderToString(<App inExcel={false} />);
    const inside = renderToString(<App inExcel />);
    expect(outside).toContain('Not running in Excel');
    expect(inside).not.toContain('Not running in Excel');
  });
});
