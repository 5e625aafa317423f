#!/usr/bin/env node
// `npm start`: a newcomer's first minute. Builds the extension, starts the companion on a copy of the demo vault,
// serves the demo article on 127.0.0.1 and, where a display and Chromium or Firefox are present, opens the browser
// with a fresh profile, refclip loaded and already paired, on the article. On a headless machine it prints the
// manual steps. It keeps running until Ctrl+C, which stops everything it started.
//
// Flags: --skip-build (reuse .output/), --reset (copy the demo vault again, dropping earlier clips),
//        --no-browser (print the steps even where a browser could open).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const demo = join(root, '.refclip-demo');
const vault = join(demo, 'vault');
const configDir = join(demo, 'config');
const CHROME_BUILD = join(root, '.output', 'chrome-mv3');
const FIREFOX_BUILD = join(root, '.output', 'firefox-mv2');
const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/chromium-browser',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
// Firefox gives every install a random origin; pinning it lets the companion pair this demo profile at once.
const GECKO_ID = 'refclip@refclip.dev';
const FIREFOX_DEMO_UUID = '7d3f2a61-9b0c-4e55-8a1e-2c4b6d8f0e13';

const say = (line) => console.log(`[refclip] ${line}`);
const cleanups = [];

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status})`);
}

function step1Install() {
  if (existsSync(join(root, 'node_modules', '.bin', 'wxt'))) return;
  say('installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

function step2Build() {
  if (args.has('--skip-build') && existsSync(join(CHROME_BUILD, 'manifest.json'))) return;
  say('building the extension for Chrome and Firefox (npm run build)…');
  run('npm', ['run', 'build']);
}

/** A copy of the shipped demo vault, so clipping never changes `demo/vault` in the repository. */
function step3Vault() {
  if (args.has('--reset')) rmSync(vault, { recursive: true, force: true });
  if (!existsSync(vault)) {
    mkdirSync(demo, { recursive: true });
    cpSync(join(root, 'demo', 'vault'), vault, { recursive: true });
    say(`demo vault copied to ${vault}`);
  } else {
    say(`using the demo vault at ${vault} (npm start -- --reset starts over)`);
  }
}

function step4Article() {
  const html = readFileSync(join(root, 'demo', 'site', 'article.html'));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/article.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      cleanups.push(() => server.close());
      done(`http://127.0.0.1:${server.address().port}/article.html`);
    }),
  );
}

/** Starts `refclip serve` on the demo vault with a config folder of its own; resolves with port and token. */
function step5Companion() {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'refclip.js'), 'serve', '--vault', vault, '--port', '0', '--config-dir', configDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  cleanups.push(() => child.kill('SIGTERM'));
  let printed = '';
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      printed += chunk.toString();
      const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(printed);
      if (!listening) return;
      const port = Number(listening[1]);
      const token = readFileSync(join(configDir, 'token'), 'utf8').trim();
      const link = /(chrome-extension:\/\/[a-p]{32}\/options\.html#pair=[A-Za-z0-9_-]+)/.exec(printed)?.[1];
      done({ port, token, chromeLink: link, fragment: link?.slice(link.indexOf('#')) });
    });
    child.once('exit', (code) => fail(new Error(`the companion exited (code ${code}) before listening`)));
  });
}

const firstPresent = (paths) => paths.find((path) => existsSync(path));
const hasDisplay = () => Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function openChromium(executablePath, companion, articleUrl) {
  const { chromium } = await import('playwright-core');
  const profile = join(demo, 'chromium-profile');
  rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  cleanups.push(() => context.close());
  const options = context.pages()[0] ?? (await context.newPage());
  await options.goto(companion.chromeLink);
  const article = await context.newPage();
  await article.goto(articleUrl);
  context.on('close', () => shutDown('the browser was closed'));
}

async function openFirefox(executablePath, companion, articleUrl) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: false,
    defaultViewport: null,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_DEMO_UUID }) },
  });
  cleanups.push(() => browser.close());
  await browser.installExtension(FIREFOX_BUILD);
  const options = await browser.newPage();
  // Puppeteer never sees an extension page finish loading: start the navigation and move on.
  void options.goto(`moz-extension://${FIREFOX_DEMO_UUID}/options.html${companion.fragment}`).catch(() => undefined);
  const article = await browser.newPage();
  await article.goto(articleUrl);
  browser.on('disconnected', () => shutDown('the browser was closed'));
}

function printManualSteps(companion, articleUrl) {
  console.log(`
refclip is ready, but no browser can open here (no display, or none installed). By hand:

  Chrome / Chromium
    1. chrome://extensions → turn on "Developer mode" → "Load unpacked" → ${CHROME_BUILD}
    2. open this link to pair refclip with the companion (the token stays in the link's #fragment):
       ${companion.chromeLink}
    3. open the demo article and click refclip's toolbar button, or right-click → "Add to note":
       ${articleUrl}

  Firefox
    1. about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → ${join(FIREFOX_BUILD, 'manifest.json')}
    2. open refclip's options, set the address http://127.0.0.1:${companion.port} and paste the token:
       ${companion.token}
    3. open the demo article: ${articleUrl}

Clips land in ${vault}. Ctrl+C stops the companion and the article server.`);
}

let stopping = false;
async function shutDown(why) {
  if (stopping) return;
  stopping = true;
  if (why) say(`${why}: stopping`);
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // Already gone.
    }
  }
  process.exit(0);
}

async function main() {
  process.once('SIGINT', () => void shutDown());
  process.once('SIGTERM', () => void shutDown());
  step1Install();
  step2Build();
  step3Vault();
  const articleUrl = await step4Article();
  const companion = await step5Companion();
  const chromiumPath = firstPresent(CHROMIUM_CANDIDATES);
  const firefoxPath = firstPresent(FIREFOX_CANDIDATES);
  if (!args.has('--no-browser') && hasDisplay() && (chromiumPath || firefoxPath)) {
    if (chromiumPath) await openChromium(chromiumPath, companion, articleUrl);
    else await openFirefox(firefoxPath, companion, articleUrl);
    say(`refclip is loaded and paired; the demo article is open. Clips land in ${vault}. Ctrl+C stops everything.`);
  } else {
    printManualSteps(companion, articleUrl);
  }
}

main().catch(async (error) => {
  console.error(`[refclip] ${error instanceof Error ? error.message : error}`);
  await shutDown();
  process.exitCode = 1;
});
