import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Settings } from '../../core/settings/settings-schema';
import { ErrorBar } from '../components/ErrorBar';
import { TableMappingCard } from '../components/TableMappingCard';
import { firstRunSummary } from '../first-run-summary';
import { confirmedSettings, ignoredKey, initialChoices, type TableChoice } from '../mapping-edit';
import { tableGroups } from '../table-groups';
import type { PaneData } from '../pane-core';
import { usePaneStyles } from '../pane-styles';
import { count } from '../words';

/**
 * Set up: what was found and how it was read; the officer corrects column roles or sets a table
 * aside, and confirms. The mapping is saved in the workbook, and every run uses it from then on.
 * On a first run it opens with one line of what was found and Continue, which takes the tables
 * as found: most workbooks need nothing more.
 */
export function SetupView(props: { data: PaneData; onConfirm: (settings: Settings) => Promise<void> }) {
  const { detection, settings, periods } = props.data;
  const styles = usePaneStyles();
  const [choices, setChoices] = useState<TableChoice[]>(() => initialChoices(detection.tables));
  const [includeAgain, setIncludeAgain] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const summaryId = useId();
  const groups = useMemo(() => tableGroups(detection.tables), [detection.tables]);
  const sheets = new Set(detection.tables.map((table) => table.sheet));
  const setAside = settings.tables.filter((table) => table.ignored);
  const kpiTables = detection.tables.filter((table, i) => table.kind !== 'action-plan' && !choices[i]?.ignored).length;
  const firstRun = settings.tables.length === 0 && detection.tables.length > 0;
  const needChecking = groups.filter((group) =>
    group.indices.some((i) => detection.tables[i]!.doubts.length > 0 || detection.tables[i]!.confidence < 0.8),
  ).length;

  const confirm = async () => {
    setSaving(true);
    setError(null);
    try {
      await props.onConfirm(confirmedSettings(settings, detection.tables, choices, includeAgain));
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <div className={styles.view}>
      <Title3 as="h2" className={styles.heading}>
        Set up
      </Title3>
      {firstRun && (
        <section className={styles.card} aria-labelledby={summaryId}>
          <Body1 id={summaryId} role="status">
            {firstRunSummary(detection, periods)}
            {needChecking > 0 ? ` ${count(needChecking, 'table')} ${needChecking === 1 ? 'needs' : 'need'} a check below.` : ''}
          </Body1>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={saving} onClick={() => void confirm()}>
              Continue
            </Button>
          </div>
          <Caption1>Continue saves the tables as shown below. If a column was read wrongly, correct it below first.</Caption1>
        </section>
      )}
      <Body1>
        KPI Tracker found {count(groups.length, 'table')} on {count(sheets.size, 'sheet')}. Check how each column was read, correct any that
        are wrong, then confirm. The mapping is saved in the workbook, so this is needed only once.
      </Body1>
      {settings.tables.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>This workbook&apos;s mapping was confirmed before. Change it here if the sheet has changed.</MessageBarBody>
        </MessageBar>
      )}
      {detection.doubts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>About the workbook</MessageBarTitle>
            <ul className={styles.list}>
              {detection.doubts.map((doubt, i) => (
                <li key={i}>{doubt.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {detection.tables.length === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No KPI tables found</MessageBarTitle>
            KPI Tracker looks for a header row with an indicator, a target and an actual or period column (such as &quot;Indicator No. | KPI
            Description | Q1 2024/25 | Annual Target&quot;). Check the workbook has such a row, then open this pane again.
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.map((group, n) => (
        <TableMappingCard
          key={`${group.sheet}!${detection.tables[group.indices[0]!]!.range.top}`}
          tables={group.indices.map((i) => detection.tables[i]!)}
          number={n + 1}
          choice={choices[group.indices[0]!]!}
          // The blocks of one table are read alike: a correction is made for all of them.
          onChange={(choice) => setChoices((all) => all.map((c, j) => (group.indices.includes(j) ? choice : c)))}
        />
      ))}
      {setAside.length > 0 && (
        <section className={styles.section} aria-labelledby="kpi-set-aside">
          <Subtitle2 as="h3" id="kpi-set-aside" className={styles.heading}>
            Tables you said are not KPI tables
          </Subtitle2>
          {setAside.map((table) => {
            const key = ignoredKey(table);
            return (
              <Checkbox
                key={key}
                label={`Include the table at row ${table.headerRows[0]} of ${table.sheet} again`}
                checked={includeAgain.has(key)}
                onChange={(_, data) =>
                  setIncludeAgain((all) => {
                    const next = new Set(all);
                    if (data.checked === true) next.add(key);
                    else next.delete(key);
                    return next;
                  })
                }
              />
            );
          })}
        </section>
      )}
      {error !== null && (
        <ErrorBar
          title="The mapping was not saved"
          error={error}
          next="Nothing was changed in the workbook. Try again; if it keeps failing, save and reopen the workbook."
        />
      )}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={saving || (detection.tables.length === 0 && setAside.length === 0)}
          onClick={() => void confirm()}
        >
          Confirm mapping
        </Button>
        {saving && <Spinner size="tiny" label="Saving the mapping…" />}
      </div>
      {kpiTables === 0 && detection.tables.length > 0 && (
        <Body1 className={styles.muted}>No table is marked as a KPI table, so a run will have nothing to judge.</Body1>
      )}
    </div>
  );
}
