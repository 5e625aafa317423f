import { describe, expect, it } from 'vitest';
import { hostLocation, hostManifest } from './host-manifest';
import { launcherTarget, launcherText } from './launcher';
import { registryArgs } from './registry';

describe('host registration on macOS and Windows', () => {
  it.each([
    ['chrome', '/Users/ann/Library/Application Support/Google/Chrome/NativeMessagingHosts/refclip.companion.json'],
    ['chromium', '/Users/ann/Library/Application Support/Chromium/NativeMessagingHosts/refclip.companion.json'],
    ['edge', '/Users/ann/Library/Application Support/Microsoft Edge/NativeMessagingHosts/refclip.companion.json'],
    [
      'brave',
      '/Users/ann/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts/refclip.companion.json',
    ],
    ['firefox', '/Users/ann/Library/Application Support/Mozilla/NativeMessagingHosts/refclip.companion.json'],
  ] as const)('macOS %s: %s', (browser, file) => {
    expect(hostLocation('darwin', browser, '/Users/ann', '/Users/ann/.config/refclip')).toMatchObject({
      manifestFile: file,
      registryKey: null,
    });
  });

  it.each([
    ['chrome', 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\refclip.companion'],
    ['chromium', 'HKCU\\Software\\Chromium\\NativeMessagingHosts\\refclip.companion'],
    ['edge', 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\refclip.companion'],
    ['brave', 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\refclip.companion'],
    ['firefox', 'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\refclip.companion'],
  ] as const)('Windows %s: %s names the manifest in the config folder', (browser, key) => {
    const location = hostLocation('win32', browser, 'C:\\Users\\ann', 'C:\\Users\\ann\\AppData\\refclip');
    expect(location).toMatchObject({
      registryKey: key,
      manifestFile: `C:\\Users\\ann\\AppData\\refclip\\native-hosts\\${browser}.json`,
    });
    expect(registryArgs.set(key, location.manifestFile)).toEqual([
      'add',
      key,
      '/ve',
      '/t',
      'REG_SZ',
      '/d',
      location.manifestFile,
      '/f',
    ]);
    expect(registryArgs.remove(key)).toEqual(['delete', key, '/f']);
  });

  it('writes a .cmd launcher on Windows and a quoted sh one elsewhere', () => {
    expect(launcherText('win32', 'C:\\Program Files\\nodejs\\node.exe', 'C:\\npm\\refclip.js', 'C:\\cfg')).toBe(
      '@echo off\r\nrem Written by refclip install; refclip uninstall removes it.\r\n' +
        'set "REFCLIP_CONFIG_DIR=C:\\cfg"\r\n"C:\\Program Files\\nodejs\\node.exe" "C:\\npm\\refclip.js" host %*\r\n',
    );
    expect(launcherText('darwin', "/opt/it's/node", '/opt/refclip.js', '/Users/ann/.config/refclip')).toContain(
      `exec '/opt/it'\\''s/node' '/opt/refclip.js' host "$@"`,
    );
  });

  it('reads back what a launcher starts, so doctor can check it is still there', () => {
    const win = launcherText('win32', 'C:\\Program Files\\nodejs\\node.exe', 'C:\\npm\\refclip.js', 'C:\\cfg');
    expect(launcherTarget('win32', win)).toEqual({
      node: 'C:\\Program Files\\nodejs\\node.exe',
      cli: 'C:\\npm\\refclip.js',
    });
    const sh = launcherText('linux', "/opt/it's/node", "/home/ann/.npm/_npx/1a/it's refclip.js", '/cfg');
    expect(launcherTarget('linux', sh)).toEqual({
      node: "/opt/it's/node",
      cli: "/home/ann/.npm/_npx/1a/it's refclip.js",
    });
    expect(launcherTarget('linux', '#!/bin/sh\nexec refclip host\n')).toBeNull();
    expect(launcherTarget('linux', "#!/bin/sh\nexec '/opt/node\n")).toBeNull();
    expect(launcherTarget('win32', '@echo off\r\nrefclip host %*\r\n')).toBeNull();
  });

  it('names the Chrome extension origin for Chromium browsers and the gecko id for Firefox', () => {
    expect(hostManifest('edge', '/l')).toEqual({
      name: 'refclip.companion',
      description: 'refclip companion',
      path: '/l',
      type: 'stdio',
      allowed_origins: ['chrome-extension://ldklnbbmjpfgbcbapiehpnnafaldodbj/'],
    });
    expect(hostManifest('firefox', '/l')).toEqual({
      name: 'refclip.companion',
      description: 'refclip companion',
      path: '/l',
      type: 'stdio',
      allowed_extensions: ['refclip@refclip.dev'],
    });
  });
});
