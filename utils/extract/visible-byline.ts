/** Bylines printed on the page: the last resort when the page declares no author. */

import { cleanAuthors, coAuthorNote, namesAPerson, onlyOutlets } from './authors';
import {
  BY_OPENING,
  BYLINE_HINT,
  elementsIn,
  headlineBlock,
  inComments,
  inOtherStories,
  isHidden,
  MAX_SCANNED,
  openingText,
  opensWithByline,
  printedHeadline,
  someAncestor,
  spacedText,
  underHeadline,
} from './page-layout';
import { collapseWhitespace } from './text';

/** Elements that may match BYLINE_HINT, found in one query (attribute selectors are case-sensitive: three spellings). */
const BYLINE_SELECTOR = [
  '[rel~="author"]',
  '[itemprop*="author"]',
  ...['byline', 'author', 'dateline', 'writtenby'].flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`]),
].join(', ');
/** Links to an author's page: their texts are the names, without the role or date printed around them. */
const PROFILE_LINK =
  /\/(?:authors?|people|profiles?|journalists?|journaliste|staff|contributors?|reporters?|writers?|editors?|columnists?|autor(?:en)?|auteurs?)\/|author[-_]?(?:bio|id)|[?&]author=/i;
/** A path segment of three or more words joined by hyphens: a story's slug, not a section or a profile. */
const STORY_SLUG = /\/[\p{L}\d]+(?:-[\p{L}\d]+){2,}(?:[._][\w.]*)?\/?(?:[?#]|$)/u;
/** Longer than this, a list item is not a teaser (some pages print the whole article in one). */
const MAX_TEASER_LENGTH = 600;
const MAX_BYLINES_TRIED = 20;
/** Elements around the headline read for a "By" line that no class marks, and the tags such a line is printed in. */
const MAX_UNMARKED = 300;
const LINE_TAGS = new Set(['P', 'DIV', 'SPAN', 'ADDRESS', 'LI', 'SMALL']);
/** Longer than this, a byline-looking element is a container (an author box, a whole article), not a byline. */
const MAX_BYLINE_LENGTH = 100;

/**
 * The names in the first visible byline in document order: `rel=author`, `itemprop~=author`, or a class/id that
 * names a byline (the same signals Readability trusts), whose text is short enough to be a name and holds one. When
 * the byline links to author pages, the link texts are the names (with the co-authors of a "(with …)" note). A
 * byline crediting only the outlet or a news agency yields to a later one naming a person, and is the answer when
 * none does. Then a "By" line linking to author pages, then (on the whole page) what is printed under the headline.
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
      .map((a) => collapseWhitespace(a.textContent ?? ''))
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
  const blocks = new Set([headlineBlock(document), printedHeadline(document)?.parentElement?.parentElement ?? null]);
  const elements = [...blocks].flatMap((block) => (block ? elementsIn(block, LINE_TAGS, MAX_UNMARKED) : []));
  for (const el of elements) {
    // The opening words first: building each element's text would cost every page without a marked byline.
    if (!BY_OPENING.test(openingText(el))) continue;
    const text = bylineText(el);
    if (text.length >= MAX_BYLINE_LENGTH || !opensWithByline(text) || notThisStorys(el)) continue;
    const names = cleanAuthors([text]);
    if (names.length) return names;
  }
  for (const link of underHeadline(document).filter((el) => el.tagName === 'A')) {
    if (!(PROFILE_LINK.test(link.getAttribute('href') ?? '') || isAvatarLink(link)) || notThisStorys(link)) continue;
    const names = cleanAuthors([collapseWhitespace(link.textContent ?? '')]);
    if (names.length) return names;
  }
  return [];
}

/**
 * `<a href="https://github.com/lishid"><img alt="Licat">Licat</a>` under the headline: the author's picture beside
 * their name, the picture labelled with the name, links to a profile wherever it is kept.
 */
function isAvatarLink(link: Element): boolean {
  const text = collapseWhitespace(link.textContent ?? '');
  const image = link.getElementsByTagName('img')[0];
  return !!text && text.length <= 40 && collapseWhitespace(image?.getAttribute('alt') ?? '') === text;
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
    if (!line || text.length >= 150 || !opensWithByline(text) || notThisStorys(line)) continue;
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
 * A byline's text, whitespace collapsed. A run of non-breaking spaces after a name of two words or more is how some
 * templates set the name apart from the place and edition printed after it ("By Ada Lowe&nbsp;&nbsp;&nbsp;Delhi"): it
 * becomes a separator. Inside the name ("Ada&nbsp;&nbsp;Lowe") or after "By" it is a space.
 */
function bylineText(el: Element, max = MAX_BYLINE_LENGTH): string {
  const text = spacedText(el, max).replace(/(?:\u00a0[^\S\n]*){2,}/g, (_run, offset: number, whole: string) => {
    const before = whole.slice(0, offset).trim().replace(BY_OPENING, '');
    return before.split(/\s+/).filter(Boolean).length >= 2 ? ' | ' : ' ';
  });
  return collapseWhitespace(text);
}

/** Hidden, in comments, in a sidebar or list of other stories: a byline there is not the article's. */
function notThisStorys(el: Element): boolean {
  return isHidden(el) || inComments(el) || someAncestor(el, inOtherStories) || inStoryListItem(el);
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

function isBylineElement(el: Element): boolean {
  if ((el.getAttribute('rel') ?? '').split(/\s+/).includes('author')) return true;
  if ((el.getAttribute('itemprop') ?? '').includes('author')) return true;
  if (['SCRIPT', 'STYLE', 'META', 'LINK', 'BODY', 'HTML'].includes(el.tagName)) return false;
  return BYLINE_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}
