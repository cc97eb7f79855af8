/** The change log names a cell's colour in words, never as a hex code. */
import { colourName } from '../../../src/core/model/colour-names';
import { DEFAULT_COLOURS } from '../../../src/core/plan/status-style';

it('the default status colours are named as an officer would see them', () => {
  expect(Object.fromEntries(Object.entries(DEFAULT_COLOURS).map(([status, hex]) => [status, colourName(hex)]))).toEqual({
    met: 'light green',
    near: 'light amber',
    missed: 'light orange',
    'not-due': 'light blue',
    overdue: 'light pink',
    'no-data': 'light grey',
    'no-target': 'light grey',
    unreadable: 'light yellow',
  });
});

it.each([
  ['#FF0000', 'red'],
  ['#C00000', 'red'],
  ['#FFC000', 'amber'],
  ['#FFFF00', 'yellow'],
  ['#00B050', 'green'],
  ['#0070C0', 'blue'],
  ['#7030A0', 'purple'],
  ['#FFFFFF', 'white'],
  ['#000000', 'black'],
  ['#808080', 'grey'],
])("Excel's standard colour %s is %s", (hex, name) => {
  expect(colourName(hex)).toBe(name);
});

it('what is not a colour code is not shown as one', () => {
  expect(colourName('theme 4')).toBe('another colour');
});
