import { join } from 'node:path';
import { describe } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium';
import { defineLocalePopupFlows } from './support/locale-flows';
import { chromiumPopupBrowser } from './support/popup-browsers';

describe('the popup in Chromium, in other languages', () => {
  // The README's screenshots of the popup in German and Japanese.
  defineLocalePopupFlows(async (lang) => chromiumPopupBrowser(await launchChromiumWithExtension({ lang })), {
    screenshots: join(import.meta.dirname, '../../docs'),
  });
});
