import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoteTopics } from '../suggest/note-topics';
import type { IndexedNote } from './vault-index';

/**
 * The index as the last start left it, in the config folder, so a cold start (the browser starts `refclip host`
 * often: an MV3 worker sleeps after 30 s) reads only the notes whose modification time or size changed.
 * Bump the version whenever `NoteRecord` or `recordNote` changes what a note yields.
 *
 * Lines of JSON: first what search needs (the notes with the sizes they were read at), then the notes' topics in the
 * same order, `TOPICS_PER_LINE` a line. Search waits only for the first line (a quarter of the bytes in the
 * benchmark's vault); suggestion's topics are parsed after, a line at a time between answers.
 */
const INDEX_CACHE_VERSION = 5;

/** A line that holds another count than this expects is unreadable, and its notes are read again. */
export const TOPICS_PER_LINE = 2000;

/** A note's index entry with the file size it was read at; together with `mtime` it tells whether to re-read. */
export interface CachedNote {
  note: IndexedNote;
  size: number;
}

interface CacheHead {
  version: number;
  root: string;
  notes: CachedNote[];
}

export interface IndexCache {
  notes: CachedNote[];
  /** Position in `notes` by vault-relative path. */
  positions: Map<string, number>;
  /** Topics line `line`: those of `notes` from `line * TOPICS_PER_LINE` on, or `null` when it is unreadable. */
  topicsLine(line: number): NoteTopics[] | null;
}

const EMPTY: IndexCache = { notes: [], positions: new Map(), topicsLine: () => null };

/** One cache file per vault, named after its real path. */
export function indexCacheFile(configDir: string, root: string): string {
  return join(configDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}

/** The cached notes; empty when there is no cache, or one of another version or vault. */
export async function loadIndexCache(file: string, root: string): Promise<IndexCache> {
  try {
    const bytes = await readFile(file);
    // JSON escapes every newline inside its strings, so the first raw one ends the head.
    const end = bytes.indexOf(10);
    if (end === -1) return EMPTY;
    const head = JSON.parse(bytes.toString('utf8', 0, end)) as CacheHead;
    if (head.version !== INDEX_CACHE_VERSION || head.root !== root || !Array.isArray(head.notes)) return EMPTY;
    const positions = new Map(head.notes.map((cached, at) => [cached.note.path, at]));
    const lineEnds: number[] = [end];
    for (let at = bytes.indexOf(10, end + 1); at !== -1; at = bytes.indexOf(10, at + 1)) lineEnds.push(at);
    lineEnds.push(bytes.length);
    const topicsLine = (line: number): NoteTopics[] | null => {
      const expected = Math.min(TOPICS_PER_LINE, head.notes.length - line * TOPICS_PER_LINE);
      if (line + 1 >= lineEnds.length) return null;
      try {
        const parsed = JSON.parse(bytes.toString('utf8', lineEnds[line]! + 1, lineEnds[line + 1])) as unknown;
        return Array.isArray(parsed) && parsed.length === expected ? (parsed as NoteTopics[]) : null;
      } catch {
        return null;
      }
    };
    return { notes: head.notes, positions, topicsLine };
  } catch {
    return EMPTY;
  }
}

/**
 * Replaces the cache through a temp file and a rename: a crash leaves the old cache or the new one, never half.
 * `topics[n]` belongs to `notes[n]`.
 */
export async function saveIndexCache(
  file: string,
  root: string,
  notes: CachedNote[],
  topics: NoteTopics[],
): Promise<void> {
  const head: CacheHead = { version: INDEX_CACHE_VERSION, root, notes };
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const lines = [JSON.stringify(head)];
  for (let at = 0; at < topics.length; at += TOPICS_PER_LINE) {
    lines.push(JSON.stringify(topics.slice(at, at + TOPICS_PER_LINE)));
  }
  await writeFile(temp, lines.join('\n'), { mode: 0o600 });
  await rename(temp, file);
}
