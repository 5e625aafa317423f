// Cold extraction through the real extension API (issue 16): the built extension loaded into Chromium, and each
// sample a fresh tab on a site of its own (so a fresh renderer process, with nothing compiled in it yet) into which
// the service worker injects a file with `chrome.scripting.executeScript({ files })`, as a clip does. Readability
// cold is injected the same way on the same pages, in the same run. The engine's file is injected byte for byte
// between two tiny files that read the clock: `executeScript` compiles and runs the files one after the other in the
// same isolated world and answers the last one's completion value, so the time between them is the engine's compile
// and run, and what comes back is a few bytes whatever the engine returns.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, OFFLINE_ARGS } from './corpus-in-browser.mjs';

/* global chrome -- injectInFreshTab runs in the extension's service worker */

/**
 * Sites of their own, all answered by the corpus server: `s<N>.test` resolves to 127.0.0.1, and every other name to
 * nothing at once (see the launch flags), as the pages' images and fonts point at an internet that is not there.
 */
const siteOf = (url, sample) => {
  const at = new URL(url);
  at.hostname = `s${sample}.test`;
  return at.href;
};

/**
 * `build`: the built Chromium extension (.output/chrome-mv3); `sources`: engine name → script source. Copies the
 * extension with each engine as `cold-<name>.js` and access to every page, then injects each engine once per URL,
 * the engines' order turning from page to page. Returns engine name → `{ inside, roundTrip, again }`, one time (ms)
 * per URL: the engine's compile and run as timed in the page, the service worker's whole `executeScript` call (that,
 * the isolated world's creation and the messages), and a second injection into the same tab timed in the page.
 */
export async function injectedColdTimes(build, urls, sources) {
  const dir = mkdtempSync(join(tmpdir(), 'refclip-cold-'));
  const extension = join(dir, 'extension');
  cpSync(build, extension, { recursive: true });
  const manifestPath = join(extension, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  for (const [name, source] of Object.entries(sources)) writeFileSync(join(extension, `cold-${name}.js`), source);
  writeFileSync(join(extension, 'cold-start.js'), 'globalThis.__refclipColdStart = performance.now();\n');
  writeFileSync(join(extension, 'cold-end.js'), '(performance.now() - globalThis.__refclipColdStart);\n');

  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND',
      ...OFFLINE_ARGS,
    ],
  });
  const times = Object.fromEntries(
    Object.keys(sources).map((name) => [name, { inside: [], roundTrip: [], again: [] }]),
  );
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const names = Object.keys(sources);
    let sample = 0;
    for (const [i, url] of urls.entries()) {
      for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
        const measured = await worker.evaluate(injectInFreshTab, {
          url: siteOf(url, ++sample),
          file: `/cold-${name}.js`,
        });
        for (const [measure, ms] of Object.entries(measured)) times[name][measure].push(ms);
      }
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

/**
 * Runs in the service worker: opens `url` in a new tab, waits for it to load, injects `file` into it twice, closes
 * it. The second injection can reuse the file's code and regexes compiled in the tab's renderer (V8 keeps both by
 * source), its own objects and type feedback still new: the difference is mostly what compiling costs a cold run.
 */
async function injectInFreshTab({ url, file }) {
  const tab = await chrome.tabs.create({ url, active: true });
  try {
    await new Promise((resolve) => {
      const check = (tabId, change) => {
        if (tabId !== tab.id || change.status !== 'complete') return;
        chrome.tabs.onUpdated.removeListener(check);
        resolve();
      };
      chrome.tabs.onUpdated.addListener(check);
      // The tab may have loaded before the listener was there.
      chrome.tabs.get(tab.id).then((now) => now.status === 'complete' && check(tab.id, now));
    });
    const inject = () =>
      chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/cold-start.js', file, '/cold-end.js'] });
    const started = performance.now();
    const [injection] = await inject();
    const roundTrip = performance.now() - started;
    const [again] = await inject();
    return { inside: injection.result, roundTrip, again: again.result };
  } finally {
    await chrome.tabs.remove(tab.id);
  }
}
