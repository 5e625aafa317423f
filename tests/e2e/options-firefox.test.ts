import { describe } from 'vitest';
import { launchFirefoxWithExtension } from './support/firefox';
import { defineOptionsFlows } from './support/options-flows';
import { firefoxPopupBrowser } from './support/popup-browsers';

describe('the options page in Firefox', () => {
  defineOptionsFlows(async () => firefoxPopupBrowser(await launchFirefoxWithExtension()));
});
