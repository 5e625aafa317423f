import { constants } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { NoteWriteError } from './note-write-error';

/** An open folder and the path through which names in it are reached. */
export interface OpenFolder {
  handle: FileHandle;
  /**
   * On Linux `/proc/self/fd/N`: names resolve in the folder that was opened and checked, even if its path is
   * swapped for a symlink a moment later (Node has no `openat`). Elsewhere the folder's real path, re-checked
   * right before each step.
   */
  path: string;
  /** The folder's real path when it was opened and checked. */
  real: string;
}

/** Refuses a real path outside `root` (when given), the vault the note must stay in. */
export function assertInside(root: string | undefined, real: string): void {
  if (root !== undefined && real !== root && !real.startsWith(root + sep)) {
    throw new NoteWriteError('outside-vault', 'its real path leaves the vault; refclip never writes outside it');
  }
}

/** Resolves `path` (a note, symlinks followed) to its real path inside `root`; `null` when it does not exist. */
export async function resolveInside(root: string | undefined, path: string): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  assertInside(root, real);
  return real;
}

/** Where the open folder is now, as the kernel names it (Linux); `folder` itself elsewhere. */
async function openedAt(handle: FileHandle, folder: string): Promise<string> {
  return process.platform === 'linux' ? readlink(`/proc/self/fd/${handle.fd}`) : folder;
}

/** Opens the folder at the real path `folder`; `null` when what was opened is not what that path now names. */
async function openRealFolder(folder: string): Promise<OpenFolder | null> {
  const handle = await open(folder, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    // The three checks run at slightly different moments, so a swap between them could pass them all: the folder the
    // handle holds, as the kernel names it, is what settles it.
    const [opened, named, resolved, where] = await Promise.all([
      handle.stat({ bigint: true }),
      stat(folder, { bigint: true }),
      realpath(folder),
      openedAt(handle, folder),
    ]);
    if (opened.ino !== named.ino || opened.dev !== named.dev || resolved !== folder || where !== folder) {
      await handle.close();
      return null;
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { handle, path: process.platform === 'linux' ? `/proc/self/fd/${handle.fd}` : folder, real: folder };
}

/**
 * Opens the folder of the note whose real path is `real`, after resolving `path` again: `null` when it no longer
 * leads to `real` (moved or swapped meanwhile), an error when the folder now leaves the vault.
 */
export async function openNoteFolder(root: string | undefined, path: string, real: string): Promise<OpenFolder | null> {
  if ((await resolveInside(root, path)) !== real) return null;
  return openRealFolder(dirname(real));
}

/**
 * Opens `folder` (for a new note) at its real path, resolved right now and checked to be inside `root`: `null` when
 * it changed between that check and the open, an error when it now leaves the vault or is gone.
 */
export async function openFolderInside(root: string | undefined, folder: string): Promise<OpenFolder | null> {
  const real = await realpath(folder);
  assertInside(root, real);
  return openRealFolder(real);
}
