import type { Clip } from './clip';

/** The placeholders a callout template may use, each filled from the clip field of the same name. */
export const CALLOUT_PLACEHOLDERS = ['publisher', 'title', 'url', 'why', 'byline', 'published', 'summary'] as const;

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

/**
 * Renders a reference callout: each `{placeholder}` (see `CALLOUT_PLACEHOLDERS`) is replaced by the clip's value
 * after `neutraliseValue`; unknown `{words}` stay as written. A template line holding placeholders that are all
 * empty is left out (so the default drops "Why it matters:" when there is no why), except the first line, which
 * opens the callout (`> [!ref] …`) and is always kept; a line without placeholders is kept. Lines are joined by `\n` with no trailing newline; the note's own line ending is applied on insert.
 */
export function renderCallout(template: string, clip: Clip): string {
  const values: Record<string, string> = {
    publisher: neutraliseValue(clip.publisher),
    title: neutraliseValue(clip.title),
    url: neutraliseValue(clip.url),
    why: neutraliseValue(clip.why ?? ''),
    byline: neutraliseValue(clip.byline ?? ''),
    published: neutraliseValue(clip.published ?? ''),
    summary: neutraliseValue(clip.summary ?? ''),
  };
  const lines: string[] = [];
  template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, index) => {
      const names = [...line.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
      if (index > 0 && names.length > 0 && names.every((name) => values[name] === '')) return;
      lines.push(line.replace(PLACEHOLDER, (_whole, name: string) => values[name] ?? ''));
    });
  return lines.join('\n');
}
