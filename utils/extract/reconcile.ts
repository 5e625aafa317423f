import { cleanAuthors, isNewsAgency, joinByline, onlyOutlets, withoutOutlets } from './authors';
import { absoluteUrl, baseUrlOf, findCanonical } from './canonical';
import { dateInText, dateInUrl, firstDate, inSiteZone } from './dates';
import { chooseExcerpt, firstParagraph } from './excerpt';
import { guessLanguage } from './guess-language';
import { firstLanguage } from './language';
import { readJsonLd, type JsonLdFacts } from './json-ld';
import { allMeta, firstMeta, META_KEYS, readMetaTags, type MetaTags } from './meta-tags';
import type { ExtractOptions, PageMetadata } from './metadata';
import { readMicrodata, type MicrodataFacts } from './microdata';
import { citationName, derivePublisher, nameFromHost, registrableDomain } from './publisher';
import { cleanText, collapseWhitespace, looseKey } from './text';
import { documentTitle, siteNameFromTitle, stripSiteName, titleFromDocument } from './title';
import {
  findTimeElement,
  findVisibleByline,
  findVisibleDate,
  headlineBlock,
  headlineScope,
  leadParagraph,
  printedTimes,
} from './visible-byline';

const MAX_SELECTION = 10_000;
const MIN_CLIPPED_TITLE_WORDS = 6;
/** Sites cut JSON-LD headlines at 110 characters (Google's limit) or 100; anything shorter was not cut silently. */
const MIN_CLIPPED_TITLE_LENGTH = 90;
/** Sources that list one author per tag, often family name first ("Okafor, Ada"). */
const ONE_AUTHOR_PER_VALUE = new Set([
  'citation_author',
  'dc.creator',
  'dcterms.creator',
  'dc:creator',
  'dcterm:creator',
]);

/**
 * Reads the page's metadata from every source it declares (JSON-LD, OpenGraph, Twitter, meta tags, Highwire,
 * Dublin Core, Parse.ly, Sailthru, microdata, `<time>`, visible bylines) and reconciles them into one result.
 * Only reads `document` through the DOM API (never globals), never changes it and never throws: what failed is
 * listed in `warnings`. No Readability pass: this is the fast path.
 */
