// Where output goes. Commands write through this, not to process.* directly,
// so that main decides about streams and exit codes in one place.

export interface Io {
  /** The result (diagnostics, tables): stdout. */
  out(text: string): void;
  /** One message for a person (a path that cannot be read, a bad option): stderr. */
  err(line: string): void;
  /** Raw text for a progress line (check-side `\r` rewrites): present only where stderr is a terminal. */
  progress?: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (line) => void process.stderr.write(line.endsWith('\n') ? line : line + '\n'),
  ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(text) } : {}),
};
