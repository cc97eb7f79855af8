import { Caption1, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import { describeTolerance, ToleranceSchema, type Tolerance } from '../../core/engine/tolerance';
import { usePaneStyles } from '../pane-styles';
import type { SettingsForm } from '../settings-form';
import { TOLERANCE_RULE_WORDS } from '../words';

const RULES = Object.keys(TOLERANCE_RULE_WORDS) as Tolerance['rule'][];

/** The near-miss rule and its number, with the sentence the committee report will print. */
export function ToleranceFields(props: {
  form: SettingsForm;
  onChange: (patch: Partial<Pick<SettingsForm, 'rule' | 'percent' | 'points'>>) => void;
}) {
  const { form } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const parsed = ToleranceSchema.safeParse(
    form.rule === 'points'
      ? { rule: 'points', points: Number(form.points), percent: Number(form.percent) }
      : { rule: form.rule, percent: Number(form.percent) },
  );
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Near miss tolerance
      </Subtitle2>
      <Field label="Tolerance rule">
        <Select value={form.rule} onChange={(_, data) => props.onChange({ rule: data.value as Tolerance['rule'] })}>
          {RULES.map((rule) => (
            <option key={rule} value={rule}>
              {TOLERANCE_RULE_WORDS[rule]}
            </option>
          ))}
        </Select>
      </Field>
      {form.rule === 'points' && (
        <Field label="Tolerance in percentage points">
          <Input
            type="number"
            min={0}
            max={100}
            step={0.1}
            value={form.points}
            onChange={(_, data) => props.onChange({ points: data.value })}
          />
        </Field>
      )}
      <Field label="Tolerance (%)" hint={form.rule === 'points' ? 'For targets that are not percentages.' : undefined}>
        <Input
          type="number"
          min={0}
          max={100}
          step={0.5}
          value={form.percent}
          onChange={(_, data) => props.onChange({ percent: data.value })}
        />
      </Field>
      <Caption1 aria-live="polite">
        {parsed.success && form.percent.trim() !== '' ? describeTolerance(parsed.data) : 'Write a number from 0 to 100.'}
      </Caption1>
    </section>
  );
}
