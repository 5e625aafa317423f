import { isAscii } from './letters';
import { looseKey } from './text';

/** Second-level public suffixes common on news sites; enough to find "bbc" in "www.bbc.co.uk" without a full PSL. */
const TWO_LEVEL_SUFFIXES = new Set(
  (
    'co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk com.au net.au org.au edu.au gov.au co.nz org.nz net.nz co.jp ne.jp ' +
    'or.jp ac.jp com.br net.br org.br com.ar com.mx org.mx co.in net.in org.in co.za org.za com.cn net.cn org.cn com.tw ' +
    'com.hk com.sg com.my co.kr or.kr com.tr co.il org.il com.ua com.pl com.ru com.es com.pe com.co com.ve com.ph ' +
    'com.pk com.ng com.eg com.sa co.id or.id co.th go.th com.vn com.bd co.ke co.ug co.tz com.gh go.jp lg.jp gr.jp ed.jp ' +
    'ad.jp go.kr gov.cn gov.in gov.br gob.mx gob.es'
  ).split(' '),
);
const LEGAL_SUFFIX =
  /(?<![\s,])[\s,]+(?:inc|incorporated|ltd|limited|llc|l\.l\.c|llp|plc|gmbh|ag|s\.a|s\.r\.l|b\.v|n\.v|corp|corporation|pty)\.?$/i;
const TRAILING_WORDS = /(?<!\s)\s+(?:online|digital|\.com|website|homepage|home\s*page)$/i;
/** A company's name rather than a publication's. */
const CORPORATE =
  /\b(?:company|inc|incorporated|corp|corporation|foundation|llc|ltd|limited|plc|gmbh|group|holdings)\.?$/i;
/** "BBC News" → "BBC", but "The Detroit News" and "Sky News" are the names people cite. */
const ACRONYM_NEWS = /^([A-Z]{2,5})\s+News$/;
/** A Twitter/X handle, not a sentence a template put in twitter:site. */
const HANDLE = /^@?\w{1,15}$/;
const DOMAIN_ENDING = /\.(?:com|net|org|info|news|co|io|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})$/i;

/** The registrable domain of a host ("www.bbc.co.uk" → "bbc.co.uk"). */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(TWO_LEVEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/** The name part of a host's registrable domain: "www.bbc.co.uk" → "bbc"; "" without a host. */
export function domainLabel(host: string | null): string {
  return host ? (registrableDomain(host).split('.')[0] ?? '') : '';
}

/** "reuters.com" → "Reuters", "bbc.co.uk" → "BBC": a readable name from the registrable domain. */
export function nameFromHost(host: string): string | null {
  const label = domainLabel(host);
  if (!label || /^\d+$/.test(label) || label === 'localhost') return null;
  return label.length <= 3 ? label.toUpperCase() : label[0]!.toUpperCase() + label.slice(1);
}

/**
 * The short name a person writes in a citation: drop a tagline after a separator, "Online", ".com", legal suffixes and the "News" after an
 * acronym ("BBC News" → "BBC", "Spiegel Online" → "Spiegel", "Acme Media Ltd" → "Acme Media", "salon.com" →
 * "Salon"); keep names where "News" is part of the title ("The Detroit News") and a leading "The".
 */
export function citationName(name: string): string {
  // "Mozilla Hacks – the Web developer blog", "Autoracing | F1 | Indy": the name, then a tagline or sections.
  let short =
    name
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/(?<!\/)\/+$/, '')
      .split(/(?<!\s)\s+(?:[|–—]|-)\s+/)[0]!
      .trim() || name.trim();
  for (let i = 0; i < 3; i++) {
    const next = short
      .replace(LEGAL_SUFFIX, '')
      .replace(TRAILING_WORDS, '')
      .replace(ACRONYM_NEWS, '$1')
      .replace(/(?<![\s,|:–—-])[\s,|:][\s,|:–—-]*$/, '')
      .trim();
    if (next === short || !next) break;
    short = next;
  }
  if (!/\s/.test(short) && DOMAIN_ENDING.test(short) && short.includes('.')) {
    const label = short.replace(/^www\./i, '').replace(DOMAIN_ENDING, '');
    // "POLYGRAPH.info", "Aktuálně.cz": a name spelled in capitals or with accents, with an ending other than ".com",
    // is the brand, ending included; "salon.com", "SpaceNews.com", "Transistor.fm" go by the name alone.
    const brand = (/^[A-Z\d]+$/.test(label) || !isAscii(label)) && !/\.com$/i.test(short);
    if (label && !label.includes('.') && !brand) {
      short = /[A-Z]/.test(label)
        ? label
        : label.length <= 3
          ? label.toUpperCase()
          : label[0]!.toUpperCase() + label.slice(1);
    }
  }
  return short || name.trim();
}

