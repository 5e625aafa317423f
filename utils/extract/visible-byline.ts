import { cleanAuthors, coAuthorNote, namesAPerson, onlyOutlets } from './authors';
import { dateInText } from './dates';
import { collapseWhitespace } from './text';

/** Bylines and datelines printed on the page: the last resort when the page declares no author or date. */

// Not "authorize"/"authorization": those are sign-in widgets.
const BYLINE_HINT = /byline|author(?!i[sz])|dateline|writtenby/i;
/** Elements that may match BYLINE_HINT, found in one query (attribute selectors are case-sensitive: three spellings). */
const BYLINE_SELECTOR = [
  '[rel~="author"]',
  '[itemprop*="author"]',
  ...['byline', 'author', 'dateline', 'writtenby'].flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`]),
].join(', ');
/** Links to an author's page: their texts are the names, without the role or date printed around them. */
const PROFILE_LINK =
  /\/(?:authors?|people|profiles?|journalists?|journaliste|staff|contributors?|reporters?|writers?|editors?|columnists?|autor(?:en)?|auteurs?)\/|author[-_]?(?:bio|id)|[?&]author=/i;
/** Comment threads and forms have "author" fields of their own (a commenter, a "Name (required)" label). */
const COMMENTS = '#comments, .comments, [id^="comment"], [class^="comment"]';
/** Lists of other stories: their bylines credit other articles. */
const OTHER_STORIES = /related|recommend|more-from|list-of|trending|popular|teaser|promo|outbrain|taboola/i;
const MAX_SCANNED = 5000;
/** A path segment of three or more words joined by hyphens: a story's slug, not a section or a profile. */
const STORY_SLUG = /\/[^/?#]*?[\p{L}\d]+-[\p{L}\d]+-[\p{L}\d]+[^/?#]*\/?(?:[?#]|$)/u;
/** Longer than this, a list item is not a teaser (some pages print the whole article in one). */
const MAX_TEASER_LENGTH = 600;
/** A printed byline's opening: "By", "Par", "Von", "Por", "Di", "Door". */
const BY_LINE = /^\s*(?:by|par|von|por|di|door)\s+\p{Lu}/iu;
/** The same opening as an element's first text, the names following in links: "By <a>Ada Lowe</a>". */
const BY_OPENING = /^\s*(?:by|par|von|por|di|door)(?:\s|:|$)/i;
const MAX_BYLINES_TRIED = 20;
/** Elements around the headline read for a "By" line that no class marks. */
const MAX_UNMARKED = 300;
/** Elements after the headline read for a date that no class marks: the ones printed with it. */
const MAX_AFTER_HEADLINE = 40;
/** Longer than this, a byline-looking element is a container (an author box, a whole article), not a byline. */
const MAX_BYLINE_LENGTH = 100;

/**
 * The names in the first visible byline in document order: `rel=author`, `itemprop~=author`, or a class/id that
 * names a byline (the same signals Readability trusts), whose text is short enough to be a name and holds one. When
 * the byline links to author pages, the link texts are the names (with the co-authors of a "(with …)" note). A
 * byline crediting only the outlet or a news agency yields to a later one naming a person, and is the answer when
 * none does.
 */
export function findVisibleByline(
  document: Document,
  siteNames: readonly string[] = [],
  scope: Element | null = null,
): string[] {
  // The whole document, not `document.body`: on pages with stray <body> tags some DOMs return the wrong one.
  const root = scope ?? document.documentElement;
  if (!root) return [];
  let tried = 0;
  let outletCredit: string[] = [];
  const candidates = root.querySelectorAll(BYLINE_SELECTOR);
  const limit = Math.min(candidates.length, MAX_SCANNED);
  for (let i = 0; i < limit; i++) {
    const el = candidates[i]!;
    if (!isBylineElement(el) || inComments(el) || isHidden(el)) continue;
    const text = bylineText(el);
    if (!text || text.length >= MAX_BYLINE_LENGTH) continue;
    const profiles = Array.from(el.querySelectorAll('a[href]'))
      .filter((a) => PROFILE_LINK.test(a.getAttribute('href') ?? ''))
      .map((a) => (a.textContent ?? '').trim())
      .filter(Boolean);
    const name = el.querySelector('[itemprop~="name"]');
    const coAuthors = coAuthorNote(text);
    // Profile links named "Biography" or "@handle" name no one: then the byline's own text does, without them.
    const linked = profiles.length ? cleanAuthors([...profiles, ...(coAuthors ? [coAuthors] : [])]) : [];
    const ownText = profiles.reduce((rest, label) => rest.replace(label, ' '), text);
    // A byline-looking element holding only a date or a label ("Follow author") is skipped for the next one, and so
    // is one in a list of other stories (checked last: it walks up the tree).
    const names = linked.length
      ? linked
      : cleanAuthors(name ? [collapseWhitespace(spacedText(name))] : (innerBylines(el) ?? [ownText]));
    if (names.length && (someAncestor(el, inOtherStories) || inStoryListItem(el))) {
      if (++tried >= MAX_BYLINES_TRIED) break;
      continue;
    }
    if (names.length && !outletCredit.length) {
      if (!onlyOutlets(names, siteNames)) return names;
      outletCredit = names;
    } else if (names.length && namesAPerson(names, siteNames)) return names;
    if (++tried >= MAX_BYLINES_TRIED) break;
  }
  if (outletCredit.length) return outletCredit;
  const linked = byLineWithProfileLinks(root);
  // Only for the whole page: a search within the headline's block (for co-authors, on every page) stays cheap.
  return linked.length || scope ? linked : byLineUnderHeadline(document);
}

/**
 * "By Justine Coleman - 11/18/19" printed with the headline in an element no class marks as a byline: the first short
 * element around the `<h1>` that opens with "By" and a capital, else the first link to an author's page printed with
 * the headline, once nothing marked as a byline named anyone.
 */
function byLineUnderHeadline(document: Document): string[] {
  // Pages with no <article> or <main> around their headline: around the first headline of some words.
  const blocks = [headlineBlock(document), printedHeadline(document)?.parentElement?.parentElement ?? null];
  const elements = blocks.flatMap((block) =>
    block ? Array.from(block.querySelectorAll('p, div, span, address, li, small')).slice(0, MAX_UNMARKED) : [],
  );
  const printed = (el: Element) =>
    !isHidden(el) && !inComments(el) && !someAncestor(el, inOtherStories) && !inStoryListItem(el);
  for (const el of elements) {
    const text = bylineText(el);
    if (text.length >= MAX_BYLINE_LENGTH || !BY_LINE.test(text) || !printed(el)) continue;
    const names = cleanAuthors([text]);
    if (names.length) return names;
  }
  for (const link of underHeadline(document).filter((el) => el.tagName === 'A')) {
    if (!PROFILE_LINK.test(link.getAttribute('href') ?? '') || !printed(link)) continue;
    const names = cleanAuthors([collapseWhitespace(link.textContent ?? '')]);
    if (names.length) return names;
  }
  return [];
}

/**
 * "By <a href="/staff/ada-lowe/">Ada Lowe</a>" in an element with no byline class: a line that opens with "By" and
 * links to author pages names the authors, once no element marked as a byline did.
 */
function byLineWithProfileLinks(root: Element): string[] {
  const links = Array.from(root.getElementsByTagName('a')).slice(0, MAX_SCANNED);
  for (const link of links) {
    if (!PROFILE_LINK.test(link.getAttribute('href') ?? '')) continue;
    const line = link.parentElement;
    const text = line ? collapseWhitespace(spacedText(line)) : '';
    if (!line || text.length >= 150 || !BY_LINE.test(text) || isHidden(line) || inComments(line)) continue;
    if (someAncestor(line, inOtherStories) || inStoryListItem(line)) continue;
    const names = Array.from(line.getElementsByTagName('a'))
      .filter((a) => PROFILE_LINK.test(a.getAttribute('href') ?? ''))
      .map((a) => collapseWhitespace(a.textContent ?? ''));
    const cleaned = cleanAuthors(names);
    if (cleaned.length) return cleaned;
  }
  return [];
}

/**
 * The texts of the byline elements inside a byline block, when they name someone: `<div class="byline"><span
 * class="author">A and B</span><span class="publication">Harbour Post</span></div>` credits A and B, and the block's
 * whole text would run the names into the outlet's.
 */
function innerBylines(el: Element): string[] | null {
  const texts = Array.from(el.querySelectorAll(BYLINE_SELECTOR))
    .filter((inner) => isBylineElement(inner) && !isHidden(inner))
    .map((inner) => bylineText(inner, Infinity))
    .filter(Boolean);
  return cleanAuthors(texts).length ? texts : null;
}

/**
 * Where the article's byline is printed: the `<article>` or `<main>` around an `<h1>` (the first `<h1>` is often the
 * site's logo), else the first `<article>` or `<main>`, else the first `<h1>`'s grandparent.
 */
export function headlineScope(document: Document): Element | null {
  return articleHeadline(document)?.container ?? fallbackScope(document);
}

/** Around the article's `<h1>`: its grandparent, where a byline printed with the headline sits. */
export function headlineBlock(document: Document): Element | null {
  const headline = articleHeadline(document);
  return headline ? (headline.h1.parentElement?.parentElement ?? headline.container) : fallbackScope(document);
}

/** The article's `<h1>`: the one in an `<article>` or `<main>`, else the first of three words or more (not a logo). */
function printedHeadline(document: Document): Element | null {
  return (
    articleHeadline(document)?.h1 ??
    Array.from(document.getElementsByTagName('h1'))
      .slice(0, 10)
      .find((heading) => /\S+\s+\S+\s+\S+/.test(heading.textContent ?? '')) ??
    null
  );
}

/**
 * The elements printed with the headline: after the `<h1>`, a few elements on at most and before the story's first
 * paragraph, outside tables (an infobox).
 */
function underHeadline(document: Document): Element[] {
  const h1 = printedHeadline(document);
  const block = h1?.parentElement?.parentElement;
  if (!h1 || !block) return [];
  const elements = Array.from(block.querySelectorAll('*'));
  const start = elements.indexOf(h1) + 1;
  const header: Element[] = [];
  for (const el of elements.slice(start, start + MAX_AFTER_HEADLINE * 2)) {
    if (h1.contains(el)) continue;
    // The story has begun: a date in its prose is a birthday, a link in it a topic.
    if (el.tagName === 'P' && (el.textContent ?? '').length > MAX_BYLINE_LENGTH * 2) break;
    if (!el.closest('table') && !isHidden(el)) header.push(el);
    if (header.length >= MAX_AFTER_HEADLINE) break;
  }
  return header;
}

/** "November 18, 2019" printed under the headline in an element no class marks as a dateline (not after "Updated"). */
export function dateUnderHeadline(document: Document): string | null {
  for (const el of underHeadline(document)) {
    const text = collapseWhitespace(el.textContent ?? '');
    if (!text || text.length > MAX_BYLINE_LENGTH) continue;
    const date = dateInText(text.split(UPDATED)[0]!);
    if (date) return date;
  }
  return null;
}

function articleHeadline(document: Document): { h1: Element; container: Element } | null {
  for (const h1 of Array.from(document.getElementsByTagName('h1')).slice(0, 10)) {
    const container = h1.closest('article, main, [role="main"]');
    if (container) return { h1, container };
  }
  return null;
}

function fallbackScope(document: Document): Element | null {
  return (
    document.querySelector('article, main') ??
    document.getElementsByTagName('h1')[0]?.parentElement?.parentElement ??
    null
  );
}

/** The first words an element prints ("<p><span>Von</span> Ada Lowe…" → "Von"), looking a few levels down. */
function openingText(el: Element): string {
  let node: Node | null = el.firstChild;
  for (let steps = 0; node && steps < 12; steps++) {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (text.trim()) return text;
      node = node.nextSibling;
    } else node = node.nodeType === 1 ? (node.firstChild ?? node.nextSibling) : node.nextSibling;
  }
  return '';
}

/** The first paragraph of some length in the article around the headline: where a wire dateline is printed. */
export function leadParagraph(document: Document): string | null {
  for (const scope of [headlineScope(document), document.documentElement]) {
    const paragraphs = scope ? Array.from(scope.getElementsByTagName('p')).slice(0, 8) : [];
    const lead = paragraphs.map((p) => collapseWhitespace(p.textContent ?? '')).find((text) => text.length >= 40);
    if (lead) return lead;
  }
  return null;
}

/** What the page's first `<time>` elements print ("November 18, 2019 11:03 PM"), read as dates. */
export function printedTimes(document: Document): (string | null)[] {
  return Array.from(document.getElementsByTagName('time'))
    .slice(0, 5)
    .map((time) => dateInText(collapseWhitespace(time.textContent ?? '')));
}

/** Text with a space where elements meet: "TUCKER</span><span>Associated Press" must not run together. */
function spacedText(node: Node, max = Infinity): string {
  const parts: string[] = [];
  let letters = 0;
  // Stops once past `max` non-space characters: a byline is short, and a wrapper's whole text is costly to build.
  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child && letters <= max; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        letters += value.replace(/\s+/g, '').length;
      } else if (child.nodeType === 1) {
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(node);
  return parts.join('');
}

/**
 * In a comment thread or a form. Not a form around the whole page, as ASP.NET WebForms sites wrap theirs: one holding
 * the headline or the article.
 */
/**
 * A byline's text, whitespace collapsed. A run of non-breaking spaces is how some templates set the name apart from
 * the place and edition printed after it ("By Ada Lowe&nbsp;&nbsp;&nbsp;Delhi"): it becomes a separator.
 */
function bylineText(el: Element, max = MAX_BYLINE_LENGTH): string {
  return collapseWhitespace(spacedText(el, max).replace(/(?:\u00a0[^\S\n]*){2,}/g, ' | '));
}

function inComments(el: Element): boolean {
  if (el.closest(COMMENTS)) return true;
  const form = el.closest('form');
  return !!form && !form.querySelector('h1, article, main');
}

function inOtherStories(node: Element): boolean {
  // A sidebar: WordPress themes' `<div id="secondary">`, or one that says it is complementary.
  if (node.id === 'secondary' || node.getAttribute('role') === 'complementary') return true;
  // "content__header--no-promo" says the opposite.
  const labels = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`.replace(/\bno-[\w-]*/gi, '');
  return OTHER_STORIES.test(labels);
}

