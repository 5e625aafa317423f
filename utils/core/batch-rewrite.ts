import type { AppliedClip } from './apply-clip';
import type { Clip, ClipRequest } from './clip';
import type { NoteOptions } from './note-options';
import { clipsRewrite, type NoteTransform } from './note-rewrite';

/** What one clip of a batch did to the note: a new callout, or its URL was already cited (or earlier in the batch). */
export type BatchItemStatus = AppliedClip['status'];

/** A batch's transform, and what each clip did the last time it ran (the write path may run it again). */
export interface BatchRewrite {
  transform: NoteTransform;
  statuses: BatchItemStatus[];
}

/**
 * Filing several clips into one note as one change (issue 17 §3: one write for every open tab), through
 * `clipsRewrite`: the note is read once and the new callouts go in together, in order, so a URL the note or an
 * earlier clip of the batch cites is `already-present`. A note that cannot take the callouts (broken frontmatter,
 * an open code fence) refuses the whole batch, so it is never half-filed.
 */
export function batchRewrite(
  clips: readonly Clip[],
  patch: Pick<ClipRequest, 'tags' | 'date'>,
  options: NoteOptions,
): BatchRewrite {
  const batch: BatchRewrite = {
    statuses: clips.map(() => 'already-present'),
    transform: clipsRewrite(clips, patch, options, (statuses) => (batch.statuses = statuses)),
  };
  return batch;
}
