// Handlers never crash the server: a failure is logged to the client's output
// and the request gets an empty answer. ResponseErrors (e.g. a cancellation)
// are protocol answers, not failures, so they pass through.

import { ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver/node';

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guardRequest<P, R>(
  console: RemoteConsole,
  name: string,
  fallback: () => R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      console.error(`${name} 处理失败，已返回空结果 (handler failed, returned an empty result): ${describe(error)}`);
      return fallback();
    }
  };
}

export function guardNotification<P>(console: RemoteConsole, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    const report = (error: unknown) => console.error(`${name} 处理失败 (handler failed): ${describe(error)}`);
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  };
}
