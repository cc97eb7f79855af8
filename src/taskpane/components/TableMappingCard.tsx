import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { COLUMN_ROLES, LAYOUT_OF_KIND, type ColumnRole, type DetectedTable } from '../../core/detect/types';
import { columnLetter, rangeAddress } from '../../core/model/address';
import { periodLabel } from '../../core/periods/period';
import { columnSummary } from '../column-summary';
import type { TableChoice } from '../mapping-edit';
import { usePaneStyles } from '../pane-styles';
import { count, KIND_WORDS, ROLE_WORDS } from '../words';

const NOT_USED = '';

/** One table as it was found, with a role picker per column and a way to say it is not a KPI table. */
export function TableMappingCard(props: {
  table: DetectedTable;
  number: number;
  choice: TableChoice;
  onChange: (choice: TableChoice) => void;
}) {
  const { table, number, choice } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const pickersId = useId();
  // Tables KPI Tracker is unsure of open with their pickers showing; the rest show a one-line summary.
  const [open, setOpen] = useState(() => table.doubts.length > 0 || table.confidence < 0.8);
  const periods = [
    ...new Set(table.columns.filter((column) => column.role === 'actual' && column.period).map((column) => periodLabel(column.period!))),
  ];
  const rows = table.kind === 'action-plan' ? count(table.actions.length, 'action') : count(table.indicators.length, 'indicator');
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Table {number}: {table.sheet} {rangeAddress(table.range)}
      </Subtitle2>
      {table.title && <Body1 className={styles.wrapText}>{table.title}</Body1>}
      <Caption1>
        Layout {LAYOUT_OF_KIND[table.kind]}, {KIND_WORDS[table.kind]}. {rows}
        {periods.length > 0 ? `; periods ${periods.join(', ')}` : ''}. Confidence {Math.round(table.confidence * 100)}%.
        {table.confirmed ? ' Confirmed by you.' : ''}
      </Caption1>
      {table.doubts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Please check</MessageBarTitle>
            <ul className={styles.list}>
              {table.doubts.map((doubt, i) => (
                <li key={i}>{doubt.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Checkbox
        label="Not a KPI table"
        checked={choice.ignored}
        onChange={(_, data) => props.onChange({ ...choice, ignored: data.checked === true })}
      />
      {!choice.ignored && (
        <>
          <Caption1 className={styles.wrapText}>Columns: {columnSummary(table, choice)}.</Caption1>
          <div>
            <Button size="small" aria-expanded={open} {...(open ? { 'aria-controls': pickersId } : {})} onClick={() => setOpen(!open)}>
              {open ? 'Hide the column roles' : 'Correct the column roles'}
            </Button>
          </div>
        </>
      )}
      {!choice.ignored && open && (
        <div id={pickersId} className={styles.section}>
          {table.columns.map((column) => {
            const letter = columnLetter(column.col);
            const role = choice.roles[column.col] === undefined ? column.role : choice.roles[column.col];
            return (
              <Field
                key={column.col}
                label={`Role of column ${letter} (${column.header || 'no header'})`}
                hint={column.reason}
                className={styles.field}
              >
                <Select
                  className={styles.selectRoot}
                  select={{ className: styles.select }}
                  value={role ?? NOT_USED}
                  onChange={(_, data) =>
                    props.onChange({
                      ...choice,
                      roles: { ...choice.roles, [column.col]: data.value === NOT_USED ? null : (data.value as ColumnRole) },
                    })
                  }
                >
                  {COLUMN_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_WORDS[r]}
                    </option>
                  ))}
                  <option value={NOT_USED}>Not used (leave alone)</option>
                </Select>
              </Field>
            );
          })}
        </div>
      )}
    </section>
  );
}
