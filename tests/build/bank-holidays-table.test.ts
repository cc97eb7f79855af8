import { bankHolidays } from '../../src/core/engine/working-days';
import { isoFromDate } from '../../src/core/model/serial-dates';

// The browser bundle answers date-holidays from a table the loader builds from the library itself.
const loader = require('../../scripts/webpack/bank-holidays-table-loader.cjs') as () => string;

type Stand = new (country: string, state: string) => { getHolidays(year: number): Array<{ date: string; name: string; type: string }> };

function standIn(): Stand {
  const source = loader().replace('export default class Holidays', 'return class Holidays');
  return new Function(source)() as Stand;
}

describe('the browser table of bank holidays', () => {
  const Holidays = standIn();

  it.each([
    ['ENG', 'england-and-wales'],
    ['SCT', 'scotland'],
    ['NIR', 'northern-ireland'],
  ] as const)('gives the library’s bank holidays for %s in every year 1990–2060', (state, region) => {
    for (let year = 1990; year <= 2060; year++) {
      const table = new Holidays('GB', state).getHolidays(year).map((h) => h.date.slice(0, 10));
      const library = bankHolidays(year, region).map((h) => isoFromDate(h.date));
      expect(table).toEqual(library);
    }
  });

  it('knows the one-off days: the Queen’s funeral and the coronation', () => {
    const dates = (year: number): string[] => new Holidays('GB', 'ENG').getHolidays(year).map((h) => h.date.slice(0, 10));
    expect(dates(2022)).toContain('2022-09-19');
    expect(dates(2023)).toContain('2023-05-08');
  });
});
