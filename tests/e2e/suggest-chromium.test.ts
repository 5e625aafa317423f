import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../utils/core/date-format';
import { pairingFragment } from '../../utils/core/pairing';
import { launchChromiumWithExtension } from './support/chromium';
import { startCompanion, type CompanionProcess } from './support/companion-process';
import { waitForText, waitInPage, type ExtensionPage, type PopupBrowser } from './support/popup-driver';
import { chromiumPopupBrowser } from './support/popup-browsers';
import { serveStaticPages, type StaticServer } from './support/static-server';

/** The note the page belongs in: it already cites the same site, and its tags and title share the page's topic. */
const GLACIERS = `---
title: Glacier retreat
tags: [glaciers, climate]
updated: 2025-01-10
---

# Glacier retreat

Alpine glaciers and how fast they shrink.

## sources

> [!ref] Ice Desk - Swiss glaciers lost a tenth of their volume
> https://icedesk.example/2024/swiss-glaciers
> Why it matters: Two hot summers did it.
`;

const OTHERS: Record<string, string> = {
  'Rail freight.md': '---\ntitle: Rail freight\ntags: [transport]\n---\n\n# Rail freight\n\nGoods by train.\n',
  'Ocean heat.md': '---\ntitle: Ocean heat\ntags: [climate]\n---\n\n# Ocean heat\n\nWarming seas.\n',
  'Bread.md': '---\ntitle: Bread\ntags: [food]\n---\n\n# Bread\n\nSourdough notes.\n',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Glaciers in the Alps retreat faster than forecast | Ice Desk</title>
    <meta property="og:site_name" content="Ice Desk" />
    <meta name="description" content="Glacier monitors say the retreat of Alpine glaciers sped up again this summer." />
  </head>
  <body>
    <article>
      <h1>Glaciers in the Alps retreat faster than forecast</h1>
      <p>Monitors measured the steepest loss of glacier ice since records began.</p>
    </article>
  </body>
</html>`;

/** The vault's notes, most recently modified first: the companion's answer to an empty search lists them so. */
const BY_MTIME = ['Bread.md', 'Ocean heat.md', 'Rail freight.md', 'Glacier retreat.md'];

function listedRows(popup: ExtensionPage) {
  return popup.evaluate(
    () =>
      [...document.querySelectorAll('#note-choices [role="option"]')].map((row) => ({
        title: row.querySelector('.title')?.textContent,
        reason: row.querySelector('.reason')?.textContent ?? null,
        active: row.classList.contains('active'),
        target: row.getAttribute('aria-selected'),
      })),
    undefined,
  );
}

describe('target-note suggestion in the Chromium popup', () => {
  let browser: PopupBrowser | undefined;
  let companion: CompanionProcess | undefined;
  let site: StaticServer | undefined;
  let vault: string;

  beforeAll(async () => {
    vault = join(mkdtempSync(join(tmpdir(), 'refclip-suggest-e2e-')), 'vault');
    mkdirSync(vault);
    writeFileSync(join(vault, 'Glacier retreat.md'), GLACIERS);
    for (const [path, text] of Object.entries(OTHERS)) writeFileSync(join(vault, path), text);
    const now = Date.now() / 1000;
    BY_MTIME.forEach((path, age) => utimesSync(join(vault, path), now - 3600 * (age + 1), now - 3600 * (age + 1)));
    [companion, site, browser] = await Promise.all([
      startCompanion({ vault }),
      serveStaticPages({ '/glaciers.html': PAGE }),
      chromiumPopupBrowser(await launchChromiumWithExtension()),
    ]);
    const optionsPage = await browser.openExtensionPage(
      `/options.html${pairingFragment(companion.port, companion.token)}`,
    );
    await waitForText(optionsPage, '[data-testid="connection-report"]', 'Token accepted. Vault: vault');
    await optionsPage.close();
  });

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
    await site?.close();
    if (vault) rmSync(dirname(vault), { recursive: true, force: true });
  });

  // Runs first, while no note is a recent target: the rows are the vault's latest notes alone.
  it('leaves out suggestions that answer after the first key, so the rows stay those shown', async () => {
    const tabId = await browser!.openArticle(site!.url('/glaciers.html'));
    companion!.suspend();
    try {
      const popup = await browser!.openExtensionPage(`/popup.html?tab=${tabId}`);
      await waitInPage(popup, () => document.documentElement.dataset.fieldsReady, undefined, 'the popup fields');
      // The page was read, so the suggestions were asked; the companion answers nothing until it resumes.
      await popup.press('ArrowDown');
      companion!.resume();
      await waitInPage(popup, () => document.documentElement.dataset.notesReady, undefined, 'the popup note list');
      expect(await listedRows(popup)).toEqual(
        BY_MTIME.map((path, index) => ({
          title: path.replace(/\.md$/, ''),
          reason: null,
          active: index === 0,
          target: String(index === 0),
        })),
      );
      await popup.close();
    } finally {
      companion!.resume();
    }
  });

  it('lists the matching note first, highlighted, and Ctrl+Enter files the page there', async () => {
    const pageUrl = site!.url('/glaciers.html');
    const tabId = await browser!.openArticle(pageUrl);
    const popup = await browser!.openExtensionPage(`/popup.html?tab=${tabId}`);
    await waitInPage(
      popup,
      () => document.documentElement.dataset.fieldsReady && document.documentElement.dataset.notesReady,
      undefined,
      'the popup to show its fields and notes',
    );
    const rows = await listedRows(popup);
    expect(rows[0]).toEqual({ title: 'Glacier retreat', reason: 'title: glaciers', active: true, target: 'true' });
    expect(rows.slice(1).every((row) => !row.active && row.target === 'false')).toBe(true);

    await popup.press('Control+Enter');
    await waitForText(popup, '[data-testid="outcome"]', 'Added to Glacier retreat');
    const callout = ['> [!ref] Ice Desk - Glaciers in the Alps retreat faster than forecast', `> ${pageUrl}`].join(
      '\n',
    );
    expect(readFileSync(join(vault, 'Glacier retreat.md'), 'utf8')).toBe(
      GLACIERS.replace('updated: 2025-01-10', `updated: ${formatDate(new Date(), 'YYYY-MM-DD')}`).replace(
        'Two hot summers did it.\n',
        `Two hot summers did it.\n\n${callout}\n`,
      ),
    );
  });
});
