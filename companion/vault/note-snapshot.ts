import type { BigIntStats } from 'node:fs';
import { stat, type FileHandle } from 'node:fs/promises';
import { MAX_NOTE_BYTES } from '../../utils/core/index';
import { NoteWriteError } from './note-write-error';

/** A note's bytes as read through an open handle, with the file's state when they were read. */
export interface Snapshot {
  handle: FileHandle;
  bytes: Buffer;
  stats: BigIntStats;
}

/**
 * A read that may have caught an editor's in-place save half done is trusted only once the file has not been written
 * for this long. Such a save truncates, then writes; a read between the two is empty, one during the write a prefix
 * that mostly ends inside a line, and a clip applied to either replaces the note's tail or the whole note (issue 14,
 * item 1). The two calls take microseconds, but on a saturated machine the editor can be held off the CPU between
 * them or inside the write for tens of milliseconds: a fixed 25 ms pause after an empty read was seen to fall short.
 */
const QUIET_MS = 500;

/**
 * The state refclip left the files it wrote whole (temp file, then rename) in, by device and inode: such a file read
 * in that state is complete whatever its last byte, so clips in a row into a note without a final newline do not wait.
 */
const ownWrites = new Map<string, BigIntStats>();
const OWN_WRITES_KEPT = 64;
const fileKey = (stats: BigIntStats) => `${stats.dev}:${stats.ino}`;

/** Remembers `stats` as the state refclip itself just left a whole file in. */
export function rememberOwnWrite(stats: BigIntStats): void {
  ownWrites.delete(fileKey(stats));
  ownWrites.set(fileKey(stats), stats);
  if (ownWrites.size > OWN_WRITES_KEPT) ownWrites.delete(ownWrites.keys().next().value!);
}

/**
 * Whether `bytes` may be an in-place save caught half done: empty, or ending inside a line, and not a file in the
 * state refclip wrote it in.
 */
export function mayBeHalfSaved(bytes: Buffer, stats: BigIntStats): boolean {
  const last = bytes.at(-1);
  if (last === 0x0a || last === 0x0d) return false;
  const own = ownWrites.get(fileKey(stats));
  return own === undefined || !sameContent(own, stats);
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Whether nothing was written to the file between two `fstat`s (ctime also moves on chmod and on a rename). */
export function sameContent(a: BigIntStats, b: BigIntStats): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** Reads the whole file from offset 0; `null` when it grew past `size` meanwhile. */
async function readAll(handle: FileHandle, size: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(size + 1);
  let total = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
    if (bytesRead === 0) return buffer.subarray(0, total);
    total += bytesRead;
    if (total === buffer.length) return null;
  }
}

/** How often a file that may be half saved is looked at again while `staysQuiet` waits. */
const QUIET_POLL_MS = 10;

/**
 * Whether the file open in `handle` stays in state `at` until `QUIET_MS` after its last write (at most that long from
 * now, whatever its mtime says). Looked at every `QUIET_POLL_MS`, so a save that goes on is seen, and read again,
 * within milliseconds: only a file left quiet in a state that looks half saved waits the whole time.
 */
async function staysQuiet(handle: FileHandle, at: BigIntStats): Promise<boolean> {
  const quietFor = Math.max(0, Date.now() - Number(at.mtimeNs / 1_000_000n));
  const until = Date.now() + QUIET_MS - Math.min(QUIET_MS, quietFor);
  while (Date.now() < until) {
    await pause(Math.min(QUIET_POLL_MS, until - Date.now()));
    if (!sameContent(at, await handle.stat({ bigint: true }))) return false;
  }
  return true;
}

/**
 * Reads the note open in `handle`, or `null` when the read may be torn: the file changed while it was read (size,
 * mtime, ctime), `linkedAt` no longer names this file, or it reads empty or ending inside a line, was written less
 * than `QUIET_MS` ago, and is written again before that time is up (see `mayBeHalfSaved`). Refuses a note over
 * `MAX_NOTE_BYTES` before reading it.
 */
export async function readSnapshot(handle: FileHandle, linkedAt: string | null): Promise<Snapshot | null> {
  const before = await handle.stat({ bigint: true });
  if (!before.isFile()) throw new NoteWriteError('not-a-note', 'it is not a regular file');
  if (before.size > BigInt(MAX_NOTE_BYTES)) {
    throw new NoteWriteError(
      'too-large',
      `it is ${before.size} bytes, over refclip's limit of ${MAX_NOTE_BYTES} bytes (20 MB) for a note`,
    );
  }
  const bytes = await readAll(handle, Number(before.size));
  const after = await handle.stat({ bigint: true });
  if (bytes === null || !sameContent(before, after) || BigInt(bytes.length) !== after.size) return null;
  if (linkedAt !== null) {
    const linked = await stat(linkedAt, { bigint: true }).catch(() => null);
    if (linked?.ino !== after.ino || linked.dev !== after.dev) return null;
  }
  if (mayBeHalfSaved(bytes, after) && !(await staysQuiet(handle, after))) return null;
  return { handle, bytes, stats: after };
}
