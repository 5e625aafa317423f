import { describe } from 'vitest';
import { defineBackgroundFlows } from './support/background-flows';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxDriver } from './support/firefox-driver';

// The core flows only (the Chromium suite covers the rest), so the whole e2e run stays a few minutes.
describe('background page in Firefox', () => {
  defineBackgroundFlows(async () => {
    const firefox = await launchFirefoxWithExtension();
    return { driver: await firefoxDriver(firefox), close: () => firefox.close() };
  }, ['page', 'link', 'outbox', 'download-new', 'download-pick']);
});
