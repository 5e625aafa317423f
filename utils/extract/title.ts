import { cleanText, looseKey } from './text';

/** Kana, CJK ideographs and full-width forms: Japanese and Chinese text, written without spaces. */
const CJK = '\\u3040-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef';
/**
 * Between a headline and the site's name or a section. "«" too: WordPress's classic theme signs "Post « Blog" (the site
 * after the opening guillemet). Japanese and Chinese titles set a full-width bar, spaced or not, and an ASCII bar
 * unspaced after their text ("見出し｜サイト", "見出し|au Webポータル"); an unspaced dash there may join two words.
 */
export const SEPARATOR = new RegExp(
  `(?<!\\s)\\s+(?:[|\\-–—·•»«/:]|::)\\s+|(?<!\\s)\\s*｜\\s*|(?<=[${CJK}])\\|(?=[${CJK}A-Za-z])`,
  'g',
);
const CJK_TEXT = new RegExp(`[${CJK}]{4}`);
const MAX_SITE_SEGMENT_WORDS = 6;

/**
 * Removes the site's name from a title: `Title | Site`, `Site - Title`, `Title – Site News`, when a leading or
 * trailing segment matches one of `siteNames` (site name, publisher, host). A title that is only the site name is
 * left alone.
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const keys = siteNames.map(looseKey).filter((key) => key.length >= 2);
  if (!keys.length) return title;
  const separators = Array.from(title.matchAll(SEPARATOR));
  if (!separators.length) return title;
  const last = separators[separators.length - 1]!;
  const tail = title.slice(last.index + last[0].length);
  if (isSiteSegment(tail, keys)) {
    const head = title.slice(0, last.index).trim();
    if (head) return stripSiteName(head, siteNames);
  }
  const first = separators[0]!;
  const lead = title.slice(0, first.index);
  if (isSiteSegment(lead, keys)) {
    const rest = title.slice(first.index + first[0].length).trim();
    if (rest) return rest;
  }
  return title;
}

function isSiteSegment(segment: string, keys: readonly string[]): boolean {
  if (segment.trim().split(/\s+/).length > MAX_SITE_SEGMENT_WORDS) return false;
  const key = looseKey(segment);
  if (key.length < 2) return false;
  // "BBC News" is the site "BBC"; "Top stories @ BBC blogs" is not.
  return keys.some(
    (site) =>
      key === site ||
      (site.length >= 3 && key.includes(site) && key.length <= site.length + 8) ||
      (key.length >= 3 && site.includes(key)),
  );
}

/**
 * "(Published 2016)" after an archived story's title, "（1/2 ページ）" or "(page 2)" after a page of a longer one:
 * decoration the printed headline does not carry.
 */
const TITLE_DECORATION =
  /[(（]\s*(?:published\s+\d{4}|\d{1,3}\s*\/\s*\d{1,3}\s*ページ|(?:page|p\.|seite|página|pagina)\s*\d{1,3}(?:\s*(?:of|\/|von|de|di)\s*\d{1,3})?)\s*[)）]$/iu;

/** A cited title without the archive note or page counter after it. */
export function withoutTitleDecoration(title: string): string {
  // Every decoration closes the title with its bracket: other titles never compile the Unicode pattern (a cold run).
  const decorated = title.endsWith(')') || title.endsWith('）');
  return (decorated ? title.replace(TITLE_DECORATION, '') : title).trimEnd() || title;
}

/** The `<title>` text, also when a page without `<head>` left it where some DOMs do not look for it. */
export function documentTitle(document: Document): string {
  return document.title || document.getElementsByTagName('title')[0]?.textContent || '';
}

/**
 * The site's name as the page's `<title>` ends with it (`Bob Dylan - Wikipedia`), for pages that declare no site name:
 * a short trailing segment after a separator.
 */
export function siteNameFromTitle(documentTitle: string): string | null {
  const marked = bracketedSite(documentTitle) ?? underscoreChainSite(documentTitle);
  if (marked) return marked;
  // Guillemets around words quote them ("Le port « ouvert » dès lundi"): neither is the site's separator.
  const quoted = documentTitle.includes('«') && documentTitle.includes('»', documentTitle.indexOf('«'));
  const separators = Array.from(documentTitle.matchAll(SEPARATOR)).filter(
    (m) => (!m[0].includes(':') || m[0].includes('::')) && !(quoted && /[«»]/.test(m[0])),
  );
  const last = separators[separators.length - 1];
  if (!last) return null;
  const head = documentTitle.slice(0, last.index).trim();
  const tail = documentTitle
    .slice(last.index + last[0].length)
    .replace(/(?<![\s:|])[\s:|]+$/, '')
    .trim();
  // A headline of one word is more likely the site's name before a section; Japanese and Chinese have no spaces.
  const oneWordHead = head.split(/\s+/).length < 2 && !(CJK_TEXT.test(head) && head.length > tail.length);
  if (!tail || tail.length > 40 || tail.split(/\s+/).length > 4 || oneWordHead) return null;
  // "Post - by theahura" (Substack): the author's byline, not the site's name.
  return /^(?:by|von|par|por|di|door)\s/i.test(tail) ? null : tail;
}

