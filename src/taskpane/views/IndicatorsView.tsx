import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Field,
  Select,
  Spinner,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { IndicatorVerdict } from '../../core/engine/evaluate';
import { STATUSES, type Polarity, type Status } from '../../core/engine/target-types';
import { cellAddress } from '../../core/model/address';
import type { StatusColours, StatusLabels } from '../../core/plan/status-style';
import type { Settings } from '../../core/settings/settings-schema';
import { ErrorBar } from '../components/ErrorBar';
import { IndicatorCard } from '../components/IndicatorCard';
import { PeriodPicker } from '../components/PeriodPicker';
import { groupedIndicators, type IndicatorGroup } from '../indicator-groups';
import type { IndicatorRow, PaneCore, PaneData } from '../pane-core';
import type { PaneHost } from '../pane-host';
import { usePaneStyles } from '../pane-styles';
import { count } from '../words';

const ALL = '';
const NO_OWNER = '\u0000none';
/** Cards drawn at first in an open group; more on request, so a section of 5,000 indicators opens at once. */
const PAGE = 50;

/**
 * Indicators: every indicator for the period, grouped by the part of the workbook it belongs to,
 * Not met first in each group; each group opens and closes. A card shows the status chip, actual
 * against target, trend and reason; filters by status and owner; selecting one selects its row in
 * the sheet.
 */
