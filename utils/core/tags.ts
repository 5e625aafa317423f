/**
 * Tags as refclip writes them: trimmed, without leading `#`, inner whitespace runs turned into `-` (a tag cannot
 * hold spaces), empty ones dropped, duplicates (compared case-insensitively, as Obsidian does) dropped.
 */
export function cleanTags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  const clean: string[] = [];
  for (const raw of tags) {
    const tag = raw
      .replace(/\p{Cc}/gu, ' ')
      .trim()
      .replace(/^#+/, '')
      .trim()
      .replace(/\s+/g, '-');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    clean.push(tag);
  }
  return clean;
}

/** The key under which two tags are the same tag (`#Security` and `security`). */
export function tagKey(tag: string): string {
  return tag.trim().replace(/^#+/, '').toLowerCase();
}

/** Tags of a scalar `tags:` value, read as Obsidian does: separated by commas and/or whitespace. */
export function splitScalarTags(value: string): string[] {
  return value.split(/[\s,]+/).filter((tag) => tag !== '');
}
