import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { recordNote } from './note-record';
import type { NoteRecord } from './vault-index';

/** Vault-relative `/` path of an absolute path inside the vault. */
export function vaultPath(root: string, absolute: string): string {
  // The common case (a file below the root) without path.relative, which costs a lot over 50,000 notes.
  const inside = absolute.startsWith(root + sep) ? absolute.slice(root.length + 1) : relative(root, absolute);
  return sep === '/' ? inside : inside.split(sep).join('/');
}

/** Reads and records one note file synchronously; `null` when it vanished or cannot be read. */
export function recordFile(root: string, absolute: string): NoteRecord | null {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const mtime = fstatSync(fd).mtimeMs;
    return recordNote(vaultPath(root, absolute), readFileSync(fd, 'utf8'), mtime);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
