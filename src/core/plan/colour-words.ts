import { DEFAULT_COLOURS } from './status-style';

/** KPI Tracker's own fills, by the names an officer would give them. */
const NAMED: ReadonlyMap<string, string> = new Map([
  [DEFAULT_COLOURS.met, 'light green'],
  [DEFAULT_COLOURS.near, 'light amber'],
  [DEFAULT_COLOURS.missed, 'light orange'],
  [DEFAULT_COLOURS['not-due'], 'light blue'],
  [DEFAULT_COLOURS.overdue, 'light pink'],
  [DEFAULT_COLOURS['no-data'], 'light grey'],
  [DEFAULT_COLOURS['no-target'], 'very light grey'],
  [DEFAULT_COLOURS.unreadable, 'light yellow'],
  ['#FFFFFF', 'white'],
  ['#000000', 'black'],
  ['#FF0000', 'red'],
  ['#FFC000', 'amber'],
  ['#FFFF00', 'yellow'],
  ['#00B050', 'green'],
  ['#92D050', 'light green'],
  ['#00B0F0', 'light blue'],
  ['#0070C0', 'blue'],
]);

const HUES: ReadonlyArray<readonly [number, string]> = [
  [15, 'red'],
  [45, 'orange'],
  [70, 'yellow'],
  [160, 'green'],
  [195, 'teal'],
  [255, 'blue'],
  [290, 'purple'],
  [335, 'pink'],
  [360, 'red'],
];

/**
 * A fill colour in words, for the change log a person reads: "none", "light green", "dark
 * blue". Colours KPI Tracker uses by default have their own names; any other is named by its hue
 * and lightness.
 */
export function colourInWords(colour: string | undefined): string {
  if (!colour) return 'none';
  const hex = colour.trim().toUpperCase();
  const named = NAMED.get(hex);
  if (named) return named;
  const match = /^#?([0-9A-F]{2})([0-9A-F]{2})([0-9A-F]{2})$/.exec(hex);
  if (!match) return colour;
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((part) => parseInt(part, 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  const shade = lightness >= 0.8 ? 'light ' : lightness <= 0.3 ? 'dark ' : '';
  if (chroma < 0.08) return lightness >= 0.97 ? 'white' : lightness <= 0.08 ? 'black' : `${shade}grey`;
  let hue: number;
  if (max === r) hue = ((g - b) / chroma + 6) % 6;
  else if (max === g) hue = (b - r) / chroma + 2;
  else hue = (r - g) / chroma + 4;
  const degrees = hue * 60;
  const name = HUES.find(([limit]) => degrees < limit)?.[1] ?? 'red';
  return `${shade}${name}`;
}
