import { Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import { usePaneStyles } from '../pane-styles';
import type { SettingsForm } from '../settings-form';

type Committee = SettingsForm['committee'];

// The committee's name and the meeting date are asked for in the Run view, beside "Generate committee sheet".
const FIELDS: ReadonlyArray<{ key: keyof Committee; label: string; hint?: string }> = [
  { key: 'service', label: 'Service', hint: 'Printed at the top of the committee sheet; left out when empty.' },
  { key: 'preparedBy', label: 'Prepared by', hint: 'Printed at the top of the committee sheet; left out when empty.' },
];

/** Who prepared the committee sheet, and for which service, printed at its top. */
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
