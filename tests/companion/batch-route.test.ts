import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorised, rawRequest, startServe, type RawResponse, type ServeProcess } from './support/serve-process';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const NOTE =
  '---\ntitle: Tabs\nupdated: 2024-01-01\n---\n# Tabs\n\n## sources\n\n> [!ref] Old - Cited\n> https://old.example/cited\n\n## linkage\n';
const clip = (url: string, title: string) => ({ url, title, publisher: 'Wire' });

let root: string;
let vault: string;
let server: ServeProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-batch-'));
  vault = join(root, 'vault');
  mkdirSync(vault);
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

function postBatch(body: unknown, method = 'POST'): Promise<RawResponse> {
  const text = JSON.stringify(body);
  const headers = { ...authorised(server), 'content-length': String(Buffer.byteLength(text)) };
  return rawRequest(server.port, { method, path: '/v1/clips/batch', headers, body: text });
}

describe('POST /v1/clips/batch', () => {
  it('files the new URLs in one write, answers per clip, and one undo takes the batch back', async () => {
    writeFileSync(join(vault, 'tabs.md'), NOTE);
    const inodeBefore = statSync(join(vault, 'tabs.md')).ino;
    const response = await postBatch({
      note: { path: 'tabs.md' },
      clips: [
        clip('https://a.example/1', 'One'),
        clip('https://old.example/cited#top', 'Cited'),
        clip('https://b.example/2', 'Two'),
      ],
      tags: ['web'],
      date: '2026-03-14',
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      path: 'tabs.md',
      items: [
        { url: 'https://a.example/1', status: 'added' },
        { url: 'https://old.example/cited#top', status: 'already-present' },
        { url: 'https://b.example/2', status: 'added' },
      ],
      clipId: expect.stringMatching(/^[\w-]{22}$/),
    });
    expect(readFileSync(join(vault, 'tabs.md'), 'utf8')).toBe(
      '---\ntitle: Tabs\nupdated: 2026-03-14\ntags:\n  - web\n---\n# Tabs\n\n## sources\n\n> [!ref] Old - Cited\n> https://old.example/cited\n\n' +
        '> [!ref] Wire - One\n> https://a.example/1\n\n> [!ref] Wire - Two\n> https://b.example/2\n\n## linkage\n',
    );
    expect(statSync(join(vault, 'tabs.md')).ino).not.toBe(inodeBefore);

    const { clipId } = response.json() as { clipId: string };
    const body = '{}';
    const undone = await rawRequest(server.port, {
      method: 'DELETE',
      path: `/v1/clips/${clipId}`,
      headers: { ...authorised(server), 'content-length': '2' },
      body,
    });
    expect(undone.status).toBe(200);
    expect(readFileSync(join(vault, 'tabs.md'), 'utf8')).toBe(NOTE);
  });

  it('writes nothing when every URL is cited already', async () => {
    writeFileSync(join(vault, 'cited.md'), NOTE);
    const before = statSync(join(vault, 'cited.md'));
    const response = await postBatch({ note: { path: 'cited.md' }, clips: [clip('https://old.example/cited', 'x')] });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      path: 'cited.md',
      items: [{ url: 'https://old.example/cited', status: 'already-present' }],
    });
    const after = statSync(join(vault, 'cited.md'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it.each([
    ['no clips', { note: { path: 'tabs.md' }, clips: [] }, 400, 'invalid-request'],
    [
      'a note to create',
      { note: { create: { title: 'New' } }, clips: [clip('https://a.example/', 'a')] },
      400,
      'invalid-request',
    ],
    ['a missing note', { note: { path: 'gone.md' }, clips: [clip('https://a.example/', 'a')] }, 404, 'not-found'],
  ])('answers %s with %i %s and leaves the vault alone', async (_name, body, status, code) => {
    const response = await postBatch(body);
    expect(response.status).toBe(status);
    expect((response.json() as { error: { code: string } }).error.code).toBe(code);
    expect(() => statSync(join(vault, 'gone.md'))).toThrow();
  });

  it('refuses the whole batch on a note it cannot edit, leaving the bytes as they were', async () => {
    const broken = '---\ntitle: [unclosed\n---\n# Broken\n';
    writeFileSync(join(vault, 'broken.md'), broken);
    const response = await postBatch({ note: { path: 'broken.md' }, clips: [clip('https://a.example/1', 'One')] });
    expect(response.status).toBe(422);
    expect(readFileSync(join(vault, 'broken.md'), 'utf8')).toBe(broken);
  });
});
