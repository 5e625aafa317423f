import { joinByline, onlyOutlets } from './authors';
import { absoluteUrl, baseUrlOf, findCanonical } from './canonical';
import { chooseAuthors } from './choose-authors';
import { agencyInDateline } from './news-agencies';
import { chooseLang } from './choose-language';
import { chooseTitle, headingTexts } from './choose-title';
import {
  compactDateInUrl,
  dateInText,
  dateInUrl,
  dateOpeningTitle,
  dayFirstDateInUrl,
  firstDate,
  inSiteZone,
} from './dates';
import { chooseExcerpt, firstParagraph } from './excerpt';
import { readJsonLd } from './json-ld';
import { writesDayFirst } from './language';
import { allMeta, firstMeta, META_KEYS, type MetaTags, readMetaTags } from './meta-tags';
import type { ExtractOptions, PageMetadata } from './metadata';
import { readMicrodata } from './microdata';
import { derivePublisher, nameFromHost, registrableDomain } from './publisher';
import { feedTitle } from './feed-title';
import { homeLinkBrand } from './home-link-brand';
import { chooseSiteName, platformPublication } from './site-name';
import { cleanText, collapseWhitespace } from './text';
import { documentTitle, siteNameFromTitle, stripSiteName, withoutTitleDecoration } from './title';
import { headlineScope, leadParagraph } from './page-layout';
import {
  dateAboveHeadline,
  dateUnderHeadline,
  findTimeElement,
  findVisibleDate,
  labelledDate,
  printedTimes,
  undeclaredTime,
} from './visible-date';

