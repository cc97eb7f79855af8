import { Body1, Button, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import type { Plan } from '../../core/plan/plan-types';
import { changedRanges } from '../changed-ranges';
import { usePaneStyles } from '../pane-styles';
import { count } from '../words';

/** Ranges listed with a Show button; the rest are counted (the change log sheet lists every cell). */
const RANGES_LISTED = 20;

/** What a run wrote, with a way to go to each changed range. */
export function RunResultSummary(props: { label: string; plan: Plan; onShow: (sheet: string, address: string) => void }) {
  const { plan } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  if (plan.refusals.length > 0) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{props.label}: nothing was written</MessageBarTitle>
          <ul className={styles.list}>
            {plan.refusals.map((refusal, i) => (
              <li key={i}>{refusal.message}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const ranges = changedRanges(plan);
  const statuses = plan.edits.filter((edit) => edit.purpose === 'status').length;
  const commentary = plan.edits.length - statuses;
  const sheets = plan.sheets
    .filter((sheet) => sheet.visibility === 'visible' && sheet.purpose !== 'change-log')
    .map((sheet) => `"${sheet.name}"`);
  const summary =
    ranges.length === 0
      ? 'Nothing needed to change.'
      : `${count(statuses, 'status cell')} and ${count(commentary, 'commentary cell')} changed${sheets.length ? `; built ${sheets.join(' and ')}` : ''}. Every change is listed on the change log sheet.`;
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Done: {props.label}
      </Subtitle2>
      <Body1 role="status">{summary}</Body1>
      {ranges.length > 0 && (
        <ul className={styles.plainList} aria-label="Changed ranges">
          {ranges.slice(0, RANGES_LISTED).map((range) => (
            <li key={`${range.sheet}!${range.address}`} className={styles.spread}>
              <Body1 className={mergeClasses(styles.grow, styles.wrapText)}>
                {range.what}: {range.sheet} {range.address === 'A1' ? '' : range.address}
              </Body1>
              <Button
                size="small"
                aria-label={`Show ${range.what.toLowerCase()} ${range.sheet} ${range.address}`}
                onClick={() => props.onShow(range.sheet, range.address)}
              >
                Show
              </Button>
            </li>
          ))}
        </ul>
      )}
      {ranges.length > RANGES_LISTED && (
        <Body1>…and {count(ranges.length - RANGES_LISTED, 'more range')}: the change log sheet lists every cell that changed.</Body1>
      )}
    </section>
  );
}