/** "LWN.net Weekly Edition [LWN.net]": a short name in square brackets closing the title. */
function bracketedSite(title: string): string | null {
  if (!title.endsWith(']')) return null;
  const open = title.lastIndexOf('[');
  const name = title.slice(open + 1, -1).trim();
  return open > 0 && /\s$/.test(title.slice(0, open)) && name.length >= 2 && name.length <= 40 && !name.includes('[')
    ? name
    : null;
}

/**
 * "标题 _探索者 _光明网", "标题_科技_腾讯网": Chinese portals chain the section and the site after the headline with
 * underscores; the last link is the site. At least two links and a headline longer than the site's name, so that a
 * file name ("report_final_v2") is not read as one.
 */
function underscoreChainSite(title: string): string | null {
  const links = title.split('_').map((link) => link.trim());
  if (links.length < 3 || links.some((link) => !link)) return null;
  const site = links[links.length - 1]!;
  return site.length <= 20 && !/\s/.test(site) && links[0]!.length > site.length * 2 ? site : null;
}

/**
 * The name beside the printed headline in `<title>`: "Mozilla - Wikipedia" with the `<h1>` "Mozilla", "Silicon
 * Exposed: Post title" with a blog's name as its `<h1>`. The `<h1>` tells which side is the page's own; trailing
 * handles in parentheses go ("Bradley M. Kuhn ( Brad ) ( bkuhn )").
 */
export function siteNameBesideHeadline(documentTitle: string, headings: readonly string[]): string | null {
  if (!headings.length) return null;
  const headingKeys = new Set(headings.map(looseKey));
  // A colon follows a name ("Blog: Post"); a dash or a bar comes before one ("Post - Site").
  const last = Array.from(documentTitle.matchAll(SEPARATOR)).pop();
  if (last) {
    const head = documentTitle.slice(0, last.index).trim();
    const tail = withoutTrailingParentheses(documentTitle.slice(last.index + last[0].length));
    // A spaced colon is French typography inside a title ("Blog : Post"), unless a headline twice as long as what
    // follows it comes first ("見出し : 読売新聞").
    const signs = !last[0].includes(':') || head.length > tail.length * 2;
    if (signs && headingKeys.has(looseKey(head)) && isShortName(tail)) return tail;
  }
  const first = /(?<!\s)\s+[|\-–—·•»/]\s+|:\s+/.exec(documentTitle);
  if (!first) return null;
  const lead = documentTitle.slice(0, first.index).trim();
  const rest = documentTitle.slice(first.index + first[0].length);
  return headingKeys.has(looseKey(lead)) && isShortName(lead) && !headingKeys.has(looseKey(rest)) ? lead : null;
}

function isShortName(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && text.split(/\s+/).length <= 5;
}

function withoutTrailingParentheses(text: string): string {
  let name = text.trim();
  while (name.endsWith(')') && name.lastIndexOf('(') > 0) name = name.slice(0, name.lastIndexOf('(')).trim();
  return name;
}

/**
 * The title from `<title>` the way Readability reads it (drop the last separated part unless that leaves fewer than
 * three words, prefer the part after a colon, fall back to a single `<h1>` for titles too short or too long), so
 * pages that declare nothing get the same title as reader views show.
 */
export function titleFromDocument(document: Document): string | null {
  const original = cleanText(documentTitle(document)) ?? '';
  let title = original;
  const words = (s: string): number => s.split(/\s+/).length;
  let hierarchical = false;
  if (/ [|\-–—\\/>»] /.test(title)) {
    hierarchical = / [\\/>»] /.test(title);
    const separators = Array.from(original.matchAll(/ [|\-–—\\/>»] /g));
    title = original.slice(0, separators[separators.length - 1]!.index);
    if (words(title) < 3) title = original.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/, '');
  } else if (title.includes(': ')) {
    const headings = Array.from(document.querySelectorAll('h1, h2'));
    if (!headings.some((h) => (h.textContent ?? '').trim() === title)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (words(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (words(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = document.getElementsByTagName('h1');
    if (h1s.length === 1) title = cleanText(h1s[0]!.textContent) ?? title;
  }
  title = title.trim().replace(/\s{2,}/g, ' ');
  const count = words(title);
  if (count <= 4 && (!hierarchical || count !== words(original.replace(/[|\-–—\\/>»]+/g, '')) - 1)) title = original;
  return title || null;
}
