import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { EXTRACT_OPTIONS_GLOBAL, storeInjectedOptions } from './injected-options';
import type { ExtractOptions, PageMetadata } from './metadata';

const text = v.nullable(v.string());
const PageMetadataSchema = v.object({
  title: text,
  citationTitle: text,
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
  quote: v.optional(text),
});

/** Whether the extractor needs options beyond those its file implies (`markdown` picks the file). */
function needsOptions(options: ExtractOptions): boolean {
  return typeof options.selection === 'string' || Object.keys(options.publisherAliases ?? {}).length > 0;
}

/**
 * Extracts a tab's metadata by injecting the extractor on demand (needs `activeTab` after a user gesture, or a host
 * permission): `/extractor.js`, or `/extractor-markdown.js` when `options.markdown` is set. Only when there are
 * other options (publisher aliases, a selection) does a tiny function store them in the isolated world first (see
 * injected-options.ts): each injection is a round trip to the page, and the popup waits for this. Rejects when the
 * tab cannot be scripted (a `chrome://` page, the Web Store) or the result is not a PageMetadata.
 */
export async function extractFromTab(tabId: number, options: ExtractOptions = {}): Promise<PageMetadata> {
  const target = { tabId };
  if (needsOptions(options)) {
    await browser.scripting.executeScript({
      target,
      func: storeInjectedOptions,
      args: [EXTRACT_OPTIONS_GLOBAL, JSON.parse(JSON.stringify(options)) as ExtractOptions],
    });
  }
  const results = await browser.scripting.executeScript({
    target,
    files: [options.markdown ? '/extractor-markdown.js' : '/extractor.js'],
  });
  const parsed = v.safeParse(PageMetadataSchema, results[0]?.result);
  if (!parsed.success) throw new Error('the page extractor returned no metadata');
  return parsed.output;
}

/**
 * The tab's selection as Markdown (links, emphasis and code kept), by injecting `/quote-extractor.js`; `null` when
 * nothing is selected in the page's main frame or the tab cannot be scripted.
 */
export async function quoteFromTab(tabId: number): Promise<string | null> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId }, files: ['/quote-extractor.js'] });
    const quote = results[0]?.result;
    return typeof quote === 'string' && quote.trim() !== '' ? quote : null;
  } catch {
    return null;
  }
}
