import { isSpaceOrTab, type LineCursor } from './line-cursor';

/** What a list marker opens: bullet `-`/`+`/`*` or ordered `1.`/`1)`, and where the item's content starts. */
export interface ListMarker {
  ordered: boolean;
  /** The bullet character, or the ordered delimiter (`.` or `)`): a different one starts a new list. */
  delimiter: string;
  /** Columns from the line's container offset to the marker. */
  markerOffset: number;
  /** Columns from the marker to the content. */
  padding: number;
}

/** The heading level and text of an ATX heading line (`## Text ##`), from its first `#`; null if it is none. */
export function atxHeading(line: string): { depth: number; text: string } | null {
  let depth = 0;
  while (line[depth] === '#') depth += 1;
  if (depth === 0 || depth > 6 || (depth < line.length && !isSpaceOrTab(line[depth]))) return null;
  let end = line.length;
  while (end > depth && isSpaceOrTab(line[end - 1])) end -= 1;
  let run = end;
  while (run > depth && line[run - 1] === '#') run -= 1;
  if (run < end && (run === depth || isSpaceOrTab(line[run - 1]))) end = run;
  let start = depth;
  while (start < end && isSpaceOrTab(line[start])) start += 1;
  while (end > start && isSpaceOrTab(line[end - 1])) end -= 1;
  return { depth, text: line.slice(start, end) };
}

/** The fence of a code fence opening line (three or more backticks or tildes; no backtick after backticks). */
export function fenceOpening(line: string): { char: string; length: number } | null {
  const char = line[0];
  if (char !== '`' && char !== '~') return null;
  let length = 0;
  while (line[length] === char) length += 1;
  if (length < 3 || (char === '`' && line.includes('`', length))) return null;
  return { char, length };
}

/** Whether the line closes a fence of `char` at least `length` long (only spaces or tabs after it). */
export function closesFence(line: string, char: string, length: number): boolean {
  let run = 0;
  while (line[run] === char) run += 1;
  if (run < length) return false;
  for (let index = run; index < line.length; index += 1) if (!isSpaceOrTab(line[index])) return false;
  return true;
}

/** Whether the line is only one repeated character among `chars` (three or more), spaces and tabs between. */
function isRuleOf(line: string, chars: string, minimum: number, spacesInside: boolean): boolean {
  const char = line[0];
  if (char === undefined || !chars.includes(char)) return false;
  let count = 0;
  let trailing = false;
  for (const each of line) {
    if (each === char && !trailing) count += 1;
    else if (isSpaceOrTab(each)) trailing = !spacesInside;
    else return false;
  }
  return count >= minimum;
}

export function isThematicBreak(line: string): boolean {
  return isRuleOf(line, '*-_', 3, true);
}

/** The level of a setext underline (`===` → 1, `---` → 2), or 0. */
export function setextLevel(line: string): number {
  if (!isRuleOf(line, '=-', 1, false)) return 0;
  return line[0] === '=' ? 1 : 2;
}

/**
 * Reads a list marker at the cursor's next non-space character and moves the cursor to the item's content
 * (CommonMark: one to four spaces after the marker, else one). An empty item or an ordered one not starting at 1
 * cannot interrupt a paragraph.
 */
export function readListMarker(cursor: LineCursor, interruptsParagraph: boolean): ListMarker | null {
  if (cursor.indent >= 4) return null;
  const line = cursor.text;
  const at = cursor.nextNonspace;
  let length = 0;
  let ordered = false;
  if (line[at] === '-' || line[at] === '+' || line[at] === '*') length = 1;
  else {
    while (length < 9 && line[at + length]! >= '0' && line[at + length]! <= '9') length += 1;
    const delimiter = line[at + length];
    if (length === 0 || (delimiter !== '.' && delimiter !== ')')) return null;
    if (interruptsParagraph && line.slice(at, at + length) !== '1') return null;
    ordered = true;
    length += 1;
  }
  const after = line[at + length];
  if (after !== undefined && !isSpaceOrTab(after)) return null;
  if (interruptsParagraph && line.slice(at + length).trim() === '') return null;
  const marker: ListMarker = { ordered, delimiter: line[at + length - 1]!, markerOffset: cursor.indent, padding: 0 };
  cursor.advanceNextNonspace();
  cursor.advanceOffset(length, true);
  const spacesStartColumn = cursor.column;
  const spacesStartOffset = cursor.offset;
  do {
    cursor.advanceOffset(1, true);
  } while (cursor.column - spacesStartColumn < 5 && isSpaceOrTab(cursor.char()));
  const blankItem = cursor.char() === undefined;
  const spaces = cursor.column - spacesStartColumn;
  if (spaces >= 5 || spaces < 1 || blankItem) {
    marker.padding = length + 1;
    cursor.column = spacesStartColumn;
    cursor.offset = spacesStartOffset;
    if (isSpaceOrTab(cursor.char())) cursor.advanceOffset(1, true);
  } else {
    marker.padding = length + spaces;
  }
  return marker;
}
