#!/usr/bin/env node
// `npm run eval:content`: how much of the article's own text refclip's "save the article" Markdown keeps, scored
// against the human-annotated article bodies of the AEB pages in ../shared/corpus, beside @mozilla/readability's
// plain text on the same pages in the same run. refclip runs Readability and then turndown, so a lower F1 than
// Readability alone means the Markdown step lost or added text.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentScore, markdownText, shingleMatch } from './content-score.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus');
if (!existsSync(corpus)) {
  console.error(`npm run eval:content needs the shared corpus next to the repository (${corpus}); nothing was scored.`);
  process.exit(1);
}

const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ id: entry.name, dir: join(corpus, entry.name) }))
  .filter(({ dir }) => existsSync(join(dir, 'expected-text.txt')))
  .map(({ id, dir }) => ({
    id,
    path: join(dir, 'page.html'),
    url: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).url,
    expected: readFileSync(join(dir, 'expected-text.txt'), 'utf8'),
  }));

function extractAll(engine) {
  const dir = mkdtempSync(join(tmpdir(), 'refclip-content-'));
  try {
    const list = join(dir, 'list.tsv');
    writeFileSync(list, cases.map(({ id, path, url }) => `${id}\t${path}\t${url}`).join('\n'));
    const out = execFileSync(
      process.execPath,
      [join(root, 'bin', 'refclip.js'), 'extract', '--batch', list, '--jsonl', '--markdown', '--engine', engine],
      { encoding: 'utf8', maxBuffer: 1 << 29 },
    );
    return new Map(
      out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .map((record) => [record.id, record]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const engines = [
  { name: 'refclip', engine: 'refclip', text: (record) => markdownText(record.markdown) },
  { name: 'Readability', engine: 'readability', text: (record) => record.text ?? '' },
];
console.log(`${cases.length} AEB pages with a human-annotated article body`);
for (const { name, engine, text } of engines) {
  const records = extractAll(engine);
  const matches = cases.map(({ id, expected }) => shingleMatch(expected, text(records.get(id) ?? {})));
  const { precision, recall, f1 } = contentScore(matches);
  console.log(`${name}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}`);
}
