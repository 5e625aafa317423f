/** The page's title as declared and the headline variant a citation uses. */

import type { JsonLdFacts } from './json-ld';
import { firstMeta, META_KEYS, type MetaTags } from './meta-tags';
import type { MicrodataFacts } from './microdata';
import { patternFor } from './letters';
import { cleanText, collapseWhitespace, looseKey } from './text';
import { documentTitle, stripSiteName, titleFromDocument } from './title';

const MIN_CLIPPED_TITLE_WORDS = 6;
/** A section or site name before a headline ("Opinion", "The Harbour Post"), in letters and digits. */
const MAX_PREFIX_LENGTH = 20;

/** Sites cut JSON-LD headlines at 110 characters (Google's limit) or 100; anything shorter was not cut silently. */
const MIN_CLIPPED_TITLE_LENGTH = 90;

export function headingTexts(document: Document): string[] {
  return Array.from(document.getElementsByTagName('h1'))
    .slice(0, 5)
    .map((h) => collapseWhitespace(h.textContent ?? ''))
    .filter(Boolean);
}

/**
 * `title`: the first title the page declares (JSON-LD, Dublin Core, OpenGraph, …), else `<title>` read as reader views
 * read it. `shown`: the variant (declared, or the `<title>` without the site's name) that the page prints as its
 * `<h1>`, which citations use.
 */
export function chooseTitle(
  document: Document,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  microdata: MicrodataFacts | null,
  siteNames: string[],
  headings: readonly string[],
  homePage = false,
): { title: string | null; shown: string | null } {
  const siteKeys = new Set(siteNames.map(looseKey));
  const candidates = [
    jsonLdTitle(jsonLd, document, headings),
    ...META_KEYS.title.map((key) => firstMeta(meta, [key])),
    microdata?.headline,
  ];
  const declared = candidates
    .map((raw) => cleanText(raw))
    .filter((text): text is string => !!text && !siteKeys.has(looseKey(text)));
  const first = declared[0];
  if (!first) {
    const title = titleFromDocument(document) ?? cleanText(document.getElementsByTagName('h1')[0]?.textContent);
    const printed = title && !homePage && siteKeys.has(looseKey(title)) ? articleHeadline(document, siteKeys) : null;
    return {
      title,
      shown: printed ?? headlineOpeningTitle(headings, [title, cleanText(documentTitle(document))]) ?? title,
    };
  }
  // Sites write SEO and social variants of a headline; the one the reader sees as the <h1> is the one to cite. The
  // same headline with the site's name or a section label around it is not a variant.
  const headingKeys = new Set(headings.map(looseKey));
  const pageTitle = cleanText(documentTitle(document));
  const shown = [...declared, ...(pageTitle ? [stripSiteName(pageTitle, siteNames)] : [])].find((text) =>
    headingKeys.has(looseKey(text)),
  );
  const title = completeTitle(first, headings);
  if (shown) return { title, shown: looseKey(first).includes(looseKey(shown)) ? title : shown };
  return {
    title,
    shown: headlineOpeningTitle(headings, [first, pageTitle]) ?? printedVariant(headings, title, siteKeys) ?? title,
  };
}

/**
 * "carta.info" as the whole `<title>` of an article, whose `<h1>` holds the logo: the site's name is no title, the
 * headline printed in the article (an `<h1>` or `<h2>` in `<article>` or `<main>`) is. Read only on such pages.
 */
function articleHeadline(document: Document, siteKeys: ReadonlySet<string>): string | null {
  for (const heading of Array.from(document.querySelectorAll('article h1, main h1, article h2, main h2')).slice(0, 5)) {
    const text = cleanText(heading.textContent, 300);
    if (text && /\s/.test(text) && !siteKeys.has(looseKey(text))) return text;
  }
  return null;
}

