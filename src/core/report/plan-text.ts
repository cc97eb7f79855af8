import { cellAddress } from '../model/address';
import { planValueText, type Plan } from '../plan/plan-types';
import { shortText } from '../model/short-text';

function clip(text: string, max = 70): string {
  return shortText(text, max);
}

/** A plan in words: what a run changes (or, in a dry run, would change). */
export function planText(plan: Plan, dryRun: boolean): string {
  const lines: string[] = [];
  if (plan.refusals.length > 0) {
    lines.push('Nothing was written:');
    for (const refusal of plan.refusals) lines.push(`  ${refusal}`);
    return lines.join('\n');
  }
  const statuses = plan.edits.filter((edit) => edit.purpose === 'status').length;
  const commentary = plan.edits.filter((edit) => edit.purpose === 'commentary').length;
  const verb = dryRun ? 'Would change' : 'Changed';
  lines.push(`${verb} ${statuses} status cell${statuses === 1 ? '' : 's'} and ${commentary} commentary cell${commentary === 1 ? '' : 's'}.`);
  for (const edit of plan.edits) {
    lines.push(`  ${edit.sheet}!${cellAddress(edit.row, edit.col)}: ${edit.before.trim() ? `"${clip(edit.before, 30)}"` : '(empty)'} → "${clip(planValueText(edit.value))}"`);
  }
  const sheets = plan.sheets.filter((sheet) => sheet.visibility === 'visible');
  for (const sheet of sheets) lines.push(`${dryRun ? 'Would update' : 'Updated'} sheet "${sheet.name}" (${sheet.mode === 'append' ? `${sheet.rows.length} row${sheet.rows.length === 1 ? '' : 's'} added` : 'rebuilt'}).`);
  if (plan.notices.length > 0) {
    lines.push('Notes:');
    for (const notice of plan.notices) lines.push(`  ${notice.sheet}${notice.cell ? `!${notice.cell}` : ''}: ${notice.message}`);
  }
  return lines.join('\n');
}
