#!/usr/bin/env node
// `npm run bench:extract`: times the BUILT injected extractor (.output/chrome-mv3/extractor.js and
// extractor-markdown.js) against `new Readability(document.cloneNode(true)).parse()` in headless Chromium, on the
// same corpus pages served from 127.0.0.1, in the same run. Needs `npx wxt build` first and ../shared/corpus. It also
// checks that what the injected extractor read in Chromium is what `refclip extract` reads on linkedom, field by field.
// Warm lines: each engine compiled once per page, median of R runs. Cold lines: a fresh page per sample, the built file
// evaluated as executeScript runs it, compile included (bench/extract-cold.mjs). Injected lines: cold as a clip meets it,
// the built extension loaded and each file injected with `scripting.executeScript({ files })` into a fresh tab on a
// site of its own (bench/extract-injected.mjs); unlike `eval`, this honours the bundles' V8 compile hint. Then the
// same parity check in Firefox ESR on every corpus page (bench/extract-firefox.mjs).
//   node bench/extract.mjs [--pages N] [--runs R] [--injected-pages M]
//   (defaults: 60 pages spread over the corpus, 5 runs each, M = N)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusSample, launchChromium, requirePaths, serveCorpus } from './corpus-in-browser.mjs';
import { batchExtract } from '../scripts/batch-extract.mjs';
import { coldTimes } from './extract-cold.mjs';
import { readInFirefox } from './extract-firefox.mjs';
import { injectedColdTimes } from './extract-injected.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus');
const build = join(root, '.output', 'chrome-mv3');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const pageCount = arg('pages', 60);
const runs = arg('runs', 5);
const injectedPages = arg('injected-pages', pageCount);

requirePaths('bench:extract', [
  [corpus, 'the shared corpus (../shared/corpus)'],
  [join(build, 'extractor.js'), 'a build: run `npx wxt build` first'],
]);

const { all: allCases, sample: cases, step } = corpusSample(corpus, pageCount);
const { sample: injectedCases } = corpusSample(corpus, injectedPages);

// Each engine becomes a function compiled once in the page, so timings compare extraction, not script parsing. The
// parentheses keep the file's first line, a comment (the compile hint), from ending the `return`.
const asFunction = (file) => `return (${readFileSync(join(build, file), 'utf8').trim().replace(/;$/, '')}\n);`;
const readabilitySource = readFileSync(
  createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
  'utf8',
);
const builtSource = (file) => readFileSync(join(build, file), 'utf8');
const coldSources = {
  metadata: builtSource('extractor.js'),
  markdown: builtSource('extractor-markdown.js'),
  readability: `${readabilitySource}\nnew Readability(document.cloneNode(true)).parse();`,
};
const engines = {
  metadata: asFunction('extractor.js'),
  markdown: asFunction('extractor-markdown.js'),
  readability: `${readabilitySource}\nreturn new Readability(document.cloneNode(true)).parse();`,
};

const server = await serveCorpus(corpus, allCases);
const { origin, pageUrl } = server;

