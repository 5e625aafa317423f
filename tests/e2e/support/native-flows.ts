import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserName } from '../../../companion/install/host-manifest';
import { listeningSocketsOf } from '../../support/listening-ports';
import { makeVault, PORT_NOTE_PATH, portNoteWith, today } from './background-fixtures';
import type { ExtensionDriver } from './extension-driver';

const CLI = resolve(import.meta.dirname, '../../../bin/refclip.js');
const run = promisify(execFile);

export interface NativeBrowser {
  driver: ExtensionDriver;
  /** Lets the extension use native messaging, as the person does on the options page. */
  allowNative(): Promise<void>;
  close(): Promise<void>;
}

/** Running `refclip host` processes started for this HOME (their launcher sets its config folder). */
function hostPids(home: string): number[] {
  const marker = `REFCLIP_CONFIG_DIR=${join(home, '.config', 'refclip')}`;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return command.includes('host') && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(read: () => T, done: (value: T) => boolean, what: string): Promise<T> {
  for (let tries = 0; tries < 300; tries++) {
    const value = read();
    if (done(value)) return value;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const callout = (n: number) =>
  [
    `> [!ref] Tidewater Ledger - Harbour cranes switch to shore power ${n}`,
    `> https://tidewater.example/2026/cranes-${n}`,
    `> Why it matters: Clip ${n} over native messaging.`,
  ].join('\n');

const submission = (n: number) => ({
  target: { path: PORT_NOTE_PATH, title: 'Port electrification' },
  clip: {
    url: `https://tidewater.example/2026/cranes-${n}`,
    title: `Harbour cranes switch to shore power ${n}`,
    publisher: 'Tidewater Ledger',
    why: `Clip ${n} over native messaging.`,
  },
  tags: ['energy'],
});

/**
 * The extension with no `refclip serve` and no pairing: `refclip install` on a temporary HOME, the browser starts
 * `refclip host` itself. Search, tags and clips land in the vault, no TCP port is listened on, a clip after the
 * worker restarts works (a new host), and Undo takes a clip back.
 */
export function defineNativeFlows(browserName: BrowserName, launch: (home: string) => Promise<NativeBrowser>): void {
  let home: string;
  let vault: string;
  let browser: NativeBrowser | undefined;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'refclip-native-home-'));
    vault = makeVault();
    await run(process.execPath, [CLI, 'install', '--vault', vault, '--browser', browserName], {
      env: { PATH: process.env.PATH ?? '', HOME: home },
    });
    browser = await launch(home);
    await browser.allowNative();
  });

  afterAll(async () => {
    await browser?.close();
    if (home) rmSync(home, { recursive: true, force: true });
    if (vault) rmSync(vault, { recursive: true, force: true });
  });

  it('searches, lists tags and files a clip through the host the browser started, with no port open', async () => {
    const driver = browser!.driver;
    expect(await driver.send('getStatus', undefined)).toMatchObject({
      companion: { kind: 'ready', vaultName: expect.stringMatching(/^refclip-vault-/), delivery: 'native' },
    });
    const found = await driver.send('searchNotes', { q: 'port elec' });
    expect(found.map((note) => note.path)).toEqual([PORT_NOTE_PATH]);
    const tags = await driver.send('listTags', undefined);
    expect(tags).toEqual(expect.arrayContaining([{ tag: 'energy', count: 1 }]));

    expect(await driver.send('submitClip', submission(1))).toMatchObject({ kind: 'added', notePath: PORT_NOTE_PATH });
    expect(readFileSync(join(vault, PORT_NOTE_PATH), 'utf8')).toBe(portNoteWith(callout(1), today()));

    const [pid] = await until(
      () => hostPids(home),
      (pids) => pids.length === 1,
      'one refclip host',
    );
    expect(listeningSocketsOf(pid!)).toBe(0);
  });

  it('files the next clip through a new host after the worker restarts', async () => {
    const driver = browser!.driver;
    const [before] = hostPids(home);
    await driver.restartWorker();
    await until(
      () => hostPids(home),
      (pids) => !pids.includes(before!),
      'the old host to exit',
    );

    expect(await driver.send('submitClip', submission(2))).toMatchObject({ kind: 'added', notePath: PORT_NOTE_PATH });
    expect(readFileSync(join(vault, PORT_NOTE_PATH), 'utf8')).toBe(
      portNoteWith(`${callout(1)}\n\n${callout(2)}`, today()),
    );
    const [after] = await until(
      () => hostPids(home),
      (pids) => pids.length === 1,
      'the new host',
    );
    expect(after).not.toBe(before);
    expect(listeningSocketsOf(after!)).toBe(0);
  });

  it('takes a clip back over native messaging, leaving the note byte for byte as it was', async () => {
    const driver = browser!.driver;
    const before = readFileSync(join(vault, PORT_NOTE_PATH), 'utf8');
    const added = await driver.send('submitClip', submission(3));
    expect(added).toMatchObject({ kind: 'added', notePath: PORT_NOTE_PATH, clipId: expect.any(String) });
    expect(readFileSync(join(vault, PORT_NOTE_PATH), 'utf8')).toBe(
      portNoteWith(`${callout(1)}\n\n${callout(2)}\n\n${callout(3)}`, today()),
    );

    const clipId = (added as { clipId: string }).clipId;
    expect(await driver.send('undoClip', { clipId })).toEqual({ kind: 'undone', notePath: PORT_NOTE_PATH });
    expect(readFileSync(join(vault, PORT_NOTE_PATH), 'utf8')).toBe(before);
    // Asked again, the host refuses in words and touches nothing.
    expect(await driver.send('undoClip', { clipId })).toMatchObject({ kind: 'error', message: expect.any(String) });
    expect(readFileSync(join(vault, PORT_NOTE_PATH), 'utf8')).toBe(before);
  });
}
