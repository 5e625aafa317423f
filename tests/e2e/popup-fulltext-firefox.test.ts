import { describe } from 'vitest';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxPopupBrowser } from './support/popup-browsers';
import { definePopupFullTextFlows } from './support/popup-fulltext-flows';

describe("the popup's quote and article text in Firefox", () => {
  definePopupFullTextFlows(async () => firefoxPopupBrowser(await launchFirefoxWithExtension()));
});
