import type { Clip } from './clip';

/** The placeholders a callout template may use, each filled from the clip field of the same name. */
export const CALLOUT_PLACEHOLDERS = [
  'publisher',
  'title',
  'url',
  'why',
  'byline',
  'published',
  'summary',
  'fulltext',
  'quote',
] as const;

const PLACEHOLDER = new RegExp(`\\{(${CALLOUT_PLACEHOLDERS.join('|')})\\}`, 'g');

/** Whitespace of any kind (newlines, tabs, NBSP, U+2028…) and control characters, in runs. */
const WHITESPACE_OR_CONTROL = /[\s\p{Cc}]+/gu;

/**
 * Makes one untrusted value (page text) safe to put on one line of a note. The exact rules, in order:
 * 1. every run of whitespace or control characters (newline, CR, tab, NBSP, U+2028, NUL, …) becomes one space;
 * 2. leading and trailing spaces are trimmed;
 * 3. `[[` becomes `\[\[` and `]]` becomes `\]\]` (scanning left to right), so no wikilink opens or closes;
 * 4. a leading `>` or `#` gets a backslash (`\>`, `\#`), so the value never opens a quote, callout or heading
 *    even where a template puts it at the start of a line.
 * Nothing else is changed: Markdown emphasis, links and inline HTML stay as the page wrote them.
 */
export function neutraliseValue(value: string): string {
  const oneLine = value.replace(WHITESPACE_OR_CONTROL, ' ').trim();
  const unlinked = oneLine.replace(/\[\[/g, '\\[\\[').replace(/\]\]/g, '\\]\\]');
  return /^[>#]/.test(unlinked) ? `\\${unlinked}` : unlinked;
}

/** Line breaks of every kind a Markdown reader or editor may honour: CRLF, CR, LF, VT, FF, NEL, U+2028/9. */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;

/** Control characters but the tab (code blocks keep their indentation). */
const CONTROL_BUT_TAB = /[^\P{Cc}\t]/gu;

/** `[!` opening a line's content after any quote markers, list markers and spaces: where a callout would start. */
const CALLOUT_OPENER = /^((?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*)\[!/;

/**
 * The lines of a quote (Markdown), each made safe to follow a template's `> > `. The quote's own Markdown stays
 * (links, emphasis, code, lists, deeper `>` quotes), except what could reach outside the quote:
 * 1. every kind of line break (CR, VT, FF, NEL, U+2028, U+2029) is a line break; other control characters but the
 *    tab become a space; trailing spaces go, and blank lines at either end;
 * 2. `[[` becomes `\[\[` and `]]` becomes `\]\]`, as in `neutraliseValue`, so the quote links and embeds nothing of the
 *    vault (a page's own links are `[text](https://…)`, which turndown writes);
 * 3. a `[!` where a line's content starts (after `>`, list markers and spaces) gets a backslash, so no line of the
 *    quote opens a callout of its own.
 * Every line gets the template line's prefix, so none can end the callout. Inline HTML stays, as in other values:
 * the extension's turndown escapes `<` in the page's text, so only tags a caller wrote by hand reach a note.
 */
export function quoteLines(quote: string): string[] {
  const lines = quote
    .split(LINE_BREAK)
    .map((line) =>
      line
        .replace(CONTROL_BUT_TAB, ' ')
        .trimEnd()
        .replace(/\[\[/g, '\\[\\[')
        .replace(/\]\]/g, '\\]\\]')
        .replace(CALLOUT_OPENER, '$1\\[!'),
    );
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start += 1;
  while (end > start && lines[end - 1] === '') end -= 1;
  return lines.slice(start, end);
}

/**
 * The source note's path as a wikilink (`[[sources/Title]]`); '' when there is none. Characters that would end or
 * redirect the link (`[]|#^`, line breaks, control characters) become spaces; refclip's own file names have none.
 */
export function fulltextLink(path: string | undefined): string {
  const target = (path ?? '').replace(/[[\]|#^\s\p{Cc}]+/gu, ' ').trim();
  return target === '' ? '' : `[[${target}]]`;
}

/**
 * Renders a reference callout: each `{placeholder}` (see `CALLOUT_PLACEHOLDERS`) is replaced by the clip's value
 * after `neutraliseValue`; `{fulltext}` by `fulltextLink`, and a line holding `{quote}` is repeated once per line of
 * `quoteLines` (a blank quote line keeps the prefix without its trailing space: `> >`); unknown `{words}` stay. A template line holding placeholders that are all
 * empty is left out (so the default drops "Why it matters:" when there is no why), except the first line, which
 * opens the callout (`> [!ref] …`) and is always kept; a line without placeholders is kept. Lines are joined by `\n` with no trailing newline; the note's own line ending is applied on insert.
 */
export function renderCallout(template: string, clip: Clip): string {
  const quote = quoteLines(clip.quote ?? '');
  const values: Record<string, string> = {
    publisher: neutraliseValue(clip.publisher),
    title: neutraliseValue(clip.title),
    url: neutraliseValue(clip.url),
    why: neutraliseValue(clip.why ?? ''),
    byline: neutraliseValue(clip.byline ?? ''),
    published: neutraliseValue(clip.published ?? ''),
    summary: neutraliseValue(clip.summary ?? ''),
    fulltext: fulltextLink(clip.fulltext),
  };
  const isEmpty = (name: string) => (name === 'quote' ? quote.length === 0 : values[name] === '');
  const lines: string[] = [];
  template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, index) => {
      const names = [...line.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
      if (index > 0 && names.length > 0 && names.every(isEmpty)) return;
      const fill = (quoted: string) =>
        line.replace(PLACEHOLDER, (_whole, name: string) => (name === 'quote' ? quoted : (values[name] ?? '')));
      if (!names.includes('quote')) lines.push(fill(''));
      else if (quote.length === 0) lines.push(fill('').trimEnd());
      else for (const quoted of quote) lines.push(quoted === '' ? fill('').trimEnd() : fill(quoted));
    });
  return lines.join('\n');
}
