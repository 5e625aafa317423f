import { describe } from 'vitest';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxPopupBrowser } from './support/popup-browsers';
import { definePopupFlows } from './support/popup-flows';

describe('the popup in Firefox', () => {
  definePopupFlows(async () => firefoxPopupBrowser(await launchFirefoxWithExtension()));
});
