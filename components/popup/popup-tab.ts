import { browser, type Browser } from 'wxt/browser';

/** The tab named by `?tab=<id>` (the "Choose note…" window and flow tests open the popup page in a tab), if any. */
export function tabIdInSearch(search: string): number | undefined {
  const fromUrl = new URLSearchParams(search).get('tab');
  return fromUrl !== null && /^\d+$/.test(fromUrl) ? Number(fromUrl) : undefined;
}

/** The tab to clip: the one `?tab=<id>` names, else the active tab of the window the toolbar popup belongs to. */
export async function resolveTab(search: string): Promise<Browser.tabs.Tab | null> {
  const tabId = tabIdInSearch(search);
  if (tabId !== undefined) return browser.tabs.get(tabId);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}
