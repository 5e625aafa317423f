import { applyClips, type AppliedClips } from './apply-clip';
import { citedUrls, sourceKey } from './cited-urls';
import type { Clip, ClipRequest } from './clip';
import { locateFrontmatter } from './note';
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

/** A note whose only line ending is a bare CR (classic Mac OS). */
const isCrOnly = (text: string) => text.includes('\r') && !text.includes('\n');

/**
 * Runs `edit` on a CR-only note as if its lines ended in LF, then turns every LF back into CR: the engine reads LF
 * and CRLF lines, and a CR-only note would otherwise get a second, LF-ended frontmatter. Any other note is edited as
 * it is.
 */
export function keepingCrLineEndings(text: string, edit: (text: string) => string): string {
  if (!isCrOnly(text)) return edit(text);
  return edit(text.replaceAll('\r', '\n')).replaceAll('\n', '\r');
}

/**
 * Why a clipped note would not read back as clipped, or `null`. Checks the two things a clip always leaves (a
 * frontmatter, the callouts as sources) on notes the engine's line reading gets wrong, so such a note is refused
 * rather than damaged or clipped again on the next try.
 */
function unreadableResult(text: string, addedUrls: readonly string[]): string | null {
  const lf = isCrOnly(text) ? text.replaceAll('\r', '\n') : text;
  if (locateFrontmatter(lf) === null) {
    return 'its frontmatter would not read back (a line ending of the closing --- is neither LF nor CRLF)';
  }
  // Only a fence or an HTML block left open swallows what follows; a note without either needs no second parse.
  if (/```|~~~|</.test(lf)) {
    const cited = new Set(citedUrls(lf));
    if (addedUrls.some((url) => !cited.has(sourceKey(url)))) {
      return 'the callout would not be read as a source there (is a code fence left open above it?)';
    }
  }
  return null;
}

/**
 * Filing `clips` (sharing tags and date) into a note, as a transform (`applyClips`): refused when the frontmatter is
 * not valid YAML, and when a callout would not read as a source where it lands (a code fence left open swallows it),
 * which would also file the same source again on the next clip. `onApplied` hears what each clip did, every time the
 * transform runs (the write path may run it again on a newer text).
 */
export function clipsRewrite(
  clips: readonly Clip[],
  patch: Pick<ClipRequest, 'tags' | 'date'>,
  options: NoteOptions,
  onApplied?: (statuses: AppliedClips['statuses']) => void,
): NoteTransform {
  return (current) => {
    let statuses: AppliedClips['statuses'] = [];
    try {
      const text = keepingCrLineEndings(current, (lines) => {
        const result = applyClips(lines, clips, patch, options);
        statuses = result.statuses;
        return result.text;
      });
      onApplied?.(statuses);
      const added = clips.filter((_clip, index) => statuses[index] === 'added').map((clip) => clip.url);
      if (added.length === 0) return { kind: 'unchanged' };
      const refusal = unreadableResult(text, added);
      return refusal === null ? { kind: 'replace', text } : { kind: 'refuse', reason: refusal };
    } catch (error) {
      if (error instanceof NoteFormatError) return { kind: 'refuse', reason: error.message };
      throw error;
    }
  };
}

/** Filing `request` into a note, as a transform: `clipsRewrite` of its one clip. */
export function clipRewrite(request: ClipRequest, options: NoteOptions): NoteTransform {
  return clipsRewrite([request.clip], request, options);
}
