/** Text cleaning shared by every metadata source: page values are hostile and often double-escaped. */

import { isAscii } from './letters';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
};

/**
 * Decodes HTML entities left in a value. The parser already decoded attributes once; many sites escape twice
 * (`&amp;#39;`), so one more pass is needed.
 */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // As browsers do: an impossible code point becomes U+FFFD rather than vanishing or throwing.
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Removes markup that pages put inside meta values (`<script>`, `<b>`), keeping only its text. */
function stripTags(value: string): string {
  if (!value.includes('<')) return value;
  return value.replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ').replace(/<\/?[a-z!][^>]*>/gi, ' ');
}

/** Collapses whitespace runs (NBSP, newlines, zero-width spaces) to one space and trims. */
export function collapseWhitespace(value: string): string {
  return value
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Longest value kept for any single text field; a 100 KB title is an attack or a bug, not a title. */
const MAX_FIELD_LENGTH = 1000;

/** Cuts `value` to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function cutAtWord(value: string, max: number): string {
  if (value.length <= max) return value;
  const head = value.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  const cut = space > max * 0.6 ? head.slice(0, space) : head;
  return cut.replace(/(?<![\s,;:–—-])[\s,;:–—-]+$/, '') + '…';
}

/** Full cleaning of a text value from the page: entities, tags, whitespace, length. Empty results become null. */
export function cleanText(value: unknown, max = MAX_FIELD_LENGTH): string | null {
  if (typeof value !== 'string') return null;
  const bounded = value.length > max * 4 ? value.slice(0, max * 4) : value;
  const text = collapseWhitespace(decodeEntities(stripTags(bounded)));
  return text ? cutAtWord(text, max) : null;
}

/** Punctuation that is neither a letter nor a digit, nor decomposes into one (NFKD): NBSP, «», ·, dashes, quotes, •, …. */
const TYPOGRAPHY = /[\u00a0\u00ab\u00b7\u00bb\u2010-\u2015\u2018-\u201f\u2022\u2026]/g;

/** Lower-cased letters and digits only, for comparing names ("The Guardian" vs "theguardian.com"). */
export function looseKey(value: string): string {
  // Most names are ASCII but for their typography (curly quotes, dashes, NBSP), which this drops anyway: a plain class
  // spares compiling the Unicode one, a cost every cold extraction would pay.
  const plain = value.replace(TYPOGRAPHY, ' ');
  if (isAscii(plain)) return plain.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
