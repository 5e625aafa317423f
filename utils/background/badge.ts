import { browser } from 'wxt/browser';
import type { ClipOutcome } from '../messaging/protocol';

/** Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`, with the same badge methods. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

const QUEUED_COLOUR = '#b45309';
const DONE_COLOUR = '#15803d';
const ERROR_COLOUR = '#b91c1c';
/** How long a result mark stays before the badge returns to the outbox count. */
const FLASH_MS = 4_000;

let flashTimer: ReturnType<typeof setTimeout> | undefined;
let waiting = 0;

/** Shows how many clips wait in the outbox (nothing when none). */
export async function showOutboxCount(count: number): Promise<void> {
  waiting = count;
  if (flashTimer !== undefined) return;
  const button = toolbarButton();
  await button.setBadgeBackgroundColor({ color: QUEUED_COLOUR });
  await button.setBadgeText({ text: count > 0 ? String(count) : '' });
}

/** Marks a result on the badge for a few seconds (✓ or !), then shows the outbox count again; a queued clip shows the count at once. */
export async function flashResult(outcome: ClipOutcome): Promise<void> {
  if (outcome.kind === 'pick-file') return;
  if (outcome.kind === 'queued') {
    clearTimeout(flashTimer);
    flashTimer = undefined;
    await showOutboxCount(outcome.waiting);
    return;
  }
  const failed = outcome.kind === 'error';
  const button = toolbarButton();
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => {
    flashTimer = undefined;
    void showOutboxCount(waiting);
  }, FLASH_MS);
  await button.setBadgeBackgroundColor({ color: failed ? ERROR_COLOUR : DONE_COLOUR });
  await button.setBadgeText({ text: failed ? '!' : '✓' });
}
