import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClipOutcome } from '../../../utils/messaging/protocol';
import {
  ARTICLE_HTML,
  ARTICLE_TITLE,
  HOSTILE_HTML,
  LINK_TEXT,
  LINK_URL,
  makeVault,
  PORT_NOTE,
  PORT_NOTE_PATH,
  portNoteWith,
  today,
} from './background-fixtures';
import { startCompanion, type CompanionProcess } from './companion-process';
import type { ExtensionDriver } from './extension-driver';
import { serveStaticPages, type StaticServer } from './static-server';

export type FlowName = 'page' | 'link' | 'selection' | 'outbox' | 'download-new' | 'download-pick' | 'hostile';

const PORT_MENU_ITEM = `refclip-add:note:${PORT_NOTE_PATH}`;
const RECENT_PORT_NOTE = { path: PORT_NOTE_PATH, title: 'Port electrification', tags: [], updated: null, mtime: 0 };

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  let value = await read();
  for (let tries = 0; !done(value) && tries < 300; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  if (!done(value)) throw new Error(`gave up waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
  return value;
}

const readIfThere = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/**
 * The worker's flows against a real `refclip serve` on a temporary vault and pages served on 127.0.0.1, written
 * once for both browsers. Each flow checks what lands on disk.
 */
export function defineBackgroundFlows(
  launch: () => Promise<{ driver: ExtensionDriver; close(): Promise<void> }>,
  flows: FlowName[],
): void {
  let driver: ExtensionDriver;
  let closeBrowser: (() => Promise<void>) | undefined;
  let pages: StaticServer;
  let companion: CompanionProcess | undefined;
  let vault: string;
  let configDir: string;
  const notePath = () => join(vault, PORT_NOTE_PATH);

  beforeAll(async () => {
    vault = makeVault();
    pages = await serveStaticPages({ '/article': ARTICLE_HTML, '/hostile': HOSTILE_HTML });
    // A config folder of our own, so the token survives the companion being stopped and started again.
    configDir = mkdtempSync(join(tmpdir(), 'refclip-config-'));
    companion = await startCompanion({ vault, configDir });
    const launched = await launch();
    driver = launched.driver;
    closeBrowser = launched.close;
    const paired = await driver.send('pairCompanion', { url: companion.origin, token: companion.token });
    expect(paired).toEqual({ kind: 'ready', vaultName: expect.any(String), obsidian: false });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await companion?.stop();
    await pages?.close();
    rmSync(vault, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  });

  async function clipArticleInto(
    click: Omit<Parameters<ExtensionDriver['clickMenu']>[0], 'menuItemId'>,
  ): Promise<ClipOutcome | null> {
    writeFileSync(notePath(), PORT_NOTE);
    await driver.setStorage({ recentNotes: [RECENT_PORT_NOTE] });
    const tabId = await driver.openPage(pages.url('/article'));
    return driver.clickMenu({ menuItemId: PORT_MENU_ITEM, ...click }, tabId);
  }

  if (flows.includes('page')) {
    it('adds the page to a recent note: exact callout, updated today, nothing else changed', async () => {
      const outcome = await clipArticleInto({});
      const callout = `> [!ref] Tidewater Ledger - ${ARTICLE_TITLE}\n> ${pages.url('/article')}`;
      expect(outcome).toEqual({
        kind: 'added',
        notePath: PORT_NOTE_PATH,
        noteTitle: 'Port electrification',
        callout,
        clipId: expect.stringMatching(/^[\w-]{22}$/),
      });
      expect(readFileSync(notePath(), 'utf8')).toBe(portNoteWith(callout, today()));
    });
  }

  if (flows.includes('link')) {
    it("adds a link's target with the link text as title and its host's publisher", async () => {
      const outcome = await clipArticleInto({ linkUrl: LINK_URL });
      const callout = `> [!ref] Coastal-times - ${LINK_TEXT}\n> ${LINK_URL}`;
      expect(outcome).toMatchObject({ kind: 'added', callout });
      expect(readFileSync(notePath(), 'utf8')).toBe(portNoteWith(callout, today()));
    });
  }

  if (flows.includes('selection')) {
    it('makes a selection the one-line "why it matters", cut at 280 characters', async () => {
      const selection = `The cranes now run on grid power.\n\nNight-time noise fell by half. ${'More detail follows here. '.repeat(12)}`;
      const outcome = await clipArticleInto({ selectionText: selection });
      const why = selection.replace(/\s+/g, ' ').trim();
      const cut = why.slice(0, 279);
      const expectedWhy = `${cut.slice(0, cut.lastIndexOf(' '))}…`;
      expect(expectedWhy.length).toBeLessThanOrEqual(280);
      const callout = `> [!ref] Tidewater Ledger - ${ARTICLE_TITLE}\n> ${pages.url('/article')}\n> Why it matters: ${expectedWhy}`;
      expect(outcome).toMatchObject({ kind: 'added', callout });
      expect(readFileSync(notePath(), 'utf8')).toBe(portNoteWith(callout, today()));
    });
  }

  if (flows.includes('outbox')) {
    it('queues a clip while the companion is down and files it exactly once after a worker restart', async () => {
      writeFileSync(notePath(), PORT_NOTE);
      const running = companion!;
      await running.stop();
      companion = undefined;
      await driver.setStorage({ recentNotes: [RECENT_PORT_NOTE] });
      const tabId = await driver.openPage(pages.url('/article'));
      const outcome = await driver.clickMenu({ menuItemId: PORT_MENU_ITEM }, tabId);
      expect(outcome).toMatchObject({ kind: 'queued', waiting: 1 });
      expect(await driver.badgeText()).toBe('1');
      expect(readFileSync(notePath(), 'utf8')).toBe(PORT_NOTE);

      await driver.restartWorker();
      companion = await startCompanion({ vault, port: running.port, configDir });
      // The popup (or options page) asking for the status is the companion answering again: the outbox goes out.
      await until(
        () => driver.send('getStatus', undefined),
        (status) => status.outbox === 0,
        'the outbox to empty',
      );
      const callout = `> [!ref] Tidewater Ledger - ${ARTICLE_TITLE}\n> ${pages.url('/article')}`;
      expect(readFileSync(notePath(), 'utf8')).toBe(portNoteWith(callout, today()));
      await until(
        () => driver.badgeText(),
        (text) => text === '',
        'the badge to clear',
      );
    });
  }

  if (flows.includes('hostile')) {
    it('turns a hostile page into one well-formed callout', async () => {
      writeFileSync(notePath(), PORT_NOTE);
      await driver.setStorage({ recentNotes: [RECENT_PORT_NOTE] });
      const tabId = await driver.openPage(pages.url('/hostile'));
      const outcome = await driver.clickMenu({ menuItemId: PORT_MENU_ITEM }, tabId);
      expect(outcome).toMatchObject({ kind: 'added' });
      const after = readFileSync(notePath(), 'utf8');
      const added = after.slice(
        after.indexOf('grid connections.\n\n') + 'grid connections.\n\n'.length,
        after.indexOf('\n\n## linkage'),
      );
      const lines = added.split('\n');
      expect(lines).toHaveLength(2);
      // The extractor may shorten the title; whatever it keeps stays on one line with no live wikilink or quote.
      expect(lines[0]).toMatch(/^> \[!ref\] 127\.0\.0\.1 - Breaking\\\]\\\] news/);
      expect(lines[0]!.replace(/\\\]\\\]|\\\[\\\[/g, '')).not.toMatch(/\]\]|\[\[/);
      expect(lines[1]).toBe(`> ${pages.url('/hostile')}`);
      expect(after.match(/^> \[!ref\]/gm)).toHaveLength(2);
      expect(after).toBe(portNoteWith(added, today()));
    });
  }
  if (flows.includes('download-new') || flows.includes('download-pick')) {
    // Last: it unpairs the extension.
    it('without a companion, downloads a new note and patches a picked existing one under its name', async () => {
      await driver.removeStorage(['companionToken']);
      const clip = {
        url: pages.url('/article'),
        title: ARTICLE_TITLE,
        publisher: 'Tidewater Ledger',
        why: 'Quieter nights.',
      };
      const callout = `> [!ref] Tidewater Ledger - ${ARTICLE_TITLE}\n> ${clip.url}\n> Why it matters: Quieter nights.`;
      if (flows.includes('download-new')) {
        const created = await driver.send('submitClip', {
          target: { create: { title: 'Harbour noise' } },
          clip,
          tags: ['ports'],
        });
        expect(created).toEqual({ kind: 'downloaded', filename: 'refclip/Harbour noise.md' });
        const file = join(driver.downloadDir, 'refclip', 'Harbour noise.md');
        const text = await until(
          () => readIfThere(file),
          (value) => value.endsWith('\n'),
          'the new note download',
        );
        const compact = today().replace(/-/g, '').slice(2);
        expect(text).toBe(
          `---\ntitle: Harbour noise\ntags:\n  - ports\nkeywords: []\ndraft: true\ndescription: ""\ncreated: ${today()}\n` +
            `updated: ${today()}\nnote_id: ${compact}RC01\ncssclasses: []\n---\n\n# Harbour noise\n\n## sources\n\n${callout}\n`,
        );
      }
      if (flows.includes('download-pick')) {
        const onDisk = join(tmpdir(), `refclip-pick-${process.pid}`, 'port-electrification.md');
        rmSync(join(onDisk, '..'), { recursive: true, force: true });
        mkdirSync(join(onDisk, '..'), { recursive: true });
        writeFileSync(onDisk, PORT_NOTE);
        const asked = await driver.send('submitClip', {
          target: { path: PORT_NOTE_PATH, title: 'Port electrification' },
          clip,
          tags: [],
        });
        expect(asked.kind).toBe('pick-file');
        expect((await driver.pickFile(onDisk)).kind).toBe('done');
        const file = join(driver.downloadDir, 'refclip', 'port-electrification.md');
        const text = await until(
          () => readIfThere(file),
          (value) => value.length > 0 && value.endsWith('\n'),
          'the patched note download',
        );
        expect(text).toBe(portNoteWith(callout, today()));

        // A note of 3 MB: Chrome's worker hands it over as a data: URL of 4.4 MB, past Chrome's 2 MB URL limit elsewhere.
        const bulk = `\n${'Berth-side power measurements, logged hourly. '.repeat(70_000)}\n`;
        const bigNote = PORT_NOTE.replace('\n## sources', `${bulk}\n## sources`);
        writeFileSync(onDisk, bigNote);
        rmSync(file, { force: true });
        const askedBig = await driver.send('submitClip', {
          target: { path: PORT_NOTE_PATH, title: 'Port electrification' },
          clip,
          tags: [],
        });
        expect(askedBig.kind).toBe('pick-file');
        expect(await driver.pickFile(onDisk)).toEqual({ kind: 'done', text: expect.any(String) });
        const bigText = await until(
          () => readIfThere(file),
          (value) => value.length > 0 && value.endsWith('\n'),
          'the patched large note download',
        );
        expect(bigText).toBe(portNoteWith(callout, today()).replace('\n## sources', `${bulk}\n## sources`));
        rmSync(join(onDisk, '..'), { recursive: true, force: true });
      }
    });
  }
}
