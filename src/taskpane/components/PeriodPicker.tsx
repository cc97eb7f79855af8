import { Field, Select } from '@fluentui/react-components';

/** The period the view works on, from those the workbook has figures for. */
export function PeriodPicker(props: {
  periods: readonly string[];
  value: string | null;
  latest: string | null;
  onChange: (period: string) => void;
}) {
  const hint = props.latest ? `The latest period with figures is ${props.latest}.` : 'No period has figures yet.';
  return (
    <Field label="Period" hint={hint}>
      <Select value={props.value ?? ''} disabled={props.periods.length === 0} onChange={(_, data) => props.onChange(data.value)}>
        {props.periods.length === 0 && <option value="">No periods</option>}
        {props.periods.map((period) => (
          <option key={period} value={period}>
            {period}
          </option>
        ))}
      </Select>
    </Field>
  );
}
