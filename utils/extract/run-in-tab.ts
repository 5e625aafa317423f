import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { EXTRACT_OPTIONS_GLOBAL, storeInjectedOptions } from './injected-options';
import type { ExtractOptions, PageMetadata } from './metadata';

const text = v.nullable(v.string());
const PageMetadataSchema = v.object({
  title: text,
  siteName: text,
  publisher: text,
  byline: text,
  authors: v.array(v.string()),
  published: text,
  modified: text,
  canonicalUrl: text,
  excerpt: text,
  lang: text,
  image: text,
  type: text,
  selection: text,
  warnings: v.array(v.string()),
  markdown: v.optional(text),
});

/**
 * Extracts a tab's metadata by injecting the extractor on demand (needs `activeTab` after a user gesture, or a host
 * permission): first a tiny function that stores `options` in the isolated world (see injected-options.ts), then
 * `/extractor.js`, or `/extractor-markdown.js` when `options.markdown` is set. Rejects when the tab cannot be
 * scripted (a `chrome://` page, the Web Store) or the result is not a PageMetadata.
 */
export async function extractFromTab(tabId: number, options: ExtractOptions = {}): Promise<PageMetadata> {
  const target = { tabId };
  await browser.scripting.executeScript({
    target,
    func: storeInjectedOptions,
    args: [EXTRACT_OPTIONS_GLOBAL, JSON.parse(JSON.stringify(options)) as ExtractOptions],
  });
  const results = await browser.scripting.executeScript({
    target,
    files: [options.markdown ? '/extractor-markdown.js' : '/extractor.js'],
  });
  const parsed = v.safeParse(PageMetadataSchema, results[0]?.result);
  if (!parsed.success) throw new Error('the page extractor returned no metadata');
  return parsed.output;
}