/** An alias from settings, looked up by site name, host, or registrable domain, case- and punctuation-insensitively. */
function findAlias(aliases: Record<string, string> | undefined, keys: readonly (string | null)[]): string | null {
  if (!aliases) return null;
  const table = new Map(Object.entries(aliases).map(([key, value]) => [looseKey(key), value]));
  for (const key of keys) {
    if (!key) continue;
    const alias = table.get(looseKey(key));
    if (alias?.trim()) return alias.trim();
  }
  return null;
}

/**
 * A site that declares its name as its own lower-case domain label ("cleveland" on cleveland.com, "nj" on nj.com) goes
 * by the domain: "cleveland.com" is what its readers cite, "Cleveland" would name the city. Unless its `<title>` signs
 * with that very name ("… | my6sense"): then the lower case is the brand.
 */
function brandedByDomain(siteName: string, domain: string, titleSite: string | null): boolean {
  const name = siteName.trim();
  return /^[a-z0-9]+$/.test(name) && domain.split('.')[0] === name && titleSite?.trim() !== name;
}

/**
 * Publisher for a page (`titleSite`: the site's name as its `<title>` ends with it; `handle`: its twitter:site):
 * alias first, then the citation form of the site's own name, then the domain.
 */
export function derivePublisher(
  siteName: string | null,
  host: string | null,
  aliases: Record<string, string> | undefined,
  titleSite: string | null = null,
  handle: string | null = null,
): string | null {
  const domain = host ? registrableDomain(host) : null;
  const alias = findAlias(aliases, [siteName, host, host?.replace(/^www\./, '') ?? null, domain]);
  if (alias) return alias;
  if (siteName && domain && brandedByDomain(siteName, domain, titleSite)) return domain;
  if (siteName) {
    // "CTVNews" where the <title> signs "| CTV News": the same name, spelled as the site spells it for readers.
    const squashed =
      titleSite && !/\s/.test(siteName) && /\s/.test(titleSite) && looseKey(siteName) === looseKey(titleSite);
    // "The New York Times Company" or "Wikimedia Foundation, Inc." on pages signed "- The New York Times",
    // "- Wikipedia": the company behind the publication, which is what people cite.
    const parent =
      titleSite &&
      looseKey(titleSite) !== looseKey(citationName(siteName)) &&
      (LEGAL_SUFFIX.test(siteName) || (CORPORATE.test(siteName) && looseKey(siteName).startsWith(looseKey(titleSite))));
    const name = (squashed || parent ? titleSite! : siteName).trim();
    // "CBS News" on cbsnews.com, "NBC News" tweeting as @NBCNews: the site's domain or handle carries the whole name,
    // so "News" is part of it, unlike "BBC News" on bbc.com tweeting as @BBCWorld.
    const ownKeys = [domain?.split('.')[0], handle && HANDLE.test(handle.trim()) && looseKey(handle)];
    return ownKeys.includes(looseKey(name)) ? name : citationName(name);
  }
  return host ? nameFromHost(host) : null;
}
