import type { Detection } from '../detect/types';
import type { IndicatorVerdict } from '../engine/indicator-verdict';

/**
 * The group each indicator is reported under on the committee sheet, in the order of `verdicts`:
 * the section (sub-heading) it sits under in its table; otherwise the title of its table, where
 * the indicators come from tables of more than one title (themes, services, directorates; an
 * untitled table's indicators go under its sheet's name);
 * otherwise its sheet, where they come from more than one sheet; otherwise none ('').
 */
export function indicatorGroups(detection: Detection, verdicts: readonly IndicatorVerdict[]): string[] {
  const sections = new Map<number, Map<number, string>>();
  const sectionOf = (tableIndex: number, row: number): string | undefined => {
    let byRow = sections.get(tableIndex);
    if (!byRow) {
      byRow = new Map();
      for (const indicator of detection.tables[tableIndex]?.indicators ?? [])
        if (indicator.section) byRow.set(indicator.row, indicator.section.trim());
      sections.set(tableIndex, byRow);
    }
    return byRow.get(row);
  };
  const titles = new Set<string>();
  const sheets = new Set<string>();
  for (const v of verdicts) {
    const title = detection.tables[v.tableIndex]?.title?.trim();
    if (title) titles.add(title);
    sheets.add(v.sheet);
  }
  const byTitle = titles.size > 1;
  const bySheet = sheets.size > 1;
  return verdicts.map((v) => {
    const section = sectionOf(v.tableIndex, v.row);
    if (section) return section;
    if (byTitle) return detection.tables[v.tableIndex]?.title?.trim() || v.sheet;
    return bySheet ? v.sheet : '';
  });
}
