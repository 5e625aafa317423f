import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorised, postClip, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// A real `refclip serve` process; on a busy machine it takes seconds to start.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const NOTE =
  '---\ntitle: Harbours\nupdated: 2024-01-01\n---\n# Harbours\n\n## sources\n\n## linkage\n- [[Elsewhere]]\n';
const URL = 'https://tidewater.example/2026/cranes';
const TITLE = 'Harbour cranes: shore power';
const MARKDOWN =
  'The cranes run on [grid power](https://tidewater.example/grid).\n\n![A crane](https://cdn.tidewater.example/c.jpg)';

let root: string;
let vault: string;
let server: ServeProcess;

function body(path: string, url: string, source: Record<string, unknown> | undefined, date = '2026-12-03'): string {
  return JSON.stringify({
    note: { path },
    clip: { url, title: TITLE, publisher: 'Tidewater Ledger', byline: 'Mira Okafor', quote: 'Noise fell by _half_.' },
    tags: ['ports'],
    date,
    ...(source ? { source } : {}),
  });
}

const sourceNote = (url: string) =>
  `---\ntitle: "${TITLE}"\nurl: ${url}\nauthor: Mira Okafor\nsite: Tidewater Ledger\ntags:\n  - ports\n` +
  `created: 2026-12-03\n---\n\n${MARKDOWN}\n`;

const noteWith = (...callouts: string[]) =>
  NOTE.replace('updated: 2024-01-01', 'updated: 2026-12-03\ntags:\n  - ports').replace(
    '## sources\n\n',
    `## sources\n\n${callouts.map((callout) => `${callout}\n\n`).join('')}`,
  );

