import type { Workbook } from '../core/model/workbook';
import { buildWorkbook } from '../hosts/memory/build-workbook';

/**
 * A layout-A workbook full of text pasted from somewhere unfriendly: HTML, formulas and DDE
 * payloads in descriptions, owners, commentary and a sheet name. Everything must show as the
 * literal characters, in the grid and in the pane, and nothing may run.
 */
export const HOSTILE_TEXTS = {
  html: '<img src=x onerror=alert(1)>',
  hyperlink: '=HYPERLINK("http://evil","x")',
  dde: "=cmd|' /C calc'!A0",
  at: '@SUM(1+1)',
  script: '<script>alert(2)</script>',
  sheet: '<b onmouseover=alert(3)>x</b>',
} as const;

export function hostileWorkbook(): Workbook {
  const pct = (v: number) => ({ v, fmt: '0.0%' });
  const header = [
    'Indicator No.',
    'KPI Description',
    'Q1 2024/25',
    'Q2 2024/25',
    'Q3 2024/25',
    'Q4 2024/25',
    'Annual Target 2024/25',
    'Status',
    'Commentary',
    'Owner',
  ];
  return buildWorkbook([
    {
      name: 'KPIs 2024-25',
      merges: ['A1:J1'],
      rows: [
        ['Hostile text test workbook'],
        [],
        header.map((text) => ({ v: text, fill: '#D9E1F2' })),
        ['01', HOSTILE_TEXTS.html, pct(0.8), pct(0.85), null, null, { v: 0.92, fmt: '0%' }, null, null, HOSTILE_TEXTS.at],
        [
          '02',
          HOSTILE_TEXTS.hyperlink,
          pct(0.95),
          pct(0.96),
          null,
          null,
          { v: 0.92, fmt: '0%' },
          null,
          HOSTILE_TEXTS.script,
          HOSTILE_TEXTS.dde,
        ],
        ['03', '+44 1234 567890 calls answered', pct(0.9), pct(0.7), null, null, { v: 0.9, fmt: '0%' }, null, null, '-Housing team'],
      ],
    },
    { name: HOSTILE_TEXTS.sheet, rows: [[HOSTILE_TEXTS.script], [HOSTILE_TEXTS.html]] },
  ]);
}
