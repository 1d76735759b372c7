#!/usr/bin/env node
// The `designdesk` command installed with the package: runs the bundled CLI
// (dist/main/cli.cjs, built by `npm run build` or `npm run build:main`).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point: require is the point */
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('designdesk: the command line is not built yet: run "npm run build" (or "npm run build:main") first.\n');
  process.exit(1);
}
require(cli);
