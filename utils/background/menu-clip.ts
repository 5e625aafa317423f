import { browser } from 'wxt/browser';
import type { Clip } from '../core/clip';
import type { Settings } from '../core/settings';
import type { PageMetadata } from '../extract/metadata';
import { derivePublisher } from '../extract/publisher';
import { t } from '../i18n';
import { isPdfUrl } from './readable-page';
import { readTab } from './read-tab';

const WHY_MAX = 280;

/** A selection as a "why it matters" line: one line, at most 280 characters, cut at a word when it must be. */
export function whyFromSelection(selection: string | undefined | null): string | undefined {
  const line = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (line.length === 0) return undefined;
  if (line.length <= WHY_MAX) return line;
  const cut = line.slice(0, WHY_MAX - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > WHY_MAX / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function publisherOfHost(url: string, settings: Settings): string {
  const host = hostOf(url);
  return derivePublisher(null, host, settings.publisherAliases) ?? host ?? '';
}

/** A clip of a link's target: the link text as title, the target host's publisher. */
export function clipFromLink(linkUrl: string, linkText: string | undefined, settings: Settings, why?: string): Clip {
  const title = (linkText ?? '').replace(/\s+/g, ' ').trim() || linkUrl;
  return { url: linkUrl, title, publisher: publisherOfHost(linkUrl, settings), ...(why ? { why } : {}) };
}

/**
 * A link's clip in the shape of a page's metadata, for the popup opened by "Choose note…" on the link: its fields
 * show the link's title and publisher, and the selection (if any) as "why it matters".
 */
export function linkAsPage(clip: Clip, selection: string | undefined): PageMetadata {
  return {
    title: clip.title,
    citationTitle: clip.title,
    siteName: null,
    publisher: clip.publisher,
    byline: null,
    authors: [],
    published: null,
    modified: null,
    canonicalUrl: clip.url,
    excerpt: null,
    lang: null,
    image: null,
    type: null,
    selection: selection ?? null,
    warnings: [],
  };
}

/**
 * The text of the right-clicked link. Firefox passes it with the click; Chrome does not, so it is read from the
 * first link on the page with that target (the click granted activeTab for this).
 */
export async function linkTextInTab(tabId: number, linkUrl: string, given?: string): Promise<string | undefined> {
  if (given?.trim()) return given;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: (href: string) =>
        Array.from(document.querySelectorAll('a[href]'), (a) => a as HTMLAnchorElement)
          .find((a) => a.href === href)
          ?.textContent?.slice(0, 10_000) ?? null,
      args: [linkUrl],
    });
    return typeof result?.result === 'string' ? result.result : undefined;
  } catch {
    return undefined;
  }
}

export type PageClip = { ok: true; clip: Clip } | { ok: false; message: string };

/**
 * A clip of the page in a tab. A PDF cannot be read, but its address and tab title still make a usable citation.
 */
export async function clipFromPage(
  tab: { id?: number; url?: string; title?: string },
  settings: Settings,
  why?: string,
): Promise<PageClip> {
  const url = tab.url ?? '';
  if (tab.id !== undefined && isPdfUrl(url)) {
    const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
    return { ok: true, clip: clipFromLink(url, tab.title || fileName, settings, why) };
  }
  if (tab.id === undefined) return { ok: false, message: t('workerPageNoTab') };
  const reading = await readTab(tab.id, tab.url, settings);
  if (!reading.ok) return reading;
  const { metadata } = reading;
  const canonical = metadata.canonicalUrl && /^https?:/i.test(metadata.canonicalUrl) ? metadata.canonicalUrl : null;
  const clipUrl = canonical ?? url;
  const clip: Clip = {
    url: clipUrl,
    title: metadata.citationTitle ?? tab.title ?? clipUrl,
    publisher: metadata.publisher ?? publisherOfHost(clipUrl, settings),
  };
  if (why) clip.why = why;
  if (metadata.byline) clip.byline = metadata.byline;
  if (metadata.published) clip.published = metadata.published;
  if (metadata.excerpt) clip.summary = metadata.excerpt;
  return { ok: true, clip };
}
