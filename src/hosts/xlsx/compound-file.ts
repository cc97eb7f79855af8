/**
 * What an OLE2 compound file (the container of old .xls workbooks, and of .xlsx workbooks saved
 * with a password) holds, told by the names of its streams ([MS-CFB] 2.6): Excel 97–2003 keeps
 * its cells in a "Workbook" stream ("Book" before Excel 97); an encrypted .xlsx keeps its package
 * in "EncryptedPackage" beside "EncryptionInfo" ([MS-OFFCRYPTO] 2.3.4.1).
 */
export type CompoundFileKind = 'encrypted-workbook' | 'old-excel-workbook' | 'unknown';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENTRY_SIZE = 128;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return OLE2_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * The names of the directory entries found in the file. Directory sectors are looked for
 * wherever a sector may start rather than by following the allocation table, so a file whose
 * table is damaged is still told apart; an entry must have a valid name length and type.
 */
export function compoundFileNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = bytes.length >= 32 ? view.getUint16(30, true) : 9;
  const firstSector = sectorShift === 12 ? 4096 : 512;
  for (let at = firstSector; at + ENTRY_SIZE <= bytes.length; at += ENTRY_SIZE) {
    const nameBytes = view.getUint16(at + 64, true);
    const type = bytes[at + 66];
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0 || (type !== STORAGE && type !== STREAM && type !== ROOT)) continue;
    if (view.getUint16(at + nameBytes - 2, true) !== 0) continue;
    let name = '';
    for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
    names.add(name);
  }
  return names;
}

export function compoundFileKind(bytes: Uint8Array): CompoundFileKind {
  if (!isCompoundFile(bytes)) return 'unknown';
  const names = compoundFileNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted-workbook';
  if (names.has('Workbook') || names.has('Book')) return 'old-excel-workbook';
  return 'unknown';
}
