/** The site's name as its RSS or Atom feed link is titled, for pages that declare no site name anywhere. */

import { namesDomain } from './site-name';
import { cleanText } from './text';

/** "Feed para …" (WordPress in Portuguese), "RSS de …": the label some feed titles open with. */
const FEED_LABEL = /^(?:rss|atom|feed)(?:\s+(?:para|de|do|da|des|du|for|of|von|pour|per|voor))?\s+/i;

/**
 * `<link rel="alternate" type="application/rss+xml" title="12 Grams of Carbon">` on 12gramsofcarbon.com: blogs title
 * their feed with their name. Only a title that names the domain, and without what WordPress adds around it ("Harbour
 * Notes » Feed", "Feed para Harbour Notes »"); a feed titled "Comments" or "Latest stories" names nothing.
 */
export function feedTitle(document: Document, host: string | null): string | null {
  const link = document.querySelector(
    'link[rel~="alternate"][type="application/rss+xml"][title], link[rel~="alternate"][type="application/atom+xml"][title]',
  );
  const title = cleanText(link?.getAttribute('title'), 200);
  const name = title
    ?.replace(FEED_LABEL, '')
    .split(/(?<!\s)\s*[»|–—]|(?<!\s)\s+-\s/)[0]
    ?.trim();
  return name && namesDomain(name, host) ? name : null;
}
