import type { Detection } from '../core/detect/types';
import { statusColumnsToWrite } from '../core/engine/published-rating';
import { cellText } from '../core/model/cell-text';
import { cellAt, findSheet, type Workbook } from '../core/model/workbook';
import { chooseColours, chooseLabels, type StatusColours, type StatusLabels } from '../core/plan/status-style';
import type { Settings } from '../core/settings/settings-schema';

export interface StatusLook {
  /** The labels a run writes: the officer's, else the family the workbook uses, else the defaults. */
  readonly labels: StatusLabels;
  /** The labels without the officer's own: what "no change" means on the Settings form. */
  readonly workbookLabels: StatusLabels;
  readonly colours: StatusColours;
}

/** The texts in the status cells now, which tell which label family the workbook uses. */
export function statusCellTexts(workbook: Workbook, detection: Detection): string[] {
  const texts: string[] = [];
  for (const table of detection.tables) {
    const sheet = findSheet(workbook, table.sheet);
    if (!sheet) continue;
    for (const { col } of statusColumnsToWrite(table))
      for (const indicator of table.indicators) texts.push(cellText(cellAt(sheet, indicator.row, col)));
  }
  return texts;
}

/** The labels and colours the pane shows, the same ones a run writes. */
export function statusLook(workbook: Workbook, detection: Detection, settings: Settings): StatusLook {
  const texts = statusCellTexts(workbook, detection);
  return {
    labels: chooseLabels(texts, settings.labels),
    workbookLabels: chooseLabels(texts, {}),
    colours: chooseColours(settings.colours),
  };
}
