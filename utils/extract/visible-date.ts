/** Dates printed on the page (`<time>`, datelines, under the headline): the last resort when the page declares none. */

import { dateInText } from './dates';
import { inComments, isHidden, MAX_SCANNED, openingText, underHeadline } from './page-layout';
import { collapseWhitespace } from './text';
import { BY_OPENING, BYLINE_HINT } from './visible-byline';

const DATELINE_HINT =
  /(?:^|[-_\s])(?:date|time|datetime|timestamp|published|pubdate|dateline|posted|post-date|entry-date|meta)(?:$|[-_\s])/i;
const UPDATED = /\b(?:updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt)\b/iu;
/** Longer than this, an element printed under the headline is not a dateline. */
const MAX_DATELINE_LENGTH = 100;

/** The publication time printed in a `<time datetime>`: one marked `pubdate`/`datePublished`, else the first in the article. */
export function findTimeElement(document: Document, anywhere = false): string | null {
  const marked = document.querySelector('time[pubdate][datetime], time[itemprop~="datePublished"][datetime]');
  if (marked) return marked.getAttribute('datetime');
  const scope = (anywhere ? null : document.querySelector('article, main, [role="main"]')) ?? document.documentElement;
  return scope?.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
}

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

/** "November 18, 2019" printed under the headline in an element no class marks as a dateline (not after "Updated"). */
export function dateUnderHeadline(document: Document): string | null {
  for (const el of underHeadline(document)) {
    const text = collapseWhitespace(el.textContent ?? '');
    if (!text || text.length > MAX_DATELINE_LENGTH) continue;
    const date = dateInText(text.split(UPDATED)[0]!);
    if (date) return date;
  }
  return null;
}

/** What the page's first `<time>` elements print ("November 18, 2019 11:03 PM"), read as dates. */
export function printedTimes(document: Document): (string | null)[] {
  return Array.from(document.getElementsByTagName('time'))
    .slice(0, 5)
    .map((time) => dateInText(collapseWhitespace(time.textContent ?? '')));
}
