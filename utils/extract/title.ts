import { cleanText, looseKey } from './text';

const SEPARATOR = /(?<!\s)\s+(?:[|\-–—·•»/:]|::)\s+/g;
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

/** The `<title>` text, also when a page without `<head>` left it where some DOMs do not look for it. */
export function documentTitle(document: Document): string {
  return document.title || document.getElementsByTagName('title')[0]?.textContent || '';
}

/**
 * The site's name as the page's `<title>` ends with it (`Bob Dylan - Wikipedia`), for pages that declare no site name:
 * a short trailing segment after a separator.
 */
export function siteNameFromTitle(documentTitle: string): string | null {
  const separators = Array.from(documentTitle.matchAll(SEPARATOR)).filter(
    (m) => !m[0].includes(':') || m[0].includes('::'),
  );
  const last = separators[separators.length - 1];
  if (!last) return null;
  const head = documentTitle.slice(0, last.index).trim();
  const tail = documentTitle
    .slice(last.index + last[0].length)
    .replace(/(?<![\s:|])[\s:|]+$/, '')
    .trim();
  if (!tail || tail.length > 40 || tail.split(/\s+/).length > 4 || head.split(/\s+/).length < 2) return null;
  return tail;
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
