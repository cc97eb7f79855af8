import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title3 } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { IndicatorVerdict } from '../../core/engine/evaluate';
import type { Status } from '../../core/engine/target-types';
import type { CalendarDate } from '../../core/model/serial-dates';
import type { Settings } from '../../core/settings/settings-schema';
import { CommitteeFields } from '../components/CommitteeFields';
import { ErrorBar } from '../components/ErrorBar';
import { SignOffSection } from '../components/SignOffSection';
import { StatusStyleFields } from '../components/StatusStyleFields';
import { TemplateFields } from '../components/TemplateFields';
import { TemplatePreview } from '../components/TemplatePreview';
import { ToleranceFields } from '../components/ToleranceFields';
import type { PaneCore, PaneData } from '../pane-core';
import { usePaneStyles } from '../pane-styles';
import { formFromSettings, settingsFromForm, templatesFromForm, type FormProblem, type SettingsForm } from '../settings-form';

type Outcome = { kind: 'saved' } | { kind: 'invalid'; problems: FormProblem[] } | { kind: 'failed'; error: unknown };

/** Settings: tolerance, labels and colours, commentary templates with a live preview, committee details, sign-off. */
export function SettingsView(props: {
  core: PaneCore;
  data: PaneData;
  period: string | null;
  today: CalendarDate;
  onSave: (settings: Settings) => Promise<void>;
}) {
  const { data } = props;
  const styles = usePaneStyles();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(data.settings, data.look.labels, data.look.colours));
  const [active, setActive] = useState<Status>('met');
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [indicators, setIndicators] = useState<readonly IndicatorVerdict[]>([]);
  useEffect(() => {
    let current = true;
    props.core.indicators(props.period).then(
      (rows) => current && setIndicators(rows.map((row) => row.verdict)),
      () => current && setIndicators([]),
    );
    return () => {
      current = false;
    };
  }, [props.core, data.version, props.period]);
  const draftSettings = useMemo(() => ({ ...data.settings, templates: templatesFromForm(form) }), [data.settings, form]);

  const edit = (patch: Partial<SettingsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setOutcome(null);
  };

  const save = async () => {
    const checked = settingsFromForm(data.settings, form, data.look.workbookLabels);
    if (!checked.settings) {
      setOutcome({ kind: 'invalid', problems: checked.problems });
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      await props.onSave(checked.settings);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.view}>
      <Title3 as="h2" className={styles.heading}>
        Settings
      </Title3>
      <ToleranceFields form={form} onChange={edit} />
      <StatusStyleFields
        form={form}
        onChange={(status, patch) =>
          edit({
            ...(patch.label !== undefined ? { labels: { ...form.labels, [status]: patch.label } } : {}),
            ...(patch.colour !== undefined ? { colours: { ...form.colours, [status]: patch.colour } } : {}),
          })
        }
      />
      <TemplateFields
        form={form}
        active={active}
        onFocus={setActive}
        onChange={(status, text) => {
          setActive(status);
          edit({ templates: { ...form.templates, [status]: text } });
        }}
        preview={
          <TemplatePreview
            status={active}
            template={form.templates[active]}
            statusLabel={form.labels[active] || data.look.labels[active]}
            indicators={indicators}
            settings={draftSettings}
          />
        }
      />
      <CommitteeFields committee={form.committee} onChange={(patch) => edit({ committee: { ...form.committee, ...patch } })} />
      {outcome?.kind === 'invalid' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The settings were not saved</MessageBarTitle>
            Please correct these first:
            <ul className={styles.list}>
              {outcome.problems.map((problem, i) => (
                <li key={i}>
                  {problem.field}: {problem.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <ErrorBar
          title="The settings were not saved"
          error={outcome.error}
          next="Nothing was changed in the workbook. Try again; if it keeps failing, save and reopen the workbook."
        />
      )}
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>Settings saved in the workbook. The next run uses them.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          Save settings
        </Button>
        {saving && <Spinner size="tiny" label="Saving…" />}
      </div>
      <SignOffSection
        core={props.core}
        data={data}
        period={props.period}
        today={props.today}
        committee={form.committee.name}
        onSave={props.onSave}
      />
    </div>
  );
}
