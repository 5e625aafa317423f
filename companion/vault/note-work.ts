import { parentPort } from 'node:worker_threads';
import type { ClipRequest } from '../../utils/core/clip';
import { clipRewrite } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { recordNote } from './note-record';

/** A pure CPU step on a large note, run on the note worker thread (`off-thread.ts`). */
export type NoteJob =
  | { kind: 'clip'; text: string; request: ClipRequest; options: NoteOptions }
  | { kind: 'record'; path: string; text: string; mtime: number };

/** The worker's answer to job `id`: its result, or `ok: false` when it threw (the caller then runs it itself). */
export type NoteJobAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false };

function runNoteJob(job: NoteJob): unknown {
  return job.kind === 'clip'
    ? clipRewrite(job.request, job.options)(job.text)
    : recordNote(job.path, job.text, job.mtime);
}

parentPort?.on('message', ({ id, job }: { id: number; job: NoteJob }) => {
  let answer: NoteJobAnswer;
  try {
    answer = { id, ok: true, value: runNoteJob(job) };
  } catch {
    answer = { id, ok: false };
  }
  parentPort!.postMessage(answer);
});
