import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildContextMenu, handleContextMenuClick, MENU_CHOOSE } from './context-menu';
import { rememberRecentNote } from './recent-notes';

let items: { id?: string; parentId?: string | number; title?: string; type?: string; contexts?: string[] }[];

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  items = [];
  fakeBrowser.contextMenus.removeAll = vi.fn(async () => {
    items = [];
  }) as never;
  fakeBrowser.contextMenus.create = vi.fn((properties: (typeof items)[number], done?: () => void) => {
    items.push(properties);
    done?.();
    return properties.id ?? '';
  }) as never;
});

const note = (path: string, title: string) => ({ path, title, tags: [], updated: null, mtime: 0 });

describe('context menu', () => {
  it('lists the recent notes (newest first, at most 5) under "Add to note" and "Quote in note", then "Choose note…"', async () => {
    for (let i = 1; i <= 6; i++) await rememberRecentNote(note(`n${i}.md`, i === 6 ? 'Rock & roll' : `Note ${i}`));
    await buildContextMenu();
    const noteItems = items.filter((item) => !item.id?.startsWith('refclip-tabs'));
    expect(noteItems.map((item) => [item.id, item.parentId, item.title ?? item.type])).toEqual([
      ['refclip-add', undefined, 'Add to note'],
      ['refclip-add:note:n6.md', 'refclip-add', 'Rock && roll'],
      ['refclip-add:note:n5.md', 'refclip-add', 'Note 5'],
      ['refclip-add:note:n4.md', 'refclip-add', 'Note 4'],
      ['refclip-add:note:n3.md', 'refclip-add', 'Note 3'],
      ['refclip-add:note:n2.md', 'refclip-add', 'Note 2'],
      ['refclip-add:separator', 'refclip-add', 'separator'],
      [MENU_CHOOSE, 'refclip-add', 'Choose note…'],
      ['refclip-quote', undefined, 'Quote in note'],
      ['refclip-quote:note:n6.md', 'refclip-quote', 'Rock && roll'],
      ['refclip-quote:note:n5.md', 'refclip-quote', 'Note 5'],
      ['refclip-quote:note:n4.md', 'refclip-quote', 'Note 4'],
      ['refclip-quote:note:n3.md', 'refclip-quote', 'Note 3'],
      ['refclip-quote:note:n2.md', 'refclip-quote', 'Note 2'],
      ['refclip-quote:separator', 'refclip-quote', 'separator'],
      ['refclip-quote:choose', 'refclip-quote', 'Choose note…'],
    ]);
    expect(items[0]?.contexts).toEqual(['page', 'link', 'selection']);
    expect(items.find((item) => item.id === 'refclip-quote')?.contexts).toEqual(['selection']);
  });

  it('offers "Add all tabs in this window to note…" on pages, with the same recent notes', async () => {
    await rememberRecentNote(note('n1.md', 'Note 1'));
    await buildContextMenu();
    const tabsItems = items.filter((item) => item.id?.startsWith('refclip-tabs'));
    expect(tabsItems.map((item) => [item.id, item.parentId, item.title ?? item.type, item.contexts])).toEqual([
      ['refclip-tabs', undefined, 'Add all tabs in this window to note…', ['page']],
      ['refclip-tabs:note:n1.md', 'refclip-tabs', 'Note 1', ['page']],
      ['refclip-tabs:separator', 'refclip-tabs', 'separator', ['page']],
      ['refclip-tabs:choose', 'refclip-tabs', 'Choose note…', ['page']],
    ]);
  });

  it('files no tab without the permission to read them, and says how to give it', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false) as never;
    fakeBrowser.permissions.contains = vi.fn(async () => false) as never;
    fakeBrowser.tabs.query = vi.fn(async () => []) as never;
    fakeBrowser.notifications.create = vi.fn(async () => 'n') as never;
    const outcome = await handleContextMenuClick(
      { menuItemId: 'refclip-tabs:note:n1.md', editable: false, pageUrl: 'https://a.example/' },
      { id: 3, windowId: 1, url: 'https://a.example/' } as never,
    );
    const message =
      "refclip may not read your tabs yet: allow it once with “Add all tabs in this window” in refclip's popup.";
    expect(outcome).toEqual({ kind: 'error', message });
    expect(fakeBrowser.tabs.query).not.toHaveBeenCalled();
    expect(fakeBrowser.notifications.create).toHaveBeenCalledWith(expect.objectContaining({ message }));
  });

  it('opens the popup page in a small window when the browser will not open the popup', async () => {
    fakeBrowser.action.openPopup = vi.fn(async () => {
      throw new Error('not allowed');
    }) as never;
    const created: unknown[] = [];
    fakeBrowser.windows.create = vi.fn(async (options: unknown) => {
      created.push(options);
      return {} as never;
    }) as never;
    expect(
      await handleContextMenuClick({ menuItemId: MENU_CHOOSE, editable: false, pageUrl: 'https://a.example/' }, {
        id: 7,
      } as never),
    ).toBeNull();
    expect(created).toEqual([
      { url: fakeBrowser.runtime.getURL('/popup.html') + '?tab=7', type: 'popup', width: 460, height: 640 },
    ]);
  });

  it('explains a page it cannot read instead of filing nothing silently', async () => {
    fakeBrowser.notifications.create = vi.fn(async () => 'n') as never;
    fakeBrowser.action.setBadgeText = vi.fn(async () => {}) as never;
    fakeBrowser.action.setBadgeBackgroundColor = vi.fn(async () => {}) as never;
    const outcome = await handleContextMenuClick(
      { menuItemId: 'refclip-add:note:n1.md', editable: false, pageUrl: 'chrome://settings/' },
      { id: 3, url: 'chrome://settings/' } as never,
    );
    expect(outcome).toEqual({
      kind: 'error',
      message: "refclip can't read the browser's own pages. Open the article itself and clip it there.",
    });
    expect(fakeBrowser.notifications.create).toHaveBeenCalledWith(
      expect.objectContaining({
        message: "refclip can't read the browser's own pages. Open the article itself and clip it there.",
      }),
    );
  });
});
