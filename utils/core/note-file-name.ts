/** Characters no file name may hold on Windows, plus those that break Obsidian wikilinks (`#^[]`). */
const FORBIDDEN = /[\\/:*?"<>|#^[\]\p{Cc}]+/gu;

/** Names Windows reserves whatever the extension (`CON`, `con.md`, `COM1`, `LPT¹`, …). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Longest name before `.md`, in UTF-8 bytes: file systems allow 255, and a `-2` suffix may be added later. */
const MAX_STEM_BYTES = 200;

const encoder = new TextEncoder();

function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let cut = '';
  for (const char of text) {
    bytes += encoder.encode(char).length;
    if (bytes > maxBytes) break;
    cut += char;
  }
  return cut;
}

function trimEnds(text: string): string {
  // One pass from each end (`/[\s.]+$/` would retry from every start); `trim` knows exactly `\s`'s characters.
  const isDotOrSpace = (char: string | undefined) => char === '.' || char?.trim() === '';
  let start = 0;
  let end = text.length;
  while (start < end && isDotOrSpace(text[start])) start += 1;
  while (end > start && isDotOrSpace(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

/**
 * A note's file name from its title, safe on Windows, macOS and Linux: NFC; every run of characters forbidden
 * on Windows (`\/:*?"<>|`), of control characters and of `#^[]` (which break wikilinks) becomes one space;
 * whitespace runs become one space; leading and trailing dots and spaces go (hidden files, Windows' trailing
 * dot); at most 200 UTF-8 bytes before `.md`; a Windows reserved name gets a leading `_`; nothing left → `Untitled`.
 */
export function noteFileName(title: string): string {
  const spaced = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
  const stem = trimEnds(cutToBytes(trimEnds(spaced), MAX_STEM_BYTES)) || 'Untitled';
  return `${RESERVED.test(stem) ? `_${stem}` : stem}.md`;
}