const MAX_SELECTION = 10_000;

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

  const pageTitle = safely('title', () => cleanText(documentTitle(document)) ?? '', '');
  const titleSite = siteNameFromTitle(pageTitle);
  const siteName = safely(
    'site name',
    () =>
      chooseSiteName(
        meta,
        jsonLd,
        microdata,
        host,
        pageTitle,
        headings,
        () => homeLinkBrand(document, pageUrl) ?? feedTitle(document, host),
      ),
    null,
  );
  const publisherSource = platformPublication(pageTitle, siteName) ?? siteName ?? cleanText(jsonLd?.publisherName, 200);
  const publisher = derivePublisher(
    publisherSource,
    host,
    options.publisherAliases,
    titleSite,
    firstMeta(meta, ['twitter:site']),
  );
  const siteNames = [
    siteName,
    publisher,
    jsonLd?.publisherName ?? null,
    host,
    host && registrableDomain(host),
    host && nameFromHost(host),
  ].filter((n): n is string => !!n);

  const homePage = isHomePage(canonicalUrl ?? pageUrl);
  const { title, shown } = safely(
    'title',
    () => chooseTitle(document, meta, jsonLd, microdata, siteNames, headings, homePage),
    {
      title: null,
      shown: null,
    },
  );
  const citationTitle =
    shown && safely('citation title', () => withoutTitleDecoration(stripSiteName(shown, siteNames)), shown);
  const authors = safely('authors', () => chooseAuthors(document, meta, jsonLd, microdata, siteNames), []);
  /** A day `read` finds in the canonical URL, else in the page's own. */
  const inUrls = (read: (url: string | null) => string | null) => read(canonicalUrl) ?? read(pageUrl);
  const urlDay = inUrls(dateInUrl);
  const lang = safely(
    'language',
    () => chooseLang(document, meta, jsonLd?.lang ?? microdata?.lang, [canonicalUrl, pageUrl]),
    null,
  );
  const declaredPublished =
    firstDate([
      jsonLd?.published,
      ...allMeta(meta, META_KEYS.published),
      microdata?.published,
      safely('time element', () => findTimeElement(document), null),
      jsonLd?.created,
    ]) ??
    // Undeclared: the URL's day, made precise by a printed time that same day.
    undeclaredDate(
      urlDay ?? inUrls(compactDateInUrl),
      () => safely('time element', () => undeclaredTime(document), null),
      () =>
        safely('visible date', () => findVisibleDate(document), null) ??
        safely('date under the headline', () => dateUnderHeadline(document), null) ??
        safely('date above the headline', () => dateAboveHeadline(document), null) ??
        safely('labelled date', () => labelledDate(document), null),
      () => safely('dateline', () => leadingDate(firstParagraph(document)), null),
      () => dateOpeningTitle(firstMeta(meta, META_KEYS.title)) ?? dateOpeningTitle(pageTitle),
      // "-02-11-2030-" is 2 November only where dates are written day first; nothing printed says otherwise.
      () => (writesDayFirst(lang) ? inUrls(dayFirstDateInUrl) : null),
    );
  const modified = firstDate([jsonLd?.modified, ...allMeta(meta, META_KEYS.modified), microdata?.modified]);
  const published = agreesWithUrl(
    inSiteZone(
      declaredPublished,
      () => [modified, ...allMeta(meta, META_KEYS.published), ...allMeta(meta, META_KEYS.modified)],
      // Only for the same minute: a <time> can be a comment's. Printed near the headline: a whole-page scan would cost
      // every page with a UTC date. Each read only when the earlier ones gave no zone (a generator stops there).
      function* () {
        yield safely('time element', () => findTimeElement(document, true), null);
        yield* allMeta(meta, META_KEYS.published);
        yield* safely('printed times', () => printedTimes(document), []);
        yield safely('visible date', () => findVisibleDate(document, headlineScope(document)), null);
      },
    ),
    urlDay,
  );
  const excerpt = safely(
    'excerpt',
    () =>
      chooseExcerpt(
        [jsonLd?.description ?? null, ...allMeta(meta, META_KEYS.description), microdata?.description ?? null],
        document,
        // The title again, with or without the site's name, or the site's own description, is not a summary.
        {
          title: citationTitle ?? title,
          titles: [title, pageTitle, siteName],
          siteDescriptions: (jsonLd?.siteDescriptions ?? []).map((d) => cleanText(d, 4000)).filter((d) => d !== null),
          siteNames: [siteName, publisher, titleSite].filter((n) => n !== null),
          homePage,
        },
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
    lang,
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
 * The URL's day made precise by a printed time that same day, else the first printed date, else the day the title
 * opens with, else a URL day only the page's language tells (`ambiguousUrlDay`); each read only if needed.
 */
function undeclaredDate(
  urlDay: string | null,
  timeElement: () => string | null,
  visibleDate: () => string | null,
  leadDateline: () => string | null,
  titleDay: () => string | null,
  ambiguousUrlDay: () => string | null,
): string | null {
  const printed = firstDate([timeElement()]) ?? visibleDate() ?? leadDateline();
  return urlDay ? firstDate([urlDay, printed]) : (printed ?? titleDay() ?? ambiguousUrlDay());
}

/**
 * The day the URL files the story under wins over a published date days away from it (an update, a copyright or an
 * archive date), and over a UTC time or one without an offset on the day before or after it: a site that prints
 * local days and declares UTC ("23:00Z", or a bare "00:53:52" in a `<time>`) shows the URL's day. A date in the page's
 * own offset on the next day is kept.
 */
function agreesWithUrl(published: string | null, urlDay: string | null): string | null {
  if (!published || !urlDay || published.startsWith(urlDay)) return published;
  const days = Math.abs(Date.parse(published.slice(0, 10)) - Date.parse(urlDay)) / 86_400_000;
  const zoneUnknownOrUtc = /T[\d:.]+(?:Z|\+00:00)?$/.test(published);
  return days > 1 || zoneUnknownOrUtc ? urlDay : published;
}

function isHomePage(url: string): boolean {
  try {
    const { pathname, search } = new URL(url);
    return (pathname === '/' || pathname === '') && !search;
  } catch {
    return false;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * "Feb. 23, 2030 -- Babies who…", "SAN FRANCISCO, Calif., March 5, 2030 /PRNewswire/ -- Acme…", "(18.01.2030) Farmers
 * fear…": the date a story's first paragraph opens with, as wire copy, press releases and small news sites print it.
 */
function leadingDate(paragraph: string | null): string | null {
  if (!paragraph) return null;
  const lead = /^(.{6,100}?)\s*(?:--|[—–])/.exec(paragraph) ?? /^[([]([^()[\]]{6,40})[)\]]/.exec(paragraph);
  return lead ? dateInText(lead[1]!) : null;
}

/**
 * The text the reader selected. Turning a selection into text lays the page out (Chromium's TextIterator), which on
 * a page not laid out yet costs more than the whole extraction: nothing selected is told without it.
 */
function pageSelection(document: Document): string | null {
  const selection = typeof document.getSelection === 'function' ? document.getSelection() : null;
  return selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.toString() : null;
}

function imageLink(document: Document): string | null {
  return document.querySelector('link[rel~="image_src"][href]')?.getAttribute('href') ?? null;
}

function readSelection(document: Document, options: ExtractOptions): string | null {
  const raw = options.selection ?? pageSelection(document);
  if (!raw) return null;
  const text = collapseWhitespace(raw);
  return text ? text.slice(0, MAX_SELECTION) : null;
}
