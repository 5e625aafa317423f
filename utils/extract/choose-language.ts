/** The page's language: declared, from its own hreflang link, or guessed from its text. */

import { absoluteUrl } from './canonical';
import { guessLanguage } from './guess-language';
import { firstLanguage } from './language';
import { firstMeta, META_KEYS, type MetaTags } from './meta-tags';

export function chooseLang(
  document: Document,
  meta: MetaTags,
  declared: string | null | undefined,
  pageUrls: readonly (string | null)[],
): string | null {
  const root = document.documentElement;
  const rootLang = firstLanguage([root?.getAttribute('lang')]);
  const httpLang = firstLanguage([firstMeta(meta, ['content-language'])]);
  // A template's <html lang="en"> on pages its server labels "de": the text says which is right.
  if (rootLang && httpLang && primary(rootLang) !== primary(httpLang)) {
    const guessed = guessLanguage(document);
    if (guessed === primary(httpLang)) return httpLang;
  }
  return (
    firstLanguage([
      root?.getAttribute('lang'),
      root?.getAttribute('xml:lang'),
      document.body?.getAttribute('lang'),
      ...META_KEYS.lang.map((key) => firstMeta(meta, [key])),
      declared,
    ]) ??
    firstLanguage([ownAlternateLanguage(document, pageUrls)]) ??
    guessLanguage(document)
  );
}

function primary(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** `<link rel="alternate" hreflang="en-us" href="…">` pointing at this very page names its language. */
function ownAlternateLanguage(document: Document, pageUrls: readonly (string | null)[]): string | null {
  const own = new Set(pageUrls.filter((url): url is string => !!url).map(comparableUrl));
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate"][hreflang][href]')).slice(0, 200)) {
    const href = absoluteUrl(link.getAttribute('href') ?? '', pageUrls.find(Boolean) ?? '');
    if (href && own.has(comparableUrl(href))) return link.getAttribute('hreflang');
  }
  return null;
}

function comparableUrl(url: string): string {
  return url
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .split(/[?#]/)[0]!
    .replace(/(?<!\/)\/+$/, '')
    .toLowerCase();
}
