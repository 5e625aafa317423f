import type { TagCount } from '../../utils/core/companion-api';

/** Suggestions shown under the tag input at most. */
export const MAX_TAG_SUGGESTIONS = 6;

/**
 * A tag as it goes into frontmatter: without `#`, trimmed, inner whitespace turned into `-` (a tag cannot hold a
 * space in Obsidian), and without the commas that separate tags while typing.
 */
export function normaliseTag(raw: string): string {
  return raw.replace(/,/g, ' ').trim().replace(/^#+/, '').trim().replace(/\s+/g, '-');
}

/**
 * The vault's tags that fit what is typed: those starting with it before those merely containing it, each group by
 * use count; tags already chosen are left out. Nothing is suggested before something is typed.
 */
export function suggestTags(input: string, vaultTags: TagCount[], chosen: string[]): string[] {
  const typed = normaliseTag(input).toLowerCase();
  if (typed === '') return [];
  const taken = new Set(chosen.map((tag) => tag.toLowerCase()));
  const rank = (tag: string) => (tag.toLowerCase().startsWith(typed) ? 0 : 1);
  return vaultTags
    .filter(({ tag }) => !taken.has(tag.toLowerCase()) && tag.toLowerCase().includes(typed))
    .sort((a, b) => rank(a.tag) - rank(b.tag) || b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, MAX_TAG_SUGGESTIONS)
    .map(({ tag }) => tag);
}

/**
 * Adds a tag unless it is empty or already there (compared case-insensitively, the first spelling wins). A tag the
 * vault already has is added in the vault's spelling (`Storage` → `storage`), as the note will get it.
 */
export function addTag(tags: string[], raw: string, vaultTags: readonly TagCount[] = []): string[] {
  const typed = normaliseTag(raw);
  const tag = vaultTags.find((known) => known.tag.toLowerCase() === typed.toLowerCase())?.tag ?? typed;
  if (tag === '' || tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return tags;
  return [...tags, tag];
}
