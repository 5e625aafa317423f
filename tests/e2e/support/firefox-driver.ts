import type { ElementHandle, Page } from 'puppeteer-core';
import type { ClipOutcome } from '../../../utils/messaging/protocol';
import type { ExtensionDriver } from './extension-driver';
import type { FirefoxWithExtension } from './firefox';

/** What the background page exposes for flow tests (see entrypoints/background.ts). */
interface BackgroundHooks {
  refclipTest: { handleContextMenuClick(info: object, tab: object): Promise<ClipOutcome | null> };
}

const CONTROL_PAGE = '/pick-note.html?id=flow-test-control';

/**
 * Drives the Firefox build from one of its own pages: `browser.*` calls there, and the background page's hooks
 * through `runtime.getBackgroundPage()` (Firefox's MV2 background is a page in the same process).
 */
export async function firefoxDriver(firefox: FirefoxWithExtension): Promise<ExtensionDriver> {
  let control: Page = await firefox.openExtensionPage(CONTROL_PAGE);

  return {
    downloadDir: firefox.downloadDir,
    async openPage(url) {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      // `tabs.query({ url })` with a port in the URL matches nothing in Firefox: filter all tabs instead.
      const tabs = await control.evaluate(() => browser.tabs.query({}));
      const tab = tabs.find((candidate) => candidate.url === url);
      if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
      return tab.id;
    },
    async clickMenu(click, tabId) {
      return control.evaluate(
        async (click, tabId) => {
          const background = (await browser.runtime.getBackgroundPage()) as unknown as BackgroundHooks;
          const tab = await browser.tabs.get(tabId);
          const outcome = await background.refclipTest.handleContextMenuClick(
            { editable: false, pageUrl: tab.url, ...click },
            tab,
          );
          return JSON.parse(JSON.stringify(outcome)) as ClipOutcome | null;
        },
        click,
        tabId,
      );
    },
    async send(type, data) {
      const answer = (await control.evaluate((message) => browser.runtime.sendMessage(message), {
        id: Date.now(),
        type,
        data,
        timestamp: Date.now(),
      })) as { res?: unknown; err?: { message: string } };
      if (answer.err) throw new Error(answer.err.message);
      return answer.res as never;
    },
    async setStorage(items) {
      await control.evaluate((items) => browser.storage.local.set(items), items);
    },
    async removeStorage(keys) {
      await control.evaluate((keys) => browser.storage.local.remove(keys), keys);
    },
    async badgeText() {
      // Typed for MV3's `action`; Firefox's MV2 build has the same promise method on `browserAction`.
      return control.evaluate(() =>
        (
          browser as unknown as { browserAction: { getBadgeText(details: object): Promise<string> } }
        ).browserAction.getBadgeText({}),
      );
    },
    async restartWorker() {
      // Reloading the add-on restarts its background page and closes its pages; storage stays. A mark left on
      // the old background page proves the new one is fresh.
      await control.evaluate(async () => {
        const background = (await browser.runtime.getBackgroundPage()) as unknown as Record<string, unknown>;
        background.refclipBeforeRestart = true;
        setTimeout(() => browser.runtime.reload(), 0);
      });
      await new Promise((done) => setTimeout(done, 1_000));
      control = await firefox.openExtensionPage(CONTROL_PAGE);
      const fresh = await control.evaluate(
        async () => !('refclipBeforeRestart' in ((await browser.runtime.getBackgroundPage()) as object)),
      );
      if (!fresh) throw new Error('the background page did not restart');
    },
    async pickFile(path) {
      const prefix = `${firefox.extensionOrigin}/pick-note.html?id=`;
      const findPicker = async () => {
        // Puppeteer's `page.url()` lags behind for `moz-extension:` pages: ask each page where it is.
        for (const page of await firefox.browser.pages()) {
          if (page === control) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(prefix)) return page;
        }
        return undefined;
      };
      let picker = await findPicker();
      for (let tries = 0; !picker && tries < 100; tries++) {
        await new Promise((done) => setTimeout(done, 50));
        picker = await findPicker();
      }
      if (!picker) throw new Error('the background opened no pick-note tab');
      const input = (await picker.waitForSelector('#note-file:not([disabled])')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      const said = await (await picker.waitForSelector('#result[data-kind]'))!.evaluate((element) => ({
        kind: (element as HTMLElement).dataset.kind ?? '',
        text: element.textContent ?? '',
      }));
      await picker.close();
      return said;
    },
  };
}
