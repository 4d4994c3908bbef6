#!/usr/bin/env node
// Launcher for the `gov-report` command. The CLI itself is bundled into
// dist/cli.js by `npm run build`, so the package runs without node_modules.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`gov-report: 找不到 ${cli}，请先运行 npm run build (dist/cli.js is missing: run npm run build first)\n`);
  process.exit(2);
}
require(cli);
