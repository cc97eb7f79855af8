import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { isDarkOfficeTheme, paneThemeFor, type OfficeThemeColours } from './pane-theme';

const useStyles = makeStyles({
  // The whole pane takes the theme's background, not only the part with content in it.
  frame: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
});

/** The pane in Fluent UI's light or dark theme, whichever Office's theme is. */
export function ThemedPane(props: { officeTheme: OfficeThemeColours | undefined; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={paneThemeFor(props.officeTheme)}
      className={styles.frame}
      data-theme={isDarkOfficeTheme(props.officeTheme) ? 'dark' : 'light'}
    >
      {props.children}
    </FluentProvider>
  );
}
