import type { BodyOutline } from './block-outline';
import { renderCallout } from './callout';
import { bodyCites, citedUrlsInBody, sourceKey } from './cited-urls';
import type { Clip, ClipRequest } from './clip';
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

/** What `applyClips` returns: what each clip did, in order, and the new note text (the input when none was added). */
export interface AppliedClips {
  statuses: AppliedClip['status'][];
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
  const { statuses, text } = applyClips(noteText, [request.clip], request, options);
  return { status: statuses[0]!, text };
}

/**
 * `applyClip` for several clips sharing tags and date (issue 17 §3, every open tab), in one pass over the note:
 * it is parsed once, the new callouts go in together, in order, one blank line apart (the bytes clipping them one
 * after another would give), and the frontmatter is patched once. A clip whose URL the note or an earlier clip of
 * the list cites is `already-present`.
 */
export function applyClips(
  noteText: string,
  clips: readonly Clip[],
  patch: Pick<ClipRequest, 'tags' | 'date'>,
  options: NoteOptions,
): AppliedClips {
  if (!isIsoDate(patch.date)) throw new RangeError(`clip date must be YYYY-MM-DD, got "${patch.date}"`);
  const note = parseNote(noteText);
  const body = noteText.slice(note.bodyStart);
  const outline = parseBody(body);
  const cited = citedKeys(body, clips, outline);
  const callouts: string[] = [];
  const statuses = clips.map((clip) => {
    const key = sourceKey(clip.url);
    if (cited.has(key)) return 'already-present' as const;
    cited.add(key);
    callouts.push(renderCallout(options.calloutTemplate, clip).split('\n').join(note.eol));
    return 'added' as const;
  });
  if (callouts.length === 0) return { statuses, text: noteText };
  const { frontmatter: block, eol } = note;
  const change = { tags: patch.tags, date: patch.date };
  const head = block
    ? noteText.slice(block.start, block.yamlStart) +
      patchFrontmatterYaml(block.yaml, block.document, change, eol) +
      noteText.slice(block.yamlEnd, block.end)
    : createFrontmatterBlock(change, eol);
  const headEndsWithEol = head.endsWith('\n');
  const inserted = insertCallout(body, callouts.join(eol + eol), options, eol, headEndsWithEol, outline);
  return { statuses, text: note.bom + head + inserted };
}

/** The clips' source keys the body cites already; a single clip stops at the first callout citing it (big notes). */
function citedKeys(body: string, clips: readonly Clip[], outline: BodyOutline): Set<string> {
  if (clips.length !== 1) return new Set(citedUrlsInBody(body, outline));
  const key = sourceKey(clips[0]!.url);
  return new Set(bodyCites(body, key, outline) ? [key] : []);
}
