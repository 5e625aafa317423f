/** Schema.org JSON-LD: every `<script type="application/ld+json">`, flattened, with the article node chosen. */

import { salvageJsonLd } from './json-ld-salvage';

type JsonObject = Record<string, unknown>;

/** What the chosen article node (and the page's WebSite / Organization nodes) say. Values are raw strings. */
export interface JsonLdFacts {
  type: string | null;
  headline: string | null;
  name: string | null;
  authors: string[];
  published: string | null;
  /** `dateCreated`: when the CMS made the item, a later re-save at times; only when nothing gives `datePublished`. */
  created: string | null;
  modified: string | null;
  description: string | null;
  publisherName: string | null;
  url: string | null;
  image: string | null;
  lang: string | null;
  /** Name of the page's `WebSite` node, a fallback for the site name. */
  websiteName: string | null;
  /** What the `WebSite` and `Organization` nodes say about the whole site: a description equal to one is not the article's. */
  siteDescriptions: string[];
}

/** What lets us pick the right article node when a page has several. */
export interface JsonLdHints {
  urls: string[];
  titles: string[];
  /** Resolves the relative URLs nodes often carry. */
  resolveUrl: (href: string) => string | null;
}

const ARTICLE_TYPES =
  /^(Article|NewsArticle|\w+NewsArticle|Report|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|TechArticle|ScholarlyArticle|MedicalScholarlyArticle|SatiricalArticle|AdvertiserContentArticle|APIReference|OpinionArticle)$/;
const CREATIVE_WORK_TYPES =
  /^(CreativeWork|WebPage|ItemPage|AboutPage|CollectionPage|VideoObject|AudioObject|PodcastEpisode|Episode|Recipe|Review|ClaimReview|Book|Chapter|Movie|MusicRecording|Dataset|HowTo|Guide|Thesis|Legislation|Clip)$/;

const MAX_NODES = 500;

export function readJsonLd(document: Document, hints: JsonLdHints, warnings: string[]): JsonLdFacts | null {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  for (const script of Array.from(document.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const source = script.textContent ?? '';
    const parsed = parseJsonLd(source, warnings) ?? salvageJsonLd(source) ?? undefined;
    if (parsed !== undefined) collect(parsed, nodes, byId, 0);
  }
  if (!nodes.length) return null;
  const article = pickArticle(nodes, hints);
  const website = nodes.find((node) => hasType(node, /^WebSite$/));
  const websiteName = website ? text(website.name) : null;
  const siteDescriptions = nodes
    .filter((node) => hasType(node, /^WebSite$|Organization$/))
    .map((node) => text(node.description))
    .filter((d): d is string => !!d);
  const resolve = (value: unknown): unknown => resolveRef(value, byId);
  const languageOf = (node: JsonObject): string | null =>
    text(node.inLanguage) ?? text((resolve(node.inLanguage) as JsonObject | null)?.alternateName);
  // Yoast and others state the language on the WebPage or WebSite node, not on the article.
  const lang = (article && languageOf(article)) ?? nodes.map(languageOf).find(Boolean) ?? null;
  if (!article) {
    return websiteName || siteDescriptions.length || lang
      ? { ...emptyFacts(), websiteName, siteDescriptions, lang }
      : null;
  }
  return {
    type: typeNames(article)[0] ?? null,
    headline: text(article.headline),
    name: text(article.name),
    authors: personNames(article.author ?? article.creator, resolve),
    // Video pages (VideoObject) date themselves by upload.
    published: text(article.datePublished) ?? text(article.uploadDate),
    created: text(article.dateCreated),
    modified: text(article.dateModified),
    description: text(article.description) ?? text(article.abstract),
    publisherName: organizationName(resolve(article.publisher), resolve),
    url: urlOf(article.url) ?? urlOf(resolve(article.mainEntityOfPage)),
    image: urlOf(resolve(article.image)) ?? urlOf(resolve(article.thumbnailUrl)),
    lang,
    websiteName,
    siteDescriptions,
  };
}

function emptyFacts(): JsonLdFacts {
  return {
    type: null,
    headline: null,
    name: null,
    authors: [],
    published: null,
    created: null,
    modified: null,
    description: null,
    publisherName: null,
    url: null,
    image: null,
    lang: null,
    websiteName: null,
    siteDescriptions: [],
  };
}

/** Parses one script's text; tolerates CDATA wrappers, HTML comments, raw control characters and trailing commas. */
function parseJsonLd(source: string, warnings: string[]): unknown {
  const stripped = source.replace(/^\s*(<!\[CDATA\[|<!--)|(\]\]>|-->)\s*$/g, '').trim();
  if (!stripped) return undefined;
  try {
    return JSON.parse(stripped);
  } catch {
    try {
      // Raw newlines inside strings are the most common breakage; outside strings a space is equivalent.
      // eslint-disable-next-line no-control-regex -- removing raw control characters is the point
      return JSON.parse(stripped.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch (error) {
      warnings.push(
        `malformed JSON-LD, read field by field: ${error instanceof Error ? error.message.slice(0, 120) : 'parse error'}`,
      );
      return undefined;
    }
  }
}

function collect(value: unknown, nodes: JsonObject[], byId: Map<string, JsonObject>, depth: number): void {
  if (depth > 6 || nodes.length >= MAX_NODES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, nodes, byId, depth + 1);
    return;
  }
  const node = value as JsonObject;
  if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
  if (node['@type'] !== undefined) nodes.push(node);
  collect(node['@graph'], nodes, byId, depth + 1);
  // Not `itemListElement` or `hasPart`: those list other articles (related stories), never the page's own.
  for (const key of ['mainEntity', 'mainEntityOfPage', 'author', 'publisher']) {
    const child = node[key];
    if (child && typeof child === 'object') collect(child, nodes, byId, depth + 1);
  }
}

function typeNames(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/i, '').trim());
}

