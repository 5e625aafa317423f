import { describe } from 'vitest';
import { defineBackgroundFlows } from './support/background-flows';
import { keepDownloadNames, launchChromiumWithExtension } from './support/chromium';
import { chromiumDriver } from './support/chromium-driver';

describe('background worker in Chromium', () => {
  defineBackgroundFlows(async () => {
    const browser = await launchChromiumWithExtension();
    await keepDownloadNames(browser);
    return { driver: await chromiumDriver(browser), close: () => browser.close() };
  }, ['page', 'link', 'selection', 'outbox', 'download-new', 'download-pick', 'hostile']);
});
