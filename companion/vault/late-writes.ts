import type { BigIntStats } from 'node:fs';
import { decodeNoteBytes, type NoteTransform } from '../../utils/core/index';
import { applyPatch, structuredPatch } from 'diff';
import { readSnapshot, type Snapshot } from './note-snapshot';

/**
 * How long a replaced note stays open after refclip's rename. An editor that saves in place and opened the note just
 * before the rename writes into the replaced file, which no name leads to any more; its save would be lost. Seen
 * within milliseconds, even on a loaded machine, so a few seconds leave a wide margin.
 */
const WATCH_MS = 3_000;
const FIRST_POLL_MS = 1;
const LONGEST_POLL_MS = 10;

/** Lines of context each change carries, so it lands beside the same lines in a note that has changed since. */
const CONTEXT_LINES = 3;
/** A diff that takes longer than this is given up (a save far from what refclip replaced): nothing is merged. */
const DIFF_TIMEOUT_MS = 2_000;

/**
 * `current` with the changes an outside save made to `base` (`saved`), each change on its own: one that still fits
 * beside its lines is applied, one that no longer fits (it overlaps what changed since: refclip's clip, or an older
 * copy the editor saved back) is left out, so the note loses nothing it holds. Myers' diff (the `diff` package),
 * O((n + m) · d) for d changed lines, and capped in time.
 */
export function mergeOutsideSave(base: string, saved: string, current: string): string {
  const patch = structuredPatch('note', 'note', base, saved, undefined, undefined, {
    context: CONTEXT_LINES,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!patch) return current;
  let merged = current;
  for (const hunk of patch.hunks) {
    const applied = applyPatch(merged, { ...patch, hunks: [hunk] }, { fuzzFactor: 0 });
    if (applied !== false) merged = applied;
  }
  return merged;
}

/** Queues a change to the note the watched file was replaced by, in the note's write queue. */
export type LateWriteRescue = (transform: NoteTransform) => void;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A write changes the size or the modification time; a rename or an unlink alone moves only ctime. */
const written = (a: BigIntStats, b: BigIntStats) => a.size !== b.size || a.mtimeNs !== b.mtimeNs;

/** The file's text, or null while it is being written or when it is not text (then nothing is rescued). */
async function textOf(old: Snapshot): Promise<string | null> {
  const now = await readSnapshot(old.handle, null).catch(() => null);
  if (now === null) return null;
  try {
    return decodeNoteBytes(now.bytes);
  } catch {
    return null;
  }
}

/** How long a save's text must stay the same, size and time included, before it is merged. */
const SETTLE_MS = 5;

/**
 * The file's text once a save into it has settled: read, then read again `SETTLE_MS` later with the same size and
 * modification time. A read racing an in-place save (truncate, then a write the kernel copies page by page) can
 * see a prefix of it, and merging that prefix would delete the note's tail; null until two reads agree.
 */
async function settledText(old: Snapshot, at: BigIntStats): Promise<string | null> {
  const first = await textOf(old);
  if (first === null) return null;
  await pause(SETTLE_MS);
  const after = await old.handle.stat({ bigint: true });
  if (written(at, after)) return null;
  return (await textOf(old)) === first ? first : null;
}

/**
 * Watches the file refclip just replaced (`old`, holding `seen.text` when last read, in state `seen.at`) for writes made through
 * a handle opened before the rename, and hands each one to `rescue` as a transform that merges it into the note as it
 * is then (`mergeOutsideSave`). Closes the handle when done. Never throws: the clip itself is already written and
 * answered.
 */
export async function watchLateWrites(
  old: Snapshot,
  seen: { text: string; at: BigIntStats | null },
  rescue: LateWriteRescue,
): Promise<void> {
  try {
    let base = seen.text;
    // Compared with the state refclip last read it in, so a save between that read and this watch is not missed;
    // null (no settled read): read it at once.
    let last = seen.at;
    const until = Date.now() + WATCH_MS;
    for (let wait = FIRST_POLL_MS; Date.now() < until; wait = Math.min(wait * 2, LONGEST_POLL_MS)) {
      await pause(wait);
      const now = await old.handle.stat({ bigint: true });
      if (last !== null && !written(last, now)) continue;
      const text = await settledText(old, now);
      // Empty is a save caught between its truncate and its write: taken as the base, the write that follows would
      // read as the whole note inserted again.
      if (text === null || text === '') continue;
      last = now;
      if (text === base) continue;
      const from = base;
      rescue((current) => {
        const merged = mergeOutsideSave(from, text, current);
        return merged === current ? { kind: 'unchanged' } : { kind: 'replace', text: merged };
      });
      base = text;
    }
  } catch {
    // The replaced file is gone for good or unreadable: nothing more can be rescued from it.
  } finally {
    await old.handle.close().catch(() => undefined);
  }
}
