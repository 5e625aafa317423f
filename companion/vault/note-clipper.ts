import { stat } from 'node:fs/promises';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Clip, ClipRequest } from '../../utils/core/clip';
import type {
  ClipBatchResponse,
  ClipResponse,
  ErrorCode,
  SourceOutcome,
  UndoResponse,
} from '../../utils/core/companion-api';
import { batchRewrite, clipRewrite, createTitledNote, type NoteTransform } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { undoClip, type ClipWrite } from '../../utils/core/undo-clip';
import { ApiError } from '../server/api-error';
import { createExclusive } from './atomic-file';
import { InvalidPathError, noteSegments, prepareFolder, resolveExistingNote } from './note-path';
import { NoteWriteError, type NoteWriteProblem } from './note-write-error';
import type { LateWriteRescue } from './late-writes';
import type { NoteJob } from './note-work';
import { removeNoteIfHolds, rewriteNote } from './note-writer';
import { preparedTransform } from './prepared-transform';
import { saveSourceNote, type SavedSource } from './source-notes';
import type { Vault } from './vault';
import { UndoRecords, type UndoRecord } from './undo-records';
import { WriteQueue } from './write-queue';

/** New notes are named one at a time, so two creations never pick the same file name or `note_id`. */
const CREATE_KEY = '\0create';

export type ClipTarget = { path: string } | { create: { title: string; folder?: string } };

/** The article's text to save as a source note with the clip (`POST /v1/clips` `source`). */
export interface SourceRequest {
  markdown: string;
  folder?: string;
}

/** Test seam: runs between writing the temp file and the final check, where an outside edit would race. */
export type BeforeCommit = (absolute: string) => Promise<void>;

/**
 * How the companion answers each note it leaves as it was. A note refclip cannot read as text or that is over the
 * size limit is 422 like broken frontmatter (the request was fine, the note is not); a read-only note is 409.
 */
const PROBLEM_ANSWERS: Record<NoteWriteProblem, [ContentfulStatusCode, ErrorCode]> = {
  'not-found': [404, 'not-found'],
  'not-a-note': [400, 'invalid-path'],
  'outside-vault': [400, 'invalid-path'],
  'not-text': [422, 'invalid-note'],
  'too-large': [422, 'invalid-note'],
  refused: [422, 'invalid-note'],
  'read-only': [409, 'write-failed'],
  'kept-changing': [409, 'write-failed'],
};

function writeError(error: unknown, path: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof NoteWriteError) {
    const [status, code] = PROBLEM_ANSWERS[error.problem];
    return new ApiError(status, code, `${path} was left as it was: ${error.message}`);
  }
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

/** Applies clips to notes on disk: one at a time per note, through the shared write path (`note-writer.ts`). */
export class NoteClipper {
  private readonly queue = new WriteQueue();

  constructor(
    private readonly vault: Vault,
    private readonly beforeCommit?: BeforeCommit,
    private readonly undoRecords = new UndoRecords(),
  ) {}

  /**
   * Files `request` into the target note, written with `options` (the vault's own note settings by default). With
   * a `source`, the article's text is saved first as a source note (`saveSourceNote`) and the callout links it
   * (`{fulltext}`); if that fails the callout is still filed, without the link, and the answer's `source` says why.
   * If the callout then fails, the source note stays: it is whole, and clipping the page again reuses it.
   */
  async clip(
    target: ClipTarget,
    request: ClipRequest,
    options: NoteOptions = this.vault.noteOptions,
    source?: SourceRequest,
  ): Promise<ClipResponse> {
    const saved = source ? await this.saveSource(request, source) : undefined;
    const filed =
      saved && saved.status !== 'failed'
        ? { ...request, clip: { ...request.clip, fulltext: saved.path.replace(/\.md$/, '') } }
        : request;
    try {
      const result =
        'path' in target
          ? await this.addTo(target.path, filed, options)
          : await this.create(target.create, filed, options);
      if (!saved) return result;
      if (saved.status === 'failed') return { ...result, source: saved };
      const { written, ...outcome } = saved;
      if (written && result.clipId) this.undoRecords.addSource(result.clipId, { path: outcome.path, ...written });
      return { ...result, source: outcome };
    } catch (error) {
      throw writeError(error, 'path' in target ? target.path : target.create.title);
    }
  }

