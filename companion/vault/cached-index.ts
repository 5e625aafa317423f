import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteTopics } from '../suggest/note-topics';
import { saveIndexCache, TOPICS_PER_LINE, type CachedNote, type IndexCache } from './index-cache';
import { recordFile, vaultPath } from './note-files';
import { recordNoteFiles } from './read-notes';
import type { IndexedNote, NoteRecord } from './vault-index';

/** Files checked, or notes given their topics, between two turns of the event loop, so the host keeps answering. */
const STEPS_PER_TURN = 2000;

const nextTurn = () => new Promise<void>((resume) => setImmediate(resume));

/**
 * Where the notes go: each is made searchable first (`note`) and gets its topics later (`topics`); `record` gives
 * both at once, for a note read again because its cached topics were unreadable.
 */
export interface IndexSink {
  note(note: IndexedNote): void;
  topics(path: string, topics: NoteTopics): void;
  record(record: NoteRecord): void;
}

export interface CachedIndexing {
  /** Settles once every note has its topics (suggestion is ready). */
  suggestable: Promise<void>;
  /**
   * Settles once the refreshed cache is on disk, written after everything else when a note changed; at once when
   * none did (a cache whose topics line proved unreadable is still rewritten if the process lives long enough).
   */
  saved: Promise<void>;
}

/**
 * Indexes `files` from the cache (`loadIndexCache`, started before the walk so the file is read meanwhile) where a
 * file's modification time and size are those it was cached with, reading only the others; resolves once every
 * note is searchable. The cached notes' topics, which only suggestion needs, are parsed and handed over afterwards.
 */
export async function indexWithCache(
  root: string,
  files: string[],
  cacheFile: string,
  loadingCache: Promise<IndexCache>,
  sink: IndexSink,
): Promise<CachedIndexing> {
  const cache = await loadingCache;
  /** Positions in `cache.notes` of the notes still current. */
  const current: number[] = [];
  const stale: string[] = [];
  const sizes = new Map<string, number>();
  for (let n = 0; n < files.length; n++) {
    if (n % STEPS_PER_TURN === STEPS_PER_TURN - 1) await nextTurn();
    const file = files[n]!;
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) continue;
    const path = vaultPath(root, file);
    const at = cache.positions.get(path);
    const cached = at === undefined ? undefined : cache.notes[at]!;
    if (cached && cached.size === stats.size && cached.note.mtime === stats.mtimeMs) {
      sink.note(cached.note);
      current.push(at!);
    } else {
      stale.push(file);
      sizes.set(path, stats.size);
    }
  }
  const notes: CachedNote[] = [];
  const topics: NoteTopics[] = [];
  const keep = (record: NoteRecord, size: number) => {
    notes.push({ note: record.note, size });
    topics.push(record.topics);
  };
  // Re-read notes are searchable at once too; their topics join the cached ones' after (a first start reads all).
  await recordNoteFiles(root, stale, (record) => {
    sink.note(record.note);
    keep(record, sizes.get(record.note.path) ?? -1);
  });
  const reread = notes.length;
  const suggestable = (async () => {
    for (let n = 0; n < reread; n++) {
      if (n % STEPS_PER_TURN === 0) await nextTurn();
      sink.topics(notes[n]!.note.path, topics[n]!);
    }
    // In cache order, so each topics line is parsed once.
    current.sort((a, b) => a - b);
    let lineAt = -1;
    let line: NoteTopics[] | null = null;
    let unreadable = false;
    for (let n = 0; n < current.length; n++) {
      if (n % STEPS_PER_TURN === 0) await nextTurn();
      const at = current[n]!;
      if (Math.floor(at / TOPICS_PER_LINE) !== lineAt) {
        lineAt = Math.floor(at / TOPICS_PER_LINE);
        line = cache.topicsLine(lineAt);
        unreadable ||= line === null;
      }
      const cached = cache.notes[at]!;
      const cachedTopics = line?.[at % TOPICS_PER_LINE];
      if (cachedTopics) {
        sink.topics(cached.note.path, cachedTopics);
        notes.push(cached);
        topics.push(cachedTopics);
        continue;
      }
      // An unreadable topics line: the note is read again (its size as cached, so a later change is still seen).
      const record = recordFile(root, join(root, cached.note.path));
      if (record) {
        sink.record(record);
        keep(record, cached.size);
      }
    }
    return unreadable;
  })();
  // Known before the topics load: then a host that is told to exit need not wait for them.
  const changed = stale.length > 0 || current.length !== cache.notes.length;
  const saved = suggestable.then(async (topicsUnreadable) => {
    if (changed || topicsUnreadable) await saveIndexCache(cacheFile, root, notes, topics);
  });
  const logged = saved.catch((error: unknown) => console.error(`refclip: index cache not saved: ${String(error)}`));
  return { suggestable: suggestable.then(() => undefined), saved: changed ? logged : Promise.resolve() };
}
