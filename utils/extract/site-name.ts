/** The site's own name, from the page's declarations and its `<title>`, and the publication a platform hosts. */

import { isAgencyOrDomain } from './authors';
import type { JsonLdFacts } from './json-ld';
import { firstMeta, META_KEYS, type MetaTags } from './meta-tags';
import type { MicrodataFacts } from './microdata';
import { citationName, domainLabel } from './publisher';
import { cleanText, looseKey } from './text';
import { siteNameBesideHeadline, siteNameFromTitle } from './title';

/**
 * The article's publisher node names the site more plainly than og:site_name ("NPR" vs "NPR.org", "The Boston Globe"
 * vs "BostonGlobe.com"), unless og:site_name is the same name without a legal suffix ("Spiceworks" vs "Spiceworks
 * Inc"). Then the other declarations, then the end of `<title>`, then the name on the logo's home link.
 */
export function chooseSiteName(
  meta: MetaTags,
  jsonLd: JsonLdFacts | null,
  microdata: MicrodataFacts | null,
  host: string | null,
  pageTitle: string,
  headings: readonly string[],
  homeLinkBrand: () => string | null,
): string | null {
  const titleSite = notHostFragment(siteNameFromTitle(pageTitle), host);
  const publisher = withoutTagline(cleanText(jsonLd?.publisherName, 200), host, titleSite);
  // "@harbourpost": a social handle put where the name belongs.
  const declared = withoutTagline(
    notHandle(notHostFragment(cleanText(firstMeta(meta, ['og:site_name']), 200), host)),
    host,
    titleSite,
  );
  const openGraph = declared && (spelledInTitle(declared, pageTitle) ?? declared);
  if (publisher && openGraph && publisher !== openGraph && siteCallsItself(openGraph, publisher, titleSite, host)) {
    return openGraph;
  }
  // "livescience.com", "https://www.newsnation.in": a domain where a name belongs; the <title> spells it.
  if (!publisher && openGraph && domainShaped(openGraph, host) && titleSite && namesDomain(titleSite, host)) {
    return domainNamePrefix(titleSite, host) ?? titleSite;
  }
  return cleanText(
    publisher ??
      openGraph ??
      jsonLd?.websiteName ??
      notHandle(notHostFragment(firstMeta(meta, META_KEYS.siteName), host)) ??
      microdata?.publisherName ??
      ownerUnlessTitleNamesSite(firstMeta(meta, META_KEYS.publisher), pageTitle, host) ??
      domainNamedSegment(pageTitle, host) ??
      (titleSite && !namesDomain(titleSite, host) ? (homeLinkBrand() ?? titleSite) : titleSite) ??
      siteNameBesideHeadline(pageTitle, headings) ??
      titleOnlyNamesSite(pageTitle, firstMeta(meta, ['og:title']), host) ??
      firstMeta(meta, META_KEYS.appName) ??
      homeLinkBrand(),
    200,
  );
}

/**
 * "Sebastian Kurz" as the whole `<title>` of a story og:title names "Wasserstoff als Schlüsseltechnologie", on
 * sebastian-kurz.at: a template that titles every page with the site's name, which spells the domain.
 */
function titleOnlyNamesSite(pageTitle: string, declaredTitle: string | null, host: string | null): string | null {
  const short = pageTitle.length <= 40 && pageTitle.split(/\s+/).length <= 4;
  const another = !!declaredTitle && looseKey(declaredTitle) !== looseKey(pageTitle);
  return short && another && looseKey(pageTitle) === looseKey(domainLabel(host)) ? pageTitle : null;
}

/**
 * "VnExpress Kinh doanh" (its business section) on a page declaring "vnexpress.net": the words that spell the domain
 * are the site's name, the rest is the section the `<title>` adds.
 */
function domainNamePrefix(name: string, host: string | null): string | null {
  const label = looseKey(domainLabel(host));
  const words = name.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    if (looseKey(words.slice(0, i).join(' ')) === label) return words.slice(0, i).join(' ');
  }
  return null;
}

/**
 * "polizeiticker.ch - Meldungen und Warnungen von der Polizei", "Bernau LIVE - Dein Stadt- und Regionalportal": a
 * declared name with the site's tagline after a separator. The name alone, when the domain or the `<title>`'s last
 * segment confirms it is one; a name that only has a dash in it ("Mozilla Hacks – the Web developer blog" on another
 * host) is left as declared.
 */
function withoutTagline(name: string | null, host: string | null, titleSite: string | null): string | null {
  if (!name) return name;
  const separator = /(?<!\s)\s+[|–—-]\s+/.exec(name);
  if (!separator) return name;
  const head = name.slice(0, separator.index);
  const tagline = name.slice(separator.index + separator[0].length);
  const confirmed = namesDomain(head, host) || (!!titleSite && looseKey(titleSite) === looseKey(head));
  return confirmed && tagline.split(/\s+/).length >= 3 ? head : name;
}

/**
 * "RS-RegioMediaServices Ltd. & Co. KG" or a person's name in `<meta name="publisher">` (the company or owner in the
 * imprint) on a page whose `<title>` signs with the domain's name ("… | AK-Kurier.de"): the publication is the latter.
 * A declared owner no segment of the `<title>` contradicts is kept.
 */
function ownerUnlessTitleNamesSite(owner: string | null, pageTitle: string, host: string | null): string | null {
  if (!owner || namesDomain(owner, host)) return owner;
  return domainNamedSegment(pageTitle, host) ?? owner;
}

/**
 * The segment of a `<title>` that spells the domain's name: "The Space Review: Seeking a bigger role" on
 * thespacereview.com, "NASCAR results | Autoracing | F1 | MotoGP" on autoracing.com.br, "… : CityAM" on cityam.com.
 */
