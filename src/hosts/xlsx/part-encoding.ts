import { DamagedPackageError } from './package-damage';

const DECLARED_ENCODING = /^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])([A-Za-z][A-Za-z0-9._-]*)\2/;

/**
 * A part's bytes as text. Excel writes UTF-8, but XML allows UTF-16 (told by its byte order mark,
 * or by the first characters' layout) and any encoding the declaration names; those are decoded
 * and their declaration made to say UTF-8, since whatever KPI Tracker writes back is UTF-8.
 * An encoding nothing here can decode is refused by name rather than read as gibberish.
 */
export function decodePartText(bytes: Buffer, part: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return declaringUtf8(decodeUtf16(bytes.subarray(2), 'le', part));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return declaringUtf8(decodeUtf16(bytes.subarray(2), 'be', part));
  // Without a byte order mark, UTF-16 still shows itself: "<" is 3C 00 (little-endian) or 00 3C.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return declaringUtf8(decodeUtf16(bytes, 'le', part));
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return declaringUtf8(decodeUtf16(bytes, 'be', part));
  const declared = DECLARED_ENCODING.exec(bytes.toString('latin1', 0, 256))?.[3];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return bytes.toString('utf8');
  if (/^(utf-?16|ucs-?2)/i.test(declared)) throw new DamagedPackageError(`its part ${part} says it is written in ${declared} but is not`);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    throw new DamagedPackageError(`its part ${part} is written in the character set "${declared}", which KPI Tracker can't read`);
  }
  return declaringUtf8(decoder.decode(bytes));
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', part: string): string {
  if (bytes.length % 2 !== 0) throw new DamagedPackageError(`its part ${part} is cut short in the middle of a character`);
  const little = order === 'le' ? Buffer.from(bytes) : Buffer.from(bytes).swap16();
  return little.toString('utf16le');
}

/** The text with its declaration (if any) saying UTF-8, as it will be once encoded for writing. */
function declaringUtf8(text: string): string {
  return text.replace(DECLARED_ENCODING, '$1$2UTF-8$2');
}
