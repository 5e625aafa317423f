import type { ClipRequest } from './clip';
import type { NoteOptions } from './note-options';
import { clipRewrite, type NoteTransform } from './note-rewrite';

/** What one clip of a batch did to the note: a new callout, or its URL was already cited (or earlier in the batch). */
export type BatchItemStatus = 'added' | 'already-present';

/** A batch's transform, and what each clip did the last time it ran (the write path may run it again). */
export interface BatchRewrite {
  transform: NoteTransform;
  statuses: BatchItemStatus[];
}

/**
 * Filing several clips into one note as one change (issue 17 §3: one write for every open tab): each clip is
 * applied by `clipRewrite` to the text the one before it left, so a URL the note or an earlier clip of the batch
 * cites is `already-present`. A clip the note refuses (broken frontmatter, an open code fence) refuses the whole
 * batch, so the note is never half-filed.
 */
export function batchRewrite(requests: readonly ClipRequest[], options: NoteOptions): BatchRewrite {
  const batch: BatchRewrite = {
    statuses: requests.map(() => 'already-present'),
    transform: (current) => {
      let text = current;
      const statuses: BatchItemStatus[] = [];
      for (const request of requests) {
        const change = clipRewrite(request, options)(text);
        if (change.kind === 'refuse') return change;
        statuses.push(change.kind === 'replace' ? 'added' : 'already-present');
        if (change.kind === 'replace') text = change.text;
      }
      batch.statuses = statuses;
      return text === current ? { kind: 'unchanged' } : { kind: 'replace', text };
    },
  };
  return batch;
}
