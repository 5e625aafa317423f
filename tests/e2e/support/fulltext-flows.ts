import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeVault, PORT_NOTE, PORT_NOTE_PATH, portNoteWith, today } from './background-fixtures';
import { startCompanion, type CompanionProcess } from './companion-process';
import type { ExtensionDriver } from './extension-driver';
import { serveStaticPages, type StaticServer } from './static-server';

const TITLE = 'Harbour cranes switch to shore power';
const RECENT_PORT_NOTE = { path: PORT_NOTE_PATH, title: 'Port electrification', tags: [], updated: null, mtime: 0 };

/** An article with a relative link and a relative image; with `select`, it selects its quote paragraph on load. */
function articlePage(select: boolean): string {
  const selecting = select
    ? `<script>addEventListener('load', () => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('quote'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });</script>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${TITLE} | Tidewater Ledger</title>
    <meta property="og:site_name" content="Tidewater Ledger" />
    <meta property="og:title" content="${TITLE}" />
    <meta name="author" content="Mira Okafor" />
    <meta property="article:published_time" content="2026-11-20T08:00:00Z" />
    ${selecting}
  </head>
  <body>
    <nav><a href="/">Home</a></nav>
    <article>
      <h1>${TITLE}</h1>
      <p>The port's four container cranes now draw power from the grid instead of diesel generators,
        cutting the harbour's fuel bill by a third, the port authority said on Thursday.</p>
      <p id="quote">Night-time noise fell by <em>half</em>, says the <a href="/reports/noise">harbour report</a>.</p>
      <img src="/img/cranes.jpg" alt="Cranes at night" />
      <p>The authority plans to publish <strong>monthly figures</strong> on energy use from January.</p>
    </article>
  </body>
</html>`;
}

/**
 * Issue 17 in a real browser against a real `refclip serve`: the context menu's "Add to note" with "Save the
 * article's text" on, and "Quote in note" on a selection holding a link and emphasis. Each flow checks the exact
 * bytes that land in the vault.
 */
export function defineFullTextFlows(launch: () => Promise<{ driver: ExtensionDriver; close(): Promise<void> }>): void {
  let driver: ExtensionDriver;
  let closeBrowser: (() => Promise<void>) | undefined;
  let pages: StaticServer;
  let companion: CompanionProcess | undefined;
  let vault: string;
  let configDir: string;
  const notePath = () => join(vault, PORT_NOTE_PATH);

  beforeAll(async () => {
    vault = makeVault();
    pages = await serveStaticPages({ '/article': articlePage(false), '/quote': articlePage(true) });
    configDir = mkdtempSync(join(tmpdir(), 'refclip-config-'));
    companion = await startCompanion({ vault, configDir });
    const launched = await launch();
    driver = launched.driver;
    closeBrowser = launched.close;
    const paired = await driver.send('pairCompanion', { url: companion.origin, token: companion.token });
    expect(paired).toMatchObject({ kind: 'ready' });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await companion?.stop();
    await pages?.close();
    rmSync(vault, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  });

  async function clipInto(menuItemId: string, path: string, settings: object, selectionText?: string) {
    writeFileSync(notePath(), PORT_NOTE);
    rmSync(join(vault, 'sources'), { recursive: true, force: true });
    // Pairing stored the companion's address in the settings: kept beside the settings under test.
    await driver.setStorage({
      recentNotes: [RECENT_PORT_NOTE],
      settings: { companionUrl: companion!.origin, ...settings },
    });
    const tabId = await driver.openPage(pages.url(path));
    return driver.clickMenu({ menuItemId, ...(selectionText ? { selectionText } : {}) }, tabId);
  }

  it("saves the article's text as a source note and links it from the callout", async () => {
    const outcome = await clipInto(`refclip-add:note:${PORT_NOTE_PATH}`, '/article', { saveFullText: true });
    const url = pages.url('/article');
    const callout = [`> [!ref] Tidewater Ledger - ${TITLE}`, `> ${url}`, `> Full text: [[sources/${TITLE}]]`].join(
      '\n',
    );
    expect(outcome).toEqual({
      kind: 'added',
      notePath: PORT_NOTE_PATH,
      noteTitle: 'Port electrification',
      callout,
      clipId: expect.any(String),
      source: { status: 'created', path: `sources/${TITLE}.md` },
    });
    expect(readFileSync(notePath(), 'utf8')).toBe(portNoteWith(callout, today()));
    expect(readdirSync(join(vault, 'sources'))).toEqual([`${TITLE}.md`]);
    expect(readFileSync(join(vault, 'sources', `${TITLE}.md`), 'utf8')).toBe(
      [
        '---',
        `title: ${TITLE}`,
        `url: ${url}`,
        'author: Mira Okafor',
        'published: "2026-11-20"',
        'site: Tidewater Ledger',
        'tags: []',
        `created: ${today()}`,
        '---',
        '',
        "The port's four container cranes now draw power from the grid instead of diesel generators, cutting the " +
          "harbour's fuel bill by a third, the port authority said on Thursday.",
        '',
        `Night-time noise fell by _half_, says the [harbour report](${pages.url('/reports/noise')}).`,
        '',
        `![Cranes at night](${pages.url('/img/cranes.jpg')})`,
        '',
        'The authority plans to publish **monthly figures** on energy use from January.',
        '',
      ].join('\n'),
    );
  });

  it('quotes a selection holding a link and emphasis inside the callout', async () => {
    const outcome = await clipInto(
      `refclip-quote:note:${PORT_NOTE_PATH}`,
      '/quote',
      {},
      'Night-time noise fell by half, says the harbour report.',
    );
    const callout = [
      `> [!ref] Tidewater Ledger - ${TITLE}`,
      `> ${pages.url('/quote')}`,
      `> > Night-time noise fell by _half_, says the [harbour report](${pages.url('/reports/noise')}).`,
    ].join('\n');
    expect(outcome).toMatchObject({ kind: 'added', notePath: PORT_NOTE_PATH, callout });
    expect(readFileSync(notePath(), 'utf8')).toBe(portNoteWith(callout, today()));
    expect(existsSync(join(vault, 'sources'))).toBe(false);
  });
}
