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
import { COLUMN_ROLES, type ColumnRole, type DetectedTable } from '../../core/detect/types';
import { columnLetter, rangeAddress } from '../../core/model/address';
import { periodLabel } from '../../core/periods/period';
import { columnSummary } from '../column-summary';
import type { TableChoice } from '../mapping-edit';
import { usePaneStyles } from '../pane-styles';
import { count, KIND_WORDS, ROLE_WORDS } from '../words';

const NOT_USED = '';

/** Below this, KPI Tracker says it is unsure how a table was read. */
const SURE = 0.8;

/**
 * One table as it was found, with a role picker per column and a way to say it is not a KPI
 * table. A table whose header row is repeated above each block (layout A) is one card: `tables`
 * are its blocks, top first, read alike, and a choice made here is made for all of them.
 */
export function TableMappingCard(props: {
  tables: readonly DetectedTable[];
  number: number;
  choice: TableChoice;
  onChange: (choice: TableChoice) => void;
}) {
  const { tables, number, choice } = props;
  const table = tables[0]!;
  const last = tables[tables.length - 1]!;
  const doubts = [...new Set(tables.flatMap((t) => t.doubts))];
  const unsure = doubts.length > 0 || tables.some((t) => t.confidence < SURE);
  const styles = usePaneStyles();
  const headingId = useId();
  const pickersId = useId();
  // Tables KPI Tracker is unsure of open with their pickers showing; the rest show a one-line summary.
  const [open, setOpen] = useState(unsure);
  const periods = [
    ...new Set(table.columns.filter((column) => column.role === 'actual' && column.period).map((column) => periodLabel(column.period!))),
  ];
  const rows =
    table.kind === 'action-plan'
      ? count(
          tables.reduce((n, t) => n + t.actions.length, 0),
          'action',
        )
      : count(
          tables.reduce((n, t) => n + t.indicators.length, 0),
          'indicator',
        );
  const range = rangeAddress({ ...table.range, bottom: last.range.bottom });
  const kind = KIND_WORDS[table.kind];
  const described = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Table {number}: {table.sheet} {range}
      </Subtitle2>
      {table.title && <Body1 className={styles.wrapText}>{table.title}</Body1>}
      <Caption1>
        {described}
        {tables.length > 1 ? `, its header row repeated above ${tables.length} blocks` : ''}. {rows}
        {periods.length > 0 ? `; periods ${periods.join(', ')}` : ''}.{unsure ? ' Some columns are a guess: please check them.' : ''}
        {table.confirmed ? ' Confirmed by you.' : ''}
      </Caption1>
      {doubts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Please check</MessageBarTitle>
            <ul className={styles.list}>
              {doubts.map((doubt, i) => (
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