export function readPageMetadata(document: Document, url: string, options: ExtractOptions = {}): PageMetadata {
  const warnings: string[] = [];
  const safely = <T>(label: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      warnings.push(`${label} unreadable: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`);
      return fallback;
    }
  };
  const pageUrl = absoluteUrl(url, 'http://invalid.invalid/') ?? url;
  const base = safely('base URL', () => baseUrlOf(document, pageUrl), pageUrl);
  const host = hostOf(pageUrl);
  const meta = safely('meta tags', () => readMetaTags(document), new Map() as MetaTags);
  const canonicalUrl = safely(
    'canonical URL',
    () => findCanonical(document, base, pageUrl, [firstMeta(meta, META_KEYS.canonical)]),
    null,
  );
  const headings = safely('headings', () => headingTexts(document), []);
  const jsonLd = safely(
    'JSON-LD',
    () =>
      readJsonLd(
        document,
        {
          urls: [canonicalUrl, pageUrl].filter((u): u is string => !!u),
          titles: [firstMeta(meta, META_KEYS.title), documentTitle(document), ...headings].filter(
            (t): t is string => !!t,
          ),
          resolveUrl: (href) => absoluteUrl(href, base),
        },
        warnings,
      ),
    null,
  );
  const microdata = safely('microdata', () => readMicrodata(document), null);

  const siteName = safely('site name', () => chooseSiteName(document, meta, jsonLd, microdata, host), null);
  const publisherSource =
    safely('publication', () => platformPublication(document, siteName), null) ??
    siteName ??
    cleanText(jsonLd?.publisherName, 200);
  const titleSite = safely('title', () => siteNameFromTitle(cleanText(documentTitle(document)) ?? ''), null);
  const publisher = derivePublisher(publisherSource, host, options.publisherAliases, titleSite);
  const siteNames = [
    siteName,
    publisher,
    jsonLd?.publisherName ?? null,
    host,
    host && registrableDomain(host),
    host && nameFromHost(host),
  ].filter((n): n is string => !!n);

  const { title, shown } = safely('title', () => chooseTitle(document, meta, jsonLd, microdata, siteNames, headings), {
    title: null,
    shown: null,
  });
  const citationTitle = shown && safely('citation title', () => stripSiteName(shown, siteNames), shown);
  const authors = safely('authors', () => chooseAuthors(document, meta, jsonLd, microdata, siteNames), []);
  const declaredPublished =
    firstDate([
      jsonLd?.published,
      ...allMeta(meta, META_KEYS.published),
      microdata?.published,
      safely('time element', () => findTimeElement(document), null),
      jsonLd?.created,
    ]) ??
    // Undeclared: the URL's day, made precise by a printed time that same day. A header printed above <main> or
    // <article> holds the story's <time>; related stories' come after it.
    undeclaredDate(
      dateInUrl(canonicalUrl) ?? dateInUrl(pageUrl),
      () => safely('time element', () => findTimeElement(document, true), null),
      () => safely('visible date', () => findVisibleDate(document), null),
      () => safely('dateline', () => leadingDate(firstParagraph(document)), null),
    );
  const modified = firstDate([jsonLd?.modified, ...allMeta(meta, META_KEYS.modified), microdata?.modified]);
  const published = inSiteZone(
    declaredPublished,
    () => [modified, ...allMeta(meta, META_KEYS.published), ...allMeta(meta, META_KEYS.modified)],
    // Only for the same minute: a <time> can be a comment's. Printed near the headline: a whole-page scan would cost
    // every page with a UTC date.
    () => [
      safely('time element', () => findTimeElement(document, true), null),
      ...allMeta(meta, META_KEYS.published),
      ...safely('printed times', () => printedTimes(document), []),
      safely('visible date', () => findVisibleDate(document, headlineScope(document)), null),
    ],
  );
  const excerpt = safely(
    'excerpt',
    () =>
      chooseExcerpt(
        [jsonLd?.description ?? null, ...allMeta(meta, META_KEYS.description), microdata?.description ?? null],
        document,
        // The title again, with or without the site's name, or the site's own description, is not a summary.
        [
          title,
          citationTitle,
          cleanText(documentTitle(document)),
          siteName,
          cleanText(jsonLd?.websiteDescription, 4000),
        ],
      ),
    null,
  );

  // Wire copy credited to no one, or to the site itself by default, is the agency's its dateline names.
  const agency =
    !authors.length || onlyOutlets(authors, siteNames)
      ? (agencyInDateline(excerpt) ?? agencyInDateline(safely('paragraph', () => leadParagraph(document), null)))
      : null;
  const credited = agency ? [agency] : authors;

  return {
    title,
    citationTitle,
    siteName,
    publisher,
    byline: joinByline(credited),
    authors: credited,
    published,
    modified,
    canonicalUrl,
    excerpt,
    lang: safely(
      'language',
      () => chooseLang(document, meta, jsonLd?.lang ?? microdata?.lang, [canonicalUrl, pageUrl]),
      null,
    ),
    image: safely(
      'image',
      () => absoluteUrl(firstMeta(meta, META_KEYS.image) ?? jsonLd?.image ?? imageLink(document), base),
      null,
    ),
    type: cleanText(jsonLd?.type ?? firstMeta(meta, META_KEYS.type), 100),
    selection: safely('selection', () => readSelection(document, options), null),
    warnings,
  };
}

/**
 * The article's publisher node names the site more plainly than og:site_name ("NPR" vs "NPR.org", "The Boston Globe"
 * vs "BostonGlobe.com"), unless og:site_name is the same name without a legal suffix ("Spiceworks" vs "Spiceworks
 * Inc"). Then the other declarations, then the end of `<title>`.
 */
function chooseSiteName(
  document: Document,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  microdata: MicrodataFacts | null,
  host: string | null,
): string | null {
  const publisher = cleanText(jsonLd?.publisherName, 200);
  // "@harbourpost": a social handle put where the name belongs.
  const openGraph = notHandle(cleanText(firstMeta(meta, ['og:site_name']), 200));
  if (publisher && openGraph && publisher !== openGraph && siteCallsItself(openGraph, publisher, document, host)) {
    return openGraph;
  }
  return cleanText(
    publisher ??
      openGraph ??
      jsonLd?.websiteName ??
      notHandle(firstMeta(meta, META_KEYS.siteName)) ??
      microdata?.publisherName ??
      firstMeta(meta, META_KEYS.publisher) ??
      siteNameFromTitle(cleanText(documentTitle(document)) ?? '') ??
      domainNamedLead(cleanText(documentTitle(document)) ?? '', host) ??
      firstMeta(meta, META_KEYS.appName),
    200,
  );
}

