/** URLs from the page, made absolute against the document's `<base href>` or the page URL. */

import { citableUrl } from '../core/url';

/** The URL relative links resolve against: the page's `<base href>` (itself relative to the page URL), else the page URL. */
export function baseUrlOf(document: Document, pageUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  return (href && absoluteUrl(href, pageUrl)) || pageUrl;
}

/** An absolute http(s) URL, or null for anything else (`javascript:`, `data:`, garbage). */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed.length > 4000) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The page's own idea of its address, as a note cites it: `<link rel=canonical>`, else `og:url`-like tags, else the
 * page URL; without tracking parameters or fragment, and never downgraded from the page's https to http.
 */
export function findCanonical(
  document: Document,
  base: string,
  pageUrl: string,
  declared: readonly (string | null)[],
): string | null {
  const found = declaredCanonical(document, base, pageUrl, declared);
  return found && citableUrl(keepSecureScheme(found, pageUrl));
}

/**
 * A canonical `http://` address for a page read over https (templates that hard-code the scheme): the same host and
 * path over https, the scheme the page was read with.
 */
function keepSecureScheme(url: string, pageUrl: string): string {
  if (!url.startsWith('http:') || !pageUrl.startsWith('https:')) return url;
  const secure = `https:${url.slice('http:'.length)}`;
  try {
    return new URL(secure).host === new URL(pageUrl).host ? secure : url;
  } catch {
    return url;
  }
}

function declaredCanonical(
  document: Document,
  base: string,
  pageUrl: string,
  declared: readonly (string | null)[],
): string | null {
  const link = Array.from(document.querySelectorAll('link[rel][href]')).find((el) =>
    (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  for (const href of [link?.getAttribute('href') ?? null, ...declared]) {
    const url = absoluteUrl(href, base);
    if (url) return url;
  }
  return absoluteUrl(pageUrl, pageUrl)?.split('#')[0] ?? null;
}
