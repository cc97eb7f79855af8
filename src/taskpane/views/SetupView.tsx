import {
  Body1,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Settings } from '../../core/settings/settings-schema';
import { ErrorBar } from '../components/ErrorBar';
import { TableMappingCard } from '../components/TableMappingCard';
import { confirmedSettings, ignoredKey, initialChoices, type TableChoice } from '../mapping-edit';
import type { PaneData } from '../pane-data';
import { usePaneStyles } from '../pane-styles';
import { count } from '../words';

/**
 * Set up: what was found and how it was read; the officer corrects column roles or sets a table
 * aside, and confirms. The mapping is saved in the workbook, and every run uses it from then on.
 */
export function SetupView(props: { data: PaneData; onConfirm: (settings: Settings) => Promise<void> }) {
  const { detection, settings } = props.data;
  const styles = usePaneStyles();
  const [choices, setChoices] = useState<TableChoice[]>(() => initialChoices(detection.tables));
  const [includeAgain, setIncludeAgain] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sheets = new Set(detection.tables.map((table) => table.sheet));
  const setAside = settings.tables.filter((table) => table.ignored);
  const kpiTables = detection.tables.filter((table, i) => table.kind !== 'action-plan' && !choices[i]?.ignored).length;

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
      <Body1>
        KPI Tracker found {count(detection.tables.length, 'table')} on {count(sheets.size, 'sheet')}. Check how each column was read,
        correct any that are wrong, then confirm. The mapping is saved in the workbook, so this is needed only once.
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
      {detection.tables.map((table, i) => (
        <TableMappingCard
          key={`${table.sheet}!${table.range.top}`}
          table={table}
          number={i + 1}
          choice={choices[i]!}
          onChange={(choice) => setChoices((all) => all.map((c, j) => (j === i ? choice : c)))}
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
