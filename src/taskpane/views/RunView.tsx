import { Body1, Button, Field, MessageBar, MessageBarBody, ProgressBar, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CalendarDate } from '../../core/model/serial-dates';
import { latestPeriodWithData, type RunOptions, type RunResult } from '../../core/run/run-kpi-tracker';
import { ErrorBar } from '../components/ErrorBar';
import { MeetingFields, type Meeting } from '../components/MeetingFields';
import { PeriodPicker } from '../components/PeriodPicker';
import { PreviewRegion } from '../components/PreviewRegion';
import { RunResultSummary } from '../components/RunResultSummary';
import type { PaneData } from '../pane-data';
import type { PaneHost } from '../pane-host';
import { usePaneStyles } from '../pane-styles';
import { periodsOf } from '../periods';
import { summarisePreview, type PreviewSummary } from '../preview-summary';
import { ALL_STEPS, RUN_STEPS, type RunStep } from '../run-steps';

type Applying = { readonly step: RunStep; readonly progress: number };
type Outcome =
  | { readonly kind: 'done'; readonly label: string; readonly result: RunResult }
  | { readonly kind: 'failed'; readonly label: string; readonly error: unknown };

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
  data: PaneData;
  today: CalendarDate;
  period: string | null;
  onPeriodChange: (period: string) => void;
  /** After a run wrote something: read the workbook again. */
  onChanged: () => Promise<void>;
  onSetUp: () => void;
}) {
  const { host, data, today, period } = props;
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

  useEffect(() => {
    let current = true;
    setPreview((p) => ({ ...p, loading: true, error: null }));
    host.preview(options(today, period, ALL_STEPS, 'preview')).then(
      (result) => current && setPreview({ summary: summarisePreview(result), loading: false, error: null }),
      (error: unknown) => current && setPreview({ summary: null, loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [host, data, period, today]);

  const apply = async (step: RunStep) => {
    setOutcome(null);
    setApplying({ step, progress: 0 });
    try {
      const result = await host.apply(options(today, period, step.steps, `${step.label} (task pane)`, meeting), (fraction) =>
        setApplying({ step, progress: fraction }),
      );
      setOutcome({ kind: 'done', label: step.label, result });
      setApplying(null);
      if (result.plan.refusals.length === 0) await props.onChanged();
    } catch (error) {
      setOutcome({ kind: 'failed', label: step.label, error });
      setApplying(null);
      // What did get written shows when the workbook is read again.
      await props.onChanged().catch(() => undefined);
    }
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
      <PeriodPicker
        periods={periodsOf(data.verdicts)}
        value={period}
        latest={latestPeriodWithData(data.verdicts)}
        onChange={props.onPeriodChange}
      />
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
        <Field label={`${applying.step.label}: writing to the workbook…`} validationState="none">
          <ProgressBar value={applying.progress} max={1} />
        </Field>
      )}
      {outcome?.kind === 'done' && <RunResultSummary label={outcome.label} result={outcome.result} onShow={show} />}
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
