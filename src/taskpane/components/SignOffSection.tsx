import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2 } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { CalendarDate } from '../../core/model/serial-dates';
import type { Settings } from '../../core/settings/settings-schema';
import type { PaneCore, PaneData } from '../pane-core';
import { usePaneStyles } from '../pane-styles';
import { withoutSignOff, withSignOff } from '../sign-off';
import { count } from '../words';
import { ErrorBar } from './ErrorBar';

type Message =
  { intent: 'success' | 'warning'; title: string; lines: string[] } | { intent: 'error'; title: string; error: unknown; next: string };

/**
 * Sign-off: once a committee has seen a period, its status cells are frozen as they read now,
 * so a later change of target or tolerance does not quietly re-rate history.
 */
export function SignOffSection(props: {
  core: PaneCore;
  data: PaneData;
  period: string | null;
  today: CalendarDate;
  committee: string;
  onSave: (settings: Settings) => Promise<void>;
}) {
  const { data } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const periods = data.periods;
  const [period, setPeriod] = useState<string>(props.period ?? periods[periods.length - 1] ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const save = async (settings: Settings, done: Message) => {
    setBusy(true);
    setMessage(null);
    try {
      await props.onSave(settings);
      setMessage(done);
    } catch (error) {
      setMessage({ intent: 'error', title: 'The sign-off was not saved', error, next: 'Nothing was changed. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  const signOff = async () => {
    let draft;
    try {
      draft = await props.core.signOff({ labels: data.look.labels, period, today: props.today, committee: props.committee });
    } catch (error) {
      setMessage({ intent: 'error', title: 'The sign-off was not saved', error, next: 'Nothing was changed. Try again.' });
      return;
    }
    const cells = Object.keys(draft.signOff.statuses).length;
    if (cells === 0) {
      setMessage({
        intent: 'warning',
        title: 'Nothing to sign off yet',
        lines: [`No status cell holds a status for ${period}. Recalculate status for ${period} on the Run tab first, then sign it off.`],
      });
      return;
    }
    const lines = [`${count(cells, 'status cell')} will keep the status they show now, whatever a later run would say.`];
    if (draft.mismatches.length > 0) lines.push(`Check these: they may show another period. ${draft.mismatches.join('; ')}.`);
    void save(withSignOff(data.settings, draft.signOff), {
      intent: draft.mismatches.length > 0 ? 'warning' : 'success',
      title: `${period} signed off`,
      lines,
    });
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Sign-off
      </Subtitle2>
      <Caption1>
        Once a committee has seen a period, sign it off: its statuses are kept as they are, and the Run preview says what a recalculation
        would change.
      </Caption1>
      <Field label="Period to sign off">
        <Select value={period} disabled={periods.length === 0} onChange={(_, d) => setPeriod(d.value)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button disabled={busy || !period} onClick={() => void signOff()}>
          Sign off period
        </Button>
      </div>
      {message?.intent === 'error' && <ErrorBar title={message.title} error={message.error} next={message.next} />}
      {message && message.intent !== 'error' && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.lines.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.settings.signOffs.length > 0 && (
        <ul className={styles.plainList} aria-label="Signed-off periods">
          {data.settings.signOffs.map((s) => (
            <li key={s.period} className={styles.row}>
              <Body1>
                {s.period}: signed off on {s.signedOffOn}
                {s.committee ? ` (${s.committee})` : ''}, {count(Object.keys(s.statuses).length, 'status cell')}.
              </Body1>
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void save(withoutSignOff(data.settings, s.period), {
                    intent: 'success',
                    title: `Sign-off of ${s.period} removed`,
                    lines: ['Its statuses will be recalculated like any other period.'],
                  })
                }
              >
                Remove sign-off of {s.period}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
