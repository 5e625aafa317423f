import { join } from 'node:path';
import { describe } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium';
import { chromiumPopupBrowser } from './support/popup-browsers';
import { definePopupFlows, defineUnpairedPopupFlow } from './support/popup-flows';

const launch = async () => chromiumPopupBrowser(await launchChromiumWithExtension());

describe('the popup in Chromium', () => {
  // The README's screenshots: the popup filled in on an article, just before and just after Add.
  definePopupFlows(launch, { screenshots: join(import.meta.dirname, '../../docs') });
});

describe('the popup in Chromium without a companion', () => {
  defineUnpairedPopupFlow(launch);
});
