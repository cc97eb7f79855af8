/** The pane follows Office's theme: Fluent's dark theme when Office is dark. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { isDarkOfficeTheme, paneThemeFor } from '../../src/taskpane/pane-theme';

it.each([
  [{ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' }, true],
  [{ isDarkTheme: false, bodyBackgroundColor: '#262626' }, false],
  [{ bodyBackgroundColor: '#262626' }, true],
  [{ bodyBackgroundColor: '#444444' }, true],
  [{ bodyBackgroundColor: '#E6E6E6' }, false],
  [{ bodyBackgroundColor: '#FFFFFF' }, false],
  [{}, false],
  [undefined, false],
])("Office's theme %j is dark: %s (its own word first, else its background's shade)", (theme, dark) => {
  expect(isDarkOfficeTheme(theme)).toBe(dark);
  expect(paneThemeFor(theme)).toBe(dark ? webDarkTheme : webLightTheme);
});
