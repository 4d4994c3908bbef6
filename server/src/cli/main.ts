// Entry point of dist/cli.js (launched by bin/gov-report.js): argv in, exit
// code out. Sets process.exitCode rather than calling exit, so piped output
// is flushed before the process ends. Asynchronous: originals' readers are.
// The same bundle is check's worker thread entry (check-pool.ts).

import { parseArgs, UsageError, type Command } from './args';
import { runCheck } from './check';
import { isCheckWorker, serveChecks } from './check-worker';
import { EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { HELP, USAGE, version } from './help';
import { processIo, type Io } from './io';
import { runRender, runTables } from './tables';

async function run(argv: readonly string[], io: Io): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`gov-report: ${error.message}\n\n${USAGE}\n运行 gov-report --help 查看完整说明 (run gov-report --help for details)`);
    return EXIT_TROUBLE;
  }
  switch (command.kind) {
    case 'help':
      io.out(HELP);
      return EXIT_OK;
    case 'version':
      io.out(`${version()}\n`);
      return EXIT_OK;
    case 'check':
      return runCheck(command, io);
    case 'tables':
      return runTables(command.path, io, command.lang ?? 'zh');
    case 'render':
      return runRender(command.path, io, command.lang ?? 'zh');
  }
}

if (isCheckWorker()) serveChecks();
else {
  // `gov-report check … | head` closes the pipe early: that is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });

  run(process.argv.slice(2), processIo).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`gov-report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_TROUBLE;
    },
  );
}
