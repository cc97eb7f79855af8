import { Body1, Button, Caption1, Field, Select, Subtitle2, mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';
import type { IndicatorVerdict } from '../../core/engine/indicator-verdict';
import { PolaritySchema, type Polarity } from '../../core/engine/target-types';
import { usePaneStyles } from '../pane-styles';
import type { TrendPoint } from '../trend';
import { POLARITY_WORDS, varianceWords } from '../words';
import { Sparkline } from './Sparkline';
import { StatusChip } from './StatusChip';

const TREND_WORDS = {
  better: 'better than the previous period',
  worse: 'worse than the previous period',
  same: 'the same as the previous period',
} as const;

/**
 * One indicator at a glance: status chip, actual against target, trend, and the reason for its
 * verdict. Which way is better is asked only where KPI Tracker had to assume it; elsewhere the
 * reason says it, and says why.
 */
export function IndicatorCard(props: {
  verdict: IndicatorVerdict;
  label: string;
  colour: string;
  trend: readonly TrendPoint[];
  onSelect: () => void;
  /** Saves the officer's choice of direction; absent where the indicator has no reference to save it under. */
  onPolarity?: (polarity: Polarity) => void;
}) {
  const { verdict } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const name = verdict.ref ? `${verdict.ref} ${verdict.indicator}` : verdict.indicator;
  const actual = verdict.actualText.trim() || 'no figure';
  const target = verdict.targetText.trim() || 'no target';
  const variance = varianceWords(verdict.variance, verdict.unit);
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId} className={mergeClasses(styles.heading, styles.wrapText)}>
        {name}
      </Subtitle2>
      <div className={styles.row}>
        <StatusChip label={props.label} colour={props.colour} />
        <Body1>
          {verdict.periodLabel ? `${verdict.periodLabel}: ` : ''}
          {actual} against a target of {target}
          {variance ? ` (${variance})` : ''}
        </Body1>
      </div>
      <div className={styles.row}>
        <Sparkline points={props.trend} {...(verdict.targetValue !== undefined ? { target: verdict.targetValue } : {})} />
        {verdict.trend && <Caption1>{TREND_WORDS[verdict.trend]}</Caption1>}
      </div>
      <Caption1 className={styles.wrapText}>{verdict.reason}</Caption1>
      {verdict.owner && <Caption1 className={styles.wrapText}>Owner: {verdict.owner}</Caption1>}
      {verdict.polarityAssumed && !(props.onPolarity && verdict.ref) && <Caption1>{POLARITY_WORDS[verdict.polarity]} (assumed)</Caption1>}
      {props.onPolarity && verdict.ref && verdict.polarityAssumed && (
        <Field
          label={`Which way is better for ${verdict.ref}`}
          size="small"
          className={styles.field}
          hint="Assumed: KPI Tracker could not tell from the sheet. Correct it if it is wrong."
        >
          <Select
            size="small"
            className={styles.selectRoot}
            select={{ className: styles.select }}
            value={verdict.polarity}
            onChange={(_, data) => props.onPolarity!(PolaritySchema.parse(data.value))}
          >
            {PolaritySchema.options.map((polarity) => (
              <option key={polarity} value={polarity}>
                {POLARITY_WORDS[polarity]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div>
        <Button size="small" onClick={props.onSelect}>
          Select row {verdict.row + 1} in {verdict.sheet}
        </Button>
      </div>
    </article>
  );
}
