import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoteSummary } from '../../utils/core/companion-api';
import { authorised, postClip, rawRequest, startServe, type ServeProcess } from './support/serve-process';

// Each file starts real `refclip serve` processes; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const GRID = [
  '---',
  'title: Grid batteries',
  'tags: [energy, storage]',
  'aliases: [utility storage]',
  'updated: 2025-01-19',
  '---',
  '# Grid batteries',
  '',
  'Prose mentions https://example.org/prose-only and #policy.',
  '',
  '```',
  '#not-a-tag',
  '```',
  '',
  '## sources',
  '',
  '> [!ref] Wire - Batteries cover the evening peak',
  '> https://www.news.example/batteries?utm_source=feed&id=7',
  '> Why it matters: Storage beat gas at sunset.',
  '',
].join('\n');
const HEAT = '---\ntitle: Heat pumps\ntags:\n  - energy\n  - buildings\n---\n# Heat pumps\n';
const BROKEN = '---\ntitle: Broken\n\ttags: [x]\n---\n# Broken\n';

let root: string;
let vault: string;
let server: ServeProcess;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'refclip-routes-'));
  vault = join(root, 'vault');
  mkdirSync(join(vault, 'projects'), { recursive: true });
  mkdirSync(join(vault, '.obsidian'));
  writeFileSync(join(vault, 'grid.md'), GRID);
  writeFileSync(join(vault, 'projects', 'heat-pumps.md'), HEAT);
  writeFileSync(join(vault, 'broken.md'), BROKEN);
  writeFileSync(join(vault, '.obsidian', 'hidden.md'), '---\ntitle: Hidden\n---\n');
  utimesSync(join(vault, 'grid.md'), new Date(2_000_000_000), new Date(1_700_000_000_000));
  utimesSync(join(vault, 'projects', 'heat-pumps.md'), new Date(2_000_000_000), new Date(1_600_000_000_000));
  utimesSync(join(vault, 'broken.md'), new Date(2_000_000_000), new Date(1_500_000_000_000));
  server = await startServe({ vault, configDir: join(root, 'config') });
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await rawRequest(server.port, { path, headers: authorised(server) });
  return { status: response.status, body: response.json() };
}

async function notes(query: string): Promise<string[]> {
  const { body } = await get(`/v1/notes?q=${encodeURIComponent(query)}`);
  return (body as { notes: NoteSummary[] }).notes.map((note) => note.path);
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((wait) => setTimeout(wait, 20));
}

function post(body: unknown) {
  return postClip(server, JSON.stringify(body));
}

const clip = { url: 'https://news.example/new-story', title: 'A new story', publisher: 'Wire', why: 'Context.' };

