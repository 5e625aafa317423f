// Reads note files for the startup scan on a second thread, so the main thread records notes while this one waits
// on open/read syscalls. Plain JavaScript: a worker does not inherit the CLI's TypeScript loader, and loading it
// again would cost about a second of CPU.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** Notes per message: enough to keep messaging cheap, few enough to let the main thread start early. */
const BATCH = 200;

parentPort.once('message', (/** @type {string[]} */ files) => {
  let batch = [];
  for (const file of files) {
    let fd;
    try {
      fd = openSync(file, 'r');
      const mtime = fstatSync(fd).mtimeMs;
      batch.push([file, readFileSync(fd, 'utf8'), mtime]);
    } catch {
      // Vanished or unreadable since the walk: the watcher reports it if it comes back.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    if (batch.length === BATCH) {
      parentPort.postMessage(batch);
      batch = [];
    }
  }
  parentPort.postMessage(batch);
  parentPort.postMessage(null);
});
