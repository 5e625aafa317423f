import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../utils/core/settings';
import { loadSettings, saveSettings } from '../../utils/settings-store';
import { loadPopupSettings, rememberSaveFullText } from './popup-settings';

beforeEach(() => fakeBrowser.reset());

describe('loadPopupSettings', () => {
  it('gives the schema defaults when nothing is stored', async () => {
    expect(await loadPopupSettings()).toEqual({
      calloutTemplate: DEFAULT_SETTINGS.calloutTemplate,
      deliveryMode: DEFAULT_SETTINGS.deliveryMode,
      defaultTags: DEFAULT_SETTINGS.defaultTags,
      saveFullText: false,
      sourcesFolder: 'sources',
    });
  });

  it('reads what the options page saved', async () => {
    await saveSettings({
      calloutTemplate: '> [!ref] {title}',
      deliveryMode: 'ask',
      defaultTags: ['reading'],
      saveFullText: true,
      sourcesFolder: 'reading/articles',
    });
    expect(await loadPopupSettings()).toEqual({
      calloutTemplate: '> [!ref] {title}',
      deliveryMode: 'ask',
      defaultTags: ['reading'],
      saveFullText: true,
      sourcesFolder: 'reading/articles',
    });
  });

  it('falls back field by field on damaged values', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        calloutTemplate: 7,
        deliveryMode: 'carrier-pigeon',
        defaultTags: ['ok', 3],
        saveFullText: 'yes',
        sourcesFolder: null,
      },
    });
    expect(await loadPopupSettings()).toEqual({
      calloutTemplate: DEFAULT_SETTINGS.calloutTemplate,
      deliveryMode: 'companion',
      defaultTags: [],
      saveFullText: false,
      sourcesFolder: 'sources',
    });
  });

  it('remembers the "Save the article\'s text" box in the stored settings, leaving the other fields', async () => {
    await saveSettings({ deliveryMode: 'ask' });
    await rememberSaveFullText(true);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, deliveryMode: 'ask', saveFullText: true });
    await rememberSaveFullText(false);
    expect((await loadPopupSettings()).saveFullText).toBe(false);
  });
});
