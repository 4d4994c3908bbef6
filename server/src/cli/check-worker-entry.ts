// A check worker's entry when the CLI runs from its sources (tsx); the bundle
// (dist/cli.js) is its own worker entry (main.ts).

import { serveChecks } from './check-worker';

serveChecks();
