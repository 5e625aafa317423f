import { applyPatch, structuredPatch } from 'diff';

/** What refclip wrote into an existing note: the note's bytes before and right after the clip. */
export interface ClipWrite {
  before: string;
  after: string;
}

/** The note text once the clip is taken back, or `note-changed` when the lines refclip wrote are not all there. */
export type UndoneClip = { status: 'undone'; text: string } | { status: 'note-changed' };

/**
 * Takes a clip back out of a note's current text, as a transform for the note's write path (issue 13 §4).
 * - The note still holds exactly what refclip wrote: the bytes from before the clip come back.
 * - It changed elsewhere (another paragraph, another callout, a frontmatter line refclip did not touch): exactly
 *   the lines refclip changed are put back (the callout removed, `updated:` and `tags` restored) and the outside
 *   edit is kept. A demanding user edits the note while reading; that must not cost them the Undo.
 * - A line refclip wrote was edited, moved apart or removed (the callout reworded, `updated:` bumped by hand): the
 *   note is not refclip's to change any more, and `note-changed` says so.
 * The change is found by a line diff of before/after without context lines, reversed and applied to the current
 * text; a hunk applies only where every line refclip wrote is still there, unchanged and in one piece.
 */
export function undoClip(current: string, write: ClipWrite): UndoneClip {
  if (current === write.after) return { status: 'undone', text: write.before };
  const reverse = structuredPatch('note', 'note', write.after, write.before, undefined, undefined, { context: 0 });
  const text = applyPatch(current, reverse, { fuzzFactor: 0 });
  return text === false ? { status: 'note-changed' } : { status: 'undone', text };
}
