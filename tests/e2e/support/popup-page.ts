import type { BrowserContext, Page, Worker } from 'playwright-core';

/** The id of the tab showing `url`, asked of the worker (tabs.query with a port in the URL matches nothing). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(
    async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Opens an article in a tab, then the popup page in another tab told to clip it (the toolbar button cannot be
 * clicked headless), and waits until the popup says its fields and its note list are shown.
 */
export async function openPopupOn(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  articleUrl: string,
): Promise<{ article: Page; popup: Page }> {
  const article = await context.newPage();
  await article.goto(articleUrl);
  const tabId = await tabIdOf(worker, articleUrl);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 500, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('html[data-fields-ready][data-notes-ready]').waitFor({ state: 'attached' });
  return { article, popup };
}

/** Presses ArrowDown until the active note choice contains `text`, then Enter: picking by keyboard only. */
export async function pickChoiceByKeyboard(popup: Page, text: string): Promise<void> {
  const wanted = popup.locator('#note-choices [role="option"]', { hasText: text });
  await wanted.first().waitFor();
  for (let step = 0; step < 10; step++) {
    const activeText = await popup.locator('#note-choices [role="option"].active').textContent();
    if (activeText?.includes(text)) {
      await popup.keyboard.press('Enter');
      return;
    }
    await popup.keyboard.press('ArrowDown');
  }
  throw new Error(`no note choice reads ${text}`);
}
