import { clipFromPage } from '../core/clip-from-page';
import { quoteFromTab } from '../extract/run-in-tab';
import type { ClipOutcome, ClipTarget } from '../messaging/protocol';
import { loadSettings } from '../settings-store';
import { flashResult } from './badge';
import { submitClip } from './clip-service';
import { clipFromLink, linkAsPage, linkTextInTab, readPageInTab, type PageReading } from './menu-clip';
import { notifyOutcome } from './notify';

/** What the person pointed at: the page, a link on it, or a selection. */
export interface ClipContext {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  /** "Quote in note": the selection becomes the callout's quote (as Markdown) instead of its why. */
  quote?: boolean;
}

export interface ClipTab {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * Files the page, link or selection straight into a known note (context menu, shortcut) and shows the result on
 * the badge and in a notification, since no popup is open. The clip is made by `clipFromPage`, as in the popup;
 * with the settings' `saveFullText` the page's text goes with it (`readPageInTab` then reads it as Markdown).
 */
export async function clipToNote(
  target: ClipTarget,
  context: ClipContext,
  tab: ClipTab | undefined,
  now: Date = new Date(),
): Promise<ClipOutcome> {
  const settings = await loadSettings();
  let reading: PageReading;
  if (context.linkUrl) {
    const text =
      tab?.id === undefined ? context.linkText : await linkTextInTab(tab.id, context.linkUrl, context.linkText);
    reading = { ok: true, page: linkAsPage(clipFromLink(context.linkUrl, text, settings), context.selectionText) };
  } else {
    reading = await readPageInTab(tab ?? {}, settings, settings.saveFullText);
  }
  let outcome: ClipOutcome;
  if (reading.ok) {
    // The menu's own selection (the text right-clicked) is the why; the shortcut has none but the page's.
    const selection = context.selectionText ?? reading.page.selection;
    // A selection the page's main frame does not hold (a frame, a text field) is quoted as the plain text given.
    const quote = context.quote ? ((tab?.id === undefined ? null : await quoteFromTab(tab.id)) ?? selection) : null;
    const page = { ...reading.page, selection, quote };
    const { clip, tags } = clipFromPage(page, tab ?? {}, settings, now);
    const markdown = reading.page.markdown;
    outcome = await submitClip({ target, clip, tags, ...(markdown ? { source: { markdown } } : {}) }, now);
  } else {
    outcome = { kind: 'error', message: reading.message };
  }
  await flashResult(outcome);
  await notifyOutcome(outcome);
  return outcome;
}
