import { browser } from 'wxt/browser';
import type { ClipOutcome } from '../messaging/protocol';

/** What a notification says about a clip, in plain words. */
export function outcomeMessage(outcome: ClipOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return `Added to ${outcome.noteTitle}`;
    case 'created':
      return `Added to ${outcome.noteTitle} (new note)`;
    case 'already-present':
      return `Already in ${outcome.noteTitle}`;
    case 'queued':
      return `Queued: companion offline. ${outcome.reason} refclip retries on its own (${outcome.waiting} waiting).`;
    case 'downloaded':
      return `Downloaded ${outcome.filename}`;
    case 'pick-file':
      return "Pick the note's file in the refclip tab to add the source.";
    case 'error':
      return outcome.message;
  }
}

/** Shows the result of a clip filed without the popup (context menu, shortcut, outbox). */
export async function notifyOutcome(outcome: ClipOutcome): Promise<void> {
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'refclip',
      message: outcomeMessage(outcome),
    });
  } catch (error) {
    // Notifications may be switched off for the browser; the badge still shows the result.
    console.warn('refclip: notification not shown', error);
  }
}
