import { Field, Input, Label, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { STATUSES, STATUS_WORDS, type Status } from '../../core/engine/target-types';
import { usePaneStyles } from '../pane-styles';
import type { SettingsForm } from '../settings-form';
import { StatusChip } from './StatusChip';

const useStyles = makeStyles({
  status: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  colour: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  chip: {
    gridColumn: '1 / -1',
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  swatch: {
    width: '48px',
    height: '32px',
    padding: '2px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});

/** The label and colour written for each status, with the chip as it will look. */
export function StatusStyleFields(props: {
  form: SettingsForm;
  onChange: (status: Status, patch: { label?: string; colour?: string }) => void;
}) {
  const styles = usePaneStyles();
  const own = useStyles();
  const headingId = useId();
  const idBase = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Status labels and colours
      </Subtitle2>
      {STATUSES.map((status) => {
        const colourId = `${idBase}-${status}`;
        return (
          <div key={status} className={own.status}>
            <Field label={`Label for ${STATUS_WORDS[status]}`} className={styles.field}>
              <Input value={props.form.labels[status]} onChange={(_, data) => props.onChange(status, { label: data.value })} />
            </Field>
            <div className={own.colour}>
              <Label htmlFor={colourId}>
                Colour<span className={own.hidden}> for {STATUS_WORDS[status]}</span>
              </Label>
              <input
                id={colourId}
                type="color"
                className={own.swatch}
                value={props.form.colours[status].toLowerCase()}
                onChange={(event) => props.onChange(status, { colour: event.target.value.toUpperCase() })}
              />
            </div>
            <div className={own.chip}>
              <StatusChip label={props.form.labels[status] || STATUS_WORDS[status]} colour={props.form.colours[status]} />
            </div>
          </div>
        );
      })}
    </section>
  );
}
