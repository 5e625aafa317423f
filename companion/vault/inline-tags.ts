import { trimEndOf } from '../../utils/core/trim-chars';

/**
 * Obsidian-style inline `#tags` in a note body: `#` after a line start or whitespace, then letters, digits, `_`,
 * `-` or `/`, with at least one non-digit. Headings (`# x`) have a space after `#`; URL fragments have no
 * whitespace before `#`. Fenced code blocks and inline code are skipped, since a `#include` there is not a tag.
 */
const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether a `#` starts a possible tag somewhere: most notes have none, and this scan is far cheaper than a regex. */
function mayHaveTags(body: string): boolean {
  for (let at = body.indexOf('#'); at !== -1; at = body.indexOf('#', at + 1)) {
    const before = at === 0 ? ' ' : body[at - 1]!;
    const after = body[at + 1];
    if (/\s/.test(before) && after !== undefined && !/[\s#]/.test(after)) return true;
  }
  return false;
}

export function inlineTags(body: string): string[] {
  if (!mayHaveTags(body)) return [];
  const found = new Set<string>();
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (!line.includes('#')) continue;
    const text = line.includes('`') ? line.replace(/`[^`]*`/g, ' ') : line;
    for (const match of text.matchAll(TAG)) {
      const tag = match[1] === undefined ? undefined : trimEndOf(match[1], '/');
      if (tag) found.add(tag);
    }
  }
  return [...found];
}
