import { describe } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium';
import { chromiumPopupBrowser } from './support/popup-browsers';
import { definePopupFullTextFlows } from './support/popup-fulltext-flows';

describe("the popup's quote and article text in Chromium", () => {
  definePopupFullTextFlows(async () => chromiumPopupBrowser(await launchChromiumWithExtension()));
});
