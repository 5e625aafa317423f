import { urlsInMarkdown } from '../../utils/core/cited-urls';
import { readNoteMeta } from '../../utils/core/note-meta';
import { locateFrontmatter } from '../../utils/core/note';
import { detachTopics, readNoteTopics } from '../suggest/note-topics';
import { inlineTags } from './inline-tags';
import type { NoteRecord } from './vault-index';

function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.slice(0, -'.md'.length);
}

/** Frontmatter tags first, then inline ones, each once (compared case-insensitively, as Obsidian does). */
function mergedTags(frontmatter: string[], inline: string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const tag of [...frontmatter, ...inline]) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(tag);
  }
  return merged;
}

/** URLs never span lines, so only the lines holding `://` need the (costly) Markdown-aware reading. */
function urlsOf(body: string): string[] {
  const lines: string[] = [];
  let at = body.indexOf('://');
  while (at !== -1) {
    const start = body.lastIndexOf('\n', at) + 1;
    const newline = body.indexOf('\n', at);
    const end = newline === -1 ? body.length : newline;
    lines.push(body.slice(start, end));
    at = body.indexOf('://', end);
  }
  return lines.length === 0 ? [] : [...new Set(urlsInMarkdown(lines.join('\n')))];
}

/**
 * What the index keeps of a note, from its text, and the fields suggestion ranks it by. Never throws: a note with broken frontmatter is still listed by
 * its file name. `urls` holds every URL of the body, read as the note engine reads callouts: a cheap superset of
 * the cited ones (parsing Markdown for 50,000 notes would take minutes), confirmed by `citedUrls` on lookup.
 */
export function recordNote(path: string, text: string, mtime: number): NoteRecord {
  const meta = readNoteMeta(text);
  const body = text.slice(locateFrontmatter(text)?.end ?? 0);
  const title = meta.title || fileTitle(path);
  // Copies, so the index holds short strings of its own rather than slices that keep every note's text alive
  // (suggestion keeps the topics until it indexes them, which may be long after startup: `deferred-index.ts`).
  const note = structuredClone({
    path,
    title,
    aliases: meta.aliases,
    tags: meta.tags,
    allTags: mergedTags(meta.tags, inlineTags(body)),
    updated: meta.updated,
    noteId: meta.noteId,
    mtime,
    urls: urlsOf(body),
  });
  return { note, topics: detachTopics(readNoteTopics(title, meta, body)) };
}
