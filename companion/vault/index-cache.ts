import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoteRecord } from './vault-index';

/**
 * The index as the last start left it, in the config folder, so a cold start (the browser starts `refclip host`
 * often: an MV3 worker sleeps after 30 s) reads only the notes whose modification time or size changed.
 * Bump the version whenever `NoteRecord` or `recordNote` changes what a note yields.
 */
const INDEX_CACHE_VERSION = 2;

/** A note's index record with the file size it was read at; together with `mtime` it tells whether to re-read. */
export type CachedNote = NoteRecord & { size: number };

interface CacheFile {
  version: number;
  root: string;
  notes: CachedNote[];
}

/** One cache file per vault, named after its real path. */
export function indexCacheFile(configDir: string, root: string): string {
  return join(configDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}

/** The cached records by vault-relative path; empty when there is no cache, or one of another version or vault. */
export async function loadIndexCache(file: string, root: string): Promise<Map<string, CachedNote>> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (cache.version !== INDEX_CACHE_VERSION || cache.root !== root || !Array.isArray(cache.notes)) return new Map();
    return new Map(cache.notes.map((record) => [record.note.path, record]));
  } catch {
    return new Map();
  }
}

/** Replaces the cache through a temp file and a rename: a crash leaves the old cache or the new one, never half. */
export async function saveIndexCache(file: string, root: string, notes: CachedNote[]): Promise<void> {
  const cache: CacheFile = { version: INDEX_CACHE_VERSION, root, notes };
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(cache), { mode: 0o600 });
  await rename(temp, file);
}
