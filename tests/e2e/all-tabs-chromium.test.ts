import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { TABS_ORIGINS } from '../../utils/tabs-origins';
import { defineAllTabsFlows } from './support/all-tabs-flows';
import { CHROME_BUILD, launchChromiumWithExtension } from './support/chromium';
import { chromiumPopupBrowser, playwrightPage } from './support/popup-browsers';

/**
 * Headless Chromium cannot show the prompt for an optional permission, so this build copy has the web pages granted
 * at install instead (the popup's request then answers at once; the prompt is exercised in Firefox, which can grant
 * it without one).
 */
function buildWithTabsGranted(): string {
  const extensionDir = mkdtempSync(join(tmpdir(), 'refclip-tabs-build-'));
  cpSync(CHROME_BUILD, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions?: string[];
  };
  manifest.host_permissions.push(...TABS_ORIGINS);
  delete manifest.optional_host_permissions;
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest));
  return extensionDir;
}

describe('"Add all tabs in this window to note…" in Chromium', () => {
  const extensionDir = buildWithTabsGranted();
  afterAll(() => rmSync(extensionDir, { recursive: true, force: true }));
  defineAllTabsFlows(async () => {
    const chromium = await launchChromiumWithExtension({ extensionDir });
    const origin = `chrome-extension://${chromium.extensionId}`;
    return {
      ...(await chromiumPopupBrowser(chromium)),
      async findExtensionPage(path) {
        for (let tries = 0; tries < 300; tries++) {
          const page = chromium.context.pages().find((candidate) => candidate.url().startsWith(origin + path));
          if (page) {
            await page.waitForLoadState();
            return playwrightPage(page);
          }
          await new Promise((done) => setTimeout(done, 100));
        }
        throw new Error(`no extension page ${path}`);
      },
    };
  });
});
