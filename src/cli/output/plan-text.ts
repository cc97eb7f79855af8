import { cellAddress } from '../../core/model/address';
import { planValueText, type Plan } from '../../core/plan/plan-types';
import { shortText } from '../../core/model/short-text';

function clip(text: string, max = 70): string {
  return shortText(text, max);
}

/**
 * Lines of changes and notes shown before the rest is summed up: all of a council's run fits,
 * while 90,000 changes on a screen would help no one (the change log sheet lists every one).
 */
export const LISTED_LINES = 200;

function listed<T>(items: readonly T[], line: (item: T) => string, more: (count: number) => string): string[] {
  const lines = items.slice(0, LISTED_LINES).map(line);
  if (items.length > LISTED_LINES) lines.push(more(items.length - LISTED_LINES));
  return lines;
}

/** A plan in words: what a run changes (or, in a dry run, would change). */
export function planText(plan: Plan, dryRun: boolean): string {
  const lines: string[] = [];
  if (plan.refusals.length > 0) {
    lines.push('Nothing was written:');
    for (const refusal of plan.refusals) lines.push(`  ${refusal.message}`);
    return lines.join('\n');
  }
  const statuses = plan.edits.filter((edit) => edit.purpose === 'status').length;
  const commentary = plan.edits.filter((edit) => edit.purpose === 'commentary').length;
  const verb = dryRun ? 'Would change' : 'Changed';
  lines.push(
    `${verb} ${statuses} status cell${statuses === 1 ? '' : 's'} and ${commentary} commentary cell${commentary === 1 ? '' : 's'}.`,
  );
  const log = plan.sheets.find((sheet) => sheet.purpose === 'change-log');
  lines.push(
    ...listed(
      plan.edits,
      (edit) =>
        `  ${edit.sheet}!${cellAddress(edit.row, edit.col)}: ${edit.before.trim() ? `"${clip(edit.before, 30)}"` : '(empty)'} → "${clip(planValueText(edit.value))}"`,
      (count) => `  … and ${count.toLocaleString('en-GB')} more${!dryRun && log ? `; the sheet "${log.name}" lists every change` : ''}.`,
    ),
  );
  const sheets = plan.sheets.filter((sheet) => sheet.visibility === 'visible');
  for (const sheet of sheets)
    lines.push(
      `${dryRun ? 'Would update' : 'Updated'} sheet "${sheet.name}" (${sheet.mode === 'append' ? `${sheet.rows.length} row${sheet.rows.length === 1 ? '' : 's'} added` : 'rebuilt'}).`,
    );
  if (plan.notices.length > 0) {
    lines.push('Notes:');
    lines.push(
      ...listed(
        plan.notices,
        (notice) => `  ${notice.sheet}${notice.cell ? `!${notice.cell}` : ''}: ${notice.message}`,
        (count) => `  … and ${count.toLocaleString('en-GB')} more notes.`,
      ),
    );
  }
  return lines.join('\n');
}
