import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_KEY, GECKO_ID } from '../../utils/extension-ids';

const manifest = (build: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output', build, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;

const PERMISSIONS = ['activeTab', 'scripting', 'contextMenus', 'storage', 'downloads', 'alarms', 'notifications'];
const COMPANION_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
/** "Add all tabs in this window" asks for web pages at first use: optional, never at install. */
const TABS_ORIGINS = ['http://*/*', 'https://*/*'];

describe('built manifests', () => {
  it('Chrome: the worker, exactly the permissions it needs, hosts only for the companion, both shortcuts', () => {
    const chrome = manifest('chrome-mv3');
    expect(chrome.permissions).toEqual(PERMISSIONS);
    expect(chrome.host_permissions).toEqual(COMPANION_HOSTS);
    expect(chrome.optional_permissions).toEqual(['nativeMessaging']);
    expect(chrome.optional_host_permissions).toEqual(TABS_ORIGINS);
    expect(chrome.content_scripts).toBeUndefined();
    expect(chrome.key).toBe(CHROME_EXTENSION_KEY);
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(Object.keys(chrome.commands as object).sort()).toEqual(['_execute_action', 'add-to-last-note']);
  });

  it('Firefox: the same permissions (hosts among them in MV2), the gecko id, both shortcuts', () => {
    const firefox = manifest('firefox-mv2');
    expect(firefox.permissions).toEqual([...PERMISSIONS, ...COMPANION_HOSTS]);
    expect(firefox.optional_permissions).toEqual(['nativeMessaging', ...TABS_ORIGINS]);
    expect(firefox.content_scripts).toBeUndefined();
    expect((firefox.browser_specific_settings as { gecko: { id: string } }).gecko.id).toBe(GECKO_ID);
    expect(Object.keys(firefox.commands as object).sort()).toEqual(['_execute_browser_action', 'add-to-last-note']);
  });
});
