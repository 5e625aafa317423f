import type { BodyOutline } from './block-outline';
import type { LineEnding } from './note';
import type { NoteOptions } from './note-options';
import { findSection, headingsOf, isLevelTwo, parseBody, unclosedBlockStart } from './sections';

/** Offset just after the last non-blank line's last character (trailing spaces kept on it), or -1 when all blank. */
function endOfLastNonBlankLine(text: string, from: number, to: number): number {
  let index = to - 1;
  while (index >= from && /[ \t\r\n]/.test(text[index] ?? '')) index -= 1;
  if (index < from) return -1;
  return endOfTrailingSpaces(text, index + 1);
}

/** Offset after the spaces and tabs that follow `offset` on its line. */
function endOfTrailingSpaces(text: string, offset: number): number {
  let end = offset;
  while (text[end] === ' ' || text[end] === '\t') end += 1;
  return end;
}

function splice(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

/**
 * Inserts a rendered callout (already in the note's line ending) into a note body:
 * - into the first level-2 section named `options.sourcesHeading` (a real heading, found by the block scanner):
 *   right after the section's last non-blank line, separated from it by exactly one blank line; the blank lines
 *   that followed that line stay after the callout. A section with only its heading gets the heading, one blank
 *   line, the callout, then its original trailing blank lines. A section ending in a block left open (a code fence
 *   never closed) gets the callout just before that block, which would otherwise swallow it;
 * - else a new section (`## <sourcesHeading>`, blank line, callout, blank line) goes immediately before the first
 *   level-2 heading (in document order) named in `options.insertBefore`;
 * - else the section is appended after the body's last non-blank line, one blank line between; whatever followed
 *   that line (its final newline, or none) stays at the end. In a blank body it follows one blank line after the
 *   frontmatter (`frontmatterEndsWithEol` tells whether the frontmatter block ended with a line ending).
 * Nothing else in the body changes. `outline` is the body's block outline when the caller already has it.
 */
export function insertCallout(
  body: string,
  callout: string,
  options: Pick<NoteOptions, 'sourcesHeading' | 'insertBefore'>,
  eol: LineEnding,
  frontmatterEndsWithEol: boolean,
  outline: BodyOutline = parseBody(body),
): string {
  const headings = headingsOf(body, outline);
  const section = findSection(body, headings, options.sourcesHeading);
  if (section) {
    const open = unclosedBlockStart(body, outline, section);
    const last = endOfLastNonBlankLine(body, section.heading.end, open ?? section.end);
    const at = last === -1 ? endOfTrailingSpaces(body, section.heading.end) : last;
    // Before an open block the callout needs a blank line of its own to end it.
    const gap = open !== null && !/\n[ \t]*\r?\n/.test(body.slice(at, open)) ? eol : '';
    return splice(body, at, eol + eol + callout + gap);
  }
  const newSection = `## ${options.sourcesHeading.trim()}${eol}${eol}${callout}`;
  const before = headings.find((heading) => options.insertBefore.some((name) => isLevelTwo(heading, name)));
  if (before) return splice(body, before.lineStart, newSection + eol + eol);
  const last = endOfLastNonBlankLine(body, 0, body.length);
  if (last !== -1) return splice(body, last, eol + eol + newSection);
  return frontmatterEndsWithEol ? eol + newSection + eol + body : eol + eol + newSection + body;
}