/** "The Space Review: Seeking a bigger role" on thespacereview.com: a leading segment that spells the domain's name. */
function domainNamedLead(title: string, host: string | null): string | null {
  const lead = /^([^:|–—-]{2,40}?)\s*(?::|\s[|–—-])\s/.exec(title)?.[1];
  const label = host ? registrableDomain(host).split('.')[0] : null;
  return lead && label && looseKey(lead) === label ? lead : null;
}

/**
 * "Inside the drug lab — Backchannel — Medium": on a blogging platform, the publication its `<title>` names before
 * the platform's name is what people cite.
 */
function platformPublication(document: Document, siteName: string | null): string | null {
  if (!siteName || !PLATFORM.test(siteName)) return null;
  const segments = (cleanText(documentTitle(document)) ?? '').split(/\s+[|–—]\s+/);
  if (segments.length < 3 || looseKey(segments[segments.length - 1]!) !== looseKey(siteName)) return null;
  const publication = segments[segments.length - 2]!;
  // "Title | by Ada Lowe | Medium": a post of no publication.
  return publication.split(/\s+/).length <= 5 && !/^by\s/i.test(publication) ? publication : null;
}

function notHandle(name: string | null): string | null {
  return name && /^@\S+$/.test(name.trim()) ? null : name;
}

/** Publishing platforms that templates name as every blog's publisher. */
const PLATFORM =
  /^(?:blogger|blogspot|wordpress(?:\.com)?|medium|substack|tumblr|wix|squarespace|ghost|weebly|livejournal)$/i;

/**
 * Whether og:site_name, not the article's JSON-LD publisher, is the site's own name: the same name without a legal
 * suffix ("Spiceworks" vs "Spiceworks Inc"), unless it is the publisher's name squashed ("usatoday", "USA TODAY"); the name its `<title>` ends with when the publisher's is not ("Sky
 * News" vs "Sky", a wire story's "Associated Press" on "… - Connecticut Post"); the name its domain carries when
 * the publisher is a news agency or a blogging platform ("Times Union" on timesunion.com, not "Blogger").
 */
function siteCallsItself(openGraph: string, publisher: string, document: Document, host: string | null): boolean {
  const key = (name: string) => looseKey(citationName(name).replace(/^the\s+/i, ''));
  if (looseKey(publisher) === looseKey(openGraph)) return /\s/.test(openGraph) || !/\s/.test(publisher);
  if (looseKey(publisher).startsWith(looseKey(openGraph))) return true;
  // "WSJ" for "Wall Street Journal": the same site, and the publisher spells it out.
  if (openGraph === initials(publisher)) return false;
  const titleSite = siteNameFromTitle(cleanText(documentTitle(document)) ?? '');
  if (titleSite && key(titleSite) === key(openGraph) && key(titleSite) !== key(publisher)) return true;
  const domainLabel = host ? registrableDomain(host).split('.')[0]! : '';
  return (isNewsAgency(publisher) || PLATFORM.test(publisher)) && key(openGraph) === domainLabel;
}

function initials(name: string): string {
  return name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
}

