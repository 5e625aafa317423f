/** Where things sit on an article page: its headline, what is printed with it, what is hidden or a comment. */

import { patternFor } from './letters';
import { collapseWhitespace } from './text';

/** Elements read at most by a scan of the page. */
export const MAX_SCANNED = 5000;
/**
 * Comment threads and forms have "author" fields of their own (a commenter, a "Name (required)" label). Reader
 * comments: WordPress's and most themes' ids and classes ("comment-list", "article-comments"), Disqus's
 * thread, schema.org Comment items. A commenter's name there is no byline.
 */
const COMMENTS =
  '#comments, .comments, [id^="comment"], [class^="comment"], [class*="-comments"], [id*="-comments"], #disqus_thread, [itemprop~="comment"], [itemtype*="schema.org/Comment"]';
/** Elements after the headline read for what is printed with it. */
const MAX_AFTER_HEADLINE = 40;
/** Elements before the headline read for a date line printed above it. */
const MAX_ABOVE_HEADLINE = 3;
/** A paragraph this long after the headline is the story's: what follows is no longer printed with the headline. */
const STORY_PARAGRAPH = 200;
/**
 * Lists of other stories: their bylines and dates are other articles'. Not Drupal's "node--promoted", which marks the
 * story itself as promoted to the front page.
 */
const OTHER_STORIES = /related|recommend|more-from|list-of|trending|popular|teaser|promo(?!ted)|outbrain|taboola/i;
// Not "authorize"/"authorization": those are sign-in widgets.
export const BYLINE_HINT = /byline|author(?!i[sz])|dateline|writtenby/i;
/** A byline's opening word as an element's first text, the names following in links: "By <a>Ada Lowe</a>". */
export const BY_OPENING = /^\s*(?:by|par|von|por|di|door)(?:\s|:|$)/i;
/**
 * A printed byline's opening: "By", "Par", "Von", "Por", "Di", "Door" and a name of two capitalised words, so "By the
 * time…" and "By Monday, …" are not bylines. No `i` flag: with it `\p{Lu}` matches lower case too.
 */
