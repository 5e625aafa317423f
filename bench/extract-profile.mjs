#!/usr/bin/env node
// Where the injected metadata extractor's cold time goes (issue 16), on corpus pages in headless Chromium, each
// sample on a fresh page as a clip meets it:
// - phases of the built file (.output/chrome-mv3/extractor.js): compiling its top level, the first run (every
//   function and regex compiled on its first call), a second run on the same page (warm);
// - V8's trace events: parsing and compiling the script, compiling functions on their first call, garbage collection;
// - a CPU profile sampled every 50 µs of the same code bundled by esbuild with its names kept (and its regex
//   literals, which the build turns into strings): time per function, self and with what it calls, summed over the
//   pages; a function's self time includes compiling what it calls and the regexes it runs for the first time;
// - which functions run at all (V8's coverage), each costing a compile on its first call;
// - which regexes run at all (every distinct pattern and flags V8 compiles on its first exec), by source size.
//   node bench/extract-profile.mjs [--pages N] [--top K]     (defaults: 60 pages spread over the corpus, 40 functions)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { corpusSample, launchChromium, requirePaths, serveCorpus } from './corpus-in-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus');
const built = join(root, '.output', 'chrome-mv3', 'extractor.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const pageCount = arg('pages', 60);
const top = arg('top', 40);
requirePaths('bench/extract-profile.mjs', [
  [corpus, 'the shared corpus (../shared/corpus)'],
  [built, 'a build: run `npx wxt build` first'],
]);
const { all: allCases, sample: cases } = corpusSample(corpus, pageCount);

const builtSource = readFileSync(built, 'utf8');
// The same entry bundled by esbuild, whitespace and syntax minified but every name kept, so a profile names functions.
const named = (
  await esbuild({
    entryPoints: [join(root, 'entrypoints', 'extractor.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__refclipProfiled',
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: false,
    target: 'es2022',
  })
).outputFiles[0].text;
const namedSource = `${named}\n__refclipProfiled.default.main();\n//# sourceURL=refclip-named.js`;

const server = await serveCorpus(corpus, allCases);
const { origin, pageUrl } = server;
const browser = await launchChromium();

const phases = { compile: [], firstRun: [], secondRun: [], cold: [] };
const stats = new Map();
const self = new Map();
const inclusive = new Map();
const calledOn = new Map();
const regexesRun = new Map();
const regexesPerPage = [];
let sampled = 0;
let sample = 0;
try {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const fresh = async (id, run) => {
    const page = await context.newPage();
    try {
      await page.goto(pageUrl(id), { waitUntil: 'domcontentloaded', timeout: 30_000 });
      return await run(page);
    } finally {
      await page.close();
    }
  };
  for (const id of cases) {
    const split = await fresh(id, (page) => page.evaluate(timePhases, `${builtSource}\n//# sample ${++sample}`));
    for (const [name, ms] of Object.entries(split)) phases[name].push(ms);
    await fresh(id, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['v8', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.gc'] },
      });
      await page.evaluate(timeEvaluation, `${builtSource}\n//# sample ${++sample}`);
      await cdp.send('Tracing.end');
      await done;
      addTrace(events);
    });
    await fresh(id, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.evaluate(timeEvaluation, `${namedSource}\n//# sample ${++sample}`);
      const { profile } = await cdp.send('Profiler.stop');
      addProfile(profile);
    });
    await fresh(id, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      const ran = await page.evaluate((source) => {
        // Every regex method reaches `exec` once it is patched (String.prototype.replace, split and match included).
        const { exec } = RegExp.prototype;
        const seen = new Set();
        RegExp.prototype.exec = function (text) {
          // A patched exec sends split through the spec's path, which makes a sticky copy; the code uses no sticky one.
          seen.add(`/${this.source}/${this.flags.replace('y', '')}`);
          return exec.call(this, text);
        };
        try {
          (0, eval)(source);
        } finally {
          RegExp.prototype.exec = exec;
        }
        return [...seen];
      }, namedSource);
      regexesPerPage.push(ran.length);
      for (const key of ran) regexesRun.set(key, (regexesRun.get(key) ?? 0) + 1);
      const { result } = await cdp.send('Profiler.takePreciseCoverage');
      addCoverage(result.find((script) => script.url === 'refclip-named.js'));
    });
  }
} finally {
  await browser.close();
  server.close();
}

/** Runs in the page: compiling the file's top level, its first run, then a second run, each timed. */
function timePhases(source) {
  const t0 = performance.now();
  const script = new Function(source);
  const t1 = performance.now();
  script();
  const t2 = performance.now();
  script();
  const t3 = performance.now();
  return { compile: t1 - t0, firstRun: t2 - t1, secondRun: t3 - t2, cold: t2 - t0 };
}

