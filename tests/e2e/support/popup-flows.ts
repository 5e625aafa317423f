import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatDate } from '../../../utils/core/date-format';
import { articlePages, CITED_URL, HARBOUR_NOTE, TIDAL_NOTE } from './popup-fixtures';
import { activeElementId, pickNoteByKeyboard, textOf, waitForText, type PopupBrowser } from './popup-driver';
import { openPopup, usePopupSession } from './popup-session';
import { defineTargetAndUndoFlows } from './popup-undo-flows';
import { serveStaticPages, type StaticServer } from './static-server';

const today = () => formatDate(new Date(), 'YYYY-MM-DD');

/**
 * The popup's flows (issue 6, "Must show") against a real `refclip serve` on a temporary vault and article pages
 * served on 127.0.0.1, written once for both browsers. Each flow checks what lands on disk.
 */
export function definePopupFlows(launch: () => Promise<PopupBrowser>, options: { screenshots?: string } = {}): void {
  const session = usePopupSession(launch);
  const readNote = (path: string) => session.readNote(path);
  const openPopupOn = async (path: string) => (await session.openPopupOn(path)).popup;

  it('files the article into a note picked by keyboard, with an existing and a new tag and a why', async () => {
    const popup = await openPopupOn('/lagoon.html');
    expect(await activeElementId(popup)).toBe('note-search');
    await popup.type('tidal en');
    await pickNoteByKeyboard(popup, 'Tidal energy');
    expect(await activeElementId(popup)).toBe('tag-input');
    await popup.type('mari');
    await waitForText(popup, '#tag-suggestions [role="option"]', 'marine');
    await popup.press('ArrowDown');
    await popup.press('Enter');
    await popup.type('lagoons');
    await popup.press('Enter');
    await popup.press('Tab');
    await popup.type('First scheme to pass planning since the barrage was shelved.');
    if (options.screenshots) await popup.screenshot(join(options.screenshots, 'popup.png'));
    const preview = await textOf(popup, '[data-testid="callout-preview"]');
    await popup.press('Control+Enter');

    await waitForText(popup, '[data-testid="outcome"]', 'Added to Tidal energy');
    if (options.screenshots) await popup.screenshot(join(options.screenshots, 'popup-added.png'));
    const callout = [
      '> [!ref] Coastline Weekly - Tidal lagoon plan clears its first hurdle',
      '> https://coastline.example/2026/10/tidal-lagoon-first-hurdle',
      '> Why it matters: First scheme to pass planning since the barrage was shelved.',
    ].join('\n');
    expect(preview).toBe(callout);
    expect(await textOf(popup, '[data-testid="callout-preview"]')).toBe(callout);
    expect(readNote('Tidal energy.md')).toBe(
      TIDAL_NOTE.replace('updated: 2025-06-30', `updated: ${today()}`)
        .replace('  - ocean\n', '  - ocean\n  - marine\n  - lagoons\n')
        .replace('losing to lagoons.\n', `losing to lagoons.\n\n${callout}\n`),
    );
  });

  it('creates a new note from the template when "Create note" is picked, the edited summary as its description', async () => {
    const popup = await openPopupOn('/turbines.html');
    await popup.type('Tidal turbines');
    await pickNoteByKeyboard(popup, "Create note 'Tidal turbines'");
    await popup.evaluate(
      () => document.querySelector<HTMLButtonElement>('[data-testid="source-summary"]')?.click(),
      undefined,
    );
    await popup.evaluate(() => {
      const summary = document.getElementById('field-summary') as HTMLTextAreaElement;
      summary.focus();
      summary.select();
    }, undefined);
    await popup.type('Smaller "rotors": cheaper per megawatt.');
    await popup.press('Control+Enter');

    await waitForText(popup, '[data-testid="outcome"]', 'Created Tidal turbines');
    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readNote('Tidal turbines.md')) ?? [];
    const date = today();
    expect(parseYaml(frontmatter ?? '')).toEqual({
      title: 'Tidal turbines',
      tags: [],
      keywords: [],
      draft: true,
      description: 'Smaller "rotors": cheaper per megawatt.',
      created: date,
      updated: date,
      note_id: `${date.slice(2).replace(/-/g, '')}RC01`,
      cssclasses: [],
    });
    expect(body).toBe(
      [
        '',
        '# Tidal turbines',
        '',
        '## sources',
        '',
        '> [!ref] Coastline Weekly - Turbine makers race to shrink tidal costs',
        `> ${session.site.url('/turbines.html')}`,
        '',
      ].join('\n'),
    );
  });

  it('says when the page is already cited, and Add leaves that note byte-identical', async () => {
    const before = readNote('Harbour projects.md');
    expect(before).toBe(HARBOUR_NOTE.replace('http://127.0.0.1/placeholder', CITED_URL));
    const popup = await openPopupOn('/quay.html');
    await waitForText(popup, '[data-testid="already-cited"]', 'Already in: Harbour projects');
    await popup.type('harbour');
    await pickNoteByKeyboard(popup, 'Harbour projects');
    await waitForText(popup, 'button.primary', 'Add to Harbour projects');
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('button.primary')?.click(), undefined);

    await waitForText(popup, '[data-testid="outcome"]', 'Already in Harbour projects');
    expect(readNote('Harbour projects.md')).toBe(before);
  });

  it('shows a hostile title as literal text in the fields and the preview', async () => {
    const popup = await openPopupOn('/hostile.html');
    const literal = `<img src=x onerror="document.title='pwned'">`;
    const shown = await popup.evaluate(
      () => ({
        title: document.querySelector<HTMLInputElement>('#field-title')?.value,
        preview: document.querySelector('[data-testid="callout-preview"]')?.textContent,
        images: document.querySelectorAll('img').length,
        documentTitle: document.title,
      }),
      undefined,
    );
    expect(shown).toEqual({
      title: `Breaking ${literal} news`,
      preview: `> [!ref] Coastline Weekly - Breaking ${literal} news\n> ${session.site.url('/hostile.html')}`,
      images: 0,
      documentTitle: 'refclip',
    });
  });

  defineTargetAndUndoFlows(session);
}

