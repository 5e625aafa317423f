import { browser } from 'wxt/browser';
import type { ClipSubmission } from '../messaging/protocol';

export const OUTBOX_KEY = 'outbox';

/** A clip waiting for the companion. Kept in `storage.local`, so it survives worker stops and browser restarts. */
export interface OutboxEntry {
  id: string;
  submission: ClipSubmission;
  /** `YYYY-MM-DD` of the moment the person clipped. */
  date: string;
  queuedAt: number;
  /** Delivery attempts so far (the first, failed one included). */
  attempts: number;
  /** Earliest time of the next automatic attempt (ms since the epoch). */
  nextAttemptAt: number;
  /** Why the last attempt failed, in plain words. */
  reason: string;
  /** The companion refused the request itself: only a new pairing or "send as downloads" can help. */
  stuck?: boolean;
}

let lock: Promise<unknown> = Promise.resolve();

/**
 * Runs `task` with the outbox to itself: the worker handles messages, alarms and menu clicks concurrently, and a
 * flush holds the lock across its companion requests so no clip is sent twice at once.
 */
export function withOutboxLock<T>(task: () => Promise<T>): Promise<T> {
  const run = lock.then(task);
  lock = run.catch(() => undefined);
  return run;
}

export async function readOutbox(): Promise<OutboxEntry[]> {
  const stored = await browser.storage.local.get(OUTBOX_KEY);
  const entries = stored[OUTBOX_KEY];
  return Array.isArray(entries) ? (entries as OutboxEntry[]) : [];
}

export async function writeOutbox(entries: OutboxEntry[]): Promise<void> {
  await browser.storage.local.set({ [OUTBOX_KEY]: entries });
}
