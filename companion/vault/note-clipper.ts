import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClipRequest } from '../../utils/core/clip';
import type { ClipResponse, UndoResponse } from '../../utils/core/companion-api';
import { applyClip, createTitledNote, NoteFormatError } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { ApiError } from '../server/api-error';
import { undoClip } from '../../utils/core/undo-clip';
import { createExclusive, removeIfHolds, replaceIfUnchanged } from './atomic-file';
import { InvalidPathError, noteSegments, prepareFolder, resolveExistingNote } from './note-path';
import type { Vault } from './vault';
import { UndoRecords, type UndoRecord } from './undo-records';
import { WriteQueue } from './write-queue';

/** Re-applies after an outside edit at most this often before giving up (with nothing written). */
const MAX_ATTEMPTS = 5;

/** New notes are named one at a time, so two creations never pick the same file name or `note_id`. */
const CREATE_KEY = '\0create';

export type ClipTarget = { path: string } | { create: { title: string; folder?: string } };

/** Test seam: runs between writing the temp file and the final check, where an outside edit would race. */
export type BeforeCommit = (absolute: string) => Promise<void>;

function writeError(error: unknown, path: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidPathError) return new ApiError(400, 'invalid-path', error.message);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ApiError(404, 'not-found', `${path} disappeared while refclip was writing to it`);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new ApiError(507, 'write-failed', `the disk is full or over quota (${code}): ${path} was left as it was`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ApiError(500, 'write-failed', `no permission to write ${path}: it was left as it was`);
  }
  return new ApiError(
    500,
    'write-failed',
    `could not write ${path} (${code ?? 'unknown error'}): it was left as it was`,
  );
}

/** Applies clips to notes on disk: per-note queue, atomic replace, re-apply when the note changed meanwhile. */
export class NoteClipper {
  private readonly queue = new WriteQueue();

  constructor(
    private readonly vault: Vault,
    private readonly beforeCommit?: BeforeCommit,
    private readonly undoRecords = new UndoRecords(),
  ) {}

  /** Files `request` into the target note, written with `options` (the vault's own note settings by default). */
  async clip(
    target: ClipTarget,
    request: ClipRequest,
    options: NoteOptions = this.vault.noteOptions,
  ): Promise<ClipResponse> {
    try {
      return 'path' in target
        ? await this.addTo(target.path, request, options)
        : await this.create(target.create, request, options);
    } catch (error) {
      throw writeError(error, 'path' in target ? target.path : target.create.title);
    }
  }

  private async addTo(path: string, request: ClipRequest, options: NoteOptions): Promise<ClipResponse> {
    const note = await resolveExistingNote(this.vault.root, path);
    if (!note) throw new ApiError(404, 'not-found', `no note ${path} in the vault`);
    return this.queue.run(note.absolute, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const [text, stats] = await Promise.all([readFile(note.absolute, 'utf8'), stat(note.absolute)]);
        let result;
        try {
          result = applyClip(text, request, options);
        } catch (error) {
          if (error instanceof NoteFormatError) {
            throw new ApiError(422, 'invalid-note', `${note.path} was left as it was: ${error.message}`);
          }
          throw error;
        }
        if (result.status === 'already-present') return { status: 'already-present', path: note.path };
        const commit = this.beforeCommit ? () => this.beforeCommit!(note.absolute) : undefined;
        const outcome = await replaceIfUnchanged(note.absolute, result.text, text, stats.mode & 0o7777, commit);
        if (outcome === 'replaced') {
          this.vault.indexNote(note.path, result.text, (await stat(note.absolute)).mtimeMs);
          const clipId = this.undoRecords.remember({ ...note, before: text, after: result.text });
          return { status: 'added', path: note.path, clipId };
        }
      }
      throw new ApiError(409, 'write-failed', `${note.path} kept changing while refclip wrote to it; try again`);
    });
  }

  private async create(
    target: { title: string; folder?: string },
    request: ClipRequest,
    options: NoteOptions,
  ): Promise<ClipResponse> {
    const folder = await prepareFolder(this.vault.root, target.folder);
    return this.queue.run(CREATE_KEY, async () => {
      const note = createTitledNote(target.title, request, options, this.vault.index.noteIds());
      noteSegments(note.fileName, { requireMd: true });
      const stem = note.fileName.slice(0, -'.md'.length);
      // An existing note of that name is never overwritten: the new one becomes `name-2.md`, `name-3.md`, …
      for (let copy = 1; ; copy++) {
        const absolute = join(folder, copy === 1 ? note.fileName : `${stem}-${copy}.md`);
        if (await createExclusive(absolute, note.text)) {
          const path = this.vault.relativePath(absolute);
          this.vault.indexNote(path, note.text, (await stat(absolute)).mtimeMs);
          const clipId = this.undoRecords.remember({ path, absolute, before: null, after: note.text });
          return { status: 'created', path, clipId };
        }
      }
    });
  }

  /**
   * Takes back the clip `clipId` names (`DELETE /v1/clips/{id}`), in the note's write queue like any clip: the
   * transform is `undoClip`, applied with the same re-read-and-retry as a clip; a created note is removed only while
   * it holds exactly what refclip created. Anything else is a 409 `note-changed` with the note left alone.
   */
  async undo(clipId: string): Promise<UndoResponse> {
    const record = this.undoRecords.find(clipId);
    if (!record)
      throw new ApiError(404, 'not-found', 'this clip can no longer be undone (unknown or over 10 minutes old)');
    try {
      const undone = await this.queue.run(record.absolute, () => this.takeBack(record));
      if (!undone) throw changedError(record.path);
      this.undoRecords.forget(clipId);
      return { status: 'undone', path: record.path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw changedError(record.path);
      throw writeError(error, record.path);
    }
  }

  private async takeBack(record: UndoRecord): Promise<boolean> {
    if (record.before === null) {
      const removed = await removeIfHolds(record.absolute, record.after);
      if (removed) this.vault.index.remove(record.path);
      return removed;
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [current, stats] = await Promise.all([readFile(record.absolute, 'utf8'), stat(record.absolute)]);
      const undone = undoClip(current, { before: record.before, after: record.after });
      if (undone.status === 'note-changed') return false;
      if ((await replaceIfUnchanged(record.absolute, undone.text, current, stats.mode & 0o7777)) === 'replaced') {
        this.vault.indexNote(record.path, undone.text, (await stat(record.absolute)).mtimeMs);
        return true;
      }
    }
    throw new ApiError(409, 'write-failed', `${record.path} kept changing while refclip undid the clip; try again`);
  }
}

function changedError(path: string): ApiError {
  return new ApiError(409, 'note-changed', `${path} no longer holds the callout refclip added, so it was left alone`);
}
