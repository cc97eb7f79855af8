import { join } from 'node:path';
import { statusFormula, varianceFormula, workdaysFormula } from '../../src/core/engine/formula-functions';
import { serialFromDate } from '../../src/core/model/serial-dates';

const TODAY = { year: 2026, month: 12, day: 6 };

const serial = (iso: string): number => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return serialFromDate({ year, month, day });
};

describe('=KPI.STATUS', () => {
  it('gives the brief reference verdicts from plain cell values', () => {
    expect(statusFormula(TODAY, 0.902, '92%')).toBe('Near miss');
    expect(statusFormula(TODAY, 83, '92%')).toBe('Not met');
    expect(statusFormula(TODAY, '2.1%', '2%', 'lower')).toBe('Near miss');
    expect(statusFormula(TODAY, '5.5%', '4%', 'lower')).toBe('Not met');
    expect(statusFormula(TODAY, '3.27%', 'no more than 3.5%')).toBe('Met');
    expect(statusFormula(TODAY, 'TBC', 14)).toBe('No data');
    expect(statusFormula(TODAY, 29, '15 per quarter')).toBe('Met');
    expect(statusFormula(TODAY, 'Achieved', 'Yearly')).toBe('Met');
  });

  it('takes a tolerance as a fraction or a percentage', () => {
    expect(statusFormula(TODAY, 85, '92%', 'higher', 0.1)).toBe('Near miss');
    expect(statusFormula(TODAY, 85, '92%', 'higher', 10)).toBe('Near miss');
    expect(statusFormula(TODAY, 85, '92%', 'higher')).toBe('Not met');
  });

  it("says Can't read rather than guessing", () => {
    expect(statusFormula(TODAY, 'lots', '92%')).toBe("Can't read");
    expect(statusFormula(TODAY, 90, 'when pigs fly')).toBe("Can't read");
  });
});

describe('=KPI.VARIANCE', () => {
  it('writes variances as the papers do', () => {
    expect(varianceFormula(TODAY, 364, 264)).toBe('+38%');
    expect(varianceFormula(TODAY, '82%', '75%')).toBe('+7%');
    expect(varianceFormula(TODAY, '22 per quarter', '15 per quarter')).toBe('+47%');
    expect(varianceFormula(TODAY, 'TBC', '75%')).toBe('');
  });
});

describe('=KPI.WORKDAYS', () => {
  it('skips weekends and the bank holidays of the chosen region', () => {
    // Friday 20 December 2024 to Friday 3 January 2025: Christmas, Boxing Day and New Year's Day skipped.
    expect(workdaysFormula(serial('2024-12-20'), serial('2025-01-03'))).toBe(7);
    // Scotland also has 2 January.
    expect(workdaysFormula(serial('2024-12-20'), serial('2025-01-03'), 'Scotland')).toBe(6);
    expect(() => workdaysFormula(serial('2024-12-20'), serial('2025-01-03'), 'Atlantis')).toThrow(/not a region/);
  });
});

describe('functions.json', () => {
  it('describes the three functions and their parameters from the JSDoc', async () => {
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
      generateCustomFunctionsMetadata: (input: string[], wantAssociate: boolean) => Promise<{ metadataJson: string; errors: string[] }>;
    };
    const result = await generateCustomFunctionsMetadata([join(__dirname, '../../src/functions/functions.ts')], true);
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as {
      functions: Array<{ id: string; parameters: Array<{ name: string; description: string; optional?: boolean }> }>;
    };
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(['STATUS', 'VARIANCE', 'WORKDAYS']);
    expect(byId.get('STATUS')!.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ['actual', false],
      ['target', false],
      ['polarity', true],
      ['tolerance', true],
    ]);
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(5);
  });
});
