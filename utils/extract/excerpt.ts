import { dateInText, opensWithMonthName } from './dates';
import { descriptionText, MAX_LABEL_LINE, namesRatherThanSummarises } from './description-text';
import { opensWithByline } from './page-layout';
import { isSiteWideDescription } from './site-wide-description';
import { cleanText, cutAtWord, looseKey } from './text';

const MAX_EXCERPT = 300;
const CONTENT_SCOPES = [
  '[itemprop~="articleBody"]',
  'article',
  '[role="main"]',
  'main',
  '.post-content',
  '.entry-content',
  '.article-body',
  '#content',
];
// Captions and credits outside <figure> ("wp-caption-text", "thumbcaption", "image-credit") describe a picture.
const SKIPPED_ANCESTORS =
  'nav, header, footer, aside, figure, figcaption, form, blockquote, noscript, [role="navigation"], [role="note"], [aria-hidden="true"], [class*="caption"], [class*="Caption"], [class*="credit"]';

/** What an excerpt must not repeat: the title and site name again, or the site's own description of itself. */
export interface NotASummary {
  /** The article's title as cited, without the site's name: what a summary is about. */
  title: string | null;
  /** The title with the site's name, the `<title>`, the site's name. */
  titles: readonly (string | null)[];
  /** The site's descriptions of itself declared in JSON-LD (WebSite, Organization). */
  siteDescriptions: readonly string[];
  /** The names the site goes by (declared, publisher, the `<title>`'s last segment). */
  siteNames: readonly string[];
  /** The page is the site's home page, whose summary the site's description is. */
  homePage: boolean;
}

/** Where sites print their tagline: WordPress themes' `.site-description`, schema.org's slogan. */
const TAGLINE_SELECTOR = '.site-description, #site-description, .site-tagline, [itemprop="slogan"]';

/**
 * One or two sentences, at most 300 characters, cut at a word boundary: the page's description when it is real
 * prose (not the title or the site's name again, not the site's description repeated on every page), else the
 * summary printed under the headline, else the article's first paragraph.
 */
export function chooseExcerpt(
  descriptions: readonly (string | null)[],
  document: Document,
  avoid: NotASummary,
): string | null {
  const avoidKeys = new Set(
    [avoid.title, ...avoid.titles, ...avoid.siteDescriptions].filter((a): a is string => !!a).map(looseKey),
  );
  const dek = lazy(() => markedDek(document, avoidKeys));
  // Read only for a page that declares a description: most of the work is finding the lead.
  const evidence = lazy(() => ({
    title: avoid.title,
    siteDescriptions: [...avoid.siteDescriptions, printedTagline(document)],
    siteNames: avoid.siteNames,
    lead: () => dek() ?? firstParagraph(document),
  }));
  const siteKeys = avoid.siteNames.map(looseKey).filter((key) => key.length >= 3);
  const usable = descriptions
    .map((raw) => descriptionText(cleanText(raw, 4000)))
    .filter(
      (text): text is string =>
        !!text &&
        isProse(text) &&
        !avoidKeys.has(looseKey(text)) &&
        !namesRatherThanSummarises(text, avoidKeys, siteKeys),
    );
  const first = avoid.homePage ? usable[0] : usable.find((text) => !isSiteWideDescription(text, evidence()));
  if (first) return completeDescription(first, descriptions, document);
  // The summary the page prints under its headline, when it marks one, is written as one: better than a paragraph.
  if (dek()) return shorten(dek()!);
  // A description is a summary already; a paragraph gives its first two sentences.
  const paragraph = firstParagraph(document);
  return paragraph ? shorten(paragraph, 2) : null;
}

/** Classes sites give the summary printed under a headline: a dek, a standfirst, a sub-headline. */
const DEK_SELECTOR =
  '.dek, .standfirst, .article-dek, .article-standfirst, .article__dek, .article__standfirst, .c-dek, .sub-headline, .subheadline';

