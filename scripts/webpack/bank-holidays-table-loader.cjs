// Builds, at bundle time, the browser's stand-in for the date-holidays library: the UK's bank
// holidays for 1990–2060 as the maintained library computes them, in a small table. The library
// itself (with every country's rules, moment-timezone and astronomy code, well over 1 MB) stays
// out of the browser; Node (the command line, the tests) keeps using it directly.
const Holidays = require('date-holidays');

const FIRST_YEAR = 1990;
const LAST_YEAR = 2060;

module.exports = function bankHolidaysTable() {
  const table = {};
  for (const state of ['ENG', 'WLS', 'SCT', 'NIR']) {
    const library = new Holidays('GB', state);
    table[state] = {};
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      table[state][year] = (library.getHolidays(year) || [])
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [String(holiday.date).slice(0, 10), holiday.name]);
    }
  }
  return `
const TABLE = ${JSON.stringify(table)};
/** The subset of date-holidays that working-days.ts uses, answered from the table above. */
export default class Holidays {
  constructor(country, state) { this.state = state; }
  getHolidays(year) {
    const days = (TABLE[this.state] || {})[year] || [];
    return days.map(([date, name]) => ({ date: date + ' 00:00:00', name, type: 'public' }));
  }
}
`;
};
