import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** What Office tells of its theme (Office.context.officeTheme), as far as the pane reads it. */
export interface OfficeThemeColours {
  /** Newer Office versions say outright. */
  readonly isDarkTheme?: boolean;
  /** `#RRGGBB`: the task pane's background in Office's theme. */
  readonly bodyBackgroundColor?: string;
}

function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** True when Office is dark (the Black or Dark Grey theme, or dark mode): by its word, else by its background. */
export function isDarkOfficeTheme(theme: OfficeThemeColours | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const shade = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  return shade !== undefined && shade < 0.5;
}

/** Fluent UI's theme for the pane, following Office's. */
export function paneThemeFor(theme: OfficeThemeColours | undefined): Theme {
  return isDarkOfficeTheme(theme) ? webDarkTheme : webLightTheme;
}
