import { describe } from 'vitest';
import { defineFullTextFlows } from './support/fulltext-flows';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxDriver } from './support/firefox-driver';

describe("the article's text and quotes in Firefox", () => {
  defineFullTextFlows(async () => {
    const firefox = await launchFirefoxWithExtension();
    return { driver: await firefoxDriver(firefox), close: () => firefox.close() };
  });
});
