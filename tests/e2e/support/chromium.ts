import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';
export const CHROME_BUILD = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/**
 * Flags that load the unpacked extension (both are needed: Playwright adds `--disable-extensions`) and keep Chromium
 * off a network this machine does not have.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface ChromiumWithExtension {
  context: BrowserContext;
  /** The extension's MV3 service worker. */
  worker: Worker;
  extensionId: string;
  /** Where downloads land (Preferences set before launch so names are kept). */
  downloadDir: string;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless with the built extension loaded, in a fresh profile whose downloads go to a
 * known folder without prompting (recipe: shared docs/browser-testing.md).
 */
export async function launchChromiumWithExtension(
  options: {
    extensionDir?: string;
    profileDir?: string;
    /** The browser's UI language, which picks the extension's locale (Debian's `chromium-l10n` must be installed). */
    lang?: string;
  } = {},
): Promise<ChromiumWithExtension> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const ownsProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'refclip-chromium-'));
  const downloadDir = join(profileDir, 'downloads');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  mkdirSync(downloadDir, { recursive: true });
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadDir, prompt_for_download: false } }),
  );
  const lang = options.lang ?? 'en-US';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    // On Linux, Chromium's UI language comes from LANGUAGE; --lang alone changes the messages but not
    // i18n.getUILanguage(). Pinned to English by default so no flow depends on the machine's locale.
    env: { ...process.env, LANGUAGE: lang },
    args: [...chromiumArgs(extensionDir), `--lang=${lang}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    downloadDir,
    profileDir,
    async close() {
      await context.close();
      if (ownsProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Lets Chromium save downloads under their own names in `downloadDir` (Playwright otherwise renames them). */
export async function keepDownloadNames(browser: ChromiumWithExtension): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const session = await browser.context.newCDPSession(page);
  await session.send('Browser.setDownloadBehavior', { behavior: 'default' });
}
