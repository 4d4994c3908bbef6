// One way to stop a request the client has cancelled: the RequestCancelled
// error the client expects instead of a stale answer (LSP 3.17).

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消 (request cancelled)');
}
