// temporary profiler (not committed)
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
const corpus = '/work/shared/corpus';
const all = readdirSync(corpus).filter((id) => existsSync(join(corpus, id, 'page.html'))).sort();
const cases = all.filter((_, i) => i % 8 === 0);
const src = readFileSync('/tmp/prof/ex.js', 'utf8') + '\n__ex.default();';
const server = createServer((req, res) => {
  const id = decodeURIComponent(new URL(req.url, 'http://x').pathname.split('/')[1] ?? '');
  if (!all.includes(id)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(corpus, id, 'page.html')));
});
await new Promise((d) => server.listen(0, '127.0.0.1', d));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ javaScriptEnabled: false });
const self = new Map();
let total = 0;
for (const [n, id] of cases.entries()) {
  const page = await context.newPage();
  await page.goto(`${origin}/${encodeURIComponent(id)}/`, { waitUntil: 'domcontentloaded' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await cdp.send('Runtime.evaluate', { expression: src + `\n//# s${n}` });
  const { profile } = await cdp.send('Profiler.stop');
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((sid, i) => {
    const node = byId.get(sid);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'}:${f.url ? f.lineNumber : ''}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
    total += dt[i] ?? 0;
  });
  await page.close();
}
console.log('total ms', (total / 1000).toFixed(1), 'pages', cases.length);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log((v / 1000).toFixed(1).padStart(8), k);
await browser.close();
server.close();
