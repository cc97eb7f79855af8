/**
 * A small KPI table of layout A as worksheet XML, for tests that build or operate on workbooks
 * part by part. The words and figures are seed 003's (Housing Management & Enforcement, Service
 * Plan 2024-28), indicators 01–05, written as an officer's workbook holds them: numbers as
 * numbers, percentages and "TBC" as text, an empty Status column and the officers' commentary.
 */
import { escapeCellText } from '../../../src/hosts/xlsx/xml-text';

export const SEED_TITLE = 'Housing Management & Enforcement - Key Performance Indicators – Service Plan 2024-28';
export const SEED_HEADER = [
  'Indicator No.',
  'KPI Description',
  'Q1 2024/25',
  'Q2 2024/25',
  'Q3 2024/25',
  'Q4 2024/25',
  'Annual Target 2024/25',
  'Status',
  'Commentary',
] as const;

type Figure = string | number;

interface SeedIndicator {
  readonly ref: string;
  readonly description: string;
  readonly q1: Figure;
  readonly q2: Figure;
  readonly target: Figure;
  readonly commentary?: string;
}

export const SEED_INDICATORS: readonly SeedIndicator[] = [
  {
    ref: '01',
    description: 'Proportion of rent collected as a % of rent due in the financial year',
    q1: 83,
    q2: '90.2%',
    target: '92%',
    commentary:
      'This indicator is always lower at the start of the financial year and the 83% is in line with the balance at the end of Quarter One in 2023.',
  },
  {
    ref: '02',
    description: 'Percentage of rent lost through LA dwellings becoming vacant (void rent low)',
    q1: '3.2%',
    q2: '3.27%',
    target: '3.5%',
  },
  { ref: '03', description: 'Former tenants arrears as a % of rent due in the financial year.', q1: '2%', q2: '2.1%', target: '2%' },
  {
    ref: '04',
    description: 'Current tenants arrears as a % of rent due in the financial year',
    q1: '5%',
    q2: '5.5%',
    target: '4%',
    commentary: 'Although we are still above the target we are still seeing a gradual decrease in the number of cases.',
  },
  {
    ref: '05',
    description: 'Allocations – from Dragonfly handover to relet – 14 working days',
    q1: 20,
    q2: 'TBC',
    target: 14,
    commentary:
      'Q1 – This is higher than usual due to the implementation of the new Housing Allocation Policy and the shutdown period in April 24.',
  },
];

/** The status each indicator's cell gets from a run: one period for the run, Q2 2024/25, the latest with figures (05's Q2 is TBC). */
export const SEED_STATUSES: Readonly<Record<string, string>> = {
  '01': 'Near miss',
  '02': 'Met',
  '03': 'Near miss',
  '04': 'Not met',
  '05': 'No data',
};

/** 0-based columns of the table: H holds the status, I the commentary. */
export const STATUS_COLUMN = 7;
export const COMMENTARY_COLUMN = 8;
/** 1-based row of the header; the indicators follow it. */
export const HEADER_ROW = 3;

const LETTERS = 'ABCDEFGHI';

function cell(p: string, address: string, value: Figure | undefined): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'number') return `<${p}c r="${address}"><${p}v>${value}</${p}v></${p}c>`;
  return `<${p}c r="${address}" t="inlineStr"><${p}is><${p}t>${escapeCellText(value)}</${p}t></${p}is></${p}c>`;
}

function row(p: string, r: number, values: ReadonlyArray<Figure | undefined>): string {
  return `<${p}row r="${r}">${values.map((value, i) => cell(p, `${LETTERS[i]}${r}`, value)).join('')}</${p}row>`;
}

/** The 1-based row an indicator is on. */
export function rowOf(ref: string): number {
  return HEADER_ROW + 1 + SEED_INDICATORS.findIndex((kpi) => kpi.ref === ref);
}

/** The rows of the table, from row `1` (the title) on, with every element written with prefix `p`. */
export function seedKpiRows(p = ''): string {
  return [
    row(p, 1, [SEED_TITLE]),
    row(p, HEADER_ROW, SEED_HEADER),
    ...SEED_INDICATORS.map((kpi) =>
      row(p, rowOf(kpi.ref), [kpi.ref, kpi.description, kpi.q1, kpi.q2, undefined, undefined, kpi.target, undefined, kpi.commentary]),
    ),
  ].join('');
}
