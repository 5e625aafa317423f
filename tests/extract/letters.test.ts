import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_LATIN_LETTER } from '../../utils/extract/guess-language';
import { hasLetter, hasLowerCase, isAcronym, isAscii, isCapitalised, patternFor } from '../../utils/extract/letters';
import { opensWithByline } from '../../utils/extract/page-layout';
import { looseKey } from '../../utils/extract/text';

// The ASCII fast paths (issue 16: no Unicode tables built on a cold page for ASCII text) must answer exactly as the
// Unicode patterns they stand for, on ASCII text and on the rest.
const ascii = fc.string({ unit: fc.constantFrom(..."AZaz09 .-'’:\t\n,éÉßΩЖ中".split('')), maxLength: 12 });
const asciiOnly = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) });
const anyText = fc.oneof(ascii, asciiOnly, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('ASCII fast paths of Unicode letter classes', () => {
  it('tells ASCII text by its code units', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isAscii(text)).toBe(/^[\0-\x7f]*$/.test(text));
      }),
    );
  });

  it.each([
    ['hasLetter', hasLetter, /\p{L}/u],
    ['hasLowerCase', hasLowerCase, /\p{Ll}/u],
    ['isCapitalised', isCapitalised, /^\p{Lu}/u],
    ['isAcronym', isAcronym, /^\p{Lu}{2,5}$/u],
    [
      'opensWithByline',
      opensWithByline,
      /^\s*(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u,
    ],
  ])('%s answers as its Unicode pattern', (_name, fast, unicode) => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(fast(text)).toBe(unicode.test(text));
      }),
    );
    for (const text of ['By Ada Lowe', 'by ada lowe', 'Von Über Öl', 'CNN', 'Ada', 'ÉLAN', 'ĳ']) {
      expect(fast(text)).toBe(unicode.test(text));
    }
  });

  it('picks the pattern by the text', () => {
    expect(patternFor('Ada', /a/, /b/u).source).toBe('a');
    expect(patternFor('Adé', /a/, /b/u).source).toBe('b');
  });

  it('spells every letter below U+0370 as `\\p{L}` does', () => {
    for (let code = 0; code < 0x370; code++) {
      const char = String.fromCharCode(code);
      expect(new RegExp(`^${NOT_LATIN_LETTER.source}$`).test(char)).toBe(!/\p{L}/u.test(char));
    }
  });

  it('keys names with typographic punctuation as the Unicode path does', () => {
    const unicodeKey = (value: string) =>
      value
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '');
    const typographic = fc.string({
      unit: fc.constantFrom(
        ...'Aa9 .-\u00a0\u00ab\u00b7\u00bb\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026é'.split(''),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(typographic, anyText), (text) => {
        expect(looseKey(text)).toBe(unicodeKey(text));
      }),
    );
    expect(looseKey('Ada’s “Harbour” — Post…')).toBe('adasharbourpost');
  });
});
