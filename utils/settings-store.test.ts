import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from './core/settings';
import { loadCompanionToken, loadSettings, saveCompanionToken, saveSettings, SETTINGS_KEY } from './settings-store';

beforeEach(() => fakeBrowser.reset());

describe('settings store', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs invalid stored fields instead of failing', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { deliveryMode: 'carrier-pigeon', downloadFolder: '../escape', defaultTags: ['news'] },
    });
    const settings = await loadSettings();
    expect(settings.deliveryMode).toBe('companion');
    expect(settings.downloadFolder).toBe('refclip');
    expect(settings.defaultTags).toEqual(['news']);
  });

  it('merges a partial save into the stored settings', async () => {
    await saveSettings({ downloadFolder: 'notes/inbox' });
    await saveSettings({ deliveryMode: 'download' });
    const settings = await loadSettings();
    expect(settings.downloadFolder).toBe('notes/inbox');
    expect(settings.deliveryMode).toBe('download');
  });

  it('stores and forgets the companion token', async () => {
    expect(await loadCompanionToken()).toBeNull();
    await saveCompanionToken('abc123');
    expect(await loadCompanionToken()).toBe('abc123');
    await saveCompanionToken(null);
    expect(await loadCompanionToken()).toBeNull();
  });
});
