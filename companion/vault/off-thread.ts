import { Worker } from 'node:worker_threads';
import type { NoteJob, NoteJobAnswer } from './note-work';

/**
 * Notes at least this long (in UTF-16 units, about bytes) have their pure CPU steps run on the note worker: a clip
 * into or a reading of a 5 MB note takes hundreds of milliseconds the event loop must not be blocked for (issue 14),
 * while for a small note the copy to the worker and back costs more than it saves.
 */
export const LARGE_NOTE = 256 * 1024;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (answer: NoteJobAnswer | null) => void>();

/** Ends every job waiting on a worker that failed or exited: their callers run them themselves. */
function lose(failed: Worker): void {
  if (worker !== failed) return;
  worker = null;
  for (const settle of waiting.values()) settle(null);
  waiting.clear();
}

/** The note worker, started on first use and kept: it never keeps the process alive while idle. */
function noteWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./note-worker.js', import.meta.url));
  started.unref();
  started.on('message', (answer: NoteJobAnswer) => {
    const settle = waiting.get(answer.id);
    waiting.delete(answer.id);
    settle?.(answer);
    if (waiting.size === 0) started.unref();
  });
  started.once('error', () => lose(started));
  started.once('exit', () => lose(started));
  worker = started;
  return started;
}

/**
 * Starts the note worker ahead of its first job and has it clip into a made-up large note (`warmUp` in
 * `note-work.ts`), for a long-running server: loading the job modules on its own thread takes a while (a second
 * under tsx) and the first run of the clip's code is slow, which the first clip into a large note would otherwise
 * wait for. Nobody waits on the warm-up, so it does not keep the process alive.
 */
export function warmNoteWorker(): void {
  const warmJob: NoteJob = { kind: 'warm' };
  noteWorker().postMessage({ id: -1, job: warmJob });
}

/**
 * Runs `job` on the note worker; `undefined` when it could not (the worker failed to start or the job threw), in
 * which case the caller runs it on its own thread, where an error surfaces as it always did.
 */
export function offThread<T>(job: NoteJob): Promise<T | undefined> {
  const id = nextId++;
  const thread = noteWorker();
  // Referenced while a job runs: a CLI command waiting on it must not exit.
  thread.ref();
  return new Promise((done) => {
    waiting.set(id, (answer) => done(answer?.ok ? (answer.value as T) : undefined));
    thread.postMessage({ id, job });
  });
}
