import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  authorised,
  clipBody,
  postClip,
  rawRequest,
  startServe,
  type RawResponse,
  type ServeProcess,
} from './support/serve-process';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const NOTE = [
  '---',
  'title: Undo note',
  'tags: [energy]',
  'updated: 2024-01-01',
  '---',
  '# Undo note',
  '',
  'Some prose.',
  '',
  '## sources',
  '',
  '## linkage',
  '- [[Elsewhere]]',
  '',
].join('\n');

let root: string;
let vault: string;
let server: ServeProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-undo-'));
  vault = join(root, 'vault');
  mkdirSync(vault);
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Node sends a DELETE body without a length unless told (it does not default to chunked for DELETE). */
function undo(id: string, headers = authorised(server), body = '{}'): Promise<RawResponse> {
  const sized = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return rawRequest(server.port, { method: 'DELETE', path: `/v1/clips/${id}`, headers: sized, body });
}

/** A fresh note `name` and a clip into it; returns the clip id the companion answered with. */
async function clipInto(name: string, url: string): Promise<string> {
  writeFileSync(join(vault, name), NOTE);
  const response = await postClip(server, clipBody(name, url));
  expect(response.status).toBe(200);
  const { status, path, clipId } = response.json() as { status: string; path: string; clipId: string };
  expect({ status, path }).toEqual({ status: 'added', path: name });
  expect(clipId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  return clipId;
}

const read = (name: string) => readFileSync(join(vault, name), 'utf8');

describe('DELETE /v1/clips/{id} on a real refclip serve', () => {
  it('leaves the note byte-identical to before, once', async () => {
    const id = await clipInto('plain.md', 'https://news.example/a');
    expect(read('plain.md')).not.toBe(NOTE);
    const response = await undo(id);
    expect([response.status, response.json()]).toEqual([200, { status: 'undone', path: 'plain.md' }]);
    expect(read('plain.md')).toBe(NOTE);
    const again = await undo(id);
    expect([again.status, (again.json() as { error: { code: string } }).error.code]).toEqual([404, 'not-found']);
  });

  it('keeps an outside edit elsewhere in the note and takes back exactly the callout and frontmatter lines', async () => {
    const id = await clipInto('edited.md', 'https://news.example/b');
    writeFileSync(join(vault, 'edited.md'), read('edited.md').replace('Some prose.', 'Some prose, edited.'));
    expect((await undo(id)).status).toBe(200);
    expect(read('edited.md')).toBe(NOTE.replace('Some prose.', 'Some prose, edited.'));
  });

  it('refuses with 409 note-changed after an edit to the callout and leaves the note alone', async () => {
    const id = await clipInto('callout.md', 'https://news.example/c');
    const edited = read('callout.md').replace('It backs the claim.', 'It backs the claim, mostly.');
    writeFileSync(join(vault, 'callout.md'), edited);
    const response = await undo(id);
    expect(response.status).toBe(409);
    expect(response.json()).toEqual({
      error: {
        code: 'note-changed',
        message: 'callout.md no longer holds the callout refclip added, so it was left alone',
      },
    });
    expect(read('callout.md')).toBe(edited);
  });

  it('removes a note it created while the note holds what refclip wrote, and only then', async () => {
    const create = (title: string) =>
      postClip(server, clipBody('', `https://news.example/${title}`, { note: { create: { title } } }));
    const made = await create('Fresh note');
    expect(made.status).toBe(201);
    const { clipId, path } = made.json() as { clipId: string; path: string };
    expect(existsSync(join(vault, path))).toBe(true);
    expect([(await undo(clipId)).status, existsSync(join(vault, path))]).toEqual([200, false]);

    const kept = (await create('Kept note')).json() as { clipId: string; path: string };
    const edited = `${read(kept.path)}My own line.\n`;
    writeFileSync(join(vault, kept.path), edited);
    expect((await undo(kept.clipId)).status).toBe(409);
    expect(read(kept.path)).toBe(edited);
  });

  it('says the vault is an Obsidian vault once it holds .obsidian/, for the popup\'s "Open in Obsidian"', async () => {
    const vaultInfo = () => rawRequest(server.port, { path: '/v1/vault', headers: authorised(server) });
    expect((await vaultInfo()).json()).toMatchObject({ obsidian: false });
    mkdirSync(join(vault, '.obsidian'));
    expect((await vaultInfo()).json()).toMatchObject({ obsidian: true });
  });

  it('gives no clip id when the page is already cited', async () => {
    await clipInto('twice.md', 'https://news.example/d');
    const response = await postClip(server, clipBody('twice.md', 'https://news.example/d'));
    expect(response.json()).toEqual({ status: 'already-present', path: 'twice.md' });
  });

  it.each([
    ['no token', { authorization: '' }, '{}', 401],
    ['not JSON', { 'content-type': 'text/plain' }, '{}', 415],
    ['a body other than {}', {}, '{"force":true}', 400],
  ])('applies the guards: %s', async (_name, change, body, status) => {
    const id = await clipInto('guarded.md', 'https://news.example/e');
    const clipped = read('guarded.md');
    expect((await undo(id, { ...authorised(server), ...change }, body)).status).toBe(status);
    expect(read('guarded.md')).toBe(clipped);
  });
});
