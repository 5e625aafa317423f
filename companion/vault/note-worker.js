// Entry of the note worker thread (`off-thread.ts`). Plain JavaScript, found next to its importer as
// read-notes-worker.js is: in the repository it loads the TypeScript job module through tsx (a worker does not
// inherit the CLI's loader; the cost is the worker's, not the event loop's), in the npm package its compiled copy.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('./note-work.ts', import.meta.url);
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('./note-work.js');
}
