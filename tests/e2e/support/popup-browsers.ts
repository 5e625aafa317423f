import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage, KeyInput } from 'puppeteer-core';
import { keepDownloadNames, type ChromiumWithExtension } from './chromium';
import type { FirefoxWithExtension } from './firefox';
import type { ExtensionPage, PopupBrowser } from './popup-driver';

/** The worker's test hooks (`entrypoints/background.ts`). */
interface MenuHooks {
  handleContextMenuClick(info: object, tab: object): Promise<unknown>;
}

export function playwrightPage(page: PlaywrightPage): ExtensionPage {
  return {
    // The generic signatures of Playwright and puppeteer differ; both pass one serialisable argument through.
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    click: (selector) => page.click(selector),
    screenshot: async (path) => void (await page.locator('main').screenshot({ path })),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
}

export function puppeteerPage(page: PuppeteerPage): ExtensionPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    type: (text) => page.keyboard.type(text),
    async press(chord) {
      const keys = chord.split('+') as KeyInput[];
      const key = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    click: (selector) => page.click(selector),
    async screenshot(path) {
      await (await page.$('main'))?.screenshot({ path: path as `${string}.png` });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  };
}

/** Chromium: the popup page opens in a tab (the toolbar button cannot be clicked headless). */
export async function chromiumPopupBrowser(chromium: ChromiumWithExtension): Promise<PopupBrowser> {
  await keepDownloadNames(chromium);
  const origin = `chrome-extension://${chromium.extensionId}`;
  const open = async (path: string) => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 500, height: 900 });
    await page.goto(origin + path);
    return page;
  };
  return {
    downloadDir: chromium.downloadDir,
    async openArticle(url) {
      const page = await chromium.context.newPage();
      await page.goto(url);
      const id = await chromium.worker.evaluate(
        async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id,
        url,
      );
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    openExtensionPage: async (path) => playwrightPage(await open(path)),
    clickMenu: (menuItemId, tabId) =>
      chromium.worker.evaluate(
        async ({ menuItemId, tabId }) => {
          const tab = await chrome.tabs.get(tabId);
          const hooks = (globalThis as unknown as { refclipTest: MenuHooks }).refclipTest;
          return hooks.handleContextMenuClick({ menuItemId, editable: false, pageUrl: tab.url }, tab);
        },
        { menuItemId, tabId },
      ),
    close: () => chromium.close(),
  };
}

/** Firefox: puppeteer never sees a `moz-extension://` page finish loading, so the page is polled until it is there. */
export function firefoxPopupBrowser(firefox: FirefoxWithExtension): PopupBrowser {
  const open = async (path: string) => {
    const page = await firefox.browser.newPage();
    const url = firefox.extensionOrigin + path;
    const base = url.replace(/[?#].*$/, '');
    void page.goto(url).catch(() => undefined);
    for (let tries = 0; tries < 300; tries++) {
      const there = await page
        .evaluate((base) => location.href.startsWith(base) && document.readyState === 'complete', base)
        .catch(() => false);
      if (there) return page;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`extension page ${url} did not open`);
  };
  let helper: PuppeteerPage | undefined;
  const helperPage = async () => (helper ??= await open('/pick-note.html?id=popup-flow-helper'));
  return {
    downloadDir: firefox.downloadDir,
    async openArticle(url) {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      // Tabs are asked of an extension page; `tabs.query({url})` with a port in it matches nothing in Firefox.
      const id = await (
        await helperPage()
      ).evaluate(async (wanted) => (await browser.tabs.query({})).find((tab) => tab.url === wanted)?.id, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    openExtensionPage: async (path) => puppeteerPage(await open(path)),
    clickMenu: async (menuItemId, tabId) =>
      (await helperPage()).evaluate(
        async (menuItemId, tabId) => {
          const background = (await browser.runtime.getBackgroundPage()) as unknown as { refclipTest: MenuHooks };
          const tab = await browser.tabs.get(tabId);
          const outcome = await background.refclipTest.handleContextMenuClick(
            { menuItemId, editable: false, pageUrl: tab.url },
            tab,
          );
          return JSON.parse(JSON.stringify(outcome)) as unknown;
        },
        menuItemId,
        tabId,
      ),
    close: () => firefox.close(),
  };
}
