import type { BigIntStats } from 'node:fs';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeNoteBytes, NoteEncodingError, type NoteTransform } from '../../utils/core/index';
import { tempNameFor } from './atomic-file';
import { openNoteFolder, resolveInside, type OpenFolder } from './confined-folder';
import { readSnapshot, rememberOwnWrite, sameContent, type Snapshot } from './note-snapshot';
import { watchLateWrites, type LateWriteRescue } from './late-writes';
import { mergeLineEdits } from './line-merge';
import { NoteWriteError } from './note-write-error';

/**
 * The one write path for existing notes, shared by `refclip serve` and `refclip add` (issue 14): read strictly,
 * apply a transform, replace the note only if it is unchanged, and re-apply when it was not.
 *
 * Guarantee: an edit another program makes to the note is never overwritten, whether it renames a new file over the
 * note or writes into it in place. One that lands before refclip's final check is merged into the change (or the
 * transform runs again on it). One written after the check into the file the rename replaced, through a handle
 * opened before, is merged by the watch on that file (`target.lateWrites`, `late-writes.ts`) for 3 seconds, in
 * the note's write queue like any change; without `lateWrites` such a save is not seen (see README, "What refclip
 * guarantees").
 */

/** Reads, checks and re-applies at most this often (torn reads, outside edits) before giving up unchanged. */
const MAX_ATTEMPTS = 12;

/** The note and where it may be written. */
export interface NoteTarget {
  /** The note's path as given; symlinks are followed to the file they name, and resolved again before each step. */
  path: string;
  /** Real path of the folder the note must stay inside (the vault); the CLI writes wherever the path leads. */
  confinedTo?: string;
  /** Test seam: runs between writing the temp file and the final check, where an outside edit would race. */
  beforeCommit?: () => Promise<void>;
  /** Test seam: runs between the final check and the rename, where an in-place save lands in the file replaced. */
  afterCheck?: () => Promise<void>;
  /** Takes the merge of an in-place save that landed in the replaced file after the final check (`late-writes.ts`). */
  lateWrites?: LateWriteRescue;
}

/** What `rewriteNote` did, and the note's real path, text and file state afterwards. */
export interface Rewritten {
  outcome: 'replaced' | 'unchanged';
  realPath: string;
  text: string;
  stats: BigIntStats;
}

/** A commit's outcome: the note replaced (the new file's state), or the note no longer what was read. */
type Commit = { kind: 'replaced'; stats: BigIntStats } | { kind: 'moved' };

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A short, growing, jittered pause, so a retry does not land in the same phase of an editor's save loop. */
const backoff = (attempt: number) => pause(Math.min(2 ** attempt, 40) * (0.5 + Math.random()));

function decode(bytes: Buffer): string {
  try {
    return decodeNoteBytes(bytes);
  } catch (error) {
    if (error instanceof NoteEncodingError) throw new NoteWriteError('not-text', error.message);
    throw error;
  }
}

/** Opens and reads the note at its real path; `null` when the read may be torn. */
async function openSnapshot(real: string): Promise<Snapshot | null> {
  const handle = await open(real, 'r');
  const snapshot = await readSnapshot(handle, real).catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!snapshot) await handle.close();
  return snapshot;
}

/**
 * Opens the note at its real path as `earlier` read it, without reading it again, while the file is in the same
 * state (inode, size, mtime, ctime, the standard of a torn-read check): a 5 MB note is not read and decoded twice per
 * clip. `null` (nothing left open) when it changed. The final check before the rename compares the bytes all the same.
 */
async function reopenUnchanged(real: string, earlier: NoteRead): Promise<Snapshot | null> {
  const handle = await open(real, 'r');
  const stats = await handle.stat({ bigint: true }).catch(() => null);
  const same =
    stats !== null &&
    stats.ino === earlier.stats.ino &&
    stats.dev === earlier.stats.dev &&
    sameContent(earlier.stats, stats) &&
    stats.size === BigInt(earlier.bytes.length);
  if (same) return { handle, bytes: earlier.bytes, stats };
  await handle.close();
  return null;
}

/** Whether the note is still the file and the bytes of `base`, at the same real path (checked all at once). */
async function stillBase(target: NoteTarget, real: string, folder: OpenFolder, base: Snapshot): Promise<boolean> {
  const now = Buffer.alloc(base.bytes.length + 1);
  const [resolved, linked, stats, { bytesRead }] = await Promise.all([
    resolveInside(target.confinedTo, target.path),
    stat(join(folder.path, basename(real)), { bigint: true }).catch(() => null),
    base.handle.stat({ bigint: true }),
    base.handle.read(now, 0, now.length, 0),
  ]);
  return (
    resolved === real &&
    linked?.ino === base.stats.ino &&
    linked.dev === base.stats.dev &&
    sameContent(base.stats, stats) &&
    bytesRead === base.bytes.length &&
    now.subarray(0, bytesRead).equals(base.bytes)
  );
}

/** Replaces the note with `text` if it still holds `base`, through its checked folder. */
async function commit(target: NoteTarget, real: string, base: Snapshot, text: string): Promise<Commit> {
  const folder = await openNoteFolder(target.confinedTo, target.path, real);
  if (!folder) return { kind: 'moved' };
  try {
    const tempPath = join(folder.path, tempNameFor(basename(real)));
    const mode = Number(base.stats.mode) & 0o7777;
    const temp = await open(tempPath, 'wx', mode);
    let renamed = false;
    try {
      await temp.writeFile(text, 'utf8');
      await temp.chmod(mode);
      await temp.sync();
      await target.beforeCommit?.();
      if (!(await stillBase(target, real, folder, base))) return { kind: 'moved' };
      await target.afterCheck?.();
      await rename(tempPath, join(folder.path, basename(real)));
      renamed = true;
      const [stats] = await Promise.all([temp.stat({ bigint: true }), folder.handle.sync()]);
      rememberOwnWrite(stats);
      return { kind: 'replaced', stats };
    } finally {
      await temp.close();
      if (!renamed) await unlink(tempPath).catch(() => undefined);
    }
  } finally {
    await folder.handle.close();
  }
}

