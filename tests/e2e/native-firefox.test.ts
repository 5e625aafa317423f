import { describe } from 'vitest';
import { launchFirefoxWithExtension } from './support/firefox';
import { firefoxDriver } from './support/firefox-driver';
import { defineNativeFlows } from './support/native-flows';

/**
 * Firefox reads per-user hosts from `$HOME/.mozilla/native-messaging-hosts/`, where `refclip install` wrote the
 * manifest: Firefox runs with that temporary HOME. With optional-permission prompts turned off (a Firefox pref),
 * the options page's own checkbox grants `nativeMessaging`, as the person's click on "Allow" would.
 */
describe('native messaging in Firefox', () => {
  defineNativeFlows('firefox', async (home) => {
    const firefox = await launchFirefoxWithExtension({
      env: { HOME: home },
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
    return {
      driver: await firefoxDriver(firefox),
      async allowNative() {
        const options = await firefox.openExtensionPage('/options.html');
        await options.waitForSelector('#native-messaging');
        await options.click('#native-messaging');
        await options.waitForFunction(
          () => document.querySelector('#delivery-in-use')?.textContent?.includes('started by the browser'),
          { timeout: 20_000 },
        );
        await options.close();
      },
      close: () => firefox.close(),
    };
  });
});
