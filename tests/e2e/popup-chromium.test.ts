import { join } from 'node:path';
import { describe } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium';
import { chromiumPopupBrowser } from './support/popup-browsers';
import { definePopupFlows } from './support/popup-flows';

describe('the popup in Chromium', () => {
  // The README's screenshot: the popup filled in on an article, just before Add.
  definePopupFlows(async () => chromiumPopupBrowser(await launchChromiumWithExtension()), {
    screenshot: join(import.meta.dirname, '../../docs/popup.png'),
  });
});
