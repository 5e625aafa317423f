import type { Page, Worker } from 'playwright-core';
import type { ClipOutcome } from '../../../utils/messaging/protocol';
import type { ChromiumWithExtension } from './chromium';
import type { ExtensionDriver } from './extension-driver';

/** Drives the Chromium build: the worker through `worker.evaluate`, messages from an extension page. */
export async function chromiumDriver(browser: ChromiumWithExtension): Promise<ExtensionDriver> {
  const origin = `chrome-extension://${browser.extensionId}`;
  const control: Page = await browser.context.newPage();
  await control.goto(`${origin}/pick-note.html?id=flow-test-control`);
  /**
   * The extension's worker. Playwright keeps one Worker object across a stop and the restart that follows, so
   * evaluating in it after `restartWorker` reaches the new worker.
   */
  async function currentWorker(): Promise<Worker> {
    const live = browser.context.serviceWorkers().find((worker) => worker.url().startsWith(origin));
    return live ?? browser.context.waitForEvent('serviceworker');
  }

  return {
    downloadDir: browser.downloadDir,
    async openPage(url) {
      const page = await browser.context.newPage();
      await page.goto(url);
      const tabs = await control.evaluate(() => chrome.tabs.query({}));
      const tab = tabs.find((candidate) => candidate.url === url);
      if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
      return tab.id;
    },
    async clickMenu(click, tabId) {
      const worker = await currentWorker();
      return worker.evaluate(
        async ({ click, tabId }) => {
          const tab = await chrome.tabs.get(tabId);
          const hooks = (
            globalThis as unknown as {
              refclipTest: { handleContextMenuClick(info: object, tab: chrome.tabs.Tab): Promise<ClipOutcome | null> };
            }
          ).refclipTest;
          return hooks.handleContextMenuClick({ editable: false, pageUrl: tab.url, ...click }, tab);
        },
        { click, tabId },
      );
    },
    async send(type, data) {
      const answer = (await control.evaluate((message) => chrome.runtime.sendMessage(message), {
        id: Date.now(),
        type,
        data,
        timestamp: Date.now(),
      })) as { res?: unknown; err?: { message: string } };
      if (answer.err) throw new Error(answer.err.message);
      return answer.res as never;
    },
    async setStorage(items) {
      await control.evaluate((items) => chrome.storage.local.set(items), items);
    },
    async removeStorage(keys) {
      await control.evaluate((keys) => chrome.storage.local.remove(keys), keys);
    },
    async badgeText() {
      return control.evaluate(() => chrome.action.getBadgeText({}));
    },
    async restartWorker() {
      const session = await browser.context.newCDPSession(control);
      const isStopped = new Promise<void>((done) =>
        session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (versions.some((version) => version.scriptURL.startsWith(origin) && version.runningStatus === 'stopped')) {
            done();
          }
        }),
      );
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await isStopped;
      await session.detach();
    },
    async pickFile(path) {
      const prefix = `${origin}/pick-note.html?id=`;
      let picker = browser.context.pages().find((page) => page.url().startsWith(prefix) && page !== control);
      for (let tries = 0; !picker && tries < 100; tries++) {
        await new Promise((done) => setTimeout(done, 50));
        picker = browser.context.pages().find((page) => page.url().startsWith(prefix) && page !== control);
      }
      if (!picker)
        throw new Error(`the worker opened no pick-note tab: ${browser.context.pages().map((page) => page.url())}`);
      await picker.locator('#note-file:not([disabled])').setInputFiles(path);
      const result = picker.locator('#result[data-kind]');
      await result.waitFor();
      const said = { kind: (await result.getAttribute('data-kind')) ?? '', text: (await result.textContent()) ?? '' };
      await picker.close();
      return said;
    },
  };
}
