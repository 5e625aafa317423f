import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../utils/core/settings';
import { saveSettings } from '../../utils/settings-store';
import { loadPopupSettings } from './popup-settings';

beforeEach(() => fakeBrowser.reset());

describe('loadPopupSettings', () => {
  it('gives the schema defaults when nothing is stored', async () => {
    expect(await loadPopupSettings()).toEqual({
      calloutTemplate: DEFAULT_SETTINGS.calloutTemplate,
      deliveryMode: DEFAULT_SETTINGS.deliveryMode,
      defaultTags: DEFAULT_SETTINGS.defaultTags,
    });
  });

  it('reads what the options page saved', async () => {
    await saveSettings({ calloutTemplate: '> [!ref] {title}', deliveryMode: 'ask', defaultTags: ['reading'] });
    expect(await loadPopupSettings()).toEqual({
      calloutTemplate: '> [!ref] {title}',
      deliveryMode: 'ask',
      defaultTags: ['reading'],
    });
  });

  it('falls back field by field on damaged values', async () => {
    await fakeBrowser.storage.local.set({
      settings: { calloutTemplate: 7, deliveryMode: 'carrier-pigeon', defaultTags: ['ok', 3] },
    });
    expect(await loadPopupSettings()).toEqual({
      calloutTemplate: DEFAULT_SETTINGS.calloutTemplate,
      deliveryMode: 'companion',
      defaultTags: [],
    });
  });
});
