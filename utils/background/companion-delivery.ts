import { renderCallout } from '../core/callout';
import type { ClipRequestBody } from '../core/companion-api';
import type { NoteOptions } from '../core/note-options';
import type { ClipOutcome, ClipSubmission } from '../messaging/protocol';
import type { CompanionClient } from './companion-client';
import { targetTitle } from './note-title';

export type DeliveredOutcome = Extract<ClipOutcome, { kind: 'added' | 'already-present' | 'created' }>;

/** The `POST /v1/clips` body for a submission, with the note settings the popup previewed with. */
export function clipRequestBody(submission: ClipSubmission, date: string, options: NoteOptions): ClipRequestBody {
  const { target, clip, tags, source } = submission;
  return {
    note: 'create' in target ? { create: target.create } : { path: target.path },
    clip,
    tags,
    date,
    options,
    ...(source ? { source } : {}),
  };
}

/**
 * Files a clip through the companion (with the article's text when the submission has it: the companion saves it
 * as a source note first and answers where). Safe to repeat after a lost answer: the note engine finds the URL already
 * cited and answers `already-present` instead of adding a second callout.
 */
export async function deliverViaCompanion(
  client: CompanionClient,
  submission: ClipSubmission,
  date: string,
  options: NoteOptions,
): Promise<DeliveredOutcome> {
  const answer = await client.postClip(clipRequestBody(submission, date, options));
  const noteTitle = 'create' in submission.target ? submission.target.create.title : targetTitle(submission.target);
  const saved = answer.source && answer.source.status !== 'failed' ? answer.source.path : null;
  const clip = saved ? { ...submission.clip, fulltext: saved.replace(/\.md$/, '') } : submission.clip;
  return {
    kind: answer.status,
    notePath: answer.path,
    noteTitle,
    callout: renderCallout(options.calloutTemplate, clip),
    ...(answer.clipId ? { clipId: answer.clipId } : {}),
    ...(answer.source ? { source: answer.source } : {}),
  };
}