/** The URL's day made precise by a printed time that same day, else the first printed date; each read only if needed. */
function undeclaredDate(
  urlDay: string | null,
  timeElement: () => string | null,
  visibleDate: () => string | null,
  leadDateline: () => string | null,
): string | null {
  const printed = firstDate([timeElement()]) ?? visibleDate() ?? leadDateline();
  return urlDay ? firstDate([urlDay, printed]) : printed;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function headingTexts(document: Document): string[] {
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
function chooseTitle(
  document: Document,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  microdata: MicrodataFacts | null,
  siteNames: string[],
  headings: readonly string[],
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
    return { title, shown: headlineOpeningTitle(headings, [title, cleanText(documentTitle(document))]) ?? title };
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
 * An `<h1>` that is most of the title, the rest being what some sites' separators do not mark as the site's name
 * ("标题_科技_腾讯网", "Title @ Blog :: Host"): the headline itself.
 */
function headlineOpeningTitle(headings: readonly string[], titles: readonly (string | null)[]): string | undefined {
  const keys = titles.filter((title): title is string => !!title).map(looseKey);
  return headings.find((heading) => {
    const key = looseKey(heading);
    // Most of the title: a blog's name printed as its <h1> also opens "Blog: Post title".
    return key.length >= 8 && keys.some((title) => title.startsWith(key) && key.length > title.length / 2);
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
  const stem = title.replace(/\s*(?:\.\.\.|…)$/, '').toLowerCase();
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
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const setB = new Set(words(b));
  const listA = words(a);
  if (!listA.length) return 0;
  return listA.filter((w) => setB.has(w)).length / listA.length;
}

/**
 * The first source that names people. A source that credits only the outlet (JSON-LD `author` "BBC News", a meta
 * author "AppleInsider") yields to a later one naming reporters, and is the answer when none does.
 */
function chooseAuthors(
  document: Document,
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  microdata: MicrodataFacts | null,
  siteNames: readonly string[],
): string[] {
  const sources: [() => readonly string[], boolean][] = [
    [() => jsonLd?.authors ?? [], false],
    ...META_KEYS.authors.map((key): [() => string[], boolean] => [
      () => allMeta(meta, [key]),
      ONE_AUTHOR_PER_VALUE.has(key),
    ]),
    [() => microdata?.authors ?? [], false],
    [() => findVisibleByline(document, siteNames), false],
    [() => socialPostAuthor(firstMeta(meta, ['og:title']) ?? documentTitle(document)), false],
  ];
  let outlets: string[] = [];
  for (const [source, onePerValue] of sources) {
    const names = cleanAuthors(source(), { onePerValue });
    if (!names.length) continue;
    if (!onlyOutlets(names, siteNames)) return withCoAuthors(withoutOutlets(names, siteNames), document, siteNames);
    if (!outlets.length) outlets = names;
  }
  return outlets;
}

/**
 * A declared single author whose printed byline names more people ("By Ada Lowe, Per Lind and Jo Ek" under JSON-LD
 * crediting Ada Lowe alone): CMSs often declare only the first author, so the printed byline, which includes them, wins.
 */
function withCoAuthors(declared: string[], document: Document, siteNames: readonly string[]): string[] {
  if (declared.length !== 1) return declared;
  // Only around the headline, where bylines are printed: the whole page would cost every article this check.
  const scope = headlineBlock(document);
  if (!scope) return declared;
  const printed = withoutOutlets(findVisibleByline(document, siteNames, scope), siteNames);
  const key = looseKey(declared[0]!);
  return printed.length > 1 && printed.some((name) => looseKey(name) === key) ? printed : declared;
}

/** "Feb. 23, 2030 -- Babies who…": the date a story's first paragraph opens with, as wire copy prints it. */
function leadingDate(paragraph: string | null): string | null {
  const lead = paragraph ? /^(.{6,40}?)\s*(?:--|[—–])/.exec(paragraph) : null;
  return lead ? dateInText(lead[1]!) : null;
}

/** Wire services by the short form their datelines use. */
const DATELINE_AGENCIES: Record<string, string> = {
  AP: 'Associated Press',
  Reuters: 'Reuters',
  AFP: 'AFP',
  dpa: 'dpa',
  UPI: 'UPI',
  CP: 'The Canadian Press',
  AAP: 'AAP',
  PTI: 'PTI',
  IANS: 'IANS',
  ANI: 'ANI',
};
const AGENCY_DATELINE = new RegExp(
  `^[\\p{Lu}][\\p{L}\\p{M} .,'’-]{1,60}\\((${Object.keys(DATELINE_AGENCIES).join('|')})\\)\\s*[-–—:]`,
  'u',
);

/** "HAYWARD, Calif. (AP) — …": the wire service a dateline names. */
function agencyInDateline(text: string | null): string | null {
  const match = text ? AGENCY_DATELINE.exec(text) : null;
  return match ? DATELINE_AGENCIES[match[1]!]! : null;
}

/** "Ana Ruiz (@anaruiz) on X", "Ana Ruiz (@ana@social.example)": a post's page names its author in the title. */
const SOCIAL_POST_TITLE =
  /^(.{1,80}?)\s+\(@[\w.-]{1,60}(?:@[\w.-]{1,100})?\)(?:\s+on\s+(?:X|Twitter|Threads|Instagram|Bluesky|Mastodon|TikTok)\b.*)?$/u;

function socialPostAuthor(title: string | null): string[] {
  const match = title ? SOCIAL_POST_TITLE.exec(collapseWhitespace(title)) : null;
  return match ? [match[1]!] : [];
}

function chooseLang(
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
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

function imageLink(document: Document): string | null {
  return document.querySelector('link[rel~="image_src"][href]')?.getAttribute('href') ?? null;
}

function readSelection(document: Document, options: ExtractOptions): string | null {
  const raw =
    options.selection ?? (typeof document.getSelection === 'function' ? document.getSelection()?.toString() : null);
  if (!raw) return null;
  const text = collapseWhitespace(raw);
  return text ? text.slice(0, MAX_SELECTION) : null;
}
