import { browser, type Browser } from 'wxt/browser';

/**
 * The tab to clip: `?tab=<id>` when given (the "Choose note…" window and flow tests open the popup page in a tab),
 * else the active tab of the window the toolbar popup belongs to.
 */
export async function resolveTab(search: string): Promise<Browser.tabs.Tab | null> {
  const fromUrl = new URLSearchParams(search).get('tab');
  if (fromUrl !== null && /^\d+$/.test(fromUrl)) return browser.tabs.get(Number(fromUrl));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}
