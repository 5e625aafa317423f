import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../utils/extension-ids';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
/** Pinned so tests know the `moz-extension://` origin in advance (Firefox picks a random one per install). */
export const FIREFOX_EXTENSION_UUID = '5f0c4c7e-2a4b-4f7e-9d1a-3c8b6e2f9a10';

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  downloadDir: string;
  profileDir: string;
  /**
   * Opens one of the extension's pages in a new tab. Puppeteer never sees a `moz-extension://` page finish
   * loading, so the navigation is started without awaiting it and the page is polled until it is there.
   */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches firefox-esr headless through puppeteer-core (WebDriver BiDi) with the built extension installed as a
 * temporary add-on, downloads going to a known folder without asking (recipe: shared docs/browser-testing.md).
 */
export async function launchFirefoxWithExtension(
  options: {
    extensionDir?: string;
    /** The browser's UI language, which picks the extension's locale (needs Debian's `firefox-esr-l10n-<lang>`). */
    lang?: string;
    /** Extra environment for Firefox (a temporary HOME, whose ~/.mozilla/native-messaging-hosts it reads). */
    env?: Record<string, string>;
    prefs?: Record<string, unknown>;
  } = {},
): Promise<FirefoxWithExtension> {
  const profileDir = mkdtempSync(join(tmpdir(), 'refclip-firefox-'));
  const downloadDir = join(profileDir, 'downloads');
  mkdirSync(downloadDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: join(profileDir, 'profile'),
    args: ['-remote-allow-system-access'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    extraPrefsFirefox: {
      ...options.prefs,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'intl.locale.requested': options.lang ?? 'en-US',
    },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_BUILD);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  return {
    browser,
    extensionOrigin,
    downloadDir,
    profileDir,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = extensionOrigin + path;
      void page.goto(url).catch(() => undefined);
      for (let tries = 0; tries < 200; tries++) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        const ready = await page.evaluate(() => document.readyState === 'complete').catch(() => false);
        if (href === url && ready) return page;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`extension page ${url} did not open`);
    },
    async close() {
      await browser.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
