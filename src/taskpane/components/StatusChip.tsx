import { Badge } from '@fluentui/react-components';
import { textOn } from '../text-colour';

/** A status as the sheet shows it: the label written on its colour, never the colour alone. */
export function StatusChip(props: { label: string; colour: string }) {
  return (
    <Badge
      appearance="filled"
      shape="rounded"
      size="large"
      style={{ backgroundColor: props.colour, color: textOn(props.colour), border: '1px solid rgba(0, 0, 0, 0.25)' }}
    >
      {props.label}
    </Badge>
  );
}
