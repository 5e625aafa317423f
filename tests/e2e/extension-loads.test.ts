import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../utils/extension-ids';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';

let browser: ChromiumWithExtension;
beforeAll(async () => {
  browser = await launchChromiumWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

it('loads the built extension under its fixed id, with no static content script', async () => {
  expect(browser.extensionId).toBe(CHROME_EXTENSION_ID);
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
});
