import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { onDiskSegments } from './normalised-name';
import { trimEndOf } from '../../utils/core/trim-chars';

/** Folders refclip never writes into (app state, version control, Obsidian's bin). */
export const PROTECTED_FOLDERS = ['.obsidian', '.git', '.trash'];

/** A request path refclip refuses; the server answers 400 `invalid-path` and touches nothing. */
export class InvalidPathError extends Error {
  override name = 'InvalidPathError';
}

/** Decodes percent-escapes until stable, so `%252e%252e` is seen as `..`; malformed escapes stay as they are. */
function fullyDecoded(segment: string): string {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Splits a vault-relative path into checked segments, refusing absolute paths, drive letters, backslashes,
 * NUL bytes, empty, `.` and `..` segments (also percent-encoded) and the protected folders.
 */
export function noteSegments(relativePath: string, { requireMd }: { requireMd: boolean }): string[] {
  if (relativePath.includes('\0')) throw new InvalidPathError('the path contains a NUL byte');
  if (relativePath.includes('\\')) throw new InvalidPathError('use "/" between folders, not "\\"');
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) {
    throw new InvalidPathError('the path must be relative to the vault');
  }
  if (requireMd && !relativePath.endsWith('.md')) throw new InvalidPathError('a note path must end in .md');
  const segments = relativePath.split('/');
  for (const segment of segments) {
    const decoded = fullyDecoded(segment);
    if (decoded === '' || decoded === '.' || decoded === '..') {
      throw new InvalidPathError('the path may not contain empty, "." or ".." segments');
    }
    if (/[/\\\0]/.test(decoded)) throw new InvalidPathError('the path contains an encoded separator or NUL');
    if (PROTECTED_FOLDERS.includes(decoded.toLowerCase())) {
      throw new InvalidPathError(`refclip never writes into ${decoded}/`);
    }
  }
  return segments;
}

function insideVault(vaultReal: string, candidate: string): boolean {
  return candidate.startsWith(vaultReal + sep);
}

/** The vault-relative `/` path of an absolute path inside the vault, checked against the protected folders. */
function checkedRelative(vaultReal: string, absolute: string): string {
  if (!insideVault(vaultReal, absolute)) throw new InvalidPathError('the path leaves the vault');
  const rel = relative(vaultReal, absolute).split(sep).join('/');
  noteSegments(rel, { requireMd: false });
  return rel;
}

/**
 * The real location of an existing note inside the vault (symlinks resolved and confined), and `requested`: the
 * vault path joined with the names as they are on disk, a name typed NFC matching one stored NFD and back.
 */
export async function resolveExistingNote(
  vaultReal: string,
  relativePath: string,
): Promise<{ absolute: string; path: string; requested: string } | null> {
  const segments = noteSegments(relativePath, { requireMd: true });
  const onDisk = await onDiskSegments(vaultReal, segments);
  if (onDisk === null) {
    await assertParentInside(vaultReal, join(vaultReal, ...segments));
    return null;
  }
  const requested = join(vaultReal, ...onDisk);
  let real: string;
  try {
    real = await realpath(requested);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InvalidPathError('the path cannot be resolved');
  }
  const path = checkedRelative(vaultReal, real);
  if (!path.endsWith('.md')) throw new InvalidPathError('the path resolves to a file that is not a .md note');
  const stats = await lstat(real);
  if (!stats.isFile()) throw new InvalidPathError('the path is not a regular file');
  return { absolute: real, path, requested };
}

/** Walks up to the nearest existing ancestor and refuses when its real path is outside the vault. */
async function assertParentInside(vaultReal: string, absolute: string): Promise<void> {
  let dir = dirname(absolute);
  for (;;) {
    try {
      const real = await realpath(dir);
      if (real !== vaultReal) checkedRelative(vaultReal, real);
      return;
    } catch (error) {
      if (error instanceof InvalidPathError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dir === vaultReal) {
        throw new InvalidPathError('the folder cannot be resolved');
      }
      dir = dirname(dir);
    }
  }
}

/** How often `prepareFolder` resolves a folder again when its name was taken between resolving and creating it. */
const MAX_RETRIES = 12;

/**
 * A folder for a new note: created inside the vault when missing. Every existing ancestor is resolved first so a
 * symlinked folder cannot lead the new file outside the vault.
 */
export async function prepareFolder(vaultReal: string, folder: string | undefined): Promise<string> {
  const trimmed = trimEndOf(folder ?? '', '/');
  if (trimmed === '') return vaultReal;
  const segments = noteSegments(trimmed, { requireMd: false });
  let current = vaultReal;
  let retries = 0;
  for (let at = 0; at < segments.length;) {
    const segment = segments[at]!;
    const next = join(current, segment);
    try {
      const real = await realpath(next);
      checkedRelative(vaultReal, real);
      if (!(await lstat(real)).isDirectory()) throw new InvalidPathError(`${segment} is not a folder`);
      current = real;
    } catch (error) {
      if (error instanceof InvalidPathError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new InvalidPathError('the folder cannot be resolved');
      const made = await mkdir(next).then(
        () => true,
        (failure: NodeJS.ErrnoException) => {
          if (failure.code === 'EEXIST') return false;
          throw failure;
        },
      );
      // Something took the name since it was resolved (a folder, or a symlink): resolved and checked again, a few
      // times (a broken symlink of that name is never resolved, and never replaced).
      if (!made) {
        if (++retries > MAX_RETRIES) throw new InvalidPathError(`${segment} cannot be created: the name is taken`);
        continue;
      }
      current = next;
    }
    at++;
  }
  return current;
}

/** Vault-relative `/` path of a file in a folder returned by `prepareFolder`. */
export function vaultRelative(vaultReal: string, absolute: string): string {
  return relative(vaultReal, absolute).split(sep).join('/');
}
