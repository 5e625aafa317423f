import { describe } from 'vitest';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxPopupBrowser } from './support/popup-browsers';
import { definePopupFlows, defineUnpairedPopupFlow } from './support/popup-flows';

const launch = async () => firefoxPopupBrowser(await launchFirefoxWithExtension());

describe('the popup in Firefox', () => {
  definePopupFlows(launch);
});

describe('the popup in Firefox without a companion', () => {
  defineUnpairedPopupFlow(launch);
});
