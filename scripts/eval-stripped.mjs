#!/usr/bin/env node
// `npm run eval:stripped`: how well refclip's fallbacks (printed bylines and dates, logos, first paragraphs) stand in
// for what a page declares. It strips the 151 AEB news pages of ../shared/corpus three ways (no JSON-LD, no <meta>
// tags, neither and no microdata) and scores refclip on each copy against what it reads on the whole page, with the
// shared scorer. The AEB pages carry no metadata labels, so the whole page's reading is the reference: a miss here is a
// fallback that reads something else, or nothing, where the declarations said something.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchExtract } from './batch-extract.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus');
const scorer = resolve(root, '../shared/tools/score-extract.mjs');
if (!existsSync(corpus) || !existsSync(scorer)) {
  console.error(
    `npm run eval:stripped needs ../shared/corpus and ../shared/tools/score-extract.mjs; nothing was scored.`,
  );
  process.exit(1);
}

const JSON_LD = /<script[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/gi;
const META = /<meta(?![^>]*charset)[^>]*>/gi;
const MICRODATA = /\sitem(?:prop|scope|type)(?:="[^"]*")?/gi;
const variants = {
  'no JSON-LD': (html) => html.replace(JSON_LD, ''),
  'no <meta> tags': (html) => html.replace(META, ''),
  'bare (no JSON-LD, <meta> or microdata)': (html) =>
    html.replace(JSON_LD, '').replace(META, '').replace(MICRODATA, ''),
};
const FIELDS = ['title', 'siteName', 'byline', 'published', 'excerpt', 'lang'];

const cases = readdirSync(corpus)
  .filter((id) => id.startsWith('aeb-'))
  .sort()
  .map((id) => ({ id, dir: join(corpus, id), expected: JSON.parse(readFileSync(join(corpus, id, 'expected.json'))) }));
const work = mkdtempSync(join(tmpdir(), 'refclip-stripped-'));
try {
  const reference = batchExtract(
    cases.map(({ id, dir, expected }) => ({ id, path: join(dir, 'page.html'), url: expected.url })),
  );
  for (const [name, strip] of Object.entries(variants)) {
    const dir = join(work, name.replace(/\W+/g, '-'));
    for (const { id, dir: source, expected } of cases) {
      mkdirSync(join(dir, id), { recursive: true });
      writeFileSync(join(dir, id, 'page.html'), strip(readFileSync(join(source, 'page.html'), 'utf8')));
      const labels = Object.fromEntries(FIELDS.map((field) => [field, reference.get(id)?.[field] ?? null]));
      writeFileSync(join(dir, id, 'expected.json'), JSON.stringify({ ...expected, ...labels }));
    }
    console.log(`\n=== ${name}: refclip against its reading of the whole page ===`);
    const command = `node ${JSON.stringify(join(root, 'bin', 'refclip.js'))} extract --batch {list} --jsonl`;
    execFileSync(process.execPath, [scorer, '--corpus', dir, '--run', command, ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
