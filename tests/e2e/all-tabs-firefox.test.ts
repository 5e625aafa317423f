import { describe } from 'vitest';
import { defineAllTabsFlows } from './support/all-tabs-flows';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxPopupBrowser, puppeteerPage } from './support/popup-browsers';

/**
 * With optional-permission prompts turned off (a Firefox pref), the popup's own request grants the web pages, as the
 * person's click on "Allow" would; the context menu flow, run after it, finds the permission granted.
 */
describe('"Add all tabs in this window to note…" in Firefox', () => {
  defineAllTabsFlows(async () => {
    const firefox = await launchFirefoxWithExtension({
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
    const prefix = firefox.extensionOrigin;
    return {
      ...firefoxPopupBrowser(firefox),
      async findExtensionPage(path) {
        for (let tries = 0; tries < 300; tries++) {
          for (const page of await firefox.browser.pages()) {
            // Puppeteer's `page.url()` lags behind for `moz-extension:` pages: ask each page where it is.
            const there = await page
              .evaluate(
                (wanted) => location.href.startsWith(wanted) && document.readyState === 'complete',
                prefix + path,
              )
              .catch(() => false);
            if (there) return puppeteerPage(page);
          }
          await new Promise((done) => setTimeout(done, 100));
        }
        throw new Error(`no extension page ${path}`);
      },
    };
  });
});
