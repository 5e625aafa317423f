import { join } from 'node:path';
import { describe } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium';
import { chromiumPopupBrowser } from './support/popup-browsers';
import { definePopupFlows, defineUnpairedPopupFlow } from './support/popup-flows';

const launch = async () => chromiumPopupBrowser(await launchChromiumWithExtension());

describe('the popup in Chromium', () => {
  // The README's screenshot: the popup filled in on an article, just before Add.
  definePopupFlows(launch, { screenshot: join(import.meta.dirname, '../../docs/popup.png') });
});

describe('the popup in Chromium without a companion', () => {
  defineUnpairedPopupFlow(launch);
});
