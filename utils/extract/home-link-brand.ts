/** The name a site's logo gives itself, for pages that declare no site name anywhere. */

import { registrableDomain } from './publisher';
import { namesDomain } from './site-name';
import { cleanText } from './text';

/** Header logos come first; a footer's home link is seldom worth reading. */
const LINKS_READ = 4;

/**
 * The alt text or label of a link to the site's home page ("Los Angeles Rams logo" → "Los Angeles Rams"), when it
 * names the domain: a word of it is in the domain's name ("rams" in therams.com) or it spells that name ("Catch it
 * Kansas" on catchitkansas.com). Without that check a home link's "Nigerian Newspaper" would pass for a name.
 */
export function homeLinkBrand(document: Document, pageUrl: string): string | null {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  let read = 0;
  for (const link of document.querySelectorAll('a[href]')) {
    if (!linksHome(link.getAttribute('href') ?? '', page)) continue;
    for (const text of [
      link.querySelector('img[alt]')?.getAttribute('alt'),
      link.getAttribute('aria-label'),
      link.getAttribute('title'),
    ]) {
      const name = brandName(text);
      if (name && namesDomain(name, page.hostname)) return name;
    }
    if (++read >= LINKS_READ) break;
  }
  return null;
}

/** What a link to a home page looks like before it is parsed: "/", "./", "https://acme.example/", "//acme.example". */
const ROOT_HREF = /^(?:(?:https?:)?\/\/[^/?#]+)?(?:\.?\/)?(?:#.*)?$/i;

/** A link to the home page of this site or of the domain it belongs to (blog.acme.example's logo links acme.example). */
function linksHome(href: string, page: URL): boolean {
  // Most links go elsewhere: a string test spares parsing each one as a URL.
  if (!ROOT_HREF.test(href.trim())) return false;
  try {
    const target = new URL(href, page);
    return (
      registrableDomain(target.hostname) === registrableDomain(page.hostname) &&
      (target.pathname === '/' || target.pathname === '') &&
      !target.search
    );
  } catch {
    return false;
  }
}

/**
 * "Go to CBS News home page", "nj’s Logo", "New York Times Logo. Click to visit the homepage", "Catch it Kansas -
 * Content - News" → the name; file names ("logo-full-black.svg", "express_logo") and bare words ("Home") → nothing.
 */
function brandName(text: string | null | undefined): string | null {
  const raw = cleanText(text, 300);
  // A lower-case slug is a file's name ("logo-full-black"); "Spokesman-Review" is a name. No `i` flag on the slug test:
  // with it `\p{Ll}` matches capitals too.
  if (!raw || /[_/]|\.(?:svg|png|jpe?g|gif|webp)$/i.test(raw) || /^[\p{Ll}\d]+(?:-[\p{Ll}\d]+)+$/u.test(raw))
    return null;
  const name = raw
    .replace(/\.\s*click to visit the home\s?page$/i, '')
    .replace(/^(?:go to|link to|visit|return to|back to)\s+(?:the\s+)?/i, '')
    .replace(/(?<!\s)\s+home\s?page$/i, '')
    .replace(/(?:[’']s)?(?<!\s)\s+(?:logo|brand)$/i, '')
    .split(/(?<!\s)\s+[|–—-]\s+/)[0]!
    .trim();
  if (!name || name.length > 60 || name.split(/\s+/).length > 6) return null;
  return /^(?:home|logo|brand|home\s?page|front page|site logo|main logo)$/i.test(name) ? null : name;
}
