import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { lineStartOf } from './note';

/** A heading at the top level of a note's body (not inside a quote, list, code block or HTML block). */
export interface Heading {
  depth: number;
  /** The heading's text as written, without the `#` marks, closing sequence or setext underline
   * (`## Sources ##` → `Sources`; inline Markdown such as `**` is kept). */
  text: string;
  /** Offset of the start of the heading's first line. */
  lineStart: number;
  /** Offset just after the heading's last character (before its line ending). */
  end: number;
}

/**
 * Inline constructs, switched off: CommonMark settles the block structure (headings, quotes, fences, HTML blocks)
 * before any inline parsing, so the engine needs none of them, and parsing without them takes about half the time.
 */
const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
];

/** The body's block structure as CommonMark parses it (positions are offsets into the body). */
export function parseBody(body: string): Root {
  return fromMarkdown(body, { extensions: [{ disable: { null: INLINE_CONSTRUCTS } }] });
}

/** The top-level headings of a parsed body, in document order. */
export function headingsOf(body: string, root: Root): Heading[] {
  const headings: Heading[] = [];
  for (const node of root.children) {
    if (node.type !== 'heading' || !node.position) continue;
    const start = node.position.start.offset ?? 0;
    headings.push({
      depth: node.depth,
      text: toString(node),
      lineStart: lineStartOf(body, start),
      end: node.position.end.offset ?? start,
    });
  }
  return headings;
}

/** Whether a heading is a level-2 heading with this text (trimmed, case-insensitive, `**bold**` or `_emphasis_`
 * around the whole text ignored: `## **Sources**` is the sources heading as Obsidian shows it). */
export function isLevelTwo(heading: Heading, text: string): boolean {
  return heading.depth === 2 && headingKey(heading.text) === headingKey(text);
}

function headingKey(text: string): string {
  const trimmed = text.trim();
  const emphasis = /^([*_]{1,3})(.*\S)\1$/.exec(trimmed);
  return (emphasis ? emphasis[2]! : trimmed).trim().toLowerCase();
}

/** A section: its heading and where it ends (the next heading's line start, or the end of the body). */
export interface Section {
  heading: Heading;
  end: number;
}

/**
 * Where the section's last block starts, when that block is still open at the section's end and would swallow lines
 * appended after it: a code fence or an HTML comment, `<pre>`, `<script>`, `<style>` or `<textarea>` block never
 * closed. A callout written after it would land inside it.
 */
export function unclosedBlockStart(body: string, root: Root, section: Section): number | null {
  let last: RootContent | undefined;
  for (const node of root.children) {
    const start = node.position?.start.offset ?? -1;
    if (start >= section.heading.end && start < section.end) last = node;
  }
  if (!last?.position) return null;
  const source = body.slice(last.position.start.offset ?? 0, last.position.end.offset ?? 0);
  if (!isUnclosed(last, source)) return null;
  return lineStartOf(body, last.position.start.offset ?? 0);
}

function isUnclosed(node: RootContent, source: string): boolean {
  if (node.type === 'code') {
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source)?.[1];
    if (!fence) return false;
    const lines = source.split(/\r?\n/);
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    return lines.length < 2 || !close.test(lines[lines.length - 1]!);
  }
  if (node.type === 'html') {
    const open = /^[ \t]*<(!--|(?:pre|script|style|textarea)\b)/i.exec(source)?.[1]?.toLowerCase();
    if (!open) return false;
    return open === '!--' ? !source.includes('-->') : !new RegExp(`</${open}>`, 'i').test(source);
  }
  return false;
}

/** The first level-2 section titled `text`, found with a real Markdown parser (a `## sources` in a code fence or an
 * HTML block is not a heading). The section runs to the next heading of any level, or the end of the body. */
export function findSection(body: string, headings: Heading[], text: string): Section | null {
  const index = headings.findIndex((heading) => isLevelTwo(heading, text));
  const heading = headings[index];
  if (!heading) return null;
  return { heading, end: headings[index + 1]?.lineStart ?? body.length };
}
