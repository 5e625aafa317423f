#!/usr/bin/env node
// `npm run eval`: scores refclip's batch extractor on the shared development corpus with the shared scorer, and
// @mozilla/readability alone on the same pages in the same run, for comparison. Extra arguments (e.g.
// `--show-misses title`, `--only metascraper`) go to both scorer runs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const corpus = join(shared, 'corpus');
const scorer = join(shared, 'tools', 'score-extract.mjs');
if (!existsSync(corpus) || !existsSync(scorer)) {
  console.error(
    `npm run eval needs the shared corpus and scorer next to the repository:\n  ${corpus}\n  ${scorer}\nneither is part of refclip; nothing was scored.`,
  );
  process.exit(1);
}
const cli = JSON.stringify(join(root, 'bin', 'refclip.js'));
const extra = process.argv.slice(2);
const engines = [
  ['refclip', `node ${cli} extract --batch {list} --jsonl`],
  ['@mozilla/readability 0.6 alone', `node ${cli} extract --batch {list} --jsonl --engine readability`],
];
for (const [name, command] of engines) {
  console.log(`\n=== ${name} ===`);
  execFileSync(process.execPath, [scorer, '--corpus', corpus, '--run', command, ...extra], { stdio: 'inherit' });
}
