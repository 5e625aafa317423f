#!/usr/bin/env node
// In this repository the CLI runs from its TypeScript sources through tsx (no build step); the npm package ships
// them compiled into dist/ (scripts/build-companion.mjs) and runs without tsx. `refclip host`, which the browser
// starts cold whenever it needs it, skips the other commands' modules.
import { existsSync } from 'node:fs';

const entry = process.argv[2] === 'host' && !process.argv.includes('--help') ? 'host-main' : 'cli';
const source = new URL(`../companion/${entry}.ts`, import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(`../dist/${entry}.js`);
}
