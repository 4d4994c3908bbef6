// The stream names of an OLE compound file, read without following sector
// chains: directory entries are 128-byte records at 128-byte-aligned offsets,
// each holding its UTF-16 name and its name length, so a bounded scan finds
// them and a hostile file's cyclic chains cannot make it loop. Enough to
// tell a .doc from an encrypted Office file; not a general OLE reader.

export interface OleEntry {
  /** For a WordDocument stream: the FIB's fEncrypted flag. */
  readonly encrypted: boolean;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const STREAM = 2;
const NAMES = ['WordDocument', 'EncryptedPackage', 'EncryptionInfo', 'Workbook', 'PowerPoint Document', '1Table', '0Table'];

/** The known stream names found in the file's directory, or undefined when it is not an OLE file. */
export function oleDirectory(bytes: Uint8Array): Map<string, OleEntry> | undefined {
  if (bytes.byteLength < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const sectorSize = 1 << sectorShift;
  const found = new Map<string, OleEntry>();
  for (let at = sectorSize; at + 128 <= bytes.byteLength; at += 128) {
    const nameBytes = view.getUint16(at + 64, true);
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 || bytes[at + 66] !== STREAM) continue;
    const name = String.fromCharCode(...Array.from({ length: nameBytes / 2 - 1 }, (_, k) => view.getUint16(at + 2 * k, true)));
    if (!NAMES.includes(name) || found.has(name)) continue;
    found.set(name, { encrypted: name === 'WordDocument' && wordEncrypted(view, at, sectorSize) });
  }
  return found;
}

// A WordDocument stream is at least 4096 bytes, so it lives in regular sectors: its first sector holds the FIB.
function wordEncrypted(view: DataView, entry: number, sectorSize: number): boolean {
  const firstSector = view.getUint32(entry + 116, true);
  const fib = (firstSector + 1) * sectorSize;
  if (fib + 12 > view.byteLength || view.getUint16(fib, true) !== 0xa5ec) return false;
  return (view.getUint16(fib + 10, true) & 0x0100) !== 0;
}