export function IndicatorsView(props: {
  host: PaneHost;
  core: PaneCore;
  data: PaneData;
  period: string | null;
  onPeriodChange: (period: string) => void;
  onSaveSettings: (settings: Settings) => Promise<void>;
}) {
  const { host, core, data, period } = props;
  const { labels, colours } = data.look;
  const styles = usePaneStyles();
  const [rows, setRows] = useState<{ rows: IndicatorRow[] | null; error: unknown }>({ rows: null, error: null });
  const [status, setStatus] = useState<string>(ALL);
  const [owner, setOwner] = useState<string>(ALL);
  const [error, setError] = useState<{ title: string; error: unknown; next: string } | null>(null);

  useEffect(() => {
    let current = true;
    core.indicators(period).then(
      (found) => current && setRows({ rows: found, error: null }),
      (failed: unknown) => current && setRows({ rows: null, error: failed }),
    );
    return () => {
      current = false;
    };
  }, [core, data.version, period]);

  const shown = useMemo(() => rows.rows ?? [], [rows.rows]);
  const statuses = STATUSES.filter((s) => shown.some((r) => r.verdict.status === s));
  const owners = [...new Set(shown.map((r) => r.verdict.owner).filter((o): o is string => Boolean(o)))].sort();
  const anyUnowned = shown.some((r) => !r.verdict.owner);
  const filtered = useMemo(
    () =>
      shown.filter(
        ({ verdict: v }) =>
          (status === ALL || v.status === status) && (owner === ALL || (owner === NO_OWNER ? !v.owner : v.owner === owner)),
      ),
    [shown, status, owner],
  );
  const groups = useMemo(() => groupedIndicators(filtered), [filtered]);
  const tally = statuses.map((s) => `${shown.filter((r) => r.verdict.status === s).length} ${labels[s]}`).join(', ');

  const select = (v: IndicatorVerdict) => {
    const table = data.detection.tables[v.tableIndex];
    const address = table
      ? `${cellAddress(v.row, table.range.left)}:${cellAddress(v.row, table.range.right)}`
      : `${v.row + 1}:${v.row + 1}`;
    setError(null);
    host.select(v.sheet, address).catch((e: unknown) =>
      setError({
        title: 'That row could not be selected',
        error: e,
        next: 'The sheet may have changed; open the Set up tab to check the mapping.',
      }),
    );
  };

  const savePolarity = (ref: string, polarity: Polarity) => {
    setError(null);
    props
      .onSaveSettings({ ...data.settings, polarity: { ...data.settings.polarity, [ref]: polarity } })
      .catch((e: unknown) => setError({ title: 'The direction was not saved', error: e, next: 'Nothing was changed. Try again.' }));
  };

  return (
    <div className={styles.view}>
      <Title3 as="h2" className={styles.heading}>
        Indicators
      </Title3>
      <PeriodPicker periods={data.periods} value={period} latest={data.latestPeriod} onChange={props.onPeriodChange} />
      <div className={styles.row} role="group" aria-label="Filters">
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setStatus(d.value)}>
            <option value={ALL}>All statuses</option>
            {statuses.map((s: Status) => (
              <option key={s} value={s}>
                {labels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner">
          <Select value={owner} onChange={(_, d) => setOwner(d.value)}>
            <option value={ALL}>All owners</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
            {anyUnowned && <option value={NO_OWNER}>No owner named</option>}
          </Select>
        </Field>
      </div>
      {rows.rows === null && rows.error === null && <Spinner size="tiny" label="Gathering the indicators…" />}
      {rows.error !== null && (
        <ErrorBar title="The indicators could not be shown" error={rows.error} next="Nothing was changed. Open the tab again." />
      )}
      {rows.rows !== null && (
        <Body1 role="status">
          {shown.length === 0
            ? 'No indicators have figures for this period.'
            : `Showing ${filtered.length} of ${count(shown.length, 'indicator')}${tally ? ` (${tally})` : ''}.`}
        </Body1>
      )}
      {error && <ErrorBar {...error} />}
      {groups.length > 0 && (
        <Accordion
          // A new period or filter starts the groups afresh: open where something missed.
          key={`${period ?? ''}\u0000${status}\u0000${owner}\u0000${data.version}`}
          multiple
          collapsible
          defaultOpenItems={openAtFirst(groups)}
        >
          {groups.map((group) => (
            <IndicatorGroupSection
              key={group.section}
              group={group}
              labels={labels}
              colours={colours}
              onSelect={select}
              onPolarity={savePolarity}
            />
          ))}
        </Accordion>
      )}
    </div>
  );
}

/** The groups open at first: those where something missed, or the first when nothing did. */
function openAtFirst(groups: readonly IndicatorGroup[]): string[] {
  const missed = groups.filter((group) => group.needsAttention).map((group) => group.section);
  return missed.length > 0 ? missed : [groups[0]!.section];
}

function IndicatorGroupSection(props: {
  group: IndicatorGroup;
  labels: StatusLabels;
  colours: StatusColours;
  onSelect: (v: IndicatorVerdict) => void;
  onPolarity: (ref: string, polarity: Polarity) => void;
}) {
  const { group, labels } = props;
  const styles = usePaneStyles();
  const [drawn, setDrawn] = useState(PAGE);
  const tally = STATUSES.filter((s) => group.counts[s] > 0)
    .map((s) => `${group.counts[s]} ${labels[s]}`)
    .join(', ');
  return (
    <AccordionItem value={group.section}>
      <AccordionHeader as="h3" expandIconPosition="start">
        <span className={styles.wrapText}>
          {group.section} ({tally})
        </span>
      </AccordionHeader>
      {/* No open and close animation: it adds nothing in a narrow pane, and a group of many cards animates slowly. */}
      <AccordionPanel collapseMotion={null}>
        <div className={styles.section}>
          <ul className={styles.plainList} aria-label={`Indicators in ${group.section}`}>
            {group.rows.slice(0, drawn).map((row) => (
              <li key={row.key}>
                <IndicatorCard
                  verdict={row.verdict}
                  label={labels[row.verdict.status]}
                  colour={props.colours[row.verdict.status]}
                  trend={row.trend}
                  onSelect={() => props.onSelect(row.verdict)}
                  {...(row.verdict.ref ? { onPolarity: (p: Polarity) => props.onPolarity(row.verdict.ref!, p) } : {})}
                />
              </li>
            ))}
          </ul>
          {group.rows.length > drawn && (
            <div>
              <Button size="small" onClick={() => setDrawn(drawn + PAGE)}>
                Show {Math.min(PAGE, group.rows.length - drawn)} more of {group.rows.length - drawn}
              </Button>
            </div>
          )}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
