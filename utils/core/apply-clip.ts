import { renderCallout } from './callout';
import { bodyCites, sourceKey } from './cited-urls';
import type { ClipRequest } from './clip';
import { isIsoDate } from './date-format';
import { createFrontmatterBlock, patchFrontmatterYaml } from './frontmatter';
import { insertCallout } from './insert-callout';
import { parseNote } from './note';
import type { NoteOptions } from './note-options';
import { parseBody } from './sections';

/** What `applyClip` returns: the new note text (the identical input when `already-present`). */
export interface AppliedClip {
  status: 'added' | 'already-present';
  text: string;
}

/**
 * Applies one clip to a note's text, changing exactly what it must: the callout goes into the sources section
 * (`insertCallout`), `updated` and `tags` are patched in the frontmatter (`patchFrontmatterYaml`; a note without
 * frontmatter gets one holding just those), the BOM and the note's line endings are kept. When a callout already
 * cites the same normalised URL the input comes back unchanged with `already-present`.
 * Throws `NoteFormatError` (with the line) when the frontmatter is not valid YAML; the caller must then not write.
 */
export function applyClip(noteText: string, request: ClipRequest, options: NoteOptions): AppliedClip {
  if (!isIsoDate(request.date)) throw new RangeError(`clip date must be YYYY-MM-DD, got "${request.date}"`);
  const note = parseNote(noteText);
  const body = noteText.slice(note.bodyStart);
  const outline = parseBody(body);
  if (bodyCites(body, sourceKey(request.clip.url), outline)) {
    return { status: 'already-present', text: noteText };
  }
  const callout = renderCallout(options.calloutTemplate, request.clip).split('\n').join(note.eol);
  const patch = { tags: request.tags, date: request.date };
  const { frontmatter: block, eol } = note;
  const head = block
    ? noteText.slice(block.start, block.yamlStart) +
      patchFrontmatterYaml(block.yaml, block.document, patch, eol) +
      noteText.slice(block.yamlEnd, block.end)
    : createFrontmatterBlock(patch, eol);
  const headEndsWithEol = head.endsWith('\n');
  return {
    status: 'added',
    text: note.bom + head + insertCallout(body, callout, options, eol, headEndsWithEol, outline),
  };
}