function domainNamedSegment(title: string, host: string | null): string | null {
  const label = domainLabel(host);
  if (!label) return null;
  const segments = title.split(/(?<!\s)\s*(?::|\s[|–—-])\s+/);
  if (segments.length < 2) return null;
  // "AK-Kurier.de" on ak-kurier.de: the hyphen and the ending spelled too.
  const key = looseKey(label);
  const spells = (segment: string) => [segment, segment.replace(/\.[a-z]{2,}$/i, '')].some((s) => looseKey(s) === key);
  return segments.find((segment) => segment.length <= 40 && spells(segment)) ?? null;
}

/**
 * Whether a name is the domain's: it spells that name ("Catch it Kansas" on catchitkansas.com, "SpaceNews.com"), or
 * it or a word of it is most of the domain's name ("rams" in therams.com, not "auto" in autoindustriya.com).
 */
export function namesDomain(name: string, host: string | null): boolean {
  const label = domainLabel(host);
  if (label.length < 3) return false;
  const key = looseKey(name.replace(/\.(?:com|net|org|co\.uk|info)$/i, ''));
  if (key.length >= 3 && (key === label || key.includes(label))) return true;
  // A part of the domain's name: most of it, and not a word every news site's name has ("News" on foxnews.com).
  const part = (k: string) => k.length >= 4 && k.length * 2 >= label.length && label.includes(k) && !GENERIC.has(k);
  return part(key) || name.split(/\s+/).some((word) => part(looseKey(word)));
}

/**
 * "Inside the drug lab — Backchannel — Medium": on a blogging platform, the publication its `<title>` names before
 * the platform's name is what people cite.
 */
export function platformPublication(pageTitle: string, siteName: string | null): string | null {
  if (!siteName || !PLATFORM.test(siteName)) return null;
  const segments = pageTitle.split(/(?<!\s)\s+[|–—]\s+/);
  if (segments.length < 3 || looseKey(segments[segments.length - 1]!) !== looseKey(siteName)) return null;
  const publication = segments[segments.length - 2]!;
  // "Title | by Ada Lowe | Medium": a post of no publication.
  return publication.split(/\s+/).length <= 5 && !/^by\s/i.test(publication) ? publication : null;
}

/** Words in many sites' names, which tell no site apart. */
const GENERIC = new Set(['news', 'daily', 'today', 'times', 'post', 'online', 'media', 'blog', 'magazine', 'radio']);

/** A URL, a host name ("SpaceNews.com") or the domain's label in lower case ("detroitnews") given as a name. */
function domainShaped(name: string, host: string | null): boolean {
  if (/^https?:\/\//i.test(name) || /^[\w-]+(?:\.[a-z]{2,})+$/i.test(name)) return true;
  return !!host && name === domainLabel(host);
}

/**
 * "Hosted" on hosted.ap.org, "GO" on a .go.jp host: a part of the host name other than the site's own, which a
 * template put where the site's name belongs.
 */
function notHostFragment(name: string | null, host: string | null): string | null {
  if (!name || !host) return name;
  const key = looseKey(name);
  const own = domainLabel(host);
  const fragment = host
    .toLowerCase()
    .split('.')
    .some((label) => label === key && label !== own && label !== 'www');
  return fragment ? null : name;
}

/**
 * "acast" declared, "Caffeine | Say Why To Drugs on Acast" as the title: a name declared in lower case, which the
 * `<title>` spells with capitals as a word of its own ("cleveland.com" is no such word).
 */
function spelledInTitle(name: string, pageTitle: string): string | null {
  if (!/^[a-z\d]+$/.test(name)) return null;
  return (
    pageTitle
      .split(/\s+/)
      .map((word) => word.replace(/^[\p{P}\p{S}]+|(?<![\p{P}\p{S}])[\p{P}\p{S}]+$/gu, ''))
      .find((word) => word !== name && word.toLowerCase() === name) ?? null
  );
}

function notHandle(name: string | null): string | null {
  return name && /^@\S+$/.test(name.trim()) ? null : name;
}

/** Publishing platforms that templates name as every blog's publisher. */
const PLATFORM =
  /^(?:blogger|blogspot|wordpress(?:\.com)?|medium|substack|tumblr|wix|squarespace|ghost|weebly|livejournal)$/i;

/**
 * Whether og:site_name, not the article's JSON-LD publisher, is the site's own name: the same name without a legal
 * suffix ("Spiceworks" vs "Spiceworks Inc"), unless it is the publisher's name squashed ("usatoday", "USA TODAY");
 * the name its `<title>` ends with when the publisher's is not ("Sky News" vs "Sky", a wire story's "Associated
 * Press" on "… - Connecticut Post"); the name its domain carries when the publisher is a news agency or a blogging
 * platform ("Times Union" on timesunion.com, not "Blogger").
 */
function siteCallsItself(openGraph: string, publisher: string, titleSite: string | null, host: string | null): boolean {
  const key = (name: string) => looseKey(citationName(name).replace(/^the\s+/i, ''));
  if (looseKey(publisher) === looseKey(openGraph)) return /\s/.test(openGraph) || !/\s/.test(publisher);
  if (looseKey(publisher).startsWith(looseKey(openGraph))) return true;
  // "WSJ" for "Wall Street Journal": the same site, and the publisher spells it out.
  if (openGraph === initials(publisher)) return false;
  if (titleSite && key(titleSite) === key(openGraph) && key(titleSite) !== key(publisher)) return true;
  const label = domainLabel(host);
  return (isAgencyOrDomain(publisher) || PLATFORM.test(publisher)) && key(openGraph) === label;
}

function initials(name: string): string {
  return name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
}
