#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- the npm bin is CommonJS, so it loads with require */
// npm bin `caredesk`: runs the built CLI bundle (out/cli/caredesk.cjs, made by `npm run build`), or — in a
// development checkout that has not been built — the TypeScript source through tsx.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
const bundle = join(root, 'out', 'cli', 'caredesk.cjs');

if (existsSync(bundle)) {
  require(bundle);
} else if (!hasTsx()) {
  process.stderr.write('caredesk: the CLI is not built: run `npm run build` (or `npm install` for tsx)\n');
  process.exitCode = 1;
} else {
  import('tsx/esm/api')
    .then(({ register }) => {
      register();
      return import(pathToFileURL(join(root, 'src-main', 'cli', 'main.ts')).href);
    })
    .catch((error) => {
      process.stderr.write(
        `caredesk: could not load the CLI source (${error && error.message ? error.message : error})\n`,
      );
      process.exitCode = 1;
    });
}

function hasTsx() {
  try {
    require.resolve('tsx/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}
