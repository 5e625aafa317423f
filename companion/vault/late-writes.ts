import type { BigIntStats } from 'node:fs';
import { decodeNoteBytes, type NoteTransform } from '../../utils/core/index';
import { readSnapshot, type Snapshot } from './note-snapshot';
import { mergeOutsideSave } from './save-merge';

/**
 * How long a replaced note stays open after refclip's rename. An editor that saves in place and opened the note
 * before the rename writes into the replaced file, which no name leads to any more, when its write lands after
 * refclip's final check; its save would be lost. Seen within milliseconds, even on a loaded machine, so a few seconds
 * leave a wide margin.
 */
const WATCH_MS = 3_000;
const FIRST_POLL_MS = 1;
const LONGEST_POLL_MS = 10;

/** Queues a change to the note the watched file was replaced by, in the note's write queue. */
export type LateWriteRescue = (transform: NoteTransform) => void;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A write changes the size or the modification time; a rename or an unlink alone moves only ctime. */
const written = (a: BigIntStats, b: BigIntStats) => a.size !== b.size || a.mtimeNs !== b.mtimeNs;

/** The file's text, or null while it is being written or when it is not text (then nothing is rescued). */
export async function textOf(old: Snapshot): Promise<string | null> {
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
export async function settledText(old: Snapshot, at: BigIntStats): Promise<string | null> {
  const first = await textOf(old);
  if (first === null) return null;
  await pause(SETTLE_MS);
  const after = await old.handle.stat({ bigint: true });
  if (written(at, after)) return null;
  return (await textOf(old)) === first ? first : null;
}

/** Prints a `refclip:` line on stderr (the server's log, `refclip add`'s errors) about a save into `note`. */
const report = (note: string, what: string) => console.error(`refclip: ${note}: a save into it during a clip: ${what}`);

/** The rescue of one late save: `saved` (the replaced file's text, last merged at `base`) merged into the note. */
function rescueOf(note: string, base: string, saved: string): NoteTransform {
  // The write path may run a transform more than once (the note changed meanwhile): each note is said once.
  const said = new Set<string>();
  return (current) => {
    const merged = mergeOutsideSave(base, saved, current);
    for (const line of merged.notes) {
      if (!said.has(line)) report(note, line);
      said.add(line);
    }
    return merged.text === current ? { kind: 'unchanged' } : { kind: 'replace', text: merged.text };
  };
}

/**
 * Watches the file refclip just replaced (`old`, holding `seen.text` in state `seen.at` at refclip's final check)
 * for writes made through a handle opened before the rename, and hands each one to `rescue` as a transform that
 * merges it into the note as it is then (`mergeOutsideSave`). Each rescue carries its own save and base, so however
 * often the write path runs it again on a newer text, the save goes with it. `note` names the note in log lines.
 * Closes the handle when done. Never throws: the clip itself is already written and answered.
 */
export async function watchLateWrites(
  old: Snapshot,
  seen: { text: string; at: BigIntStats },
  rescue: LateWriteRescue,
  note: string,
): Promise<void> {
  try {
    let base = seen.text;
    // Compared with the state at the final check, so a save between the check and the rename is not missed.
    let last = seen.at;
    /** Merges the save seen in state `now` once it has settled; whether it had. */
    const take = async (now: BigIntStats): Promise<boolean> => {
      const text = await settledText(old, now);
      // Empty is a save caught between its truncate and its write: taken as the base, the write that follows would
      // read as the whole note inserted again.
      if (text === null || text === '') return false;
      last = now;
      if (text !== base) rescue(rescueOf(note, base, text));
      base = text;
      return true;
    };
    const until = Date.now() + WATCH_MS;
    for (let wait = FIRST_POLL_MS; Date.now() < until; wait = Math.min(wait * 2, LONGEST_POLL_MS)) {
      await pause(wait);
      const now = await old.handle.stat({ bigint: true });
      if (written(last, now)) await take(now);
    }
    // A save since the last poll gets one more look; one that never settled is said, not dropped silently.
    const end = await old.handle.stat({ bigint: true });
    if (written(last, end) && !(await take(end))) {
      report(note, `it was empty or still being written ${WATCH_MS} ms after the clip, so it was not merged`);
    }
  } catch {
    // The replaced file is gone for good or unreadable: nothing more can be rescued from it.
  } finally {
    await old.handle.close().catch(() => undefined);
  }
}
