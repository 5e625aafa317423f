import { parentPort } from 'node:worker_threads';
import { recordFile } from './note-files';
import type { IndexedNote } from './vault-index';

/** Records per message: large enough to keep messaging cheap, small enough to let the main thread keep up. */
const BATCH = 500;

export interface ScanRequest {
  root: string;
  files: string[];
}

export type ScanReply = { records: IndexedNote[] } | { done: true };

parentPort!.once('message', ({ root, files }: ScanRequest) => {
  let batch: IndexedNote[] = [];
  for (const file of files) {
    const record = recordFile(root, file);
    if (record) batch.push(record);
    if (batch.length === BATCH) {
      parentPort!.postMessage({ records: batch } satisfies ScanReply);
      batch = [];
    }
  }
  parentPort!.postMessage({ records: batch } satisfies ScanReply);
  parentPort!.postMessage({ done: true } satisfies ScanReply);
});
