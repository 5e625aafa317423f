import type { Blockquote, Nodes, Root } from 'mdast';
import { neutraliseValue } from './callout';
import { locateFrontmatter } from './note';
import type { NoteOptions } from './note-options';
import { parseBody } from './sections';
import { normaliseUrl } from './url';

/** A web address in callout text: stops at whitespace, `<>"` and brackets (Markdown link syntax). */
const URL_IN_TEXT = /https?:\/\/[^\s<>"[\]]+/gi;

/** Markdown backslash escapes (`\[`, `\>`, `\#`, …): undone before reading URLs. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Drops punctuation that ends a sentence rather than the URL, and a `)` that closes a Markdown link. */
function trimUrl(url: string): string {
  let trimmed = url.replace(/[.,;:!?'*_~]+$/, '');
  while (trimmed.endsWith(')') && trimmed.split('(').length < trimmed.split(')').length) {
    trimmed = trimmed.slice(0, -1).replace(/[.,;:!?'*_~]+$/, '');
  }
  return trimmed;
}

/** Normalised URLs written in a piece of Markdown source (escapes undone). */
export function urlsInMarkdown(source: string): string[] {
  return [...source.replace(ESCAPE, '$1').matchAll(URL_IN_TEXT)].map((match) => normaliseUrl(trimUrl(match[0])));
}

/**
 * The key under which a clip's URL is looked up among the cited ones: the URL read back exactly as the callout
 * renderer writes it, so a clip applied twice is always recognised the second time.
 */
export function sourceKey(url: string): string {
  return urlsInMarkdown(neutraliseValue(url))[0] ?? normaliseUrl(url);
}

function isCallout(node: Blockquote, body: string): boolean {
  const start = node.position?.start.offset ?? 0;
  return /^>[ \t]*\[![^\]\s]+\]/.test(body.slice(start, start + 200));
}

function collectCallouts(node: Nodes, body: string, found: string[]): void {
  if (node.type === 'blockquote' && isCallout(node, body)) {
    found.push(body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0));
    return;
  }
  if ('children' in node) for (const child of node.children) collectCallouts(child, body, found);
}

/** A line that may open a callout; a body without one has none, and is not parsed at all. */
const CALLOUT_LINE = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)*(?:>[ \t]*)+\[!/m;

/** Normalised URLs cited by the callouts (`> [!type] …` blockquotes, at any depth) of a note body. `root` is the
 * body's Markdown tree when the caller already has it. */
export function citedUrlsInBody(body: string, root?: Root): string[] {
  if (!root && !CALLOUT_LINE.test(body)) return [];
  const callouts: string[] = [];
  collectCallouts(root ?? parseBody(body), body, callouts);
  return [...new Set(callouts.flatMap(urlsInMarkdown))];
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
