import type { Detection } from '../core/detect/types';
import type { IndicatorVerdict } from '../core/engine/indicator-verdict';
import { statusColumnToWrite } from '../core/engine/published-rating';
import { STATUSES, type Status } from '../core/engine/target-types';
import { cellText } from '../core/model/cell-text';
import { isoFromDate, type CalendarDate } from '../core/model/serial-dates';
import { cellAt, findSheet, type Workbook } from '../core/model/workbook';
import { cellKey, chooseVerdicts, judgedColumn } from '../core/plan/recalc-plan';
import type { StatusLabels } from '../core/plan/status-style';
import type { Settings, SignOff } from '../core/settings/settings-schema';

export interface SignOffDraft {
  readonly signOff: SignOff;
  /** Indicators whose status cell does not show this period's verdict (it may show another period). */
  readonly mismatches: readonly string[];
}

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A sign-off of `period`: the label each status cell holds now, with the status it stands for,
 * keyed as a run keys them (`Sheet!H4`). Cells that are empty or hold words that are no status are left out.
 */
export function signOffFor(input: {
  readonly workbook: Workbook;
  readonly detection: Detection;
  readonly verdicts: readonly IndicatorVerdict[];
  readonly labels: StatusLabels;
  readonly period: string;
  readonly today: CalendarDate;
  readonly committee?: string;
}): SignOffDraft {
  const byLabel = new Map<string, Status>();
  for (const status of STATUSES) if (!byLabel.has(normalise(input.labels[status]))) byLabel.set(normalise(input.labels[status]), status);
  const statuses: SignOff['statuses'] = {};
  const mismatches: string[] = [];
  for (const verdict of chooseVerdicts(input.verdicts, input.period)) {
    if (verdict.periodLabel !== input.period) continue;
    const table = input.detection.tables[verdict.tableIndex];
    const col = table ? statusColumnToWrite(table, verdict.period, judgedColumn(verdict))?.col : undefined;
    const sheet = table ? findSheet(input.workbook, table.sheet) : undefined;
    if (!table || col === undefined || !sheet) continue;
    const label = cellText(cellAt(sheet, verdict.row, col)).trim();
    const status = byLabel.get(normalise(label));
    if (!label || !status) continue;
    statuses[cellKey(table.sheet, verdict.row, col)] = { status, label };
    if (status !== verdict.status)
      mismatches.push(
        `${verdict.ref ?? verdict.indicator}: the cell says "${label}", ${input.period} rates it "${input.labels[verdict.status]}"`,
      );
  }
  const committee = input.committee?.trim();
  return {
    signOff: { period: input.period, signedOffOn: isoFromDate(input.today), ...(committee ? { committee } : {}), statuses },
    mismatches,
  };
}

/** The settings with this sign-off in place of any earlier one for the same period. */
export function withSignOff(settings: Settings, signOff: SignOff): Settings {
  return { ...settings, signOffs: [...settings.signOffs.filter((s) => s.period !== signOff.period), signOff] };
}

export function withoutSignOff(settings: Settings, period: string): Settings {
  return { ...settings, signOffs: settings.signOffs.filter((s) => s.period !== period) };
}
