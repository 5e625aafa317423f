import { isMap, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { NoteFormatError } from './note-error';
import { YAML_LIBRARY_CHARS, yamlLibraryMayRead } from './yaml-budget';

/** A note's line ending: the first one in the file decides; a file without any gets `\n`. */
export type LineEnding = '\n' | '\r\n';

/** The note's frontmatter block, located by offsets into the note text. */
export interface FrontmatterBlock {
  /** Offset of the opening `---` (after the BOM). */
  start: number;
  /** Offset of the YAML text (the line after the opening `---`). */
  yamlStart: number;
  /** Offset of the closing `---` line; the YAML text is `text.slice(yamlStart, yamlEnd)`. */
  yamlEnd: number;
  /** Offset just after the closing line's line ending (equals the text length when the file ends there). */
  end: number;
}

/** A note split into the parts the engine edits separately; every part is a slice of the original text. */
export interface ParsedNote {
  /** `\uFEFF` when the file starts with a UTF-8 byte order mark (kept on write), else ''. */
  bom: string;
  eol: LineEnding;
  frontmatter: (FrontmatterBlock & { yaml: string; document: Document.Parsed }) | null;
  /** Offset where the body starts (after the frontmatter block, or after the BOM). */
  bodyStart: number;
}

/** The opening and the closing line of frontmatter (without their line ending). */
const FENCE = /^---[ \t]*$/;

/** Offset of the start of the line that holds `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The first line ending of the text, `\n` when there is none. */
export function lineEndingOf(text: string): LineEnding {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Where a frontmatter block would be, from the lines alone: the first line is `---` and a later line is `---`
 * (trailing spaces and tabs allowed on both). No YAML is parsed, so this never throws; a leading `---` without a
 * closing line is a thematic break.
 */
export function locateFrontmatter(text: string): FrontmatterBlock | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const firstNewline = text.indexOf('\n', start);
  if (firstNewline === -1 || !FENCE.test(text.slice(start, firstNewline).replace(/\r$/, ''))) return null;
  const yamlStart = firstNewline + 1;
  let lineStart = yamlStart;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (FENCE.test(line)) return { start, yamlStart, yamlEnd: lineStart, end: newline === -1 ? lineEnd : newline + 1 };
    lineStart = lineEnd + 1;
  }
  return null;
}

/** Turns yaml's "Message at line 2, column 1:" into "message". */
function yamlProblem(message: string): string {
  const first = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * Parses a note. Frontmatter is a leading `---` … `---` block (see `locateFrontmatter`) whose YAML is a mapping or
 * empty; YAML that parses cleanly to something else (prose, a list) means the leading `---` is a thematic break and
 * the whole note is body. Throws `NoteFormatError` naming the note's line when the YAML has errors (tabs as
 * indentation, bad indentation, duplicate keys, …), and when it is over `YAML_LIBRARY_CHARS` and not plain
 * `key: value` lines, which would cost the `yaml` library more than linear time.
 */
export function parseNote(text: string): ParsedNote {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = lineEndingOf(text);
  const block = locateFrontmatter(text);
  if (!block) return { bom, eol, frontmatter: null, bodyStart: bom.length };
  const yaml = text.slice(block.yamlStart, block.yamlEnd);
  if (!yamlLibraryMayRead(yaml)) {
    const limit = `${YAML_LIBRARY_CHARS / 1024} KB`;
    throw new NoteFormatError(
      `the frontmatter is over ${limit} and not plain \`key: value\` lines, which refclip does not edit`,
      1,
    );
  }
  const document = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const yamlLine = error.linePos?.[0].line;
    throw new NoteFormatError(`invalid frontmatter YAML: ${yamlProblem(error.message)}`, yamlLine ? yamlLine + 1 : 2);
  }
  if (document.contents !== null && !isMap(document.contents)) {
    return { bom, eol, frontmatter: null, bodyStart: bom.length };
  }
  return { bom, eol, frontmatter: { ...block, yaml, document }, bodyStart: block.end };
}
