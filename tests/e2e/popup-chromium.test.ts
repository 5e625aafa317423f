import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatDate } from '../../utils/core/date-format';
import { pairingFragment } from '../../utils/core/pairing';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { startCompanion, type CompanionProcess } from './support/companion-process';
import { openPopupOn, pickChoiceByKeyboard } from './support/popup-page';
import { articlePages, CITED_URL, HARBOUR_NOTE, makeVault, TIDAL_NOTE, VAULT_NAME } from './support/popup-fixtures';
import { serveStaticPages, type StaticServer } from './support/static-server';

const SCREENSHOT = join(import.meta.dirname, '../../docs/popup.png');

let browser: ChromiumWithExtension;
let companion: CompanionProcess;
let site: StaticServer;
let vault: string;

beforeAll(async () => {
  vault = makeVault(CITED_URL);
  [companion, site, browser] = await Promise.all([
    startCompanion({ vault }),
    serveStaticPages(articlePages(CITED_URL)),
    launchChromiumWithExtension(),
  ]);
  const options = await browser.context.newPage();
  await options.goto(
    `chrome-extension://${browser.extensionId}/options.html${pairingFragment(companion.port, companion.token)}`,
  );
  await options.getByText(`Token accepted. Vault: ${VAULT_NAME}`).waitFor();
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await companion?.stop();
  await site?.close();
  if (vault) rmSync(dirname(vault), { recursive: true, force: true });
});

const today = () => formatDate(new Date(), 'YYYY-MM-DD');
const readNote = (path: string) => readFileSync(join(vault, path), 'utf8');

describe('the popup in Chromium', () => {
  it('files the article into a note picked by keyboard, with an existing and a new tag and a why', async () => {
    const { popup } = await openPopupOn(browser.context, browser.worker, browser.extensionId, site.url('/lagoon.html'));
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('note-search');
    await popup.keyboard.type('tidal en');
    await pickChoiceByKeyboard(popup, 'Tidal energy');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tag-input');
    await popup.keyboard.type('mari');
    await popup.locator('#tag-suggestions [role="option"]', { hasText: 'marine' }).waitFor();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('lagoons');
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('First scheme to pass planning since the barrage was shelved.');
    await popup.locator('main').screenshot({ path: SCREENSHOT });
    const preview = await popup.getByTestId('callout-preview').textContent();
    await popup.keyboard.press('Control+Enter');

    await popup.getByTestId('outcome').getByText('Added to Tidal energy').waitFor();
    const callout = [
      '> [!ref] Coastline Weekly - Tidal lagoon plan clears its first hurdle',
      '> https://coastline.example/2026/10/tidal-lagoon-first-hurdle',
      '> Why it matters: First scheme to pass planning since the barrage was shelved.',
    ].join('\n');
    expect(preview).toBe(callout);
    expect(await popup.getByTestId('outcome').locator('pre').textContent()).toBe(callout);
    expect(readNote('Tidal energy.md')).toBe(
      TIDAL_NOTE.replace('updated: 2025-06-30', `updated: ${today()}`)
        .replace('  - ocean\n', '  - ocean\n  - marine\n  - lagoons\n')
        .replace('losing to lagoons.\n', `losing to lagoons.\n\n${callout}\n`),
    );
  });

  it('creates a new note from the template when "Create note" is picked', async () => {
    const { popup } = await openPopupOn(
      browser.context,
      browser.worker,
      browser.extensionId,
      site.url('/turbines.html'),
    );
    await popup.keyboard.type('Tidal turbines');
    await pickChoiceByKeyboard(popup, "Create note 'Tidal turbines'");
    await popup.keyboard.press('Control+Enter');

    await popup.getByTestId('outcome').getByText('Created Tidal turbines').waitFor();
    const text = readNote('Tidal turbines.md');
    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const date = today();
    expect(parseYaml(frontmatter ?? '')).toEqual({
      title: 'Tidal turbines',
      tags: [],
      keywords: [],
      draft: true,
      description: '',
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
        `> [!ref] Coastline Weekly - Turbine makers race to shrink tidal costs`,
        `> ${site.url('/turbines.html')}`,
        '',
      ].join('\n'),
    );
  });

  it('says when the page is already cited, and Add leaves that note byte-identical', async () => {
    const before = readNote('Harbour projects.md');
    expect(before).toBe(HARBOUR_NOTE.replace('http://127.0.0.1/placeholder', CITED_URL));
    const { popup } = await openPopupOn(browser.context, browser.worker, browser.extensionId, site.url('/quay.html'));
    await popup.getByTestId('already-cited').getByText('Already in: Harbour projects').waitFor();
    await popup.keyboard.type('harbour');
    await pickChoiceByKeyboard(popup, 'Harbour projects');
    await popup.getByRole('button', { name: 'Add to Harbour projects' }).click();

    await popup.getByTestId('outcome').getByText('Already in Harbour projects').waitFor();
    expect(readNote('Harbour projects.md')).toBe(before);
  });

  it('shows a hostile title as literal text in the fields and the preview', async () => {
    const { popup } = await openPopupOn(
      browser.context,
      browser.worker,
      browser.extensionId,
      site.url('/hostile.html'),
    );
    const literal = `<img src=x onerror="document.title='pwned'">`;
    expect(await popup.getByLabel('Title').inputValue()).toContain(literal);
    expect(await popup.getByTestId('callout-preview').textContent()).toBe(
      `> [!ref] Coastline Weekly - Breaking ${literal} news\n> ${site.url('/hostile.html')}`,
    );
    expect(await popup.locator('img').count()).toBe(0);
    expect(await popup.title()).toBe('refclip');
  });
});
