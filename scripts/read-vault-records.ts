import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { recordNote } from '../companion/vault/note-record';
import type { NoteRecord } from '../companion/vault/vault-index';

/** Every `.md` note below `dir` as the vault index records it, in path order (the suggestion measuring scripts). */
export function readVaultRecords(dir: string): NoteRecord[] {
  const records: NoteRecord[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const notePath = relative(dir, path).split('\\').join('/');
        records.push(recordNote(notePath, readFileSync(path, 'utf8'), 0));
      }
    }
  };
  walk(dir);
  return records.sort((a, b) => (a.note.path < b.note.path ? -1 : 1));
}
