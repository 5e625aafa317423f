import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClipOutcome } from '../../utils/messaging/protocol';
import { ARTICLE_HTML, LINK_TEXT, LINK_URL } from './support/background-fixtures';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { serveStaticPages, type StaticServer } from './support/static-server';

let browser: ChromiumWithExtension | undefined;
let site: StaticServer | undefined;

beforeAll(async () => {
  site = await serveStaticPages({ '/article': ARTICLE_HTML });
  browser = await launchChromiumWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('"Choose note…" on a link opens the popup on the link: its text, its host\'s publisher, its address', async () => {
  const article = await browser!.context.newPage();
  await article.goto(site!.url('/article'));
  const popupOpens = browser!.context.waitForEvent('page', (page) => page.url().includes('/popup.html?tab='));
  // The browser's own popup cannot be read from a test; refusing it sends the popup page to a small window, the
  // path browsers take where `openPopup` is not allowed, told which tab it serves.
  const outcome = await browser!.worker.evaluate(
    async ({ pageUrl, linkUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      chrome.action.openPopup = () => Promise.reject(new Error('refused for the test'));
      const hooks = (
        globalThis as unknown as {
          refclipTest: { handleContextMenuClick(info: object, tab: chrome.tabs.Tab): Promise<ClipOutcome | null> };
        }
      ).refclipTest;
      return hooks.handleContextMenuClick(
        { menuItemId: 'refclip-add:choose', editable: false, pageUrl, linkUrl },
        tab as chrome.tabs.Tab,
      );
    },
    { pageUrl: site!.url('/article'), linkUrl: LINK_URL },
  );
  expect(outcome).toBeNull();
  const popup = await popupOpens;
  await popup.waitForSelector('html[data-fields-ready]');
  expect(await popup.inputValue('#field-title')).toBe(LINK_TEXT);
  expect(await popup.inputValue('#field-publisher')).toBe('Coastal-times');
  expect(await popup.textContent('[data-testid="callout-preview"]')).toContain(
    `> [!ref] Coastal-times - ${LINK_TEXT}\n> ${LINK_URL}`,
  );
});
