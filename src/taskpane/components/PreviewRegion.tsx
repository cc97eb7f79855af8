import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import { ACTION_PLAN_SHEET } from '../../core/sheets/action-plan-sheet';
import type { NoticeKind } from '../../core/plan/plan-types';
import { usePaneStyles } from '../pane-styles';
import type { PreviewSummary } from '../preview-summary';
import { count, NOTICE_WORDS } from '../words';
import { ErrorBar } from './ErrorBar';

/** Places listed for each kind of thing left alone; the rest are counted. */
const LISTED = 10;

/** What a run would change for the chosen period, before anything is written. */
export function PreviewRegion(props: { period: string | null; summary: PreviewSummary | null; loading: boolean; error: unknown }) {
  const { summary } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const byKind = new Map<NoticeKind, string[]>();
  for (const notice of summary?.notices ?? []) {
    const list = byKind.get(notice.kind) ?? [];
    list.push(notice.cell ? `${notice.sheet}!${notice.cell}: ${notice.message}` : notice.message);
    byKind.set(notice.kind, list);
  }
  return (
    <section className={styles.card} aria-labelledby={headingId} aria-busy={props.loading}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Preview
      </Subtitle2>
      <Caption1>
        What the buttons below would change{props.period ? ` for ${props.period}` : ''}, worked out from the workbook as it is now.
      </Caption1>
      {props.loading && <Spinner size="tiny" label="Working out what would change…" />}
      {props.error !== null && (
        <ErrorBar
          title="The preview could not be worked out"
          error={props.error}
          next="Nothing was written. Check the workbook is open and not being edited, then choose the period again."
        />
      )}
      {summary && !props.loading && (
        <>
          {summary.refusals.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Nothing can be written yet</MessageBarTitle>
                <ul className={styles.list}>
                  {summary.refusals.map((refusal, i) => (
                    <li key={i}>{refusal.message}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.list}>
            <li>
              Recalculate status: {count(summary.statusCells, 'status cell')} and {count(summary.commentaryCells, 'commentary cell')} would
              change.
            </li>
            <li>
              Build action plan: {count(summary.actionBlocks, 'action')} on &quot;{ACTION_PLAN_SHEET}&quot;
              {summary.actionPlanChanges ? '.' : ' (already up to date).'}
            </li>
            <li>
              Generate committee sheet:{' '}
              {summary.committeeSheet
                ? `"${summary.committeeSheet}"${summary.committeeChanges ? ' would be built.' : ' is already up to date.'}`
                : 'no period has figures yet.'}
            </li>
          </ul>
          {byKind.size > 0 && (
            <>
              <Body1 as="h4" className={styles.heading} style={{ fontWeight: 600 }}>
                Left as they are
              </Body1>
              {[...byKind.entries()].map(([kind, messages]) => (
                <MessageBar
                  key={kind}
                  intent={kind === 'stale-commentary' || kind === 'frozen-period' ? 'warning' : 'info'}
                  layout="multiline"
                >
                  <MessageBarBody>
                    <MessageBarTitle>
                      {NOTICE_WORDS[kind]} ({messages.length})
                    </MessageBarTitle>
                    <ul className={styles.list}>
                      {messages.slice(0, LISTED).map((message, i) => (
                        <li key={i} className={styles.wrapText}>
                          {message}
                        </li>
                      ))}
                      {messages.length > LISTED && <li>…and {messages.length - LISTED} more.</li>}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}