/**
 * An `<h1>` that is most of the title, the rest being what some sites' separators do not mark as the site's name
 * ("标题_科技_腾讯网", "Title @ Blog :: Host"): the headline itself.
 */
function headlineOpeningTitle(headings: readonly string[], titles: readonly (string | null)[]): string | undefined {
  const keys = titles.filter((title): title is string => !!title).map(looseKey);
  return headings.find((heading) => {
    const key = looseKey(heading);
    // Most of the title: a blog's name printed as its <h1> also opens "Blog: Post title". The <h1> closing the
    // title is the headline after a section or site prefix ("Opinion | Headline", "サイト：見出し").
    return (
      key.length >= 8 &&
      keys.some(
        (title) =>
          key.length > title.length / 2 &&
          (title.startsWith(key) || (title.endsWith(key) && title.length - key.length <= MAX_PREFIX_LENGTH)),
      )
    );
  });
}

/**
 * An `<h1>` that rewrites the declared headline (same story, other words: "Two officers charged over records" for
 * "Officers charged with falsifying records"): the first one sharing at least a third of its words with the title,
 * four words or more, and not the site's name.
 */
function printedVariant(headings: readonly string[], title: string, siteKeys: ReadonlySet<string>): string | null {
  return (
    headings.find(
      (heading) =>
        heading.split(/\s+/).length >= 4 &&
        heading.length <= 300 &&
        !siteKeys.has(looseKey(heading)) &&
        similarity(heading, title) >= 1 / 3,
    ) ?? null
  );
}

/**
 * A declared title cut short (JSON-LD headlines are often clipped at 110 characters, sometimes with an ellipsis) is
 * completed from the `<h1>` that begins with it, word for word.
 */
function completeTitle(title: string, headings: readonly string[]): string {
  const stem = title.replace(/(?<!\s)\s*(?:\.\.\.|…)$/, '').toLowerCase();
  // A short title that starts an <h1> is more likely a kicker or a series name than a clipped headline, and a title
  // neither marked as cut nor near a length limit is complete: the <h1> adds a label ("… Exclusive", "… Live").
  if (stem.split(' ').length < MIN_CLIPPED_TITLE_WORDS) return title;
  if (stem.length === title.length && stem.length < MIN_CLIPPED_TITLE_LENGTH) return title;
  const full = headings.find((heading) => heading.length > stem.length && heading.toLowerCase().startsWith(`${stem} `));
  return full ?? title;
}

/**
 * JSON-LD `headline` and `name` should agree. When they do not, the one the reader sees as an `<h1>` is the article's
 * (the other is an SEO or social variant); then a copy cut short (`name` limited to 110 characters) yields to the full
 * one; else the one closer to `<title>` wins.
 */
function jsonLdTitle(jsonLd: JsonLdFacts | null, document: Document, headings: readonly string[]): string | null {
  if (!jsonLd) return null;
  const { headline, name } = jsonLd;
  if (!headline || !name || headline === name) return headline ?? name;
  const headingKeys = new Set(headings.map(looseKey));
  const shown = [headline, name].filter((title) => headingKeys.has(looseKey(cleanText(title) ?? '')));
  if (shown.length === 1) return shown[0]!;
  const [shorter, longer] = headline.length < name.length ? [headline, name] : [name, headline];
  if (looseKey(longer).startsWith(looseKey(shorter.replace(/(?:\.\.\.|…)\s*$/, '')))) return longer;
  const pageTitle = documentTitle(document);
  return similarity(name, pageTitle) >= similarity(headline, pageTitle) ? name : headline;
}

function similarity(a: string, b: string): number {
  const words = (s: string): string[] =>
    s
      .toLowerCase()
      .split(patternFor(s, /[^a-z0-9]+/, /[^\p{L}\p{N}]+/u))
      .filter(Boolean);
  const setB = new Set(words(b));
  const listA = words(a);
  if (!listA.length) return 0;
  return listA.filter((w) => setB.has(w)).length / listA.length;
}
