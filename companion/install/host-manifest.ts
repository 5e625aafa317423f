import { posix, win32 } from 'node:path';
import { NATIVE_HOST_NAME } from '../../utils/core/native-protocol';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../utils/extension-ids';

/** The browsers `refclip install --browser` knows. */
export const BROWSERS = ['chrome', 'chromium', 'edge', 'brave', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

export type Platform = 'linux' | 'darwin' | 'win32';

/** The native messaging host manifest, as Chrome and Firefox document it; each names only its own extension. */
export interface HostManifest {
  name: string;
  description: string;
  path: string;
  type: 'stdio';
  allowed_origins?: string[];
  allowed_extensions?: string[];
}

export function hostManifest(browser: BrowserName, launcher: string): HostManifest {
  const base = { name: NATIVE_HOST_NAME, description: 'refclip companion', path: launcher, type: 'stdio' as const };
  return browser === 'firefox'
    ? { ...base, allowed_extensions: [GECKO_ID] }
    : { ...base, allowed_origins: [`chrome-extension://${CHROME_EXTENSION_ID}/`] };
}

/** Each browser's user folder, below which its `NativeMessagingHosts` folder sits (Linux, macOS). */
const USER_FOLDERS: Record<'linux' | 'darwin', Record<BrowserName, string>> = {
  linux: {
    chrome: '.config/google-chrome',
    chromium: '.config/chromium',
    edge: '.config/microsoft-edge',
    brave: '.config/BraveSoftware/Brave-Browser',
    firefox: '.mozilla',
  },
  darwin: {
    chrome: 'Library/Application Support/Google/Chrome',
    chromium: 'Library/Application Support/Chromium',
    edge: 'Library/Application Support/Microsoft Edge',
    brave: 'Library/Application Support/BraveSoftware/Brave-Browser',
    firefox: 'Library/Application Support/Mozilla',
  },
};

/** Below HKEY_CURRENT_USER (Windows), the key whose default value names the manifest file. */
const REGISTRY_FOLDERS: Record<BrowserName, string> = {
  chrome: 'Software\\Google\\Chrome',
  chromium: 'Software\\Chromium',
  edge: 'Software\\Microsoft\\Edge',
  brave: 'Software\\BraveSoftware\\Brave-Browser',
  firefox: 'Software\\Mozilla',
};

/**
 * Where one browser looks for the host, per user. On Linux and macOS the manifest file itself is the
 * registration; on Windows the manifest lives in refclip's config folder and an HKCU key points at it.
 */
export interface HostLocation {
  browser: BrowserName;
  /** The browser's user folder (Linux, macOS): present when the browser has been used by this person. */
  userFolder: string | null;
  manifestFile: string;
  /** `HKCU\...\NativeMessagingHosts\refclip.companion` (Windows only). */
  registryKey: string | null;
}

export function hostLocation(platform: Platform, browser: BrowserName, home: string, configDir: string): HostLocation {
  if (platform === 'win32') {
    return {
      browser,
      userFolder: null,
      manifestFile: win32.join(configDir, 'native-hosts', `${browser}.json`),
      registryKey: `HKCU\\${REGISTRY_FOLDERS[browser]}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`,
    };
  }
  const userFolder = posix.join(home, USER_FOLDERS[platform][browser]);
  const hosts = browser === 'firefox' && platform === 'linux' ? 'native-messaging-hosts' : 'NativeMessagingHosts';
  return {
    browser,
    userFolder,
    manifestFile: posix.join(userFolder, hosts, `${NATIVE_HOST_NAME}.json`),
    registryKey: null,
  };
}
