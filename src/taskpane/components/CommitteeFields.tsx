import { Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import { usePaneStyles } from '../pane-styles';
import type { SettingsForm } from '../settings-form';

type Committee = SettingsForm['committee'];

const FIELDS: ReadonlyArray<{ key: keyof Committee; label: string; hint?: string }> = [
  { key: 'name', label: 'Committee', hint: 'For example, Regulatory and Support Services Committee.' },
  { key: 'meetingDate', label: 'Meeting date', hint: 'As it should be printed, for example 15 January 2025.' },
  { key: 'service', label: 'Service' },
  { key: 'preparedBy', label: 'Prepared by' },
];

/** Who the committee sheet is for, printed at its top. */
export function CommitteeFields(props: { committee: Committee; onChange: (patch: Partial<Committee>) => void }) {
  const styles = usePaneStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Committee details
      </Subtitle2>
      {FIELDS.map((field) => (
        <Field key={field.key} label={field.label} hint={field.hint}>
          <Input value={props.committee[field.key]} onChange={(_, data) => props.onChange({ [field.key]: data.value })} />
        </Field>
      ))}
    </section>
  );
}
