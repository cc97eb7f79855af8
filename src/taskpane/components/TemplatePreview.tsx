import { Body1, Caption1, Field, Select, Subtitle2, mergeClasses } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { IndicatorVerdict } from '../../core/engine/indicator-verdict';
import { STATUS_WORDS, type Status } from '../../core/engine/target-types';
import type { Settings } from '../../core/settings/settings-schema';
import { usePaneStyles } from '../pane-styles';
import { previewCommentary } from '../template-preview';
import { indicatorKey } from '../trend';

/** The template being edited, rendered on a real indicator of the workbook as it is typed. */
export function TemplatePreview(props: {
  status: Status;
  template: string;
  statusLabel: string;
  indicators: readonly IndicatorVerdict[];
  settings: Settings;
}) {
  const { status, indicators } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const verdict = indicators.find((v) => indicatorKey(v) === chosen) ?? indicators.find((v) => v.status === status) ?? indicators[0];
  const text = verdict ? previewCommentary(verdict, status, props.template, props.statusLabel, props.settings) : '';
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId} className={styles.heading}>
        Template preview
      </Subtitle2>
      {verdict ? (
        <>
          <Field label="Indicator for the preview" className={styles.field}>
            <Select
              className={styles.selectRoot}
              select={{ className: styles.select }}
              value={indicatorKey(verdict)}
              onChange={(_, data) => setChosen(data.value)}
            >
              {indicators.map((v) => (
                <option key={indicatorKey(v)} value={indicatorKey(v)}>
                  {v.ref ? `${v.ref} ${v.indicator}` : v.indicator}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1>
            Template for {STATUS_WORDS[status]}
            {verdict.status === status ? '' : ` (shown as if it were "${props.statusLabel}")`}, {verdict.periodLabel || 'latest figures'}:
          </Caption1>
          <Body1 as="p" aria-live="polite" className={mergeClasses(styles.heading, styles.wrapText)}>
            {text || 'No commentary would be written.'}
          </Body1>
        </>
      ) : (
        <Body1>The workbook has no indicators to preview a template on yet.</Body1>
      )}
    </section>
  );
}