/** A marked dek of prose, not in a list of other stories and not the title or the site's description again. */
function markedDek(document: Document, avoidKeys: ReadonlySet<string>): string | null {
  for (const element of Array.from(document.querySelectorAll(DEK_SELECTOR)).slice(0, 3)) {
    if (element.closest('li, aside, nav, footer')) continue;
    const text = cleanText(element.textContent, 1000);
    if (text && text.length >= 40 && isProse(text) && !avoidKeys.has(looseKey(text))) return text;
  }
  return null;
}

function printedTagline(document: Document): string | null {
  const tagline = document.querySelector(TAGLINE_SELECTOR);
  return tagline && !tagline.closest('article, main') ? cleanText(tagline.textContent, 1000) : null;
}

function lazy<T>(read: () => T): () => T {
  let value: { read: T } | null = null;
  return () => (value ??= { read: read() }).read;
}

/** "…", "..." or WordPress's "[…]" where a summary was cut off. */
const CLIPPED = /(?<!\s)\s*(?:\[(?:\.{3}|…)\]|\.{3}|…)$/;
const MIN_CUT_LENGTH = 90;
/** How a finished sentence ends, closing quotes and brackets included. */
const SENTENCE_END = /[.!?。！？]["'”’»)\]]*$/;

/**
 * A description the CMS cut off ("…faces questions about t...", "…a strong candi") is completed from another declared
 * description or the article's first paragraph that it was cut from. Failing that, one marked as cut keeps its
 * finished sentences and loses the fragment; an unmarked one is kept as written.
 */
function completeDescription(text: string, descriptions: readonly (string | null)[], document: Document): string {
  const clipped = CLIPPED.test(text);
  // "…the U.S." ends like a sentence but may be cut at an abbreviation. CMSs cut descriptions near a length limit
  // (110 to 160 characters): a shorter one without an ellipsis is whole.
  if (!clipped && ((SENTENCE_END.test(text) && !ABBREVIATION.test(text)) || text.length < MIN_CUT_LENGTH)) {
    return shorten(text);
  }
  const stem = looseKey(text.replace(CLIPPED, ''));
  const extends_ = (candidate: string | null): candidate is string =>
    !!candidate &&
    !CLIPPED.test(candidate) &&
    looseKey(candidate).startsWith(stem) &&
    looseKey(candidate).length > stem.length;
  const declared = descriptions.map((raw) => cleanText(raw, 4000)).find(extends_);
  if (declared) return shorten(declared);
  const paragraph = stem ? firstParagraph(document) : null;
  if (extends_(paragraph)) {
    const sentences = shorten(paragraph, 2);
    if (looseKey(sentences).length >= stem.length) return sentences;
  }
  return clipped ? finishedSentences(text) : shorten(text);
}

/** The finished sentences before a cut-off fragment, when they make a summary of their own; else the text as is. */
function finishedSentences(text: string): string {
  // An ellipsis inside the text ("… what a time to be alive …") is a pause, not the end of a sentence.
  const ends = Array.from(text.replace(CLIPPED, '').matchAll(/(?<![.…])[.!?。！？](?![.…])["'”’»)\]]*(?=\s)/g));
  for (let i = ends.length - 1; i >= 0; i--) {
    const end = ends[i]!.index + ends[i]![0].length;
    const kept = text.slice(0, end);
    if (midSentence(kept, text.slice(end))) continue;
    return kept.length >= MIN_SUMMARY ? shorten(kept, MAX_SENTENCES) : shorten(text);
  }
  return shorten(text);
}

/** Not a lone word or label: two words at least, or a run of CJK text (written without spaces). */
function isProse(text: string): boolean {
  // Latin letters first: the Unicode classes cost a compile on a cold page, and most text has them.
  if (text.length < 10 || !(/[a-z]{2}/i.test(text) || /\p{L}{2}/u.test(text))) return false;
  return text.includes(' ') || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{6}/u.test(text);
}

/**
 * Full stops that do not end a sentence: initials and abbreviations ("S.C.", "Rep.", "Mr.", a citation's "et al."),
 * US states as datelines write them ("ST. JOSEPH, Mich.").
 */
const ABBREVIATION =
  /(?:\b[A-Za-z]|\b(?:al|Mr|Mrs|Ms|Dr|St|Rep|Sen|Gov|Gen|Lt|Col|Jr|Sr|No|vs|etc|Inc|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo))\.$/;

/**
 * Whether the full stop that ends `kept` ends no sentence: in a version number ("0.17.0"), after an abbreviation, or
 * after a number that is an ordinal as German writes them ("Am 12. Mai", "am 3. des Monats"), which a month's name or
 * a lower-case word follows. "The storm killed 12. Rescuers…" ends one.
 */
function midSentence(kept: string, rest: string): boolean {
  // A version or a decimal: "0.17.0", "1.5".
  if (/\d\.$/.test(kept) && /^\d/.test(rest)) return true;
  const text = kept.trimEnd();
  if (ABBREVIATION.test(text)) return true;
  return /(?<![\d.])\d{1,2}\.$/.test(text) && (opensWithMonthName(rest) || /^\s*\p{Ll}/u.test(rest));
}
const MAX_SENTENCES = 2;
/** Shorter than this, what is left of a cut description says too little to replace it. */
const MIN_SUMMARY = 40;

/**
 * Keeps the first sentences (at most `maxSentences`, and at most two) that fit in 300 characters; a single longer
 * sentence is cut at a word. Text that fits is kept whole unless a sentence count is asked for.
 */
function shorten(text: string, maxSentences = Infinity): string {
  if (text.length <= MAX_EXCERPT && maxSentences === Infinity) return text;
  const limit = Math.min(maxSentences, MAX_SENTENCES);
  // Linear: the run of non-terminators always ends at a terminator or at the end, and both branches accept there,
  // so no attempt fails and each match resumes where the last one ended.
  // eslint-disable-next-line regexp/no-super-linear-move
  const pieces = text.match(/[^.!?。！？]+(?:[.!?。！？]+["'”’)]*\s*|$)/g) ?? [text];
  let kept = '';
  let finished = '';
  let sentences = 0;
  for (const [i, piece] of pieces.entries()) {
    if ((kept + piece).trim().length > MAX_EXCERPT) break;
    kept += piece;
    if (i === pieces.length - 1) return kept.trim();
    // "10 p.m.", "Elizabeth A. Smith": a full stop after an initial or abbreviation does not end the sentence.
    if (midSentence(kept, pieces[i + 1]!)) continue;
    finished = kept;
    if (++sentences >= limit) break;
  }
  return finished.trim() || cutAtWord(text, MAX_EXCERPT);
}

const BLOCK_TAGS = new Set(
  'DIV P SECTION ARTICLE UL OL DL TABLE H1 H2 H3 H4 H5 H6 HEADER FOOTER NAV ASIDE FORM BLOCKQUOTE PRE FIGURE MAIN'.split(
    ' ',
  ),
);
const MAX_PARAGRAPHS = 300;
/**
 * Affiliate, sponsorship and opinion disclaimers that open many reviews, blog posts and contributor columns: they say
 * nothing about the article.
 */
const DISCLOSURE =
  /\b(?:contains? affiliate links?|affiliate links? (?:in|on) this|(?:may|might) (?:earn|receive|get) (?:a |an )?(?:small )?(?:commission|share)|(?:has|have) been (?:compensated|sponsored)|sponsored by|in partnership with|(?:this|the following) (?:post|article|content) (?:is|was) sponsored|opinions expressed (?:by|in) .{1,60} are (?:their|his|her|the author'?s) own)\b/i;
/**
 * A word each of DISCLOSURE's alternatives spells: a paragraph without one is no disclosure, and a cold page whose
 * paragraphs hold none never compiles the pattern (issue 16).
 */
const DISCLOSURE_WORDS = [
  'affiliate',
  'commission',
  'share',
  ' been ',
  'sponsored',
  'partnership',
  'opinions expressed',
];

function isDisclosure(text: string): boolean {
  const lower = text.toLowerCase();
  return DISCLOSURE_WORDS.some((word) => lower.includes(word)) && DISCLOSURE.test(text);
}

/** A cookie banner's "This website uses cookies". */
const COOKIE_NOTICE = /\b(?:uses?|using|use of) cookies\b/i;
/** A short prompt to do something else than read: "Sign up for our newsletter", "Chat with us in Messenger". */
const CALL_TO_ACTION =
  /\b(?:sign up|subscribe|newsletter|download (?:our|the) app|get (?:our|the) app|follow us|chat with us|click here|read more|watch (?:now|live)|listen (?:now|live))\b/i;
/** A dateline set as a paragraph: "Posted: Fri 6:45 PM", "Updated March 3, 2030"; not "Published reports say…". */
const DATELINE_LABEL = /^(?:posted|published|updated|last updated)\b/i;
const BARE_LINK = /^https?:\/\/\S+$/;

/**
 * A paragraph that opens a page but is not the story's: a disclosure, a cookie notice, a byline, a date, a URL, a
 * call to action.
 */
function notTheStory(text: string): boolean {
  const head = text.slice(0, 200);
  if (isDisclosure(head) || COOKIE_NOTICE.test(head)) return true;
  if (text.length >= MAX_LABEL_LINE) return false;
  const dateline = DATELINE_LABEL.test(text) && (/^[^:]{0,20}:/.test(text) || !!dateInText(text));
  return dateline || opensWithByline(text) || BARE_LINK.test(text) || CALL_TO_ACTION.test(text);
}

/**
 * The article's first paragraph: a `<p>`, or a `<div>` holding text and no blocks (pages that write paragraphs as
 * divs), with at least `minLength` visible characters, outside navigation and mostly not links.
 */
export function firstParagraph(document: Document): string | null {
  // One query for every scope, then in order of trust: each separate query would walk the whole page again.
  const found = Array.from(document.querySelectorAll(CONTENT_SCOPES.join(', ')));
  const scopes = CONTENT_SCOPES.map((selector) => found.find((el) => el.matches(selector))).filter(
    (el): el is Element => el !== undefined,
  );
  // The whole document last, not `document.body`: with stray <body> tags some DOMs return the wrong one.
  if (document.documentElement) scopes.push(document.documentElement);
  for (const minLength of [60, 1]) {
    for (const scope of scopes) {
      const candidates = scope.querySelectorAll('p, div');
      const limit = Math.min(candidates.length, MAX_PARAGRAPHS);
      for (let i = 0; i < limit; i++) {
        const el = candidates[i]!;
        if (el.tagName === 'DIV' && Array.from(el.children).some((child) => BLOCK_TAGS.has(child.tagName))) continue;
        const text = cleanText(visibleText(el), 4000);
        if (!text || text.length < minLength || el.closest(SKIPPED_ANCESTORS) || hasHiddenAncestor(el)) continue;
        if (el.tagName === 'DIV' && followsImage(el)) continue;
        if (notTheStory(text)) continue;
        const linkText = Array.from(el.getElementsByTagName('a')).reduce((n, a) => n + (a.textContent ?? '').length, 0);
        if (linkText > text.length * 0.5) continue;
        return text;
      }
    }
  }
  return null;
}

/** `<img><div>Caption</div>` (infoboxes, table layouts): a text block right after a picture is its caption. */
function followsImage(el: Element): boolean {
  const previous = el.previousElementSibling;
  if (!previous) return false;
  if (previous.tagName === 'IMG' || previous.tagName === 'PICTURE') return true;
  const only = previous.children.length === 1 ? previous.firstElementChild : null;
  return (
    previous.tagName === 'A' && !!only && ['IMG', 'PICTURE'].includes(only.tagName) && !previous.textContent?.trim()
  );
}

function isHiddenElement(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')
  );
}

function hasHiddenAncestor(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (isHiddenElement(node)) return true;
  }
  return false;
}

/** Text a reader sees: hidden elements, scripts and styles left out. */
function visibleText(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName) || isHiddenElement(el)) continue;
      text += visibleText(el);
    }
  }
  return text;
}
