/**
 * A fill colour in words an officer would use ("light green", "amber", "grey"), for the sheets
 * KPI Tracker writes: a change log says a status cell went from no colour to light green, not to
 * #BFE5D6. Named by hue, with "light" or "dark" for its shade.
 */
const HUES: ReadonlyArray<readonly [number, string]> = [
  [15, 'red'],
  [38, 'orange'],
  [52, 'amber'],
  [70, 'yellow'],
  [165, 'green'],
  [195, 'teal'],
  [255, 'blue'],
  [290, 'purple'],
  [340, 'pink'],
  [360, 'red'],
];

export function colourName(hex: string): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return 'another colour';
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1));
  if (saturation < 0.12 || chroma < 0.04) {
    if (lightness > 0.97) return 'white';
    if (lightness < 0.1) return 'black';
    return lightness > 0.75 ? 'light grey' : lightness < 0.35 ? 'dark grey' : 'grey';
  }
  let hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  const name = HUES.find(([limit]) => hue < limit)?.[1] ?? 'red';
  return lightness > 0.7 ? `light ${name}` : lightness < 0.3 ? `dark ${name}` : name;
}