const callout = (url: string, fulltext: string | null) =>
  [
    '> [!ref] Tidewater Ledger - Harbour cranes: shore power',
    `> ${url}`,
    ...(fulltext ? [`> Full text: [[${fulltext}]]`] : []),
    '> > Noise fell by _half_.',
  ].join('\n');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-sources-'));
  vault = join(root, 'vault');
  mkdirSync(vault);
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) writeFileSync(join(vault, `${name}.md`), NOTE);
  writeFileSync(join(vault, 'blocked'), 'a file where a folder should be');
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("POST /v1/clips with the article's text (issue 17)", () => {
  it('writes the source note first, then the callout linking it', async () => {
    const response = await postClip(server, body('a.md', URL, { markdown: MARKDOWN }));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      status: 'added',
      path: 'a.md',
      clipId: expect.any(String),
      source: { status: 'created', path: 'sources/Harbour cranes shore power.md' },
    });
    expect(readFileSync(join(vault, 'sources', 'Harbour cranes shore power.md'), 'utf8')).toBe(sourceNote(URL));
    expect(readFileSync(join(vault, 'a.md'), 'utf8')).toBe(
      noteWith(callout(URL, 'sources/Harbour cranes shore power')),
    );
  });

  it('reuses the source note of the same URL, untouched, and names another page of that title -2', async () => {
    const again = await postClip(server, body('b.md', `${URL}?utm_source=feed`, { markdown: 'Other text.' }));
    expect(again.json()).toMatchObject({
      status: 'added',
      source: { status: 'reused', path: 'sources/Harbour cranes shore power.md' },
    });
    expect(readFileSync(join(vault, 'sources', 'Harbour cranes shore power.md'), 'utf8')).toBe(sourceNote(URL));

    const other = 'https://tidewater.example/2026/cranes-two';
    const second = await postClip(server, body('c.md', other, { markdown: MARKDOWN, folder: 'sources/' }));
    expect(second.json()).toMatchObject({
      status: 'added',
      source: { status: 'created', path: 'sources/Harbour cranes shore power-2.md' },
    });
    expect(readFileSync(join(vault, 'sources', 'Harbour cranes shore power-2.md'), 'utf8')).toBe(sourceNote(other));
    expect(readFileSync(join(vault, 'c.md'), 'utf8')).toBe(
      noteWith(callout(other, 'sources/Harbour cranes shore power-2')),
    );
  });

  it.each<[string, string, RegExp]>([
    ['a folder that is a file', 'blocked', /^the article's text was not saved: blocked is not a folder$/],
    ['a folder outside the vault', '../outside', /^the article's text was not saved: .*"\.\." segments$/],
    ['a protected folder', '.obsidian/x', /^the article's text was not saved: refclip never writes into \.obsidian\/$/],
  ])('still files the callout, without the link, when the text cannot be saved (%s)', async (_what, folder, error) => {
    const url = `https://tidewater.example/2026/${encodeURIComponent(folder)}`;
    const response = await postClip(server, body('d.md', url, { markdown: MARKDOWN, folder }));
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'added',
      source: { status: 'failed', error: expect.stringMatching(error) },
    });
    expect(readFileSync(join(vault, 'd.md'), 'utf8')).toContain(`\n${callout(url, null)}\n\n`);
    expect(existsSync(join(root, 'outside'))).toBe(false);
    expect(existsSync(join(vault, '.obsidian'))).toBe(false);
  });

  it.each([
    ['empty text', { markdown: '' }],
    ['an unknown field', { markdown: 'x', path: '/etc/passwd' }],
    ['text over the limit', { markdown: 'x'.repeat(900_001) }],
  ])('refuses a source with %s (400), writing nothing', async (_what, source) => {
    const before = readdirSync(join(vault, 'sources')).sort();
    const response = await postClip(server, body('e.md', 'https://tidewater.example/refused', source));
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect(readFileSync(join(vault, 'e.md'), 'utf8')).toBe(NOTE);
    expect(readdirSync(join(vault, 'sources')).sort()).toEqual(before);
  });

  it('takes the source note it created back with the callout on Undo, but keeps one edited since', async () => {
    const undo = (id: string) =>
      rawRequest(server.port, {
        method: 'DELETE',
        path: `/v1/clips/${id}`,
        headers: { ...authorised(server), 'content-length': '2' },
        body: '{}',
      });
    const clipWithText = async (path: string, title: string) => {
      const clip = { url: `https://tidewater.example/${path}`, title, publisher: 'Tidewater Ledger' };
      const request = { note: { path }, clip, date: '2026-12-03', source: { markdown: 'Tugs hum.' } };
      const response = await postClip(server, JSON.stringify(request));
      expect(response.status).toBe(200);
      return response.json() as { clipId: string; source: { status: string; path: string } };
    };

    const kept = await clipWithText('f.md', 'Tugboats go electric');
    expect(kept.source).toEqual({ status: 'created', path: 'sources/Tugboats go electric.md' });
    expect((await undo(kept.clipId)).status).toBe(200);
    expect(readFileSync(join(vault, 'f.md'), 'utf8')).toBe(NOTE);
    expect(existsSync(join(vault, 'sources', 'Tugboats go electric.md'))).toBe(false);

    const edited = await clipWithText('g.md', 'Pilot boats go electric');
    const sourceFile = join(vault, 'sources', 'Pilot boats go electric.md');
    const withNotes = `${readFileSync(sourceFile, 'utf8')}\nMy own notes.\n`;
    writeFileSync(sourceFile, withNotes);
    expect((await undo(edited.clipId)).status).toBe(200);
    expect(readFileSync(join(vault, 'g.md'), 'utf8')).toBe(NOTE);
    expect(readFileSync(sourceFile, 'utf8')).toBe(withNotes);
  });

  it('never takes the full-text link from the request', async () => {
    const forged = JSON.parse(body('e.md', 'https://tidewater.example/forged', undefined)) as { clip: object };
    forged.clip = { ...forged.clip, fulltext: 'secret/Diary' };
    const response = await postClip(server, JSON.stringify(forged));
    expect(response.status).toBe(200);
    expect(readFileSync(join(vault, 'e.md'), 'utf8')).not.toContain('Full text');
  });
});
