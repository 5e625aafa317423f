import { describe, expect, it } from 'vitest';
import { decodeNoteBytes, NoteEncodingError } from './note-bytes';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeNoteBytes', () => {
  it('keeps a BOM and every character', () => {
    expect(decodeNoteBytes(Buffer.from('\uFEFF# Café 🚲\r\n'))).toBe('\uFEFF# Café 🚲\r\n');
  });

  it.each([
    ['a Latin-1 byte', bytes(0x61, 0xe9, 0x62), 1, 'not valid UTF-8 (byte 0xe9 at offset 1)'],
    ['a lone continuation byte', bytes(0x61, 0x80), 1, 'not valid UTF-8 (byte 0x80 at offset 1)'],
    ['an overlong slash', bytes(0x61, 0x61, 0xc0, 0xaf), 2, 'not valid UTF-8 (byte 0xc0 at offset 2)'],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80), 0, 'not valid UTF-8 (byte 0xed at offset 0)'],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0, 'not valid UTF-8 (byte 0xf4 at offset 0)'],
    ['a sequence cut at the end', bytes(0x61, 0xe2, 0x82), 1, 'not valid UTF-8 (byte 0xe2 at offset 1)'],
    ['a UTF-16 BOM', bytes(0xff, 0xfe, 0x61, 0x00), 0, 'not valid UTF-8 (byte 0xff at offset 0)'],
    [
      'UTF-16 without a BOM',
      bytes(0x61, 0x00, 0x62, 0x00),
      1,
      'not UTF-8 text (NUL byte at offset 1: the file looks binary or UTF-16)',
    ],
    ['an invalid byte before a NUL', bytes(0x61, 0xe9, 0x00), 1, 'not valid UTF-8 (byte 0xe9 at offset 1)'],
  ])('refuses %s, naming the first bad byte', (_, input, offset, message) => {
    let error: unknown;
    try {
      decodeNoteBytes(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NoteEncodingError);
    expect(error).toMatchObject({ offset, message });
  });
});