function hasType(node: JsonObject, pattern: RegExp): boolean {
  return typeNames(node).some((t) => pattern.test(t));
}

function pickArticle(nodes: JsonObject[], hints: JsonLdHints): JsonObject | null {
  const articles = nodes.filter((node) => hasType(node, ARTICLE_TYPES));
  const pool = articles.length ? articles : nodes.filter((node) => hasType(node, CREATIVE_WORK_TYPES));
  if (pool.length <= 1) return pool[0] ?? null;
  const urlKeys = new Set(hints.urls.map(urlKey));
  const titleKeys = new Set(hints.titles.map(titleKey));
  let best: JsonObject | null = null;
  let bestScore = 0;
  for (const node of pool) {
    let score = 0;
    const own = [urlOf(node.url), urlOf(node.mainEntityOfPage), typeof node['@id'] === 'string' ? node['@id'] : null];
    if (own.some((u) => u !== null && urlKeys.has(urlKey(hints.resolveUrl(u) ?? u)))) score += 2;
    const headline = text(node.headline) ?? text(node.name);
    if (headline && titleKeys.has(titleKey(headline))) score += 1;
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  if (best) return best;
  // Several articles and none is this page's: a listing of other stories, unless they are copies of one article.
  const headlines = new Set(pool.map((node) => titleKey(text(node.headline) ?? text(node.name) ?? '')));
  return headlines.size === 1 ? pool[0]! : null;
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

function urlKey(url: string): string {
  return url
    .replace(/^https?:\/\/(www\.)?/i, '')
    .split(/[#?]/)[0]!
    .replace(/(?<!\/)\/+$/, '')
    .toLowerCase();
}

function resolveRef(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as JsonObject)['@id'];
    if (typeof id === 'string' && Object.keys(value).length === 1) return byId.get(id) ?? value;
  }
  return value;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && '@value' in value) return text((value as JsonObject)['@value']);
  return null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (value && typeof value === 'object') {
    const node = value as JsonObject;
    return urlOf(node.url ?? node.contentUrl ?? node['@id']);
  }
  return null;
}

/** Author names; organisations credited beside people ("Jane Doe and CNN Business") are dropped. */
function personNames(value: unknown, resolve: (v: unknown) => unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const people: string[] = [];
  const organizations: string[] = [];
  for (const item of list.slice(0, 50)) {
    const entry = resolve(item);
    if (typeof entry === 'string') people.push(entry);
    else if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const author = entry as JsonObject;
      // One Person node listing several people: `"name": ["Ada Lowe", "Per Lind"]`.
      const names = Array.isArray(author.name) ? author.name.map(text).filter((n): n is string => !!n) : [];
      const name =
        text(author.name) ??
        ([text(author.givenName), text(author.familyName)].filter(Boolean).join(' ') || null) ??
        text(author.alternateName);
      const credited = names.length > 1 ? names : name ? [name] : [];
      (hasType(author, /Organization$/) ? organizations : people).push(...credited);
    }
  }
  return people.length ? people : organizations;
}

function organizationName(value: unknown, resolve: (v: unknown) => unknown): string | null {
  const entry = resolve(Array.isArray(value) ? value[0] : value);
  if (typeof entry === 'string') return entry.trim() || null;
  if (entry && typeof entry === 'object') return text((entry as JsonObject).name);
  return null;
}
