#!/usr/bin/env node
// `npm run eval`: scores refclip's batch extractor on the shared development corpus with the shared scorer, and
// @mozilla/readability alone on the same pages in the same run, for comparison. Then refclip again, against the
// labels as reviewed in eval-label-review.json: labels that are not what they name (a date or a button's text given
// as the author), each corrected from its page with the evidence written beside it. Extra arguments (e.g.
// `--show-misses title`, `--only metascraper`) go to every scorer run. `--record` first rewrites
// tests/extract/corpus-snapshot.jsonl, refclip's output on every corpus page, which the snapshot test compares against.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchExtract } from './batch-extract.mjs';
import { corpusPages, snapshotLine } from './corpus-pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
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
const extra = process.argv.slice(2).filter((arg) => arg !== '--record');
if (process.argv.includes('--record')) recordSnapshot();
const refclip = `node ${cli} extract --batch {list} --jsonl`;
const score = (name, corpusDir, command) => {
  console.log(`\n=== ${name} ===`);
  execFileSync(process.execPath, [scorer, '--corpus', corpusDir, '--run', command, ...extra], { stdio: 'inherit' });
};
score('refclip', corpus, refclip);
score('@mozilla/readability 0.6 alone', corpus, `${refclip} --engine readability`);

const review = JSON.parse(readFileSync(join(here, 'eval-label-review.json'), 'utf8'));
const reviewed = mkdtempSync(join(tmpdir(), 'refclip-reviewed-'));
try {
  const stale = writeReviewedCorpus(reviewed, review);
  const corrected = `${review.length - stale.length} labels corrected: scripts/eval-label-review.json`;
  score(`refclip, against the labels as reviewed (${corrected})`, reviewed, refclip);
  score(`@mozilla/readability 0.6 alone, against the labels as reviewed`, reviewed, `${refclip} --engine readability`);
  for (const line of stale) console.log(`not applied (the case or its corpus label changed): ${line}`);
} finally {
  rmSync(reviewed, { recursive: true, force: true });
}

/** Writes refclip's output on every corpus page, one JSON line per page in id order, for the snapshot test. */
function recordSnapshot() {
  const pages = corpusPages(corpus);
  const results = batchExtract(pages);
  const lines = pages.map(({ id }) => snapshotLine(results.get(id) ?? { id, error: 'no result' }));
  const snapshot = join(root, 'tests', 'extract', 'corpus-snapshot.jsonl');
  writeFileSync(snapshot, lines.join('\n') + '\n');
  console.log(`recorded ${lines.length} pages in ${snapshot}`);
}

/** A copy of the corpus whose pages are links to the originals and whose labels carry the review's corrections. */
function writeReviewedCorpus(dir, corrections) {
  const ids = new Set(readdirSync(corpus));
  const stale = corrections.filter((fix) => !ids.has(fix.id)).map((fix) => `${fix.id} ${fix.field}`);
  for (const id of readdirSync(corpus, { withFileTypes: true })) {
    if (!id.isDirectory() || id.name === 'LICENSES') continue;
    const source = join(corpus, id.name);
    const expected = JSON.parse(readFileSync(join(source, 'expected.json'), 'utf8'));
    for (const fix of corrections.filter((c) => c.id === id.name)) {
      if (expected[fix.field] === fix.label) expected[fix.field] = fix.reviewed;
      else stale.push(`${fix.id} ${fix.field}`);
    }
    mkdirSync(join(dir, id.name));
    symlinkSync(join(source, 'page.html'), join(dir, id.name, 'page.html'));
    writeFileSync(join(dir, id.name, 'expected.json'), JSON.stringify(expected));
  }
  return stale;
}
