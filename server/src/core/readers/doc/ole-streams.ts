// Streams of an OLE compound file ([MS-CFB]): the sector allocation table
// (FAT) from the header's list and the DIFAT chain, the directory, the mini
// stream for streams under the cutoff. Written here rather than taken from a
// library: every chain is walked with a visited set and a step bound, so a
// hostile file whose chains loop or point outside the file is a clear error,
// never a loop (cfb@1 walks a stream's chain without a cycle check).

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT = 109;
const STREAM = 2;
const ROOT = 5;

export class OleError extends Error {}
/** A stream larger than the bound the caller set. */
export class OleTooLarge extends Error {}

interface Entry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

/** The named streams' bytes (a name not in the file is absent). Throws OleError on a malformed file. */
export function readOleStreams(bytes: Uint8Array, names: readonly string[], maxBytes: number): Map<string, Uint8Array> {
  if (bytes.byteLength < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new OleError('not an OLE compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) throw new OleError(`sector shift ${shift}`);
  const sectorSize = 1 << shift;
  const miniSize = 1 << view.getUint16(32, true);
  if (miniSize !== 64) throw new OleError(`mini sector size ${miniSize}`);
  const sectorCount = Math.floor((bytes.byteLength - sectorSize) / sectorSize);
  const sectorAt = (n: number) => {
    if (n >= sectorCount) throw new OleError(`sector ${n} past the end of the file`);
    return (n + 1) * sectorSize;
  };

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let k = 0; k < HEADER_DIFAT; k++) {
    const n = view.getUint32(76 + 4 * k, true);
    if (n !== FREE) fatSectors.push(n);
  }
  const perDifat = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  for (let n = view.getUint32(68, true); n !== END_OF_CHAIN && n !== FREE; n = view.getUint32(sectorAt(n) + perDifat * 4, true)) {
    if (seenDifat.has(n) || seenDifat.size > sectorCount) throw new OleError('the DIFAT chain loops');
    seenDifat.add(n);
    for (let k = 0; k < perDifat; k++) {
      const fat = view.getUint32(sectorAt(n) + 4 * k, true);
      if (fat !== FREE) fatSectors.push(fat);
    }
  }
  if (fatSectors.length > sectorCount) throw new OleError('more FAT sectors than the file has');
  const perSector = sectorSize / 4;
  const next = (n: number) => {
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined) throw new OleError(`sector ${n} has no FAT entry`);
    return view.getUint32(sectorAt(fat) + 4 * (n % perSector), true);
  };
  /** The sectors of a chain, in order: each at most once. */
  const chain = (start: number, limit: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let n = start; n !== END_OF_CHAIN; n = next(n)) {
      if (n === FREE || seen.has(n)) throw new OleError('a sector chain loops or is broken');
      if (out.length >= limit) break;
      seen.add(n);
      out.push(n);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    if (size > maxBytes) throw new OleTooLarge(`a stream of ${size} bytes > ${maxBytes}`);
    const out = new Uint8Array(size);
    let at = 0;
    for (const n of chain(start, Math.ceil(size / sectorSize))) {
      const from = sectorAt(n);
      const take = Math.min(sectorSize, size - at);
      out.set(bytes.subarray(from, from + take), at);
      at += take;
    }
    if (at < size) throw new OleError('a stream ends before its size');
    return out;
  };

  const entries = directory(view, chain(view.getUint32(48, true), sectorCount).map(sectorAt), sectorSize);
  const root = entries.find((e) => e.type === ROOT);
  const cutoff = view.getUint32(56, true);
  let mini: { stream: Uint8Array; fat: Uint8Array } | undefined;
  const miniStream = () => {
    if (!mini) {
      if (!root) throw new OleError('no root entry');
      const miniFatSectors = view.getUint32(64, true);
      mini = { stream: readChain(root.start, root.size), fat: readChain(view.getUint32(60, true), Math.min(miniFatSectors, sectorCount) * sectorSize) };
    }
    return mini;
  };
  const readMini = (start: number, size: number): Uint8Array => {
    const { stream, fat } = miniStream();
    const fatView = new DataView(fat.buffer, fat.byteOffset, fat.byteLength);
    const out = new Uint8Array(size);
    const seen = new Set<number>();
    let at = 0;
    for (let n = start; at < size; n = fatView.getUint32(4 * n, true)) {
      if (n === END_OF_CHAIN || n === FREE || seen.has(n) || 4 * n + 4 > fat.byteLength || (n + 1) * miniSize > stream.byteLength) throw new OleError('a mini stream chain loops or is broken');
      seen.add(n);
      const take = Math.min(miniSize, size - at);
      out.set(stream.subarray(n * miniSize, n * miniSize + take), at);
      at += take;
    }
    return out;
  };

  const found = new Map<string, Uint8Array>();
  for (const name of names) {
    const entry = entries.find((e) => e.type === STREAM && e.name === name);
    if (!entry) continue;
    if (entry.size > maxBytes) throw new OleTooLarge(`stream ${name} of ${entry.size} bytes > ${maxBytes}`);
    found.set(name, entry.size < cutoff ? readMini(entry.start, entry.size) : readChain(entry.start, entry.size));
  }
  return found;
}

function directory(view: DataView, sectors: readonly number[], sectorSize: number): Entry[] {
  const entries: Entry[] = [];
  for (const base of sectors) {
    for (let at = base; at + 128 <= base + sectorSize; at += 128) {
      const nameBytes = view.getUint16(at + 64, true);
      const type = view.getUint8(at + 66);
      if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2) continue;
      let name = '';
      for (let k = 0; k < nameBytes / 2 - 1; k++) name += String.fromCharCode(view.getUint16(at + 2 * k, true));
      // The size's high half is left out: version 3 files may hold anything there, and a report is far below 4 GB.
      entries.push({ name, type, start: view.getUint32(at + 116, true), size: view.getUint32(at + 120, true) });
    }
  }
  return entries;
}