const browser = await launchChromium();
const times = { metadata: [], markdown: [], readability: [] };
const injected = new Map();
let cold;
let injectedCold;
let inFirefox;
try {
  // The pages' own scripts are off (they would fetch the internet, which is not there); extraction runs through CDP.
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const page = await context.newPage();
  for (const id of cases) {
    await page.goto(pageUrl(id), { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const perPage = await page.evaluate(
      ({ engines, runs }) => {
        const compiled = Object.fromEntries(Object.entries(engines).map(([name, body]) => [name, new Function(body)]));
        const samples = Object.fromEntries(Object.keys(engines).map((name) => [name, []]));
        const read = compiled.metadata();
        const order = Object.entries(compiled);
        for (let run = 0; run <= runs; run++) {
          // Each run starts with a different engine, so none always pays for the previous one's garbage.
          for (const [name, fn] of [...order.slice(run % order.length), ...order.slice(0, run % order.length)]) {
            const started = performance.now();
            fn();
            // Run 0 warms up the JIT and is not counted.
            if (run > 0) samples[name].push(performance.now() - started);
          }
        }
        return { samples, read };
      },
      { engines, runs },
    );
    injected.set(id, perPage.read);
    for (const [name, samples] of Object.entries(perPage.samples)) times[name].push(median(samples));
  }
  await page.close();
  cold = await coldTimes(context, cases.map(pageUrl), coldSources);
  await browser.close();
  // The pages' own scripts are off here through their policy: an extension's injected files still run.
  const quiet = await serveCorpus(corpus, allCases, { 'content-security-policy': "script-src 'none'" });
  try {
    injectedCold = await injectedColdTimes(build, injectedCases.map(quiet.pageUrl), coldSources);
  } finally {
    quiet.close();
  }
  inFirefox = await readInFirefox(new Map(allCases.map((id) => [id, pageUrl(id)])), coldSources.metadata);
} finally {
  await browser.close();
  server.close();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}
const row = (label, values) =>
  `${label.padEnd(34)} median ${median(values).toFixed(2).padStart(7)} ms   p95 ${p95(values).toFixed(2).padStart(7)} ms`;
const ratio = (label, a, b) =>
  `${label.padEnd(34)} median ${(median(a) / median(b)).toFixed(2).padStart(6)}x     p95 ${(p95(a) / p95(b)).toFixed(2).padStart(6)}x`;
const size = (file) => `${(readFileSync(join(build, file)).length / 1024).toFixed(1)} KB`;

console.log(
  `headless Chromium, ${cases.length} of ${allCases.length} corpus pages (every ${step.toFixed(1)}th, sorted by id), median of ${runs} runs per page after a warm-up`,
);
console.log('warm (compiled once per page):');
console.log(row('refclip metadata only', times.metadata));
console.log(row('refclip with Markdown', times.markdown));
console.log(row('Readability alone (clone + parse)', times.readability));
console.log(ratio('metadata only / Readability', times.metadata, times.readability));
console.log(ratio('with Markdown / Readability', times.markdown, times.readability));
console.log(`cold (a fresh page per sample, the built file evaluated as executeScript does, compile included):`);
console.log(row('refclip metadata only, cold', cold.metadata));
console.log(row('refclip with Markdown, cold', cold.markdown));
console.log(row('Readability alone, cold', cold.readability));
console.log(ratio('metadata only / Readability, cold', cold.metadata, cold.readability));
console.log(ratio('with Markdown / Readability, cold', cold.markdown, cold.readability));
console.log(
  `cold through the extension (${injectedCases.length} pages, a fresh tab on a site of its own per sample, scripting.executeScript({ files }), Readability injected the same way; "injected" times the file in the page, "whole call" the worker's executeScript call, "again" a second injection into the same tab, its code and regexes already compiled):`,
);
for (const [label, name] of [
  ['refclip metadata only', 'metadata'],
  ['refclip with Markdown', 'markdown'],
  ['Readability alone', 'readability'],
]) {
  console.log(row(`${label}, injected`, injectedCold[name].inside));
  console.log(row(`${label}, whole call`, injectedCold[name].roundTrip));
}
console.log(row('refclip metadata only, again', injectedCold.metadata.again));
console.log(row('Readability alone, again', injectedCold.readability.again));
console.log(ratio('metadata only / Readability, inj.', injectedCold.metadata.inside, injectedCold.readability.inside));
console.log(ratio('with Markdown / Readability, inj.', injectedCold.markdown.inside, injectedCold.readability.inside));
const cli = batchExtract(allCases.map((id) => ({ id, path: join(corpus, id, 'page.html'), url: pageUrl(id) })));
console.log(sameAsCli('injected in Chromium', injected, cases, cli));
console.log(sameAsCli('injected in Firefox ESR', inFirefox, allCases, cli));
console.log(
  `injected bundles: extractor.js ${size('extractor.js')}, extractor-markdown.js ${size('extractor-markdown.js')}`,
);

/** Counts the pages (`ids`) whose every field the injected extractor read as `refclip extract` read it on linkedom. */
function sameAsCli(label, read, ids, cli) {
  // Warnings are compared by count: their text quotes the engine's own JSON.parse message, which engines word
  // differently.
  const comparable = (result, field) => (field === 'warnings' ? result?.warnings?.length : result?.[field]);
  const differing = [];
  for (const id of ids) {
    // A page the CLI gave no line for differs in every field, rather than counting as the same.
    const { id: _id, ms: _ms, ...fields } = cli.get(id) ?? { missing: true };
    const different = Object.keys(fields).filter(
      (field) => JSON.stringify(comparable(fields, field)) !== JSON.stringify(comparable(read.get(id), field)),
    );
    if (different.length) differing.push(`${id} (${different.join(', ')})`);
  }
  const same = `${label} == refclip extract on linkedom: ${ids.length - differing.length}/${ids.length} pages`;
  return differing.length ? `${same}; differing: ${differing.join('; ')}` : `${same}, every field`;
}
