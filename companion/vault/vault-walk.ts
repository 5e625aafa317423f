import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_FILE_PATTERN } from './atomic-file';

/** Folders the index never enters: app state, version control, Obsidian's bin, dependencies. */
export const SKIPPED_FOLDERS = new Set(['.obsidian', '.git', '.trash', 'node_modules']);

export interface WalkResult {
  /** Absolute paths of the `.md` files. */
  notes: string[];
  /** Absolute paths of the folders walked, the root included (the watcher watches each). */
  folders: string[];
  /** Temp files of writes interrupted by a crash, removed during the startup walk. */
  removedTempFiles: number;
}

/**
 * Lists a folder tree synchronously: at startup nothing else is waiting, and sync calls skip the thread-pool
 * round trip that dominates when reading tens of thousands of small files. Symlinks are not followed, so the
 * index never leaves the vault or loops.
 */
export function walkVault(root: string, { removeTempFiles }: { removeTempFiles: boolean }): WalkResult {
  const result: WalkResult = { notes: [], folders: [], removedTempFiles: 0 };
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    result.folders.push(folder);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        if (entry.name.endsWith('.md')) result.notes.push(path);
        else if (removeTempFiles && TEMP_FILE_PATTERN.test(entry.name)) {
          rmSync(path, { force: true });
          result.removedTempFiles++;
        }
      }
    }
  }
  return result;
}
