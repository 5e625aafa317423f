import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../core/settings';
import { saveCompanionToken, saveSettings } from '../settings-store';
import { fileAllTabs } from './all-tabs';
import { applyToPickedNote } from './download-delivery';
import { linkAsPage, type PageReading } from './menu-clip';
import type * as MenuClip from './menu-clip';
import { readOutbox } from './outbox-store';
import { PICKS_KEY, type PendingPick } from './pick-store';
import { fakeCompanion, type FakeCompanion } from './testing/fake-companion';

/** The extractor needs a real page: here each tab "reads" as its title, and tab 4 refuses the script. */
vi.mock('./menu-clip', async (original) => ({
  ...(await original<typeof MenuClip>()),
  readPageInTab: vi.fn(async (tab: { id: number; url: string; title: string }): Promise<PageReading> =>
    tab.id === 4
      ? { ok: false, message: 'refused' }
      : { ok: true, page: linkAsPage({ url: tab.url, title: tab.title, publisher: 'Wire' }, 'a selection') },
  ),
}));

const TOKEN = 'k'.repeat(43);
const TARGET = { path: 'notes/tabs.md', title: 'Tabs' };
const now = new Date(2026, 10, 27, 9);
let companion: FakeCompanion;

const TABS = [
  { id: 1, windowId: 7, url: 'https://a.example/1', title: 'One' },
  { id: 2, windowId: 7, url: 'chrome://settings/', title: 'Settings' },
  { id: 3, windowId: 7, url: 'https://b.example/2', title: 'Asleep', discarded: true },
  { id: 4, windowId: 7, url: 'https://c.example/3', title: 'Refuses' },
  { id: 5, windowId: 7, url: 'https://d.example/4', title: 'Four' },
];

beforeEach(async () => {
  fakeBrowser.reset();
  useEnglishMessages();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  fakeBrowser.tabs.query = vi.fn(async () => TABS) as never;
  fakeBrowser.action.setBadgeText = vi.fn(async () => {}) as never;
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn(async () => {}) as never;
  companion = fakeCompanion(TOKEN);
  vi.stubGlobal('fetch', companion.fetch);
  await saveSettings({ companionUrl: 'http://127.0.0.1:47813' });
  await saveCompanionToken(TOKEN);
});
const createObjectURL = URL.createObjectURL;
afterEach(() => {
  vi.unstubAllGlobals();
  Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
});

describe('fileAllTabs', () => {
  it('sends the readable tabs of the window in one request and reports the counts', async () => {
    expect(await fileAllTabs(TARGET, 7, now)).toEqual({
      kind: 'filed',
      notePath: 'notes/tabs.md',
      noteTitle: 'Tabs',
      added: 2,
      already: 0,
      unreadable: 3,
    });
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ windowId: 7 });
    expect(companion.requests.filter((request) => request.startsWith('POST'))).toEqual(['POST /v1/clips/batch']);
    expect(companion.batches[0]).toMatchObject({
      note: { path: 'notes/tabs.md' },
      clips: [
        { url: 'https://a.example/1', title: 'One', publisher: 'Wire' },
        { url: 'https://d.example/4', title: 'Four', publisher: 'Wire' },
      ],
      date: '2026-11-27',
    });
    expect(await fileAllTabs(TARGET, 7, now)).toMatchObject({ added: 0, already: 2, unreadable: 3 });
  });

  it('keeps every clip of the batch in the outbox when the companion is down', async () => {
    companion.state = 'offline';
    expect(await fileAllTabs(TARGET, 7, now)).toMatchObject({ kind: 'queued', queued: 2, unreadable: 3 });
    const waiting = await readOutbox();
    expect(waiting.map((entry) => [entry.submission.target, entry.submission.clip.url, entry.date])).toEqual([
      [TARGET, 'https://a.example/1', '2026-11-27'],
      [TARGET, 'https://d.example/4', '2026-11-27'],
    ]);
  });

  it('reads no tab without the permission', async () => {
    fakeBrowser.permissions.contains = vi.fn(async () => false) as never;
    expect(await fileAllTabs(TARGET, 7, now)).toMatchObject({ kind: 'error' });
    expect(fakeBrowser.tabs.query).not.toHaveBeenCalled();
    expect(companion.requests).toEqual([]);
  });

  it('without a companion, has the note file picked and downloads it once with every clip', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, deliveryMode: 'download', downloadFolder: 'refclip' });
    const downloads: string[] = [];
    fakeBrowser.downloads.download = vi.fn(async (options: { url: string }) => {
      const base64 = options.url.slice(options.url.indexOf('base64,') + 'base64,'.length);
      downloads.push(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
      return downloads.length;
    }) as never;
    // The Chrome worker's path: no blob URLs there, so the note travels as a data: URL.
    Object.defineProperty(URL, 'createObjectURL', { value: undefined, configurable: true, writable: true });
    const outcome = await fileAllTabs(TARGET, 7, now);
    expect(outcome).toMatchObject({ kind: 'pick-file', unreadable: 3 });
    const [pick] = (await fakeBrowser.storage.local.get(PICKS_KEY))[PICKS_KEY] as PendingPick[];
    const note = '---\ntitle: Tabs\n---\n\n## sources\n';
    const filed = await applyToPickedNote(
      pick!.id,
      'tabs.md',
      note,
      { ...DEFAULT_SETTINGS, downloadFolder: 'refclip' },
      now,
    );
    expect(filed).toEqual({ kind: 'downloaded', filename: 'refclip/tabs.md' });
    expect(downloads).toEqual([
      '---\ntitle: Tabs\nupdated: 2026-11-27\n---\n\n## sources\n\n' +
        '> [!ref] Wire - One\n> https://a.example/1\n\n> [!ref] Wire - Four\n> https://d.example/4\n',
    ]);
  });
});
