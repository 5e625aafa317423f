import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { CHROME_BUILD, launchChromiumWithExtension } from './support/chromium';
import { chromiumDriver } from './support/chromium-driver';
import { defineNativeFlows } from './support/native-flows';

/**
 * Chromium reads a custom profile's hosts from `<user-data-dir>/NativeMessagingHosts/`, so the manifest
 * `refclip install --browser chromium` wrote under HOME is copied there. Headless Chromium cannot show the prompt
 * for an optional permission, so this build copy has `nativeMessaging` granted at install instead (the options
 * page's request is exercised in Firefox, which can grant it without a prompt).
 */
function profileAndBuild(home: string): { profileDir: string; extensionDir: string } {
  const profileDir = join(home, 'chromium-profile');
  mkdirSync(join(profileDir, 'NativeMessagingHosts'), { recursive: true });
  const manifest = 'NativeMessagingHosts/refclip.companion.json';
  copyFileSync(join(home, '.config/chromium', manifest), join(profileDir, manifest));
  const extensionDir = join(home, 'chrome-mv3');
  cpSync(CHROME_BUILD, extensionDir, { recursive: true });
  const built = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    permissions: string[];
    optional_permissions?: string[];
  };
  built.permissions.push('nativeMessaging');
  built.optional_permissions = built.optional_permissions?.filter((name) => name !== 'nativeMessaging');
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(built));
  return { profileDir, extensionDir };
}

describe('native messaging in Chromium', () => {
  defineNativeFlows('chromium', async (home) => {
    const chromium = await launchChromiumWithExtension(profileAndBuild(home));
    return {
      driver: await chromiumDriver(chromium),
      allowNative: async () => undefined,
      close: () => chromium.close(),
    };
  });
});
