/** Dates printed on the page (`<time>`, datelines, under the headline): the last resort when the page declares none. */

import { dateInText, normalizeDate } from './dates';
import {
  aboveHeadline,
  BY_OPENING,
  BYLINE_HINT,
  follows,
  headlineScope,
  inComments,
  inOtherStories,
  inSiteBanner,
  isHidden,
  listsOtherStories,
  MAX_SCANNED,
  openingText,
  printedHeadline,
  someAncestor,
  spacedText,
  underHeadline,
} from './page-layout';
import { collapseWhitespace } from './text';

/** A class or id naming a dateline; "postmetadata" is the line WordPress's Kubrick theme and its heirs print it in. */
const DATELINE_HINT =
  /(?:^|[-_\s])(?:date|time|datetime|timestamp|published|pubdate|dateline|posted|post-date|entry-date|meta|metadata|postmetadata)(?:$|[-_\s])/i;
/** A class or id naming the element a date: "30.10.30" in it is a day, not a version number. */
const DATE_HINT = /(?:^|[-_\s])(?:date|datum|time|pubdate)(?:$|[-_\s])/i;
const UPDATED = /\b(?:updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt)\b/iu;
/** Labels that introduce the publication date in running text, in the languages news sites print them. */
const PUBLISHED_LABEL =
  /^[\s[(|]*(?:기사입력|입력|등록|published|posted|publié(?: le)?|mis en ligne(?: le)?|veröffentlicht|erstellt|eingestellt|publiziert|erschienen|publicado|pubblicato|gepubliceerd|geplaatst|发布时间|發布時間|发表时间|公開日|掲載日|投稿日)(?!\p{L})\s*[:：]?\s*/iu;
/**
 * The sentence blog themes print under a post ("This entry was posted on Saturday, December 3rd, 2030 at…", "Dieser
 * Beitrag wurde am Samstag, 3. Dezember 2030 … veröffentlicht"): the theme's own words open it, so it is no story's.
 */
const POSTED_SENTENCE =
  /^\s*(?:this (?:entry|post|article) was (?:posted|published)|dieser (?:beitrag|artikel|eintrag) wurde|cet article a été publié|questo articolo è stato pubblicato|esta entrada fue publicada|dit bericht werd geplaatst)(?!\p{L})/iu;
/**
 * The same sentence with the post's title first, as a link ("<a>Ferry timetable</a> wurde am 19. Mai 2030 um 23:03 Uhr
 * gepostet und unter … abgelegt"): its words stand alone between elements, and the theme's verb must follow the day,
 * so "<a>Ada Lowe</a> wurde am 3. Mai 2030 festgenommen" is not read.
 */
const TITLED_POSTED_SENTENCE = /^\s*wurde am\s*$/i;
const POSTED_VERB = /(?:gepostet|veröffentlicht|geschrieben|publiziert)(?!\p{L})/iu;
/** Text nodes read after a label for its date: the date's own, split by elements ("<b>4</b> May 2030"). */
const LABEL_NODES = 4;
/** After "wurde am": the day, "um", the time and "Uhr gepostet", each its own node between `<nobr>`s. */
const TITLED_SENTENCE_NODES = 6;
/**
 * "<dt>Datum</dt><dd>12.01.2030</dd>": the bare word "date" as a label of its own. Weaker than "published" (an event
 * page labels its event's day so), so it is read only in the article around the headline.
 */
const DATE_LABEL = /^[\s[(|]*(?:date de publication|datum|date|fecha|data)(?:\s*[:：])?\s*$/iu;
/** Longer than this, a text node is prose, not the theme's sentence. */
const MAX_POSTED_SENTENCE = 300;
/** Text nodes read at most when looking for a labelled date: the page's first few thousand. */
const MAX_TEXT_NODES = 4000;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** Longer than this, an element printed under the headline is not a dateline. */
const MAX_DATELINE_LENGTH = 100;

/**
 * The publication time printed in a `<time datetime>`: one marked `pubdate`/`datePublished`, else the first in the
 * article; the story's own (`ofThisStory`), as themes mark a reader comment's or another story's `pubdate` too.
 */
export function findTimeElement(document: Document, anywhere = false): string | null {
  const time = storyTimeElement(document, anywhere);
  return time ? timeValue(time) : null;
}

/** Longer than this, a `<time>`'s text is more than its date. */
const MAX_TIME_TEXT = 100;
const DAY_MS = 86_400_000;

/**
 * The date a `<time>` stands for: its `datetime`, unless its text prints a whole day more than a day away from it
 * (`<time datetime="2030-07-03T10:18:46Z">Publié le 29 juin 2030</time>`): the machine value is then an indexing or
 * update time, and the day the reader is shown is the story's. A day or less apart is a time zone's doing.
 */
function timeValue(time: Element): string | null {
  const datetime = time.getAttribute('datetime');
  const text = collapseWhitespace(time.textContent ?? '');
  if (!datetime || !text || text.length > MAX_TIME_TEXT || UPDATED.test(text)) return datetime;
  const printed = dateInText(text);
  const declared = normalizeDate(datetime);
  if (!printed || !declared) return datetime;
  const days = Math.abs(Date.parse(printed.slice(0, 10)) - Date.parse(declared.slice(0, 10))) / DAY_MS;
  return days > 1 ? printed : datetime;
}

function storyTimeElement(document: Document, anywhere: boolean): Element | null {
  // By tag, not a selector: a browser's collection is read only as far as the first of the story's times.
  const marked = firstStoryTime(
    document.getElementsByTagName('time'),
    (time) =>
      time.hasAttribute('pubdate') || (time.getAttribute('itemprop') ?? '').split(/\s+/).includes('datePublished'),
  );
  if (marked) return marked;
  const scope = (anywhere ? null : document.querySelector('article, main, [role="main"]')) ?? document.documentElement;
  return scope ? firstStoryTime(scope.getElementsByTagName('time'), () => true) : null;
}

/**
 * The `<time>` of a page that declares no date, read anywhere: a header printed above `<main>` or `<article>` holds
 * the story's. One after the article yields to the date printed with the headline: a "More <Site>" list of other
 * stories whose class does not name it one holds other stories' times.
 */
export function undeclaredTime(document: Document): string | null {
  const time = storyTimeElement(document, true);
  const datetime = time ? timeValue(time) : null;
  if (!time || !afterTheStory(document, time)) return datetime;
  return dateUnderHeadline(document) ?? dateAboveHeadline(document) ?? datetime;
}

/** Outside the article around the headline and after its headline in the page. */
function afterTheStory(document: Document, el: Element): boolean {
  const headline = printedHeadline(document);
  const scope = headlineScope(document);
  return !!headline && !scope?.contains(el) && follows(el, headline);
}

/** `<time datetime>` elements weighed at most for the story's own: others' (comments, teasers) are few before it. */
const MAX_TIMES = 20;
/** A link holding this many letters more than its `<time>` holds a headline too: a teaser of another story. */
const TEASER_LETTERS = 20;

/** The first `<time datetime>` that `wanted` accepts and that is the story's own. */
function firstStoryTime(times: HTMLCollectionOf<Element>, wanted: (time: Element) => boolean): Element | null {
  let weighed = 0;
  for (let i = 0; i < times.length && weighed < MAX_TIMES; i++) {
    const time = times[i]!;
    if (!time.hasAttribute('datetime') || !wanted(time)) continue;
    weighed++;
    if (ofThisStory(time)) return time;
  }
  return null;
}

/**
 * Not a reader comment's time or date, nor one in a list of other stories or in a link to one ("<a><time>Wednesday
 * November 20, 2030</time> Swing state voters see…</a>" in a header bar). A link around the date alone is the story's
 * permalink, as WordPress themes print it.
 */
function ofThisStory(el: Element): boolean {
  if (inComments(el) || someAncestor(el, listsOtherStories)) return false;
  const link = el.closest('a[href]');
  if (!link) return true;
  const own = letters(el.textContent ?? '');
  return letters(spacedText(link, own + TEASER_LETTERS)) <= own + TEASER_LETTERS;
}

function letters(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/**
 * A date printed in a `<time>` or a dateline element ("post-date", "timestamp"), read from its text. A date printed
 * in the byline ("By Ada Lowe on May 4, 2030") is the article's, so bylines are read first: a fact check's or a
 * quote's date can come earlier on the page.
 */
export function findVisibleDate(document: Document, scope: Element | null = null): string | null {
  const root = scope ?? document.documentElement;
  if (!root) return null;
  const found = root.querySelectorAll('time, [class], [id]');
  // Only the first MAX_SCANNED are read: copying the whole list first would cost a long page every element.
  const candidates = Array.from({ length: Math.min(found.length, MAX_SCANNED) }, (_, i) => found[i]!);
  const labels = (el: Element) => classWords(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
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
      // "Von Ada Lowe, 8.5.30", "<div class="date">30.10.30</div>": there a short year is a day, not a version number.
      const shortYear = wanted === inByline || el.tagName === 'TIME' || DATE_HINT.test(labels(el));
      const date = dateInText(text, { shortYear });
      // "Thursday, November 2, 2030" in the site's masthead is the day the page was served, not the story's; one in a
      // teaser is another story's.
      if (date && !inSiteBanner(el) && ofThisStory(el)) return date;
    }
  }
  return null;
}

/** Class names with their camel-case words apart, as the hints read words: "itemPostDate" → "item-Post-Date". */
function classWords(labels: string): string {
  return labels.replace(/([a-z\d])(?=[A-Z])/g, '$1-');
}

/** "November 18, 2019" printed under the headline in an element no class marks as a dateline (not after "Updated"). */
export function dateUnderHeadline(document: Document): string | null {
  for (const el of underHeadline(document)) {
    // Read only as far as a dateline's length: a wrapper holding the whole story is not one.
    const text = collapseWhitespace(spacedText(el, MAX_DATELINE_LENGTH));
    if (!text || text.length > MAX_DATELINE_LENGTH) continue;
    const date = dateInText(text.split(UPDATED)[0]!);
    if (date) return date;
  }
  return null;
}

/** Longer than this, a line above the headline is a kicker or a teaser, not a date line. */
const MAX_DATE_LINE_ABOVE = 40;

/** "30.07.2030" printed alone just above the headline, where small sites put the day of a post. */
export function dateAboveHeadline(document: Document): string | null {
  for (const el of aboveHeadline(document)) {
    const text = collapseWhitespace(spacedText(el, MAX_DATE_LINE_ABOVE));
    if (!text || text.length > MAX_DATE_LINE_ABOVE || UPDATED.test(text)) continue;
    const date = dateInText(text);
    if (date) return date;
  }
  return null;
}

/**
 * What the page's first `<time>` elements print ("November 18, 2019 11:03 PM"), read as dates; the story's own: a
 * comment posted a whole number of quarter hours after the story would pass for the site's offset.
 */
export function printedTimes(document: Document): (string | null)[] {
  const times = document.getElementsByTagName('time');
  const printed: (string | null)[] = [];
  for (let i = 0; i < Math.min(times.length, MAX_TIMES) && printed.length < 5; i++) {
    if (ofThisStory(times[i]!)) printed.push(dateInText(collapseWhitespace(times[i]!.textContent ?? '')));
  }
  return printed;
}

/**
 * "기사입력 :[ 2030-08-25 15:24 ]", "Published: <b>4 May 2030</b>", "This entry was posted on …": a date its label
 * introduces in text no element marks, around the headline first, then anywhere on the page; not in comments, hidden
 * text or other stories.
 */
export function labelledDate(document: Document): string | null {
  const article = headlineScope(document);
  const scopes = new Set([article, document.documentElement]);
  for (const scope of scopes) {
    if (!scope) continue;
    const texts = textsIn(scope, MAX_TEXT_NODES);
    const inArticle = scope === article && scope !== document.documentElement;
    for (const [i, { text, parent }] of texts.entries()) {
      // A label opens a short line of its own; "published" inside a sentence is a verb.
      const titled = text.length <= MAX_DATELINE_LENGTH ? TITLED_POSTED_SENTENCE.exec(text) : null;
      const label =
        (text.length <= MAX_DATELINE_LENGTH ? PUBLISHED_LABEL.exec(text) : null) ??
        (text.length <= MAX_POSTED_SENTENCE ? POSTED_SENTENCE.exec(text) : null) ??
        (inArticle && text.length <= MAX_DATELINE_LENGTH ? DATE_LABEL.exec(text) : null) ??
        titled;
      if (!label || inComments(parent) || isHidden(parent) || someAncestor(parent, inOtherStories)) continue;
      // The date may sit in the next element: "입력 <span>2030.08.25</span>"; the theme's verb a few further on.
      const reach = label === titled ? TITLED_SENTENCE_NODES : LABEL_NODES;
      const after = [text.slice(label[0].length), ...texts.slice(i + 1, i + reach).map((t) => t.text)].join(' ');
      const line = collapseWhitespace(after).slice(0, 60);
      if (label === titled && !POSTED_VERB.test(line)) continue;
      const date = dateInText(line);
      if (date) return date;
    }
  }
  return null;
}

/** The first `max` text nodes under `root` in document order, outside scripts and styles, with their elements. */
function textsIn(root: Element, max: number): { text: string; parent: Element }[] {
  const texts: { text: string; parent: Element }[] = [];
  let node: Node | null = root.firstChild;
  for (let steps = 0; node && texts.length < max && steps < max * 4; steps++) {
    const element = node.nodeType === 1 ? (node as Element) : null;
    if (node.nodeType === 3 && node.parentElement)
      texts.push({ text: node.nodeValue ?? '', parent: node.parentElement });
    let next: Node | null = element && !NOT_TEXT.has(element.tagName) ? node.firstChild : null;
    for (let up: Node | null = node; !next && up && up !== root; up = up.parentNode) next = up.nextSibling;
    node = next;
  }
  return texts;
}
