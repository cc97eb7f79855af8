/**
 * Text on one line, cut to `max` characters with an ellipsis, for messages and reports. Whitespace
 * is folded, and an emoji or other character outside the basic plane is never cut in half.
 */
export function shortText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const code = flat.charCodeAt(max - 2);
  return `${flat.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 2 : max - 1)}…`;
}
