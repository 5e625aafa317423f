import type { BodyOutline } from './block-outline';
import { neutraliseValue } from './callout';
import { locateFrontmatter } from './note';
import type { NoteOptions } from './note-options';
import { parseBody } from './sections';
import { normaliseUrl } from './url';

/** A web address in callout text: stops at whitespace, `<>"` and brackets (Markdown link syntax). */
const URL_IN_TEXT = /https?:\/\/[^\s<>"[\]]+/gi;

/** Markdown backslash escapes (`\[`, `\>`, `\#`, …): undone before reading URLs. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

const SENTENCE_END = ".,;:!?'*_~";

/** Offset before the sentence punctuation that ends `text` before `end`. */
function beforeSentenceEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && SENTENCE_END.includes(text[at - 1]!)) at -= 1;
  return at;
}

/** Drops punctuation that ends a sentence rather than the URL, and a `)` that closes a Markdown link. The brackets
 * are counted once (counting them again for each `)` dropped took quadratic time on a run of `)`). */
function trimUrl(url: string): string {
  let end = beforeSentenceEnd(url, url.length);
  let opens = 0;
  let closes = 0;
  for (let index = 0; index < end; index += 1) {
    if (url[index] === '(') opens += 1;
    else if (url[index] === ')') closes += 1;
  }
  while (url[end - 1] === ')' && opens < closes) {
    closes -= 1;
    end = beforeSentenceEnd(url, end - 1);
  }
  return url.slice(0, end);
}

/** Normalised URLs written in a piece of Markdown source (escapes undone). */
export function urlsInMarkdown(source: string): string[] {
  // Called once per callout of a note on every clip (issue 14): text without a backslash is not copied, and the
  // matches are read one by one rather than gathered into an array first.
  const text = source.includes('\\') ? source.replace(ESCAPE, '$1') : source;
  const urls: string[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let match = URL_IN_TEXT.exec(text); match !== null; match = URL_IN_TEXT.exec(text)) {
    urls.push(normaliseUrl(trimUrl(match[0])));
  }
  return urls;
}

/**
 * The key under which a clip's URL is looked up among the cited ones: the URL read back exactly as the callout
 * renderer writes it, so a clip applied twice is always recognised the second time.
 */
export function sourceKey(url: string): string {
  return urlsInMarkdown(neutraliseValue(url))[0] ?? normaliseUrl(url);
}

/** A line that may open a callout; a body without one has none, and is not parsed at all. */
const CALLOUT_LINE = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)*(?:>[ \t]*)+\[!/m;

/** The `>` markers (and spaces) a line starts with, after any list markers; then what the line says. */
const QUOTE_PREFIX = /^[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*([ \t>]*)/;

/**
 * A callout's text without the lines of a quote inside it, those quoted deeper than its first line (`> > …`, issue
 * 17): a quote's links are what the page cites, not the source the callout cites. A callout nested in it (`> >
 * [!ref] …`, whose lines the outline does not list apart) still counts, down to where its depth ends.
 */
function calloutOwnText(callout: string): string {
  const kept: string[] = [];
  let own = -1;
  let nested = Infinity;
  for (const line of callout.split('\n')) {
    const match = QUOTE_PREFIX.exec(line);
    const depth = (match?.[1] ?? '').split('>').length - 1;
    if (own === -1) own = depth;
    if (depth <= own) nested = Infinity;
    else if (line.startsWith('[!', match?.[0].length ?? 0)) nested = Math.min(nested, depth);
    else if (depth < nested) nested = Infinity;
    if (depth <= own || depth >= nested) kept.push(line);
  }
  return kept.join('\n');
}

/** Normalised URLs cited by the callouts (`> [!type] …` blockquotes, at any depth) of a note body. `root` is the
 * body's outline when the caller already has it. */
export function citedUrlsInBody(body: string, outline?: BodyOutline): string[] {
  if (!outline && !CALLOUT_LINE.test(body)) return [];
  const callouts = (outline ?? parseBody(body)).callouts;
  return [...new Set(callouts.flatMap(([start, end]) => urlsInMarkdown(calloutOwnText(body.slice(start, end)))))];
}

/** Whether a callout of a note body cites the normalised URL `key`; stops at the first that does. */
export function bodyCites(body: string, key: string, outline?: BodyOutline): boolean {
  if (!outline && !CALLOUT_LINE.test(body)) return false;
  return (outline ?? parseBody(body)).callouts.some(([start, end]) =>
    urlsInMarkdown(body.slice(start, end)).includes(key),
  );
}

/**
 * Normalised URLs (see `normaliseUrl`) of every callout in a note, in order, without duplicates; used by the
 * companion's source index and by dedupe. Never throws: the frontmatter is skipped by its lines alone. Callouts
 * count wherever they are (the issue: "a callout in the note"), so the options are accepted for the shared
 * signature but do not narrow the search.
 */
export function citedUrls(noteText: string, _options?: Pick<NoteOptions, 'sourcesHeading'>): string[] {
  const block = locateFrontmatter(noteText);
  // A BOM is not part of the first line, as the engine reads it (a callout on that line counts).
  return citedUrlsInBody(noteText.slice(block ? block.end : noteText.startsWith('\uFEFF') ? 1 : 0));
}
