import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { extractFromTab } from '../../utils/extract/run-in-tab';
import { extract, page } from './page';

const executeScript = vi.fn();

beforeEach(() => {
  fakeBrowser.reset();
  executeScript.mockReset();
  // fakeBrowser has no `scripting`; the stub records the injections and answers like Chromium does.
  Object.assign(browser, { scripting: { executeScript } });
});

it('stores the options in the tab, then runs the metadata extractor and returns its result', async () => {
  const metadata = extract(page('<meta property="og:title" content="Quay reopens">'));
  executeScript.mockResolvedValueOnce([{ result: null }]).mockResolvedValueOnce([{ result: metadata }]);
  const options = { publisherAliases: { 'Harbour Post': 'HP' }, selection: 'a quote' };
  await expect(extractFromTab(7, options)).resolves.toEqual(metadata);
  const [store, run] = executeScript.mock.calls.map((call) => call[0]);
  expect(store.target).toEqual({ tabId: 7 });
  expect(store.args).toEqual(['__refclipExtractOptions', options]);
  store.func.apply(null, store.args);
  expect((globalThis as Record<string, unknown>).__refclipExtractOptions).toEqual(options);
  delete (globalThis as Record<string, unknown>).__refclipExtractOptions;
  expect(run).toEqual({ target: { tabId: 7 }, files: ['/extractor.js'] });
});

it('injects the extractor alone when there are no options to pass (one round trip to the page)', async () => {
  const metadata = extract(page('<meta property="og:title" content="Quay reopens">'));
  executeScript.mockResolvedValueOnce([{ result: metadata }]);
  await expect(extractFromTab(7, { publisherAliases: {}, selection: null })).resolves.toEqual(metadata);
  expect(executeScript.mock.calls.map((call) => call[0])).toEqual([{ target: { tabId: 7 }, files: ['/extractor.js'] }]);
});

it('injects the Markdown extractor only when Markdown is asked for', async () => {
  const metadata = { ...extract(page('')), markdown: 'Body' };
  executeScript.mockResolvedValueOnce([{ result: metadata }]);
  await expect(extractFromTab(3, { markdown: true })).resolves.toEqual(metadata);
  expect(executeScript.mock.calls.map((call) => call[0].files)).toEqual([['/extractor-markdown.js']]);
});

it('rejects when the page returned something that is not metadata', async () => {
  executeScript.mockResolvedValueOnce([{ result: { title: 42 } }]);
  await expect(extractFromTab(3)).rejects.toThrow('the page extractor returned no metadata');
});
