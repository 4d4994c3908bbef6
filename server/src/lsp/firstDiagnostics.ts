// Problems first when a report opens. VS Code asks for a new document's
// outline, diagnostics and folding ranges in one burst, often the outline
// first; whichever comes first parses the report and the others queue behind
// it, so the problems the writer waits for came after two outlines and the
// folding (about 0.15 s on a 1,000,000-character report). The outline and the
// folding of a document just opened now wait for its first diagnostics: for
// the pull to arrive (at most EXPECT_PULL_MS: a client that does not pull at
// once, or a document nobody pulls, is held no longer), then for its answer.

export const EXPECT_PULL_MS = 100;

interface Pending {
  readonly done: Promise<void>;
  readonly settle: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class FirstDiagnostics {
  private readonly pending = new Map<string, Pending>();

  /** A pull client opened `uri`: its outline and folding wait for its first diagnostics. */
  opened(uri: string): void {
    this.answered(uri);
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const entry: Pending = { done, settle, timer: setTimeout(() => this.answered(uri), EXPECT_PULL_MS) };
    this.pending.set(uri, entry);
  }

  /** Its pull arrived: the outline waits for the answer, however long the first check takes. */
  pulling(uri: string): void {
    const entry = this.pending.get(uri);
    if (entry?.timer !== undefined) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
  }

  /** Its first diagnostics were answered (or failed, or it closed): nothing waits any more. */
  answered(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    this.pending.delete(uri);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.settle();
  }

  /** Resolves when a request about `uri` may go ahead. */
  before(uri: string): Promise<void> | undefined {
    return this.pending.get(uri)?.done;
  }
}
