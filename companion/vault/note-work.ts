import { parentPort } from 'node:worker_threads';
import type { ClipRequest } from '../../utils/core/clip';
import { clipRewrite } from '../../utils/core/index';
import type { NoteOptions } from '../../utils/core/note-options';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../../utils/core/settings';
import { recordNote } from './note-record';

/** A pure CPU step on a large note, run on the note worker thread (`off-thread.ts`); `warm`: see `warmUp`. */
export type NoteJob =
  | { kind: 'clip'; text: string; request: ClipRequest; options: NoteOptions }
  | { kind: 'record'; path: string; text: string; mtime: number }
  | { kind: 'warm' };

/** The worker's answer to job `id`: its result, or `ok: false` when it threw (the caller then runs it itself). */
export type NoteJobAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false };

/**
 * Callouts in the note the warm-up clips into: about 1.4 MB, 0.2 s of this thread's CPU. A clip into a 5 MB note
 * took 360 ms on a cold thread and 270 ms after this warm-up (145 ms once fully warm): the first runs of the clip's
 * loops are interpreted until V8 has compiled them.
 */
const WARM_CALLOUTS = 30_000;

/**
 * A clip into a large made-up note, so the first clip a person makes runs compiled code; only what it did is kept
 * (`replace`), which tells a test the made-up clip was accepted.
 */
function warmUp(): string {
  const callouts = Array.from({ length: WARM_CALLOUTS }, (_, n) => `> [!ref] W - S${n}\n> https://w.example/${n}`);
  const request = { clip: { url: 'https://warm.example/', title: 'Warm', publisher: 'W', why: 'Warm.' }, tags: [] };
  const note = `# Warm\n\n## sources\n\n${callouts.join('\n\n')}\n`;
  return clipRewrite({ ...request, date: '2026-01-01' }, noteOptionsFrom(DEFAULT_SETTINGS))(note).kind;
}

function runNoteJob(job: NoteJob): unknown {
  if (job.kind === 'warm') return warmUp();
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
