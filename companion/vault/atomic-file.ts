import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic note writes, hand-written rather than `write-file-atomic` because refclip must compare the note with
 * what it read right before the rename (an edit made meanwhile triggers a re-apply instead of being overwritten),
 * and must create new notes without clobbering one that appeared meanwhile (link(2) fails on an existing name).
 */

/** Temp files refclip leaves only when it is killed mid-write; removed on the next start. */
export const TEMP_FILE_PATTERN = /^\..+\.refclip-[0-9a-f]{12}\.tmp$/;

function tempPathFor(target: string): string {
  // 40 code points (at most 160 bytes) keep the name under NAME_MAX (255 bytes) for any note name.
  const base = Array.from(basename(target)).slice(0, 40).join('');
  return join(dirname(target), `.${base}.refclip-${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `text` to a fresh temp file next to `target`, flushed to disk; the caller renames or removes it. */
async function writeTemp(target: string, text: string, mode: number | undefined): Promise<string> {
  const temp = tempPathFor(target);
  // A new note gets 0666 minus the umask, like any file the user creates; a replaced note keeps its mode.
  const handle = await open(temp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(text, 'utf8');
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** Flushes the directory entry of a rename or link, so the new name survives a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type ReplaceOutcome = 'replaced' | 'changed-meanwhile';

/**
 * Replaces `target` with `text` when it still holds `expected`; otherwise leaves it alone and reports
 * `changed-meanwhile`. The target is never truncated: readers see either the old or the new bytes.
 */
export async function replaceIfUnchanged(
  target: string,
  text: string,
  expected: string,
  mode: number,
  beforeCommit?: () => Promise<void>,
): Promise<ReplaceOutcome> {
  const temp = await writeTemp(target, text, mode);
  try {
    await beforeCommit?.();
    const current = await readFile(target, 'utf8');
    if (current !== expected) {
      await unlink(temp);
      return 'changed-meanwhile';
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
  return 'replaced';
}

/** Creates `target` with `text`; `false` when a file of that name already exists (nothing is overwritten). */
export async function createExclusive(target: string, text: string): Promise<boolean> {
  const temp = await writeTemp(target, text, undefined);
  try {
    await link(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dirname(target));
  return true;
}

/**
 * Removes `target` when it holds exactly `expected`; `false` (and the file left where it is) otherwise. The file is
 * first renamed aside, so an edit saved between the check and the removal cannot be lost: it is put back.
 */
export async function removeIfHolds(target: string, expected: string): Promise<boolean> {
  const aside = tempPathFor(target);
  await rename(target, aside);
  if ((await readFile(aside, 'utf8')) === expected) {
    await unlink(aside);
    await syncDirectory(dirname(target));
    return true;
  }
  await link(aside, target);
  await unlink(aside);
  return false;
}
