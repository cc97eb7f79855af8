/**
 * A short fingerprint of text KPI Tracker wrote (FNV-1a, 32 bits), so a later run can tell its own
 * earlier words from an officer's edit without keeping the whole text.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}:${text.length}`;
}
