/**
 * =KPI.STATUS, =KPI.VARIANCE and =KPI.WORKDAYS as Excel calls them (src/functions/functions.ts):
 * a failure is a CustomFunctions.Error (#VALUE!) with a message saying why; a cell holding a data
 * type (a formatted number, an entity, a linked data type) is judged by its basic value; and the
 * function whose answer depends on today's date is volatile in the functions.json the build ships.
 */
import { join } from 'node:path';
import { kpiStatus, kpiVariance, kpiWorkdays } from '../../src/functions/functions';
import { serialFromDate } from '../../src/core/model/serial-dates';
import { FakeCustomFunctionsError, installFakeCustomFunctions } from '../support/fake-custom-functions';

let uninstall: () => void;
beforeAll(() => ({ uninstall } = installFakeCustomFunctions()));
afterAll(() => uninstall());
afterEach(() => jest.useRealTimers());

const serial = (year: number, month: number, day: number) => serialFromDate({ year, month, day });

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the function to fail');
}

describe('errors', () => {
  it('an unknown region is #VALUE! saying which regions there are', () => {
    const error = caught(() => kpiWorkdays(serial(2024, 12, 20), serial(2025, 1, 3), 'Atlantis'));
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    expect(error).toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('use England and Wales, Scotland or Northern Ireland'),
    });
  });

  it('a start that is not a date is #VALUE! asking for one', () => {
    expect(caught(() => kpiWorkdays(Number.NaN, serial(2025, 1, 3)))).toMatchObject({
      code: '#VALUE!',
      message: 'KPI.WORKDAYS needs the start as a date, such as 15/10/2025 or a cell holding one.',
    });
  });

  it('a value with nothing to read is #VALUE! naming the argument', () => {
    expect(caught(() => kpiStatus({ type: 'WebImage', address: 'https://example.org/a.png' } as never, '92%'))).toMatchObject({
      code: '#VALUE!',
      message: "KPI.STATUS can't read the actual: a WebImage value has no figure or text.",
    });
  });

  it('working days are still counted as before', () => {
    expect(kpiWorkdays(serial(2024, 12, 20), serial(2025, 1, 3))).toBe(7);
    expect(kpiWorkdays(serial(2024, 12, 20), serial(2025, 1, 3), 'Scotland')).toBe(6);
  });
});

describe('data types in the cells passed', () => {
  it('a formatted number is judged by its number', () => {
    const actual = { type: 'FormattedNumber', basicValue: 0.902, basicType: 'Double', numberFormat: '0.0%' };
    expect(kpiStatus(actual as never, '92%')).toBe('Near miss');
    expect(kpiStatus({ type: 'Double', basicValue: 83, basicType: 'Double' } as never, '92%')).toBe('Not met');
  });

  it('a target held as a formatted number is read too', () => {
    expect(kpiVariance(364, { type: 'FormattedNumber', basicValue: 264, basicType: 'Double', numberFormat: '#,##0' } as never)).toBe(
      '+38%',
    );
  });

  it('an entity or linked data type is judged by the text its cell shows', () => {
    const entity = { type: 'Entity', text: '95%', properties: { Owner: { type: 'String', basicValue: 'Housing' } } };
    expect(kpiStatus(entity as never, '92%')).toBe('Met');
    const linked = { type: 'LinkedEntity', text: 'TBC', id: { domainId: 'x', entityId: 'y', serviceId: 268 } };
    expect(kpiStatus(linked as never, '92%')).toBe('No data');
  });

  it('an error value is No data, as an error in the cell itself would be', () => {
    expect(kpiStatus({ type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' } as never, '92%')).toBe('No data');
  });
});

describe('today', () => {
  const fixToday = (iso: string) =>
    jest.useFakeTimers({ now: new Date(iso), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'queueMicrotask'] });

  it('KPI.STATUS of a deadline target changes as the days pass, so it must be volatile', () => {
    fixToday('2025-03-01T12:00:00Z');
    const before = kpiStatus('', 'by 31 March 2025');
    fixToday('2025-04-15T12:00:00Z');
    const after = kpiStatus('', 'by 31 March 2025');
    expect(before).not.toBe(after);
  });

  it('KPI.VARIANCE and KPI.WORKDAYS do not depend on today', () => {
    fixToday('2025-03-01T12:00:00Z');
    const before = [kpiVariance(364, 264), kpiVariance('', 'by 31 March 2025'), kpiWorkdays(serial(2025, 3, 3), serial(2025, 3, 14))];
    fixToday('2026-06-15T12:00:00Z');
    expect([kpiVariance(364, 264), kpiVariance('', 'by 31 March 2025'), kpiWorkdays(serial(2025, 3, 3), serial(2025, 3, 14))]).toEqual(
      before,
    );
  });

  it('in functions.json, exactly the functions that depend on today are volatile', async () => {
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
      generateCustomFunctionsMetadata: (input: string[], wantAssociate: boolean) => Promise<{ metadataJson: string; errors: string[] }>;
    };
    const result = await generateCustomFunctionsMetadata([join(__dirname, '../../src/functions/functions.ts')], true);
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as {
      allowCustomDataForDataTypeAny?: boolean;
      functions: Array<{ id: string; options?: { volatile?: boolean }; parameters: Array<{ name: string; type: string }> }>;
    };
    const volatile = Object.fromEntries(metadata.functions.map((f) => [f.id, Boolean(f.options?.volatile)]));
    expect(volatile).toEqual({ STATUS: true, VARIANCE: false, WORKDAYS: false });
    // Data types reach STATUS and VARIANCE as JSON only because their figures are of type "any".
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    for (const id of ['STATUS', 'VARIANCE']) {
      const f = metadata.functions.find((fn) => fn.id === id)!;
      expect(f.parameters.filter((p) => p.name === 'actual' || p.name === 'target').map((p) => p.type)).toEqual(['any', 'any']);
    }
  });
});
