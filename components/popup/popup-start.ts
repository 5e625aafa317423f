import type { Browser } from 'wxt/browser';
import type { PageMetadata } from '../../utils/extract/metadata';
import { sendMessage } from '../../utils/messaging/protocol';
import { resolveTab, tabIdInSearch } from './popup-tab';
import { loadPopupSettings, type PopupSettings } from './popup-settings';

/** What the popup asks for before its UI is loaded; the UI shows each part as it arrives. */
export interface PopupStart {
  tab: Promise<Browser.tabs.Tab | null>;
  /** The page's metadata from the worker, or why it could not be read. */
  page: Promise<PageMetadata | { error: string }>;
  settings: Promise<PopupSettings>;
}

/**
 * Asks for the page's metadata, the tab and the settings at once. Called by the popup's entry script before it
 * loads the UI, so the worker reads the page while the UI's scripts load and mount (issue 6 §5: fields shown
 * without visible delay). The page is the first message the worker gets from this popup, and it does not wait
 * for the tab look-up: without `?tab=` the worker reads the active tab itself. The tab (its address and title)
 * is only the fallback when the page cannot be read.
 */
export function startPopup(search: string): PopupStart {
  const tabId = tabIdInSearch(search);
  const page = sendMessage('extractTab', tabId === undefined ? {} : { tabId }).catch((error: unknown) => ({
    error: String(error),
  }));
  return { tab: resolveTab(search), page, settings: loadPopupSettings() };
}