/** Runs in the page: an indirect eval compiles and runs the source in the global scope, as an injected file runs. */
function timeEvaluation(source) {
  const started = performance.now();
  (0, eval)(source);
  return performance.now() - started;
}

/**
 * Adds the time of V8's own compile and GC trace events, each counted once: an event inside another of the same kind
 * (a function compiled while compiling another) is the outer one's.
 */
function addTrace(events) {
  const kinds = [
    [
      'parse + compile the script',
      (name) => name === 'V8.ParseProgram' || name === 'V8.CompileEval' || name === 'V8.CompileScript',
    ],
    ['compile functions on first call', (name) => name === 'V8.CompileCode' || name === 'V8.CompileLazy'],
    [
      'garbage collection',
      (name) => name === 'V8.GCScavenger' || name === 'MinorGC' || name === 'MajorGC' || name === 'V8.GCFinalizeMC',
    ],
  ];
  for (const [kind, test] of kinds) {
    let end = -1;
    const spans = events.filter((event) => event.ph === 'X' && test(event.name)).sort((a, b) => a.ts - b.ts);
    for (const { ts, dur } of spans) {
      if (ts < end) continue;
      end = ts + dur;
      stats.set(kind, (stats.get(kind) ?? 0) + dur / 1000);
    }
  }
}

/** Counts, per function, the pages it ran on and its size: each costs a compile on its first call in a fresh page. */
function addCoverage(script) {
  for (const { functionName, ranges } of script?.functions ?? []) {
    const [{ startOffset, endOffset, count }] = ranges;
    if (!count || !functionName) continue;
    const key = `${functionName} (${endOffset - startOffset} B)`;
    const seen = calledOn.get(key) ?? { pages: 0, bytes: endOffset - startOffset };
    seen.pages++;
    calledOn.set(key, seen);
  }
}

/** Adds each sample's time to its top function (self) and once to every function on its stack (inclusive). */
function addProfile({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = ({ callFrame: { functionName, lineNumber } }) =>
    `${functionName || '(anonymous)'}${lineNumber < 0 ? ' [native]' : ''}`;
  samples.forEach((id, i) => {
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    sampled += ms;
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(label(byId.get(at)));
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sum = (values) => values.reduce((a, b) => a + b, 0);
const ms = (value) => `${value.toFixed(1).padStart(8)} ms`;
console.log(`headless Chromium, ${cases.length} of ${allCases.length} corpus pages, a fresh page per sample`);
console.log(`phases of the built extractor.js (${(builtSource.length / 1024).toFixed(1)} KB), summed (median a page):`);
for (const [name, values] of Object.entries(phases))
  console.log(`  ${name.padEnd(10)} ${ms(sum(values))} (${median(values).toFixed(2)} ms)`);
console.log('V8 trace events during the cold evaluation, summed over the pages:');
for (const [counter, total] of [...stats].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`  ${ms(total)}  ${counter}`);
console.log(`CPU profile of the named bundle, ${sampled.toFixed(0)} ms sampled; top ${top} by inclusive time:`);
for (const [name, total] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${ms(total)} incl ${ms(self.get(name) ?? 0)} self  ${name}`);
}
console.log(`top ${top} by self time:`);
for (const [name, total] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(total)}  ${name}`);
const compiled = [...calledOn].reduce((total, [, { pages, bytes }]) => total + pages * bytes, 0);
console.log(
  `functions called (named bundle): ${calledOn.size} distinct, ${(compiled / cases.length / 1024).toFixed(1)} KB of function source compiled a page on average; top ${top} by pages × size:`,
);
for (const [name, { pages }] of [...calledOn]
  .sort((a, b) => b[1].pages * b[1].bytes - a[1].pages * a[1].bytes)
  .slice(0, top)) {
  console.log(`  ${String(pages).padStart(4)} pages  ${name}`);
}
const regexSource = [...regexesRun].reduce((total, [key, pages]) => total + pages * key.length, 0);
console.log(
  `regexes run (each compiled on its first exec): median ${median(regexesPerPage)} distinct a page, ${regexesRun.size} over the pages, ${(regexSource / cases.length / 1024).toFixed(1)} KB of pattern a page on average; top ${top} by pages × size:`,
);
for (const [key, pages] of [...regexesRun].sort((a, b) => b[1] * b[0].length - a[1] * a[0].length).slice(0, top)) {
  console.log(`  ${String(pages).padStart(4)} pages  ${key.length > 100 ? `${key.slice(0, 97)}...` : key}`);
}
