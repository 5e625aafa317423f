import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExtractOptions, PageMetadata } from '../../utils/extract/metadata';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { serveStaticPages, type StaticServer } from './support/static-server';

const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
const FIXTURE = resolve(import.meta.dirname, 'fixtures/extract-article.html');
const PATH = '/news/2031/05/tidal-mill-vote?ref=home';

let browser: ChromiumWithExtension;
let server: StaticServer;
let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'refclip-extract-'));
  server = await serveStaticPages({ '/news/2031/05/tidal-mill-vote': readFileSync(FIXTURE, 'utf8') });
  browser = await launchChromiumWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The same two `executeScript` calls `extractFromTab` makes, run from the extension's service worker. */
async function extractInTab(url: string, options: ExtractOptions, file: string): Promise<PageMetadata> {
  return browser.worker.evaluate(
    async ({ url, options, file }) => {
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: (key: string, value: unknown) => {
          (globalThis as Record<string, unknown>)[key] = value;
        },
        args: ['__refclipExtractOptions', options],
      });
      const results = await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [file] });
      return results[0]?.result as PageMetadata;
    },
    { url, options, file },
  );
}

async function cli(...args: string[]): Promise<PageMetadata> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'extract', ...args], { cwd: scratch });
  return JSON.parse(stdout) as PageMetadata;
}

function withoutRunNotes(metadata: PageMetadata): Omit<PageMetadata, 'warnings'> {
  const { warnings: _warnings, ...rest } = metadata;
  return rest;
}

it('the injected extractor in Chromium returns the same metadata as `refclip extract` on the same HTML', async () => {
  const url = server.url(PATH);
  const page = await browser.context.newPage();
  await page.goto(url);
  const saved = FIXTURE;

  const inBrowser = await extractInTab(url, {}, '/extractor.js');
  const fromCli = await cli(saved, '--url', url);
  expect(withoutRunNotes(inBrowser)).toEqual(withoutRunNotes(fromCli));
  expect(inBrowser).toMatchObject({
    title: 'Harbour town votes to keep its tidal mill turning',
    siteName: 'The Estuary Courier',
    publisher: 'The Estuary Courier',
    byline: 'Rhiannon Pask and Tomas Ek',
    published: '2031-05-13T18:40:00+01:00',
    canonicalUrl: `${server.origin}/news/2031/05/tidal-mill-vote`,
    lang: 'en-GB',
    selection: null,
  });
  expect(inBrowser.markdown).toBeUndefined();

  const pageBefore = await page.content();
  const withMarkdown = await extractInTab(url, {}, '/extractor-markdown.js');
  // Readability rewrites what it parses: it must have worked on a copy, never on the page the user is reading.
  expect(await page.content()).toBe(pageBefore);
  const cliMarkdown = await cli(saved, '--url', url, '--markdown');
  expect(withoutRunNotes(withMarkdown)).toEqual(withoutRunNotes(cliMarkdown));
  expect(withMarkdown.markdown).toContain('| Wheel | £84,000 |');
  expect(withMarkdown.markdown).toContain('```\nmill.open(tide = "ebb")\n```');
  await page.close();
});

it('passes options to the injected extractor and reads the page selection', async () => {
  const url = server.url(PATH);
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelectorAll('article p')[2]!);
    getSelection()?.addRange(range);
  });
  const result = await extractInTab(url, { publisherAliases: { 'The Estuary Courier': 'Courier' } }, '/extractor.js');
  expect(result.publisher).toBe('Courier');
  expect(result.selection).toBe(
    'The repairs are expected to take two summers. Volunteers will keep the visitor centre open while the wheel is rebuilt.',
  );
  // The options are taken off the page's isolated world after use: a later run without them gets the default.
  const again = await extractInTab(url, {}, '/extractor.js');
  expect(again.publisher).toBe('The Estuary Courier');
  await page.close();
});
