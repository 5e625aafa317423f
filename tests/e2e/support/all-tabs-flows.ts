import { watch, type FSWatcher } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTICLE_HTML, ARTICLE_TITLE, today } from './background-fixtures';
import { pickNoteByKeyboard, waitForText, waitInPage, type ExtensionPage, type PopupBrowser } from './popup-driver';
import { usePopupSession } from './popup-session';
import { serveStaticPages, type StaticServer } from './static-server';

/** The popup test browser, and a way to reach an extension page the extension opened itself (in its own window). */
export interface AllTabsBrowser extends PopupBrowser {
  /** The extension page whose address starts with `path` (after the extension origin), once it is there. */
  findExtensionPage(path: string): Promise<ExtensionPage>;
}

const TITLES = { '/tab-1': 'Ferry crews retrain for electric boats', '/tab-2': 'Quay lights switch to LED' };

const noteCiting = (title: string, citedUrl: string) => `---
title: ${title}
tags: [harbour]
updated: 2026-01-05
---

# ${title}

## sources

> [!ref] Tidewater Ledger - Cited before
> ${citedUrl}

## linkage
- [[Harbour projects]]
`;

/**
 * "Add all tabs in this window to note…" (issue 17 §3) in a real browser against a real `refclip serve`: a window
 * of three web pages (one already cited by the note) and one page refclip cannot read, filed from the popup and
 * from the context menu. Checks the report, the note's exact bytes and that the note was written once.
 */
export function defineAllTabsFlows(launch: () => Promise<AllTabsBrowser>): void {
  let browser: AllTabsBrowser;
  const session = usePopupSession(async () => (browser = await launch()));
  let tabs: StaticServer;
  let helper: ExtensionPage;

  beforeAll(async () => {
    tabs = await serveStaticPages({
      '/tab-1': ARTICLE_HTML.replaceAll(ARTICLE_TITLE, TITLES['/tab-1']),
      '/tab-2': ARTICLE_HTML.replaceAll(ARTICLE_TITLE, TITLES['/tab-2']),
      '/cited': ARTICLE_HTML,
    });
    helper = await session.browser.openExtensionPage('/pick-note.html?id=all-tabs-helper');
    // The Firefox driver opens its own helper page at its first use, in the focused window: done here, so it does not
    // land among the tabs of a window a test files.
    await browser.openArticle(tabs.url('/cited'));
  });
  afterAll(async () => {
    await tabs?.close();
  });

  /** Opens a window of `urls` (web pages loaded), and returns its id and the tabs' ids in order. */
  function openWindow(urls: string[]): Promise<{ windowId: number; tabIds: number[] }> {
    return helper.evaluate(async (urls) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const made = (await api.windows.create({ url: urls }))!;
      for (let tries = 0; tries < 600; tries++) {
        const shown = await api.tabs.query({ windowId: made.id });
        const loaded = shown.filter((tab) => tab.status === 'complete' && /^http/.test(tab.url ?? ''));
        if (shown.length === urls.length && loaded.length === urls.filter((url) => url.startsWith('http')).length) {
          return { windowId: made.id!, tabIds: shown.map((tab) => tab.id!) };
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error('the window did not load its tabs');
    }, urls);
  }

  function closeWindow(windowId: number): Promise<void> {
    return helper.evaluate(async (windowId) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.windows.remove(windowId);
    }, windowId);
  }

  /** Counts the renames that put a new file at `name` in the vault: one per write of the note (atomic writes). */
  function countWrites(name: string): { count(): number; stop(): void } {
    let writes = 0;
    const watcher: FSWatcher = watch(session.vault, (event, file) => {
      if (event === 'rename' && file === name) writes += 1;
    });
    return { count: () => writes, stop: () => watcher.close() };
  }

  /** The note with `updated:` today and the two new tabs' callouts after the one it cited. */
  const filedNote = (title: string) =>
    noteCiting(title, tabs.url('/cited'))
      .replace('updated: 2026-01-05', `updated: ${today()}`)
      .replace(
        `${tabs.url('/cited')}\n`,
        `${tabs.url('/cited')}\n\n` +
          `> [!ref] Tidewater Ledger - ${TITLES['/tab-1']}\n> ${tabs.url('/tab-1')}\n\n` +
          `> [!ref] Tidewater Ledger - ${TITLES['/tab-2']}\n> ${tabs.url('/tab-2')}\n`,
      );

  it('files every tab from the popup into the highlighted note in one write, and reports the counts', async () => {
    session.writeNote('Open tabs.md', noteCiting('Open tabs', tabs.url('/cited')));
    // The popup page itself is the tab refclip cannot read, as a window's own pages are.
    const { windowId } = await openWindow([tabs.url('/tab-1'), tabs.url('/tab-2'), tabs.url('/cited'), '/popup.html']);
    const popup = await browser.findExtensionPage('/popup.html');
    await waitInPage(popup, () => document.documentElement.dataset.notesReady, undefined, 'the popup note list');
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('#note-search')?.focus(), undefined);
    await popup.type('Open tabs');
    await pickNoteByKeyboard(popup, 'Open tabs');
    await waitForText(popup, '[data-testid="add-all-tabs"]', 'Add all tabs in this window to Open tabs');

    const writes = countWrites('Open tabs.md');
    await popup.click('[data-testid="add-all-tabs"]');
    await waitForText(popup, '[data-testid="tabs-report"]', 'could not read');
    const report = await popup.evaluate(
      () => document.querySelector('[data-testid="tabs-report"]')?.textContent?.trim(),
      undefined,
    );
    await new Promise((done) => setTimeout(done, 500));
    writes.stop();

    expect(report).toBe('added 2, already there 1, could not read 1');
    expect(session.readNote('Open tabs.md')).toBe(filedNote('Open tabs'));
    expect(writes.count()).toBe(1);
    await closeWindow(windowId);
  });

  it('files every tab from the context menu into a recent note in one write, and reports the counts', async () => {
    session.writeNote('Tab digest.md', noteCiting('Tab digest', tabs.url('/cited')));
    await session.store({
      recentNotes: [{ path: 'Tab digest.md', title: 'Tab digest', tags: [], updated: null, mtime: 0 }],
    });
    const { windowId, tabIds } = await openWindow([
      tabs.url('/tab-1'),
      tabs.url('/cited'),
      'about:blank',
      tabs.url('/tab-2'),
    ]);
    const writes = countWrites('Tab digest.md');
    const outcome = await session.browser.clickMenu('refclip-tabs:note:Tab digest.md', tabIds[0]!);
    await new Promise((done) => setTimeout(done, 500));
    writes.stop();

    expect(outcome).toEqual({
      kind: 'filed',
      notePath: 'Tab digest.md',
      noteTitle: 'Tab digest',
      added: 2,
      already: 1,
      unreadable: 1,
    });
    const expected = filedNote('Tab digest');
    expect(session.readNote('Tab digest.md')).toBe(expected);
    expect(writes.count()).toBe(1);
    await closeWindow(windowId);
  });
}
