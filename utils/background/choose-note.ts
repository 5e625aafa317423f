import { browser } from 'wxt/browser';

/**
 * Opens the popup so the person can pick the note. Firefox allows `openPopup` only straight from a user action
 * (so this runs before any `await` of the caller); where the browser refuses, the popup page opens in a small
 * window, told which tab to clip.
 */
export function chooseNote(tabId: number | undefined): Promise<void> {
  const button = browser.action ?? browser.browserAction;
  const opening = typeof button.openPopup === 'function' ? Promise.resolve(button.openPopup()) : Promise.reject();
  return opening.then(
    () => undefined,
    async () => {
      const query = tabId === undefined ? '' : `?tab=${tabId}`;
      await browser.windows.create({
        url: `${browser.runtime.getURL('/popup.html')}${query}`,
        type: 'popup',
        width: 460,
        height: 640,
      });
    },
  );
}
