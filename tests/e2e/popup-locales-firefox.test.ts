import { describe } from 'vitest';
import { launchFirefoxWithExtension } from './support/firefox';
import { defineLocalePopupFlows } from './support/locale-flows';
import { firefoxPopupBrowser } from './support/popup-browsers';

describe('the popup in Firefox, in another language', () => {
  // Japanese only: each language costs a Firefox launch, and Chromium already runs German and Japanese.
  defineLocalePopupFlows(async (lang) => firefoxPopupBrowser(await launchFirefoxWithExtension({ lang })), {
    only: ['ja'],
  });
});
