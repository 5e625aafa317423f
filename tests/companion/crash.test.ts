import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { applyClip } from '../../utils/core/index';
import { DEFAULT_SETTINGS, noteOptionsFrom } from '../../utils/core/settings';
import { clipBody, postClip, startServe, type ServeProcess } from './support/serve-process';

// Each file starts real `refclip serve` processes; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const NOTES = ['alpha.md', 'beta.md', 'folder/gamma.md', 'folder/delta.md'];
const CLIPS_PER_NOTE = 40;
const options = noteOptionsFrom(DEFAULT_SETTINGS);

const root = mkdtempSync(join(tmpdir(), 'refclip-crash-'));
const servers: ServeProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function original(path: string): string {
  return `---\ntitle: ${path}\ntags: [crash]\n---\n# ${path}\n\n${'Body text. '.repeat(300)}\n\n## sources\n`;
}

const url = (path: string, n: number) => `https://crash.example/${encodeURIComponent(path)}/${n}`;

/** Every state a note may be in after `n` clips: the engine applied to the original, one clip at a time. */
function states(path: string): string[] {
  const all = [original(path)];
  for (let n = 0; n < CLIPS_PER_NOTE; n++) {
    const body = JSON.parse(clipBody(path, url(path, n))) as {
      clip: { url: string; title: string; publisher: string; why: string };
    };
    all.push(applyClip(all[n]!, { clip: body.clip, tags: [], date: '2026-03-14' }, options).text);
  }
  return all;
}

function tempFiles(vault: string): string[] {
  return readdirSync(vault, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}

it('leaves every note old or new when the writer is killed mid-stream, and cleans temp files on restart', async () => {
  const vault = join(root, 'vault');
  const configDir = join(root, 'config');
  mkdirSync(join(vault, 'folder'), { recursive: true });
  for (const path of NOTES) writeFileSync(join(vault, path), original(path));
  const server = await startServe({ vault, configDir });
  servers.push(server);

  const acknowledged = new Map(NOTES.map((path) => [path, 0]));
  let total = 0;
  let killed: Promise<void> | null = null;
  // One stream per note, each clip sent when the previous one was answered; the kill lands while some are in flight.
  await Promise.all(
    NOTES.map(async (path) => {
      for (let n = 0; n < CLIPS_PER_NOTE && !killed; n++) {
        try {
          const response = await postClip(server, clipBody(path, url(path, n)));
          if (response.status !== 200) throw new Error(`clip answered ${response.status}: ${response.body}`);
        } catch (error) {
          if (killed) return;
          throw error;
        }
        acknowledged.set(path, n + 1);
        total++;
        if (total === 30) killed = server.stop('SIGKILL');
      }
    }),
  );
  await killed;
  expect(server.child.signalCode).toBe('SIGKILL');

  for (const path of NOTES) {
    const text = readFileSync(join(vault, path), 'utf8');
    const done = acknowledged.get(path)!;
    const possible = states(path);
    const index = possible.indexOf(text);
    // An acknowledged clip is on disk; the one in flight at the kill may or may not be; nothing is half-written.
    expect({ path, state: index >= done && index <= done + 1 }).toEqual({ path, state: true });
  }

  writeFileSync(join(vault, 'folder', '.gamma.md.refclip-0123456789ab.tmp'), 'half a note');
  const restarted = await startServe({ vault, configDir });
  servers.push(restarted);
  expect(tempFiles(vault)).toEqual([]);
  const resumed = await postClip(restarted, clipBody('alpha.md', 'https://crash.example/after-restart'));
  expect(resumed.status).toBe(200);
  await restarted.stop();
}, 60_000);
