/** URLs from the page, made absolute against the document's `<base href>` or the page URL. */

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

/** The page's own idea of its address: `<link rel=canonical>`, else `og:url`-like tags, else the page URL without its fragment. */
export function findCanonical(
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
