/**
 * A run refuses to write because of what a doubt is (its code), never because of what its words
 * happen to say: the words quote the officer's own headings and sheet names, which can say anything.
 */
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { buildWorkbook, type SheetInput } from '../../../src/hosts/memory/build-workbook';
import { settingsSheet, type SettingsInput } from '../../support/settings-sheet';

const TODAY = { year: 2024, month: 8, day: 1 };

function recalc(...sheets: SheetInput[]) {
  return runKpiTracker(buildWorkbook(sheets), {
    today: TODAY,
    now: '2024-08-01T09:00:00Z',
    command: 'recalc',
    steps: { statuses: true, actionPlan: false, committee: false },
  });
}

const kpis = (headers: readonly string[]): SheetInput => ({
  name: 'KPIs',
  rows: [
    headers,
    ['01', 'Rent collected as a % of rent due', 'Agreed in June', { v: 0.95, fmt: '0%' }, { v: 0.92, fmt: '0%' }, null],
    ['02', 'Average days to re-let empty homes', 'As before', 31, '28 days', null],
  ],
});

const MAPPING: SettingsInput = {
  version: 1,
  ownedSheets: [],
  tables: [
    {
      sheet: 'KPIs',
      headerRows: [1],
      columns: [
        { column: 'A', header: 'Ref', role: 'reference' },
        { column: 'B', header: 'Indicator', role: 'description' },
        { column: 'D', header: 'Q1 2024/25', role: 'actual', period: 'Q1 2024/25' },
        { column: 'E', header: 'Target', role: 'target', period: '2024/25' },
        { column: 'F', header: 'Status', role: 'status' },
      ],
    },
  ],
};

describe('refusing by what a doubt is, not by its words', () => {
  it('a heading that says "no longer fits" is a column KPI Tracker leaves alone, and the statuses are written', () => {
    const run = recalc(kpis(['Ref', 'Indicator', 'Why it no longer fits', 'Q1 2024/25', 'Target', 'Status']));
    expect(run.detection.tables[0]!.doubts).toEqual([
      { code: 'column-not-recognised', message: 'Column C "Why it no longer fits" was not recognised; KPI Tracker will leave it alone.' },
    ]);
    expect(run.plan.refusals).toEqual([]);
    expect(run.plan.edits.filter((edit) => edit.purpose === 'status')).toHaveLength(2);
  });

  it('a saved mapping whose column now reads differently stops the run, with the doubt’s code and words', () => {
    const run = recalc(kpis(['Ref', 'Indicator', 'Notes', 'Q1 2024/25', 'Annual target', 'Status']), settingsSheet(MAPPING));
    expect(run.plan.refusals).toEqual([
      {
        code: 'saved-mapping-no-longer-fits',
        message:
          'The saved mapping no longer fits sheet "KPIs": column E was "Target" when you confirmed it and is now "Annual target". Check the mapping before running.',
      },
    ]);
    expect(run.plan.edits).toEqual([]);
  });

  it('a saved mapping for a sheet that has gone stops the run too', () => {
    const gone: SettingsInput = { ...MAPPING, tables: [{ ...MAPPING.tables![0]!, sheet: 'Old KPIs' }] };
    const run = recalc(kpis(['Ref', 'Indicator', 'Notes', 'Q1 2024/25', 'Target', 'Status']), settingsSheet(gone));
    expect(run.plan.refusals.map((refusal) => refusal.code)).toEqual(['saved-sheet-missing']);
    expect(run.plan.refusals[0]!.message).toBe('The saved mapping names a sheet "Old KPIs" that is no longer in the workbook.');
  });
});
