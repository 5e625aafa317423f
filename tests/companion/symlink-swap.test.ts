import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { clipBody, postClip, startServe } from './support/serve-process';

/**
 * Issue 14, item 4: a vault folder swapped for a symlink to a folder outside the vault, in a loop, while slow clips
 * (held 20 ms between the temp file and the rename) and clips creating new notes in that folder arrive. Nothing
 * outside the vault may ever change, and every note refclip says it created is in the vault.
 */
const RUN_MS = 8_000;
const SWAPPER = resolve(import.meta.dirname, 'support/folder-swapper.mjs');
const NOTE = '---\ntitle: Swapped\n---\n# Swapped\n\n## sources\n\n## linkage\n';

const root = mkdtempSync(join(tmpdir(), 'refclip-swap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file below `folder` with its bytes. */
function contents(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    files[name] = readFileSync(join(folder, name), 'base64');
  }
  return files;
}

it('never writes outside the vault while a folder is swapped for a symlink', { timeout: 60_000 }, async () => {
  const vault = join(root, 'vault');
  const outside = join(root, 'outside');
  mkdirSync(join(vault, 'topic'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(vault, 'topic', 'note.md'), NOTE);
  writeFileSync(join(outside, 'note.md'), NOTE);
  const outsideBefore = contents(outside);
  const server = await startServe({
    vault,
    configDir: join(root, 'config'),
    env: { REFCLIP_TEST_COMMIT_DELAY_MS: '20' },
  });
  try {
    const swapper = spawn(process.execPath, [SWAPPER, join(vault, 'topic'), outside, String(RUN_MS)]);
    let swaps = '';
    swapper.stdout.on('data', (chunk: Buffer) => (swaps += chunk.toString()));
    const swapped = new Promise<void>((done) => swapper.once('exit', () => done()));
    const acknowledged: string[] = [];
    const created: string[] = [];
    const statuses: Record<number, number> = {};
    const until = Date.now() + RUN_MS;
    const clipping = Array.from({ length: 3 }, async (_, client) => {
      for (let n = 1; Date.now() < until; n++) {
        const url = `https://news.example/swap/${client}/${n}`;
        const response = await postClip(server, clipBody('topic/note.md', url));
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status === 200) acknowledged.push(url);
      }
    });
    const creating = (async () => {
      for (let n = 1; Date.now() < until; n++) {
        const url = `https://news.example/new/${n}`;
        const note = { create: { title: `New ${n}`, folder: 'topic' } };
        const response = await postClip(server, clipBody('', url, { note }));
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status === 201) created.push(url);
      }
    })();
    await Promise.all([...clipping, creating]);
    await swapped;
    console.log(
      `symlink swap: ${swaps.trim()} swaps, ${created.length} notes created, answers ${JSON.stringify(statuses)}`,
    );
    expect(contents(outside)).toEqual(outsideBefore);
    expect(acknowledged.length).toBeGreaterThan(0);
    const note = readFileSync(join(vault, 'topic', 'note.md'), 'utf8');
    expect(acknowledged.filter((url) => !note.includes(`> ${url}\n`))).toEqual([]);
    expect(created.length).toBeGreaterThan(0);
    // A note created while the folder's name was free went into a folder refclip made, which the swapper moved aside.
    const inVault = readdirSync(vault, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(vault, name)).isFile())
      .map((name) => readFileSync(join(vault, name), 'utf8'));
    expect(created.filter((url) => !inVault.some((text) => text.includes(`> ${url}\n`)))).toEqual([]);
    expect(statuses[500]).toBeUndefined();
  } finally {
    await server.stop();
  }
});
