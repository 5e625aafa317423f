import { statSync } from 'node:fs';
import { saveIndexCache, type CachedNote } from './index-cache';
import { vaultPath } from './note-files';
import { recordNoteFiles } from './read-notes';
import type { NoteRecord } from './vault-index';

/** Files checked between two turns of the event loop, so the host keeps answering (ping) while it indexes. */
const CHECKS_PER_TURN = 2000;

const nextTurn = () => new Promise<void>((resume) => setImmediate(resume));

/**
 * Indexes `files` from `cache` (`loadIndexCache`, started before the walk so the file is read meanwhile) where a file's modification time and size are those it was cached with, reading
 * only the others; resolves once every note is recorded. `saved` settles when the refreshed cache is on disk
 * (written only when something changed, after the index is ready, so no answer waits for it).
 */
export async function indexWithCache(
  root: string,
  files: string[],
  cacheFile: string,
  loadingCache: Promise<Map<string, CachedNote>>,
  onRecord: (record: NoteRecord) => void,
): Promise<{ saved: Promise<void> }> {
  const cache = await loadingCache;
  const notes: CachedNote[] = [];
  const stale: string[] = [];
  const sizes = new Map<string, number>();
  for (let n = 0; n < files.length; n++) {
    if (n % CHECKS_PER_TURN === CHECKS_PER_TURN - 1) await nextTurn();
    const file = files[n]!;
    let stats;
    try {
      stats = statSync(file);
    } catch {
      continue;
    }
    const path = vaultPath(root, file);
    const cached = cache.get(path);
    if (cached && cached.size === stats.size && cached.note.mtime === stats.mtimeMs) {
      onRecord(cached);
      notes.push(cached);
    } else {
      stale.push(file);
      sizes.set(path, stats.size);
    }
  }
  const reused = notes.length;
  await recordNoteFiles(root, stale, (record) => {
    onRecord(record);
    notes.push({ ...record, size: sizes.get(record.note.path) ?? -1 });
  });
  if (stale.length === 0 && reused === cache.size) return { saved: Promise.resolve() };
  const saved = nextTurn().then(() => saveIndexCache(cacheFile, root, notes));
  return { saved: saved.catch((error: unknown) => console.error(`refclip: index cache not saved: ${String(error)}`)) };
}
