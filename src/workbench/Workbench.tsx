import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { CalendarDate } from '../core/model/serial-dates';
import { isoFromDate } from '../core/model/serial-dates';
import type { Workbook } from '../core/model/workbook';
import { MemoryPaneHost } from '../hosts/memory/memory-pane-host';
import { App } from '../taskpane/App';
import type { PaneCore } from '../taskpane/pane-core';
import type { OfficeThemeColours } from '../taskpane/pane-theme';
import { ThemedPane } from '../taskpane/ThemedPane';
import { GridView, visibleSheets, type GridSelection } from './GridView';
import { DEFAULT_GENERATED_INDICATORS, SAMPLES, searchWithSample, type SampleId } from './options';
import { loadSample } from './samples';

// The page's own CSS, through Griffel like the rest: the Content-Security-Policy allows no inline <style>.
const usePageStyles = makeStaticStyles({
  'html, body, #container': { margin: 0, height: '100%' },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { alignSelf: 'center', marginRight: tokens.spacingHorizontalL },
  note: { alignSelf: 'center', color: tokens.colorNeutralForeground3 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  centre: { padding: tokens.spacingHorizontalXXL },
});

interface Loaded {
  readonly sample: SampleId;
  readonly host: MemoryPaneHost;
  /** Changes on every (re)load, so the pane starts afresh. */
  readonly generation: number;
}

export interface WorkbenchProps {
  readonly initialSample: SampleId;
  /** Office's theme, as the pane would be told it in Excel. */
  readonly officeTheme?: OfficeThemeColours;
  /** Where the pane's judging is done: its worker. */
  readonly core: PaneCore;
  /** How many indicators the `generated` sample has. */
  readonly indicators?: number;
  readonly today?: CalendarDate;
  readonly warnings?: readonly string[];
}

/**
 * The workbench: a sample workbook in a read-only grid beside the real task pane, with the
 * in-memory host where the add-in has Excel. Nothing leaves the browser tab.
 */
export function Workbench({
  initialSample,
  officeTheme,
  core,
  indicators = DEFAULT_GENERATED_INDICATORS,
  today,
  warnings = [],
}: WorkbenchProps) {
  usePageStyles();
  const styles = useStyles();
  const [sample, setSample] = useState<SampleId>(initialSample);
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [workbook, setWorkbook] = useState<Workbook | undefined>();
  const [activeSheet, setActiveSheet] = useState<string | undefined>();
  const [selection, setSelection] = useState<GridSelection | undefined>();

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    loadSample(sample, indicators).then(
      (book) => {
        if (cancelled) return;
        const host = new MemoryPaneHost(book);
        setLoaded({ sample, host, generation });
        setWorkbook(book);
        setActiveSheet(visibleSheets(book)[0]?.name);
        setSelection(undefined);
      },
      (reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sample, generation, indicators]);

  useEffect(() => {
    if (!loaded) return undefined;
    return loaded.host.onChange((book, selected) => {
      setWorkbook(book);
      if (selected) {
        setSelection(selected);
        setActiveSheet(selected.sheet);
      }
    });
  }, [loaded]);

  const onSample = useCallback((event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value as SampleId;
    window.history.replaceState(null, '', searchWithSample(window.location.search, next));
    setLoaded(undefined);
    setSample(next);
  }, []);

  const onReset = useCallback(() => {
    setLoaded(undefined);
    setGeneration((n) => n + 1);
  }, []);

  const offered = SAMPLES.some((s) => s.id === sample);

  return (
    <div className={styles.root}>
      <header className={styles.bar}>
        <Subtitle2 as="h1" className={styles.title}>
          KPI Tracker workbench
        </Subtitle2>
        <Field label="Sample workbook" orientation="horizontal">
          <Select value={sample} onChange={onSample}>
            {!offered && <option value={sample}>{sample}</option>}
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={onReset}>Reload sample</Button>
        <Caption1 className={styles.note}>
          {today ? `Today is fixed at ${isoFromDate(today)}. ` : ''}Changes stay in this browser tab and are lost on reload.
        </Caption1>
      </header>
      {warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.main}>
        <section className={styles.grid} aria-label="Workbook">
          {workbook && loaded ? (
            <GridView workbook={workbook} activeSheet={activeSheet} onActivate={setActiveSheet} selection={selection} />
          ) : error ? (
            <Body1 className={styles.centre}>No workbook is open.</Body1>
          ) : (
            <Spinner className={styles.centre} label="Opening the sample workbook…" />
          )}
        </section>
        <div className={styles.pane} data-testid="workbench-pane">
          <ThemedPane officeTheme={officeTheme}>
            {loaded && <App key={`${loaded.sample}#${loaded.generation}`} host={loaded.host} core={core} {...(today ? { today } : {})} />}
          </ThemedPane>
        </div>
      </div>
    </div>
  );
}
