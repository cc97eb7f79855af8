/**
 * Excel on the web refuses a request over 5 MB. Recalculate status on 30,000 indicators, with
 * commentary templates that name each indicator, writes a commentary column of about 5.6 MB; it
 * used to go out as one write, in one request, which Excel refused after the statuses before it had
 * been written. Every write is now cut by size.
 *
 * And when Excel stops part-way (here: it turns the second write request away as too busy), the
 * error says exactly which cells were written and which were not, and the change log holds a row
 * for each cell written and for no other. Running again finishes the job, and every cell is logged
 * once. Two runs of the pure core at this size: about 40 s.
 */
import { columnLetter } from '../../src/core/model/address';
import { CHANGE_LOG_SHEET } from '../../src/core/plan/change-log';
import { ExcelRunError } from '../../src/hosts/excel/excel-errors';
import { runInExcel } from '../../src/hosts/excel/excel-run';
import { generatedLayoutA, options } from '../support/excel-fixtures';
import { FakeExcel, FIVE_MB, installFakeExcel, type FakeCell } from '../support/fake-excel';

jest.setTimeout(240_000);

const INDICATORS = 30_000;
const RECALC = options({ statuses: true });
const encoder = new TextEncoder();

/** An officer's templates that start each commentary with the indicator's name and reference. */
const TEMPLATES = {
  met: '{ref} – {indicator}. In {period} the figure was {actual} against a target of {target} ({variance}). Target met{direction}.',
  near: '{ref} – {indicator}. In {period} the figure was {actual} against a target of {target} ({variance}). Just short of target, within the tolerance{direction}.',
  missed:
    '{ref} – {indicator}. In {period} the figure was {actual} against a target of {target} ({variance}). Target not met{direction}; see the action plan.',
};
const fake = FakeExcel.fromWorkbook(generatedLayoutA(INDICATORS, { templates: TEMPLATES }));
const uninstall = installFakeExcel(fake);
afterAll(() => uninstall());

/** Sheet!A1 → the cell's value, for every cell of the KPI sheet. */
function kpiCells(): Map<string, FakeCell['value']> {
  const cells = new Map<string, FakeCell['value']>();
  fake.sheet('KPIs')!.rows.forEach((row, r) => row?.forEach((cell, c) => cell && cells.set(`KPIs!${columnLetter(c)}${r + 1}`, cell.value)));
  return cells;
}

/** The cells the change log says were changed, as Sheet!A1, one entry per row. */
function loggedCells(): string[] {
  const log = fake.sheet(CHANGE_LOG_SHEET);
  if (!log) return [];
  return log.rows
    .slice(1)
    .filter((row) => row?.[4]?.value === 'Status' || row?.[4]?.value === 'Commentary')
    .map((row) => `${String(row![2]!.value)}!${String(row![3]!.value)}`);
}

function changed(before: Map<string, FakeCell['value']>, after: Map<string, FakeCell['value']>): string[] {
  return [...after.keys()].filter((key) => after.get(key) !== before.get(key)).sort();
}

describe(`Recalculate status on ${INDICATORS.toLocaleString('en-GB')} indicators, with Excel turning the second write request away`, () => {
  const before = kpiCells();
  let failure: unknown;
  let afterFailure: Map<string, FakeCell['value']>;

  beforeAll(async () => {
    let writeRequests = 0;
    // Each write request begins by suspending calculation: the second is refused whole, as Excel
    // refuses a request when it is too busy.
    fake.failNextRequest(
      'ActivityLimitReached',
      'Excel is busy.',
      (label) => label === 'Application.suspendApiCalculationUntilNextSync' && ++writeRequests === 2,
    );
    failure = await runInExcel(RECALC, true).catch((error: unknown) => error);
    afterFailure = kpiCells();
  });

  it('stops with an error that says how many cells were written and which', () => {
    expect(failure).toBeInstanceOf(ExcelRunError);
    const message = (failure as ExcelRunError).message;
    const written = changed(before, afterFailure);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(2 * INDICATORS);
    expect(message).toContain('Excel is busy with too many requests.');
    expect(message).toContain(
      `Written: ${written.length.toLocaleString('en-GB')} cells of ${(2 * INDICATORS).toLocaleString('en-GB')} cells`,
    );
    expect(message).toContain(`Not written: ${(2 * INDICATORS - written.length).toLocaleString('en-GB')} cells`);
    expect(message).toContain('Run it again to finish');
    // The written cells are named as ranges: the status and commentary of the first rows.
    const lastRow = (column: string) =>
      Math.max(...written.filter((key) => key.startsWith(`KPIs!${column}`)).map((key) => Number(key.slice(6))));
    expect(message).toContain(`'KPIs'!P4:P${lastRow('P')} (status)`);
    expect(message).toContain(`'KPIs'!Q4:Q${lastRow('Q')} (commentary)`);
  });

  it('has logged exactly the cells it wrote', () => {
    expect(loggedCells().sort()).toEqual(changed(before, afterFailure));
  });

  describe('run again', () => {
    let requests: typeof fake.requests;

    beforeAll(async () => {
      const from = fake.requests.length;
      await runInExcel(RECALC, true);
      requests = fake.requests.slice(from);
    });

    it('sends no request over 5 MB, though the commentary column alone is more', () => {
      const commentary = [...kpiCells()].filter(([key]) => key.startsWith('KPIs!Q') && key !== 'KPIs!Q3');
      const commentaryBytes = commentary.reduce((sum, [, value]) => sum + encoder.encode(String(value)).length, 0);
      expect(commentaryBytes).toBeGreaterThan(FIVE_MB);
      expect(requests.filter((request) => request.failed)).toEqual([]);
      for (const request of requests) expect(request.requestBytes).toBeLessThanOrEqual(FIVE_MB);
    });

    it('finishes the job: every status and commentary written, each logged once', () => {
      const written = changed(before, kpiCells());
      expect(written).toHaveLength(2 * INDICATORS);
      expect(loggedCells().sort()).toEqual(written);
    });
  });
});
