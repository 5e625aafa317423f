import type { ClipOutcome, ClipSubmission } from '../messaging/protocol';
import { noteOptionsFrom } from '../core/settings';
import { pairedCompanion } from './companion';
import { CompanionError } from './companion-client';
import { deliverViaCompanion } from './companion-delivery';
import { deliverAsDownload } from './download-delivery';
import { localIsoDate } from './local-date';
import { queueClip } from './outbox';
import { rememberRecentNote } from './recent-notes';
import { workerSettings } from './stored-state';

/**
 * Files a clip: through the companion when paired (queued in the outbox when it is down, refuses the token or
 * fails to write), else, or when asked, as a download. Nothing the person clipped is dropped: every path ends in
 * the note, the outbox, a download, or an error the person sees while the clip is still in front of them.
 */
export async function submitClip(given: ClipSubmission, now: Date = new Date()): Promise<ClipOutcome> {
  // The worker's copy of the settings: reading and validating storage on every clip is on the popup's way to its
  // outcome (issue 13 §7).
  const settings = await workerSettings();
  // The folder is fixed now, so a clip waiting in the outbox lands where the person expected when they clipped.
  const submission = given.source
    ? { ...given, source: { markdown: given.source.markdown, folder: given.source.folder ?? settings.sourcesFolder } }
    : given;
  const date = localIsoDate(now);
  const wantsDownload = (submission.delivery ?? settings.deliveryMode) === 'download';
  const client = wantsDownload ? null : await pairedCompanion();
  if (client === null) return deliverAsDownload(submission, date, settings, now);
  try {
    const outcome = await deliverViaCompanion(client, submission, date, noteOptionsFrom(settings));
    await rememberRecentNote({
      path: outcome.notePath,
      title: outcome.noteTitle,
      tags: submission.tags,
      updated: date,
      mtime: now.getTime(),
    });
    return outcome;
  } catch (error) {
    if (!(error instanceof CompanionError)) throw error;
    if (error.kind === 'rejected') return { kind: 'error', message: error.message };
    const queued = await queueClip(submission, date, error.message, now.getTime());
    return { kind: 'queued', reason: error.message, ...queued };
  }
}
