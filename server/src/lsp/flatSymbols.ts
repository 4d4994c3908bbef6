// For clients without hierarchical document symbols: the same tree as a flat
// list, each symbol naming its parent as container.

import { SymbolInformation, type DocumentSymbol } from 'vscode-languageserver/node';

export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [SymbolInformation.create(s.name, s.kind, s.range, uri, container), ...flattenSymbols(s.children ?? [], uri, s.name)]);
}
