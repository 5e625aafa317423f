import { Worker } from 'node:worker_threads';
import { recordFile, vaultPath } from './note-files';
import { recordNote } from './note-record';
import type { NoteRecord } from './vault-index';

/** Below this many notes a second thread costs more to start than it saves. */
const WORKER_FROM = 2000;

type FileBatch = [absolute: string, text: string, mtime: number][] | null;

/**
 * Records every note file for the startup index. Large vaults are read by a worker thread while this thread
 * records what it sends (the reading is about 40% of the work); if the worker fails, this thread reads the rest.
 */
export async function recordNoteFiles(
  root: string,
  files: string[],
  onRecord: (record: NoteRecord) => void,
): Promise<void> {
  if (files.length < WORKER_FROM) {
    for (const file of files) {
      const record = recordFile(root, file);
      if (record) onRecord(record);
    }
    return;
  }
  const worker = new Worker(new URL('./read-notes-worker.js', import.meta.url));
  const done = new Set<string>();
  try {
    await new Promise<void>((finish, fail) => {
      worker.on('message', (batch: FileBatch) => {
        if (batch === null) return finish();
        for (const [absolute, text, mtime] of batch) {
          done.add(absolute);
          onRecord(recordNote(vaultPath(root, absolute), text, mtime));
        }
      });
      worker.once('error', fail);
      worker.postMessage(files);
    });
  } catch {
    for (const file of files) {
      if (done.has(file)) continue;
      const record = recordFile(root, file);
      if (record) onRecord(record);
    }
  } finally {
    await worker.terminate();
  }
}
