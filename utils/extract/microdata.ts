/** Schema.org microdata (`itemprop`) inside the page's article item, or anywhere when the page has none. */

export interface MicrodataFacts {
  headline: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  description: string | null;
  publisherName: string | null;
  lang: string | null;
}

const ARTICLE_ITEM = /schema\.org\/(\w*Article|BlogPosting|Report|\w*Posting)\b/i;
const MAX_PROPS = 400;

export function readMicrodata(document: Document): MicrodataFacts | null {
  const scope =
    Array.from(document.querySelectorAll('[itemscope][itemtype]')).find((el) =>
      ARTICLE_ITEM.test(el.getAttribute('itemtype') ?? ''),
    ) ?? document;
  const props = Array.from(scope.querySelectorAll('[itemprop]')).slice(0, MAX_PROPS);
  if (!props.length) return null;
  const facts: MicrodataFacts = {
    headline: null,
    authors: [],
    published: null,
    modified: null,
    description: null,
    publisherName: null,
    lang: null,
  };
  for (const el of props) {
    const names = (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
    for (const name of names) {
      if (name === 'headline') facts.headline ??= propValue(el);
      else if (name === 'datepublished') facts.published ??= propValue(el);
      else if (name === 'datemodified') facts.modified ??= propValue(el);
      else if (name === 'inlanguage') facts.lang ??= propValue(el);
      else if (name === 'description' && !isNested(el, scope)) facts.description ??= propValue(el);
      else if ((name === 'author' || name === 'creator') && !inComment(el)) {
        const author = nameOf(el);
        if (author) facts.authors.push(author);
      } else if (name === 'publisher') facts.publisherName ??= nameOf(el);
    }
  }
  return facts;
}

/** The value of an `itemprop` element, by the microdata rules (content, datetime, href, then text). */
function propValue(el: Element): string | null {
  const value =
    el.getAttribute('content') ??
    el.getAttribute('datetime') ??
    (el.tagName === 'ABBR' ? el.getAttribute('title') : null) ??
    (el.tagName === 'A' || el.tagName === 'LINK' ? null : el.textContent);
  return value?.trim() || null;
}

/** A person or organization item: its `name` property, or its own value. */
function nameOf(el: Element): string | null {
  if (el.hasAttribute('itemscope')) {
    const name = el.querySelector('[itemprop~="name"]');
    return name ? propValue(name) : null;
  }
  return propValue(el);
}

/** A reader's comment or review inside the article item: its author is a commenter, not the article's. */
const COMMENT_ITEM = /schema\.org\/(?:Comment|Review|Answer|Question)\b/i;

function inComment(el: Element): boolean {
  const owner = el.parentElement?.closest('[itemscope]');
  return (
    !!owner &&
    (COMMENT_ITEM.test(owner.getAttribute('itemtype') ?? '') ||
      /\bcomment\b/i.test(owner.getAttribute('itemprop') ?? ''))
  );
}

/** Whether `el` belongs to an item nested inside the scope (an author's or image's description, not the article's). */
function isNested(el: Element, scope: Document | Element): boolean {
  const owner = el.parentElement?.closest('[itemscope]');
  return owner !== null && owner !== undefined && owner !== scope;
}
