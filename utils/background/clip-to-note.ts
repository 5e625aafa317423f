import type { ClipOutcome, ClipTarget } from '../messaging/protocol';
import { loadSettings } from '../settings-store';
import { flashResult } from './badge';
import { submitClip } from './clip-service';
import { clipFromLink, clipFromPage, linkTextInTab, whyFromSelection } from './menu-clip';
import { notifyOutcome } from './notify';

/** What the person pointed at: the page, a link on it, or a selection. */
export interface ClipContext {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
}

export interface ClipTab {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * Files the page, link or selection straight into a known note (context menu, shortcut) and shows the result on
 * the badge and in a notification, since no popup is open.
 */
export async function clipToNote(
  target: ClipTarget,
  context: ClipContext,
  tab: ClipTab | undefined,
): Promise<ClipOutcome> {
  const settings = await loadSettings();
  const why = whyFromSelection(context.selectionText);
  let outcome: ClipOutcome;
  if (context.linkUrl) {
    const text =
      tab?.id === undefined ? context.linkText : await linkTextInTab(tab.id, context.linkUrl, context.linkText);
    outcome = await submitClip({
      target,
      clip: clipFromLink(context.linkUrl, text, settings, why),
      tags: settings.defaultTags,
    });
  } else {
    const page = await clipFromPage(tab ?? {}, settings, why);
    outcome = page.ok
      ? await submitClip({ target, clip: page.clip, tags: settings.defaultTags })
      : { kind: 'error', message: page.message };
  }
  await flashResult(outcome);
  await notifyOutcome(outcome);
  return outcome;
}
