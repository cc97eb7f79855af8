import { Body1, Field, Select, Title3 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { STATUSES, type Polarity, type Status } from '../../core/engine/target-types';
import { cellAddress } from '../../core/model/address';
import { chooseVerdicts } from '../../core/plan/recalc-plan';
import { latestPeriodWithData } from '../../core/run/run-kpi-tracker';
import type { Settings } from '../../core/settings/settings-schema';
import { ErrorBar } from '../components/ErrorBar';
import { IndicatorCard } from '../components/IndicatorCard';
import { PeriodPicker } from '../components/PeriodPicker';
import type { PaneData } from '../pane-data';
import type { PaneHost } from '../pane-host';
import { usePaneStyles } from '../pane-styles';
import { periodsOf } from '../periods';
import { indicatorKey, trendOf } from '../trend';
import { count } from '../words';

const ALL = '';
const NO_OWNER = '\u0000none';

/**
 * Indicators: every indicator for the period with its status chip, actual against target, trend
 * and reason; filters by status and owner; selecting one selects its row in the sheet.
 */
export function IndicatorsView(props: {
  host: PaneHost;
  data: PaneData;
  period: string | null;
  onPeriodChange: (period: string) => void;
  onSaveSettings: (settings: Settings) => Promise<void>;
}) {
  const { host, data, period } = props;
  const { labels, colours } = data.look;
  const styles = usePaneStyles();
  const [status, setStatus] = useState<string>(ALL);
  const [owner, setOwner] = useState<string>(ALL);
  const [error, setError] = useState<{ title: string; error: unknown; next: string } | null>(null);

  const shown = useMemo(() => chooseVerdicts(data.verdicts, period ?? undefined), [data.verdicts, period]);
  const statuses = STATUSES.filter((s) => shown.some((v) => v.status === s));
  const owners = [...new Set(shown.map((v) => v.owner).filter((o): o is string => Boolean(o)))].sort();
  const anyUnowned = shown.some((v) => !v.owner);
  const filtered = shown.filter(
    (v) => (status === ALL || v.status === status) && (owner === ALL || (owner === NO_OWNER ? !v.owner : v.owner === owner)),
  );
  const tally = statuses.map((s) => `${shown.filter((v) => v.status === s).length} ${labels[s]}`).join(', ');

  const select = (v: (typeof shown)[number]) => {
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
      <PeriodPicker
        periods={periodsOf(data.verdicts)}
        value={period}
        latest={latestPeriodWithData(data.verdicts)}
        onChange={props.onPeriodChange}
      />
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
      <Body1 role="status">
        {shown.length === 0
          ? 'No indicators have figures for this period.'
          : `Showing ${filtered.length} of ${count(shown.length, 'indicator')}${tally ? ` (${tally})` : ''}.`}
      </Body1>
      {error && <ErrorBar {...error} />}
      <ul className={styles.plainList} aria-label="Indicators">
        {filtered.map((v) => (
          <li key={indicatorKey(v)}>
            <IndicatorCard
              verdict={v}
              label={labels[v.status]}
              colour={colours[v.status]}
              trend={trendOf(data.verdicts, v)}
              onSelect={() => select(v)}
              {...(v.ref ? { onPolarity: (p: Polarity) => savePolarity(v.ref!, p) } : {})}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
