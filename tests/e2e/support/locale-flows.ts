import { readFileSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../utils/core/date-format';
import { pairingFragment } from '../../../utils/core/pairing';
import { startCompanion, type CompanionProcess } from './companion-process';
import { pickNoteByKeyboard, textOf, waitForText, waitInPage, type PopupBrowser } from './popup-driver';
import { articlePages, CITED_URL, makeVault, TIDAL_NOTE, VAULT_NAME } from './popup-fixtures';
import { serveStaticPages, type StaticServer } from './static-server';

/** The Tidal note's modification time, so the date the popup shows beside it is known in advance. */
const TIDAL_EDITED = new Date(Date.UTC(2025, 5, 30, 12));

/** What a person reading each language sees (written out here, not read from the locale files). */
const LANGUAGES = [
  {
    lang: 'de',
    paired: `Token akzeptiert. Tresor: ${VAULT_NAME}`,
    vault: `Tresor: ${VAULT_NAME}`,
    noteLabel: 'Notiz',
    placeholder: 'Notizen durchsuchen oder neuen Titel eingeben',
    edited: '30.06.2025',
    button: 'Zu Tidal energy hinzufügen',
    outcome: 'Zu Tidal energy hinzugefügt',
    why: 'Das erste Projekt, das die Planung passiert, seit das Sperrwerk auf Eis liegt.',
  },
  {
    lang: 'ja',
    paired: `トークンを受け付けました。保管庫: ${VAULT_NAME}`,
    vault: `保管庫: ${VAULT_NAME}`,
    noteLabel: 'ノート',
    placeholder: 'ノートを検索、または新しいタイトルを入力',
    edited: '2025/06/30',
    button: 'Tidal energy に追加',
    outcome: 'Tidal energy に追加しました',
    why: '堰の計画が棚上げされて以来、初めて計画審査を通った事業。',
  },
];

/**
 * The popup with the browser's UI in German and in Japanese (issue 17), against a real `refclip serve`, written once
 * for both browsers. With `screenshots`, the popup is photographed as `popup-<lang>.png` there, just before Add;
 * `only` limits the flows to some of the languages.
 */
export function defineLocalePopupFlows(
  launch: (lang: string) => Promise<PopupBrowser>,
  options: { screenshots?: string; only?: string[] } = {},
): void {
  const languages = LANGUAGES.filter(({ lang }) => options.only?.includes(lang) ?? true);
  describe.each(languages)('with the browser in $lang', (language) => {
    let browser: PopupBrowser | undefined;
    let companion: CompanionProcess | undefined;
    let site: StaticServer | undefined;
    let vault: string;

    beforeAll(async () => {
      vault = makeVault(CITED_URL);
      utimesSync(join(vault, 'Tidal energy.md'), TIDAL_EDITED, TIDAL_EDITED);
      [companion, site, browser] = await Promise.all([
        startCompanion({ vault }),
        serveStaticPages(articlePages(CITED_URL)),
        launch(language.lang),
      ]);
      const optionsPage = await browser.openExtensionPage(
        `/options.html${pairingFragment(companion.port, companion.token)}`,
      );
      await waitForText(optionsPage, '[data-testid="connection-report"]', language.paired);
      await optionsPage.close();
    });

    afterAll(async () => {
      await browser?.close();
      await companion?.stop();
      await site?.close();
      if (vault) rmSync(dirname(vault), { recursive: true, force: true });
    });

    it('speaks the language, shows dates its way, and files exactly the bytes the English popup files', async () => {
      const tabId = await browser!.openArticle(site!.url('/lagoon.html'));
      const popup = await browser!.openExtensionPage(`/popup.html?tab=${tabId}`);
      await waitInPage(
        popup,
        () => document.documentElement.dataset.fieldsReady && document.documentElement.dataset.notesReady,
        undefined,
        'the popup to show its fields and notes',
      );
      await waitForText(popup, '.vault', language.vault);
      expect(
        await popup.evaluate(
          () => ({
            lang: document.documentElement.lang,
            noteLabel: document.querySelector('label[for="note-search"]')?.textContent,
            placeholder: document.querySelector<HTMLInputElement>('#note-search')?.placeholder,
          }),
          undefined,
        ),
      ).toEqual({ lang: language.lang, noteLabel: language.noteLabel, placeholder: language.placeholder });

      await popup.type('tidal en');
      await pickNoteByKeyboard(popup, 'Tidal energy');
      expect(
        await popup.evaluate(
          () =>
            [...document.querySelectorAll('#note-choices [role="option"]')]
              .find((row) => row.querySelector('.title')?.textContent === 'Tidal energy')
              ?.querySelector('time')?.textContent,
          undefined,
        ),
      ).toBe(language.edited);
      await popup.type('lagoons');
      await popup.press('Enter');
      await popup.press('Tab');
      await popup.type(language.why);
      expect(await textOf(popup, 'button.primary')).toBe(language.button);
      if (options.screenshots) await popup.screenshot(join(options.screenshots, `popup-${language.lang}.png`));
      await popup.press('Control+Enter');

      await waitForText(popup, '[data-testid="outcome"]', language.outcome);
      // The callout template and the note's date format come from the settings, not from the browser's language.
      const callout = [
        '> [!ref] Coastline Weekly - Tidal lagoon plan clears its first hurdle',
        '> https://coastline.example/2026/10/tidal-lagoon-first-hurdle',
        `> Why it matters: ${language.why}`,
      ].join('\n');
      expect(readFileSync(join(vault, 'Tidal energy.md'), 'utf8')).toBe(
        TIDAL_NOTE.replace('updated: 2025-06-30', `updated: ${formatDate(new Date(), 'YYYY-MM-DD')}`)
          .replace('  - ocean\n', '  - ocean\n  - lagoons\n')
          .replace('losing to lagoons.\n', `losing to lagoons.\n\n${callout}\n`),
      );
    });
  });
}
