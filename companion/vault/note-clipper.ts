import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClipRequest } from '../../utils/core/clip';
import type { ClipResponse } from '../../utils/core/companion-api';
import { applyClip, createTitledNote, NoteFormatError } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { ApiError } from '../server/api-error';
import { createExclusive, replaceIfUnchanged } from './atomic-file';
import { InvalidPathError, noteSegments, prepareFolder, resolveExistingNote } from './note-path';
import type { Vault } from './vault';
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
          return { status: 'added', path: note.path };
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
          return { status: 'created', path };
        }
      }
    });
  }
}
