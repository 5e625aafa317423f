import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';

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
      lineStart: body.lastIndexOf('\n', start - 1) + 1,
      end: node.position.end.offset ?? start,
    });
  }
  return headings;
}

/** Whether a heading is a level-2 heading with this text (trimmed, case-insensitive). */
export function isLevelTwo(heading: Heading, text: string): boolean {
  return heading.depth === 2 && heading.text.trim().toLowerCase() === text.trim().toLowerCase();
}

/** A section: its heading and where it ends (the next heading's line start, or the end of the body). */
export interface Section {
  heading: Heading;
  end: number;
}

/** The first level-2 section titled `text`, found with a real Markdown parser (a `## sources` in a code fence or an
 * HTML block is not a heading). The section runs to the next heading of any level, or the end of the body. */
export function findSection(body: string, headings: Heading[], text: string): Section | null {
  const index = headings.findIndex((heading) => isLevelTwo(heading, text));
  const heading = headings[index];
  if (!heading) return null;
  return { heading, end: headings[index + 1]?.lineStart ?? body.length };
}
