import { browser } from 'wxt/browser';
import type { Clip } from '../core/clip';
import type { Settings } from '../core/settings';
import type { PageMetadata } from '../extract/metadata';
import { derivePublisher } from '../extract/publisher';
import { t } from '../i18n';
import { isPdfUrl } from './readable-page';
import { readTab } from './read-tab';

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
export function clipFromLink(linkUrl: string, linkText: string | undefined, settings: Settings): Clip {
  const title = (linkText ?? '').replace(/\s+/g, ' ').trim() || linkUrl;
  return { url: linkUrl, title, publisher: publisherOfHost(linkUrl, settings) };
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

export type PageReading = { ok: true; page: PageMetadata } | { ok: false; message: string };

/**
 * What a tab's page says, for `clipFromPage` (with its main content as Markdown when `markdown`). A PDF cannot be read, but its address and tab title still make a
 * usable citation, so it reads as a link to itself.
 */
export async function readPageInTab(
  tab: { id?: number; url?: string; title?: string },
  settings: Settings,
  markdown = false,
): Promise<PageReading> {
  const url = tab.url ?? '';
  if (tab.id !== undefined && isPdfUrl(url)) {
    const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
    return { ok: true, page: linkAsPage(clipFromLink(url, tab.title || fileName, settings), undefined) };
  }
  if (tab.id === undefined) return { ok: false, message: t('workerPageNoTab') };
  const reading = await readTab(tab.id, tab.url, settings, markdown);
  return reading.ok ? { ok: true, page: reading.metadata } : reading;
}
