import type { ScanJson } from './scan-json';
import { shortText } from '../../core/model/short-text';

const KIND_NAMES: Record<string, string> = {
  'period-table': 'period table',
  'measure-table': 'measures with target and actual',
  'baseline-table': 'measures with baseline and target',
  'kpi-return': 'KPI return (numbers and target met)',
  satisfaction: 'satisfaction counts',
  'action-plan': 'action plan',
  'case-list': 'case list (dates received and answered)',
};

function oneLine(text: string, max = 70): string {
  return shortText(text, max);
}

/** What `kpi-tracker scan` prints for a person. */
export function scanText(scan: ScanJson): string {
  const lines: string[] = [];
  const indicatorCount = scan.tables.reduce((n, table) => n + table.indicators.length, 0);
  lines.push(
    `${scan.file}: ${scan.tables.length} table${scan.tables.length === 1 ? '' : 's'}, ${indicatorCount} indicator${indicatorCount === 1 ? '' : 's'}`,
  );
  for (const doubt of scan.doubts) lines.push(`  ! ${doubt}`);
  for (const table of scan.tables) {
    lines.push('');
    const title = table.title ? ` — ${oneLine(table.title, 60)}` : '';
    lines.push(
      `Sheet "${table.sheet}" ${table.range}: layout ${table.layout}, ${KIND_NAMES[table.kind]}${title} (confidence ${Math.round(table.confidence * 100)}%${table.confirmed ? ', confirmed by you' : ''})`,
    );
    lines.push(
      `  Columns: ${table.columns
        .map(
          (column) =>
            `${column.column} ${column.role}${column.period ? ` (${column.period})` : ''}${column.rating ? ` (${column.rating})` : ''}`,
        )
        .join(' · ')}`,
    );
    if (table.recommendation) {
      const rec = table.recommendation;
      lines.push(`  ${rec.ref} ${oneLine(rec.title)}${rec.responsible ? ` — responsible: ${oneLine(rec.responsible, 50)}` : ''}`);
      lines.push(`  ${table.actions.length} action${table.actions.length === 1 ? '' : 's'}`);
      for (const action of table.actions)
        lines.push(`    row ${action.row}: ${oneLine(action.action, 60)}${action.by ? ` — by ${oneLine(action.by, 40)}` : ''}`);
    }
    if (table.indicators.length > 0) lines.push(`  Indicators (${table.indicators.length}):`);
    for (const indicator of table.indicators) {
      const extras = [
        indicator.section ? `under "${oneLine(indicator.section, 30)}"` : '',
        indicator.footnote ? `footnote ${indicator.footnote.marker}` : '',
        indicator.owner ? `owner ${indicator.owner}` : '',
        indicator.hidden ? 'hidden row' : '',
      ].filter(Boolean);
      lines.push(
        `    row ${indicator.row}: ${indicator.ref ? `${indicator.ref} ` : ''}${oneLine(indicator.description)}${extras.length ? ` [${extras.join('; ')}]` : ''}`,
      );
    }
    for (const doubt of table.doubts) lines.push(`  ? ${doubt}`);
  }
  return lines.join('\n');
}
