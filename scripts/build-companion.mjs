// Compiles the companion (TypeScript shared with the extension) into dist/ for the npm package, so an installed
// refclip runs plain JavaScript: no tsx at run time, and a cold start the browser can afford (issue 15).
import { copyFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const entry = (name) => new URL(`../companion/${name}.ts`, import.meta.url).pathname;
const common = {
  outdir: dist.pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
};
await rm(dist, { recursive: true, force: true });
// The CLI's dependencies stay packages of their own, installed by npm next to refclip.
await build({ ...common, entryPoints: [entry('cli')], packages: 'external' });
// `refclip host`, which the browser starts cold again and again, is one file with its dependencies inside: Node
// then reads and links one module instead of resolving and loading about a hundred (yaml alone is dozens of
// CommonJS files), which halves the CPU time before the first answer.
await build({
  ...common,
  entryPoints: [entry('host-main')],
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
// The note worker's jobs (off-thread.ts), which its entry loads from next to itself.
await build({ ...common, entryPoints: [entry('vault/note-work')], packages: 'external' });
// Loaded by path at run time (worker threads), next to the bundle as next to their source.
for (const name of ['read-notes-worker.js', 'note-worker.js']) {
  await copyFile(new URL(`../companion/vault/${name}`, import.meta.url), new URL(name, dist));
}
