import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';

/** A heading at the top level of a note's body (not inside a quote, list, code block or HTML block). */
export interface Heading {
  depth: number;
  /** The heading's text, as Markdown renders it (`## **Sources** ##` → `Sources`). */
  text: string;
  /** Offset of the start of the heading's first line. */
  lineStart: number;
  /** Offset just after the heading's last character (before its line ending). */
  end: number;
}

/** The body parsed as CommonMark (positions are offsets into the body). */
export function parseBody(body: string): Root {
  return fromMarkdown(body);
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
