import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { recordFile } from './note-files';
import type { ScanReply, ScanRequest } from './scan-worker-main';
import type { IndexedNote } from './vault-index';

/**
 * Reading and recording 50,000 notes costs about 2.5 s of CPU, mostly open/read syscalls and string work; split
 * over every core it fits the 3 s goal. The main thread takes one share itself while the workers take the rest.
 */
export class ScanPool {
  private readonly workers: Worker[];

  /** Starts the workers early, so their start-up overlaps the folder walk. */
  constructor(workers = Math.max(0, availableParallelism() - 1)) {
    this.workers = Array.from({ length: workers }, () => new Worker(new URL('./scan-worker.js', import.meta.url)));
  }

  /** Records every file; `onRecords` is called on the main thread as batches arrive. */
  async scan(root: string, files: string[], onRecords: (records: IndexedNote[]) => void): Promise<void> {
    const shares = this.workers.length + 1;
    const parts = Array.from({ length: shares }, (_, share) =>
      files.filter((_file, index) => index % shares === share),
    );
    const recordHere = (files: string[]) => {
      const records: IndexedNote[] = [];
      for (const file of files) {
        const record = recordFile(root, file);
        if (record) records.push(record);
      }
      onRecords(records);
    };
    const finished = this.workers.map(
      (worker, index) =>
        new Promise<void>((done) => {
          const share = parts[index + 1]!;
          let received = 0;
          worker.on('message', (reply: ScanReply) => {
            if ('done' in reply) return done();
            received += reply.records.length;
            onRecords(reply.records);
          });
          // A worker that cannot start (or dies) leaves the rest of its share to this thread instead of failing the
          // start. Vanished files make `received` lag behind, so a few notes may be recorded twice: upsert is idempotent.
          worker.once('error', () => {
            recordHere(share.slice(received));
            done();
          });
          worker.postMessage({ root, files: share } satisfies ScanRequest);
        }),
    );
    recordHere(parts[0]!);
    try {
      await Promise.all(finished);
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
