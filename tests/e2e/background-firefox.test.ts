import { describe } from 'vitest';
import { defineBackgroundFlows } from './support/background-flows';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxDriver } from './support/firefox-driver';

// The same flows as in Chromium: one browser launch, about 20 s in all.
describe('background page in Firefox', () => {
  defineBackgroundFlows(async () => {
    const firefox = await launchFirefoxWithExtension();
    return { driver: await firefoxDriver(firefox), close: () => firefox.close() };
  }, ['page', 'link', 'selection', 'outbox', 'hostile', 'download-new', 'download-pick']);
});
