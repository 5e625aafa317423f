import { browser, type Browser } from 'wxt/browser';
import type { PageMetadata } from '../../extract/metadata';
import { t } from '../../i18n';
import { readTab } from '../read-tab';
import { workerSettings } from '../stored-state';

/** The tab named, or the active tab of the window last focused (the one the toolbar popup opened over). */
async function tabToRead(tabId: number | undefined): Promise<Browser.tabs.Tab | null> {
  if (tabId !== undefined) return browser.tabs.get(tabId).catch(() => null);
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab ?? null;
}

/** `extractTab`: reads the page in a tab for the popup, or says in plain words why it cannot. */
export async function handleExtractTab(data: {
  tabId?: number;
  markdown?: boolean;
}): Promise<PageMetadata | { error: string }> {
  // Independent look-ups, side by side: the popup's fields wait for this answer.
  const [tab, settings] = await Promise.all([tabToRead(data.tabId), workerSettings()]);
  if (tab?.id === undefined) return { error: t(data.tabId === undefined ? 'workerPageNoTab' : 'workerPageTabGone') };
  const reading = await readTab(tab.id, tab.url, settings, data.markdown ?? false);
  return reading.ok ? reading.metadata : { error: reading.message };
}
