import { browser, type Browser } from 'wxt/browser';
import type { Settings } from '../../core/settings';
import type { PageMetadata } from '../../extract/metadata';
import { t } from '../../i18n';
import { quoteFromTab } from '../../extract/run-in-tab';
import { claimLinkChoice, waitingLinkChoice, type LinkChoice } from '../link-choice';
import { clipFromLink, linkAsPage, linkTextInTab } from '../menu-clip';
import { readTab } from '../read-tab';
import { workerSettings } from '../stored-state';

/** The tab named, or the active tab of the window last focused (the one the toolbar popup opened over). */
async function tabToRead(tabId: number | undefined): Promise<Browser.tabs.Tab | null> {
  if (tabId !== undefined) return browser.tabs.get(tabId).catch(() => null);
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab ?? null;
}

/** The link "Choose note…" was clicked on, as the popup shows it: no page is read. */
async function readLink(tabId: number, choice: LinkChoice, settings: Settings): Promise<PageMetadata> {
  const text = await linkTextInTab(tabId, choice.url, choice.text);
  return linkAsPage(clipFromLink(choice.url, text, settings), choice.selection);
}

/**
 * `extractTab`: reads the page in a tab for the popup (and its selection as Markdown, the quote the popup
 * pre-fills), or says in plain words why it cannot. When the person
 * chose "Choose note…" on a link in that tab, the popup gets the link instead.
 */
export async function handleExtractTab(data: {
  tabId?: number;
  markdown?: boolean;
}): Promise<PageMetadata | { error: string }> {
  // Independent look-ups, side by side: the popup's fields wait for this answer.
  const [tab, settings, waiting] = await Promise.all([tabToRead(data.tabId), workerSettings(), waitingLinkChoice()]);
  if (tab?.id === undefined) return { error: t(data.tabId === undefined ? 'workerPageNoTab' : 'workerPageTabGone') };
  const link = await claimLinkChoice(waiting, tab.id);
  if (link !== null) return readLink(tab.id, link, settings);
  const reading = await readTab(tab.id, tab.url, settings, data.markdown ?? false);
  if (!reading.ok) return { error: reading.message };
  // A selection is quoted (issue 17): its Markdown, read by a second script only when there is one.
  const quote = reading.metadata.selection ? await quoteFromTab(tab.id) : null;
  return quote === null ? reading.metadata : { ...reading.metadata, quote };
}
