import { describe } from 'vitest';
import { defineFullTextFlows } from './support/fulltext-flows';
import { launchChromiumWithExtension } from './support/chromium';
import { chromiumDriver } from './support/chromium-driver';

describe("the article's text and quotes in Chromium", () => {
  defineFullTextFlows(async () => {
    const browser = await launchChromiumWithExtension();
    return { driver: await chromiumDriver(browser), close: () => browser.close() };
  });
});