/** The transform's new text for `current` (itself when unchanged); a refusal is thrown. */
function applied(transform: NoteTransform, current: string): string {
  const change = transform(current);
  if (change.kind === 'refuse') throw new NoteWriteError('refused', change.reason);
  return change.kind === 'replace' ? change.text : current;
}

/**
 * Applies `transform` to the note at `target`: reads it strictly (UTF-8 text, at most 20 MB, never a torn read),
 * refuses a read-only note, and replaces it only if it still holds what was read. When another program changed it
 * meanwhile, the two edits are merged when they touch different lines (`mergeLineEdits`), otherwise the transform
 * runs again on the newest text: what is written is always the newest text plus the transform's change, nothing
 * else, so running the transform again never drops an outside edit. After the rename the replaced file is watched
 * (`target.lateWrites`). `earlier` (`readNote` just before) is reused while the file is unchanged. Throws
 * `NoteWriteError` or a file system error, with the note untouched.
 */
export async function rewriteNote(
  target: NoteTarget,
  transform: NoteTransform,
  earlier?: NoteRead,
): Promise<Rewritten> {
  /** The file expected at the note's path, and its text. */
  let base: Snapshot | null = null;
  let baseText = '';
  /** The change waiting to be written: the note went from `from` to `to`. */
  let edit: { from: string; to: string } | null = null;
  let real = '';
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!base) {
        const resolved = await resolveInside(target.confinedTo, target.path);
        if (resolved === null) throw new NoteWriteError('not-found', 'no such note');
        real = resolved;
        const reused = attempt === 0 && earlier?.realPath === real ? await reopenUnchanged(real, earlier) : null;
        base = reused ?? (await openSnapshot(real));
        if (!base) {
          await backoff(attempt);
          continue;
        }
        baseText = reused && earlier ? earlier.text : decode(base.bytes);
      }
      if (edit === null || edit.from !== baseText) {
        const merged: string | null = edit === null ? null : mergeLineEdits(edit.from, edit.to, baseText);
        edit = { from: baseText, to: merged ?? applied(transform, baseText) };
      }
      if (edit.to === baseText) return { outcome: 'unchanged', realPath: real, text: baseText, stats: base.stats };
      // A rename would bypass a read-only mode the person set on purpose.
      if ((Number(base.stats.mode) & 0o222) === 0) throw new NoteWriteError('read-only', 'the note is read-only');
      const result = await commit(target, real, base, edit.to);
      if (result.kind === 'moved') {
        await base.handle.close();
        base = null;
        await backoff(attempt);
        continue;
      }
      // A save into the replaced file after the check is merged by the watch as a change of its own, re-applied to
      // whatever the note holds when its turn comes. Merged into `edit` here instead, it was lost whenever a later
      // round ran the transform again on a newer text (late-save-chains.test.ts).
      if (target.lateWrites) {
        void watchLateWrites(base, { text: baseText, at: base.stats }, target.lateWrites, target.path);
      } else {
        await base.handle.close();
      }
      base = null;
      return { outcome: 'replaced', realPath: real, text: edit.to, stats: result.stats };
    }
  } finally {
    await base?.handle.close();
  }
  throw new NoteWriteError('kept-changing', 'it kept changing while refclip wrote to it; try again');
}

/** A strict read of a note (`readNote`): what a following `rewriteNote` starts from while the file is unchanged. */
export interface NoteRead {
  realPath: string;
  bytes: Buffer;
  text: string;
  stats: BigIntStats;
  readOnly: boolean;
}

/** The note's text, read as `rewriteNote` reads it (strict, never torn), for a preview such as `add --dry-run`. */
export async function readNote(target: NoteTarget): Promise<NoteRead> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const real = await resolveInside(target.confinedTo, target.path);
    if (real === null) throw new NoteWriteError('not-found', 'no such note');
    const snapshot = await openSnapshot(real);
    if (!snapshot) {
      await backoff(attempt);
      continue;
    }
    await snapshot.handle.close();
    const { bytes, stats } = snapshot;
    return { realPath: real, bytes, text: decode(bytes), stats, readOnly: (Number(stats.mode) & 0o222) === 0 };
  }
  throw new NoteWriteError('kept-changing', 'it kept changing while refclip read it; try again');
}

/**
 * Removes the note at `target` when it holds exactly `expected` (taking back a note refclip created); `false`, with
 * the note left where it is, otherwise. The note is renamed aside inside its checked folder first, so an edit saved
 * between the check and the removal is not lost: it is linked back under its name.
 */
export async function removeNoteIfHolds(target: NoteTarget, expected: string): Promise<boolean> {
  const real = await resolveInside(target.confinedTo, target.path);
  if (real === null) return false;
  const folder = await openNoteFolder(target.confinedTo, target.path, real);
  if (!folder) return false;
  try {
    const named = join(folder.path, basename(real));
    const aside = join(folder.path, tempNameFor(basename(real)));
    await rename(named, aside);
    const snapshot = await openSnapshot(aside);
    await snapshot?.handle.close();
    if (snapshot !== null && snapshot.bytes.equals(Buffer.from(expected, 'utf8'))) {
      await unlink(aside);
      await folder.handle.sync();
      return true;
    }
    // link(2), not rename: a note saved under the name meanwhile is never replaced; the aside copy then stays.
    await link(aside, named);
    await unlink(aside);
    return false;
  } finally {
    await folder.handle.close();
  }
}
