import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

/**
 * The kinds of CommonMark HTML block (1: `<pre>`-like raw text, 2: comment, 3: processing instruction, 4:
 * declaration, 5: CDATA, 6: a block element name, 7: any other complete tag alone on its line), named by the
 * parser's own tag lists so the line scanner agrees with it. Written with index walks, not regexes: the line is
 * page or note text and must cost linear time.
 */
export type HtmlBlockKind = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const BLOCK_NAMES = new Set(htmlBlockNames);
const RAW_NAMES = new Set(htmlRawNames);
const END_MARKS: Partial<Record<HtmlBlockKind, string>> = { 2: '-->', 3: '?>', 4: '>', 5: ']]>' };

function isAsciiAlpha(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function isAsciiAlphanumeric(char: string | undefined): boolean {
  return isAsciiAlpha(char) || (char !== undefined && char >= '0' && char <= '9');
}

function isWhitespace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function skipWhitespace(line: string, from: number): number {
  let index = from;
  while (isWhitespace(line[index])) index += 1;
  return index;
}

/** Index after an attribute value (`= "x"`, `='x'`, `=x`) starting at `from` (at the `=` or spaces), or -1. */
function afterAttributeValue(line: string, from: number): number {
  let index = skipWhitespace(line, from);
  if (line[index] !== '=') return from;
  index = skipWhitespace(line, index + 1);
  const quote = line[index];
  if (quote === '"' || quote === "'") {
    const close = line.indexOf(quote, index + 1);
    return close === -1 ? -1 : close + 1;
  }
  const start = index;
  while (index < line.length && !' \t"\'=<>`'.includes(line[index]!)) index += 1;
  return index === start ? -1 : index;
}

/** Whether `line` from `from` (just after the tag name) ends a complete open tag followed by only whitespace. */
function isCompleteOpenTagRest(line: string, from: number): boolean {
  let index = from;
  for (;;) {
    const afterSpace = skipWhitespace(line, index);
    const char = line[afterSpace];
    if (char === '/' && line[afterSpace + 1] === '>') return skipWhitespace(line, afterSpace + 2) === line.length;
    if (char === '>') return skipWhitespace(line, afterSpace + 1) === line.length;
    if (afterSpace === index || !(isAsciiAlpha(char) || char === '_' || char === ':')) return false;
    index = afterSpace + 1;
    while (isAsciiAlphanumeric(line[index]) || '_.:-'.includes(line[index] ?? 'x')) index += 1;
    index = afterAttributeValue(line, index);
    if (index === -1) return false;
  }
}

/** The kind of HTML block `line` (from its first non-space character, a `<`) opens, or null. */
export function htmlBlockStart(line: string): HtmlBlockKind | null {
  if (line.startsWith('<!--')) return 2;
  if (line.startsWith('<?')) return 3;
  if (line.startsWith('<![CDATA[')) return 5;
  if (line[1] === '!') return isAsciiAlpha(line[2]) ? 4 : null;
  const closing = line[1] === '/';
  let index = closing ? 2 : 1;
  if (!isAsciiAlpha(line[index])) return null;
  while (isAsciiAlphanumeric(line[index]) || line[index] === '-') index += 1;
  const name = line.slice(closing ? 2 : 1, index).toLowerCase();
  const after = line[index];
  const ends = after === undefined || isWhitespace(after) || after === '>';
  if (!closing && RAW_NAMES.has(name) && ends) return 1;
  if (BLOCK_NAMES.has(name) && (ends || (after === '/' && line[index + 1] === '>'))) return 6;
  if (closing) {
    const close = skipWhitespace(line, index);
    return line[close] === '>' && skipWhitespace(line, close + 1) === line.length ? 7 : null;
  }
  return isCompleteOpenTagRest(line, index) ? 7 : null;
}

/** Whether an HTML block of kind 1-5 ends on this line (kinds 6 and 7 end at a blank line instead). */
export function endsHtmlBlock(kind: HtmlBlockKind, line: string): boolean {
  if (kind === 1) {
    const lower = line.toLowerCase();
    return htmlRawNames.some((name) => lower.includes(`</${name}>`));
  }
  const mark = END_MARKS[kind];
  return mark !== undefined && line.includes(mark);
}
