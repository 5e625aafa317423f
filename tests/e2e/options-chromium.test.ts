import { describe } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium';
import { defineOptionsFlows } from './support/options-flows';
import { chromiumPopupBrowser } from './support/popup-browsers';

describe('the options page in Chromium', () => {
  defineOptionsFlows(async () => chromiumPopupBrowser(await launchChromiumWithExtension()));
});
