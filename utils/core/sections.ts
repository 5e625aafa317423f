import { outlineBody, type BodyOutline, type OutlineBlock } from './block-outline';
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

/** The body's block structure (see `outlineBody`): linear in the body's length, whatever the body holds. */
export function parseBody(body: string): BodyOutline {
  return outlineBody(body);
}

/** The top-level headings of an outlined body, in document order. */
export function headingsOf(body: string, outline: BodyOutline): Heading[] {
  return outline.blocks
    .filter((block) => block.kind === 'heading')
    .map((block) => ({
      depth: block.depth ?? 1,
      text: block.text ?? '',
      lineStart: lineStartOf(body, block.start),
      end: block.end,
    }));
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
export function unclosedBlockStart(body: string, outline: BodyOutline, section: Section): number | null {
  let last: OutlineBlock | undefined;
  for (const block of outline.blocks) {
    if (block.start >= section.heading.end && block.start < section.end) last = block;
  }
  if (!last || !isUnclosed(last.kind, body.slice(last.start, last.end))) return null;
  return lineStartOf(body, last.start);
}

/** Whether a code or HTML block's source (from its first character to its last) leaves it open. */
export function isUnclosed(kind: OutlineBlock['kind'], source: string): boolean {
  if (kind === 'code') {
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source)?.[1];
    if (!fence) return false;
    const lines = source.split(/\r?\n/);
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    return lines.length < 2 || !close.test(lines[lines.length - 1]!);
  }
  if (kind === 'html') {
    const open = /^[ \t]*<(!--|(?:pre|script|style|textarea)\b)/i.exec(source)?.[1]?.toLowerCase();
    if (!open) return false;
    return open === '!--' ? !source.includes('-->') : !new RegExp(`</${open}>`, 'i').test(source);
  }
  return false;
}

/** The first level-2 section titled `text`, found by the CommonMark block scanner (a `## sources` in a code fence or an
 * HTML block is not a heading). The section runs to the next heading of any level, or the end of the body. */
export function findSection(body: string, headings: Heading[], text: string): Section | null {
  const index = headings.findIndex((heading) => isLevelTwo(heading, text));
  const heading = headings[index];
  if (!heading) return null;
  return { heading, end: headings[index + 1]?.lineStart ?? body.length };
}