  private async saveSource(
    request: ClipRequest,
    source: SourceRequest,
  ): Promise<SavedSource | Extract<SourceOutcome, { status: 'failed' }>> {
    try {
      return await this.queue.run(CREATE_KEY, () =>
        saveSourceNote(this.vault, request, source.markdown, source.folder),
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { status: 'failed', error: `the article's text was not saved: ${why}` };
    }
  }

  /**
   * Files every clip into the note at `path` in one write through `rewriteNote` (`batchRewrite`), or none when the
   * note cannot take them; one undo takes the whole batch back.
   */
  async clipBatch(
    path: string,
    clips: Clip[],
    patch: Pick<ClipRequest, 'tags' | 'date'>,
    options: NoteOptions = this.vault.noteOptions,
  ): Promise<ClipBatchResponse> {
    const batch = batchRewrite(clips, patch, options);
    try {
      const written = await this.rewriteInto(path, batch.transform);
      const items = clips.map((clip, index) => ({ url: clip.url, status: batch.statuses[index]! }));
      return { path: written.path, items, ...(written.clipId ? { clipId: written.clipId } : {}) };
    } catch (error) {
      throw writeError(error, path);
    }
  }

  private async addTo(path: string, request: ClipRequest, options: NoteOptions): Promise<ClipResponse> {
    const written = await this.rewriteInto(path, clipRewrite(request, options), (text) => ({
      kind: 'clip',
      text,
      request,
      options,
    }));
    return written.clipId
      ? { status: 'added', path: written.path, clipId: written.clipId }
      : { status: 'already-present', path: written.path };
  }

  /**
   * Applies `transform` to an existing note in its write queue; a `clipId` for Undo when it changed the note. `job`,
   * the same change as a note worker job, lets a large note be changed off the event loop (`preparedTransform`).
   */
  private async rewriteInto(
    path: string,
    transform: NoteTransform,
    job?: (text: string) => NoteJob,
  ): Promise<{ path: string; clipId?: string }> {
    const note = await resolveExistingNote(this.vault.root, path);
    if (!note) throw new ApiError(404, 'not-found', `no note ${path} in the vault`);
    return this.queue.run(note.absolute, () =>
      this.writing(note.absolute, async () => {
        const beforeCommit = this.beforeCommit ? () => this.beforeCommit!(note.absolute) : undefined;
        // The path as requested, not as resolved now: the writer resolves it again right before each step.
        const target = {
          path: note.requested,
          confinedTo: this.vault.root,
          beforeCommit,
          lateWrites: this.lateWriteRescue(note.absolute, note.requested),
        };
        const prepared = job ? await preparedTransform(target, note.absolute, transform, job) : { transform };
        const change = recordingChange(prepared.transform);
        const result = await rewriteNote(target, change.transform, prepared.read);
        if (result.outcome === 'unchanged' || !change.last) return { path: note.path };
        this.vault.indexNoteSoon(this.vault.relativePath(result.realPath), result.text, result.stats);
        const clipId = this.undoRecords.remember({ path: note.path, requested: note.requested, write: change.last });
        return { path: note.path, clipId };
      }),
    );
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
        const name = copy === 1 ? note.fileName : `${stem}-${copy}.md`;
        const absolute = await createExclusive({ folder, name, confinedTo: this.vault.root }, note.text);
        if (absolute !== null) {
          const path = this.vault.relativePath(absolute);
          this.vault.indexNote(path, note.text, await stat(absolute, { bigint: true }));
          const clipId = this.undoRecords.remember({
            path,
            requested: absolute,
            write: { before: null, after: note.text },
          });
          return { status: 'created', path, clipId };
        }
      }
    });
  }

  /**
   * Takes back the clip `clipId` names (`DELETE /v1/clips/{id}`), in the note's write queue like any clip and through
   * the same write path: the transform is `undoClip`; a created note is removed only while it holds exactly what
   * refclip created. Anything else is a 409 `note-changed` with the note left alone.
   */
  async undo(clipId: string): Promise<UndoResponse> {
    const record = this.undoRecords.find(clipId);
    if (!record)
      throw new ApiError(404, 'not-found', 'this clip can no longer be undone (unknown or over 10 minutes old)');
    const key = await this.queueKey(record.path);
    const target = {
      path: record.requested,
      confinedTo: this.vault.root,
      lateWrites: this.lateWriteRescue(key, record.requested),
    };
    try {
      const undone = await this.queue.run(key, () => this.writing(key, () => this.takeBack(target, record)));
      if (!undone) throw changedError(record.path);
      this.undoRecords.forget(clipId);
      if (record.source) await this.removeSource(record.source);
      return { status: 'undone', path: record.path };
    } catch (error) {
      if (error instanceof NoteWriteError && (error.problem === 'refused' || error.problem === 'not-found')) {
        throw changedError(record.path);
      }
      throw writeError(error, record.path);
    }
  }

  /**
   * Takes back the source note an undone clip created, while it holds exactly what refclip wrote; one edited since,
   * or gone, is left alone (the callout is already undone, and the person's edit is worth more than tidiness).
   */
  private async removeSource(source: NonNullable<UndoRecord['source']>): Promise<void> {
    const target = { path: source.absolute, confinedTo: this.vault.root };
    const removed = await this.queue.run(CREATE_KEY, () => removeNoteIfHolds(target, source.text)).catch(() => false);
    if (removed) this.vault.removeNote(source.path);
  }

  /**
   * Merges an editor's in-place save that landed in the file refclip had just replaced (see `late-writes.ts`), in the
   * note's write queue like any change. The clip was answered already, so a save that cannot be merged is logged.
   */
  private lateWriteRescue(key: string, requested: string): LateWriteRescue {
    const rescue: LateWriteRescue = (transform) =>
      void this.queue.run(key, () =>
        this.writing(key, async () => {
          try {
            const target = { path: requested, confinedTo: this.vault.root, lateWrites: rescue };
            const result = await rewriteNote(target, transform);
            if (result.outcome === 'replaced') {
              this.vault.indexNoteSoon(this.vault.relativePath(result.realPath), result.text, result.stats);
            }
          } catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            console.error(`refclip: an edit saved into ${this.vault.relativePath(requested)} during a clip: ${why}`);
          }
        }),
      );
    return rescue;
  }

  /** Runs a write into the note at the absolute path `absolute` with the vault's watcher told (`whileWriting`). */
  private writing<T>(absolute: string, write: () => Promise<T>): Promise<T> {
    return this.vault.whileWriting(this.vault.relativePath(absolute), write);
  }

  /** The queue key a clip into the note used (its real path), so an undo never runs beside a clip into it. */
  private async queueKey(path: string): Promise<string> {
    return (await resolveExistingNote(this.vault.root, path))?.absolute ?? path;
  }

  private async takeBack(target: { path: string; confinedTo: string }, record: UndoRecord): Promise<boolean> {
    const { before, after } = record.write;
    if (before === null) {
      const removed = await removeNoteIfHolds(target, after);
      if (removed) this.vault.removeNote(record.path);
      return removed;
    }
    const result = await rewriteNote(target, undoTransform({ before, after }));
    this.vault.indexNoteSoon(this.vault.relativePath(result.realPath), result.text, result.stats);
    return true;
  }
}

/** `undoClip` as a write-path transform: a note that no longer holds what refclip wrote is refused. */
function undoTransform(write: ClipWrite): NoteTransform {
  return (current) => {
    const undone = undoClip(current, write);
    return undone.status === 'undone'
      ? { kind: 'replace', text: undone.text }
      : { kind: 'refuse', reason: 'it no longer holds the callout refclip added' };
  };
}

/**
 * Wraps a transform to keep the last change it made (the text it was given and the text it returned): what an Undo
 * takes back, even when the write path re-applied it after an outside edit.
 */
function recordingChange(transform: NoteTransform): { transform: NoteTransform; last: ClipWrite | null } {
  const recorder: { transform: NoteTransform; last: ClipWrite | null } = {
    last: null,
    transform: (current) => {
      const change = transform(current);
      if (change.kind === 'replace') recorder.last = { before: current, after: change.text };
      return change;
    },
  };
  return recorder;
}

function changedError(path: string): ApiError {
  return new ApiError(409, 'note-changed', `${path} no longer holds the callout refclip added, so it was left alone`);
}
