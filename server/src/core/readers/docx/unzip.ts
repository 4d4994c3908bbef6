// The parts of a .docx the reader needs, unzipped within bounds. First the
// central directory alone (fflate's unzipSync with a filter that takes
// nothing): entry count and declared sizes refuse an honest bomb before a
// byte is inflated. Then fflate's streaming Unzip is fed the archive in small
// slices, so each part's inflated bytes are counted as they come: a part whose
// declared size lies (declaring 1 KB and inflating to GBs) is stopped at the
// bound after at most one slice's worth of output, never inflated whole.

import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';

export type UnzipOutcome =
  | { readonly ok: true; readonly parts: ReadonlyMap<string, Uint8Array>; readonly names: readonly string[] }
  | { readonly ok: false; readonly kind: 'too-large' | 'broken'; readonly detail: string };

export interface UnzipBounds {
  /** Inflated bytes of the wanted parts together. */
  readonly maxUnpackedBytes: number;
  /** Entries in the archive (names are kept to tell what a non-Word zip is). */
  readonly maxEntries: number;
}

// Deflate inflates at most ~1032:1, so one 16 KB slice yields at most ~16 MB before the count is checked.
const SLICE = 16 * 1024;

class Stop extends Error {
  constructor(
    readonly kind: 'too-large' | 'broken',
    detail: string,
  ) {
    super(detail);
  }
}

/** The entries named in `wanted`, inflated; the names of all entries. */
export function unzipParts(bytes: Uint8Array, wanted: ReadonlySet<string>, bounds: UnzipBounds): UnzipOutcome {
  const declaredSizes = new Map<string, number>();
  const listed = centralDirectory(bytes, wanted, bounds, declaredSizes);
  if (!listed.ok) return listed;
  if (!declaredSizes.size) return { ok: true, parts: new Map(), names: listed.names };
  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  const names: string[] = [];
  let unpacked = 0;
  // fflate catches what its callbacks throw (and hands it to ondata as an error): a bound hit is noted and checked after each slice.
  let stop: Stop | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    if (stop) return;
    names.push(file.name);
    if (names.length > bounds.maxEntries) {
      stop = new Stop('too-large', `more than ${bounds.maxEntries} zip entries`);
      return;
    }
    if (!wanted.has(file.name) || chunks.has(file.name)) return;
    if (file.originalSize !== undefined && unpacked + file.originalSize > bounds.maxUnpackedBytes) {
      stop = new Stop('too-large', `${file.name} declares ${file.originalSize} bytes unpacked; the bound is ${bounds.maxUnpackedBytes}`);
      return;
    }
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    const declared = declaredSizes.get(file.name) ?? 0;
    let inflated = 0;
    file.ondata = (error, data, final) => {
      if (stop) return;
      if (error) {
        stop = new Stop('broken', `${file.name}: ${error.message}`);
        return;
      }
      unpacked += data.byteLength;
      inflated += data.byteLength;
      if (inflated > declared) {
        // More than the central directory declared: a zip bomb's lie, or a damaged archive.
        stop = new Stop('broken', `${file.name} inflates past its declared ${declared} bytes`);
        file.terminate();
        return;
      }
      if (unpacked > bounds.maxUnpackedBytes) {
        stop = new Stop('too-large', `${file.name} inflates past ${bounds.maxUnpackedBytes} bytes`);
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) done.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.byteLength && !stop; at += SLICE) {
      unzip.push(bytes.subarray(at, Math.min(at + SLICE, bytes.byteLength)), at + SLICE >= bytes.byteLength);
    }
  } catch (error) {
    stop ??= new Stop('broken', error instanceof Error ? error.message : String(error));
  }
  if (stop) return { ok: false, kind: stop.kind, detail: stop.message };
  const parts = new Map<string, Uint8Array>();
  for (const [name, pieces] of chunks) {
    // A part cut off by the end of the file is broken, not silently short.
    if (!done.has(name)) return { ok: false, kind: 'broken', detail: `${name} is truncated` };
    parts.set(name, concat(pieces));
  }
  return { ok: true, parts, names };
}

/** The archive's entry names, refused when too many or when the wanted parts declare too much. */
function centralDirectory(bytes: Uint8Array, wanted: ReadonlySet<string>, bounds: UnzipBounds, declaredSizes: Map<string, number>): UnzipOutcome {
  const names: string[] = [];
  let declared = 0;
  try {
    unzipSync(bytes, {
      // Thrown out of the walk at once: an end record claiming billions of entries is not walked through.
      filter: (entry) => {
        names.push(entry.name);
        if (wanted.has(entry.name)) {
          declared += entry.originalSize;
          declaredSizes.set(entry.name, entry.originalSize);
        }
        if (names.length > bounds.maxEntries) throw new Stop('too-large', `more than ${bounds.maxEntries} zip entries`);
        if (declared > bounds.maxUnpackedBytes) {
          throw new Stop('too-large', `${entry.name} declares ${entry.originalSize} bytes unpacked; the bound is ${bounds.maxUnpackedBytes}`);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof Stop) return { ok: false, kind: error.kind, detail: error.message };
    return { ok: false, kind: 'broken', detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, parts: new Map(), names };
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
