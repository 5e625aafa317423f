// What the extraction benches share: which corpus pages they read, those pages served from 127.0.0.1, and the
// headless Chromium they are read in.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Exits with a message naming what is missing (`[path, what it is]` pairs), for the script called `script`. */
export function requirePaths(script, needed) {
  for (const [path, hint] of needed) {
    if (!existsSync(path)) {
      console.error(`${script} needs ${hint}; missing ${path}`);
      process.exit(1);
    }
  }
}

/** Every corpus page id in order, and `pageCount` of them spread evenly over it (`step` apart). */
export function corpusSample(corpus, pageCount) {
  const all = readdirSync(corpus)
    .filter((id) => existsSync(join(corpus, id, 'page.html')))
    .sort();
  const step = Math.max(1, all.length / pageCount);
  const sample = Array.from({ length: Math.min(pageCount, all.length) }, (_, i) => all[Math.floor(i * step)]);
  return { all, sample, step };
}

/**
 * Serves each page of `ids` at `/<id>/` on 127.0.0.1, with `headers` beside its content type; answers its origin, the
 * URL of a page and a `close`.
 */
export async function serveCorpus(corpus, ids, headers = {}) {
  const server = createServer((request, response) => {
    const id = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname.split('/')[1] ?? '');
    if (!ids.includes(id)) return response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers })
      .end(readFileSync(join(corpus, id, 'page.html')));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, pageUrl: (id) => `${origin}/${encodeURIComponent(id)}/`, close: () => server.close() };
}

/** Debian's Chromium. */
export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';

/** Flags for Chromium run as root on this machine, reaching for no network it does not have. */
export const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless, with nothing reaching out on its own. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: OFFLINE_ARGS });
}
