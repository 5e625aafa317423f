import type { BigIntStats } from 'node:fs';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NoteSummary } from '../../utils/core/companion-api';
import { citedUrls, sourceKey } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { TEMP_FILE_PATTERN } from './atomic-file';
import { indexWithCache } from './cached-index';
import { loadIndexCache } from './index-cache';
import { recordFile, vaultPath } from './note-files';
import { recordNote } from './note-record';
import { recordNoteFiles } from './read-notes';
import { LARGE_NOTE, offThread } from './off-thread';
import { VaultIndex, summarise, type NoteRecord } from './vault-index';
import { SKIPPED_FOLDERS, walkVault } from './vault-walk';
import { VaultWatcher } from './vault-watcher';

/**
 * The vault as the companion sees it: its real root, an index kept current by a watcher, and the lookups the
 * routes need. Writes go through `note-clipper.ts`, which updates the index right after each rename.
 */
/** The vault folder is gone (deleted, renamed, its disk unmounted); the index was emptied. */
export class VaultNotFoundError extends Error {
  override name = 'VaultNotFoundError';
}

export class Vault {
  readonly index = new VaultIndex();
  private readonly watcher = new VaultWatcher((path) => void this.refresh(path));
  /**
   * The file version (`fileVersion`) of each note refclip wrote and indexed, by path: the watcher's event for that
   * very write needs no second read (re-indexing a 5 MB note costs hundreds of milliseconds, issue 14).
   */
  private readonly written = new Map<string, string>();
  /** `indexNoteSoon` jobs not yet in the index. */
  private readonly indexing = new Set<Promise<void>>();
  /** Notes refclip is writing (how many writes), and those whose watcher refresh waits for that (`whileWriting`). */
  private readonly writing = new Map<string, number>();
  private readonly heldBack = new Set<string>();
  /** Indexing a vault that came back, shared by the requests that notice it. */
  private returning: Promise<void> | null = null;
  private missing = false;
  /** Notes the startup walk found, while `start` is still indexing them (`null`: the index counts). */
  private walkedNotes: number | null = null;

  private constructor(
    /** Real path of the vault folder (symlinks resolved), the base of every confinement check. */
    readonly root: string,
    readonly noteOptions: NoteOptions,
  ) {}

  /** Scans the vault (removing temp files left by a crash), indexes every note and starts watching. */
  static async open(folder: string, noteOptions: NoteOptions): Promise<Vault> {
    const root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error(`${folder} is not a folder`);
    const vault = new Vault(root, noteOptions);
    await vault.indexAll();
    return vault;
  }

  /**
   * The vault at once, its index filled in the background through the on-disk cache (`cached-index.ts`):
   * `counted` settles when the notes are found (before they are read), `indexed` when every note is searchable,
   * `suggestable` when suggestion has every note's topics too, and `cacheSaved` when the refreshed cache is written.
   * A failed start rejects `counted`, `indexed` and `suggestable`.
   */
  static async start(
    folder: string,
    noteOptions: NoteOptions,
    cacheFile: string,
  ): Promise<{
    vault: Vault;
    counted: Promise<void>;
    indexed: Promise<void>;
    suggestable: Promise<void>;
    cacheSaved: Promise<void>;
  }> {
    const root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error(`${folder} is not a folder`);
    const vault = new Vault(root, noteOptions);
    const index = vault.index;
    let walked = (): void => undefined;
    const found = new Promise<void>((done) => (walked = done));
    const indexing = (async () => {
      await new Promise((resume) => setImmediate(resume));
      const cache = loadIndexCache(cacheFile, root);
      const walk = walkVault(root, { removeTempFiles: true });
      vault.walkedNotes = walk.notes.length;
      walked();
      try {
        index.reserve(walk.notes.length);
        const rest = await indexWithCache(root, walk.notes, cacheFile, cache, {
          note: (note) => index.upsertNote(note),
          topics: (path, topics) => index.addTopics(path, topics),
          record: (record) => index.upsert(record),
        });
        for (const watched of walk.folders) vault.watcher.watchFolder(watched);
        return rest;
      } finally {
        vault.walkedNotes = null;
      }
    })();
    const indexed = indexing.then(() => undefined);
    const counted = Promise.race([found, indexed]);
    const suggestable = indexing.then((rest) => rest.suggestable);
    // A failed scan rejects `indexed` (each waiting request answers 500); there is then no cache to save.
    const cacheSaved = indexing.then(
      (rest) => rest.saved,
      () => undefined,
    );
    return { vault, counted, indexed, suggestable, cacheSaved };
  }

