import type { PaneView } from '../shared/pane-bridge';

export type PaneTab = 'setup' | 'run' | 'indicators' | 'settings';

/** The tabs, in order, with their names exactly as shown. */
export const PANE_TABS: ReadonlyArray<{ readonly value: PaneTab; readonly name: string }> = [
  { value: 'setup', name: 'Set up' },
  { value: 'run', name: 'Run' },
  { value: 'indicators', name: 'Indicators' },
  { value: 'settings', name: 'Settings' },
];

/** The tab a ribbon command's request stands for. */
export const TAB_OF_VIEW: Readonly<Record<PaneView, PaneTab>> = {
  mapping: 'setup',
  run: 'run',
  overview: 'indicators',
  settings: 'settings',
};
