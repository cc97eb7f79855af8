import { Caption1, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { Fragment, useId, type ReactNode } from 'react';
import { STATUSES, STATUS_WORDS, type Status } from '../../core/engine/target-types';
import { DEFAULT_TEMPLATES, TEMPLATE_FIELDS } from '../../core/plan/commentary-template';
import { usePaneStyles } from '../pane-styles';
import { templateProblems, type SettingsForm } from '../settings-form';

/** A commentary template per status, with a live preview under the one being edited; an unknown {field} is shown at once. */
export function TemplateFields(props: {
  form: SettingsForm;
  onChange: (status: Status, text: string) => void;
  onFocus: (status: Status) => void;
  /** The template being edited: its preview sits just below it. */
  active: Status;
  preview: ReactNode;
}) {
  const styles = usePaneStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Commentary templates
      </Subtitle2>
      <Caption1>
        Written into empty commentary cells only; your own commentary is never replaced. Fields you can use:{' '}
        {TEMPLATE_FIELDS.map((field) => `{${field}}`).join(', ')}.
      </Caption1>
      {STATUSES.map((status) => {
        const problems = templateProblems(props.form.templates[status]);
        return (
          <Fragment key={status}>
            <Field
              label={`Template for ${STATUS_WORDS[status]}`}
              validationState={problems.length > 0 ? 'error' : 'none'}
              validationMessage={problems.length > 0 ? problems.join(' ') : undefined}
              hint={
                DEFAULT_TEMPLATES[status]
                  ? 'Leave empty to use the standard wording.'
                  : 'Leave empty to write no commentary for this status.'
              }
            >
              <Textarea
                resize="vertical"
                rows={3}
                value={props.form.templates[status]}
                onFocus={() => props.onFocus(status)}
                onChange={(_, data) => props.onChange(status, data.value)}
              />
            </Field>
            {status === props.active && props.preview}
          </Fragment>
        );
      })}
    </section>
  );
}
