import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CalendarDate } from '../core/model/serial-dates';
import type { Settings } from '../core/settings/settings-schema';
import { subscribe, takeRequestedView } from '../shared/pane-bridge';
import { PaneNotices } from './components/PaneNotices';
import { errorText } from './error-text';
import type { PaneCore } from './pane-core';
import type { PaneHost } from './pane-host';
import { PANE_TABS, TAB_OF_VIEW, type PaneTab } from './pane-tabs';
import { effectivePeriod } from './periods';
import { todayHere } from '../shared/today';
import { usePaneData } from './use-pane-data';
import { IndicatorsView } from './views/IndicatorsView';
import { RunView } from './views/RunView';
import { SettingsView } from './views/SettingsView';
import { SetupView } from './views/SetupView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '640px',
    minWidth: 0,
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
  },
  title: {
    margin: 0,
  },
  tabs: {
    flexWrap: 'wrap',
  },
});

const PANEL_ID = 'kpi-tracker-panel';
const tabId = (tab: PaneTab) => `kpi-tracker-tab-${tab}`;

/**
 * The KPI Tracker task pane. It reaches the workbook only through `host`: Excel in the add-in,
 * an in-memory workbook in the workbench and the tests. The judging is done by `core`: in a Web
 * Worker in the add-in and the workbench, in place in the tests.
 */
export function App(props: { host: PaneHost; core: PaneCore; today?: CalendarDate }) {
  const { host, core } = props;
  const styles = useStyles();
  const given = props.today;
  const today = useMemo(() => given ?? todayHere(), [given?.year, given?.month, given?.day]);
  const { state, reload } = usePaneData(host, core, today);
  const [chosenTab, setChosenTab] = useState<PaneTab | null>(null);
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null);

  // A ribbon command may ask for a view: now (the pane opened for it) or later (it was open).
  useEffect(() => {
    const take = () => {
      const view = takeRequestedView();
      if (view) setChosenTab(TAB_OF_VIEW[view]);
    };
    take();
    return subscribe(take);
  }, []);

  const data = state.data;
  const tab: PaneTab | null = chosenTab ?? (data ? (data.settings.tables.length === 0 ? 'setup' : 'run') : null);
  const period = data ? effectivePeriod(data.periods, data.latestPeriod, chosenPeriod) : null;

  const saveSettings = useCallback(
    async (settings: Settings) => {
      await host.saveSettings(settings);
      await reload();
    },
    [host, reload],
  );

  const confirmMapping = useCallback(
    async (settings: Settings) => {
      await saveSettings(settings);
      setChosenTab('run');
    },
    [saveSettings],
  );

  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        KPI Tracker
      </Title2>
      <PaneNotices />
      {state.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The workbook could not be read</MessageBarTitle>
            {errorText(state.error)} Nothing was changed. If a cell is being edited, press Enter or Esc, then try again.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void reload()}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!data && state.kind === 'loading' && (
        <Spinner label={state.stage === 'reading' ? 'Reading the workbook…' : 'Judging each indicator…'} />
      )}
      {data && tab && (
        <>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setChosenTab(d.value as PaneTab)}
            aria-label="KPI Tracker"
          >
            {PANE_TABS.map((t) => (
              <Tab key={t.value} value={t.value} id={tabId(t.value)} {...(t.value === tab ? { 'aria-controls': PANEL_ID } : {})}>
                {t.name}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(tab)}>
            {tab === 'setup' && <SetupView key={data.version} data={data} onConfirm={confirmMapping} />}
            {tab === 'run' && (
              <RunView
                host={host}
                core={core}
                data={data}
                today={today}
                period={period}
                onPeriodChange={setChosenPeriod}
                onChanged={reload}
                onSetUp={() => setChosenTab('setup')}
              />
            )}
            {tab === 'indicators' && (
              <IndicatorsView
                host={host}
                core={core}
                data={data}
                period={period}
                onPeriodChange={setChosenPeriod}
                onSaveSettings={saveSettings}
              />
            )}
            {tab === 'settings' && <SettingsView core={core} data={data} period={period} today={today} onSave={saveSettings} />}
          </div>
        </>
      )}
    </main>
  );
}
