#!/usr/bin/env node
'use strict';
// The bundle is made by `npm ci` (the prepare script). If it is missing, run the TypeScript directly.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist-cli', 'kpi-tracker.js');
if (fs.existsSync(bundle)) {
  require(bundle);
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'cli', 'kpi-tracker.ts'));
}