  private async indexAll(): Promise<void> {
    const walk = walkVault(this.root, { removeTempFiles: true });
    await recordNoteFiles(this.root, walk.notes, (note) => this.index.upsert(note));
    for (const folder of walk.folders) this.watcher.watchFolder(folder);
  }

  /**
   * Checks that the vault folder is still there before a request uses it. When it is gone the index is emptied,
   * watching stops and `VaultNotFoundError` is thrown; when a folder is back at its path it is indexed again.
   */
  async ensurePresent(): Promise<void> {
    // One stat of one folder, synchronously: through the thread pool a request would wait behind whatever the
    // event loop does meanwhile (a cold host loading suggestion's topics), for a call of a few microseconds.
    const stats = statSync(this.root, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) {
      if (!this.missing) {
        this.missing = true;
        this.watcher.close();
        this.index.clear();
        this.written.clear();
      }
      throw new VaultNotFoundError(
        `vault not found: ${this.root} is gone (moved, renamed or deleted?); refclip serves it again once it is back`,
      );
    }
    if (!this.missing) return;
    this.returning ??= this.indexAll().finally(() => {
      this.missing = false;
      this.returning = null;
    });
    await this.returning;
  }

  /** How many notes the vault holds: while `start` indexes, as many as its walk found. */
  get noteCount(): number {
    return this.walkedNotes ?? this.index.size;
  }

  get name(): string {
    return basename(this.root);
  }

  /** Vault-relative `/` path of an absolute path inside the vault. */
  relativePath(absolute: string): string {
    return vaultPath(this.root, absolute);
  }

  /** Notes whose sources cite `url` (normalised as the note engine does), confirmed by the engine itself. */
  async sources(url: string): Promise<NoteSummary[]> {
    await this.indexed();
    const key = sourceKey(url);
    const found: NoteSummary[] = [];
    for (const note of this.index.citing(key)) {
      let text: string;
      try {
        text = await readFile(join(this.root, note.path), 'utf8');
      } catch {
        continue;
      }
      if (citedUrls(text, { sourcesHeading: this.noteOptions.sourcesHeading }).includes(key))
        found.push(summarise(note));
    }
    return found.sort((a, b) => b.mtime - a.mtime);
  }

  /** Whether the folder is an Obsidian vault (holds `.obsidian/`); asked each time, as it may be opened later. */
  async isObsidianVault(): Promise<boolean> {
    return (await stat(join(this.root, '.obsidian')).catch(() => null))?.isDirectory() ?? false;
  }

  /** Records a note refclip just wrote (`stats`: the file as written), so search sees it before the watcher fires. */
  indexNote(path: string, text: string, stats: BigIntStats): void {
    this.index.upsert(recordNote(path, text, Number(stats.mtimeMs)));
    this.written.set(path, fileVersion(stats));
  }

  /**
   * `indexNote` right after the current request is answered: indexing a 5 MB note takes hundreds of milliseconds that
   * a clip's answer need not wait for (issue 14), and that a large note spends on the note worker rather than the
   * event loop. A newer version of the note the watcher indexes first wins.
   */
  indexNoteSoon(path: string, text: string, stats: BigIntStats): void {
    const version = fileVersion(stats);
    this.written.set(path, version);
    const current = () => this.written.get(path) === version;
    const mtime = Number(stats.mtimeMs);
    let done: () => void = () => undefined;
    const job = new Promise<void>((resolve) => (done = resolve));
    this.indexing.add(job);
    void job.then(() => this.indexing.delete(job));
    const upsert = (record: NoteRecord) => {
      if (current()) this.index.upsert(record);
      done();
    };
    const readHere = () => {
      // Reading the note and updating the index are two turns of the event loop, so a ping waits for one at most.
      setImmediate(() => {
        if (!current()) return done();
        const record = recordNote(path, text, mtime);
        setImmediate(() => upsert(record));
      });
    };
    if (text.length < LARGE_NOTE) return readHere();
    void offThread<NoteRecord>({ kind: 'record', path, text, mtime }).then((record) =>
      record ? upsert(record) : readHere(),
    );
  }

