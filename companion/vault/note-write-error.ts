/** Why `rewriteNote` left a note as it was; each door turns it into its own answer (HTTP status, CLI message). */
export type NoteWriteProblem =
  'not-found' | 'not-a-note' | 'not-text' | 'too-large' | 'read-only' | 'refused' | 'kept-changing' | 'outside-vault';

/** A note refclip did not change; the message says why, without the note's path (each door names it its way). */
export class NoteWriteError extends Error {
  constructor(
    readonly problem: NoteWriteProblem,
    message: string,
  ) {
    super(message);
    this.name = 'NoteWriteError';
  }
}
