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
    expect(items.map((item) => [item.id, item.parentId, item.title ?? item.type])).toEqual([
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
