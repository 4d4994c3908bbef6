// Published diagnostics for clients that cannot pull: debounced per document
// so a burst of keystrokes costs one check, dropped if the text moved on
// meanwhile, cleared when the document closes.

import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class DiagnosticsPusher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly compute: (doc: TextDocument) => Promise<Diagnostic[]>,
    private readonly delayMs = 50,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.push(uri).catch((error: unknown) => this.connection.console.error(`发布诊断失败 (publishing diagnostics failed): ${error instanceof Error ? error.stack : String(error)}`));
    }, this.delayMs));
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async push(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const items = await this.compute(doc);
    // Closed or edited while we computed: the close cleared it / a newer push is scheduled.
    if (this.documents.get(uri)?.version !== doc.version) return;
    await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: items });
  }
}
