import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../utils/core/settings';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../utils/settings-store';
import { formFromSettings, settingsFromForm, type SettingsForm } from './settings-form';

const defaults = formFromSettings(DEFAULT_SETTINGS);

beforeEach(() => fakeBrowser.reset());

describe('the options form over a damaged store', () => {
  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['an array', [1, 2]],
    [
      'wrong types in every field',
      {
        version: 99,
        companionUrl: 'https://evil.example',
        deliveryMode: 'pigeon',
        calloutTemplate: 42,
        sourcesHeading: '   ',
        insertBefore: 'linkage',
        seriesCode: 'has spaces',
        cssclasses: [1],
        dateFormat: 'QQ',
        publisherAliases: ['x'],
        defaultTags: {},
        downloadFolder: '../escape',
      },
    ],
  ])('opens on the defaults when the stored settings are %s, and saving stores them valid', async (_what, stored) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored });
    const form = formFromSettings(await loadSettings());
    expect(form).toEqual(defaults);
    const { settings, errors } = settingsFromForm(form);
    expect(errors).toEqual({});
    await saveSettings(settings);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a partly damaged store', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { seriesCode: 'EN', deliveryMode: 'download', dateFormat: 7, defaultTags: ['energy'] },
    });
    expect(formFromSettings(await loadSettings())).toEqual({
      ...defaults,
      seriesCode: 'EN',
      deliveryMode: 'download',
      defaultTags: 'energy',
    });
  });
});

describe('settingsFromForm', () => {
  it('turns the text fields into lists and a record', () => {
    const form: SettingsForm = {
      ...defaults,
      companionUrl: ' http://localhost:5000/ ',
      insertBefore: 'linkage\n\n  see also \n',
      cssclasses: 'wide, , print',
      publisherAliases: 'BBC News = BBC\n  The Valley Courier=Courier  \n',
      defaultTags: '#energy, grid  storage,energy',
      downloadFolder: '/notes/inbox/',
      saveFullText: true,
      sourcesFolder: ' /reading/articles/ ',
    };
    const { settings, errors } = settingsFromForm(form);
    expect(errors).toEqual({});
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      companionUrl: 'http://localhost:5000',
      insertBefore: ['linkage', 'see also'],
      cssclasses: ['wide', 'print'],
      publisherAliases: { 'BBC News': 'BBC', 'The Valley Courier': 'Courier' },
      defaultTags: ['energy', 'grid', 'storage'],
      downloadFolder: 'notes/inbox',
      saveFullText: true,
      sourcesFolder: 'reading/articles',
    });
  });

  it.each([
    ['companionUrl', 'http://192.168.1.5:47813', 'invalidCompanionUrl'],
    ['companionUrl', 'https://127.0.0.1:47813', 'invalidCompanionUrl'],
    ['sourcesHeading', '  ', 'invalidSourcesHeading'],
    ['seriesCode', 'R C', 'invalidSeriesCode'],
    ['seriesCode', 'ABCDEFGHI', 'invalidSeriesCode'],
    ['dateFormat', 'DD.MM', 'invalidDateFormat'],
    ['downloadFolder', 'notes/../..', 'invalidDownloadFolder'],
    ['downloadFolder', 'C:notes', 'invalidDownloadFolder'],
    ['sourcesFolder', 'sources/../..', 'invalidSourcesFolder'],
    ['sourcesFolder', 'a\\b', 'invalidSourcesFolder'],
    ['publisherAliases', 'BBC News BBC', 'invalidPublisherAliases'],
    ['publisherAliases', '= BBC', 'invalidPublisherAliases'],
    ['calloutTemplate', '> [!ref] {publisher} - {title}', 'invalidCalloutTemplate'],
    ['newNoteTemplate', '# {title}\n', 'invalidNewNoteTemplate'],
  ] as const)('%s %j → %s', (field, value, message) => {
    expect(settingsFromForm({ ...defaults, [field]: value }).errors).toEqual({ [field]: message });
  });
});