/** Without a paired companion: the popup says how to start one, and the same flow delivers by download. */
export function defineUnpairedPopupFlow(launch: () => Promise<PopupBrowser>): void {
  let browser: PopupBrowser | undefined;
  let site: StaticServer | undefined;

  beforeAll(async () => {
    [site, browser] = await Promise.all([serveStaticPages(articlePages(CITED_URL)), launch()]);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('hints at npx refclip serve and downloads a new note with the callout', async () => {
    const { popup } = await openPopup(browser!, site!.url('/turbines.html'));
    expect(await textOf(popup, '[data-testid="companion-hint"]')).toContain('npx refclip serve');
    await popup.type('Reading list');
    await pickNoteByKeyboard(popup, "Create note 'Reading list'");
    await popup.press('Tab');
    await popup.type('Cheaper repairs decide whether tidal pays.');
    await popup.press('Control+Enter');

    await waitForText(popup, '[data-testid="outcome"]', 'Downloaded refclip/Reading list.md');
    const file = join(browser!.downloadDir, 'refclip', 'Reading list.md');
    for (let tries = 0; tries < 100 && !existsSync(file); tries++) await new Promise((done) => setTimeout(done, 100));
    expect(readFileSync(file, 'utf8')).toContain(
      [
        '# Reading list',
        '',
        '## sources',
        '',
        '> [!ref] Coastline Weekly - Turbine makers race to shrink tidal costs',
        `> ${site!.url('/turbines.html')}`,
        '> Why it matters: Cheaper repairs decide whether tidal pays.',
        '',
      ].join('\n'),
    );
  });
}
