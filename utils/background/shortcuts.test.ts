import { useEnglishMessages } from '../../components/testing/fake-i18n';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADD_TO_LAST_NOTE, handleCommand } from './shortcuts';
import { findPick } from './pick-store';
import { rememberRecentNote } from './recent-notes';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  fakeBrowser.notifications.create = vi.fn(async () => 'n') as never;
  fakeBrowser.action.setBadgeText = vi.fn(async () => {}) as never;
  fakeBrowser.action.setBadgeBackgroundColor = vi.fn(async () => {}) as never;
});

describe('add-to-last-note shortcut', () => {
  it('opens the popup to pick a note when none was used yet', async () => {
    fakeBrowser.action.openPopup = vi.fn(async () => {}) as never;
    expect(await handleCommand(ADD_TO_LAST_NOTE, { id: 4, url: 'https://a.example/' } as never)).toBeNull();
    expect(fakeBrowser.action.openPopup).toHaveBeenCalledOnce();
  });

  it('files the current page into the note used last', async () => {
    await rememberRecentNote({ path: 'old.md', title: 'Old', tags: [], updated: null, mtime: 0 });
    await rememberRecentNote({ path: 'notes/last.md', title: 'Last', tags: [], updated: null, mtime: 0 });
    fakeBrowser.tabs.create = vi.fn(async () => ({}) as never) as never;
    // A PDF needs no page script, and without a companion an existing note goes to the pick-note page.
    const tab = { id: 4, url: 'https://reports.example/2026/ferries.pdf', title: 'Ferry report' };
    const outcome = await handleCommand(ADD_TO_LAST_NOTE, tab as never);
    expect(outcome?.kind).toBe('pick-file');
    const pickId = new URL((outcome as { pickerUrl: string }).pickerUrl).searchParams.get('id') ?? '';
    expect((await findPick(pickId))?.submission).toEqual({
      target: { path: 'notes/last.md', title: 'Last' },
      clip: { url: 'https://reports.example/2026/ferries.pdf', title: 'Ferry report', publisher: 'Reports' },
      tags: [],
    });
  });

  it('ignores other commands', async () => {
    expect(await handleCommand('something-else')).toBeNull();
  });
});