const PRINTED_BYLINE =
  /^\s*(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u;
const PRINTED_BYLINE_ASCII =
  /^\s*(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR)\s+[A-Z][A-Za-z'.-]*\s+[A-Z]/;

/** Whether `text` opens with a printed byline (`PRINTED_BYLINE`). */
export function opensWithByline(text: string): boolean {
  return patternFor(text, PRINTED_BYLINE_ASCII, PRINTED_BYLINE).test(text);
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
export function printedHeadline(document: Document): Element | null {
  return (
    articleHeadline(document)?.h1 ??
    Array.from(document.getElementsByTagName('h1'))
      .slice(0, 10)
      .find((heading) => (heading.textContent ?? '').trim().split(/\s+/).length >= 3) ??
    null
  );
}

/**
 * The elements printed with the headline: after the `<h1>`, a few elements on at most and before the story's first
 * paragraph, outside tables (an infobox).
 */
export function underHeadline(document: Document): Element[] {
  const h1 = printedHeadline(document);
  const block = h1?.parentElement?.parentElement;
  if (!h1 || !block) return [];
  const header: Element[] = [];
  // Forward from the headline in document order, skipping its own contents, without listing the whole block.
  let el = nextOutside(h1, block);
  for (let steps = 0; el && steps < MAX_AFTER_HEADLINE * 2 && header.length < MAX_AFTER_HEADLINE; steps++) {
    // The story has begun: a date in its prose is a birthday, a link in it a topic.
    if (el.tagName === 'P' && (el.textContent ?? '').length > STORY_PARAGRAPH) break;
    // Not a reader comment's line nor another story's, were the story short enough for them to follow it this closely.
    if (!el.closest('table') && !isHidden(el) && !inComments(el) && !someAncestor(el, listsOtherStories))
      header.push(el);
    el = el.firstElementChild ?? nextOutside(el, block);
  }
  return header;
}

/**
 * The elements printed just above the headline: its previous siblings, else its parent's (a kicker or a date line in
 * the headline's block), a few at most.
 */
export function aboveHeadline(document: Document): Element[] {
  const h1 = printedHeadline(document);
  const before = (el: Element | null) => {
    const found: Element[] = [];
    for (let sibling = el?.previousElementSibling; sibling && found.length < MAX_ABOVE_HEADLINE;) {
      // Not the site's masthead, printing the day the page was served.
      if (!isHidden(sibling) && !inSiteBanner(sibling)) found.push(sibling);
      sibling = sibling.previousElementSibling;
    }
    return found;
  };
  const own = before(h1);
  return own.length ? own : before(h1?.parentElement ?? null);
}

/** The element after `el` and its contents in document order, within `root`. */
function nextOutside(el: Element, root: Element): Element | null {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
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

/** The first paragraph of some length in the article around the headline: where a wire dateline is printed. */
export function leadParagraph(document: Document): string | null {
  for (const scope of [headlineScope(document), document.documentElement]) {
    const paragraphs = scope ? Array.from(scope.getElementsByTagName('p')).slice(0, 8) : [];
    const lead = paragraphs.map((p) => collapseWhitespace(p.textContent ?? '')).find((text) => text.length >= 40);
    if (lead) return lead;
  }
  return null;
}

/** The first words an element prints ("<p><span>Von</span> Ada Lowe…" → "Von"), looking a few levels down. */
export function openingText(el: Element): string {
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

/** Text with a space where elements meet: "TUCKER</span><span>Associated Press" must not run together. */
export function spacedText(node: Node, max = Infinity): string {
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
export function inComments(el: Element): boolean {
  if (el.closest(COMMENTS)) return true;
  const form = el.closest('form');
  if (!form) return false;
  let wrapsPage = PAGE_FORMS.get(form);
  if (wrapsPage === undefined) PAGE_FORMS.set(form, (wrapsPage = !!form.querySelector('h1, article, main')));
  return !wrapsPage;
}

/** Whether each form met wraps the page: asked once a form, as every byline candidate inside one asks it. */
const PAGE_FORMS = new WeakMap<Element, boolean>();

/**
 * In the site's banner: its navigation, or a `<header>` outside the article that holds no headline, where news sites
 * print the day the page is served ("Thursday, November 2, 2030"). An article's own `<header>` prints the story's.
 */
export function inSiteBanner(el: Element): boolean {
  if (el.closest('nav, [role="banner"], [role="navigation"]')) return true;
  const header = el.closest('header');
  if (!header || header.closest('article, main, [role="main"]')) return false;
  let banner = BANNERS.get(header);
  if (banner === undefined) BANNERS.set(header, (banner = !header.querySelector('h1')));
  return banner;
}

/** Whether each `<header>` met is the site's banner: asked once a header. */
const BANNERS = new WeakMap<Element, boolean>();

/** A list of other stories, or a sidebar: WordPress themes' `<div id="secondary">`, or one marked complementary. */
export function inOtherStories(node: Element): boolean {
  if (node.id === 'secondary' || node.getAttribute('role') === 'complementary') return true;
  return listsOtherStories(node);
}

/**
 * A list of other stories by its class or id ("related", "list-of-entities", "teaser"); not any sidebar, since a
 * work's own details can be marked complementary.
 */
export function listsOtherStories(node: Element): boolean {
  // "content__header--no-promo" says the opposite.
  const labels = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`.replace(/\bno-[\w-]*/gi, '');
  return OTHER_STORIES.test(labels);
}

/** The first `max` elements under `root` whose tag is in `tags`, in document order, without listing the rest. */
export function elementsIn(root: Element, tags: ReadonlySet<string>, max: number): Element[] {
  const found: Element[] = [];
  let el = root.firstElementChild;
  for (let steps = 0; el && found.length < max && steps < max * 10; steps++) {
    if (tags.has(el.tagName)) found.push(el);
    el = el.firstElementChild ?? nextOutside(el, root);
  }
  return found;
}

/**
 * Whether `el` comes after `other` in document order (an ancestor comes before what it holds). By their ancestors, as
 * linkedom's `compareDocumentPosition` compares depths only.
 */
export function follows(el: Node, other: Node): boolean {
  const otherAncestors = new Set<Node>();
  for (let node: Node | null = other; node; node = node.parentNode) otherAncestors.add(node);
  if (otherAncestors.has(el)) return false;
  // Climb from `el` to the first ancestor `other` shares: the two branches meet there.
  let branch: Node = el;
  while (branch.parentNode && !otherAncestors.has(branch.parentNode)) branch = branch.parentNode;
  const common = branch.parentNode;
  if (!common) return false;
  if (common === other) return true;
  let otherBranch: Node = other;
  while (otherBranch.parentNode !== common) otherBranch = otherBranch.parentNode!;
  for (let sibling = otherBranch.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling === branch) return true;
  }
  return false;
}

/** Whether `test` holds for the element or an ancestor below `<body>`. */
export function someAncestor(el: Element, test: (node: Element) => boolean): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (test(node)) return true;
  }
  return false;
}

export function isHidden(el: Element): boolean {
  return someAncestor(
    el,
    (node) =>
      node.hasAttribute('hidden') ||
      node.getAttribute('aria-hidden') === 'true' ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(node.getAttribute('style') ?? ''),
  );
}