/**
 * A byline in a short list item that also links to a story (`<li><a href="/2030/04/pier-lights-go-green">Pier
 * lights go green</a> By Ada Lowe</li>`) credits that story, whatever the list's class says ("customer-choice").
 */
function inStoryListItem(el: Element): boolean {
  const item = el.closest('li');
  if (!item || (item.textContent ?? '').length > MAX_TEASER_LENGTH) return false;
  return Array.from(item.querySelectorAll('a[href]')).some((link) => {
    const href = link.getAttribute('href') ?? '';
    return !PROFILE_LINK.test(href) && STORY_SLUG.test(href) && /\S\s+\S/.test(link.textContent?.trim() ?? '');
  });
}

/** Whether `test` holds for the element or an ancestor below `<body>`. */
function someAncestor(el: Element, test: (node: Element) => boolean): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (test(node)) return true;
  }
  return false;
}

function isBylineElement(el: Element): boolean {
  if ((el.getAttribute('rel') ?? '').split(/\s+/).includes('author')) return true;
  if ((el.getAttribute('itemprop') ?? '').includes('author')) return true;
  if (['SCRIPT', 'STYLE', 'META', 'LINK', 'BODY', 'HTML'].includes(el.tagName)) return false;
  return BYLINE_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

function isHidden(el: Element): boolean {
  return someAncestor(
    el,
    (node) =>
      node.hasAttribute('hidden') ||
      node.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(node.getAttribute('style') ?? ''),
  );
}

/** The publication time printed in a `<time datetime>`: one marked `pubdate`/`datePublished`, else the first in the article. */
export function findTimeElement(document: Document, anywhere = false): string | null {
  const marked = document.querySelector('time[pubdate][datetime], time[itemprop~="datePublished"][datetime]');
  if (marked) return marked.getAttribute('datetime');
  const scope = (anywhere ? null : document.querySelector('article, main, [role="main"]')) ?? document.documentElement;
  return scope?.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
}

const DATELINE_HINT =
  /(?:^|[-_\s])(?:date|time|datetime|timestamp|published|pubdate|dateline|posted|post-date|entry-date|meta)(?:$|[-_\s])/i;

/**
 * A date printed in a `<time>` or a dateline element ("post-date", "timestamp"), read from its text. A date printed
 * in the byline ("By Ada Lowe on May 4, 2030") is the article's, so bylines are read first: a fact check's or a
 * quote's date can come earlier on the page.
 */
export function findVisibleDate(document: Document, scope: Element | null = null): string | null {
  const root = scope ?? document.documentElement;
  if (!root) return null;
  const candidates = Array.from(root.querySelectorAll('time, [class], [id]')).slice(0, MAX_SCANNED);
  const labels = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  // The element's own opening text, not its whole textContent: that would copy the page once per element.
  const inByline = (el: Element) => BYLINE_HINT.test(labels(el)) || BY_OPENING.test(openingText(el));
  const dateline = (el: Element) => el.tagName === 'TIME' || DATELINE_HINT.test(labels(el));
  for (const wanted of [inByline, dateline]) {
    for (const el of candidates) {
      if (!wanted(el)) continue;
      let text = (el.textContent ?? '').trim();
      if (!text || text.length > 200 || isHidden(el) || inComments(el)) continue;
      // "By Ada Lowe | Updated March 3": in a byline, the date after an update label is not the publication's.
      if (wanted === inByline) text = text.split(UPDATED)[0]!;
      const date = dateInText(text);
      if (date) return date;
    }
  }
  return null;
}

const UPDATED = /\b(?:updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt)\b/iu;
