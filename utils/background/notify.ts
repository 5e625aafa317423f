import { t } from '../i18n';
import { browser } from 'wxt/browser';
import type { ClipOutcome } from '../messaging/protocol';
import { withSource } from '../source-outcome';

/** What a notification says about a clip, in plain words, and what became of the article's text. */
export function outcomeMessage(outcome: ClipOutcome): string {
  return withSource(clipMessage(outcome), outcome);
}

function clipMessage(outcome: ClipOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return t('workerNotifyAdded', outcome.noteTitle);
    case 'created':
      return t('workerNotifyCreated', outcome.noteTitle);
    case 'already-present':
      return t('workerNotifyAlreadyIn', outcome.noteTitle);
    case 'queued':
      return t(
        outcome.alreadyWaiting ? 'workerNotifyAlreadyWaiting' : 'workerNotifyQueued',
        outcome.reason,
        String(outcome.waiting),
      );
    case 'downloaded':
      return t('workerNotifyDownloaded', outcome.filename);
    case 'pick-file':
      return t('workerNotifyPickFile');
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
      title: t('extName'),
      message: outcomeMessage(outcome),
    });
  } catch (error) {
    // Notifications may be switched off for the browser; the badge still shows the result.
    console.warn('refclip: notification not shown', error);
  }
}
