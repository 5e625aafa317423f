import { browser } from 'wxt/browser';
import { renderCallout } from '../core/callout';
import { sourceKey } from '../core/cited-urls';
import type { NoteOptions } from '../core/note-options';
import { noteOptionsFrom } from '../core/settings';
import type { ClipSubmission } from '../messaging/protocol';
import { loadSettings } from '../settings-store';
import { flashResult, showOutboxCount } from './badge';
import { pairedCompanion, whenCompanionAnswers } from './companion';
import { CompanionError, type CompanionClient } from './companion-client';
import { deliverViaCompanion, type DeliveredOutcome } from './companion-delivery';
import { deliverAsDownload } from './download-delivery';
import { notifyOutcome } from './notify';
import { readOutbox, withOutboxLock, writeOutbox, type OutboxEntry } from './outbox-store';
import { rememberRecentNote } from './recent-notes';

export const OUTBOX_ALARM = 'refclip-outbox-retry';
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;
/** The companion answering many look-ups in a row (typing in the popup) triggers at most one retry per interval. */
const ANSWER_RETRY_INTERVAL_MS = 5_000;

/** Backoff before attempt `attempts + 1`: 30 s, 1 min, 2 min, … up to 30 min. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

async function outboxChanged(entries: OutboxEntry[]): Promise<void> {
  await writeOutbox(entries);
  await showOutboxCount(entries.length);
  const due = entries.filter((entry) => !entry.stuck).map((entry) => entry.nextAttemptAt);
  if (due.length === 0) await browser.alarms.clear(OUTBOX_ALARM);
  else await browser.alarms.create(OUTBOX_ALARM, { when: Math.min(...due) });
}

/** The same source for the same note: `sourceKey` of the URL and the path, or the title (and folder) to create. */
function sameClip(a: ClipSubmission, b: ClipSubmission): boolean {
  if (sourceKey(a.clip.url) !== sourceKey(b.clip.url)) return false;
  if ('path' in a.target || 'path' in b.target) {
    return 'path' in a.target && 'path' in b.target && a.target.path === b.target.path;
  }
  return a.target.create.title === b.target.create.title && a.target.create.folder === b.target.create.folder;
}

export interface Queued {
  /** Clips now waiting. */
  waiting: number;
  /** The same URL for the same note was waiting: this clip replaced it (the latest why and tags win), still one. */
  alreadyWaiting: boolean;
}

/** Stores a clip the companion could not take, once per URL and note (issue 13 §6). */
export function queueClip(submission: ClipSubmission, date: string, reason: string, now: number): Promise<Queued> {
  return withOutboxLock(async () => {
    const entries = await readOutbox();
    const waiting = entries.findIndex((entry) => sameClip(entry.submission, submission));
    if (waiting !== -1) {
      entries[waiting] = { ...entries[waiting]!, submission, date, reason };
      await outboxChanged(entries);
      return { waiting: entries.length, alreadyWaiting: true };
    }
    const entry: OutboxEntry = {
      id: crypto.randomUUID(),
      submission,
      date,
      queuedAt: now,
      attempts: 1,
      nextAttemptAt: now + retryDelay(1),
      reason,
    };
    entries.push(entry);
    await outboxChanged(entries);
    return { waiting: entries.length, alreadyWaiting: false };
  });
}

/**
 * A queued new note may have been created by an attempt whose answer was lost; the companion then already lists a
 * note of that title citing the URL, and creating it again would make a second note.
 */
async function deliverEntry(
  client: CompanionClient,
  entry: OutboxEntry,
  options: NoteOptions,
): Promise<DeliveredOutcome> {
  const { target, clip } = entry.submission;
  if ('create' in target) {
    const made = (await client.findSources(clip.url)).find((note) => note.title === target.create.title);
    if (made)
      return {
        kind: 'created',
        notePath: made.path,
        noteTitle: made.title,
        callout: renderCallout(options.calloutTemplate, clip),
      };
  }
  return deliverViaCompanion(client, entry.submission, entry.date, options);
}

let flushing = false;
let lastAnswerRetry = 0;

/**
 * Sends waiting clips to the companion, oldest first: the due ones, or all with `force` (the companion answered
 * again). Each delivered clip leaves the outbox at once, so a worker stopped mid-way repeats at most one request,
 * which the note engine's URL dedupe makes harmless.
 */
export async function flushOutbox(options: { force: boolean; now?: () => number }): Promise<DeliveredOutcome[]> {
  const now = options.now ?? Date.now;
  flushing = true;
  try {
    return await withOutboxLock(async () => {
      const delivered: DeliveredOutcome[] = [];
      let entries = await readOutbox();
      const client = await pairedCompanion();
      if (entries.length === 0 || client === null) {
        await outboxChanged(entries);
        return delivered;
      }
      const noteOptions = noteOptionsFrom(await loadSettings());
      for (const entry of [...entries]) {
        if (entry.stuck || (!options.force && entry.nextAttemptAt > now())) continue;
        try {
          const outcome = await deliverEntry(client, entry, noteOptions);
          entries = entries.filter((kept) => kept.id !== entry.id);
          delivered.push(outcome);
          await outboxChanged(entries);
        } catch (error) {
          const failure = error instanceof CompanionError ? error : new CompanionError('offline', String(error));
          const attempts = entry.attempts + 1;
          const retried: OutboxEntry = {
            ...entry,
            attempts,
            nextAttemptAt: now() + retryDelay(attempts),
            reason: failure.message,
            stuck: failure.kind === 'rejected',
          };
          entries = entries.map((kept) => (kept.id === entry.id ? retried : kept));
          await outboxChanged(entries);
          if (failure.kind !== 'rejected') break;
        }
      }
      return delivered;
    });
  } finally {
    flushing = false;
  }
}

/** Flushes and tells the person about each clip that reached its note. */
export async function flushOutboxAndNotify(force: boolean): Promise<void> {
  for (const outcome of await flushOutbox({ force })) {
    await rememberRecentNote({
      path: outcome.notePath,
      title: outcome.noteTitle,
      tags: [],
      updated: null,
      mtime: Date.now(),
    });
    await flashResult(outcome);
    await notifyOutcome(outcome);
  }
}

/** The companion answered a request: retry the outbox now rather than at the next alarm. */
export async function retryOutboxOnAnswer(): Promise<void> {
  if (flushing || Date.now() - lastAnswerRetry < ANSWER_RETRY_INTERVAL_MS) return;
  if ((await readOutbox()).length === 0) return;
  lastAnswerRetry = Date.now();
  await flushOutboxAndNotify(true);
}

/** Hands every waiting clip to download delivery; a clip whose download fails stays queued. */
export function sendOutboxAsDownloads(now: Date): Promise<{ downloaded: number }> {
  return withOutboxLock(async () => {
    const settings = await loadSettings();
    let entries = await readOutbox();
    let downloaded = 0;
    for (const entry of [...entries]) {
      try {
        await deliverAsDownload(entry.submission, entry.date, settings, now);
      } catch (error) {
        console.warn('refclip: could not download a queued clip', error);
        continue;
      }
      downloaded += 1;
      entries = entries.filter((kept) => kept.id !== entry.id);
      await outboxChanged(entries);
    }
    return { downloaded };
  });
}

/** Retries on the backoff alarm and whenever the companion answers; shows the count and tries once per worker start. */
export function registerOutbox(): void {
  whenCompanionAnswers(() => void retryOutboxOnAnswer());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void flushOutboxAndNotify(false);
  });
  void readOutbox().then((entries) => showOutboxCount(entries.length));
  void flushOutboxAndNotify(true);
}
