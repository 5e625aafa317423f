// Compiles the companion (TypeScript shared with the extension) into dist/ for the npm package, so an installed
// refclip runs plain JavaScript: no tsx at run time, and a cold start the browser can afford (issue 15).
import { copyFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: ['cli', 'host-main'].map((name) => new URL(`../companion/${name}.ts`, import.meta.url).pathname),
  outdir: dist.pathname,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay packages of their own, installed by npm next to refclip.
  packages: 'external',
  logLevel: 'warning',
});
// Loaded by path at run time (a worker thread), next to the bundle as next to its source.
await copyFile(
  new URL('../companion/vault/read-notes-worker.js', import.meta.url),
  new URL('read-notes-worker.js', dist),
);
