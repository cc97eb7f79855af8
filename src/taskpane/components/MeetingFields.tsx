import { Field, Input } from '@fluentui/react-components';
import { usePaneStyles } from '../pane-styles';

export interface Meeting {
  readonly name: string;
  readonly meetingDate: string;
}

/**
 * Who the committee sheet is for, asked where it is generated: the committee's name and the
 * meeting date printed at its top. Left empty, the sheet leaves the line out.
 */
export function MeetingFields(props: { meeting: Meeting; onChange: (meeting: Meeting) => void }) {
  const styles = usePaneStyles();
  return (
    <div className={styles.row} role="group" aria-label="Committee sheet details">
      <Field label="Committee" hint="For example, Regulatory and Support Services Committee." className={styles.grow}>
        <Input value={props.meeting.name} onChange={(_, data) => props.onChange({ ...props.meeting, name: data.value })} />
      </Field>
      <Field label="Meeting date" hint="As it should be printed, for example 15 January 2025." className={styles.grow}>
        <Input value={props.meeting.meetingDate} onChange={(_, data) => props.onChange({ ...props.meeting, meetingDate: data.value })} />
      </Field>
    </div>
  );
}
