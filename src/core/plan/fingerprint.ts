/**
 * A short fingerprint of text KPI Tracker wrote (FNV-1a, 32 bits), so a later run can tell its own
 * earlier words from an officer's edit without keeping the whole text.
 */
export function fingerprint(text: string): string {
  // Kept in 32-bit integers throughout, and written out byte by byte (toString(16) is slow).
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${HEX[hash >>> 24]}${HEX[(hash >>> 16) & 255]}${HEX[(hash >>> 8) & 255]}${HEX[hash & 255]}:${text.length}`;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
