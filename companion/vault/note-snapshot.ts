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
 * An empty read is confirmed after this pause: an editor that saves in place truncates first and writes a moment
 * later, and a clip applied to that empty text would replace the whole note (issue 14, item 1).
 */
const EMPTY_SETTLE_MS = 25;

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

/**
 * Reads the note open in `handle`, or `null` when the read may be torn: the file changed while it was read (size,
 * mtime, ctime), `linkedAt` no longer names this file, or it reads empty and does not stay so. Refuses a note over
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
  if (bytes.length === 0) {
    await pause(EMPTY_SETTLE_MS);
    if (!sameContent(after, await handle.stat({ bigint: true }))) return null;
  }
  return { handle, bytes, stats: after };
}
