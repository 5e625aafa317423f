import { stat } from 'node:fs/promises';
import type { NoteTransform, Rewrite } from '../../utils/core/index';
import type { NoteJob } from './note-work';
import { readNote, type NoteRead, type NoteTarget } from './note-writer';
import { LARGE_NOTE, offThread } from './off-thread';

/** A transform made ready for `rewriteNote`, and the read it was made from (`rewriteNote`'s `earlier`). */
export interface PreparedTransform {
  transform: NoteTransform;
  read?: NoteRead;
}

/**
 * `transform` for the note at `target`, with its result for the note's current text computed beforehand on the note
 * worker when the note is large (`job` builds that computation): the write path then finds the result ready instead
 * of blocking the event loop for hundreds of milliseconds (issue 14), and starts from the same read while the file is
 * unchanged. It stays a pure function of the text: for any other text (the note changed since) it runs `transform`
 * as before, and any failure here leaves `transform` alone, so `rewriteNote` reports errors and keeps its guarantees
 * exactly as without it.
 */
export async function preparedTransform(
  target: NoteTarget,
  absolute: string,
  transform: NoteTransform,
  job: (text: string) => NoteJob,
): Promise<PreparedTransform> {
  const size = (await stat(absolute).catch(() => null))?.size ?? 0;
  if (size < LARGE_NOTE) return { transform };
  const read = await readNote(target).catch(() => null);
  if (!read || read.readOnly) return { transform };
  const { text } = read;
  const rewrite = await offThread<Rewrite>(job(text));
  if (!rewrite) return { transform, read };
  return { transform: (current) => (current === text ? rewrite : transform(current)), read };
}
