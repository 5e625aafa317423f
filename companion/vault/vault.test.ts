import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../../utils/core/settings';
import { Vault } from './vault';

// Writing and indexing 2,400 notes takes a few seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const root = mkdtempSync(join(tmpdir(), 'refclip-vault-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

it('indexes a large vault through the reader thread, skipping app folders and removing crash leftovers', async () => {
  for (let folder = 0; folder < 3; folder++) {
    mkdirSync(join(root, `f${folder}`));
    for (let n = 0; n < 800; n++) {
      writeFileSync(
        join(root, `f${folder}`, `note ${n}.md`),
        `---\ntitle: Note ${folder}-${n}\ntags: [t${n % 7}]\n---\n`,
      );
    }
  }
  mkdirSync(join(root, '.trash'));
  writeFileSync(join(root, '.trash', 'gone.md'), '# gone\n');
  writeFileSync(join(root, 'f1', '.note 1.md.refclip-0123456789ab.tmp'), 'half');
  const vault = await Vault.open(root, noteOptionsFrom(DEFAULT_SETTINGS));
  try {
    expect(vault.index.size).toBe(2400);
    expect(vault.index.search('Note 2-799', 1)[0]).toMatchObject({ path: 'f2/note 799.md', title: 'Note 2-799' });
    expect(vault.index.tags().find((entry) => entry.tag === 't0')).toEqual({ tag: 't0', count: 3 * 115 });
    expect(vault.index.get('.trash/gone.md')).toBeUndefined();
  } finally {
    vault.close();
  }
  expect(readdirSync(join(root, 'f1')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

it('counts the notes of a starting vault before it has indexed them, then searches and suggests them', async () => {
  const folder = join(root, 'starting');
  mkdirSync(folder);
  for (const name of ['grid', 'heat', 'rail']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n`);
  const started = await Vault.start(folder, noteOptionsFrom(DEFAULT_SETTINGS), join(root, 'starting-cache.json'));
  let indexed = false;
  void started.indexed.then(() => (indexed = true));
  try {
    await started.counted;
    expect([started.vault.noteCount, started.vault.index.size, indexed]).toEqual([3, 0, false]);
    await started.indexed;
    expect(started.vault.noteCount).toBe(3);
    expect(started.vault.index.search('rail', 5).map((note) => note.path)).toEqual(['rail.md']);
    await started.suggestable;
    const page = { url: 'https://example.org/heat', title: 'Heat' };
    expect(started.vault.index.suggest(page, 5).map((note) => note.path)).toEqual(['heat.md']);
    await started.cacheSaved;
  } finally {
    started.vault.close();
  }
});

it('has a note refclip wrote in the index once `indexed()` settles, small or off the main thread', async () => {
  const folder = join(root, 'soon');
  mkdirSync(folder);
  const vault = await Vault.open(folder, noteOptionsFrom(DEFAULT_SETTINGS));
  try {
    const small = '---\ntitle: Tidal power\n---\n';
    const large = `---\ntitle: Wave farms\n---\n${'Swell and fetch.\n'.repeat(20_000)}`;
    for (const [name, text] of [
      ['tidal.md', small],
      ['waves.md', large],
    ] as const) {
      writeFileSync(join(folder, name), text);
      vault.indexNoteSoon(name, text, await stat(join(folder, name), { bigint: true }));
    }
    expect(vault.index.search('tidal', 5)).toEqual([]);
    await vault.indexed();
    expect(vault.index.search('tidal', 5).map((note) => note.path)).toEqual(['tidal.md']);
    expect(vault.index.search('wave farms', 5).map((note) => note.path)).toEqual(['waves.md']);
  } finally {
    vault.close();
  }
});
