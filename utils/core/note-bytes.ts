/** Notes larger than this are refused unread: no real note comes close, and the engine keeps whole notes in memory. */
export const MAX_NOTE_BYTES = 20 * 1024 * 1024;

/** Bytes refclip will not treat as a note's text; the message names the first bad byte and its offset. */
export class NoteEncodingError extends Error {
  /** Offset of the first byte that is not part of valid UTF-8 text. */
  readonly offset: number;

  constructor(bytes: Uint8Array, offset: number) {
    const byte = `0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}`;
    super(
      bytes[offset] === 0
        ? `not UTF-8 text (NUL byte at offset ${offset}: the file looks binary or UTF-16)`
        : `not valid UTF-8 (byte ${byte} at offset ${offset})`,
    );
    this.name = 'NoteEncodingError';
    this.offset = offset;
  }
}

/** Decodes valid UTF-8 only, keeping a BOM, so a note is never re-encoded (a stray byte would become U+FFFD). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the UTF-8 sequence starting at `at` (1-4), or 0 when it is invalid (RFC 3629 table 3-7). */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const cont = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Offset of the first byte that keeps `bytes` from being UTF-8 text (an invalid sequence or a NUL), or -1.
 * Hand-written because TextDecoder only says that decoding failed, not where; it runs only on refused notes.
 */
function firstBadByte(bytes: Uint8Array): number {
  for (let at = 0; at < bytes.length;) {
    const length = bytes[at] === 0 ? 0 : sequenceLength(bytes, at);
    if (length === 0) return at;
    at += length;
  }
  return -1;
}

/**
 * A note's text from its bytes, or `NoteEncodingError` when they are not UTF-8 text: invalid sequences, UTF-16
 * (with or without a BOM: its ASCII letters come with NUL bytes) and binary files are refused, never rewritten.
 */
export function decodeNoteBytes(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new NoteEncodingError(bytes, firstBadByte(bytes.subarray(0, nul + 1)));
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new NoteEncodingError(bytes, firstBadByte(bytes));
  }
}