describe('reading the vault', () => {
  it('names the vault and counts its notes, skipping .obsidian', async () => {
    expect(await get('/v1/vault')).toEqual({ status: 200, body: { name: 'vault', notes: 3, obsidian: true } });
  });

  it('lists the most recently modified notes for an empty query, with their summaries', async () => {
    expect(await get('/v1/notes?limit=2')).toEqual({
      status: 200,
      body: {
        notes: [
          {
            path: 'grid.md',
            title: 'Grid batteries',
            tags: ['energy', 'storage'],
            updated: '2025-01-19',
            mtime: 1_700_000_000_000,
          },
          {
            path: 'projects/heat-pumps.md',
            title: 'Heat pumps',
            tags: ['energy', 'buildings'],
            updated: null,
            mtime: 1_600_000_000_000,
          },
        ],
      },
    });
  });

  it('searches titles, aliases and paths', async () => {
    expect(await notes('grid')).toEqual(['grid.md']);
    expect(await notes('utility')).toEqual(['grid.md']);
    expect(await notes('projects')).toEqual(['projects/heat-pumps.md']);
    expect(await notes('hidden')).toEqual([]);
  });

  it.each(['0', '201', 'ten', '-1'])('refuses limit=%s with 400', async (limit) => {
    const response = await get(`/v1/notes?limit=${limit}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('counts frontmatter and inline tags per note, not tags in code', async () => {
    expect(await get('/v1/tags')).toEqual({
      status: 200,
      body: {
        tags: [
          { tag: 'energy', count: 2 },
          { tag: 'buildings', count: 1 },
          { tag: 'policy', count: 1 },
          { tag: 'storage', count: 1 },
        ],
      },
    });
  });

  it.each([
    'https://news.example/batteries?id=7',
    'http://www.news.example/batteries/?id=7&utm_medium=x#top',
    'https://NEWS.example/batteries?utm_campaign=y&id=7',
  ])('finds the note citing %s, whatever the URL dressing', async (url) => {
    const { status, body } = await get(`/v1/sources?url=${encodeURIComponent(url)}`);
    expect(status).toBe(200);
    expect((body as { notes: NoteSummary[] }).notes.map((note) => note.path)).toEqual(['grid.md']);
  });

  it('does not count a URL in prose as a source, and needs a url', async () => {
    expect(await get(`/v1/sources?url=${encodeURIComponent('https://example.org/prose-only')}`)).toEqual({
      status: 200,
      body: { notes: [] },
    });
    expect((await get('/v1/sources')).status).toBe(400);
  });
});

describe('clips', () => {
  it('answers already-present for a URL the note cites, leaving it byte-identical', async () => {
    const response = await post({
      note: { path: 'grid.md' },
      clip: { ...clip, url: 'https://news.example/batteries?id=7&fbclid=abc' },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'already-present', path: 'grid.md' });
    expect(readFileSync(join(vault, 'grid.md'), 'utf8')).toBe(GRID);
  });

  it('refuses a note with broken frontmatter with 422 and the line, leaving it alone', async () => {
    const response = await post({ note: { path: 'broken.md' }, clip });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid-note', message: expect.stringContaining('line 3') as unknown },
    });
    expect(readFileSync(join(vault, 'broken.md'), 'utf8')).toBe(BROKEN);
  });

  it('answers 404 for a note that does not exist, creating nothing', async () => {
    const response = await post({ note: { path: 'projects/missing.md' }, clip });
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('creates a new note (201), never over an existing one, and it is searchable at once', async () => {
    const first = await post({
      note: { create: { title: 'Transmission bottlenecks', folder: 'projects/new' } },
      clip,
      date: '2026-03-14',
    });
    expect(first.status).toBe(201);
    expect(first.json()).toEqual({
      status: 'created',
      path: 'projects/new/Transmission bottlenecks.md',
      clipId: expect.stringMatching(/^[\w-]{22}$/),
    });
    const text = readFileSync(join(vault, 'projects', 'new', 'Transmission bottlenecks.md'), 'utf8');
    expect(text).toContain('title: Transmission bottlenecks\n');
    expect(text).toContain('# Transmission bottlenecks\n');
    expect(text).toContain('> [!ref] Wire - A new story\n> https://news.example/new-story\n> Why it matters: Context.');
    const second = await post({
      note: { create: { title: 'Transmission bottlenecks', folder: 'projects/new' } },
      clip,
    });
    expect(second.json()).toEqual({
      status: 'created',
      path: 'projects/new/Transmission bottlenecks-2.md',
      clipId: expect.stringMatching(/^[\w-]{22}$/),
    });
    expect(readFileSync(join(vault, 'projects', 'new', 'Transmission bottlenecks.md'), 'utf8')).toBe(text);
    expect(await notes('transmission')).toHaveLength(2);
  });

  it("writes the clip's summary into a new note's description", async () => {
    const summary = 'Queues: "years"\nnot months';
    const response = await post({
      note: { create: { title: 'Grid queues', folder: 'projects/new' } },
      clip: { ...clip, summary },
    });
    expect(response.status).toBe(201);
    const text = readFileSync(join(vault, 'projects', 'new', 'Grid queues.md'), 'utf8');
    expect(text).toContain(`\ndescription: 'Queues: "years" not months'\n`);
  });
});

describe('the watcher', () => {
  it('shows an outside edit, a new folder, a rename and a deletion in search', async () => {
    writeFileSync(join(vault, 'grid.md'), GRID.replace('title: Grid batteries', 'title: Pumped hydro'));
    await until(async () => (await notes('pumped')).includes('grid.md'));
    mkdirSync(join(vault, 'later', 'deeper'), { recursive: true });
    writeFileSync(join(vault, 'later', 'deeper', 'tidal.md'), '---\ntitle: Tidal power\n---\n');
    await until(async () => (await notes('tidal')).includes('later/deeper/tidal.md'));
    renameSync(join(vault, 'later', 'deeper', 'tidal.md'), join(vault, 'later', 'tides.md'));
    await until(async () => JSON.stringify(await notes('tidal')) === '["later/tides.md"]');
    unlinkSync(join(vault, 'later', 'tides.md'));
    await until(async () => (await notes('tidal')).length === 0);
    rmSync(join(vault, 'projects'), { recursive: true });
    // The folder's notes leave the index one watcher event at a time, not all at once.
    await until(async () => (await notes('projects')).length === 0);
    expect(await get('/v1/vault')).toEqual({ status: 200, body: { name: 'vault', notes: 2, obsidian: true } });
  });
});
