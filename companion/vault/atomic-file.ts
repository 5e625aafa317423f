import { randomBytes } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Creating new notes, hand-written rather than `write-file-atomic` because a new note must not clobber one that
 * appeared meanwhile (link(2) fails on an existing name). Existing notes are changed by `note-writer.ts`.
 */

/** Temp files refclip leaves only when it is killed mid-write; removed on the next start. */
export const TEMP_FILE_PATTERN = /^\..+\.refclip-[0-9a-f]{12}\.tmp$/;

/** A fresh temp file name for a note named `name`, in the note's own folder (a rename never crosses disks). */
export function tempNameFor(name: string): string {
  // 40 code points (at most 160 bytes) keep the name under NAME_MAX (255 bytes) for any note name.
  const base = Array.from(name).slice(0, 40).join('');
  return `.${base}.refclip-${randomBytes(6).toString('hex')}.tmp`;
}

function tempPathFor(target: string): string {
  return join(dirname(target), tempNameFor(basename(target)));
}

/** Writes `text` to a fresh temp file next to `target`, flushed to disk; the caller links or removes it. */
async function writeTemp(target: string, text: string): Promise<string> {
  const temp = tempPathFor(target);
  // A new note gets 0666 minus the umask, like any file the user creates.
  const handle = await open(temp, 'wx', 0o666);
  try {
    await handle.writeFile(text, 'utf8');
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

/** Creates `target` with `text`; `false` when a file of that name already exists (nothing is overwritten). */
export async function createExclusive(target: string, text: string): Promise<boolean> {
  const temp = await writeTemp(target, text);
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
