/**
 * `<meta>` tags by lower-cased key: `name`, `property` (a space-separated list, as RDFa allows) and `http-equiv`.
 * Covers OpenGraph, Twitter cards, `article:*`, Highwire `citation_*`, Dublin Core, Parse.ly and Sailthru.
 */
export type MetaTags = Map<string, string[]>;

export function readMetaTags(document: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const meta of Array.from(document.getElementsByTagName('meta'))) {
    const content = meta.getAttribute('content');
    if (content === null || !content.trim()) continue;
    const keys = [
      ...(meta.getAttribute('property') ?? '').split(/\s+/),
      meta.getAttribute('name') ?? '',
      meta.getAttribute('http-equiv') ?? '',
    ];
    for (const raw of keys) {
      const key = raw.trim().toLowerCase();
      if (!key) continue;
      const list = tags.get(key);
      if (list) list.push(content);
      else tags.set(key, [content]);
    }
  }
  addParselyPage(tags);
  return tags;
}

/** Parse.ly's older single tag: `parsely-page` holds JSON with the fields its newer tags (`parsely-title`, …) hold. */
const PARSELY_PAGE_FIELDS = {
  title: 'parsely-title',
  author: 'parsely-author',
  pub_date: 'parsely-pub-date',
  link: 'parsely-link',
};

function addParselyPage(tags: MetaTags): void {
  const raw = tags.get('parsely-page')?.[0];
  if (!raw) return;
  let page: unknown;
  try {
    page = JSON.parse(raw);
  } catch {
    return;
  }
  if (!page || typeof page !== 'object') return;
  for (const [field, key] of Object.entries(PARSELY_PAGE_FIELDS)) {
    const value = (page as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim() && !tags.has(key)) tags.set(key, [value]);
  }
}

/** The first value found under the keys, in the order given. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)?.find((v) => v.trim());
    if (value !== undefined) return value;
  }
  return null;
}

/** Every value under the keys, in the order given. */
export function allMeta(tags: MetaTags, keys: readonly string[]): string[] {
  return keys.flatMap((key) => tags.get(key) ?? []);
}

/** Dublin Core's RDFa form (`property="dc:title"`) before the older HTML form (`name="DC.title"`). */
export const META_KEYS = {
  title: [
    'dc:title',
    'dcterm:title',
    'dc.title',
    'dcterms.title',
    'og:title',
    'twitter:title',
    'citation_title',
    'parsely-title',
    'sailthru.title',
    'title',
    'headline',
  ],
  siteName: ['og:site_name', 'application-name'],
  /** The site's app: often a short or different name ("NYTimes"), so only after the `<title>`'s site name. */
  appName: ['apple-mobile-web-app-title', 'al:android:app_name', 'al:ios:app_name', 'al:iphone:app_name'],
  publisher: ['citation_publisher', 'dc.publisher', 'dcterms.publisher', 'publisher', 'citation_journal_title'],
  authors: [
    'citation_author',
    'dc:creator',
    'dcterm:creator',
    'dc.creator',
    'dcterms.creator',
    'author',
    'article:author',
    'og:article:author',
    'parsely-author',
    'sailthru.author',
    'cxenseparse:author',
    'citation_authors',
    'byl',
    'byline',
    'twitter:creator',
  ],
  published: [
    'article:published_time',
    'og:article:published_time',
    'article:published',
    'citation_publication_date',
    'citation_date',
    'citation_online_date',
    'parsely-pub-date',
    'sailthru.date',
    'dc.date.issued',
    'dcterms.issued',
    'dc.date.created',
    'dcterms.created',
    'dc.date',
    'dcterms.date',
    'dc:date',
    'pubdate',
    'publishdate',
    'publish-date',
    'publish_date',
    'date',
    'original-publish-date',
    'datepublished',
    'article.published',
    'og:published_time',
    'published_time',
    'date:published_time',
    'bt:pubdate',
    'pub_date',
    'pdate',
  ],
  modified: [
    'article:modified_time',
    'og:updated_time',
    'og:article:modified_time',
    'dcterms.modified',
    'dc.date.modified',
    'lastmod',
    'last-modified',
    'datemodified',
    'article.updated',
  ],
  description: [
    'dc:description',
    'dcterm:description',
    'dc.description',
    'dcterms.description',
    'og:description',
    'description',
    'twitter:description',
    'sailthru.description',
    'citation_abstract',
    'dc.description.abstract',
    'dcterms.abstract',
  ],
  canonical: ['og:url', 'twitter:url', 'parsely-link'],
  image: [
    'og:image',
    'og:image:url',
    'og:image:secure_url',
    'twitter:image',
    'twitter:image:src',
    'sailthru.image.full',
  ],
  lang: ['content-language', 'og:locale', 'language', 'dc.language', 'dcterms.language', 'citation_language'],
  type: ['og:type'],
} as const;
