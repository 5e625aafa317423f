import { randomBytes } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { openFolderInside, type OpenFolder } from './confined-folder';
import { NoteWriteError } from './note-write-error';

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

/** Tries to open the folder again at most this often when it keeps changing under the check. */
const MAX_ATTEMPTS = 12;

/** Writes `text` to a fresh temp file in the open folder, flushed to disk; its path there (the caller links it). */
async function writeTemp(folder: OpenFolder, name: string, text: string): Promise<string> {
  const temp = join(folder.path, tempNameFor(name));
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

/**
 * Creates the note `name` in `folder` with `text`: the folder's real path is resolved and checked to be inside
 * `confinedTo` right before, and the temp file and the link are made through an open handle on it (as
 * `note-writer.ts` does for rewrites), so a folder swapped for a symlink to the outside meanwhile cannot redirect
 * the write. Returns the new note's real path; `null` when a file of that name already exists (nothing is
 * overwritten).
 */
export async function createExclusive(
  target: { folder: string; name: string; confinedTo?: string },
  text: string,
): Promise<string | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const folder = await openFolderInside(target.confinedTo, target.folder);
    if (!folder) {
      await new Promise((retry) => setTimeout(retry, Math.min(2 ** attempt, 40)));
      continue;
    }
    try {
      const temp = await writeTemp(folder, target.name, text);
      try {
        await link(temp, join(folder.path, target.name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
        throw error;
      } finally {
        await unlink(temp).catch(() => undefined);
      }
      await folder.handle.sync();
      // The folder as it was checked and opened, whatever its path names now.
      return join(folder.real, target.name);
    } finally {
      await folder.handle.close();
    }
  }
  throw new NoteWriteError('kept-changing', 'its folder kept changing while refclip created the note; try again');
}
