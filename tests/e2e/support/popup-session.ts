import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { pairingFragment } from '../../../utils/core/pairing';
import { startCompanion, type CompanionProcess } from './companion-process';
import { articlePages, CITED_URL, makeVault, VAULT_NAME } from './popup-fixtures';
import { waitForText, waitInPage, type ExtensionPage, type PopupBrowser } from './popup-driver';
import { serveStaticPages, type StaticServer } from './static-server';

/** Opens the popup page told to clip an article tab, once it shows its fields and its note list. */
export async function openPopup(
  browser: PopupBrowser,
  articleUrl: string,
): Promise<{ popup: ExtensionPage; tabId: number }> {
  const tabId = await browser.openArticle(articleUrl);
  const popup = await browser.openExtensionPage(`/popup.html?tab=${tabId}`);
  await waitInPage(
    popup,
    () => document.documentElement.dataset.fieldsReady && document.documentElement.dataset.notesReady,
    undefined,
    'the popup to show its fields and notes',
  );
  return { popup, tabId };
}

/** A browser with the built extension paired to a real `refclip serve` on a temporary vault, and the article pages. */
export interface PopupSession {
  browser: PopupBrowser;
  site: StaticServer;
  vault: string;
  readNote(path: string): string;
  writeNote(path: string, text: string): void;
  /** Opens an article in a tab and the popup page told to clip it, once it shows its fields and its note list. */
  openPopupOn(path: string): Promise<{ popup: ExtensionPage; tabId: number }>;
  /** Sets `storage.local` items, and merges `settings` into the stored settings, as the extension's pages do. */
  store(items: Record<string, unknown>, settings?: Record<string, unknown>): Promise<void>;
}

/** Starts the session before the enclosing tests and ends it after them; its fields are set once started. */
export function usePopupSession(launch: () => Promise<PopupBrowser>): PopupSession {
  const session = {} as PopupSession;
  let companion: CompanionProcess | undefined;
  let helper: ExtensionPage | undefined;

  beforeAll(async () => {
    const vault = makeVault(CITED_URL);
    const [started, site, browser] = await Promise.all([
      startCompanion({ vault }),
      serveStaticPages(articlePages(CITED_URL)),
      launch(),
    ]);
    companion = started;
    Object.assign(session, {
      browser,
      site,
      vault,
      readNote: (path: string) => readFileSync(join(vault, path), 'utf8'),
      writeNote: (path: string, text: string) => writeFileSync(join(vault, path), text),
      openPopupOn: (path: string) => openPopup(browser, site.url(path)),
      async store(items: Record<string, unknown>, settings: Record<string, unknown> = {}) {
        helper ??= await browser.openExtensionPage('/pick-note.html?id=popup-session-helper');
        await helper.evaluate(
          async ([items, patch]) => {
            const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
            const stored = (await api.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
            await api.storage.local.set({ ...items, settings: { ...stored, ...patch } });
          },
          [items, settings] as const,
        );
      },
    } satisfies PopupSession);
    const optionsPage = await browser.openExtensionPage(`/options.html${pairingFragment(started.port, started.token)}`);
    await waitForText(optionsPage, '[data-testid="connection-report"]', `Token accepted. Vault: ${VAULT_NAME}`);
    await optionsPage.close();
  });

  afterAll(async () => {
    await session.browser?.close();
    await companion?.stop();
    await session.site?.close();
    if (session.vault) rmSync(dirname(session.vault), { recursive: true, force: true });
  });

  return session;
}
