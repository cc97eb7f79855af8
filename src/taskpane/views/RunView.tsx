import { Body1, Button, Field, MessageBar, MessageBarBody, ProgressBar, Title3 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { CalendarDate } from '../../core/model/serial-dates';
import type { Plan } from '../../core/plan/plan-types';
import type { RunOptions } from '../../core/run/run-kpi-tracker';
import { ErrorBar } from '../components/ErrorBar';
import { MeetingFields, type Meeting } from '../components/MeetingFields';
import { PeriodPicker } from '../components/PeriodPicker';
import { PreviewRegion } from '../components/PreviewRegion';
import { RunResultSummary } from '../components/RunResultSummary';
import { RUN_STAGES, RunCancelled, type PaneCore, type PaneData, type RunStage } from '../pane-core';
import type { PaneHost } from '../pane-host';
import { usePaneStyles } from '../pane-styles';
import type { PreviewSummary } from '../preview-summary';
import { runOnPane } from '../run-on-pane';
import { ALL_STEPS, RUN_STEPS, type RunStep } from '../run-steps';

type Applying = { readonly step: RunStep; readonly stage: RunStage };
type Outcome =
  | { readonly kind: 'done'; readonly label: string; readonly plan: Plan }
  | { readonly kind: 'cancelled'; readonly label: string }
  | { readonly kind: 'failed'; readonly label: string; readonly error: unknown };

/** What the progress bar says each stage is doing. */
const STAGE_WORDS: Record<RunStage, string> = {
  reading: 'reading the workbook',
  'finding tables': 'finding the KPI tables',
  judging: 'judging each indicator',
  writing: 'writing to the workbook',
};

function options(today: CalendarDate, period: string | null, steps: RunOptions['steps'], command: string, meeting?: Meeting): RunOptions {
  return {
    today,
    now: new Date().toISOString(),
    command,
    steps,
    ...(period ? { period } : {}),
    // What the officer typed for the committee sheet; an emptied field clears what was saved.
    ...(meeting && steps.committee ? { committee: { name: meeting.name.trim(), meetingDate: meeting.meetingDate.trim() } } : {}),
  };
}

/**
 * Run: choose the period, see what would change, then recalculate the statuses, build the
 * action plan, generate the committee sheet, or all three; then go to what changed.
 */
export function RunView(props: {
  host: PaneHost;
  core: PaneCore;
  data: PaneData;
  today: CalendarDate;
  period: string | null;
  onPeriodChange: (period: string) => void;
  /** After a run wrote something: read the workbook again. */
  onChanged: () => Promise<void>;
  onSetUp: () => void;
}) {
  const { host, core, data, today, period } = props;
  const styles = usePaneStyles();
  const [preview, setPreview] = useState<{ summary: PreviewSummary | null; loading: boolean; error: unknown }>({
    summary: null,
    loading: true,
    error: null,
  });
  const [applying, setApplying] = useState<Applying | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [showError, setShowError] = useState<unknown>(null);
  const [meeting, setMeeting] = useState<Meeting>({
    name: data.settings.committee.name ?? '',
    meetingDate: data.settings.committee.meetingDate ?? '',
  });
  const cancelled = useRef(false);

  useEffect(() => {
    let current = true;
    setPreview((p) => ({ ...p, loading: true, error: null }));
    core.preview(options(today, period, ALL_STEPS, 'preview')).then(
      (summary) => current && setPreview({ summary, loading: false, error: null }),
      (error: unknown) => current && !(error instanceof RunCancelled) && setPreview({ summary: null, loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [core, data, period, today]);

  const apply = async (step: RunStep) => {
    setOutcome(null);
    cancelled.current = false;
    setApplying({ step, stage: 'reading' });
    try {
      const { plan } = await runOnPane(host, core, options(today, period, step.steps, `${step.label} (task pane)`, meeting), {
        onStage: (stage) => setApplying({ step, stage }),
        cancelled: () => cancelled.current,
      });
      setOutcome({ kind: 'done', label: step.label, plan });
      setApplying(null);
      if (plan.refusals.length === 0) await props.onChanged();
    } catch (error) {
      setApplying(null);
      if (error instanceof RunCancelled) {
        setOutcome({ kind: 'cancelled', label: step.label });
        return;
      }
      setOutcome({ kind: 'failed', label: step.label, error });
      // What did get written shows when the workbook is read again.
      await props.onChanged().catch(() => undefined);
    }
  };

  const cancel = () => {
    cancelled.current = true;
    core.cancel();
  };

  const show = (sheet: string, address: string) => {
    setShowError(null);
    host.select(sheet, address).catch((error: unknown) => setShowError(error));
  };

  return (
    <div className={styles.view}>
      <Title3 as="h2" className={styles.heading}>
        Run
      </Title3>
      {data.settings.tables.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This workbook has not been set up yet, so KPI Tracker is using the tables as it found them.{' '}
            <Button appearance="transparent" size="small" onClick={props.onSetUp}>
              Check the set-up first
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <PeriodPicker periods={data.periods} value={period} latest={data.latestPeriod} onChange={props.onPeriodChange} />
      <PreviewRegion period={period} summary={preview.summary} loading={preview.loading} error={preview.error} />
      <MeetingFields meeting={meeting} onChange={setMeeting} />
      <div className={styles.buttons} role="group" aria-label="Run">
        {RUN_STEPS.map((step) => (
          <Button
            key={step.label}
            appearance={step.steps.statuses && step.steps.committee ? 'primary' : 'secondary'}
            disabled={applying !== null}
            onClick={() => void apply(step)}
          >
            {step.label}
          </Button>
        ))}
      </div>
      {applying && (
        <div className={styles.section}>
          <Field label={`${applying.step.label}: ${STAGE_WORDS[applying.stage]}…`} validationState="none">
            <ProgressBar value={(RUN_STAGES.indexOf(applying.stage) + 0.5) / RUN_STAGES.length} max={1} />
          </Field>
          <div>
            {/* Once writing has started it finishes: a half-written run is worse than a whole one. */}
            <Button size="small" disabled={applying.stage === 'writing'} onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {outcome?.kind === 'done' && <RunResultSummary label={outcome.label} plan={outcome.plan} onShow={show} />}
      {outcome?.kind === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>{outcome.label} was cancelled. Nothing was written.</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <ErrorBar
          title={`${outcome.label} did not finish`}
          error={outcome.error}
          next="Some changes may not have been written. Running it again is safe: cells already right are left as they are, and the change log sheet lists what was written."
        />
      )}
      {showError !== null && (
        <ErrorBar
          title="That range could not be shown"
          error={showError}
          next="The sheet may have been renamed or deleted since the run. Nothing was changed."
        />
      )}
      {!applying && !outcome && (
        <Body1 className={styles.muted}>Each button writes only what the preview lists; your own words and formulas are left alone.</Body1>
      )}
    </div>
  );
}
