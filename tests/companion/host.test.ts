import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { listeningSocketsOf } from '../support/listening-ports';
import { startHost, type HostProcess } from './support/host-process';

// Each test starts a real `refclip host` process; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const CLI = resolve(import.meta.dirname, '../../bin/refclip.js');
const root = mkdtempSync(join(tmpdir(), 'refclip-host-'));
let made = 0;

const GRID = '---\ntitle: Grid batteries\ntags:\n  - energy\n---\n# grid batteries\n\n## sources\n';

afterAll(() => rmSync(root, { recursive: true, force: true }));

function vaultWithConfig(notes: Record<string, string>): { vault: string; config: string } {
  const dir = join(root, String(made++));
  const vault = join(dir, 'vault');
  const config = join(dir, 'config');
  mkdirSync(vault, { recursive: true });
  mkdirSync(config);
  for (const [path, text] of Object.entries(notes)) writeFileSync(join(vault, path), text);
  writeFileSync(join(config, 'config.json'), JSON.stringify({ vault }));
  return { vault, config };
}

/** `refclip host` as Chrome starts it: the caller's origin as its argument. */
function host(config: string): HostProcess {
  return startHost(process.execPath, [CLI, 'host', 'chrome-extension://ldklnbbmjpfgbcbapiehpnnafaldodbj/'], {
    HOME: tmpdir(),
    REFCLIP_CONFIG_DIR: config,
  });
}

const clip = { url: 'https://example.org/story', title: 'Story', publisher: 'Example', why: 'Matters.' };

