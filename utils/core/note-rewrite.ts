import { applyClip } from './apply-clip';
import type { ClipRequest } from './clip';
import { NoteFormatError } from './note-error';
import type { NoteOptions } from './note-options';

/**
 * What a change makes of a note's current text: a new text, nothing to do, or a refusal (with the reason shown to
 * the person). The write path (`companion/vault/note-writer.ts`) applies it to whatever the note holds right now,
 * again after an outside edit, so a transform must be a pure function of the text it is given.
 */
export type Rewrite = { kind: 'replace'; text: string } | { kind: 'unchanged' } | { kind: 'refuse'; reason: string };

/** A change to one note, applied by `rewriteNote`. */
export type NoteTransform = (current: string) => Rewrite;

/**
 * Runs `edit` on a note whose only line ending is a bare CR (classic Mac OS) as if its lines ended in LF, then
 * turns every LF back into CR: the engine reads LF and CRLF lines, and a CR-only note would otherwise get a second,
 * LF-ended frontmatter. Any other note is edited as it is.
 */
export function keepingCrLineEndings(text: string, edit: (text: string) => string): string {
  if (!text.includes('\r') || text.includes('\n')) return edit(text);
  return edit(text.replaceAll('\r', '\n')).replaceAll('\n', '\r');
}

/** Filing `request` into a note, as a transform: refused when the frontmatter is not valid YAML. */
export function clipRewrite(request: ClipRequest, options: NoteOptions): NoteTransform {
  return (current) => {
    let added = false;
    try {
      const text = keepingCrLineEndings(current, (lines) => {
        const result = applyClip(lines, request, options);
        added = result.status === 'added';
        return result.text;
      });
      return added ? { kind: 'replace', text } : { kind: 'unchanged' };
    } catch (error) {
      if (error instanceof NoteFormatError) return { kind: 'refuse', reason: error.message };
      throw error;
    }
  };
}