  /**
   * Settles once every note refclip wrote is in the index (`indexNoteSoon` runs after the clip's answer): what the
   * routes that read the index await, so a search or suggestion right after a clip sees it.
   */
  async indexed(): Promise<void> {
    while (this.indexing.size > 0) await Promise.all(this.indexing);
  }

  /**
   * Runs `write`, a change refclip makes to the note at `path`, holding back the watcher's refreshes of that path
   * until it is done: the writer indexes what it wrote, and reading a large note again meanwhile only costs time. A
   * refresh held back runs afterwards, so a change another program made meanwhile is still indexed. Suggestion's
   * background indexing waits too, leaving the CPU to the write.
   */
  async whileWriting<T>(path: string, write: () => Promise<T>): Promise<T> {
    this.writing.set(path, (this.writing.get(path) ?? 0) + 1);
    const release = this.index.holdSuggestions();
    try {
      return await write();
    } finally {
      release();
      const left = this.writing.get(path)! - 1;
      if (left > 0) this.writing.set(path, left);
      else {
        this.writing.delete(path);
        if (this.heldBack.delete(path)) void this.refresh(join(this.root, path));
      }
    }
  }

  /** Forgets a note that is gone. */
  removeNote(path: string): void {
    this.index.remove(path);
    this.written.delete(path);
  }

  close(): void {
    this.watcher.close();
  }

  private indexFiles(files: string[]): void {
    for (const file of files) {
      const record = recordFile(this.root, file);
      if (record) this.index.upsert(record);
    }
  }

  /** A folder that appeared while running; its temp files are left alone, as they may belong to a write in flight. */
  private indexNewFolder(folder: string): void {
    const walk = walkVault(folder, { removeTempFiles: false });
    this.indexFiles(walk.notes);
    for (const watched of walk.folders) this.watcher.watchFolder(watched);
  }

  private isSkipped(path: string): boolean {
    return path.split('/').some((segment) => SKIPPED_FOLDERS.has(segment));
  }

  /** Brings the index in line with one changed path: a note, a new folder, or something deleted. */
  private async refresh(absolute: string): Promise<void> {
    const path = this.relativePath(absolute);
    if (path.startsWith('..') || path === '' || this.isSkipped(path)) return;
    // Every clip creates and renames a temp file; their events need no work.
    if (TEMP_FILE_PATTERN.test(basename(absolute))) return;
    if (this.writing.has(path)) {
      this.heldBack.add(path);
      return;
    }
    let stats;
    try {
      stats = await lstat(absolute, { bigint: true });
    } catch {
      this.removeNote(path);
      if (this.watcher.isWatching(absolute)) {
        this.index.removeFolder(path);
        this.watcher.unwatchTree(absolute);
      }
      return;
    }
    if (stats.isDirectory()) this.indexNewFolder(absolute);
    else if (stats.isFile() && path.endsWith('.md')) {
      if (this.written.get(path) === fileVersion(stats)) return;
      this.written.delete(path);
      try {
        this.index.upsert(recordNote(path, await readFile(absolute, 'utf8'), Number(stats.mtimeMs)));
      } catch {
        this.index.remove(path);
      }
    }
  }
}

/**
 * Which version of a file `stats` describes. Any write changes the ctime (and a rename onto the path the inode), at
 * the kernel clock's granularity of a few milliseconds: an outside save of the same size within that time of a
 * refclip write is only seen by the index at the note's next change (the note itself is never at risk).
 */
function fileVersion(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}