describe('refclip host', () => {
  it('answers the HTTP contract over framed stdio, writes the clip, listens on no port, exits when stdin closes', async () => {
    const { vault, config } = vaultWithConfig({ 'grid.md': GRID });
    const running = host(config);
    expect(await running.call({ id: 'p', method: 'GET', path: '/v1/ping' })).toEqual({
      id: 'p',
      status: 200,
      body: { app: 'refclip', protocol: 1 },
    });
    expect(await running.call({ id: 'v', method: 'GET', path: '/v1/vault' })).toEqual({
      id: 'v',
      status: 200,
      body: { name: 'vault', notes: 1, obsidian: false },
    });
    const found = await running.call({ id: 's', method: 'GET', path: '/v1/notes?q=grid&limit=5' });
    expect(found.status).toBe(200);
    expect((found.body as { notes: { path: string }[] }).notes.map((note) => note.path)).toEqual(['grid.md']);
    expect(await running.call({ id: 't', method: 'GET', path: '/v1/tags' })).toEqual({
      id: 't',
      status: 200,
      body: { tags: [{ tag: 'energy', count: 1 }] },
    });
    const added = await running.call({
      id: 'c',
      method: 'POST',
      path: '/v1/clips',
      body: { note: { path: 'grid.md' }, clip, tags: ['storage'], date: '2026-11-27' },
    });
    expect(added).toEqual({
      id: 'c',
      status: 200,
      body: { status: 'added', path: 'grid.md', clipId: expect.any(String) },
    });
    expect(readFileSync(join(vault, 'grid.md'), 'utf8')).toBe(
      '---\ntitle: Grid batteries\ntags:\n  - energy\n  - storage\nupdated: 2026-11-27\n---\n# grid batteries\n\n' +
        '## sources\n\n> [!ref] Example - Story\n> https://example.org/story\n> Why it matters: Matters.\n',
    );
    expect(listeningSocketsOf(running.child.pid!)).toBe(0);
    expect(await running.close()).toBe(0);
  });

  it("saves the article's text and quotes over native messaging, as over HTTP (issue 17)", async () => {
    const { vault, config } = vaultWithConfig({ 'grid.md': GRID });
    const running = host(config);
    const added = await running.call({
      id: 'f',
      method: 'POST',
      path: '/v1/clips',
      body: {
        note: { path: 'grid.md' },
        clip: { ...clip, quote: 'Cells _age_ slowly.' },
        date: '2026-11-27',
        source: { markdown: 'Batteries [store](https://example.org/s) power.' },
      },
    });
    expect(added).toEqual({
      id: 'f',
      status: 200,
      body: {
        status: 'added',
        path: 'grid.md',
        clipId: expect.any(String),
        source: { status: 'created', path: 'sources/Story.md' },
      },
    });
    expect(readFileSync(join(vault, 'sources', 'Story.md'), 'utf8')).toBe(
      '---\ntitle: Story\nurl: https://example.org/story\nsite: Example\ntags: []\ncreated: 2026-11-27\n---\n\n' +
        'Batteries [store](https://example.org/s) power.\n',
    );
    expect(readFileSync(join(vault, 'grid.md'), 'utf8')).toBe(
      '---\ntitle: Grid batteries\ntags:\n  - energy\nupdated: 2026-11-27\n---\n# grid batteries\n\n## sources\n\n' +
        '> [!ref] Example - Story\n> https://example.org/story\n> Why it matters: Matters.\n' +
        '> Full text: [[sources/Story]]\n> > Cells _age_ slowly.\n',
    );
    expect(await running.close()).toBe(0);
  });

  it('takes a batch of clips over framed stdio, each new URL once, in order', async () => {
    const { vault, config } = vaultWithConfig({ 'grid.md': GRID });
    const running = host(config);
    const other = { url: 'https://example.org/other', title: 'Other', publisher: 'Example' };
    const batch = await running.call({
      id: 'b',
      method: 'POST',
      path: '/v1/clips/batch',
      body: { note: { path: 'grid.md' }, clips: [clip, other, clip], date: '2026-11-27' },
    });
    expect(batch).toEqual({
      id: 'b',
      status: 200,
      body: {
        path: 'grid.md',
        items: [
          { url: clip.url, status: 'added' },
          { url: other.url, status: 'added' },
          { url: clip.url, status: 'already-present' },
        ],
        clipId: expect.any(String),
      },
    });
    expect(readFileSync(join(vault, 'grid.md'), 'utf8')).toBe(
      '---\ntitle: Grid batteries\ntags:\n  - energy\nupdated: 2026-11-27\n---\n# grid batteries\n\n## sources\n\n' +
        '> [!ref] Example - Story\n> https://example.org/story\n> Why it matters: Matters.\n\n' +
        '> [!ref] Example - Other\n> https://example.org/other\n',
    );
    expect(await running.close()).toBe(0);
  });

  it('refuses bad requests with the contract error and the note untouched', async () => {
    const { vault, config } = vaultWithConfig({ 'grid.md': GRID });
    const running = host(config);
    const json = (text: string) => {
      const bytes = Buffer.from(text);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      return Buffer.concat([length, bytes]);
    };
    const unreadable = await running.sendRaw(json('{"id": "x", '), '');
    expect(unreadable).toMatchObject({ id: '', status: 400, body: { error: { code: 'invalid-request' } } });
    const wrongMethod = await running.sendRaw(json('{"id":"m","method":"PUT","path":"/v1/clips"}'), 'm');
    expect(wrongMethod).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    const cases = [
      { method: 'POST', path: '/v1/clips', body: { note: { path: '../grid.md' }, clip }, status: 400 },
      {
        method: 'POST',
        path: '/v1/clips',
        body: { note: { path: 'grid.md' }, clip: { ...clip, url: 'x' } },
        status: 400,
      },
      {
        method: 'POST',
        path: '/v1/clips',
        body: { note: { path: 'grid.md' }, clip, pad: 'x'.repeat(1_100_000) },
        status: 413,
      },
      { method: 'POST', path: '/v1/pair', status: 400 },
      { method: 'GET', path: '/v1/nothing', status: 404 },
    ] as const;
    for (const [n, { status, ...request }] of cases.entries()) {
      const answer = await running.call({ id: String(n), ...request });
      expect([answer.status, request.path]).toEqual([status, request.path]);
      expect(answer.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(readFileSync(join(vault, 'grid.md'), 'utf8')).toBe(GRID);
    expect(await running.close()).toBe(0);
  });

  it('starts from the index cache, re-reading only notes whose modification time or size changed', async () => {
    const { vault, config } = vaultWithConfig({ 'grid.md': GRID, 'heat.md': '---\ntitle: Heat pumps\n---\n' });
    let running = host(config);
    await running.call({ id: 'warm', method: 'GET', path: '/v1/notes?q=' });
    expect(await running.close()).toBe(0);
    const [cacheName] = readdirSync(config).filter((name) => /^index-[0-9a-f]{16}\.json$/.test(name));
    const cacheFile = join(config, cacheName!);
    // A title only the cache holds proves the unchanged note was not read again: the first line is what search
    // keeps, the second the topics suggestion ranks by.
    const [head, topics] = readFileSync(cacheFile, 'utf8').split('\n');
    writeFileSync(
      cacheFile,
      `${head!.replace('"Heat pumps"', '"Heat pumps (cached)"')}\n${topics!.replace('"Heat pumps"', '"Heat exchangers"')}`,
    );
    writeFileSync(join(vault, 'grid.md'), GRID.replace('Grid batteries', 'Grid storage'));
    running = host(config);
    const answer = await running.call({ id: 'all', method: 'GET', path: '/v1/notes?q=&limit=10' });
    const titles = (answer.body as { notes: { title: string }[] }).notes.map((note) => note.title).sort();
    expect(titles).toEqual(['Grid storage', 'Heat pumps (cached)']);
    // Suggestion ranks the unchanged note by its cached topics, the changed one by what it says now.
    const suggest = async (title: string) => {
      const found = await running.call({
        id: title,
        method: 'POST',
        path: '/v1/suggest',
        body: { page: { url: 'https://example.org/a', title }, limit: 5 },
      });
      return (found.body as { notes: { path: string }[] }).notes.map((note) => note.path);
    };
    expect(await suggest('exchangers')).toEqual(['heat.md']);
    expect(await suggest('storage')).toEqual(['grid.md']);
    expect(await running.close()).toBe(0);
  });

  it('says what is missing when no vault is set up, and exits', async () => {
    const config = join(root, 'empty-config');
    mkdirSync(config);
    const running = host(config);
    expect(await running.close()).toBe(1);
    expect(running.stderr()).toContain('no vault yet: run refclip install --vault DIR once');
  });
});
